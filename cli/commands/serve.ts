import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { LiveReload, startStaticServer, type StaticServer } from '../serve/server.js';
import { m } from '../i18n.js';
import { note, say } from '../output.js';
import { EXIT } from '../run.js';

export interface ServeFlags {
  port?: string;
  /** Build the catalogue into the output first, rebuild on each save, and reload the open pages. */
  watch?: boolean;
  catalogue?: string;
  at?: string;
  preview?: boolean;
  quiet?: boolean;
}

/** tthc serve: serves the built site on localhost until interrupted; with --watch, builds and rebuilds it too. */
export async function serveCommand(dir: string, flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? 8080 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(m().serve.badPort(String(flags.port)));
  if (flags.watch) return serveWatching(dir, port, flags);
  // `tthc serve build` serves the site inside a build output.
  let root = path.resolve(dir);
  const site = path.join(root, 'site');
  if (await isDirectory(site)) root = site;
  if (!(await isDirectory(root))) throw new UsageError(m().serve.notFolder(dir));
  const server = await listen(root, port);
  await say(m().serve.serving(path.relative(process.cwd(), root) || '.', server.url) + '\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}

async function listen(root: string, port: number, live?: LiveReload): Promise<StaticServer> {
  try {
    return await startStaticServer({ root, port, log: note, ...(live ? { live } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(m().serve.inUse(port));
    throw error;
  }
}

/**
 * `tthc serve [out] --watch`: `tthc build --catalogue --out <out> --watch` and a server of
 * <out>/site in one process. After each rebuild the open pages reload themselves (a server-sent
 * event to the script the server adds to its HTML answers; the built files stay as built).
 */
async function serveWatching(dir: string, port: number, flags: ServeFlags): Promise<number> {
  const { startWatch, stopWatch } = await import('../watch.js');
  const { installInterruptHandlers } = await import('../../generators/engine/interrupt.js');
  // The output folder: `build/site` (the default) and `build` both mean the output `build`.
  const given = path.resolve(dir);
  const out = path.basename(given) === 'site' ? path.dirname(given) : given;
  const root = path.join(out, 'site');
  const live = new LiveReload();
  const quiet = flags.quiet === true;
  let ready!: (built: boolean) => void;
  const first = new Promise<boolean>((resolve) => (ready = resolve));
  const catalogue = flags.catalogue ?? 'catalogue';
  const watch = startWatch(catalogue, { out, ...(flags.at !== undefined ? { at: flags.at } : {}), cache: true, preview: flags.preview === true }, { format: 'stylish', quiet, signed: false, onBuilt: (files) => live.reload(files), onReady: ready });
  let server: StaticServer | undefined;
  installInterruptHandlers(() => stopWatch(watch, quiet, () => void server?.close()));
  await first;
  if (!(await isDirectory(root))) {
    await watch.close();
    throw new UsageError(m().serve.noSite(path.relative(process.cwd(), root) || root));
  }
  server = await listen(root, port, live);
  await say(m().serve.serving(path.relative(process.cwd(), root) || '.', server.url) + '\n');
  // Until Ctrl+C: stopWatch ends the process.
  return new Promise<number>(() => {});
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
