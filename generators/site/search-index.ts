/**
 * The prebuilt search index, sharded so that a query loads only what it needs, however large the
 * catalogue: terms are split by their first two folded characters into MiniSearch indexes
 * (search/terms/<xx>.json), and the procedures' display and filter data into pages by code prefix
 * (search/docs/<prefix>.json, the same split as the portal API's index). A change to one
 * procedure rewrites only the shards of its terms and its own page.
 */
import MiniSearch from 'minisearch';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { indexPages } from '../api/index.js';
import { isFree, onlineServiceOf } from '../detail/parts.js';
import type { Unit } from '../engine/unit.js';
import { MINISEARCH_OPTIONS, searchTerms, shardFile, shardOf, type SearchDoc, type SearchMeta } from '../../docs-site/client/tokens.js';
import { SITE_PATHS } from './paths.js';
import { isStringList } from './browse.js';

/** The terms a procedure is found by: its name (and English name) and its code. */
export function procedureTerms(entry: ProcedureEntry): string[] {
  const v = entry.shown.data;
  const name = searchTerms(v.name.vi);
  // "Thủ tục …" opens most names: indexed, it would only make "tu" find every procedure.
  if (name[0] === 'thu' && name[1] === 'tuc') name.splice(0, 2);
  return [...name, ...(v.name.en ? searchTerms(v.name.en) : []), entry.code.toLowerCase()];
}

export function searchDoc(entry: ProcedureEntry): SearchDoc {
  const v = entry.shown.data;
  return {
    c: entry.code,
    n: v.name.vi,
    f: v.field ?? '',
    a: [...(v.agencies?.implementing ?? [])],
    l: [...(v.levels ?? [])],
    ch: (v.channels ?? []).map((c) => c.kind),
    o: onlineServiceOf(v) ?? '',
    free: isFree(v),
    s: entry.state === 'in-force' ? '' : entry.state,
  };
}

const DOC_KEYS = ['c', 'n', 'f', 'a', 'l', 'ch', 'o', 'free', 's'] as const;

function isSearchDoc(value: unknown): value is SearchDoc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const d = value as Record<string, unknown>;
  const keys = Object.keys(d);
  return (
    keys.length === DOC_KEYS.length &&
    DOC_KEYS.every((k, i) => keys[i] === k) &&
    ['c', 'n', 'f', 'o', 's'].every((k) => typeof d[k] === 'string') &&
    ['a', 'l', 'ch'].every((k) => isStringList(d[k])) &&
    typeof d.free === 'boolean'
  );
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

export function searchUnits(ctx: BuildContext): Unit[] {
  const units: Unit[] = [];
  // Terms by shard: shard → code → the procedure's terms in that shard, in order.
  const shards = new Map<string, Map<string, string[]>>();
  for (const entry of ctx.procedures) {
    for (const term of ctx.perProcedure('site/terms', entry, isStringList, () => procedureTerms(entry))) {
      const key = shardOf(term);
      let docs = shards.get(key);
      if (!docs) shards.set(key, (docs = new Map()));
      const terms = docs.get(entry.code);
      if (terms) terms.push(term);
      else docs.set(entry.code, [term]);
    }
  }
  const keys = [...shards.keys()].sort();
  for (const key of keys) {
    const docs = [...shards.get(key)!].sort(([a], [b]) => (a < b ? -1 : 1));
    const path = SITE_PATHS.searchTerms(shardFile(key));
    units.push({
      key: `search/terms/${key}`,
      inputs: hashParts(docs.map(([code, terms]) => `${code}:${terms.join(' ')}`)),
      render: () => {
        const index = new MiniSearch<{ id: string; t: string }>({ ...MINISEARCH_OPTIONS, fields: [...MINISEARCH_OPTIONS.fields] });
        index.addAll(docs.map(([id, terms]) => ({ id, t: terms.join(' ') })));
        return [{ path, content: json(index) }];
      },
    });
  }

  // Named by prefix, not position, so a new page never renames the pages after it.
  const pages = indexPages(ctx.procedures).map((page) => ({ prefix: page.prefix, file: page.prefix === '' ? 'all' : page.prefix.replace(/\./g, '_'), entries: page.entries }));
  for (const page of pages) {
    const docs = page.entries.map((entry) => ctx.perProcedure('site/search-doc', entry, isSearchDoc, () => searchDoc(entry)));
    const content = json({ prefix: page.prefix, docs });
    units.push({ key: `search/docs/${page.file}`, inputs: hashParts([content]), render: () => [{ path: SITE_PATHS.searchDocs(page.file), content }] });
  }

  const names: SearchMeta['names'] = { field: {}, agency: {}, level: {} };
  for (const entry of ctx.procedures) {
    const v = entry.shown.data;
    if (v.field) names.field[v.field] = ctx.fieldName(v.field);
    for (const id of v.agencies?.implementing ?? []) names.agency[id] = ctx.agencyName(id);
    for (const id of v.levels ?? []) names.level[id] = ctx.levelName(id);
  }
  const sorted = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  const meta: SearchMeta = {
    format: 1,
    count: ctx.procedures.length,
    shards: keys,
    pages: pages.map((p) => ({ prefix: p.prefix, file: p.file })),
    names: { field: sorted(names.field), agency: sorted(names.agency), level: sorted(names.level) },
  };
  const metaText = json(meta);
  units.push({ key: 'search/meta', inputs: hashParts([metaText]), render: () => [{ path: SITE_PATHS.searchMeta, content: metaText }] });
  return units;
}
