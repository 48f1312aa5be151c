import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO, runTthc } from './cli.js';
import { makeOutputRoot } from './output.js';

/**
 * The bundled catalogue built as `npm start` builds it (the compiled CLI, on a fixed date), for the
 * outside checkers to walk. Call cleanupOutputs() from tests/helpers/output.ts in afterAll.
 */
export async function buildBundled(): Promise<string> {
  const out = path.join(await makeOutputRoot(), 'build');
  const r = await runTthc(['build', path.join(REPO, 'catalogue'), '--out', out, '--at', '2026-03-01', '--no-cache'], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`the bundled catalogue did not build (exit ${r.code}):\n${r.stderr}`);
  return out;
}

/** Every file under `root` whose name ends in `ext`, relative, with forward slashes, sorted: whatever the build emits. */
export async function filesEndingIn(root: string, ext: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
