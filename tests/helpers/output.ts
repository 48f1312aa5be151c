import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A temporary folder to build into (the output goes in a subfolder, so temp and cache folders sit beside it). */
export async function makeOutputRoot(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tthc-out-'));
  made.push(dir);
  return dir;
}

export async function cleanupOutputs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Every file under a folder by relative path (forward slashes), with its bytes. */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    files.set(path.relative(root, abs).split(path.sep).join('/'), await readFile(abs));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function readText(root: string, rel: string): Promise<string> {
  return readFile(path.join(root, rel), 'utf8');
}

export async function readJson<T = any>(root: string, rel: string): Promise<T> {
  return JSON.parse(await readText(root, rel)) as T;
}
