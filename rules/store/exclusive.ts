import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Who holds an exclusive lock: written into the lock file when it is created. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the holder took it (ISO 8601). */
  started: string;
  /** What it is doing, for the message a second process sees ("tthc build", "tthc publish"). */
  what: string;
}

export interface ExclusiveOptions {
  /** What the lock guards, for messages: a catalogue folder or a build's output folder. */
  guards: { kind: 'catalogue' | 'output'; path: string };
  /** What this process is doing, recorded for the next one ("tthc build"). */
  what: string;
  /** Wait up to this long for a live holder to finish (default 0: refuse at once). */
  waitMs?: number;
}

/** A lock file that does not (yet) hold a whole holder record, older than this, was left by a process that died creating it. */
const TORN_MS = 10_000;

/** True while the process exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid === 'number' && typeof data.hostname === 'string') return { pid: data.pid, hostname: data.hostname, started: String(data.started ?? ''), what: String(data.what ?? 'tthc') };
  } catch {
    // Torn or gone.
  }
  return undefined;
}

/**
 * Whether a lock file found in place was left by a process that is gone: its holder on this host is
 * dead, or it never got a whole holder record and is old. A holder on another host (a shared
 * folder) is never taken for stale: only that host can tell, so the message names it.
 */
async function isStale(file: string, holder: LockHolder | undefined): Promise<boolean> {
  if (holder) return holder.hostname === hostname() && !isAlive(holder.pid);
  try {
    return Date.now() - (await stat(file)).mtimeMs > TORN_MS;
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes an exclusive lock: creates `file` with O_EXCL (so of two processes exactly one succeeds)
 * holding this process's pid, host and start time. A lock left by a process that died is removed
 * and taken. A live holder makes it wait up to `waitMs`, then refuse with a message naming the
 * holder (`lock.busy`). Returns the release function, which removes the file only while it is
 * still this process's.
 */
export async function takeExclusiveLock(file: string, options: ExclusiveOptions): Promise<() => Promise<void>> {
  const me: LockHolder = { pid: process.pid, hostname: hostname(), started: new Date().toISOString(), what: options.what };
  const text = JSON.stringify(me) + '\n';
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        // Only our own lock: a stale-lock takeover by another process must not be undone.
        if ((await readFile(file, 'utf8').catch(() => '')) === text) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(file);
    if (await isStale(file, holder)) {
      // Two processes may find the same stale lock: removing it by renaming first makes only one remove it.
      const claimed = `${file}.stale-${process.pid}`;
      try {
        await rename(file, claimed);
        await rm(claimed, { force: true });
      } catch {
        // Someone else removed it first.
      }
      continue;
    }
    if (Date.now() < deadline) {
      await sleep(Math.min(50 + attempt * 10, 250));
      continue;
    }
    const who = holder ? `${holder.what} (process ${holder.pid} on ${holder.hostname}, since ${holder.started})` : 'another process';
    const waited = options.waitMs ? ` after waiting ${Math.round(options.waitMs / 1000)} s` : '';
    const guards = `${options.guards.kind === 'catalogue' ? 'the catalogue' : 'the output folder'} ${options.guards.path}`;
    throw new UsageError(`${who} is writing ${guards}${waited}; wait for it to finish and run the command again. If no such process is running, remove the lock file ${file}.`, {
      id: holder ? 'lock.busy' : 'lock.contended',
      params: { kind: options.guards.kind, path: options.guards.path, file, what: holder?.what ?? '', pid: holder?.pid ?? 0, host: holder?.hostname ?? '', since: holder?.started ?? '', waited: options.waitMs ? Math.round(options.waitMs / 1000) : 0 },
    });
  }
}

/** Runs `body` holding the exclusive lock `file` (takeExclusiveLock), and releases it however `body` ends. */
export async function withExclusiveLock<T>(file: string, options: ExclusiveOptions, body: () => Promise<T>): Promise<T> {
  const release = await takeExclusiveLock(file, options);
  try {
    return await body();
  } finally {
    await release();
  }
}

/** The lock file of a catalogue's writers (publish, lock, new-version): a dot file, which the loader never reads. */
export const CATALOGUE_LOCK = '.tthc-writing.lock';

/** How long a catalogue command waits for another to finish writing the same catalogue. */
const CATALOGUE_WAIT_MS = Number(process.env.TTHC_LOCK_WAIT_MS) >= 0 && process.env.TTHC_LOCK_WAIT_MS ? Number(process.env.TTHC_LOCK_WAIT_MS) : 30_000;

/**
 * Runs a command that writes the catalogue (publish, lock, new-version) alone: two at once would
 * each read the catalogue, then each write what it read, and one's entry or draft would be lost.
 * A second one waits for the first (up to 30 s), then reads the catalogue afresh.
 */
export async function withCatalogueLock<T>(dir: string, what: string, body: () => Promise<T>): Promise<T> {
  // No catalogue folder: the command's own load says so, in its words.
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) return body();
  return withExclusiveLock(path.join(dir, CATALOGUE_LOCK), { guards: { kind: 'catalogue', path: dir }, what, waitMs: CATALOGUE_WAIT_MS }, body);
}
