import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildContext } from '../../generators/engine/context.js';
import { directHeadingMarkdown, directHeadMarkdown, directSectionMarkdown, heading, markdownStringifier, sectionTree } from '../../generators/listing/markdown.js';
import { planSections, sectionRows, type AgencyGroup } from '../../generators/listing/sections.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { REPO } from '../helpers/cli.js';

// Letters, Vietnamese, digits, and every character remark-stringify may escape somewhere.
const ALPHABET = [...'aAwWpsxđĐếỆ01 9.,;:()-+*_#!&<>[]\\`~|@="\'/?%^{}\t\n', 'www.', 'http://', 'https://', '1.', '2)', '&amp;', '<br>', '\u007f', '\u00a0'];
const text = fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 12 }).map((parts) => parts.join(''));

function group(name: string, line: string, agency: string): AgencyGroup[] {
  return [{ id: 'x', heading: `Cơ quan thực hiện: ${agency}`, rows: [{ number: 1, code: '1.000001', name, href: '../procedures/1.000001.html', cells: [[line], [line, 'Trực tiếp: Bộ phận Một cửa'], ['Miễn phí'], ['Luật số 1/2020/QH14'], [agency]] }] }];
}

describe('the listing in Markdown, written directly', () => {
  it('is what remark-stringify writes for every section of the bundled catalogue', async () => {
    const stringify = await markdownStringifier();
    const { catalogue } = await loadCatalogue(path.join(REPO, 'catalogue'));
    const ctx = new BuildContext(catalogue, '2026-06-01', {});
    let direct = 0;
    let sections = 0;
    for (const level of planSections(ctx)) {
      expect(directHeadingMarkdown(2, level.heading) ?? stringify({ type: 'root', children: [heading(2, level.heading)] })).toBe(stringify({ type: 'root', children: [heading(2, level.heading)] }));
      for (const s of level.sections) {
        sections++;
        const rows = sectionRows(ctx, s);
        const written = directSectionMarkdown(s.heading, rows);
        if (written === undefined) continue;
        direct++;
        expect(written, s.heading).toBe(stringify(sectionTree(s.heading, rows)));
      }
    }
    // The fast path is the common one.
    expect(direct).toBeGreaterThanOrEqual(sections - 1);
  });

  it('is what remark-stringify writes for any text it accepts, and declines text remark would escape', async () => {
    const stringify = await markdownStringifier();
    fc.assert(
      fc.property(text, text, text, (name, line, agency) => {
        const groups = group(name, line, agency);
        const written = directSectionMarkdown(`I. Lĩnh vực ${agency}`, groups);
        if (written !== undefined) expect(written).toBe(stringify(sectionTree(`I. Lĩnh vực ${agency}`, groups)));
        const h = directHeadingMarkdown(2, name);
        if (h !== undefined) expect(h).toBe(stringify({ type: 'root', children: [heading(2, name)] }));
        const head = directHeadMarkdown(name, line);
        if (head !== undefined) expect(head).toBe(stringify({ type: 'root', children: [heading(1, name), { type: 'paragraph', children: [{ type: 'text', value: line }] }] }));
      }),
      { numRuns: 3000, seed: 9 },
    );
    expect(directSectionMarkdown('I. Lĩnh vực', group('Thủ tục <script>', 'x', 'y'))).toBeUndefined();
    expect(directSectionMarkdown('I. Lĩnh vực', group('Thủ tục a | b', 'x', 'y'))).toBeUndefined();
    expect(directSectionMarkdown('I. Lĩnh vực', group('Thủ tục (cấp lại): 1.000 đồng; 50% - "mẫu"', 'Trực tiếp: 05 ngày', 'Sở Tư pháp'))).toBeDefined();
  });
});
