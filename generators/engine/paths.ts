import path from 'node:path';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.js';

/**
 * Where each output lives inside the output folder. Generators link to each other's files through
 * these, so a page never points at a file that another generator names differently.
 */
export const PATHS = {
  css: 'assets/tthc.css',
  listing: (ext: 'md' | 'html' | 'csv') => `listing/danh-muc.${ext}`,
  detail: (code: string) => `procedures/${code}.html`,
  apiIndex: 'api/v1/index.json',
  apiIndexPage: (name: string) => `api/v1/index/${name}.json`,
  apiProcedure: (code: string) => `api/v1/procedures/${code}.json`,
  apiVersion: (code: string, version: string) => `api/v1/procedures/${code}/versions/${version}.json`,
  apiChanges: 'api/v1/changes.json',
  apiChangesPage: (name: string) => `api/v1/changes/${name}.json`,
  apiSchema: (name: string) => `api/v1/schemas/${name}.schema.json`,
  formSchema: (code: string, version: string) => `forms/${code}/${version}.schema.json`,
  formTypes: (code: string, version: string) => `forms/${code}/${version}.d.ts`,
} as const;

/** The link from one output file to another, both given relative to the output folder. */
export function href(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}

/** A version gets an online form schema when it can be filed online. */
export function hasOnlineForm(v: ProcedureVersion): boolean {
  return v.status === 'published' && (v.channels ?? []).some((c) => c.kind === 'online');
}
