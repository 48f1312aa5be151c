/**
 * The document model every generated document is written in (the announcement decision, the
 * procedure detail of `tthc show`, the version diff, the simplification report, the site's history
 * and dashboard pages). One structure, three writers: Markdown (render/markdown.ts, through an mdast
 * tree and remark-stringify), HTML (render/html.ts, through a hast tree and rehype-stringify) and DOCX
 * (generators/announcement/docx.ts), so every format says the same thing. Strings are plain text;
 * the writers escape them.
 */

/** strong-em: bold italic, as Nghị định 30/2020/NĐ-CP sets "Nơi nhận:". */
export type Inline = string | { text: string; style: 'strong' | 'em' | 'strong-em' | 'del' | 'ins' | 'code' } | LineBreak;

/** A line break inside a paragraph or table cell. */
export interface LineBreak {
  break: 'line';
}

export const LINE_BREAK: LineBreak = { break: 'line' };

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * One cell of a borderless layout row (the masthead of an administrative document, its signature
 * block): lines of text, or 'rule' for the short line drawn under a title. `sizes` gives each line's
 * type size in points where the document format sets it (the masthead, the recipients list).
 */
export interface LayoutCell {
  lines: (Inline[] | 'rule')[];
  align?: Align;
  sizes?: number[];
  /** Width of each rule line, as a percentage of the cell (the decree sets the rule under the motto as long as the motto). */
  ruleWidths?: number[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; align?: Align }
  /** keepNext: a paged format keeps the paragraph on the page of what follows (a part's title is never stranded at a page foot). */
  | { kind: 'paragraph'; content: Inline[]; align?: Align; indent?: boolean; keepNext?: boolean }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: string[]; align?: Align[]; rows: Inline[][][]; widths?: number[] }
  | { kind: 'bars'; title: string; unit: string; series: [string, string]; rows: { label: string; values: [number, number]; text: [string, string] }[] }
  /** Borderless rows of side-by-side cells; widths in percent. */
  | { kind: 'columns'; rows: LayoutCell[][]; widths?: number[] }
  /** A new page; a paged format (DOCX) may turn it landscape, as annexes with wide tables are. */
  | { kind: 'page'; orientation: 'portrait' | 'landscape' };

export type Bars = Extract<Block, { kind: 'bars' }>;

/** Lines joined by line breaks, for a cell that holds several lines. */
export function linesInline(lines: readonly string[]): Inline[] {
  return lines.flatMap((line, i) => (i === 0 ? [line] : [LINE_BREAK, line]));
}

export function isBreak(i: Inline): i is LineBreak {
  return typeof i !== 'string' && 'break' in i;
}

function inlineText(i: Inline): string {
  return typeof i === 'string' ? i : isBreak(i) ? '\n' : i.text;
}

/** Plain text of inline content, for tests and summaries. */
export function plainText(content: Inline[]): string {
  return content.map(inlineText).join('');
}
