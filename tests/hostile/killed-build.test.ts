import { spawn } from 'node:child_process';
import { snapshot } from '../helpers/tree.js';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { relockCatalogue } from '../helpers/catalogue.js';
import { TTHC } from '../helpers/cli.js';
import { tally } from './tally.js';

/** Every file under a folder with its SHA-256, for byte-for-byte comparison. */

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
}

/** Runs a build, killing it with SIGKILL after `killAfterMs` if it is still running. */
function build(catalogue: string, out: string, killAfterMs?: number, options: { cache?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = [TTHC, 'build', catalogue, '--out', out, '--at', '2026-01-15', ...(options.cache ? [] : ['--no-cache'])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stderr });
    });
  });
}

describe('a build killed at random points loses nothing', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'tthc-kill-'));
  const catalogue = path.join(work, 'catalogue');
  const out = path.join(work, 'site');
  let before: Record<string, string>;
  let fullMs: number;

  beforeAll(async () => {
    writeSyntheticCatalogue(catalogue, { procedures: 25, seed: 7 });
    const first = await build(catalogue, out);
    expect(first.code, first.stderr).toBe(0);
    fullMs = first.ms;
    before = snapshot(out);
    cpSync(out, path.join(work, 'pristine'), { recursive: true });
    // The next builds would change one procedure's page, so a half-done swap would show.
    const file = path.join(catalogue, 'procedures', readdirSync(path.join(catalogue, 'procedures')).sort()[0]!, 'v1.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.name.vi = `${spec.name.vi} (sửa đổi)`;
    writeFileSync(file, JSON.stringify(spec));
    // Edited as a fixture, not lawfully: lock it afresh (a build refuses published versions without a lock).
    await relockCatalogue(catalogue);
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  let complete: Record<string, string> | undefined;
  /** The output of a finished build of the changed catalogue, made once when first needed. */
  async function completeOutput(): Promise<Record<string, string>> {
    if (!complete) {
      const done = path.join(work, 'complete');
      expect((await build(catalogue, done)).code).toBe(0);
      complete = snapshot(done);
    }
    return complete;
  }

  it('at 20 kill points the previous output stays byte-identical, and the next build succeeds', async () => {
    let kills = 0;
    const points: number[] = [];
    // Spread the kills over the whole run, from start-up to the swap; stop once 20 landed mid-build.
    for (let attempt = 0; attempt < 40 && kills < 20; attempt++) {
      const at = Math.round(((attempt % 20) + 0.5) / 20 * fullMs * (attempt < 20 ? 1 : 0.6));
      const run = await build(catalogue, out, at);
      if (run.signal !== 'SIGKILL') {
        // It finished first: a completed build, not a kill. Put the old output back for the next round.
        expect(run.code, run.stderr).toBe(0);
        rmSync(out, { recursive: true, force: true });
        cpSync(path.join(work, 'pristine'), out, { recursive: true });
        continue;
      }
      kills++;
      points.push(at);
      expect(existsSync(out), `output missing after a kill at ${at} ms`).toBe(true);
      // Killed after its output was swapped in, a build has finished its work: old or new, never a mixture.
      const now = snapshot(out);
      if (JSON.stringify(now) !== JSON.stringify(before)) expect(now, `output mixed after a kill at ${at} ms`).toEqual(await completeOutput());
    }
    tally({ cases: kills });
    expect(kills, `kill points: ${points.join(', ')} ms of a ${Math.round(fullMs)} ms build`).toBeGreaterThanOrEqual(20);
    const next = await build(catalogue, out);
    expect(next.code, next.stderr).toBe(0);
    const fresh = path.join(work, 'fresh');
    expect((await build(catalogue, fresh)).code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(fresh));
    expect(snapshot(out)).not.toEqual(before);
  }, 300_000);

  it('an incremental (cached) rebuild killed at 10 points also leaves the previous output byte-identical', async () => {
    const inc = path.join(work, 'incremental');
    const catalogue2 = path.join(work, 'catalogue2');
    writeSyntheticCatalogue(catalogue2, { procedures: 25, seed: 11 });
    expect((await build(catalogue2, inc, undefined, { cache: true })).code).toBe(0);
    const previous = snapshot(inc);
    cpSync(inc, path.join(work, 'incremental-pristine'), { recursive: true });
    // Change three procedures, so an incremental rebuild has several files to replace.
    const codes = readdirSync(path.join(catalogue2, 'procedures')).sort().slice(0, 3);
    for (const code of codes) {
      const file = path.join(catalogue2, 'procedures', code, 'v1.json');
      const spec = JSON.parse(readFileSync(file, 'utf8'));
      spec.name.vi = `${spec.name.vi} (sửa đổi)`;
      writeFileSync(file, JSON.stringify(spec));
    }
    await relockCatalogue(catalogue2);
    const timing = await build(catalogue2, path.join(work, 'incremental-timing'), undefined, { cache: true });
    expect(timing.code).toBe(0);
    const complete = snapshot(path.join(work, 'incremental-timing'));
    let kills = 0;
    for (let i = 0; i < 10; i++) {
      const at = Math.round(((i + 0.5) / 10) * Math.max(timing.ms, 300));
      const run = await build(catalogue2, inc, at, { cache: true });
      if (run.signal === 'SIGKILL') {
        kills++;
        expect(existsSync(inc), `output missing after a kill at ${at} ms`).toBe(true);
        // Killed after its output was swapped in, a build has finished its work: old or new, never a mixture.
        const now = snapshot(inc);
        if (JSON.stringify(now) !== JSON.stringify(previous)) expect(now, `output mixed after a kill at ${at} ms`).toEqual(complete);
      } else {
        expect(run.code, run.stderr).toBe(0);
        rmSync(inc, { recursive: true, force: true });
        cpSync(path.join(work, 'incremental-pristine'), inc, { recursive: true });
      }
    }
    tally({ cases: kills });
    expect(kills).toBeGreaterThanOrEqual(5);
    expect((await build(catalogue2, inc, undefined, { cache: true })).code).toBe(0);
    expect(snapshot(inc)).not.toEqual(previous);
  }, 300_000);

  it('a first build killed mid-way leaves no output folder (or, killed after its swap, the finished one), and the next one succeeds', async () => {
    const target = path.join(work, 'first');
    let killed = 0;
    for (const fraction of [0.2, 0.5, 0.8]) {
      const run = await build(catalogue, target, Math.round(fullMs * fraction));
      if (run.signal !== 'SIGKILL') {
        rmSync(target, { recursive: true, force: true });
        continue;
      }
      killed++;
      // On a busy machine a kill can land after the swap, while the process saves its cache and
      // prints its summary: the output is then the finished one, never a part of it.
      if (existsSync(target)) {
        expect(snapshot(target), `a partial first build after a kill at ${Math.round(fullMs * fraction)} ms`).toEqual(await completeOutput());
        rmSync(target, { recursive: true, force: true });
      }
    }
    expect(killed).toBeGreaterThan(0);
    expect((await build(catalogue, target)).code).toBe(0);
    expect(Object.keys(snapshot(target)).length).toBeGreaterThan(100);
  }, 120_000);
});
