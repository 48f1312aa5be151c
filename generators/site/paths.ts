import { RULE_INDEX_PATH, ruleDocsPath } from '../../rules/lint/docs-path.js';
import { foldVietnamese } from '../../rules/text/vi/words.js';
import { PATHS } from '../engine/paths.js';

/**
 * The id of a change's section on the procedure page. Version ids may hold dots (a correction's
 * `v2025.dc1`), which HTML ids should not; version ids never hold underscores, so writing each dot
 * as one keeps the id unique.
 */
function changeAnchor(from: string, to: string): string {
  return `thay-doi-${from.replaceAll('.', '_')}--${to.replaceAll('.', '_')}`;
}

/**
 * Where each page of the public site lives, relative to the build output. Everything is under
 * site/, and every link between pages is relative, so the folder can be served from any static
 * host (or opened with `tthc serve`) on its own.
 */
export const SITE_PATHS = {
  home: 'site/index.html',
  css: 'site/assets/site.css',
  script: (name: string) => `site/assets/${name}.js`,
  calendar: (id: string) => `site/assets/calendar-${id}.json`,
  procedure: (code: string) => PATHS.page(code),
  /**
   * The version history and each change are sections of the procedure page (they were pages of
   * their own, procedures/<code>/versions.html and procedures/<code>/diff/<from>--<to>.html).
   */
  history: (code: string) => `${PATHS.page(code)}#lich-su`,
  diff: (code: string, from: string, to: string) => `${PATHS.page(code)}#${changeAnchor(from, to)}`,
  changeAnchor,
  /** The online form preview: a section of the procedure page (it was site/forms/<code>--<version>.html before issue 15). */
  formAnchor: 'to-khai',
  legalIndex: 'site/legal/index.html',
  legal: (number: string) => `site/legal/${legalSlug(number)}.html`,
  fields: 'site/fields/index.html',
  field: (id: string) => `site/fields/${id}.html`,
  agency: (id: string) => `site/agencies/${id}.html`,
  dashboard: 'site/dashboard/index.html',
  proposal: (code: string, version: string) => `site/dashboard/${code}--${version}.html`,
  developers: 'site/developers/index.html',
  apiSchema: (name: string) => `site/developers/schemas/${name}.html`,
  rules: `site/${RULE_INDEX_PATH}`,
  rule: (id: string) => `site/${ruleDocsPath(id)}`,
  /** A documentation page: docs-site/docs/<name>.md is site/docs/<name>.html. */
  doc: (name: string) => `site/docs/${name}`,
  docsIndex: 'site/docs/index.html',
  searchMeta: 'site/search/meta.json',
  searchTerms: (shard: string) => `site/search/terms/${shard}.json`,
  searchDocs: (name: string) => `site/search/docs/${name}.json`,
} as const;

/** A file name for a legal document number: "123/2015/NĐ-CP" → "123-2015-nd-cp". */
export function legalSlug(number: string): string {
  return (
    foldVietnamese(number)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'van-ban'
  );
}
