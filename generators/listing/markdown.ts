import type { Heading, Root, RootContent, Table, TableCell, PhrasingContent } from 'mdast';
import type { AgencyGroup, ListingRow } from './sections.js';
import { CELL_COLUMNS } from './sections.js';

type Stringify = (tree: Root) => string;
let stringify: Promise<Stringify> | undefined;

/**
 * The unified pipeline that turns Markdown syntax trees into text (remark-stringify with GFM
 * tables, cells not padded to align: a national listing has 100,000 rows). Loaded on first use: a build that renders no listing section never loads it. Spec text
 * goes in as text nodes, so remark escapes anything that would read as Markdown or HTML.
 */
export function markdownStringifier(): Promise<Stringify> {
  stringify ??= (async () => {
    const [{ unified }, { default: remarkStringify }, { default: remarkGfm }] = await Promise.all([import('unified'), import('remark-stringify'), import('remark-gfm')]);
    const processor = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true });
    return (tree: Root) => processor.stringify(tree);
  })();
  return stringify;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

export function heading(depth: 1 | 2 | 3 | 4, value: string): Heading {
  return { type: 'heading', depth, children: [text(value)] };
}

/** A cell of several lines: GFM table cells cannot hold line breaks, so lines are joined with <br>. */
function cell(lines: readonly string[], link?: string): TableCell {
  const children: PhrasingContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push({ type: 'html', value: '<br>' });
    children.push(link && i === 0 ? { type: 'link', url: link, children: [text(line)] } : text(line));
  });
  return { type: 'tableCell', children };
}

const HEADER = ['STT', 'Mã TTHC', 'Tên thủ tục hành chính', ...CELL_COLUMNS];

/**
 * Text that remark-stringify writes unchanged in a heading or a table cell. It escapes only
 * characters in its "unsafe" patterns, in their contexts (mdast-util-to-markdown/lib/unsafe.js and
 * the GFM extensions): this refuses every character those patterns name, except the few that are
 * unsafe only at the start of a line (cells and headings here never contain a line break), after
 * "]" (refused), or in constructs our text never is in (link titles, raw destinations); and the two
 * autolink-literal contexts ("www.", "http://"). Leading or trailing white space is refused too.
 */
const RISKY = /[\t\r\n!#&*<>[\\\]_`~|@\u007f=+]|[Ww]\.[-.\w]|[ps]:\/|^\s|\s$|^$/;
const SAFE_HREF = /^[A-Za-z0-9._/-]+$/;

/**
 * A listing section as remark-stringify writes it, without the syntax tree: remark costs about half
 * a millisecond a row, a minute for a national listing. Undefined when any text is not plainly safe
 * (see RISKY), and the caller then lets remark escape it; tests/generators/listing-markdown.test.ts
 * checks that both give the same text.
 */
export function directSectionMarkdown(sectionHeading: string, groups: readonly AgencyGroup[]): string | undefined {
  const head = directSectionHeadMarkdown(sectionHeading);
  if (head === undefined) return undefined;
  const parts = [head];
  for (const group of groups) {
    const start = directGroupHeadMarkdown(group.heading);
    const rows = directRowsMarkdown(group.rows);
    if (start === undefined || rows === undefined) return undefined;
    parts.push(start, rows);
  }
  return parts.join('') + '\n';
}

/*
 * The pieces of directSectionMarkdown, for a section rendered in chunks of rows: the section's
 * text is its head, then for each agency group its head and its rows, then a newline.
 */

/** "### I. Lĩnh vực …", or undefined when the heading is not plainly safe. */
export function directSectionHeadMarkdown(sectionHeading: string): string | undefined {
  return RISKY.test(sectionHeading) ? undefined : `### ${sectionHeading}`;
}

/** An agency group's heading and its table's header, each after a blank line. */
export function directGroupHeadMarkdown(groupHeading: string): string | undefined {
  if (RISKY.test(groupHeading)) return undefined;
  return `\n\n#### ${groupHeading}\n\n| ${HEADER.join(' | ')} |\n| ${HEADER.map(() => '-').join(' | ')} |`;
}

/** Table rows, each on a line of its own (after a newline). */
export function directRowsMarkdown(rows: readonly ListingRow[]): string | undefined {
  const cell = (lines: readonly string[]): string | undefined => {
    if (lines.length === 0) return undefined;
    for (const line of lines) if (RISKY.test(line)) return undefined;
    return lines.join('<br>');
  };
  let out = '';
  for (const row of rows) {
    if (RISKY.test(row.name) || RISKY.test(row.code) || !SAFE_HREF.test(row.href)) return undefined;
    const cells = [String(row.number), row.code, `[${row.name}](${row.href})`];
    for (const lines of row.cells) {
      const text = cell(lines);
      if (text === undefined) return undefined;
      cells.push(text);
    }
    out += `\n| ${cells.join(' | ')} |`;
  }
  return out;
}

/** A heading as remark-stringify writes it, or undefined when its text is not plainly safe. */
export function directHeadingMarkdown(depth: 1 | 2 | 3 | 4, text: string): string | undefined {
  return RISKY.test(text) ? undefined : `${'#'.repeat(depth)} ${text}\n`;
}

/** The listing's title and introduction as remark-stringify writes them, or undefined. */
export function directHeadMarkdown(title: string, intro: string): string | undefined {
  // A paragraph starts a line, where "1." or "1)" would begin a list.
  return RISKY.test(title) || RISKY.test(intro) || /^(\d+[.)]|[-:])/.test(intro) ? undefined : `# ${title}\n\n${intro}\n`;
}

/** The syntax tree of one listing section: its heading, then one table per agency. */
export function sectionTree(sectionHeading: string, groups: readonly AgencyGroup[]): Root {
  const children: RootContent[] = [heading(3, sectionHeading)];
  for (const group of groups) {
    children.push(heading(4, group.heading));
    const table: Table = {
      type: 'table',
      align: [],
      children: [
        { type: 'tableRow', children: ['STT', 'Mã TTHC', 'Tên thủ tục hành chính', ...CELL_COLUMNS].map((h) => cell([h])) },
        ...group.rows.map((row) => ({ type: 'tableRow' as const, children: [cell([String(row.number)]), cell([row.code]), cell([row.name], row.href), ...row.cells.map((c) => cell(c))] })),
      ],
    };
    children.push(table);
  }
  return { type: 'root', children };
}
