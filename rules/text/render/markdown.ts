/**
 * Markdown from the document model: blocks become an mdast tree, written by remark-stringify with
 * GFM (tables, ~~strikethrough~~), the same unified writer as the listing. Text nodes go through
 * escapeMarkdown (every Markdown and HTML character backslash-escaped, see there); tables are
 * written unpadded with "---" delimiters, one row a line.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { unified } from 'unified';
import { gfmToMarkdown } from 'mdast-util-gfm';
import remarkStringify from 'remark-stringify';
import type { Handle, State, Info } from 'mdast-util-to-markdown';
import { isBreak, type Block, type Inline, type LayoutCell } from './blocks.js';
import { escapeMarkdown } from './escape.js';

const text = (value: string): Text => ({ type: 'text', value });
const br = (): PhrasingContent => ({ type: 'html', value: '<br>' });

const MARK = { strong: 'strong', em: 'emphasis', del: 'delete', ins: 'strong' } as const;

/** Inline content as phrasing nodes; emphasis hugs its text, surrounding spaces stay outside it. */
export function inlineToMdast(content: readonly Inline[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const i of content) {
    if (typeof i === 'string') out.push(text(i));
    // GitHub renders <br> in paragraphs, list items and table cells alike.
    else if (isBreak(i)) out.push(br());
    else if (i.text.trim() === '') out.push({ type: 'html', value: i.text });
    else {
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(i.text)!;
      if (lead) out.push(text(lead));
      if (i.style === 'code') out.push({ type: 'inlineCode', value: core! });
      else if (i.style === 'strong-em') out.push({ type: 'strong', children: [{ type: 'emphasis', children: [text(core!)] }] });
      else out.push({ type: MARK[i.style], children: [text(core!)] } as PhrasingContent);
      if (trail) out.push(text(trail));
    }
  }
  return out;
}

const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const row = (cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });

function layoutTable(b: Extract<Block, { kind: 'columns' }>): Table | undefined {
  // GFM has no table without a header row: the first row serves as one.
  const lines = (c: LayoutCell) => c.lines.filter((l): l is Inline[] => l !== 'rule');
  const blankLine = (l: Inline[]) => l.every((i) => (typeof i === 'string' ? i === '' : !isBreak(i) && i.text === ''));
  // Several lines, even blank ones, are joined by <br>; one blank line says nothing.
  const blank = (c: LayoutCell) => lines(c).length === 0 || (lines(c).length === 1 && blankLine(lines(c)[0]!));
  // An empty cell still needs content between its pipes.
  const cellOf = (c: LayoutCell): TableCell => (blank(c) ? cell([text(' ')]) : cell(lines(c).flatMap((l, i) => (i === 0 ? inlineToMdast(l) : [br(), ...inlineToMdast(l)]))));
  // A row of rules alone (the line under a title) has nothing to say in Markdown.
  const rows = b.rows.filter((r) => r.some((c) => !blank(c)));
  if (rows.length === 0) return undefined;
  return { type: 'table', children: rows.map((r) => row(r.map(cellOf))) };
}

/** The blocks as an mdast tree. */
export function blocksToMdast(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        children.push({ type: 'heading', depth: b.level, children: [text(b.text)] });
        break;
      case 'paragraph':
        children.push({ type: 'paragraph', children: inlineToMdast(b.content) });
        break;
      case 'list':
        children.push({ type: 'list', ordered: false, spread: false, children: b.items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inlineToMdast(item) }] })) });
        break;
      case 'table':
        children.push({
          type: 'table',
          align: b.head.map((_, i) => (b.align?.[i] === 'right' ? 'right' : b.align?.[i] === 'center' ? 'center' : null)),
          children: [row(b.head.map((h) => cell([text(h)]))), ...b.rows.map((r) => row(r.map((c) => cell(inlineToMdast(c)))))],
        });
        break;
      case 'columns': {
        const t = layoutTable(b);
        if (t) children.push(t);
        break;
      }
      case 'page':
        children.push({ type: 'thematicBreak' });
        break;
      case 'bars':
        // A chart reads as its table in Markdown.
        children.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(b.title)] }] });
        children.push({
          type: 'table',
          align: [null, 'right', 'right'],
          data: { emptyCellsTight: true } as Table['data'],
          children: [row([cell([]), cell([text(b.series[0])]), cell([text(b.series[1])])]), ...b.rows.map((r) => row([cell([text(r.label)]), cell([text(r.text[0])]), cell([text(r.text[1])])]))],
        });
        break;
    }
  }
  return { type: 'root', children };
}

/** Spec text reads literally: every Markdown and HTML character escaped, line breaks folded. */
const textHandle: Handle = (node: Text) => escapeMarkdown(node.value);

/** A GFM table, one row a line, cells unpadded, delimiters of three dashes (":---:", "---:"). */
const tableHandle: Handle = (node: Table, _parent: Parents | undefined, state: State, info: Info) => {
  const exit = state.enter('table');
  const cells = (r: TableRow) => r.children.map((c) => state.containerPhrasing(c, { ...info, before: '|', after: '|' }));
  // The chart's corner cell is written "| |"; other empty cells "|  |".
  const tight = (node.data as { emptyCellsTight?: boolean } | undefined)?.emptyCellsTight === true;
  const line = (values: string[]) => (tight ? `|${values.map((v) => (v === '' ? ' ' : ` ${v} `)).join('|')}|` : `| ${values.join(' | ')} |`);
  const [head, ...body] = node.children;
  const width = head?.children.length ?? 0;
  const align = Array.from({ length: width }, (_, i) => (node.align?.[i] === 'right' ? '---:' : node.align?.[i] === 'center' ? ':---:' : '---'));
  const out = [line(head ? cells(head) : []), line(align), ...body.map((r) => line(cells(r)))];
  exit();
  return out.join('\n');
};

// mdast-util-gfm's writer alone, registered as remark-gfm does: remark-gfm would also load the GFM parser, which writing never needs.
const processor = unified()
  .data('toMarkdownExtensions', [gfmToMarkdown()])
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', handlers: { text: textHandle, table: tableHandle } })
  .freeze();

/** An mdast tree as Markdown text. */
export function mdastToMarkdown(tree: Nodes): string {
  return processor.stringify(tree as Root);
}

/** Markdown (GitHub flavour: tables, ~~strikethrough~~). Bar charts become tables. */
export function renderMarkdown(blocks: readonly Block[]): string {
  return mdastToMarkdown(blocksToMdast(blocks));
}
