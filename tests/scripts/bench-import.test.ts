import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const run = promisify(execFile);
const FIXTURES = path.join(REPO, 'tests/fixtures/realworld');

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) n += e.isDirectory() ? await countFiles(path.join(dir, e.name)) : 1;
  return n;
}

describe('npm run bench:import', () => {
  it('imports a quarter, a half and all of the files, and reports each share by its own records', async () => {
    const { stdout } = await run(process.execPath, [path.join(REPO, 'dist/scripts/bench/import.js'), FIXTURES, '--runs', '1', '--json'], { cwd: REPO, timeout: 240_000 });
    const samples = JSON.parse(stdout) as { share: string; files: number; records: number; wallSeconds: number; cpuSeconds: number; rssMb: number }[];
    const files = await countFiles(FIXTURES);
    expect(samples.map((s) => [s.share, s.files])).toEqual([
      ['1/4', Math.ceil(files / 4)],
      ['1/2', Math.ceil(files / 2)],
      ['all', files],
    ]);
    // The records counted are the import report's own, so more files never means fewer records.
    expect(samples[0]!.records).toBeLessThanOrEqual(samples[1]!.records);
    expect(samples[1]!.records).toBeLessThanOrEqual(samples[2]!.records);
    for (const s of samples) {
      expect(s.wallSeconds).toBeGreaterThan(0);
      expect(s.cpuSeconds).toBeGreaterThan(0);
      expect(s.rssMb).toBeGreaterThan(20);
    }
  }, 300_000);

  it('refuses a bad --runs with exit 2', async () => {
    const error = await run(process.execPath, [path.join(REPO, 'dist/scripts/bench/import.js'), FIXTURES, '--runs', '0']).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2, stderr: 'bench:import: --runs must be a positive whole number, got "0"\n' });
  });
});
