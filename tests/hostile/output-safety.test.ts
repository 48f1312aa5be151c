import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { lockCatalogue } from '../helpers/catalogue.js';
import { REPO } from '../helpers/cli.js';
import { poisonedCatalogue } from './poison.js';
import { csvCells, files, htmlFindings, markdownFindings } from './scanners.js';
import { tally } from './tally.js';

describe('hostile strings in every spec text field never become executable output', () => {
  let catalogue: string;
  let out: string;
  let all: string[];
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

  beforeAll(async () => {
    catalogue = poisonedCatalogue(REPO);
    // Poisoned as published versions are: locked afresh, as a build refuses them without a lock.
    await lockCatalogue(catalogue);
    out = path.join(tmpdir(), `tthc-poison-out-${process.pid}`);
    const result = await buildCatalogue(catalogue, { out, at: '2026-01-15', cacheDir: false });
    expect(result.built, JSON.stringify(result.validation.diagnostics.filter((d) => d.severity === 'error').slice(0, 3))).toBe(true);
    all = files(out);
  }, 120_000);

  afterAll(() => {
    rmSync(catalogue, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('the poisoned text reached the output (the test attacks something)', () => {
    const html = all.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    const withPayload = html.filter((f) => readFileSync(f, 'utf8').includes('xss-'));
    expect(withPayload.length).toBeGreaterThan(10);
  });

  it('HTML: no script, handler, frame or javascript: URL carries attacker text; JSON-LD stays JSON', () => {
    const scanned = all.filter((f) => f.endsWith('.html') || f.endsWith('.svg'));
    const findings = scanned.flatMap((f) => htmlFindings(readFileSync(f, 'utf8')).map((x) => `${path.relative(out, f)}: ${x}`));
    tally({ cases: scanned.length, leaks: findings.length });
    expect(findings).toEqual([]);
  });

  it('Markdown: no raw HTML or script links from spec text', () => {
    const md = all.filter((f) => f.endsWith('.md'));
    expect(md.length).toBeGreaterThan(0);
    expect(md.some((f) => readFileSync(f, 'utf8').includes('xss-'))).toBe(true);
    expect(md.flatMap((f) => markdownFindings(readFileSync(f, 'utf8')).map((x) => `${path.relative(out, f)}: ${x}`))).toEqual([]);
  });

  it('CSV: no cell starts with a formula character', () => {
    const csv = all.filter((f) => f.endsWith('.csv'));
    expect(csv.length).toBeGreaterThan(0);
    const bad = csv.flatMap((f) => csvCells(readFileSync(f, 'utf8')).filter((c) => /^[=+\-@\t\r]/.test(c)).map((c) => `${path.relative(out, f)}: ${c.slice(0, 40)}`));
    expect(bad).toEqual([]);
    // and the neutralised payloads are still there for a reader to see: which formula payload lands in a listed field
    // depends on the order of the catalogue's files, so every one of them is looked for, and at least one must be there.
    const neutralised = ["'=HYPERLINK", "'+cmd", "'-2+3+cmd", "'@SUM"].filter((p) => csv.some((f) => readFileSync(f, 'utf8').includes(p)));
    expect(neutralised.length).toBeGreaterThan(0);
  });

  it('JSON: every file parses, and attacker text stays data', () => {
    for (const f of all.filter((x) => x.endsWith('.json'))) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();
  });

  it('every file stays inside the output folder, and Object.prototype is untouched', () => {
    for (const f of all) expect(path.relative(out, f).startsWith('..')).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(prototypeBefore);
  });
});

describe('the scanners catch what they should (so a pass means something)', () => {
  it('flags executable HTML', () => {
    expect(htmlFindings('<p><img src=x onerror=alert("xss-2")></p>')).toHaveLength(1);
    expect(htmlFindings('<script>alert("xss-1")</script>')).toHaveLength(1);
    expect(htmlFindings('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(htmlFindings('<script type="application/ld+json">{"a":"</script><script>alert("xss-4")</script>"}</script>')).toHaveLength(2);
    expect(htmlFindings('<p>&lt;script&gt;alert("xss-1")&lt;/script&gt;</p>')).toEqual([]);
    expect(htmlFindings('<script type="application/json">{"a":"\\u003c/script>alert(\\"xss-1\\")"}</script>')).toEqual([]);
    expect(htmlFindings('<script type="application/json">{"a":"</script><script>alert("xss-4")</script>"}</script>')).toHaveLength(2);
    expect(htmlFindings('<meta name="description" content="&quot;><script>alert(&quot;xss-1&quot;)</script>">')).toEqual([]);
    expect(htmlFindings('<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-1\')">')).toHaveLength(1);
  });
  it('flags raw HTML and script links in Markdown', () => {
    expect(markdownFindings('Tên <script>alert("xss-1")</script>')).toHaveLength(1);
    expect(markdownFindings('[x](javascript:alert(1))')).toHaveLength(1);
    expect(markdownFindings('Tên \\<script\\>alert("xss-1")\\</script\\>')).toEqual([]);
  });
  it('reads CSV cells', () => {
    expect(csvCells('\ufeffa,"=1+1","x ""y"""\r\n')).toEqual(['a', '=1+1', 'x "y"']);
  });
});
