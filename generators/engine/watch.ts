import { watch as watchFolder, readdirSync, lstatSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { VersionDataCache } from '../../rules/load/lazy.js';
import { KeptCatalogue } from '../../rules/validate/kept.js';
import { buildCatalogue, type BuildOptions, type BuildResult } from '../build.js';
import { BuildMemory } from './memory.js';

/** What a watching build reports, as it goes. */
export type WatchEvent =
  /** A build finished: the first one, or one after files were saved (`files`, relative to the catalogue: every one saved since the output last changed; empty for the first). */
  | { kind: 'built'; result: Extract<BuildResult, { built: true }>; files: string[]; first: boolean; seconds: number }
  /** The catalogue has errors: nothing was written, the last good output stays, and watching goes on. */
  | { kind: 'refused'; result: Extract<BuildResult, { built: false }>; files: string[]; first: boolean }
  /** A build failed for another reason (a usage error, the disk): the last good output stays, and watching goes on. */
  | { kind: 'failed'; error: unknown; files: string[]; first: boolean }
  /** Files were saved and a build starts. */
  | { kind: 'rebuilding'; files: string[] };

export interface WatchOptions extends BuildOptions {
  /** Quiet time after a save before building, so a burst of saves (an editor's temp file and rename, a script) builds once. Default 40 ms. */
  debounceMs?: number;
  onEvent: (event: WatchEvent) => void;
}

export interface CatalogueWatch {
  /** Stops watching; resolves once a build under way has finished. */
  close(): Promise<void>;
  /** Resolves after the first build (whatever its outcome). */
  ready: Promise<void>;
}

/** A change that needs the catalogue loaded again, not one file read: a folder came or went, or the system said nothing precise. */
const EVERYTHING = '*';

/**
 * `tthc build --watch`: builds the catalogue, then keeps it loaded and watches its folder; each
 * saved file is read again on its own, the catalogue checked again, and the build run again over
 * it. The build itself is the ordinary incremental one (a journal commit of only the changed
 * outputs), so a watched output is byte-identical to a fresh build of the same files. A catalogue
 * with errors writes nothing: the last good output stays, and watching goes on.
 *
 * The folder is watched with fs.watch, one watcher per folder (procedures/<code>/ holds a
 * procedure's versions): Node 20's `recursive` option on Linux adds a watcher and a stat for every
 * file as well, which at 100,000 procedures passes the system's inotify limit.
 */
export function watchCatalogue(dir: string, options: WatchOptions): CatalogueWatch {
  const root = path.resolve(dir);
  const debounceMs = options.debounceMs ?? 40;
  const folders = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  /** Files saved since the last build that wrote the output. */
  const unbuilt = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let running: Promise<void> | undefined;
  let kept: KeptCatalogue | undefined;
  // The data of the kept catalogue's versions, read once and held while the catalogue stays loaded
  // (the build's compact catalogue holds only 1,500 at once, and whole-catalogue outputs read them
  // all: each rebuild would parse most files again). A new load of the catalogue starts a new one.
  let versionData = new VersionDataCache(Number.POSITIVE_INFINITY);
  // Hashes, the cache's index and fragments, kept from one rebuild to the next (memory.ts).
  let memory = new BuildMemory();
  let generation = -1;
  let first = true;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const changed = (rel: string) => {
    if (closed) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(kick, debounceMs);
  };

  const watchTree = (abs: string, rel: string) => {
    if (closed || folders.has(abs)) return;
    let watcher: FSWatcher;
    try {
      watcher = watchFolder(abs, { persistent: true }, (_event, name) => onEntry(abs, rel, name));
    } catch {
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      folders.delete(abs);
      changed(EVERYTHING);
    });
    folders.set(abs, watcher);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && watched(e.name)) watchTree(path.join(abs, e.name), rel ? `${rel}/${e.name}` : e.name);
  };

  const onEntry = (folder: string, folderRel: string, name: string | Buffer | null) => {
    if (name === null) return changed(EVERYTHING);
    const entry = String(name);
    if (!watched(entry)) return;
    const abs = path.join(folder, entry);
    const rel = folderRel ? `${folderRel}/${entry}` : entry;
    const info = lstatSync(abs, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      // A new folder (a new procedure): watch it, and load the catalogue again for what it holds.
      if (!folders.has(abs)) {
        watchTree(abs, rel);
        changed(EVERYTHING);
      }
      return;
    }
    if (!info && folders.has(abs)) {
      // A folder went away: stop watching it and what was under it.
      for (const [p, w] of folders) {
        if (p === abs || p.startsWith(abs + path.sep)) {
          w.close();
          folders.delete(p);
        }
      }
      return changed(EVERYTHING);
    }
    if (entry.endsWith('.json')) changed(rel);
  };

  const build = async (files: string[]) => {
    const isFirst = first;
    first = false;
    const started = performance.now();
    try {
      const result = await buildCatalogue(dir, {
        ...options,
        // Read by the build after it validated: the cache of the catalogue just checked.
        get versionData() {
          return versionData;
        },
        memory,
        validate: async (stateDir) => {
          const keep = { ...options, requireLock: true, ...(stateDir ? { stateDir, readState: options.cache !== false } : {}) };
          let result;
          if (!kept) {
            const opened = await KeptCatalogue.open(dir, keep);
            kept = opened.kept;
            result = opened.result;
          } else result = await (files.includes(EVERYTHING) ? kept.reload() : kept.update(files));
          if (kept.generation !== generation) {
            generation = kept.generation;
            versionData = new VersionDataCache(Number.POSITIVE_INFINITY);
          }
          return result;
        },
      });
      const shown = files.filter((f) => f !== EVERYTHING);
      // A build names every file saved since the output last changed (a refused build changed nothing).
      for (const f of shown) unbuilt.add(f);
      if (result.built) {
        const saved = [...unbuilt].sort();
        unbuilt.clear();
        options.onEvent({ kind: 'built', result, files: saved, first: isFirst, seconds: (performance.now() - started) / 1000 });
      } else options.onEvent({ kind: 'refused', result, files: shown, first: isFirst });
    } catch (error) {
      // What the catalogue looked like is unknown now: load it whole next time.
      kept = undefined;
      generation = -1;
      memory = new BuildMemory();
      for (const f of files) if (f !== EVERYTHING) unbuilt.add(f);
      options.onEvent({ kind: 'failed', error, files: files.filter((f) => f !== EVERYTHING), first: isFirst });
    }
  };

  function kick(): void {
    timer = undefined;
    if (closed || running || pending.size === 0) return;
    const files = [...pending].sort();
    pending.clear();
    options.onEvent({ kind: 'rebuilding', files: files.filter((f) => f !== EVERYTHING) });
    running = build(files).finally(() => {
      running = undefined;
      // Saved while building: build again.
      if (pending.size > 0 && !closed) timer ??= setTimeout(kick, debounceMs);
    });
  }

  // Watching starts before the first build, so nothing saved during it is missed.
  watchTree(root, '');
  running = build([]).finally(() => {
    running = undefined;
    resolveReady();
    if (pending.size > 0 && !closed) timer ??= setTimeout(kick, debounceMs);
  });

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of folders.values()) w.close();
      folders.clear();
      await running;
    },
  };
}

/** The names the loader reads (listJsonFiles skips hidden names and node_modules): an editor's swap files stay unseen. */
function watched(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}
