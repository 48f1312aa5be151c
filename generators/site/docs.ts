/**
 * The documentation pages: every Markdown file under docs-site/docs/ becomes site/docs/<same
 * path>.html, and the spec reference is generated beside them from the schema. All are rendered by
 * the one Markdown renderer (rules/text/render: remark-parse, remark-gfm, remark-rehype,
 * rehype-stringify; raw HTML dropped), with one transform that makes the sources' links work on the
 * site as they do in the repository:
 * - `other.md#part` (another page) becomes `other.html#part`;
 * - `/developers/index.html` (a page of the built site, written from the site's root) becomes a
 *   relative link, so the site still works from any folder;
 * - a link to any other file of the repository (`../../rules/…`) is not published with the site,
 *   so it is shown as its text;
 * - headings get ids as GitHub makes them, so `#a-heading` works in both places (an id that would
 *   not begin with a letter gets `h-` before it);
 * - right-aligned table columns become the site's `num` cells.
 * The folder says who a page is for and its language: guides/ (Vietnamese, one guide per user) and
 * index.md are Vietnamese like the rest of the site; reference/ (English, for those who write specs,
 * run or change the toolkit) is marked `lang="en"`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import procedureVersion from '../../rules/schema/procedure-version.schema.json' with { type: 'json' };
import { headingSlug, markdownToHtml, mdastToHtml } from '../../rules/text/render/index.js';
import { hashParts } from '../engine/context.js';
import { href } from '../engine/paths.js';
import type { OutputFile, Unit } from '../engine/unit.js';
import { HOME_CRUMB, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { docsSitePath, docsSiteText } from './sources.js';
import { specReferenceTree } from './spec-reference.js';
import { article } from './templates.generated.js';

/** The text of a node and its children. */
function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

/** The hand-written pages: paths under docs-site/docs/, sorted ("guides/legal-officer.md", …). */
export function docsPages(): string[] {
  const dir = docsSitePath('docs');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Where a docs page is in the build: "guides/portal.md" → "site/docs/guides/portal.html". */
export function docsPagePath(source: string): string {
  return SITE_PATHS.doc(source.replace(/\.md$/, '.html'));
}

/** The Markdown of a page's source, and whether it is written in English. */
function pageSource(source: string): { markdown: string; english: boolean } {
  const markdown = docsSiteText('docs', ...source.split('/'));
  return { markdown, english: source.startsWith('reference/') };
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The transform of a page's tree: links as the module comment says, ids on headings. `page` is the
 * page's path in the build and `source` its path under docs-site/docs/.
 */
export function docsTransform(source: string, page: string): (tree: Root) => void {
  const rewrite = (url: string): string | undefined => {
    if (url === '' || url.startsWith('#') || EXTERNAL.test(url)) return url;
    const hash = url.indexOf('#');
    const target = hash < 0 ? url : url.slice(0, hash);
    const fragment = hash < 0 ? '' : url.slice(hash);
    if (target.startsWith('/')) return href(page, `site${target}`) + fragment;
    const resolved = path.posix.join(path.posix.dirname(source), target);
    if (!resolved.startsWith('../') && resolved.endsWith('.md')) return href(page, docsPagePath(resolved)) + fragment;
    return undefined; // a file of the repository, not of the site
  };
  return (tree) => {
    const seen = new Map<string, number>();
    const walk = (parent: Parents) => {
      const children = parent.children as Nodes[];
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type === 'heading') {
          // An id must begin with a letter (html-validate's valid-id); GitHub's would begin "1-…".
          const slug = headingSlug(textOf(node));
          const base = /^\p{L}/u.test(slug) ? slug : `h-${slug}`;
          const n = seen.get(base) ?? 0;
          seen.set(base, n + 1);
          node.data = { ...node.data, hProperties: { id: n === 0 ? base : `${base}-${n}` } };
        }
        if (node.type === 'link' || node.type === 'definition') {
          const url = rewrite(node.url);
          if (url !== undefined) node.url = url;
          else if (node.type === 'link') {
            children.splice(i, 1, ...(node.children as PhrasingContent[]));
            i--;
            continue;
          }
        }
        if (node.type === 'table' && node.align) {
          // Right-aligned columns as the site's "num" cells, not the deprecated align attribute.
          const align = node.align;
          for (const row of node.children) row.children.forEach((cell, c) => align[c] === 'right' && (cell.data = { ...cell.data, hProperties: { className: ['num'] } }));
          node.align = null;
        }
        if ('children' in node) walk(node as Parents);
      }
    };
    walk(tree);
  };
}

/**
 * A docs page as a site page: the rendered Markdown (or, for a generated page, its mdast tree) in the
 * site's layout, crumbs back to the docs index. The title is the first heading.
 */
export async function renderDocsPage(source: string, content: string | Root, english: boolean): Promise<OutputFile> {
  const page = docsPagePath(source);
  const transform = docsTransform(source, page);
  let html: string;
  let title: string;
  if (typeof content === 'string') {
    html = await markdownToHtml(content, transform);
    title = /^#[ \t]+(.+)$/m.exec(content)?.[1]?.replace(/[`*_]/g, '').trim() ?? source;
  } else {
    const h1 = content.children.find((n) => n.type === 'heading' && n.depth === 1);
    title = h1 ? textOf(h1) : source;
    html = await mdastToHtml(content, transform);
  }
  const crumbs = page === SITE_PATHS.docsIndex ? [HOME_CRUMB] : [HOME_CRUMB, { path: SITE_PATHS.docsIndex, text: 'Tài liệu' }];
  return { path: page, content: sitePage({ path: page, title, crumbs, body: article({ html: english ? `<div lang="en">\n${html}\n</div>` : html }) }) };
}

/** One unit per docs page and one for the spec reference; a page's input is its text and the set of pages it may link to. */
export function docsUnits(): Unit[] {
  const pages = docsPages();
  const units: Unit[] = pages.map((source) => {
    const { markdown, english } = pageSource(source);
    return { key: `docs/${source}`, inputs: hashParts([markdown, ...pages]), render: async () => [await renderDocsPage(source, markdown, english)] };
  });
  units.push({
    key: 'docs/spec-reference',
    inputs: hashParts([JSON.stringify(procedureVersion)]),
    render: async () => [await renderDocsPage(SPEC_REFERENCE_SOURCE, specReferenceTree(), true)],
  });
  return units;
}

/** The generated spec reference sits among the pages as if it were docs-site/docs/reference/spec-reference.md. */
export const SPEC_REFERENCE_SOURCE = 'reference/spec-reference.md';
