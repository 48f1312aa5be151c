/**
 * html-validate (its recommended rules, nothing switched off) over every HTML file the bundled
 * build emits: the public site, the procedure pages, the documentation pages, the listing and the
 * reports. Zero findings.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundled, filesEndingIn } from '../helpers/bundled-output.js';
import { cleanupOutputs } from '../helpers/output.js';

let out: string;
let pages: string[];

beforeAll(async () => {
  out = await buildBundled();
  pages = await filesEndingIn(out, '.html');
}, 60_000);
afterAll(cleanupOutputs);

function validateIn(files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./html-validate-worker.mjs', import.meta.url), { workerData: { root: out, files } });
    const timer = setTimeout(() => void worker.terminate().then(() => reject(new Error('html-validate took over 100 s'))), 100_000);
    worker.once('message', (findings: string[]) => {
      clearTimeout(timer);
      resolve(findings);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('html-validate, recommended rules, over the bundled build', () => {
  it('finds nothing in any page', async () => {
    // Every kind of page the build makes is there (the walk is not silently empty).
    expect(pages).toContain('site/index.html');
    expect(pages).toContain('site/procedures/1.001193.html');
    expect(pages).toContain('listing/danh-muc.html');
    expect(pages).toContain('site/docs/guides/legal-officer.html');
    expect(pages).toContain('site/docs/reference/spec-reference.html');
    expect(pages.length).toBeGreaterThan(100);
    // Validating is CPU-bound (about 4 ms per kilobyte), so the pages are shared among worker threads.
    const threads = Math.max(1, Math.min(2, availableParallelism()));
    const shares = Array.from({ length: threads }, (_, i) => pages.filter((_, j) => j % threads === i));
    const findings = (await Promise.all(shares.map((files) => validateIn(files)))).flat();
    expect(findings).toEqual([]);
  }, 120_000);
});
