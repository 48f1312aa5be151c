import { href } from '../engine/paths.js';
import { documentTitle } from '../engine/title.js';
import { SITE_PATHS } from './paths.js';
import { layout } from './templates.generated.js';

export interface Crumb {
  href: string;
  text: string;
}

export interface PageOptions {
  /** The page's own path, relative to the build output (site/…). */
  path: string;
  title: string;
  /** The page body, already rendered by an escaping template. */
  body: string;
  description?: string | undefined;
  /** Trail from the home page, paths relative to the build output. */
  crumbs?: { path: string; text: string }[];
  /** Bundled scripts to load (names under site/assets/). */
  scripts?: string[];
  jsonLd?: string | undefined;
  /** The date the data is shown as of, when the page depends on it anyway. */
  at?: string | undefined;
}

/** The site's root folder as seen from a page: "" for site/index.html, "../" one folder down. */
export function rootOf(path: string): string {
  const depth = path.split('/').length - 2;
  return '../'.repeat(depth);
}

/** A link from one site page to another, both relative to the build output. */
export function link(from: string, to: string): string {
  return href(from, to);
}

/** Wraps a page body in the site's layout: header navigation, skip link, footer, scripts. */
export function sitePage(o: PageOptions): string {
  const root = rootOf(o.path);
  return layout({
    title: o.title,
    documentTitle: documentTitle(o.title, { suffix: ' – Thủ tục hành chính' }),
    description: o.description,
    root,
    jsonLd: o.jsonLd,
    crumbs: o.crumbs?.map((c) => ({ href: link(o.path, c.path), text: c.text })),
    body: o.body,
    at: o.at,
    scripts: (o.scripts ?? []).map((s) => link(o.path, SITE_PATHS.script(s))),
  });
}

export const HOME_CRUMB = { path: SITE_PATHS.home, text: 'Trang chủ' };
