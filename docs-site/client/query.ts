/**
 * The query side of search, free of the DOM so the tests run it on the built index: the terms of a
 * query, and the codes that match every term (prefixes count), best first.
 */
import type MiniSearch from 'minisearch';
import { searchTerms, shardOf, type SearchMeta } from './tokens.js';

/** The terms of a query, without the words "thủ tục" that the index leaves out of names. */
export function queryTerms(q: string): string[] {
  const terms = searchTerms(q);
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i] === 'thu' && terms[i + 1] === 'tuc') {
      terms.splice(i, 2);
      break;
    }
  }
  return terms;
}

/** Codes matching every term, best first; undefined when no term was typed. */
export async function findCodes(m: SearchMeta, terms: readonly string[], loadShard: (key: string) => Promise<MiniSearch>): Promise<string[] | undefined> {
  if (terms.length === 0) return undefined;
  let scores: Map<string, number> | undefined;
  for (const term of terms) {
    const keys = term.length === 1 ? m.shards.filter((k) => k === term) : m.shards.filter((k) => k === shardOf(term));
    const found = new Map<string, number>();
    for (const key of keys) {
      const index = await loadShard(key);
      for (const r of index.search(term, { prefix: true, fuzzy: term.length >= 6 ? 0.15 : false })) found.set(String(r.id), (found.get(String(r.id)) ?? 0) + r.score);
    }
    if (!scores) scores = found;
    else {
      const next = new Map<string, number>();
      for (const [code, score] of scores) {
        const s = found.get(code);
        if (s !== undefined) next.set(code, score + s);
      }
      scores = next;
    }
    if (scores.size === 0) break;
  }
  const exact = terms.length === 1 ? terms[0] : undefined;
  return [...scores!].sort(([a, x], [b, y]) => Number(b.toLowerCase() === exact) - Number(a.toLowerCase() === exact) || y - x || (a < b ? -1 : 1)).map(([code]) => code);
}

