/** Escaping for generated Markdown and HTML: every string from a spec goes through one of these. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text for a Markdown paragraph or table cell: Markdown and HTML syntax is backslash-escaped, so a
 * name such as "<script>" or "*bold*" reads literally, and line breaks cannot end a table row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** JSON as the tools write it: two-space indent, a final newline, undefined written as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v), 2) + '\n';
}

/**
 * A small document model shared by the Markdown and HTML reports: one structure, two renderers,
 * so both formats always say the same thing. Strings are plain text; renderers escape them.
 */
export type Inline = string | { text: string; style: 'strong' | 'em' | 'del' | 'ins' | 'code' } | LineBreak;

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
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; align?: Align }
  | { kind: 'paragraph'; content: Inline[]; align?: Align; indent?: boolean }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: string[]; align?: Align[]; rows: Inline[][][]; widths?: number[] }
  | { kind: 'bars'; title: string; unit: string; series: [string, string]; rows: { label: string; values: [number, number]; text: [string, string] }[] }
  /** Borderless rows of side-by-side cells; widths in percent. */
  | { kind: 'columns'; rows: LayoutCell[][]; widths?: number[] }
  /** A new page; a paged format (DOCX) may turn it landscape, as annexes with wide tables are. */
  | { kind: 'page'; orientation: 'portrait' | 'landscape' };

/** Lines joined by line breaks, for a cell that holds several lines. */
export function linesInline(lines: readonly string[]): Inline[] {
  return lines.flatMap((line, i) => (i === 0 ? [line] : [LINE_BREAK, line]));
}

function isBreak(i: Inline): i is LineBreak {
  return typeof i !== 'string' && 'break' in i;
}

function inlineText(i: Inline): string {
  return typeof i === 'string' ? i : isBreak(i) ? '\n' : i.text;
}

function mdInline(content: Inline[]): string {
  return content
    .map((i) => {
      if (typeof i === 'string') return escapeMarkdown(i);
      // GitHub renders <br> in paragraphs, list items and table cells alike.
      if (isBreak(i)) return '<br>';
      if (i.text.trim() === '') return i.text;
      const text = escapeMarkdown(i.text);
      // Emphasis markers must hug the text: keep surrounding spaces outside them.
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
      const mark = { strong: '**', em: '_', del: '~~', ins: '**', code: '`' }[i.style];
      return `${lead}${mark}${core}${mark}${trail}`;
    })
    .join('');
}

/** Markdown (GitHub flavour: tables, ~~strikethrough~~). Bar charts become tables. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`);
        break;
      case 'paragraph':
        out.push(mdInline(b.content));
        break;
      case 'list':
        out.push(b.items.map((item) => `- ${mdInline(item)}`).join('\n'));
        break;
      case 'table': {
        const align = b.head.map((_, i) => (b.align?.[i] === 'right' ? '---:' : b.align?.[i] === 'center' ? ':---:' : '---'));
        out.push([`| ${b.head.map(escapeMarkdown).join(' | ')} |`, `| ${align.join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(mdInline).join(' | ')} |`)].join('\n'));
        break;
      }
      case 'columns': {
        // GFM has no table without a header row: the first row serves as one.
        const text = (c: LayoutCell) => c.lines.filter((l): l is Inline[] => l !== 'rule').map(mdInline).join('<br>');
        const cell = (c: LayoutCell) => text(c) || ' ';
        // A row of rules alone (the line under a title) has nothing to say in Markdown.
        const [first, ...rest] = b.rows.filter((r) => r.some((c) => text(c) !== ''));
        if (!first) break;
        out.push([`| ${first.map(cell).join(' | ')} |`, `| ${first.map(() => '---').join(' | ')} |`, ...rest.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'));
        break;
      }
      case 'page':
        out.push('---');
        break;
      case 'bars':
        out.push(
          [`**${escapeMarkdown(b.title)}**`, '', `| | ${escapeMarkdown(b.series[0])} | ${escapeMarkdown(b.series[1])} |`, '| --- | ---: | ---: |', ...b.rows.map((r) => `| ${escapeMarkdown(r.label)} | ${escapeMarkdown(r.text[0])} | ${escapeMarkdown(r.text[1])} |`)].join('\n'),
        );
        break;
    }
  }
  return out.join('\n\n') + '\n';
}

function htmlInline(content: Inline[]): string {
  return content.map((i) => (typeof i === 'string' ? escapeHtml(i) : isBreak(i) ? '<br>' : `<${i.style}>${escapeHtml(i.text)}</${i.style}>`)).join('');
}

function classes(...names: (string | false | undefined)[]): string {
  const list = names.filter(Boolean);
  return list.length > 0 ? ` class="${list.join(' ')}"` : '';
}

/** Horizontal before/after bars, inline SVG with no script: one pair of bars per row. */
export function barChartSvg(b: Extract<Block, { kind: 'bars' }>): string {
  const labelWidth = 260;
  const barWidth = 360;
  const rowHeight = 40;
  const top = 24;
  const height = top + b.rows.length * rowHeight + 8;
  const max = Math.max(1, ...b.rows.flatMap((r) => r.values.map((v) => Math.abs(v))));
  const scale = (v: number) => Math.round((Math.abs(v) / max) * barWidth * 10) / 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelWidth + barWidth + 160}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 160} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeHtml(b.title)}</title>`,
    `<rect x="${labelWidth}" y="4" width="12" height="12" fill="#9aa5b1"/><text x="${labelWidth + 16}" y="14">${escapeHtml(b.series[0])}</text>`,
    `<rect x="${labelWidth + 120}" y="4" width="12" height="12" fill="#2f7d4f"/><text x="${labelWidth + 136}" y="14">${escapeHtml(b.series[1])}</text>`,
  ];
  b.rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const label = r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 20}" text-anchor="end">${escapeHtml(label)}</text>`);
    r.values.forEach((v, k) => {
      const w = scale(v);
      const yy = y + 4 + k * 16;
      parts.push(`<rect x="${labelWidth}" y="${yy}" width="${w}" height="14" fill="${k === 0 ? '#9aa5b1' : '#2f7d4f'}"/>`);
      parts.push(`<text x="${labelWidth + w + 4}" y="${yy + 11}">${escapeHtml(r.text[k]!)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #cbd2d9;padding:.3rem .6rem;vertical-align:top}
th{background:#f0f4f8;text-align:left}td.num{text-align:right;white-space:nowrap}del{background:#fde2e2}ins{background:#d9f2e1;text-decoration:none}
figure{margin:1rem 0}`;

/** A complete HTML page: escaped text, one inline style sheet (the reports' unless one is given), inline SVG charts, no scripts. */
export function renderHtml(title: string, blocks: readonly Block[], options: { style?: string } = {}): string {
  return `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${options.style ?? STYLE}</style>\n</head>\n<body>\n${renderHtmlBlocks(blocks)}\n</body>\n</html>\n`;
}

/** The blocks as HTML elements, without a page around them (for a page with its own layout). */
export function renderHtmlBlocks(blocks: readonly Block[]): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        body.push(`<h${b.level}${classes(b.align)}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        body.push(`<p${classes(b.align, b.indent && 'indent')}>${htmlInline(b.content)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((item) => `<li>${htmlInline(item)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const cell = (tag: 'td' | 'th', i: number, html: string) =>
          `<${tag}${tag === 'th' ? ' scope="col"' : b.align?.[i] === 'right' ? ' class="num"' : b.align?.[i] === 'center' ? ' class="center"' : ''}>${html}</${tag}>`;
        const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
        body.push(`<table>${cols}<thead><tr>${b.head.map((h, i) => cell('th', i, escapeHtml(h))).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => cell('td', i, htmlInline(c))).join('')}</tr>`).join('')}</tbody></table>`);
        break;
      }
      case 'columns': {
        const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
        const line = (c: LayoutCell, l: Inline[] | 'rule', i: number) => {
          if (l === 'rule') return '<span class="rule"></span>';
          const size = c.sizes?.[i];
          return size ? `<span style="font-size:${size}pt">${htmlInline(l)}</span>` : htmlInline(l);
        };
        const cell = (c: LayoutCell) => `<td${classes(c.align)}>${c.lines.map((l, i) => line(c, l, i)).join('<br>')}</td>`;
        body.push(`<table class="layout">${cols}<tbody>${b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`);
        break;
      }
      case 'page':
        body.push(`<hr class="page ${b.orientation}">`);
        break;
      case 'bars':
        body.push(`<figure>${barChartSvg(b)}<figcaption>${escapeHtml(b.title)} (${escapeHtml(b.unit)})</figcaption></figure>`);
        break;
    }
  }
  return body.join('\n');
}

/** Plain text of inline content, for tests and summaries. */
export function plainText(content: Inline[]): string {
  return content.map(inlineText).join('');
}
