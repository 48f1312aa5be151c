import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const run = promisify(execFile);
let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run bench', () => {
  it('measures every step on a tiny catalogue and prints one JSON object of positive figures', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'tthc-bench-'));
    const { stdout } = await run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js'), '--procedures', '20', '--runs', '1', '--json', '--work', work], { cwd: REPO, timeout: 120_000 });
    const result = JSON.parse(stdout) as Record<string, number>;
    expect(Object.keys(result)).toEqual(['procedures', 'floorSeconds', 'validateSeconds', 'buildSeconds', 'rebuildOneSeconds', 'rebuildNoneSeconds', 'peakRssMb', 'outputFiles', 'outputFolders', 'outputBytes']);
    expect(result.procedures).toBe(20);
    for (const [key, value] of Object.entries(result)) {
      expect(typeof value, key).toBe('number');
      expect(value, key).toBeGreaterThan(0);
    }
    // A build of 20 procedures writes their pages and documents and the shared pages: more files than procedures.
    expect(result.outputFiles).toBeGreaterThan(20);
    expect(result.outputBytes).toBeGreaterThan(result.outputFiles * 100);
    // The catalogue is kept for the next run; the build folders are cleaned up.
    expect((await readdir(work)).filter((n) => n.includes('build'))).toEqual([]);
  }, 120_000);

  it('refuses a missing or bad size', async () => {
    await expect(run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js')], { cwd: REPO })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--procedures is required') });
    await expect(run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js'), '--procedures', '0'], { cwd: REPO })).rejects.toMatchObject({ code: 2 });
  });
});
