import { foldVietnamese } from '../../rules/text/vi.js';

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
  procedure: (code: string) => `site/procedures/${code}.html`,
  history: (code: string) => `site/procedures/${code}/versions.html`,
  diff: (code: string, from: string, to: string) => `site/procedures/${code}/diff/${from}--${to}.html`,
  form: (code: string, version: string) => `site/procedures/${code}/form-${version}.html`,
  legalIndex: 'site/legal/index.html',
  legal: (number: string) => `site/legal/${legalSlug(number)}.html`,
  fields: 'site/fields/index.html',
  field: (id: string) => `site/fields/${id}.html`,
  agency: (id: string) => `site/agencies/${id}.html`,
  dashboard: 'site/dashboard/index.html',
  proposal: (code: string, version: string) => `site/dashboard/${code}--${version}.html`,
  developers: 'site/developers/index.html',
  apiSchema: (name: string) => `site/developers/schemas/${name}.html`,
  rules: 'site/developers/rules/index.html',
  rule: (id: string) => `site/developers/rules/${id}.html`,
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
