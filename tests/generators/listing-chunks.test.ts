import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { amendProcedure, syntheticCodes, writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { buildCatalogue } from '../../generators/build.js';
import { BuildContext } from '../../generators/engine/context.js';
import { chunkText, recipeOf, sectionEnd, sectionStart } from '../../generators/listing/index.js';
import { directSectionMarkdown } from '../../generators/listing/markdown.js';
import { planSections, sectionRows, type AgencyGroup } from '../../generators/listing/sections.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { REPO } from '../helpers/cli.js';
import { readTree } from '../helpers/output.js';

const FORMATS = ['md', 'html', 'csv'] as const;

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The sections of the bundled catalogue and of a synthetic one of 120 procedures (sections of several agencies, with many rows). */
async function sections() {
  root ??= await mkdtemp(path.join(os.tmpdir(), 'tthc-chunks-'));
  const synthetic = path.join(root, 'catalogue');
  writeSyntheticCatalogue(synthetic, { procedures: 120, seed: 5, from: path.join(REPO, 'catalogue') });
  const out = [];
  for (const dir of [path.join(REPO, 'catalogue'), synthetic]) {
    const { catalogue } = await loadCatalogue(dir);
    const ctx = new BuildContext(catalogue, '2026-06-01', {});
    out.push(...planSections(ctx).flatMap((l) => l.sections.map((s) => ({ level: l.name, s, groups: sectionRows(ctx, s) }))));
  }
  // Neither has a section of several agencies (real provincial lists do): each section of three
  // rows or more also as two groups, its rows split between them, numbered on as sectionRows does.
  for (const x of [...out]) {
    const rows = x.groups.flatMap((g) => g.rows);
    if (x.groups.length !== 1 || rows.length < 3) continue;
    const half = Math.ceil(rows.length / 2);
    out.push({ ...x, groups: [{ ...x.groups[0]!, rows: rows.slice(0, half) }, { id: 'other', heading: 'Cơ quan thực hiện: Ủy ban nhân dân cấp xã', rows: rows.slice(half) }] });
  }
  return out;
}

function text(format: (typeof FORMATS)[number], level: string, s: Parameters<typeof recipeOf>[0], groups: AgencyGroup[], size: number): string {
  const recipe = recipeOf(s, groups, size);
  return sectionStart(format, s) + recipe.chunks.map((c) => chunkText(format, level, s, groups, c)).join('') + sectionEnd(format);
}

describe('the listing, rendered in chunks of rows', () => {
  it('gives the same section text whatever the chunk size, and in Markdown the text directSectionMarkdown writes', async () => {
    const all = await sections();
    const rows = all.reduce((n, x) => n + x.groups.reduce((m, g) => m + g.rows.length, 0), 0);
    expect(all.some((x) => x.groups.length > 1)).toBe(true);
    expect(all.some((x) => x.groups.some((g) => g.rows.length > 5))).toBe(true);
    expect(rows).toBeGreaterThan(20);
    for (const { level, s, groups } of all) {
      const whole = directSectionMarkdown(s.heading, groups);
      if (whole !== undefined) for (const size of [1, 2, 3, 100]) expect(text('md', level, s, groups, size), s.heading).toBe(whole);
      for (const format of ['html', 'csv'] as const) {
        const one = text(format, level, s, groups, 100_000);
        for (const size of [1, 2, 3]) expect(text(format, level, s, groups, size), `${format} ${s.heading}`).toBe(one);
      }
      const html = text('html', level, s, groups, 2);
      expect(html.startsWith(`<section id="${s.id}">\n<h3>`)).toBe(true);
      expect(html.endsWith('</tbody>\n</table>\n</section>\n')).toBe(true);
      // One table per agency group, however many chunks its rows are in.
      expect(html.split('<table>').length - 1).toBe(groups.length);
      expect(html.split('<tr><td>').length - 1).toBe(groups.reduce((n, g) => n + g.rows.length, 0));
    }
  });

  it('changes the inputs of the one chunk holding an amended row, and of no other', async () => {
    const all = await sections();
    const { s, groups } = all.reduce((a, b) => (b.groups[0]!.rows.length > a.groups[0]!.rows.length ? b : a));
    const rows = groups[0]!.rows;
    expect(rows.length).toBeGreaterThan(2);
    const before = recipeOf(s, groups, 2).chunks;
    const amended = groups.map((g, gi) => (gi !== 0 ? g : { ...g, rows: g.rows.map((r, i) => (i !== 2 ? r : { ...r, cells: [['Trực tiếp: 03 ngày làm việc'], ...r.cells.slice(1)] })) }));
    const after = recipeOf(s, amended, 2).chunks;
    expect(after.map((c) => [c.group, c.from, c.to, c.last])).toEqual(before.map((c) => [c.group, c.from, c.to, c.last]));
    const changed = after.flatMap((c, i) => (c.inputs === before[i]!.inputs ? [] : [[c.group, c.from]]));
    expect(changed).toEqual([[0, 2]]);
  });

  it('keeps its chunks through a build that changed nothing, and renders again only what an amendment changed', async () => {
    root ??= await mkdtemp(path.join(os.tmpdir(), 'tthc-chunks-'));
    const dir = path.join(root, 'amended');
    writeSyntheticCatalogue(dir, { procedures: 60, seed: 3, from: path.join(REPO, 'catalogue') });
    const out = path.join(root, 'out');
    const cacheDir = path.join(root, 'cache');
    const fragments = async () => {
      const files = new Map<string, number>();
      const top = path.join(cacheDir, 'fragments');
      for (const bucket of await readdir(top)) for (const name of await readdir(path.join(top, bucket))) files.set(name, (await stat(path.join(top, bucket, name))).mtimeMs);
      return files;
    };
    const build = async (o: string, cache: string | false) => {
      const r = await buildCatalogue(dir, { out: o, at: '2026-06-01', cacheDir: cache, workers: 0 });
      if (!r.built) throw new Error('build refused');
      return r;
    };
    await build(out, cacheDir);
    const first = await fragments();
    // A build that renders nothing of the listing still keeps every fragment it reads (none pruned, none written).
    const none = await build(out, cacheDir);
    expect(none.generators.find((g) => g.id === 'listing')!.rendered).toBe(0);
    expect(await fragments()).toEqual(first);
    // An amendment that changes no listing row (a document less): the listing is rendered again from its kept chunks.
    amendProcedure(dir, syntheticCodes(dir)[17]!);
    const after = await build(out, cacheDir);
    expect(after.generators.find((g) => g.id === 'listing')!.rendered).toBe(1);
    const now = await fragments();
    const rewritten = [...now].filter(([name, mtime]) => first.get(name) !== mtime).length;
    // The section's recipe and rows, the change feed's page: not the chunks of three formats.
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(first.size / 4);
    const fresh = path.join(root, 'fresh');
    await build(fresh, false);
    const a = await readTree(out);
    const b = await readTree(fresh);
    for (const rel of ['listing/danh-muc.md', 'listing/danh-muc.html', 'listing/danh-muc.csv']) expect(a.get(rel)!.equals(b.get(rel)!), rel).toBe(true);
  }, 120_000);
});
