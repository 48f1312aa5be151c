/**
 * `tthc import`: reads published records (national database exports, 2025 portal pages, the 2021
 * portal scrape, the portal's xlsx lists), turns each into a draft spec, and writes the specs and the
 * registries they need into a catalogue. Writes are atomic, published versions are never touched,
 * and importing the same files again changes nothing.
 */
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Agency, Field, LegalDocument, Level, Registry } from '../schema/types/registry.generated.js';
import { toCatalogueJson, writeFileAtomic } from '../store/atomic.js';
import { UsageError } from '../errors.js';
import { compareVietnamese, foldVietnamese } from '../text/vi/words.js';
import { orderKeys } from './builder.js';
import { diffJson, type Operation } from '../compute/diff/json.js';
import { isNationalDbRecord, parseNationalDb } from './formats/national-db.js';
import { isOldPortalFile, parseOldPortal, type OldPortalParsed } from './formats/old-portal.js';
import { isPortal2025Record, parsePortal2025 } from './formats/portal-2025.js';
import { readListFile } from './formats/xlsx-list.js';
import { WorkbookTooLargeError } from './formats/workbook.js';
import { formatBytes } from '../text/bytes.js';
import { readCsvTable, readXlsxTables, type Table } from './formats/list-table.js';
import { readProvincialList, type ReadList } from './formats/provincial-list.js';
import { IMPORT_FORMATS, type ImportFormat, type LegalDocumentCandidate, type ListRow, type RecordOutcome } from './model.js';
import { oneLine, slugId as slug } from './text.js';
import { NOT_STATED_ID } from '../lint/not-stated.js';
import { readBounded } from '../load/files.js';
import { DEFAULT_MAX_REGISTRY_BYTES } from '../load/layout.js';

/** A provincial list or one-stop export, read into lists/<name>.json of the catalogue. */
export interface ProvincialListOutcome extends ReadList {
  /** The input file, as records name it. */
  record: string;
  /** Where the list was (or, in a dry run, would be) written. */
  path: string;
}

/** --format provincial-list reads every .csv and .xlsx as a provincial list. */
export type InputFormat = 'auto' | ImportFormat | 'provincial-list';

export interface ImportOptions {
  /** The catalogue folder to write into (created when missing). */
  out: string;
  format?: InputFormat;
  /** Plan only: parse, compare, and report, but write nothing. */
  dryRun?: boolean;
}

export type VersionAction = 'created' | 'new-version' | 'unchanged';

export interface VersionOutcome {
  code: string;
  version: string;
  action: VersionAction;
  record: string;
  path: string;
  supersedes?: string;
  /** For a new version: what changed against the version it supersedes. */
  changes?: Operation[];
}

export interface ImportRun {
  out: string;
  outcomes: RecordOutcome[];
  versions: VersionOutcome[];
  listRows: ListRow[];
  listProblems: { record: string; reason: string }[];
  provincialLists: ProvincialListOutcome[];
  /** Files under the inputs that are not records (PROVENANCE.md, images). */
  ignored: string[];
  registryPath: string | undefined;
  registryAdded: { legalDocuments: number; agencies: number; fields: number; levels: number };
  /** The registry entries the run's specs use (existing and added), for coverage checks. */
  registry: Required<Pick<Registry, 'legalDocuments' | 'agencies' | 'fields' | 'levels'>>;
  elapsedMs: number;
}

interface InputFile {
  abs: string;
  /** Relative to the parent of the input argument: `realworld/national-db-export/1.013628.json`. */
  label: string;
}

async function listInputs(inputs: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UsageError(`Cannot read ${input}: no such file or folder.`, { id: 'import.no-input', params: { input } });
    }
    const base = path.dirname(path.resolve(input));
    if (info.isFile()) {
      out.push({ abs: path.resolve(input), label: path.basename(input) });
      continue;
    }
    const walk = async (dir: string): Promise<void> => {
      const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) await walk(abs);
        else if (e.isFile()) out.push({ abs, label: path.relative(base, abs).split(path.sep).join('/') });
      }
    };
    await walk(path.resolve(input));
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.abs) ? false : (seen.add(f.abs), true)));
}

/** Older sources first, so a newer export of the same procedure becomes the later version. */
const FORMAT_AGE: Record<ImportFormat, number> = { 'old-portal': 0, 'national-db-export': 1, 'portal-2025': 2, 'xlsx-list': 3 };

function detectFormat(data: unknown): ImportFormat | undefined {
  if (isNationalDbRecord(data)) return 'national-db-export';
  if (isPortal2025Record(data)) return 'portal-2025';
  if (isOldPortalFile(data)) return 'old-portal';
  return undefined;
}

function nameKey(name: string): string {
  return foldVietnamese(oneLine(name))
    .replace(/^thu tuc\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Reads every record of the inputs. Never throws for bad content: a bad record is rejected. */
/** How many record files are being read while the current one is parsed. */
const READ_AHEAD = 16;

export async function readRecords(inputs: string[], format: InputFormat = 'auto') {
  if (format !== 'auto' && format !== 'provincial-list' && !IMPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${format}": use auto, ${IMPORT_FORMATS.join(', ')}, provincial-list.`);
  const files = await listInputs(inputs);
  const outcomes: RecordOutcome[] = [];
  const oldPortal: OldPortalParsed[] = [];
  const listRows: ListRow[] = [];
  const listProblems: { record: string; reason: string }[] = [];
  const ignored: string[] = [];
  const provincial: { record: string; read: ReadList }[] = [];
  const readTables = (record: string, tables: Table[]) => {
    for (const t of tables) {
      const read = readProvincialList(t, record);
      if (read.list.rows.length + (read.list.internal?.length ?? 0) + (read.list.tests?.length ?? 0) > 0) provincial.push({ record, read });
      else listProblems.push({ record: t.sheet ? `${record}#${t.sheet}` : record, reason: 'No procedure rows: neither a header naming the code or name columns nor columns of codes and names.' });
    }
  };
  // JSON records are read ahead, a few at a time, while earlier ones are parsed: one read at a time
  // left the import waiting on the disk for a third of its run (1,175 files here).
  const jsonFiles = format === 'provincial-list' ? [] : files.filter((f) => path.extname(f.abs).toLowerCase() === '.json');
  const pending = new Map<string, Promise<string>>();
  let next = 0;
  const readAhead = () => {
    while (next < jsonFiles.length && pending.size < READ_AHEAD) {
      const f = jsonFiles[next++]!;
      const text = readFile(f.abs, 'utf8');
      text.catch(() => undefined);
      pending.set(f.abs, text);
    }
  };
  const readJson = async (abs: string) => {
    readAhead();
    const text = pending.get(abs) ?? readFile(abs, 'utf8');
    try {
      return await text;
    } finally {
      pending.delete(abs);
      readAhead();
    }
  };
  for (const file of files) {
    const ext = path.extname(file.abs).toLowerCase();
    if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
      if ((format !== 'auto' && format !== 'provincial-list') || (ext === '.txt' && format !== 'provincial-list')) {
        ignored.push(file.label);
        continue;
      }
      try {
        readTables(file.label, [await readCsvTable(file.abs)]);
      } catch (error) {
        listProblems.push({ record: file.label, reason: `Not a readable CSV list: ${error instanceof Error ? error.message : String(error)}` });
      }
      continue;
    }
    if (ext === '.xlsx') {
      if (format !== 'auto' && format !== 'xlsx-list' && format !== 'provincial-list') {
        ignored.push(file.label);
        continue;
      }
      try {
        // The portal's national list export has its own exact header; any other workbook is a provincial list.
        const list = format === 'provincial-list' ? undefined : await readListFile(file.abs, file.label);
        if (list && (list.rows.length > 0 || format === 'xlsx-list')) {
          listRows.push(...list.rows);
          listProblems.push(...list.skipped);
        } else readTables(file.label, await readXlsxTables(file.abs));
      } catch (error) {
        const reason = error instanceof WorkbookTooLargeError ? `The workbook inflates to more than ${formatBytes(error.limit)} (the limit for a workbook); it was not read.` : `Not a readable xlsx list: ${error instanceof Error ? error.message : String(error)}`;
        listProblems.push({ record: file.label, reason });
      }
      continue;
    }
    if (ext !== '.json' || format === 'provincial-list') {
      ignored.push(file.label);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(await readJson(file.abs));
    } catch (error) {
      outcomes.push({ status: 'rejected', record: file.label, format: format === 'auto' ? 'portal-2025' : format, reason: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`, source: null });
      continue;
    }
    const detected = detectFormat(data);
    const use = format === 'auto' ? detected : format;
    if (!use || (format !== 'auto' && detected !== format)) {
      outcomes.push({ status: 'rejected', record: file.label, format: use ?? 'portal-2025', reason: detected ? `The file is ${detected}, not ${format}.` : 'Not a record of a known format.', source: data });
      continue;
    }
    try {
      if (use === 'national-db-export') outcomes.push(parseNationalDb(data, file.label, file.label));
      else if (use === 'portal-2025') outcomes.push(parsePortal2025(data, file.label, file.label));
      else if (use === 'old-portal') {
        (data as Record<string, unknown>[]).forEach((r, i) => oldPortal.push(parseOldPortal(r, `${file.label}[${i}]`, `${file.label}[${i}]`)));
      }
    } catch (error) {
      // A parser bug must not stop the run: the record is rejected and the reason reported.
      outcomes.push({ status: 'rejected', record: file.label, format: use, reason: `Internal error while reading: ${error instanceof Error ? error.message : String(error)}`, source: data });
    }
  }
  // The old portal has no codes: a record takes the code of the one detail record or list row with its exact name.
  const byName = new Map<string, Set<string>>();
  const note = (name: string | undefined, code: string | undefined) => {
    if (!name || !code) return;
    const key = nameKey(name);
    byName.set(key, (byName.get(key) ?? new Set()).add(code));
  };
  for (const o of outcomes) if (o.status === 'parsed') note(o.spec.name.vi, o.spec.code);
  for (const r of listRows) note(r.name, r.code);
  for (const p of oldPortal) {
    const codes = p.name ? byName.get(nameKey(p.name)) : undefined;
    if (codes && codes.size === 1) p.assignCode([...codes][0]!, 'the detail record or list row');
    else if (codes && codes.size > 1) p.outcome = { ...(p.outcome as Extract<RecordOutcome, { status: 'rejected' }>), reason: `No code, and the name matches several codes: ${[...codes].sort().join(', ')}.` };
    outcomes.push(p.outcome);
  }
  return { outcomes, listRows, listProblems, ignored, provincial };
}

/** lists/<name>.json: the province's code (h36) when the codes say it, else the file's name; a second list of the same name takes its file's name too. */
function listFileNames(lists: { record: string; read: ReadList }[]): string[] {
  const stem = (record: string) => slug(path.basename(record.split('#')[0]!).replace(/\.[a-z]+$/i, '')) || 'list';
  const names = lists.map((l) => (l.read.list.province ? l.read.list.province.toLowerCase() : stem(l.record)));
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const taken = new Set<string>();
  return names.map((n, i) => {
    let name = counts.get(n)! > 1 ? `${n}-${stem(lists[i]!.record)}` : n;
    for (let k = 2; taken.has(name); k++) name = `${n}-${stem(lists[i]!.record)}-${k}`;
    taken.add(name);
    return `${name}.json`;
  });
}

type Parsed = Extract<RecordOutcome, { status: 'parsed' }>;

function isNotStated(ids: readonly string[] | undefined): boolean {
  return ids !== undefined && ids.length === 1 && ids[0] === NOT_STATED_ID;
}

/** Takes back the "Chưa xác định" value of one part once another source fills it: its note, its warning and its registry need. */
function dropNotStated(o: Parsed, pointer: string, kind: 'agencies' | 'fields'): void {
  const spec = o.spec;
  if (spec.notes) {
    spec.notes = spec.notes.filter((n) => !(n.kind === 'uncertain' && n.pointer === pointer && n.text.startsWith('Nguồn không ghi')));
    if (spec.notes.length === 0) delete spec.notes;
  }
  const w = o.warnings.findIndex((x) => x.kind === 'part-not-stated' && x.message.includes(`states no ${pointer.slice(1)} `));
  if (w >= 0) o.warnings.splice(w, 1);
  o.needs[kind] = (o.needs[kind] as { id: string }[]).filter((a) => a.id !== NOT_STATED_ID) as never;
}

/** Fills what a detail record lacks from the list row of the same code (the implementing agency, the field). */
function enrichFromLists(outcomes: RecordOutcome[], rows: ListRow[]): void {
  const byCode = new Map<string, ListRow>();
  for (const r of rows) if (r.code && !byCode.has(r.code)) byCode.set(r.code, r);
  for (const o of outcomes) {
    if (o.status !== 'parsed') continue;
    const row = byCode.get(o.spec.code);
    if (!row) continue;
    const spec = o.spec;
    if (spec.agencies && (spec.agencies.implementing.length === 0 || isNotStated(spec.agencies.implementing)) && row.agency) {
      const names = row.agency.split('\n').map((s) => oneLine(s)).filter(Boolean);
      const ids = names.map((n) => {
        const id = slug(n);
        o.needs.agencies.push({ id, name: n.replace(/[.;]$/, '') });
        return id;
      });
      dropNotStated(o, '/agencies/implementing', 'agencies');
      spec.agencies = { ...spec.agencies, implementing: [...new Set(ids)] };
      o.warnings.push({ record: o.record, code: spec.code, field: 'co_quan_thuc_hien', kind: 'agency-inferred', message: `No implementing agency in the record; taken from the list row ${row.record} (${oneLine(row.agency).slice(0, 200)}).` });
    }
    if ((!spec.field || spec.field === NOT_STATED_ID) && row.field) {
      const id = slug(row.field);
      dropNotStated(o, '/field', 'fields');
      spec.field = id;
      o.needs.fields.push({ id, name: row.field });
      o.warnings.push({ record: o.record, code: spec.code, field: 'linh_vuc', kind: 'field-inferred', message: `No field in the record; taken from the list row ${row.record} (${row.field}).` });
    }
    o.spec = orderKeys(spec);
  }
}

/**
 * For a record that names no implementing agency anywhere: the agency that the records of the
 * same field and level, which do state theirs, name most often (at least two of them and at least
 * half); for the commune level alone, its People's Committee. Warned with the counts.
 */
function agencyFromFieldAndLevel(outcomes: RecordOutcome[]): void {
  const parsed = outcomes.filter((o): o is Parsed => o.status === 'parsed');
  const stated = (o: Parsed) => !o.warnings.some((w) => w.kind === 'agency-inferred' || w.kind === 'agency-from-steps' || w.kind === 'agency-from-field-level') && !isNotStated(o.spec.agencies?.implementing);
  const key = (o: Parsed) => `${o.spec.field}|${(o.spec.levels ?? []).join(',')}`;
  const tally = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const o of parsed) {
    if (!stated(o) || !o.spec.field || o.spec.field === NOT_STATED_ID || isNotStated(o.spec.levels)) continue;
    const t = tally.get(key(o)) ?? new Map<string, number>();
    for (const id of o.spec.agencies?.implementing ?? []) t.set(id, (t.get(id) ?? 0) + 1);
    tally.set(key(o), t);
    for (const a of o.needs.agencies) names.set(a.id, a.name);
  }
  for (const o of parsed) {
    const spec = o.spec;
    if (!spec.agencies || !isNotStated(spec.agencies.implementing)) continue;
    let chosen: { id: string; name: string; evidence: string } | undefined;
    const t = spec.field && spec.field !== NOT_STATED_ID && !isNotStated(spec.levels) ? tally.get(key(o)) : undefined;
    if (t) {
      const total = [...t.values()].reduce((a, b) => a + b, 0);
      const [id, n] = [...t.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      if (n >= 2 && n * 2 >= total) chosen = { id, name: names.get(id) ?? id, evidence: `${n} of ${total} agency mentions in the imported records of field ${spec.field} at level ${(spec.levels ?? []).join(', ')}` };
    }
    if (!chosen && spec.levels?.length === 1 && spec.levels[0] === 'commune') chosen = { id: 'uy-ban-nhan-dan-cap-xa', name: 'Ủy ban nhân dân cấp xã', evidence: 'the level is the commune level alone, whose procedures its People\'s Committee performs' };
    if (!chosen) continue;
    dropNotStated(o, '/agencies/implementing', 'agencies');
    o.needs.agencies.push({ id: chosen.id, name: chosen.name });
    spec.agencies = { ...spec.agencies, implementing: [chosen.id] };
    o.warnings.push({ record: o.record, code: spec.code, field: 'agencies', kind: 'agency-from-field-level', message: `No implementing agency in the record; "${chosen.name}" is used: ${chosen.evidence}.` });
    spec.notes = [...(spec.notes ?? []), { kind: 'uncertain', text: `Cơ quan thực hiện suy ra từ lĩnh vực và cấp thực hiện ("${chosen.name}"); nguồn không ghi.`, pointer: '/agencies/implementing' }];
    o.spec = orderKeys(spec);
  }
}

interface ExistingVersion {
  file: string;
  data: Record<string, unknown>;
}

async function readExisting(out: string, code: string): Promise<ExistingVersion[]> {
  const dir = path.join(out, 'procedures', code);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch {
    return [];
  }
  const found: ExistingVersion[] = [];
  for (const name of names) {
    try {
      const data = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown>;
      if (data && typeof data === 'object') found.push({ file: path.join(dir, name), data });
    } catch {
      // An unreadable file is not ours to judge here; `tthc validate` reports it. Its name stays taken.
      found.push({ file: path.join(dir, name), data: { version: name.replace(/\.json$/, '') } });
    }
  }
  return found;
}

/** The content that makes two imports "the same": everything but the version bookkeeping and where the file was. */
function comparable(spec: Record<string, unknown>): unknown {
  const { version: _v, status: _s, supersedes: _p, effective: _e, source, ...rest } = spec;
  const src = source && typeof source === 'object' ? { ...(source as Record<string, unknown>) } : undefined;
  if (src) {
    delete src.file;
    delete src.url;
  }
  return JSON.parse(JSON.stringify({ ...rest, source: src }));
}

function latest(versions: ExistingVersion[]): ExistingVersion | undefined {
  const key = (v: ExistingVersion) => {
    const from = (v.data.effective as { from?: string } | undefined)?.from ?? '9999-12-31';
    const n = /^v(\d+)$/.exec(String(v.data.version ?? ''));
    return `${from}|${n ? String(n[1]).padStart(6, '0') : String(v.data.version ?? '')}`;
  };
  return [...versions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).at(-1);
}

function nextId(versions: ExistingVersion[]): string {
  const taken = new Set(versions.map((v) => path.basename(v.file, '.json')));
  const numbers = [...taken].map((id) => /^v(\d+)$/.exec(id)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  let n = numbers.length > 0 ? Math.max(...numbers) + 1 : 1;
  while (taken.has(`v${n}`)) n++;
  return `v${n}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function readRegistries(out: string): Promise<{ existing: Registry; imported: Registry }> {
  const dir = path.join(out, 'registry');
  const existing: Registry = { legalDocuments: [], agencies: [], fields: [], levels: [] };
  let imported: Registry = {};
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch {
    return { existing, imported };
  }
  for (const name of names) {
    let data: Registry;
    try {
      // Bounded like the loader bounds a registry file: one too large is left for `tthc validate` to report.
      const read = readBounded(path.join(dir, name), DEFAULT_MAX_REGISTRY_BYTES);
      if (read.tooLarge) continue;
      data = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as Registry;
    } catch {
      continue;
    }
    if (name === IMPORTED_REGISTRY) imported = data;
    else {
      existing.legalDocuments!.push(...(data.legalDocuments ?? []));
      existing.agencies!.push(...(data.agencies ?? []));
      existing.fields!.push(...(data.fields ?? []));
      existing.levels!.push(...(data.levels ?? []));
    }
  }
  return { existing, imported };
}

export const IMPORTED_REGISTRY = 'imported.json';

function pickDocument(candidates: LegalDocumentCandidate[]): LegalDocument {
  const sorted = [...candidates].sort(
    (a, b) => b.rank - a.rank || b.entry.title.length - a.entry.title.length || compareVietnamese(a.entry.title, b.entry.title) || compareVietnamese(a.entry.issuer, b.entry.issuer),
  );
  const best = { ...sorted[0]!.entry };
  if (!best.issued) {
    const dated = sorted.find((c) => c.entry.issued);
    if (dated) best.issued = dated.entry.issued!;
  }
  return best;
}

function isoToVn(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** A citation whose record words the document's title or date differently from the registry keeps that wording as its note. */
function annotateCitations(o: Extract<RecordOutcome, { status: 'parsed' }>, docs: Map<string, LegalDocument>): void {
  const refs = o.spec.legalBasis;
  if (!refs) return;
  for (const c of o.needs.legalDocuments) {
    const final = docs.get(c.entry.number);
    if (!final) continue;
    const parts: string[] = [];
    if (c.rank > 1 && oneLine(c.entry.title) !== oneLine(final.title)) parts.push(`Trích yếu theo nguồn: ${c.entry.title}`);
    if (c.entry.issued && c.entry.issued !== final.issued) parts.push(`Ngày ban hành theo nguồn: ${isoToVn(c.entry.issued)}`);
    if (c.entry.issuer !== final.issuer) parts.push(`Cơ quan ban hành theo nguồn: ${c.entry.issuer}`);
    if (parts.length === 0) continue;
    const ref = refs.find((r) => r.document === c.entry.number);
    if (!ref) continue;
    const note = parts.join('. ');
    ref.note = (ref.note ? `${ref.note}; ${note}` : note).slice(0, 20000);
  }
}

const WRITE_CONCURRENCY = 16;

/** Brings one procedure's records into the catalogue: unchanged, created, or a new draft superseding the latest. */
async function importCode(out: string, code: string, records: Extract<RecordOutcome, { status: 'parsed' }>[], dryRun: boolean): Promise<VersionOutcome[]> {
  const versions: VersionOutcome[] = [];
  const existing = await readExisting(out, code);
  for (const o of records) {
    const candidate = comparable(o.spec as unknown as Record<string, unknown>);
    const same = existing.find((v) => JSON.stringify(comparable(v.data)) === JSON.stringify(candidate));
    if (same) {
      versions.push({ code, version: String(same.data.version), action: 'unchanged', record: o.record, path: same.file });
      continue;
    }
    const previous = latest(existing);
    const id = nextId(existing);
    const spec = orderKeys({ ...o.spec, version: id, status: 'draft', ...(previous ? { supersedes: String(previous.data.version) } : {}) } as ProcedureVersion);
    const file = path.join(out, 'procedures', code, `${id}.json`);
    // Never overwrite: published versions are immutable, and a file we did not read is not ours.
    if (await exists(file)) throw new Error(`${file} appeared while importing; nothing was overwritten.`);
    if (!dryRun) await writeFileAtomic(file, toCatalogueJson(spec));
    existing.push({ file, data: spec as unknown as Record<string, unknown> });
    const outcome: VersionOutcome = { code, version: id, action: previous ? 'new-version' : 'created', record: o.record, path: file };
    if (previous) {
      outcome.supersedes = String(previous.data.version);
      outcome.changes = diffJson(comparable(previous.data), candidate);
    }
    versions.push(outcome);
  }
  return versions;
}

/** Imports the inputs into the catalogue at options.out. */
export async function importSources(inputs: string[], options: ImportOptions): Promise<ImportRun> {
  const started = performance.now();
  const { outcomes, listRows, listProblems, ignored, provincial } = await readRecords(inputs, options.format ?? 'auto');
  const provincialLists: ProvincialListOutcome[] = [];
  const listNames = listFileNames(provincial);
  for (const [i, p] of provincial.entries()) {
    const file = path.join(options.out, 'lists', listNames[i]!);
    if (!options.dryRun) await writeFileAtomic(file, toCatalogueJson(p.read.list));
    provincialLists.push({ ...p.read, record: p.record, path: file });
  }
  enrichFromLists(outcomes, listRows);
  agencyFromFieldAndLevel(outcomes);
  const out = options.out;

  const parsed = outcomes.filter((o): o is Extract<RecordOutcome, { status: 'parsed' }> => o.status === 'parsed');
  parsed.sort((a, b) => (a.spec.code < b.spec.code ? -1 : a.spec.code > b.spec.code ? 1 : FORMAT_AGE[a.format] - FORMAT_AGE[b.format] || (a.record < b.record ? -1 : a.record > b.record ? 1 : 0)));

  // The registry keeps one title per document; a record that words it differently keeps its wording on the citation.
  const { existing, imported } = await readRegistries(out);
  const finalDocs = new Map<string, LegalDocument>();
  for (const d of existing.legalDocuments ?? []) finalDocs.set(d.number, d);
  for (const d of imported.legalDocuments ?? []) if (!finalDocs.has(d.number)) finalDocs.set(d.number, d);
  const candidates = new Map<string, LegalDocumentCandidate[]>();
  for (const o of parsed) for (const c of o.needs.legalDocuments) candidates.set(c.entry.number, [...(candidates.get(c.entry.number) ?? []), c]);
  for (const [number, list] of candidates) if (!finalDocs.has(number)) finalDocs.set(number, pickDocument(list));
  for (const o of parsed) annotateCitations(o, finalDocs);

  // Codes are independent: each is read, compared and written on its own, several at a time.
  const groups = new Map<string, typeof parsed>();
  for (const o of parsed) groups.set(o.spec.code, [...(groups.get(o.spec.code) ?? []), o]);
  const results = new Map<string, VersionOutcome[]>();
  const queue = [...groups.keys()];
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) results.set(code, await importCode(out, code, groups.get(code)!, options.dryRun ?? false));
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  const versions = [...groups.keys()].flatMap((code) => results.get(code)!);

  // Registries: entries defined elsewhere in the catalogue win; earlier imports are kept as they are.
  const has = <T>(list: T[] | undefined, key: (t: T) => string) => new Set((list ?? []).map(key));
  const definedDocs = has(existing.legalDocuments, (d) => d.number);
  const definedAgencies = has(existing.agencies, (a) => a.id);
  const definedFields = has(existing.fields, (f) => f.id);
  const definedLevels = has(existing.levels, (l) => l.id);
  const docs = new Map((imported.legalDocuments ?? []).map((d) => [d.number, d]));
  const agencies = new Map((imported.agencies ?? []).map((a) => [a.id, a]));
  const fields = new Map((imported.fields ?? []).map((f) => [f.id, f]));
  const levels = new Map((imported.levels ?? []).map((l) => [l.id, l]));
  const before = { legalDocuments: docs.size, agencies: agencies.size, fields: fields.size, levels: levels.size };
  const used = { docs: new Set<string>(), agencies: new Set<string>(), fields: new Set<string>(), levels: new Set<string>() };
  for (const o of parsed) {
    for (const c of o.needs.legalDocuments) used.docs.add(c.entry.number);
    for (const a of o.needs.agencies) {
      used.agencies.add(a.id);
      if (!definedAgencies.has(a.id) && !agencies.has(a.id)) agencies.set(a.id, a);
    }
    for (const f of o.needs.fields) {
      used.fields.add(f.id);
      if (!definedFields.has(f.id) && !fields.has(f.id)) fields.set(f.id, f);
    }
    for (const l of o.needs.levels) {
      used.levels.add(l.id);
      if (!definedLevels.has(l.id) && !levels.has(l.id)) levels.set(l.id, l);
    }
  }
  for (const number of candidates.keys()) if (!definedDocs.has(number) && !docs.has(number)) docs.set(number, finalDocs.get(number)!);
  const byId = <T extends { id: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const registry: Registry = {
    legalDocuments: [...docs.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)),
    agencies: byId<Agency>(agencies),
    fields: byId<Field>(fields),
    levels: [...levels.values()].sort((a: Level, b: Level) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  };
  const registryAdded = {
    legalDocuments: docs.size - before.legalDocuments,
    agencies: agencies.size - before.agencies,
    fields: fields.size - before.fields,
    levels: levels.size - before.levels,
  };
  let registryPath: string | undefined;
  const changed = Object.values(registryAdded).some((n) => n > 0);
  if (changed && !options.dryRun) {
    registryPath = path.join(out, 'registry', IMPORTED_REGISTRY);
    const cleaned = Object.fromEntries(Object.entries(registry).filter(([, list]) => (list as unknown[]).length > 0));
    await writeFileAtomic(registryPath, toCatalogueJson(cleaned));
  }
  const all = {
    legalDocuments: [...(existing.legalDocuments ?? []), ...(registry.legalDocuments ?? [])].filter((d) => used.docs.has(d.number)),
    agencies: [...(existing.agencies ?? []), ...(registry.agencies ?? [])].filter((a) => used.agencies.has(a.id)),
    fields: [...(existing.fields ?? []), ...(registry.fields ?? [])].filter((f) => used.fields.has(f.id)),
    levels: [...(existing.levels ?? []), ...(registry.levels ?? [])].filter((l) => used.levels.has(l.id)),
  };
  return { out, outcomes, versions, listRows, listProblems, provincialLists, ignored, registryPath, registryAdded, registry: all, elapsedMs: performance.now() - started };
}
