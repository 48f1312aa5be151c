import type { Heading, Root, RootContent, Table, TableCell, PhrasingContent } from 'mdast';
import type { AgencyGroup } from './sections.js';
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
