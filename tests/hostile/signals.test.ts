/**
 * Issue 16, point 7: SIGINT and SIGTERM during a build remove its staging folder and its lock on the
 * output, print one line and exit 130 or 143, leaving the previous output as it was; a build that
 * fails after its swap (saving the cache, removing the old output) exits 0 with a warning, because
 * the new output is whole, and the next build recovers.
 */
import { snapshot } from '../helpers/tree.js';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { relockCatalogue } from '../helpers/catalogue.js';
import { hasStackTrace, REPO, TTHC, type CliResult } from '../helpers/cli.js';
import { tally } from './tally.js';

const work = mkdtempSync(path.join(tmpdir(), 'tthc-signals-'));
const catalogue = path.join(work, 'catalogue');
afterAll(() => rmSync(work, { recursive: true, force: true }));


/** The files the manifest lists (itself, its shards, theirs), with their hashes. */
function listed(out: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { shards: { path: string; sha256: string }[] };
  const files: Record<string, string> = { 'manifest.json': createHash('sha256').update(readFileSync(path.join(out, 'manifest.json'))).digest('hex') };
  for (const shard of manifest.shards) {
    files[shard.path] = shard.sha256;
    for (const [p, f] of Object.entries((JSON.parse(readFileSync(path.join(out, shard.path), 'utf8')) as { files: Record<string, { sha256: string }> }).files)) files[p] = f.sha256;
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Runs a build; `onStaging` is called once its staging folder exists (with the child, to signal it). */
function build(out: string, options: { env?: NodeJS.ProcessEnv; cache?: boolean; onStaging?: (kill: (s: NodeJS.Signals) => void) => void } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const args = [TTHC, 'build', catalogue, '--out', out, '--at', '2026-01-15', ...(options.cache === false ? ['--no-cache'] : [])];
    const child = spawn(process.execPath, args, { cwd: REPO, env: { ...process.env, NO_COLOR: '1', TTHC_LANG: 'en', CI: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let poll: NodeJS.Timeout | undefined;
    if (options.onStaging) {
      const parent = path.dirname(out);
      const staging = new RegExp(`^\\.${path.basename(out)}\\.tmp-${child.pid}-`);
      poll = setInterval(() => {
        if (readdirSync(parent).some((n) => staging.test(n))) {
          clearInterval(poll);
          // Some files written into it, then the signal.
          setTimeout(() => options.onStaging!((s) => child.kill(s)), 150);
        }
      }, 10);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** What is beside the output folder: staging folders, old outputs, journals and locks show here. */
const beside = (out: string) => readdirSync(path.dirname(out)).filter((n) => n.startsWith(`.${path.basename(out)}.`) && !n.endsWith('.tthc-cache')).sort();

beforeAll(() => {
  writeSyntheticCatalogue(catalogue, { procedures: 150, seed: 5, from: path.join(REPO, 'catalogue') });
});

async function changeOneProcedure(): Promise<void> {
  const code = readdirSync(path.join(catalogue, 'procedures')).sort()[0]!;
  const file = path.join(catalogue, 'procedures', code, 'v1.json');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  spec.name.vi = `${spec.name.vi} (sửa)`;
  writeFileSync(file, JSON.stringify(spec));
  await relockCatalogue(catalogue);
}

describe('an interrupted build (point 7)', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: staging and lock removed, one line, exit ${code}, the previous output unchanged`, async () => {
      const out = path.join(work, `site-${signal}`);
      const first = await build(out, { cache: false });
      expect(first.code, first.stderr).toBe(0);
      const before = snapshot(out);
      await changeOneProcedure();
      let signalled = false;
      const run = await build(out, { cache: false, onStaging: (kill) => ((signalled = true), kill(signal)) });
      tally({ cases: 1, leaks: beside(out).length, crashes: hasStackTrace(run.stderr) ? 1 : 0 });
      expect(signalled, 'the build reached its staging folder').toBe(true);
      expect(run.signal).toBeNull();
      expect(run.code, run.stderr).toBe(code);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.at(-1)).toBe(`tthc: build interrupted (${signal}): its staging folder was removed and the output folder is as it was before this build.`);
      expect(lines.filter((l) => l.includes('interrupted'))).toHaveLength(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(beside(out)).toEqual([]);
      expect(snapshot(out)).toEqual(before);
      // The next build runs as if nothing had happened.
      const next = await build(out, { cache: false });
      expect(next.code, next.stderr).toBe(0);
      expect(snapshot(out)).toEqual(listed(out));
      expect(snapshot(out)).not.toEqual(before);
    }, 240_000);
  }
});

describe('a build that fails after its swap (point 7)', () => {
  it('the cache cannot be saved: exit 0 with a warning, the output whole; the next build recovers', async () => {
    const out = path.join(work, 'site-cache');
    expect((await build(out)).code).toBe(0);
    await changeOneProcedure();
    const run = await build(out, { env: { TTHC_FAULT: 'build:save-cache' } });
    tally({ cases: 1, crashes: run.code === 0 ? 0 : 1 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`tthc: warning: the new output is in place, but the build cache ${path.join(work, '.site-cache.tthc-cache')} could not be saved (injected failure at build:save-cache (TTHC_FAULT)); the next build renders more than it needs to.\n`);
    expect(snapshot(out)).toEqual(listed(out));
    expect(beside(out)).toEqual([]);
    await changeOneProcedure();
    const next = await build(out);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('warning');
    const clean = path.join(work, 'site-cache-clean');
    expect((await build(clean, { cache: false })).code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(clean));
  }, 240_000);

  it('the previous output cannot be removed: exit 0 with a warning naming it; the next build removes it', async () => {
    const out = path.join(work, 'site-old');
    expect((await build(out, { cache: false })).code).toBe(0);
    await changeOneProcedure();
    const run = await build(out, { cache: false, env: { TTHC_FAULT: 'build:remove-old' } });
    tally({ cases: 1, crashes: run.code === 0 ? 0 : 1 });
    expect(run.code, run.stderr).toBe(0);
    const left = beside(out);
    expect(left).toEqual([expect.stringMatching(/^\.site-old\.old-\d+-[0-9a-f]{8}$/)]);
    expect(run.stderr).toContain(`tthc: warning: the new output is in place, but the previous one, moved aside to ${path.join(work, left[0]!)}, could not be removed (injected failure at build:remove-old (TTHC_FAULT)); the next build removes it.\n`);
    expect(snapshot(out)).toEqual(listed(out));
    const next = await build(out, { cache: false });
    expect(next.code, next.stderr).toBe(0);
    expect(beside(out)).toEqual([]);
    expect(existsSync(path.join(work, left[0]!))).toBe(false);
  }, 240_000);
});
