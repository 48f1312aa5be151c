/**
 * A synthetic national-scale catalogue for benchmarks: N procedures with 1–3 versions each, made
 * deterministically (from a seed) out of the real example catalogue, so the specs look real —
 * Vietnamese text, 5–15 documents, 3–8 steps, channels, fees — and pass validation.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Document, ProcedureVersion, Step } from '../../rules/schema/types/procedure-version.generated.js';
import type { Agency, Registry } from '../../rules/schema/types/registry.generated.js';
import { contentHash, sha256Hex } from '../../rules/load/canonical.js';
import type { LockEntry } from '../../rules/schema/types/lock.generated.js';
import { addDays } from '../../rules/compute/dates.js';

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

interface Pools {
  templates: ProcedureVersion[];
  documents: Document[];
  steps: Step[];
  registry: Registry;
}

const PROVINCES = 34;

function loadPools(catalogueDir: string): Pools {
  const templates: ProcedureVersion[] = [];
  for (const code of readdirSync(path.join(catalogueDir, 'procedures')).sort()) {
    const published = readdirSync(path.join(catalogueDir, 'procedures', code))
      .sort()
      .map((file) => readJson<ProcedureVersion>(path.join(catalogueDir, 'procedures', code, file)))
      .filter((v) => v.status === 'published' && !v.variant && !v.proposal && v.dossier && v.steps && v.effective);
    // Only the latest version of each: older ones name agencies and levels that have since ceased
    // (district level, the planning departments), which would make every synthetic copy a warning.
    const latest = published.sort((a, b) => (a.effective!.from < b.effective!.from ? -1 : 1)).at(-1);
    if (latest) templates.push(latest);
  }
  const registry: Registry = {};
  for (const file of readdirSync(path.join(catalogueDir, 'registry')).sort()) {
    for (const [key, list] of Object.entries(readJson<Record<string, unknown[]>>(path.join(catalogueDir, 'registry', file)))) {
      if (key === '$schema') continue;
      const target = registry as Record<string, unknown[]>;
      target[key] = [...(target[key] ?? []), ...list];
    }
  }
  // One People's Committee per province, so local variants name a real-looking authority.
  const provinces: Agency[] = Array.from({ length: PROVINCES }, (_, i) => ({ id: `ubnd-tinh-${String(i + 1).padStart(2, '0')}`, name: `Ủy ban nhân dân tỉnh số ${i + 1}`, level: 'province' }));
  registry.agencies = [...(registry.agencies ?? []), ...provinces];
  // Pooled documents and steps lose their conditions and forms, which only make sense in their own procedure.
  const documents = templates.flatMap((t) => t.dossier!.documents.filter((d) => !d.when && !d.lookup).map(({ form: _f, note: _n, ...d }) => d));
  const steps = templates.flatMap((t) => t.steps!.map(({ duration: _d, agency: _a, ...s }) => s));
  return { templates, documents, steps, registry };
}

/** Cuts text at a word boundary, so borrowed prose keeps specs in the 3–8 KB range of real ones. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)) + '…';
}

const QUALIFIERS = [
  'đối với cá nhân',
  'đối với tổ chức',
  'trong trường hợp cấp lại',
  'có yếu tố nước ngoài',
  'tại khu vực biên giới',
  'đối với doanh nghiệp nhỏ và vừa',
  'theo hình thức trực tuyến',
  'cho người đã có hồ sơ, giấy tờ cá nhân',
  'thực hiện tại cấp tỉnh',
  'thực hiện tại cấp xã',
];

export interface SyntheticOptions {
  procedures: number;
  seed?: number;
  /** The real catalogue the specs are drawn from. */
  from?: string;
}

export interface SyntheticResult {
  versions: number;
  bytes: number;
  minBytes: number;
  maxBytes: number;
}

/** The issue's size of a spec: 3–8 KB. */
export const MAX_SPEC_BYTES = 8 * 1024;

/**
 * Compact JSON (the sizes then match what the issue measures: 3–8 KB of content per spec), trimmed
 * to at most MAX_SPEC_BYTES by dropping the last documents (down to 5), the last steps (down to 3) and
 * form fields, then by shortening the steps' and documents' wording.
 */
function fit(data: ProcedureVersion): string {
  let text = JSON.stringify(data) + '\n';
  while (Buffer.byteLength(text) > MAX_SPEC_BYTES) {
    if (data.dossier!.documents.length > 5) data.dossier = { ...data.dossier!, documents: data.dossier!.documents.slice(0, -1) };
    else if (data.steps!.length > 3) data.steps = data.steps!.slice(0, -1);
    else if (data.formFields && data.formFields.length > 1) data.formFields = data.formFields.slice(0, -1);
    else if (data.steps!.some((s) => s.action.length > 80)) data.steps = data.steps!.map((s) => ({ ...s, action: clip(s.action, 80) }));
    else if (data.dossier!.documents.some((d) => d.name.length > 80)) data.dossier = { ...data.dossier!, documents: data.dossier!.documents.map((d) => ({ ...d, name: clip(d.name, 80) })) };
    else break;
    text = JSON.stringify(data) + '\n';
  }
  return text;
}

/** Writes the synthetic catalogue to `out` (replacing it) and returns what it wrote. */
export function writeSyntheticCatalogue(out: string, options: SyntheticOptions): SyntheticResult {
  const pools = loadPools(options.from ?? 'catalogue');
  const next = random(options.seed ?? 20261121);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));

  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'registry'), { recursive: true });
  writeFileSync(path.join(out, 'registry', 'registry.json'), JSON.stringify(pools.registry, null, 2) + '\n');
  const lock: LockEntry[] = [];
  const result: SyntheticResult = { versions: 0, bytes: 0, minBytes: Infinity, maxBytes: 0 };
  const provinces = (pools.registry.agencies ?? []).filter((a) => a.id.startsWith('ubnd-tinh-'));

  for (let i = 0; i < options.procedures; i++) {
    const template = pick(pools.templates);
    // About one in twenty is central; the rest are provincial copies with a local suffix, as in the national database.
    const local = next() < 0.95;
    const code = `${local ? '1' : '2'}.${String(100000 + (i % 900000)).padStart(6, '0')}${local ? `.H${String(between(1, PROVINCES)).padStart(2, '0')}` : ''}${i >= 900000 ? '.X1' : ''}`;
    // Borrowed documents and steps cite the template's own basis, which is in force on its dates.
    const basis = [{ document: template.legalBasis![0]!.document }];
    const documents = Array.from({ length: between(5, 15) }, (_, k) => {
      const doc = pick(pools.documents);
      return { ...doc, name: clip(doc.name, 160), id: `d${k + 1}`, legalBasis: basis };
    });
    const steps = Array.from({ length: between(3, 8) }, (_, k) => {
      const step = pick(pools.steps);
      return { ...step, action: clip(step.action, 140), id: `s${k + 1}`, legalBasis: basis };
    });
    const versionCount = between(1, 3);
    // Dated from the template's own start, so every citation, level and agency is in force on the day.
    let from = template.effective!.from;
    for (let k = 1; k <= versionCount; k++) {
      const { notes: _notes, complianceCost: _cost, source: _source, changedBy: _changed, formFields, ...rest } = structuredClone(template);
      const data: ProcedureVersion = {
        ...rest,
        code,
        version: `v${k}`,
        status: 'published',
        effective: { from },
        supersedes: k === 1 ? null : `v${k - 1}`,
        name: { vi: `${template.name.vi} ${pick(QUALIFIERS)}` },
        steps,
        dossier: { ...template.dossier!, documents: documents.slice(0, documents.length - (k - 1)) },
      };
      if (formFields) data.formFields = formFields.slice(0, 4);
      if (data.requirements) data.requirements = data.requirements.slice(0, 1).map((r) => ({ ...r, text: clip(r.text, 200) }));
      if (data.channels) data.channels = data.channels.map(({ note: _note, ...c }) => c);
      if (data.timeLimit) delete data.timeLimit.note;
      if (data.fees) data.fees = data.fees.map((f) => ({ ...f, ...(f.exemptions ? { exemptions: f.exemptions.map((e) => ({ ...e, reason: clip(e.reason, 100) })) } : {}) }));
      if (k > 1) data.changedBy = { legalBasis: [template.legalBasis![0]!], summary: 'Cắt giảm thành phần hồ sơ.' };
      if (local) {
        const province = pick(provinces);
        data.agencies = { ...data.agencies!, competent: [province.id] };
      }
      const rel = `procedures/${code}/v${k}.json`;
      const text = fit(data);
      mkdirSync(path.join(out, 'procedures', code), { recursive: true });
      writeFileSync(path.join(out, rel), text);
      lock.push({ code, version: `v${k}`, path: rel, sha256: contentHash(data), bytesSha256: sha256Hex(text) });
      result.versions++;
      result.bytes += Buffer.byteLength(text);
      result.minBytes = Math.min(result.minBytes, Buffer.byteLength(text));
      result.maxBytes = Math.max(result.maxBytes, Buffer.byteLength(text));
      from = addDays(from, 1);
    }
  }
  lock.sort(compareLockEntries);
  writeFileSync(path.join(out, 'tthc.lock.json'), JSON.stringify({ lockfileVersion: 1, published: lock }, null, 2) + '\n');
  return result;
}

function compareLockEntries(a: { code: string; version: string }, b: { code: string; version: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

/** The codes of a synthetic catalogue, in order. */
export function syntheticCodes(dir: string): string[] {
  return readdirSync(path.join(dir, 'procedures')).sort();
}

/**
 * Amends one procedure as `tthc new-version` then `tthc publish` would: a new published version that
 * supersedes the latest one, drops its last document, cites the amending basis, takes effect the day
 * after it, and is recorded in the lock. Returns the new version's path.
 */
export function amendProcedure(dir: string, code: string): string {
  const folder = path.join(dir, 'procedures', code);
  const versions = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readJson<ProcedureVersion>(path.join(folder, f)))
    .sort((a, b) => (a.effective!.from < b.effective!.from ? -1 : 1));
  const latest = versions.at(-1)!;
  const number = Math.max(...versions.map((v) => Number(v.version.slice(1)) || 0)) + 1;
  const documents = latest.dossier!.documents;
  const data: ProcedureVersion = {
    ...latest,
    version: `v${number}`,
    status: 'published',
    effective: { from: addDays(latest.effective!.from, 1) },
    supersedes: latest.version,
    changedBy: { legalBasis: [latest.legalBasis![0]!], summary: 'Cắt giảm thành phần hồ sơ.' },
    dossier: { ...latest.dossier!, documents: documents.length > 1 ? documents.slice(0, -1) : documents },
  };
  const rel = `procedures/${code}/v${number}.json`;
  const text = JSON.stringify(data) + '\n';
  writeFileSync(path.join(dir, rel), text);
  const lockFile = path.join(dir, 'tthc.lock.json');
  const lock = readJson<{ lockfileVersion: 1; published: LockEntry[] }>(lockFile);
  lock.published.push({ code, version: data.version, path: rel, sha256: contentHash(data), bytesSha256: sha256Hex(text) });
  lock.published.sort(compareLockEntries);
  writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n');
  return rel;
}
