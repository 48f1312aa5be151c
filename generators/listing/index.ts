import { formatDate } from '../../rules/text/vi/dates.js';
import type { BuildContext, FragmentStore } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { href, PATHS } from '../engine/paths.js';
import type { Generator, OutputFile } from '../engine/unit.js';
import { BOM, csvRow } from './csv.js';
import { directHeadingMarkdown, directHeadMarkdown, directSectionMarkdown, heading, markdownStringifier, sectionTree } from './markdown.js';
import { CELL_COLUMNS, planSections, rowContent, sectionRows, type AgencyGroup, type LevelGroup, type RowContent, type Section } from './sections.js';
import { foot, head, level as levelTemplate, section as sectionTemplate } from './templates.generated.js';

const CSV_COLUMNS = ['STT', 'Cấp thực hiện', 'Lĩnh vực', 'Mã TTHC', 'Tên thủ tục hành chính', ...CELL_COLUMNS];

function titleOf(ctx: BuildContext): string {
  return ctx.options.preview
    ? `Danh mục thủ tục hành chính ngày ${formatDate(ctx.at)} (bản xem trước, gồm dự thảo chưa công bố)`
    : `Danh mục thủ tục hành chính có hiệu lực ngày ${formatDate(ctx.at)}`;
}

function introOf(ctx: BuildContext, levels: readonly LevelGroup[]): string {
  const entries = new Map(levels.flatMap((l) => l.sections.flatMap((s) => s.entries.map((e) => [e.entry.code, e.entry] as const))));
  const drafts = [...entries.values()].filter((e) => e.state === 'draft').length;
  const preview = drafts > 0 ? ` Trong đó ${drafts} thủ tục chưa được công bố, tên có ghi "(dự thảo)": nội dung là dự thảo, chưa có giá trị áp dụng.` : '';
  return `${entries.size} thủ tục hành chính, sắp xếp theo cấp thực hiện, lĩnh vực và cơ quan thực hiện. Thời hạn giải quyết, địa điểm và phí, lệ phí ghi theo từng cách thức nộp hồ sơ.${preview}`;
}

function emptyOf(ctx: BuildContext, levels: readonly LevelGroup[]): string | undefined {
  return levels.length === 0 ? `Không có thủ tục hành chính nào có hiệu lực vào ngày ${formatDate(ctx.at)}.` : undefined;
}

type SectionRows = (s: Section) => Promise<AgencyGroup[]>;

const rowsKey = (s: Section) => `listing/rows/${s.levelId}/${s.fieldId}`;

/**
 * The rows of each section rendered in this build, computed once for the three formats. A row
 * depends only on its procedure and agencies, so the rows of the previous build are kept (by their
 * hash) and only those of changed procedures are worked out again: a national section has
 * thousands of rows, and one changed procedure should not read them all.
 */
function sectionRowsOf(ctx: BuildContext, store: FragmentStore): SectionRows {
  const done = new Map<Section, Promise<AgencyGroup[]>>();
  return (s) => {
    let rows = done.get(s);
    if (!rows) {
      rows = (async () => {
        let previous: Record<string, RowContent> = {};
        try {
          previous = JSON.parse((await store.recall(rowsKey(s))) ?? '{}') as Record<string, RowContent>;
        } catch {
          previous = {};
        }
        const next: Record<string, RowContent> = {};
        const groups = sectionRows(ctx, s, (entry, agencies) => {
          const key = hashParts([ctx.entryHash(entry), ...agencies]);
          const row = Object.prototype.hasOwnProperty.call(previous, key) ? previous[key]! : rowContent(ctx, entry, agencies);
          next[key] = row;
          return row;
        });
        await store.keep(rowsKey(s), JSON.stringify(next));
        return groups;
      })();
      done.set(s, rows);
    }
    return rows;
  };
}

/** A rendered section, from the fragment cache when its inputs are unchanged. */
function fragment(store: FragmentStore, format: 'md' | 'html' | 'csv', levelName: string, s: Section, render: () => string | Promise<string>): Promise<string> {
  return store.memo(`listing/${format}/${s.levelId}/${s.fieldId}`, hashParts([levelName, s.inputs]), render);
}

async function* markdown(ctx: BuildContext, store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows): AsyncGenerator<string> {
  const empty = emptyOf(ctx, levels);
  const title = titleOf(ctx);
  const intro = empty ?? introOf(ctx, levels);
  yield directHeadMarkdown(title, intro) ?? (await markdownStringifier())({ type: 'root', children: [heading(1, title), { type: 'paragraph', children: [{ type: 'text', value: intro }] }] });
  for (const l of levels) {
    yield '\n' + (directHeadingMarkdown(2, l.heading) ?? (await markdownStringifier())({ type: 'root', children: [heading(2, l.heading)] }));
    for (const s of l.sections) {
      yield '\n' +
        (await fragment(store, 'md', l.name, s, async () => {
          const rows = await rowsOf(s);
          return directSectionMarkdown(s.heading, rows) ?? (await markdownStringifier())(sectionTree(s.heading, rows));
        }));
    }
  }
}

async function* html(ctx: BuildContext, store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows): AsyncGenerator<string> {
  const from = PATHS.listing('html');
  yield head({ title: titleOf(ctx), intro: introOf(ctx, levels), empty: emptyOf(ctx, levels), css: href(from, PATHS.css) });
  for (const l of levels) {
    yield levelTemplate({ id: l.id, heading: l.heading });
    for (const s of l.sections) {
      yield await fragment(store, 'html', l.name, s, async () => sectionTemplate({ id: s.id, heading: s.heading, columns: ['STT', 'Mã TTHC', 'Tên thủ tục hành chính', ...CELL_COLUMNS], agencies: await rowsOf(s) }));
    }
  }
  yield foot({});
}

async function* csv(store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows): AsyncGenerator<string> {
  yield BOM + csvRow(CSV_COLUMNS);
  for (const l of levels) {
    for (const s of l.sections) {
      yield await fragment(store, 'csv', l.name, s, async () =>
        (await rowsOf(s))
          .flatMap((g) => g.rows.map((r) => csvRow([String(r.number), l.name, s.fieldName, r.code, r.name, ...r.cells.map((c) => c.join('\n'))])))
          .join(''),
      );
    }
  }
}

export const generator: Generator = {
  id: 'listing',
  description: 'the public listing (danh mục TTHC) in force on the build date, as Markdown, HTML and CSV',
  start: PATHS.listing('html'),
  plan(ctx, store) {
    const levels = planSections(ctx);
    for (const l of levels) for (const s of l.sections) store.retain(rowsKey(s));
    const inputs = hashParts([ctx.at, ctx.options.preview ? 'preview' : '', ...levels.flatMap((l) => [l.heading, l.name, ...l.sections.map((s) => s.inputs)])]);
    return [
      {
        key: 'danh-muc',
        inputs,
        render: (): OutputFile[] => {
          const rowsOf = sectionRowsOf(ctx, store);
          return [
            { path: PATHS.listing('md'), content: markdown(ctx, store, levels, rowsOf) },
            { path: PATHS.listing('html'), content: html(ctx, store, levels, rowsOf) },
            { path: PATHS.listing('csv'), content: csv(store, levels, rowsOf) },
          ];
        },
      },
    ];
  },
};
