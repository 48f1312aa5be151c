import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { CATALOGUE_ENV, referencePages, writeEleventyProject } from '../../scripts/bench/eleventy.js';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';

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
    expect(Object.keys(result)).toEqual(['procedures', 'floorSeconds', 'validateSeconds', 'buildSeconds', 'rebuildOneSeconds', 'rebuildNoneSeconds', 'watchRebuildSeconds', 'peakRssMb', 'outputFiles', 'outputFolders', 'outputBytes']);
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

  it('with --reference eleventy adds the Eleventy row: one page per procedure, its time and memory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tthc-bench-ref-'));
    try {
      const { stdout } = await run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js'), '--procedures', '6', '--runs', '1', '--json', '--reference', 'eleventy', '--work', dir], { cwd: REPO, timeout: 120_000 });
      const result = JSON.parse(stdout) as Record<string, number>;
      expect(Object.keys(result).slice(-4)).toEqual(['eleventySeconds', 'eleventyPeakRssMb', 'eleventyFiles', 'eleventyBytes']);
      expect(result.eleventyFiles).toBe(6);
      expect(result.eleventySeconds).toBeGreaterThan(0);
      expect(result.eleventyPeakRssMb).toBeGreaterThan(20);
      // Each page carries a name, agencies, a dossier, fees and a time limit: more than a kilobyte.
      expect(result.eleventyBytes).toBeGreaterThan(6 * 1024);
      // The tool's own figures are all still there.
      expect(result.outputFiles).toBeGreaterThan(6);
      expect(result.peakRssMb).toBeGreaterThan(20);
      expect((await readdir(dir)).filter((n) => n.includes('eleventy') || n.includes('build'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('Eleventy renders each procedure\'s version in force, escaped, from the same catalogue', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tthc-eleventy-'));
    try {
      const catalogue = path.join(dir, 'catalogue');
      writeSyntheticCatalogue(catalogue, { procedures: 4, seed: 7, from: path.join(REPO, 'catalogue') });
      const pages = referencePages(catalogue);
      const codes = (await readdir(path.join(catalogue, 'procedures'))).sort();
      expect(pages.map((p) => p.code)).toEqual(codes);
      // The page shows the latest published version: the highest number in these synthetic ones.
      for (const page of pages) {
        const versions = (await readdir(path.join(catalogue, 'procedures', page.code))).map((f) => Number(f.slice(1, -5)));
        expect(page.version).toBe(`v${Math.max(...versions)}`);
        const spec = JSON.parse(await readFile(path.join(catalogue, 'procedures', page.code, `${page.version}.json`), 'utf8')) as { name: { vi: string }; dossier: { documents: { name: string }[] } };
        expect(page.name).toBe(spec.name.vi);
        expect(page.documents.map((d) => d.name)).toEqual(spec.dossier.documents.map((d) => d.name));
      }
      const out = path.join(dir, 'out');
      const args = writeEleventyProject(path.join(dir, 'project'), out);
      await run(process.execPath, args, { cwd: REPO, env: { ...process.env, [CATALOGUE_ENV]: catalogue }, timeout: 60_000 });
      expect((await readdir(path.join(out, 'procedures'))).sort()).toEqual(codes.map((c) => `${c}.html`));
      const first = pages[0]!;
      const html = await readFile(path.join(out, 'procedures', `${first.code}.html`), 'utf8');
      const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
      expect(html).toContain(`<h1>${escape(first.name)}</h1>`);
      expect(html).toContain(`<p>${escape(first.timeLimit)}</p>`);
      for (const d of first.documents) expect(html).toContain(`<li>${escape(d.name)} (${d.originals} bản chính, ${d.copies} bản sao)</li>`);
      for (const a of first.agencies) expect(html).toContain(`<li>${a.role}: ${escape(a.name)}</li>`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a missing or bad size', async () => {
    await expect(run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js')], { cwd: REPO })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--procedures is required') });
    await expect(run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js'), '--procedures', '0'], { cwd: REPO })).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, [path.join(REPO, 'dist/scripts/bench/bench.js'), '--procedures', '5', '--reference', 'hugo'], { cwd: REPO })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--reference knows only "eleventy"') });
  });
});
