/**
 * The documentation pages: every Markdown page of docs-site/docs/ is rendered into site/docs/, its
 * links resolve (in the repository and on the built site), the spec reference lists every property
 * of the schema with its description, every rule has its page, and the portal guide's requests are
 * answered by the built files as the guide shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsPagePath, docsPages, docsTransform, SPEC_REFERENCE_SOURCE } from '../../generators/site/docs.js';
import { SITE_PATHS } from '../../generators/site/paths.js';
import { ALL_RULES } from '../../rules/lint/index.js';
import { RULE_DOCS_VI } from '../../rules/text/vi/rule-docs.js';
import procedureVersion from '../../rules/schema/procedure-version.schema.json' with { type: 'json' };
import { brokenLinks } from '../site/links.js';
import { buildBundled } from '../helpers/bundled-output.js';
import { cleanupOutputs } from '../helpers/output.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = path.join(ROOT, 'docs-site/docs');
let out: string;

beforeAll(async () => {
  out = await buildBundled();
}, 60_000);
afterAll(cleanupOutputs);

const built = (p: string) => readFile(path.join(out, p), 'utf8');

/** Markdown links and images of a source: [text](url), leaving out code blocks and code spans. */
function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

interface Element {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  value?: string;
}
function textContent(n: Element): string {
  return n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(textContent).join('');
}
function elements(n: Element, name: string): Element[] {
  return [...(n.nodeName === name ? [n] : []), ...(n.childNodes ?? []).flatMap((c) => elements(c, name))];
}

describe('docs pages', () => {
  it('are the guides, the reference pages and performance.md, each rendered into site/docs/', async () => {
    const pages = docsPages();
    expect(pages).toEqual(expect.arrayContaining(['index.md', 'guides/legal-officer.md', 'guides/reviewer.md', 'guides/portal.md', 'guides/help.md', 'reference/performance.md', 'reference/spec.md']));
    // docs/performance.md moved here; nothing is left at the old place.
    expect(existsSync(path.join(ROOT, 'docs/performance.md'))).toBe(false);
    for (const source of [...pages, SPEC_REFERENCE_SOURCE]) {
      const html = await built(docsPagePath(source));
      const title = /^# (.+)$/m.exec(source === SPEC_REFERENCE_SOURCE ? '# Spec reference: a procedure version' : readFileSync(path.join(DOCS, source), 'utf8'))![1]!.replace(/`/g, '');
      // The page's title is its first heading (the crumb names it in full; <title> may shorten it).
      expect(html, source).toContain(`<span aria-current="page">${title.replace(/&/g, '&amp;')}</span>`);
      expect(html).toContain(source.startsWith('reference/') ? '<div lang="en">' : '<h1 id=');
    }
    expect(docsPagePath('guides/portal.md')).toBe('site/docs/guides/portal.html');
  });

  it('keep performance.md as its sources wrote it: the page is the rendered file', async () => {
    const html = await built('site/docs/reference/performance.html');
    const md = readFileSync(path.join(DOCS, 'reference/performance.md'), 'utf8');
    const headings = [...md.matchAll(/^#{1,3} (.+)$/gm)].map((m) => m[1]!.replace(/`/g, ''));
    expect(headings.length).toBeGreaterThan(3);
    const shown = elements(parse(html) as unknown as Element, 'h2').concat(elements(parse(html) as unknown as Element, 'h3')).map(textContent);
    for (const h of headings.slice(1)) expect(shown).toContain(h);
  });

  it('are all linked from the docs index', () => {
    const index = markdownLinks(readFileSync(path.join(DOCS, 'index.md'), 'utf8'));
    const linked = new Set(index.filter((l) => l.endsWith('.md')));
    expect(docsPages().filter((p) => p !== 'index.md' && !linked.has(p))).toEqual([]);
    expect(index).toContain('/docs/reference/spec-reference.html');
    expect(index).toContain('/developers/rules/index.html');
  });

  it('link only to files that exist: other pages, files of the repository, pages of the built site', async () => {
    const broken: string[] = [];
    for (const source of docsPages()) {
      for (const url of markdownLinks(readFileSync(path.join(DOCS, source), 'utf8'))) {
        if (/^[a-z]+:/.test(url) || url.startsWith('#')) continue;
        const [target] = url.split('#') as [string];
        const exists = target.startsWith('/') ? existsSync(path.join(out, 'site', target)) : existsSync(path.resolve(path.dirname(path.join(DOCS, source)), target));
        if (!exists) broken.push(`${source}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
    // On the built site, every link and #fragment of the docs pages resolves (ids come from the headings).
    const { broken: onSite } = await brokenLinks(path.join(out, 'site'));
    expect(onSite.filter((b) => b.startsWith('docs/'))).toEqual([]);
  });

  it('rewrite links for the site: pages to .html, site paths relative, repository files to their text', async () => {
    const { markdownToHtml } = await import('../../rules/text/render/index.js');
    const md = '# Một trang\n\n[A](../reference/build.md#how-a-build-behaves) [B](/developers/index.html) [C](../../../rules/lint/index.ts) [D](#mot-trang) [E](https://example.org/x)\n';
    const html = await markdownToHtml(md, docsTransform('guides/x.md', 'site/docs/guides/x.html'));
    expect(html).toBe(
      '<h1 id="một-trang">Một trang</h1>\n<p><a href="../reference/build.html#how-a-build-behaves">A</a> <a href="../../developers/index.html">B</a> C <a href="#mot-trang">D</a> <a href="https://example.org/x">E</a></p>',
    );
  });
});

describe('the spec reference', () => {
  interface Node {
    $ref?: string;
    description?: string;
    properties?: Record<string, Node>;
    [key: string]: unknown;
  }
  const schema = procedureVersion as unknown as Node & { $defs: Record<string, Node> };
  /** Every property of the schema, wherever it is declared, except in if/then/else constraints. */
  function properties(node: unknown, inConstraint = false): [string, Node][] {
    if (Array.isArray(node)) return node.flatMap((n) => properties(n, inConstraint));
    if (!node || typeof node !== 'object') return [];
    const n = node as Node;
    const own = !inConstraint && n.properties ? Object.entries(n.properties) : [];
    return [...own, ...Object.entries(n).flatMap(([k, v]) => properties(v, inConstraint || k === 'if' || k === 'then' || k === 'else'))];
  }
  /** A property's own description, else the first found in what it is made of: its $ref, alternatives, items. */
  const descriptionOf = (p: Node): string | undefined => {
    if (p.description) return p.description;
    const parts = [...(p.$ref ? [schema.$defs[p.$ref.replace('#/$defs/', '')]!] : []), ...((p.anyOf ?? []) as Node[]), ...((p.oneOf ?? []) as Node[]), ...((p.allOf ?? []) as Node[]), ...(p.items ? [p.items as Node] : [])];
    for (const part of parts) {
      const d = descriptionOf(part);
      if (d) return d;
    }
    return undefined;
  };

  it('lists every property of the schema, each with its description', async () => {
    const doc = parse(await built(docsPagePath(SPEC_REFERENCE_SOURCE))) as unknown as Element;
    const rows = elements(doc, 'tbody')
      .flatMap((t) => elements(t, 'tr'))
      .map((tr) => elements(tr, 'td').map(textContent));
    const expected = properties(schema);
    expect(expected.length).toBeGreaterThan(190);
    // One row per property, no more.
    expect(rows.length).toBe(expected.length);
    const shown = new Set(rows.map(([name, , , description]) => `${name}\t${description}`));
    const missing = expected.filter(([name, p]) => !shown.has(`${name}\t${(descriptionOf(p) ?? '(no description in the schema)').replace(/`/g, '')}`)).map(([name]) => name);
    expect(missing).toEqual([]);
    // Every property says what it is: none falls back to the placeholder.
    expect(rows.filter(([, , , description]) => description === '(no description in the schema)').map(([name]) => name)).toEqual([]);
    // A few read as the schema words them.
    expect(shown).toContain('status\tLifecycle status (trạng thái). Only published and repealed versions can be in force; a repealed version is a tombstone that ends the procedure (bãi bỏ).');
    expect(shown).toContain('copies\tNumber of copies (bản sao).');
    // Through a $ref and an alternative: until is an IsoDate or null.
    expect(shown).toContain('until\tA calendar date, YYYY-MM-DD.');
  });

  it('links each type to the section of its definition', async () => {
    const html = await built(docsPagePath(SPEC_REFERENCE_SOURCE));
    for (const name of Object.keys(schema.$defs)) expect(html).toContain(`id="${name.toLowerCase()}"`);
    expect(html).toContain('<a href="#document">Document</a>');
  });
});

describe('rule pages', () => {
  it('exist for every rule, at the one URL shape, and the rule index links each', async () => {
    const index = await built(SITE_PATHS.rules);
    // 27 with the three correction-* rules (đính chính).
    expect(ALL_RULES.length).toBe(27);
    for (const rule of ALL_RULES) {
      const page = await built(SITE_PATHS.rule(rule.id));
      expect(page).toContain(`<h1>${rule.id}</h1>`);
      // The site is Vietnamese: the page is the rule's Vietnamese docs (rules/text/vi/rule-docs.ts).
      expect(page).toContain(RULE_DOCS_VI[rule.id]!.description.split('`')[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').slice(0, 40));
      expect(page).toContain('<h2>Lý do</h2>');
      expect(index).toContain(`href="${rule.id}.html"`);
    }
    expect(SITE_PATHS.rule('unique-ids')).toBe('site/developers/rules/unique-ids.html');
  });
});

describe('the portal guide', () => {
  /** True when every key of `part` is in `whole` with a matching value; an array matches the first items of one. */
  function within(part: unknown, whole: unknown): boolean {
    if (Array.isArray(part)) return Array.isArray(whole) && part.length <= whole.length && part.every((p, i) => within(p, whole[i]));
    if (part && typeof part === 'object') return !!whole && typeof whole === 'object' && !Array.isArray(whole) && Object.entries(part).every(([k, v]) => k in whole && within(v, (whole as Record<string, unknown>)[k]));
    return part === whole;
  }

  it('shows requests that the built files answer as it says', async () => {
    const md = readFileSync(path.join(DOCS, 'guides/portal.md'), 'utf8');
    const pairs = [...md.matchAll(/```sh\ncurl -s "\$BASE\/([^"]+)"[^\n]*\n```\n\n```json\n([\s\S]*?)\n```/g)].map((m) => ({ file: m[1]!, excerpt: JSON.parse(m[2]!) as unknown }));
    expect(pairs.map((p) => p.file)).toEqual([
      'api/v1/index.json',
      'api/v1/index/all.json',
      'api/v1/procedures/1.001193.json',
      'api/v1/procedures/1.001193.json',
      'api/v1/procedures/1.001193.json',
      'api/v1/procedures/1.001193.json',
      'api/v1/changes.json',
      'api/v1/changes/2026-01.json',
      'api/v1/procedures/1.001193.json',
      'manifest.json',
    ]);
    for (const { file, excerpt } of pairs) expect(within(excerpt, JSON.parse(await built(file))), file).toBe(true);
  });
});
