/** Scanners for executable output: what in HTML, Markdown or CSV could run or mislead with attacker text. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data']);
const DANGEROUS_SCHEME = /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i;
/** Script types a browser treats as data, never runs. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);
/** Every payload calls alert("xss-…"); executable markup would carry it. */
const MARKER = /alert\s*\(\s*["'`]?xss-/;

export function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) files(abs, out);
    else out.push(abs);
  }
  return out;
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

function textOf(element: Element): string {
  return element.childNodes.map((c) => ('value' in c ? (c as { value: string }).value : '')).join('');
}

/** What in an HTML document could run attacker text: scripts, handlers, dangerous URLs, frames. */
export function htmlFindings(html: string): string[] {
  const findings: string[] = [];
  for (const el of elements(parse(html) as unknown as Node)) {
    if (el.tagName === 'script') {
      const type = (el.attrs.find((a) => a.name === 'type')?.value ?? '').trim().toLowerCase();
      const body = textOf(el);
      if (DATA_SCRIPT_TYPES.has(type)) {
        // A data block is never run, but it must stay one block: a `</script>` in it would end it early.
        try {
          JSON.parse(body);
        } catch {
          findings.push(`a ${type} data block that is not valid JSON (broken out of?)`);
        }
      } else if (MARKER.test(body)) findings.push(`an executable script with attacker text: ${body.slice(0, 80)}`);
    }
    if (['iframe', 'object', 'embed', 'base'].includes(el.tagName) && el.attrs.some((a) => MARKER.test(a.value) || DANGEROUS_SCHEME.test(a.value))) {
      findings.push(`a <${el.tagName}> element carrying attacker text`);
    }
    // <meta name=description content="…"> is inert text; only http-equiv (refresh, set-cookie…) acts on its content.
    if (el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv') && el.attrs.some((a) => MARKER.test(a.value) || /url\s*=\s*['"]?\s*javascript:/i.test(a.value))) {
      findings.push('a <meta http-equiv> element carrying attacker text');
    }
    if (el.tagName === 'iframe') findings.push('an <iframe> element');
    for (const attr of el.attrs) {
      if (attr.name.startsWith('on') && MARKER.test(attr.value)) findings.push(`an ${attr.name} handler with attacker text on <${el.tagName}>`);
      if (URL_ATTRIBUTES.has(attr.name) && DANGEROUS_SCHEME.test(attr.value)) findings.push(`a ${attr.name}="${attr.value.slice(0, 40)}" URL on <${el.tagName}>`);
    }
    if (el.tagName === 'style' && /display\s*:\s*none/.test(textOf(el)) && textOf(el).includes('*{')) findings.push('an injected <style> element');
  }
  return findings;
}

/** What in a Markdown document would become raw HTML or a script link when rendered. */
export function markdownFindings(markdown: string): string[] {
  const findings: string[] = [];
  const visit = (node: { type: string; value?: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'html' && node.value && (MARKER.test(node.value) || /<\s*(script|img|svg|iframe|a|style)\b/i.test(node.value))) findings.push(`raw HTML: ${node.value.slice(0, 60)}`);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url && DANGEROUS_SCHEME.test(node.url)) findings.push(`a ${node.type} to ${node.url.slice(0, 40)}`);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as { type: string });
  return findings;
}

/** RFC 4180 cells, for the formula-injection check. */
export function csvCells(csv: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      cells.push(cell);
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '') cells.push(cell);
  return cells;
}

