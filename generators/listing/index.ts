import { formatDate } from '../../rules/text/vi/dates.js';
import type { BuildContext, FragmentStore } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { href, PATHS } from '../engine/paths.js';
import type { Generator, OutputFile } from '../engine/unit.js';
import { BOM, csvRow } from './csv.js';
import { directGroupHeadMarkdown, directHeadingMarkdown, directHeadMarkdown, directRowsMarkdown, directSectionHeadMarkdown, directSectionMarkdown, heading, markdownStringifier, sectionTree } from './markdown.js';
import { agencyGroupOf, CELL_COLUMNS, planSections, rowContent, sectionRows, type AgencyGroup, type LevelGroup, type ListingRow, type RowContent, type Section } from './sections.js';
import { foot, groupOpen, head, level as levelTemplate, rows as rowsTemplate, sectionOpen } from './templates.generated.js';

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

const recipeKey = (s: Section) => `listing/chunks/${s.levelId}/${s.fieldId}`;
const wholeKey = (s: Section) => `listing/md/${s.levelId}/${s.fieldId}`;
const chunkKey = (format: 'md' | 'html' | 'csv', s: Section, i: number) => `listing/${format}/${s.levelId}/${s.fieldId}/${i}`;

/** A section's Markdown written whole by remark, kept with its inputs. */
function wholeMarkdown(store: FragmentStore, levelName: string, s: Section, render: () => string | Promise<string>): Promise<string> {
  return store.memo(wholeKey(s), hashParts([levelName, s.inputs]), render);
}

/** How many chunks a section has, from its entries alone: sectionRows groups them by their first agency. */
function chunkCount(s: Section): number {
  const groups = new Map<string, number>();
  for (const e of s.entries) groups.set(agencyGroupOf(e), (groups.get(agencyGroupOf(e)) ?? 0) + 1);
  let n = 0;
  for (const rows of groups.values()) n += Math.ceil(rows / CHUNK_ROWS);
  return n;
}

/**
 * Keeps every value the listing's sections may read (rows, recipes, chunks) for the next build,
 * whether or not this one renders them: a build that reuses the listing unchanged reads none.
 */
function retainKept(store: FragmentStore, levels: readonly LevelGroup[]): void {
  for (const l of levels) {
    for (const s of l.sections) {
      store.retain(rowsKey(s));
      store.retain(recipeKey(s));
      store.retain(wholeKey(s));
      const n = chunkCount(s);
      for (const format of ['md', 'html', 'csv'] as const) for (let i = 0; i < n; i++) store.retain(chunkKey(format, s, i));
    }
  }
}

/**
 * Rows of one agency group, rendered and cached together: a section of a national listing has
 * thousands of rows (several MB in each format), and one amended procedure should render and store
 * again the rows around it, not its whole section.
 */
export const CHUNK_ROWS = 100;

/** A run of at most CHUNK_ROWS rows of one agency group of a section. */
export interface Chunk {
  /** The group's index in the section, and the rows [from, to) of it. */
  group: number;
  from: number;
  to: number;
  /** Whether the run ends its group (its table is closed after it). */
  last: boolean;
  /** A hash of what it shows: the group's heading when it starts the group, its rows as numbered. */
  inputs: string;
}

/** How a section is cut into chunks, and whether its Markdown can be written without remark (directSectionMarkdown). */
export interface Recipe {
  markdown: boolean;
  chunks: Chunk[];
}

export function recipeOf(s: Section, groups: readonly AgencyGroup[], size = CHUNK_ROWS): Recipe {
  const chunks: Chunk[] = [];
  groups.forEach((g, group) => {
    // A group has a row at least (sectionRows makes groups of rows).
    for (let from = 0; from < g.rows.length; from += size) {
      const to = Math.min(g.rows.length, from + size);
      const rows = g.rows.slice(from, to);
      chunks.push({ group, from, to, last: to === g.rows.length, inputs: hashParts([from === 0 ? g.heading : '', to === g.rows.length ? 'last' : '', ...rows.map((r) => JSON.stringify(r))]) });
    }
  });
  return { markdown: directSectionMarkdown(s.heading, groups) !== undefined, chunks };
}

function isRecipe(value: unknown): value is Recipe {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Recipe;
  return (
    typeof r.markdown === 'boolean' &&
    Array.isArray(r.chunks) &&
    r.chunks.every((c) => c !== null && typeof c === 'object' && Number.isInteger(c.group) && Number.isInteger(c.from) && Number.isInteger(c.to) && typeof c.last === 'boolean' && typeof c.inputs === 'string')
  );
}

type SectionRecipe = (s: Section) => Promise<Recipe>;

/** The chunks of each section, kept with the section's inputs so an unchanged section is written from its chunks without working out its rows. */
function sectionRecipesOf(store: FragmentStore, levelName: (s: Section) => string, rowsOf: SectionRows): SectionRecipe {
  const done = new Map<Section, Promise<Recipe>>();
  return (s) => {
    let recipe = done.get(s);
    if (!recipe) {
      recipe = (async () => {
        const make = async () => JSON.stringify(recipeOf(s, await rowsOf(s)));
        const inputs = hashParts([levelName(s), s.inputs]);
        let parsed: unknown;
        try {
          parsed = JSON.parse(await store.memo(recipeKey(s), inputs, make));
        } catch {
          parsed = undefined;
        }
        // A kept recipe that is not one (edited by hand) is worked out again, and not trusted.
        return isRecipe(parsed) ? parsed : recipeOf(s, await rowsOf(s));
      })();
      done.set(s, recipe);
    }
    return recipe;
  };
}

const HTML_COLUMNS = ['STT', 'Mã TTHC', 'Tên thủ tục hành chính', ...CELL_COLUMNS];

/** A chunk's text in one format, from its rows. */
export function chunkText(format: 'md' | 'html' | 'csv', levelName: string, s: Section, groups: readonly AgencyGroup[], c: Chunk): string {
  const group = groups[c.group];
  if (!group) throw new Error(`listing section ${s.id}: no agency group ${c.group}`);
  const rows: ListingRow[] = group.rows.slice(c.from, c.to);
  if (format === 'csv') return rows.map((r) => csvRow([String(r.number), levelName, s.fieldName, r.code, r.name, ...r.cells.map((cell) => cell.join('\n'))])).join('');
  if (format === 'html') return (c.from === 0 ? groupOpen({ heading: group.heading, columns: HTML_COLUMNS }) : '') + rowsTemplate({ rows }) + (c.last ? '</tbody>\n</table>\n' : '');
  const head = c.from === 0 ? directGroupHeadMarkdown(group.heading) : '';
  const body = directRowsMarkdown(rows);
  if (head === undefined || body === undefined) throw new Error(`listing section ${s.id}: a chunk of a section written directly needs remark`);
  return head + body;
}

/**
 * A section in one format, chunk by chunk: each chunk from the fragment cache when its rows are
 * unchanged. A section whose Markdown needs remark (a text remark would escape) is written whole.
 */
async function* sectionText(store: FragmentStore, format: 'md' | 'html' | 'csv', levelName: string, s: Section, rowsOf: SectionRows, recipes: SectionRecipe): AsyncGenerator<string> {
  const recipe = await recipes(s);
  if (format === 'md' && !recipe.markdown) {
    yield await wholeMarkdown(store, levelName, s, async () => (await markdownStringifier())(sectionTree(s.heading, await rowsOf(s))));
    return;
  }
  yield sectionStart(format, s);
  for (const [i, c] of recipe.chunks.entries()) {
    yield await store.memo(chunkKey(format, s, i), hashParts([levelName, s.fieldName, s.id, c.inputs]), async () => chunkText(format, levelName, s, await rowsOf(s), c));
  }
  yield sectionEnd(format);
}

/** What a section's text starts with, before its chunks (a section written directly, in Markdown). */
export function sectionStart(format: 'md' | 'html' | 'csv', s: Section): string {
  return format === 'md' ? directSectionHeadMarkdown(s.heading)! : format === 'html' ? sectionOpen({ id: s.id, heading: s.heading }) : '';
}

/** What a section's text ends with, after its chunks. */
export function sectionEnd(format: 'md' | 'html' | 'csv'): string {
  return format === 'md' ? '\n' : format === 'html' ? '</section>\n' : '';
}

async function* markdown(ctx: BuildContext, store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows, recipes: SectionRecipe): AsyncGenerator<string> {
  const empty = emptyOf(ctx, levels);
  const title = titleOf(ctx);
  const intro = empty ?? introOf(ctx, levels);
  yield directHeadMarkdown(title, intro) ?? (await markdownStringifier())({ type: 'root', children: [heading(1, title), { type: 'paragraph', children: [{ type: 'text', value: intro }] }] });
  for (const l of levels) {
    yield '\n' + (directHeadingMarkdown(2, l.heading) ?? (await markdownStringifier())({ type: 'root', children: [heading(2, l.heading)] }));
    for (const s of l.sections) {
      yield '\n';
      yield* sectionText(store, 'md', l.name, s, rowsOf, recipes);
    }
  }
}

async function* html(ctx: BuildContext, store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows, recipes: SectionRecipe): AsyncGenerator<string> {
  const from = PATHS.listing('html');
  yield head({ title: titleOf(ctx), intro: introOf(ctx, levels), empty: emptyOf(ctx, levels), css: href(from, PATHS.css) });
  for (const l of levels) {
    yield levelTemplate({ id: l.id, heading: l.heading });
    for (const s of l.sections) yield* sectionText(store, 'html', l.name, s, rowsOf, recipes);
  }
  yield foot({});
}

async function* csv(store: FragmentStore, levels: readonly LevelGroup[], rowsOf: SectionRows, recipes: SectionRecipe): AsyncGenerator<string> {
  yield BOM + csvRow(CSV_COLUMNS);
  for (const l of levels) for (const s of l.sections) yield* sectionText(store, 'csv', l.name, s, rowsOf, recipes);
}

export const generator: Generator = {
  id: 'listing',
  description: 'the public listing (danh mục TTHC) in force on the build date, as Markdown, HTML and CSV',
  start: PATHS.listing('html'),
  plan(ctx, store) {
    const levels = planSections(ctx);
    retainKept(store, levels);
    const inputs = hashParts([ctx.at, ctx.options.preview ? 'preview' : '', ...levels.flatMap((l) => [l.heading, l.name, ...l.sections.map((s) => s.inputs)])]);
    return [
      {
        key: 'danh-muc',
        inputs,
        render: (): OutputFile[] => {
          const rowsOf = sectionRowsOf(ctx, store);
          const levelOf = new Map(levels.flatMap((l) => l.sections.map((s) => [s, l.name] as const)));
          const recipes = sectionRecipesOf(store, (s) => levelOf.get(s)!, rowsOf);
          return [
            { path: PATHS.listing('md'), content: markdown(ctx, store, levels, rowsOf, recipes) },
            { path: PATHS.listing('html'), content: html(ctx, store, levels, rowsOf, recipes) },
            { path: PATHS.listing('csv'), content: csv(store, levels, rowsOf, recipes) },
          ];
        },
      },
    ];
  },
};
