/**
 * Issue 16, points 5, 6 and 8: builds and publishes that cannot race, and refused builds that write
 * nothing. Two builds into one --out: the second refuses while the first holds the output's lock, and
 * the output is exactly one catalogue's, every file listed by its manifest. Two publishes or two
 * new-versions of one catalogue at once lose nothing. A publish killed between its version file and
 * the lock is finished by the next command. --out at / (or the catalogue, or a link to /etc) and a
 * bad --cache-dir are refused before anything is written; the cache prunes only its own files.
 */
import { snapshot } from '../helpers/tree.js';
import { isDeepStrictEqual } from 'node:util';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { contentHash } from '../../rules/load/canonical.js';
import { cleanupCatalogues, lockCatalogue, makeCatalogue, version, versionPath } from '../helpers/catalogue.js';
import { hasStackTrace, REPO, runTthc, TTHC, type CliResult } from '../helpers/cli.js';
import { tally } from './tally.js';

const work = mkdtempSync(path.join(tmpdir(), 'tthc-races-'));
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await cleanupCatalogues();
});

/** Every file under a folder (relative paths, sorted) with its SHA-256. */

/** The files an output's manifest lists, with their hashes: manifest.json, its shards, and theirs. */
function listed(out: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { shards: { path: string; sha256: string }[] };
  const files: Record<string, string> = { 'manifest.json': createHash('sha256').update(readFileSync(path.join(out, 'manifest.json'))).digest('hex') };
  for (const shard of manifest.shards) {
    files[shard.path] = shard.sha256;
    const data = JSON.parse(readFileSync(path.join(out, shard.path), 'utf8')) as { files: Record<string, { sha256: string }> };
    for (const [p, f] of Object.entries(data.files)) files[p] = f.sha256;
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Starts the CLI; the result comes when it exits. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TTHC, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', TTHC_LANG: 'en', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one build at a time into one --out (point 5)', () => {
  it('a second build into the same --out refuses while the first runs; the output is the first catalogue whole, every file listed', async () => {
    const a = path.join(work, 'cat-a');
    const b = path.join(work, 'cat-b');
    writeSyntheticCatalogue(a, { procedures: 120, seed: 11, from: path.join(REPO, 'catalogue') });
    writeSyntheticCatalogue(b, { procedures: 120, seed: 12, from: path.join(REPO, 'catalogue') });
    const out = path.join(work, 'site');
    // A previous output, so both runs would be incremental builds over it.
    expect((await runTthc(['build', b, '--out', out, '--at', '2026-01-15'], { timeoutMs: 120_000 })).code).toBe(0);
    const first = start(['build', a, '--out', out, '--at', '2026-01-15']);
    // The first holds the output's lock from before it validates, until its cache is saved.
    for (let i = 0; i < 200 && !existsSync(path.join(work, '.site.tthc-lock')); i++) await sleep(25);
    const second = await start(['build', b, '--out', out, '--at', '2026-02-15']);
    const one = await first;
    // Compared as toEqual compares (key order aside): JSON.stringify of the two differed by order alone and counted a lost race.
    const whole = existsSync(path.join(out, 'manifest.json')) && isDeepStrictEqual(snapshot(out), listed(out));
    tally({ cases: 2, racesLost: one.code === 0 && second.code !== 0 && whole ? 0 : 1, crashes: hasStackTrace(one.stderr + second.stderr) ? 1 : 0 });
    expect(one.code, one.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^tthc: tthc build \\(process \\d+ on ${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, since [0-9T:.-]+Z\\) is writing the output folder ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; wait for it to finish`));
    expect(existsSync(path.join(work, '.site.tthc-lock'))).toBe(false);
    // Exactly the files the manifest lists, with its hashes, and the same as a clean build of the first catalogue.
    expect(snapshot(out)).toEqual(listed(out));
    const clean = path.join(work, 'site-clean');
    expect((await runTthc(['build', a, '--out', clean, '--at', '2026-01-15', '--no-cache'], { timeoutMs: 120_000 })).code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(clean));
  }, 300_000);

  it('a lock held by a live process refuses the build, naming it; one left by a dead process is taken over', async () => {
    const dir = await makeCatalogue({ [versionPath(version())]: version() });
    await lockCatalogue(dir);
    const out = path.join(work, 'held');
    const lockFile = path.join(work, '.held.tthc-lock');
    // This test's own process is alive: the build must wait for it.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, hostname: hostname(), started: '2026-01-01T00:00:00.000Z', what: 'tthc build' }) + '\n');
    const refused = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15']);
    tally({ cases: 2 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`tthc: tthc build (process ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00.000Z) is writing the output folder ${out}; wait for it to finish and run the command again. If no such process is running, remove the lock file ${lockFile}.\n`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(lockFile)).toBe(true);
    // A pid that is not running (the highest a Linux pid can be is 4194304).
    writeFileSync(lockFile, JSON.stringify({ pid: 4_194_304 + 1, hostname: hostname(), started: '2026-01-01T00:00:00.000Z', what: 'tthc build' }) + '\n');
    const taken = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15']);
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    expect(snapshot(out)).toEqual(listed(out));
  });
});

/** Drafts of distinct procedures, each ready to publish. */
function drafts(n: number) {
  return Array.from({ length: n }, (_, i) => version({ code: `1.00010${i}`, version: 'v1', status: 'draft', name: { vi: `Thủ tục dự thảo số ${i + 1}` } }));
}

describe('one writer of a catalogue at a time (point 6)', () => {
  it('four publishes at once: all four published and in the lock', async () => {
    const list = drafts(4);
    const dir = await makeCatalogue({ [versionPath(version())]: version(), ...Object.fromEntries(list.map((d) => [versionPath(d), d])) });
    await lockCatalogue(dir);
    const results = await Promise.all(list.map((d) => start(['publish', `${d.code}@v1`, '--dir', dir])));
    const lock = JSON.parse(readFileSync(path.join(dir, 'tthc.lock.json'), 'utf8')) as { published: { code: string; sha256: string }[] };
    tally({ cases: list.length, racesLost: list.filter((d) => !lock.published.some((e) => e.code === d.code)).length, crashes: results.filter((r) => hasStackTrace(r.stderr)).length });
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(lock.published.map((e) => e.code)).toEqual([...list.map((d) => d.code), version().code].sort());
    for (const d of list) expect(lock.published.find((e) => e.code === d.code)!.sha256).toBe(contentHash({ ...d, status: 'published' }));
    expect(existsSync(path.join(dir, '.tthc-writing.lock'))).toBe(false);
    expect((await runTthc(['validate', dir, '--strict'])).code).toBe(0);
  });

  it('three new-versions of one version at once: three drafts, none overwritten', async () => {
    const dir = await makeCatalogue({ [versionPath(version())]: version() });
    await lockCatalogue(dir);
    const results = await Promise.all([1, 2, 3].map(() => start(['new-version', version().code, 'v1', '--dir', dir])));
    tally({ cases: 3, racesLost: Math.max(0, 4 - readdirSync(path.join(dir, 'procedures', version().code)).length), crashes: results.filter((r) => hasStackTrace(r.stderr)).length });
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const created = results.map((r) => /Created draft 1\.001193@(v\d+)/.exec(r.stdout)?.[1]).sort();
    expect(created).toEqual(['v2', 'v3', 'v4']);
    expect(readdirSync(path.join(dir, 'procedures', version().code)).sort()).toEqual(['v1.json', 'v2.json', 'v3.json', 'v4.json']);
  });

  for (const point of ['publish:after-journal', 'publish:after-file'] as const) {
    it(`a publish killed at ${point} is finished by the next command, which says so`, async () => {
      const [draft] = drafts(1);
      const dir = await makeCatalogue({ [versionPath(version())]: version(), [versionPath(draft!)]: draft! });
      await lockCatalogue(dir);
      const killed = await start(['publish', `${draft!.code}@v1`, '--dir', dir], { TTHC_FAULT: point });
      expect(killed.signal).toBe('SIGKILL');
      expect(existsSync(path.join(dir, '.tthc-publish.journal'))).toBe(true);
      const lockBefore = JSON.parse(readFileSync(path.join(dir, 'tthc.lock.json'), 'utf8')) as { published: { code: string }[] };
      expect(lockBefore.published.map((e) => e.code)).toEqual([version().code]);
      // The next command that writes the catalogue (here tthc lock) finishes it first.
      const next = await runTthc(['lock', dir]);
      const recorded = (JSON.parse(readFileSync(path.join(dir, 'tthc.lock.json'), 'utf8')) as { published: { code: string }[] }).published.some((e) => e.code === draft!.code);
      tally({ cases: 1, racesLost: recorded ? 0 : 1 });
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toBe(`tthc: finished the interrupted publish of ${draft!.code}@v1: its file and the lock are written now.\n`);
      expect(JSON.parse(readFileSync(path.join(dir, versionPath(draft!)), 'utf8')).status).toBe('published');
      const lock = JSON.parse(readFileSync(path.join(dir, 'tthc.lock.json'), 'utf8')) as { published: { code: string; sha256: string }[] };
      expect(lock.published.map((e) => [e.code, e.sha256])).toEqual([
        [draft!.code, contentHash({ ...draft!, status: 'published' })],
        [version().code, contentHash(version())],
      ]);
      expect(existsSync(path.join(dir, '.tthc-publish.journal'))).toBe(false);
      expect((await runTthc(['validate', dir, '--strict'])).code).toBe(0);
    });
  }
});

describe('a refused build writes nothing (point 8)', () => {
  it('--out /, --out inside the catalogue, --out through a link to /etc, and a --cache-dir in a system folder: refused, nothing written', async () => {
    const dir = await makeCatalogue({ [versionPath(version())]: version() });
    await lockCatalogue(dir);
    const before = { root: readdirSync('/').sort(), etc: readdirSync('/etc').sort(), catalogue: snapshot(dir) };
    const here = mkdtempSync(path.join(work, 'refused-'));
    const link = path.join(here, 'etc-link');
    symlinkSync('/etc', link);
    const linkedParent = path.join(here, 'etc-parent');
    symlinkSync('/etc', linkedParent);
    const cases: [string[], RegExp][] = [
      [['--out', '/'], /^tthc: --out \/ is the root of the file system; /],
      [['--out', path.join(dir, 'procedures')], /is inside the catalogue folder/],
      [['--out', dir], /holds the catalogue/],
      [['--out', link], /^tthc: --out \/etc is a system or home folder; /],
      [['--out', path.join(linkedParent, 'site')], /is inside a system folder/],
      [['--out', path.join(here, 'fine'), '--cache-dir', '/'], /^tthc: --cache-dir \/ is the root of the file system; /],
      [['--out', path.join(here, 'fine'), '--cache-dir', '/etc/tthc'], /is inside a system folder/],
      [['--out', path.join(here, 'fine'), '--cache-dir', path.join(here, 'fine', 'cache')], /is inside --out/],
      [['--out', path.join(here, 'fine'), '--cache-dir', path.join(dir, '.cache')], /overlaps the catalogue folder/],
    ];
    for (const [args, message] of cases) {
      const r = await runTthc(['build', dir, ...args, '--at', '2026-01-15']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const leaked = [readdirSync('/').sort().join() !== before.root.join(), readdirSync('/etc').sort().join() !== before.etc.join(), JSON.stringify(snapshot(dir)) !== JSON.stringify(before.catalogue)].filter(Boolean).length;
    tally({ cases: cases.length, leaks: leaked });
    expect(readdirSync('/').sort()).toEqual(before.root);
    expect(readdirSync('/etc').sort()).toEqual(before.etc);
    expect(snapshot(dir)).toEqual(before.catalogue);
    expect(readdirSync(here).sort()).toEqual(['etc-link', 'etc-parent']);
  });

  it('a refused build (catalogue errors) leaves no folder it created for --out', async () => {
    const dir = await makeCatalogue({ [versionPath(version())]: version({ field: 'no-such-field' }) });
    await lockCatalogue(dir);
    const out = path.join(work, 'deep', 'er', 'site');
    const r = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15', '--no-cache']);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(work, 'deep'))).toBe(false);
  });

  it('the cache prunes only the fragment files it made, never a user’s files under --cache-dir', async () => {
    const dir = await makeCatalogue({ [versionPath(version())]: version() });
    await lockCatalogue(dir);
    const cache = path.join(work, 'my-cache');
    const mine = {
      'notes.txt': 'keep me',
      'fragments/ab/notes.txt': 'keep me too',
      'fragments/ab/report.json': '{}',
      'fragments/photos/cat.jpg': 'jpeg',
      [`fragments/ab/${'a'.repeat(64)}`]: 'a fragment-like name in the wrong bucket',
    };
    for (const [rel, text] of Object.entries(mine)) {
      mkdirSync(path.dirname(path.join(cache, rel)), { recursive: true });
      writeFileSync(path.join(cache, rel), text);
    }
    const stale = path.join(cache, 'fragments', 'ab', `ab${'0'.repeat(62)}`);
    writeFileSync(stale, 'a fragment of an older build');
    const out = path.join(work, 'cached-site');
    for (let i = 0; i < 2; i++) {
      const r = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15', '--cache-dir', cache]);
      expect(r.code, r.stderr).toBe(0);
    }
    tally({ cases: 2, leaks: Object.keys(mine).filter((rel) => !existsSync(path.join(cache, rel))).length });
    for (const [rel, text] of Object.entries(mine)) expect(readFileSync(path.join(cache, rel), 'utf8'), rel).toBe(text);
    // What the cache made and no longer uses is pruned.
    expect(existsSync(stale)).toBe(false);
  });
});
