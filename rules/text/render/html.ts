/**
 * HTML from the document model: blocks become a hast tree, written by rehype-stringify
 * (hast-util-to-html); Markdown documents (the docs pages) take the same road from their mdast
 * tree (remark-parse → remark-rehype → the same writer); raw HTML in Markdown is dropped.
 *
 * Text from the blocks enters the tree already escaped by escapeHtml (as a raw node), not as a text
 * node: hast-util-to-html escapes only "<" and "&" in text, while every page so far escaped
 * ">", '"' and "'" too, and the pages stay byte-identical. Only this module makes raw nodes, and
 * only from escapeHtml's output, so no spec string reaches the page unescaped.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified, type Plugin } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { escapeHtml } from './escape.js';
import { isBreak, type Bars, type Block, type Inline, type LayoutCell } from './blocks.js';

const t = (value: string): ElementContent => ({ type: 'raw', value: escapeHtml(value) }) as unknown as ElementContent;
function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
const cls = (...names: (string | false | undefined)[]): Properties => {
  const list = names.filter((n): n is string => typeof n === 'string' && n !== '');
  return list.length > 0 ? { className: list } : {};
};

export function inlineToHast(content: readonly Inline[]): ElementContent[] {
  return content.map((i) => (typeof i === 'string' ? t(i) : isBreak(i) ? h('br', {}) : i.style === 'strong-em' ? h('strong', {}, [h('em', {}, [t(i.text)])]) : h(i.style, {}, [t(i.text)])));
}

function colgroup(widths: readonly number[] | undefined): ElementContent[] {
  return widths ? [h('colgroup', {}, widths.map((w) => h('col', { style: `width:${w}%` })))] : [];
}

/** Horizontal before/after bars, inline SVG with no script: one pair of bars per row. */
export function barChartHast(b: Bars): Element {
  const labelWidth = 260;
  const barWidth = 360;
  const rowHeight = 40;
  const top = 24;
  const height = top + b.rows.length * rowHeight + 8;
  const width = labelWidth + barWidth + 160;
  const max = Math.max(1, ...b.rows.flatMap((r) => r.values.map((v) => Math.abs(v))));
  const scale = (v: number) => Math.round((Math.abs(v) / max) * barWidth * 10) / 10;
  const rect = (x: number, y: number, w: number, hh: number, fill: string) => h('rect', { x: String(x), y: String(y), width: String(w), height: String(hh), fill });
  const text = (x: number, y: number, value: string, anchor?: string) => h('text', anchor ? { x: String(x), y: String(y), 'text-anchor': anchor } : { x: String(x), y: String(y) }, [t(value)]);
  const children: ElementContent[] = [
    h('title', {}, [t(b.title)]),
    rect(labelWidth, 4, 12, 12, '#9aa5b1'),
    text(labelWidth + 16, 14, b.series[0]),
    rect(labelWidth + 120, 4, 12, 12, '#2f7d4f'),
    text(labelWidth + 136, 14, b.series[1]),
  ];
  b.rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    children.push(text(labelWidth - 8, y + 20, r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label, 'end'));
    r.values.forEach((v, k) => {
      const w = scale(v);
      const yy = y + 4 + k * 16;
      children.push(rect(labelWidth, yy, w, 14, k === 0 ? '#9aa5b1' : '#2f7d4f'));
      children.push(text(labelWidth + w + 4, yy + 11, r.text[k]!));
    });
  });
  return h('svg', { xmlns: 'http://www.w3.org/2000/svg', role: 'img', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', 'font-size': '12' }, children);
}

function layoutLine(c: LayoutCell, l: Inline[] | 'rule', i: number): ElementContent[] {
  if (l === 'rule') {
    const w = c.ruleWidths?.[i];
    return [h('span', w ? { className: ['rule'], style: `width:${w}%` } : { className: ['rule'] })];
  }
  const size = c.sizes?.[i];
  return size ? [h('span', { style: `font-size:${size}pt` }, inlineToHast(l))] : inlineToHast(l);
}

function blockToHast(b: Block): Element[] {
  switch (b.kind) {
    case 'heading':
      return [h(`h${b.level}`, cls(b.align), [t(b.text)])];
    case 'paragraph':
      return [h('p', cls(b.align, b.indent && 'indent'), inlineToHast(b.content))];
    case 'list':
      return [h('ul', {}, b.items.map((item) => h('li', {}, inlineToHast(item))))];
    case 'table': {
      const td = (i: number, content: ElementContent[]) => h('td', b.align?.[i] === 'right' ? { className: ['num'] } : b.align?.[i] === 'center' ? { className: ['center'] } : {}, content);
      return [
        // tabindex="0": a table wider than a phone scrolls sideways, and a region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
        h('table', { tabIndex: 0 }, [
          ...colgroup(b.widths),
          h('thead', {}, [h('tr', {}, b.head.map((x) => h('th', { scope: 'col' }, [t(x)])))]),
          h('tbody', {}, b.rows.map((r) => h('tr', {}, r.map((c, i) => td(i, inlineToHast(c)))))),
        ]),
      ];
    }
    case 'columns': {
      const cell = (c: LayoutCell) => h('td', cls(c.align), c.lines.flatMap((l, i) => (i === 0 ? layoutLine(c, l, i) : [h('br', {}), ...layoutLine(c, l, i)])));
      return [h('table', { className: ['layout'] }, [...colgroup(b.widths), h('tbody', {}, b.rows.map((r) => h('tr', {}, r.map(cell))))])];
    }
    case 'page':
      return [h('hr', { className: ['page', b.orientation] })];
    case 'bars':
      return [h('figure', {}, [barChartHast(b), h('figcaption', {}, [t(`${b.title} (${b.unit})`)])])];
  }
}

/** The blocks as a hast tree, one block a line. */
export function blocksToHast(blocks: readonly Block[]): HastRoot {
  const children: HastContent[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) children.push({ type: 'text', value: '\n' });
    children.push(...blockToHast(b));
  });
  return { type: 'root', children };
}

/** One setting for every page (raw nodes only from t() above): void elements as "<br>", SVG's empty elements as "<rect …/>", named references where they exist. */
const writer = unified()
  .use(rehypeStringify, { allowDangerousHtml: true, upperDoctype: true, closeEmptyElements: true, tightSelfClosing: true, characterReferences: { useNamedReferences: true } })
  .freeze();

/** A hast tree as HTML text. */
export function hastToHtml(tree: HastRoot): string {
  return writer.stringify(tree);
}

/** HTML's void elements among those blockToHast makes: written as "<br>", never closed. */
const VOID = new Set(['br', 'col', 'hr']);
/** Attribute values the direct writer copies as they are: nothing hast-util-to-html would escape. */
const PLAIN_VALUE = /^[A-Za-z0-9 :;%.#_-]*$/;

/**
 * One element of blockToHast's trees as hast-util-to-html writes it with the settings above, or
 * undefined when it holds anything but the plain HTML the blocks make (SVG, an attribute value to
 * escape, a text node): the writer does those. The trees are simple (raw text from escapeHtml,
 * elements with a few known attributes), and walking unified's writer over them cost a procedure
 * page more than its templates; tests/rules/text/render.test.ts compares both on every kind of block.
 */
function directHtml(e: Element): string | undefined {
  let out = `<${e.tagName}`;
  for (const key in e.properties) {
    const value = e.properties[key];
    if (value === undefined || value === null) continue;
    const name = key === 'className' ? 'class' : key === 'tabIndex' ? 'tabindex' : key === 'style' || key === 'scope' ? key : undefined;
    if (name === undefined) return undefined;
    const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    if (text === undefined || !PLAIN_VALUE.test(text)) return undefined;
    out += ` ${name}="${text}"`;
  }
  out += '>';
  if (VOID.has(e.tagName)) return e.children.length === 0 ? out : undefined;
  for (const child of e.children) {
    if (child.type === 'element') {
      const inner = directHtml(child);
      if (inner === undefined) return undefined;
      out += inner;
    } else if ((child as { type: string }).type === 'raw') out += (child as unknown as { value: string }).value;
    else return undefined;
  }
  return `${out}</${e.tagName}>`;
}

/** The blocks as HTML elements, without a page around them (for a page with its own layout). */
export function renderHtmlBlocks(blocks: readonly Block[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += '\n';
    for (const e of blockToHast(b)) out += directHtml(e) ?? hastToHtml({ type: 'root', children: [e] });
  });
  return out;
}

/** renderHtmlBlocks through unified's writer only, for the tests that compare both. */
export function renderHtmlBlocksByHast(blocks: readonly Block[]): string {
  return hastToHtml(blocksToHast(blocks));
}

/** The bar chart alone, as inline SVG (for a page that places it itself). */
export function barChartSvg(b: Bars): string {
  return hastToHtml({ type: 'root', children: [barChartHast(b)] });
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #cbd2d9;padding:.3rem .6rem;vertical-align:top}
th{background:#f0f4f8;text-align:left}td.num{text-align:right;white-space:nowrap}del{background:#fde2e2}ins{background:#d9f2e1;text-decoration:none}
figure{margin:1rem 0}`;

/** A complete HTML page: escaped text, one inline style sheet (the reports' unless one is given), inline SVG charts, no scripts. */
export function renderHtml(title: string, blocks: readonly Block[], options: { style?: string } = {}): string {
  const head = h('head', {}, [t('\n'), h('meta', { charSet: 'utf-8' }), t('\n'), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), t('\n'), h('title', {}, [t(title)]), t('\n'), h('style', {}, [{ type: 'text', value: options.style ?? STYLE }]), t('\n')]);
  const body = h('body', {}, [t('\n'), ...(blocksToHast(blocks).children as ElementContent[]), t('\n')]);
  return `${hastToHtml({ type: 'root', children: [{ type: 'doctype' }, t('\n'), h('html', { lang: 'vi' }, [t('\n'), head, t('\n'), body, t('\n')])] })}\n`;
}

/**
 * Tables and code blocks scroll sideways when wider than the screen (the style sheets give them
 * overflow-x: auto), and a region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable): each gets tabindex="0".
 */
const focusableScrollers: Plugin<[], HastRoot> = () => (tree) => {
  const visit = (node: HastRoot | ElementContent): void => {
    if (node.type === 'element' && (node.tagName === 'table' || node.tagName === 'pre')) node.properties.tabIndex = 0;
    if ('children' in node) for (const child of node.children) visit(child as ElementContent);
  };
  visit(tree);
};

type MdastTransform = (tree: MdastRoot) => void;
let markdownPipeline: Promise<(markdown: string, transform: MdastTransform | undefined) => string> | undefined;

/**
 * Markdown text (the documentation pages) as HTML: remark-parse with GFM, then remark-rehype and
 * rehype-stringify; raw HTML in the Markdown is dropped. `transform` may rewrite the mdast tree first
 * (links between pages, for example). The parser is loaded on first use: most commands never parse
 * Markdown.
 */
export async function markdownToHtml(markdown: string, transform?: MdastTransform): Promise<string> {
  markdownPipeline ??= (async () => {
    const [{ default: remarkParse }, { default: remarkGfm }, { default: remarkRehype }] = await Promise.all([import('remark-parse'), import('remark-gfm'), import('remark-rehype')]);
    let current: MdastTransform | undefined;
    const hook: Plugin<[], MdastRoot> = () => (tree) => current?.(tree);
    const processor = unified().use(remarkParse).use(remarkGfm).use(hook).use(remarkRehype).use(focusableScrollers).use(rehypeStringify).freeze();
    return (text, transform) => {
      current = transform;
      try {
        return String(processor.processSync(text));
      } finally {
        current = undefined;
      }
    };
  })();
  const render = await markdownPipeline;
  // Each page parses for milliseconds: the event loop runs between them (in a build, the render
  // pool's replies and its next jobs), where awaiting the settled pipeline alone would not let it.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return render(markdown, transform);
}

let mdastPipeline: Promise<(tree: MdastRoot) => string> | undefined;

/**
 * An mdast tree (a generated document, such as the spec reference) as HTML, by the same remark-rehype
 * and rehype-stringify as markdownToHtml, without writing it out as Markdown and parsing it again.
 * `transform` may rewrite the tree first.
 */
export async function mdastToHtml(tree: MdastRoot, transform?: MdastTransform): Promise<string> {
  mdastPipeline ??= (async () => {
    const { default: remarkRehype } = await import('remark-rehype');
    const processor = unified().use(remarkRehype).use(rehypeStringify).freeze();
    return (t) => processor.stringify(processor.runSync(t));
  })();
  transform?.(tree);
  return (await mdastPipeline)(tree);
}
