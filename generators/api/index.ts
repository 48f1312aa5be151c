import type { EffectiveWindow } from '../../rules/compute/resolve.js';
import { contentOn, correctionsOf, findVersion } from '../../rules/compute/resolve.js';
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import type { LegalRef, ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { citeDocument, citeRef } from '../../rules/text/vi/citations.js';
import { formatTimeLimit } from '../../rules/text/vi/time-limits.js';
import { legalRefs } from '../../rules/model/spec.js';
import type { BuildContext, FragmentStore, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { jsonFile } from '../engine/manifest.js';
import { formVersions, href, PATHS } from '../engine/paths.js';
import type { Generator, Unit } from '../engine/unit.js';
import { isFree, onlineServiceOf, procedureParts } from '../detail/parts.js';
import { diffJson, type Operation } from '../../rules/compute/diff/json.js';
import { API_SCHEMAS } from './schemas.js';
import { formSchema } from '../form-schemas/schema.js';

/** Most procedures in one index page, and most changes in one page of the feed. */
export const INDEX_PAGE_SIZE = 500;
export const CHANGES_PAGE_SIZE = 500;

/** The published schema of a file, as its `$schema` says: a path relative to the file. */
function schemaRef(from: string, name: string): string {
  return href(from, PATHS.apiSchema(name));
}

function citation(ctx: BuildContext, ref: LegalRef): Record<string, string> {
  const out: Record<string, string> = { document: ref.document };
  if (ref.article) out.article = ref.article;
  if (ref.clause) out.clause = ref.clause;
  if (ref.point) out.point = ref.point;
  out.text = citeRef(ref, ctx.legalDocument(ref.document));
  return out;
}

function period(w: EffectiveWindow) {
  return { from: w.from, until: w.until };
}

/** What a draft proposes as its period (not law), or null when it proposes none. */
function plannedPeriod(v: ProcedureVersion) {
  return v.effective ? { from: v.effective.from, until: v.effective.until ?? null } : null;
}

/** The period an entry's shown version is in force, or a draft's proposed one. */
function shownPeriod(entry: ProcedureEntry) {
  return entry.shownWindow ? period(entry.shownWindow) : plannedPeriod(entry.shown.data);
}

function named(id: string, name: string) {
  return { id, name };
}

// ---- index -------------------------------------------------------------------------------------

/** One entry of an index page, as a portal reads it; `from` is the page it sits on, for its links. */
export function indexItem(ctx: BuildContext, entry: ProcedureEntry, from: string) {
  const v = entry.shown.data;
  return {
    code: entry.code,
    name: v.name.vi,
    status: entry.state,
    version: v.version,
    effective: shownPeriod(entry),
    levels: (v.levels ?? []).map((id) => named(id, ctx.levelName(id))),
    field: v.field ? named(v.field, ctx.fieldName(v.field)) : null,
    agencies: (v.agencies?.implementing ?? []).map((id) => named(id, ctx.agencyName(id))),
    timeLimit: v.timeLimit ? { value: v.timeLimit.value, unit: v.timeLimit.unit, start: v.timeLimit.start, text: formatTimeLimit(v.timeLimit) } : null,
    channels: (v.channels ?? []).map((c) => c.kind),
    onlineService: onlineServiceOf(v) ?? null,
    free: isFree(v),
    href: href(from, PATHS.apiProcedure(entry.code)),
    html: href(from, PATHS.page(entry.code)),
  };
}

/**
 * Splits items into groups by code prefix, like a trie: a group of more than `size` is split on
 * the next character of its codes, unless none of its codes is longer than the prefix (one code's
 * many items stay whole). Groups come in prefix order; each keeps the order the items came in.
 */
function splitByCodePrefix<T extends { code: string }>(items: readonly T[], size: number): { prefix: string; entries: T[] }[] {
  const groups: { prefix: string; entries: T[] }[] = [];
  const split = (group: T[], prefix: string) => {
    if (group.length <= size || group.every((item) => item.code.length <= prefix.length)) {
      if (group.length > 0) groups.push({ prefix, entries: group });
      return;
    }
    const next = new Map<string, T[]>();
    for (const item of group) {
      const key = item.code.slice(0, prefix.length + 1);
      const list = next.get(key);
      if (list) list.push(item);
      else next.set(key, [item]);
    }
    for (const key of [...next.keys()].sort()) split(next.get(key)!, key);
  };
  split([...items], '');
  return groups;
}

/**
 * Splits the procedures into pages by code prefix, like a trie: a prefix with too many codes is
 * split on its next character. The split depends only on the set of codes, so adding a procedure
 * changes its own page (or splits it), never every page after it.
 */
export function indexPages<T extends { code: string }>(items: readonly T[], size = INDEX_PAGE_SIZE): { prefix: string; entries: T[] }[] {
  return splitByCodePrefix([...items].sort((a, b) => (a.code < b.code ? -1 : 1)), size);
}

function pageName(prefix: string): string {
  return prefix === '' ? 'all' : prefix.replace(/\.$/, '');
}

function indexUnits(ctx: BuildContext): Unit[] {
  const names = new Set<string>();
  const pages = indexPages(ctx.procedures).map((page) => {
    let name = pageName(page.prefix);
    // "1.001193" and "1.001193." would both be named 1.001193: keep the longer one distinct.
    while (names.has(name)) name = `${name}-`;
    names.add(name);
    return { ...page, path: PATHS.apiIndexPage(name) };
  });
  const units: Unit[] = pages.map((page) => ({
    key: `index/${page.path}`,
    inputs: hashParts([page.prefix, ...page.entries.map((e) => ctx.entryHash(e))]),
    render: () => [{ path: page.path, content: jsonFile({ $schema: schemaRef(page.path, 'index-page'), prefix: page.prefix, procedures: page.entries.map((e) => indexItem(ctx, e, page.path)) }) }],
  }));
  const root = {
    $schema: schemaRef(PATHS.apiIndex, 'index'),
    at: ctx.at,
    procedures: ctx.procedures.length,
    ...(ctx.options.preview ? { preview: true } : {}),
    pages: pages.map((p) => ({ prefix: p.prefix, href: href(PATHS.apiIndex, p.path), procedures: p.entries.length, first: p.entries[0]!.code, last: p.entries[p.entries.length - 1]!.code })),
  };
  units.push({ key: 'index', inputs: hashParts([JSON.stringify(root)]), render: () => [{ path: PATHS.apiIndex, content: jsonFile(root) }] });
  return units;
}

// ---- procedures, each with its versions ----------------------------------------------------------

/** Where a version sits in its procedure's document (a JSON Pointer fragment of the procedure file). */
function versionPointer(entry: ProcedureEntry, version: string): string {
  const index = entry.windows.findIndex((w) => w.version.data.version === version);
  return PATHS.apiVersion(entry.code, index >= 0 ? index : 'draft');
}

/**
 * The versions whose parts the document words out: the one in force on the build date, the next one
 * (announced, not yet in force) and the one the pages show (the last before a repeal or a lapse).
 * Older versions are there whole as specs; their parts would repeat, worded, what `spec` says and
 * what the procedure page's history shows, and at national scale they were a quarter of the API.
 */
export function partsVersions(entry: ProcedureEntry, at: string): Set<LoadedVersion> {
  const chosen = new Set<LoadedVersion>([entry.shown]);
  const current = entry.windows.find((w) => w.from <= at && (w.until === null || at <= w.until));
  const next = entry.windows.find((w) => w.from > at);
  if (current) chosen.add(current.version);
  if (next) chosen.add(next.version);
  return chosen;
}

/**
 * A procedure's one document: every version in force at some time, each with its spec as published,
 * the registry entries any of them names (once, not per version), and the parts worded in Vietnamese
 * of the versions in force, next and shown, so a portal needs one request per procedure. Versions
 * are addressed as fragments (#/versions/<i>), not files.
 */
function procedureFile(ctx: BuildContext, entry: ProcedureEntry) {
  const path = PATHS.apiProcedure(entry.code);
  const current = entry.state === 'in-force' ? entry.shownWindow : undefined;
  const forms = new Set(formVersions(entry, ctx.at).map((v) => v.version));
  const worded = partsVersions(entry, ctx.at);
  const all = [...entry.windows.map((w) => w.version), ...(entry.state === 'draft' ? [entry.shown] : [])];
  return {
    path,
    content: jsonFile({
      $schema: schemaRef(path, 'procedure'),
      code: entry.code,
      name: entry.shown.data.name.vi,
      status: entry.state,
      current: current ? { version: current.version.data.version, effective: period(current), href: href(path, versionPointer(entry, current.version.data.version)) } : null,
      registry: registryOf(ctx, all.map((v) => v.data)),
      versions: entry.windows.map((w, i) => versionBody(ctx, w.version, w, forms.has(w.version.data.version) ? path : undefined, worded.has(w.version), patchBase(entry, i, worded))),
      ...(entry.state === 'draft' ? { draft: versionBody(ctx, entry.shown, undefined, undefined, true) } : {}),
      html: href(path, PATHS.page(entry.code)),
    }),
  };
}

/**
 * The version an older version's spec is written against, as a patch (issue 15): the next one toward
 * the nearest version given whole (in force, next or shown). Undefined when the version is given whole.
 * A chain of patches always ends at a whole spec: before the first whole version each points to the
 * one after it, after the last each points to the one before it.
 */
export function patchBase(entry: ProcedureEntry, i: number, whole: Set<LoadedVersion>): LoadedVersion | undefined {
  if (whole.has(entry.windows[i]!.version)) return undefined;
  const laterWhole = entry.windows.some((w, j) => j > i && whole.has(w.version));
  return entry.windows[laterWhole ? i + 1 : i - 1]?.version;
}

/** A spec without its `$schema`, as the document gives it. */
function specOf(d: ProcedureVersion): Record<string, unknown> {
  const { $schema: _ignored, ...spec } = d;
  return spec;
}

/**
 * The JSON Patch (RFC 6902: add, remove, replace) that turns the spec of `base` into that of `d`:
 * an older version costs its changes, not a second copy of the procedure (about 6.5 KB a version).
 */
export function specPatch(base: ProcedureVersion, d: ProcedureVersion) {
  return diffJson(specOf(base), specOf(d)).map((o) => (o.op === 'remove' ? { op: 'remove', path: o.path } : { op: o.op === 'add' ? 'add' : 'replace', path: o.path, value: o.to }));
}

/** The registry entries some of the versions name, so a portal needs no second request to show names. */
function registryOf(ctx: BuildContext, versions: readonly ProcedureVersion[]) {
  const fields = new Set<string>();
  const levels = new Set<string>();
  const agencies = new Set<string>();
  const databases = new Set<string>();
  const documents = new Set<string>();
  for (const v of versions) {
    if (v.field) fields.add(v.field);
    for (const id of v.levels ?? []) levels.add(id);
    for (const role of ['competent', 'implementing', 'delegated', 'coordinating'] as const) for (const id of v.agencies?.[role] ?? []) agencies.add(id);
    for (const s of v.steps ?? []) if (s.agency) agencies.add(s.agency);
    for (const d of v.dossier?.documents ?? []) if (d.lookup) databases.add(d.lookup.database);
    for (const r of legalRefs(v)) documents.add(r.ref.document);
  }
  return {
    fields: [...fields].sort().map((id) => named(id, ctx.fieldName(id))),
    levels: [...levels].sort().map((id) => named(id, ctx.levelName(id))),
    agencies: [...agencies].sort().map((id) => named(id, ctx.agencyName(id))),
    databases: [...databases].sort().map((id) => named(id, ctx.database(id)?.name ?? id)),
    legalDocuments: [...documents].sort().flatMap((number) => {
      const doc = ctx.legalDocument(number);
      if (!doc) return [];
      return [
        {
          number,
          type: doc.type,
          title: doc.title,
          ...(doc.issued ? { issued: doc.issued } : {}),
          ...(doc.effective ? { effective: doc.effective } : {}),
          ...(doc.url ? { url: doc.url } : {}),
          citation: citeDocument(doc),
        },
      ];
    }),
  };
}

/**
 * One version inside its procedure's document: `w` is its window in force, undefined for the draft
 * a preview build shows; `formFrom` is the document's path when the version has a published form;
 * `worded` says whether its parts are given (else `parts` is null); `base` is the version its spec is a
 * patch of, undefined when the spec is given whole.
 */
function versionBody(ctx: BuildContext, version: LoadedVersion, w: EffectiveWindow | undefined, formFrom: string | undefined, worded: boolean, base?: LoadedVersion) {
  const d = version.data;
  const versions = ctx.catalogue.byCode.get(d.code) ?? [];
  // The form and the parts are those of the content that applies (as corrected, đính chính) on the
  // build date, or on the version's first day; the spec stays the version as recorded.
  const day = w && w.from <= ctx.at && (w.until === null || ctx.at <= w.until) ? ctx.at : (w?.from ?? ctx.at);
  const shown = w ? contentOn(versions, version, day).version : version;
  const corrections = w ? correctionsOf(versions, version) : [];
  return {
    version: d.version,
    status: d.status,
    effective: w ? period(w) : plannedPeriod(d),
    endsBecause: w ? w.endsBecause : null,
    supersedes: d.supersedes ?? null,
    supersededBy: w?.supersededBy?.data.version ?? null,
    changedBy: (d.changedBy?.legalBasis ?? []).map((r) => citation(ctx, r)),
    // The form's JSON Schema itself, inline: a portal that reads the procedure has its form too.
    form: formFrom ? { schema: formSchema(shown.data), types: href(formFrom, PATHS.formTypesIndex), module: PATHS.formTypesModule(d.code, d.version) } : null,
    parts: worded ? (d.status === 'repealed' ? [] : procedureParts(ctx, shown)) : null,
    // Each correction (đính chính) of the version: from when, recorded when, why, and its spec as a patch of this one's.
    corrections: corrections.map((c) => ({
      version: c.data.version,
      from: c.data.corrects!.from,
      recorded: c.data.corrects!.recorded ?? null,
      reason: c.data.corrects!.reason,
      legalBasis: c.data.corrects!.legalBasis.map((r) => citation(ctx, r)),
      specPatch: specPatch(d, c.data),
    })),
    // Versions in force, next and shown are whole; older ones are a patch of the version beside them.
    spec: base ? null : specOf(d),
    specPatch: base ? { base: base.data.version, operations: specPatch(base.data, d) } : null,
  };
}

// ---- change feed -------------------------------------------------------------------------------

/** Version metadata the change entry states itself; operations cover the procedure's content. */
const METADATA = new Set(['$schema', 'version', 'status', 'effective', 'supersedes', 'changedBy', 'source']);

function content(v: ProcedureVersion): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) if (!METADATA.has(key)) out[key] = value;
  return out;
}

interface Change {
  code: string;
  entry: ProcedureEntry;
  window: EffectiveWindow;
  from: LoadedVersion | undefined;
  kind: 'new' | 'amended' | 'repealed';
  effective: string;
  inputs: string;
}

function changesOf(ctx: BuildContext): Change[] {
  const changes: Change[] = [];
  for (const entry of ctx.procedures) {
    for (const w of entry.windows) {
      const to = w.version;
      const previous = to.data.supersedes ? findVersion(ctx.catalogue, entry.code, to.data.supersedes) : undefined;
      const from = previous && (previous.data.status === 'published' || previous.data.status === 'repealed') ? previous : undefined;
      const kind = to.data.status === 'repealed' ? 'repealed' : from ? 'amended' : 'new';
      changes.push({
        code: entry.code,
        entry,
        window: w,
        from,
        kind,
        effective: w.from,
        inputs: hashParts([entry.code, from ? ctx.versionHash(from) : '', ctx.versionHash(to), ctx.registryHash(to)]),
      });
    }
  }
  return changes.sort((a, b) => (a.effective > b.effective ? -1 : a.effective < b.effective ? 1 : a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : a.window.version.data.version < b.window.version.data.version ? -1 : 1));
}

function changeEntry(ctx: BuildContext, c: Change, from: string) {
  const to = c.window.version.data;
  const operations: Operation[] = c.kind === 'amended' ? diffJson(content(c.from!.data), content(to)) : [];
  return {
    code: to.code,
    name: to.status === 'repealed' ? c.entry.shown.data.name.vi : to.name.vi,
    kind: c.kind,
    fromVersion: c.kind === 'new' ? null : (c.from?.data.version ?? to.supersedes ?? null),
    toVersion: to.version,
    effective: c.effective,
    changedBy: (to.changedBy?.legalBasis ?? []).map((r) => citation(ctx, r)),
    ...(to.changedBy?.summary ? { summary: to.changedBy.summary } : {}),
    operations,
    href: href(from, versionPointer(c.entry, to.version)),
  };
}

/**
 * A change-feed page's entries as JSON text, kept between builds in the fragment store (one
 * fragment per page): an entry's diff of two versions is the costly part of a page, and a page of up
 * to CHANGES_PAGE_SIZE changes is rendered again whenever one of them changes. A kept entry is used
 * only if its inputs match and it is the entry of that code and version.
 */
async function changeTexts(ctx: BuildContext, fragments: FragmentStore | undefined, changes: readonly Change[], from: string): Promise<string[]> {
  const render = (c: Change) => JSON.stringify(changeEntry(ctx, c, from));
  if (!fragments) return changes.map(render);
  let kept: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse((await fragments.recall(changesKey(from))) ?? '{}') as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) kept = parsed as Record<string, unknown>;
  } catch {
    kept = {};
  }
  const next: Record<string, [string, string]> = {};
  const texts = changes.map((c) => {
    const version = c.window.version.data.version;
    const key = `${c.code}\n${version}`;
    const inputs = hashParts([c.inputs, ctx.entryHash(c.entry), ctx.sharedFilesHash()]);
    const stored = Object.prototype.hasOwnProperty.call(kept, key) ? kept[key] : undefined;
    const text = Array.isArray(stored) && stored[0] === inputs && isEntryText(c.code, version)(stored[1]) ? (stored[1] as string) : render(c);
    next[key] = [inputs, text];
    return text;
  });
  await fragments.keep(changesKey(from), JSON.stringify(next));
  return texts;
}

/** Where a change-feed page's entries are kept. */
const changesKey = (page: string) => `changes\n${page}`;

/** What jsonFile writes for `head` with one more property, a list whose items are given as JSON text (kept from an earlier build). */
function jsonListFile(head: Record<string, unknown>, key: string, items: readonly string[]): string {
  return `${JSON.stringify(head).slice(0, -1)},${JSON.stringify(key)}:[${items.join(',')}]}\n`;
}

/** JSON text of an object whose `code` is the given one: what a kept entry of a page must be. */
function isEntryText(code: string, version?: string): (text: unknown) => text is string {
  return (text: unknown): text is string => {
    if (typeof text !== 'string') return false;
    try {
      const parsed = JSON.parse(text) as { code?: unknown; toVersion?: unknown } | null;
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && parsed.code === code && (version === undefined || parsed.toVersion === version);
    } catch {
      return false;
    }
  };
}

/**
 * The pages of one month of the change feed. A month with at most `size` changes is one page; a
 * larger one (a reform that changes thousands of procedures on one day) is split by code prefix, as
 * the index is, so a new change alters only the page of its code rather than shifting every page
 * after it. Each page keeps the month's order: newest first, then by code and version.
 */
export function changePages<T extends { code: string }>(month: readonly T[], size = CHANGES_PAGE_SIZE): T[][] {
  if (month.length <= size) return [[...month]];
  return splitByCodePrefix(month, size).map((page) => page.entries);
}

function changeUnits(ctx: BuildContext, fragments: FragmentStore | undefined): Unit[] {
  const byMonth = new Map<string, Change[]>();
  for (const c of changesOf(ctx)) {
    const month = c.effective.slice(0, 7);
    const list = byMonth.get(month);
    if (list) list.push(c);
    else byMonth.set(month, [c]);
  }
  const units: Unit[] = [];
  const pages: { month: string; part: number; href: string; changes: number }[] = [];
  for (const month of [...byMonth.keys()].sort().reverse()) {
    const split = changePages(byMonth.get(month)!);
    const parts = split.length;
    for (let part = 1; part <= parts; part++) {
      const slice = split[part - 1]!;
      const path = PATHS.apiChangesPage(part === 1 ? month : `${month}-${part}`);
      pages.push({ month, part, href: href(PATHS.apiChanges, path), changes: slice.length });
      // The entries of a page not rendered now stay kept for the next build (a rendered page keeps its own).
      fragments?.retain(changesKey(path));
      units.push({
        key: `changes/${month}/${part}`,
        inputs: hashParts([String(parts), ...slice.map((c) => c.inputs)]),
        render: async () => [{ path, content: jsonListFile({ $schema: schemaRef(path, 'changes-page'), month, part, parts }, 'changes', await changeTexts(ctx, fragments, slice, path)) }],
      });
    }
  }
  const root = { $schema: schemaRef(PATHS.apiChanges, 'changes'), changes: pages.reduce((n, p) => n + p.changes, 0), pages };
  units.push({ key: 'changes', inputs: hashParts([JSON.stringify(root)]), render: () => [{ path: PATHS.apiChanges, content: jsonFile(root) }] });
  return units;
}

/**
 * A procedure's document holds every version, so its inputs are every version's and the registry
 * entries they name; forms and parts depend on the build date (which versions are current and next).
 */
function procedureUnits(ctx: BuildContext, entry: ProcedureEntry): Unit[] {
  const versions = entry.state === 'draft' ? [entry.shown] : entry.windows.map((w) => w.version);
  // Worked out only when asked for: the build's plan needs it, a render worker does not.
  let inputs: string | undefined;
  return [
    {
      key: `procedure/${entry.code}`,
      get inputs() {
        return (inputs ??= hashParts([
          ctx.entryHash(entry),
          ...versions.map((v) => ctx.registryHash(v)),
          formVersions(entry, ctx.at).map((v) => v.version).join(','),
          [...partsVersions(entry, ctx.at)].map((v) => v.data.version).join(','),
        ]));
      },
      render: () => [procedureFile(ctx, entry)],
      procedure: entry.code,
    },
  ];
}

// ---- the generator -----------------------------------------------------------------------------

export const generator: Generator = {
  id: 'api',
  description: 'the portal JSON API: paged index, one document per procedure with all its versions and the online forms of the versions in force and next, change feed, and their JSON Schemas',
  start: PATHS.apiIndex,
  plan(ctx, fragments) {
    const units: Unit[] = [
      {
        key: 'schemas',
        inputs: hashParts([JSON.stringify(API_SCHEMAS)]),
        render: () => Object.entries(API_SCHEMAS).map(([name, schema]) => ({ path: PATHS.apiSchema(name), content: jsonFile(schema) })),
      },
    ];
    units.push(...indexUnits(ctx));
    for (const entry of ctx.procedures) units.push(...procedureUnits(ctx, entry));
    units.push(...changeUnits(ctx, fragments));
    return units;
  },
  perProcedure: procedureUnits,
};
