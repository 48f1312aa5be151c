import path from 'node:path';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';

/**
 * Where each output lives inside the output folder. Generators link to each other's files through
 * these, so a page never points at a file that another generator names differently.
 */
export const PATHS = {
  css: 'assets/tthc.css',
  listing: (ext: 'md' | 'html' | 'csv') => `listing/danh-muc.${ext}`,
  /**
   * The one public page of a procedure (the site's), which the listing and the API link to. The
   * separate detail page procedures/<code>.html duplicated it and is no longer written.
   */
  page: (code: string) => `site/procedures/${code}.html`,
  apiIndex: 'api/v1/index.json',
  apiIndexPage: (name: string) => `api/v1/index/${name}.json`,
  apiProcedure: (code: string) => `api/v1/procedures/${code}.json`,
  /**
   * A version inside its procedure's document, as a JSON Pointer fragment (RFC 6901): versions are
   * not files of their own, so a portal needs one request per procedure. `index` is the version's
   * place in `versions` (in the order they take effect), or "draft" for a preview's draft.
   */
  apiVersion: (code: string, index: number | 'draft') => `api/v1/procedures/${code}.json#/${index === 'draft' ? 'draft' : `versions/${index}`}`,
  apiChanges: 'api/v1/changes.json',
  apiChangesPage: (name: string) => `api/v1/changes/${name}.json`,
  apiSchema: (name: string) => `api/v1/schemas/${name}.schema.json`,
  /**
   * A version's online form schema: inside its procedure's API document (#/versions/<i>/form/schema),
   * for the version in force and the next one only (what a portal files against). It was a file of
   * its own, forms/<code>--<version>.schema.json: one more file per procedure.
   */
  formSchema: (code: string, index: number) => `api/v1/procedures/${code}.json#/versions/${index}/form/schema`,
  /** TypeScript types of every form: one entry module referencing a shard per code prefix, each declaring `tthc-forms/<code>/<version>`. */
  formTypesIndex: 'forms/index.d.ts',
  formTypesShard: (name: string) => `forms/types/${name}.d.ts`,
  formTypesModule: (code: string, version: string) => `tthc-forms/${code}/${version}`,
} as const;

/** The link from one output file to another, both given relative to the output folder (a fragment of `to` is kept). */
export function href(from: string, to: string): string {
  const hash = to.indexOf('#');
  if (hash < 0) return path.posix.relative(path.posix.dirname(from), to);
  const file = to.slice(0, hash);
  return `${file === from ? '' : path.posix.relative(path.posix.dirname(from), file)}${to.slice(hash)}`;
}

/** A version gets an online form schema when it can be filed online. */
export function hasOnlineForm(v: ProcedureVersion): boolean {
  return v.status === 'published' && (v.channels ?? []).some((c) => c.kind === 'online');
}

/**
 * The versions that get an online form schema and types: the one in force on the build date and
 * the next published one (announced, not yet in force), when they can be filed online. Older
 * versions' forms are of no use to a portal, and at national scale they were most of the files.
 */
export function formVersions(entry: { windows: readonly { from: string; until: string | null; version: { data: ProcedureVersion } }[] }, at: string): ProcedureVersion[] {
  const current = entry.windows.findIndex((w) => w.from <= at && (w.until === null || at <= w.until));
  const next = entry.windows.findIndex((w) => w.from > at);
  const chosen = [current, next].filter((i) => i >= 0).map((i) => entry.windows[i]!.version.data);
  return chosen.filter(hasOnlineForm);
}
