/**
 * How the search index and the search box split text into terms: folded with foldVietnamese
 * (NFC, lower case, no diacritics, đ → d), so "Đăng ký" and "dang ky" are the same terms, and
 * procedure codes kept whole ("1.001193", "2.000488.h26"). Runs at build time and in the browser,
 * so both sides always agree.
 */
import { foldVietnamese } from '../../rules/text/vi/words.js';

export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldVietnamese(text).split(/[^a-z0-9.]+/)) {
    const term = raw.replace(/^\.+|\.+$/g, '');
    if (term !== '') out.push(term);
  }
  return out;
}

/** The index shard a term lives in: its first two characters ("khai" → "kh"). */
export function shardOf(term: string): string {
  return term.slice(0, 2);
}

/** A shard's file name ("1." would end in two dots). */
export function shardFile(shard: string): string {
  return shard.replace(/\./g, '_');
}

/** The options MiniSearch is built and loaded with: the terms are prepared already, one field. */
export const MINISEARCH_OPTIONS = {
  fields: ['t'],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term,
} as const;

/** One procedure as the search results and filters need it. */
export interface SearchDoc {
  /** Code. */
  c: string;
  /** Name. */
  n: string;
  /** Field id, or "". */
  f: string;
  /** Implementing agency ids. */
  a: string[];
  /** Level ids. */
  l: string[];
  /** Channel kinds. */
  ch: string[];
  /** Online service level: "full", "partial", or "" when not offered online. */
  o: string;
  /** No fee or charge. */
  free: boolean;
  /** State on the build date when not in force ("repealed", …), else "". */
  s: string;
}

export interface SearchMeta {
  format: 1;
  count: number;
  /** Shard keys that exist. */
  shards: string[];
  /** Pages of SearchDoc by code prefix (longest prefix wins). */
  pages: { prefix: string; file: string }[];
  /** Names of the filter values. */
  names: { field: Record<string, string>; agency: Record<string, string>; level: Record<string, string> };
}
