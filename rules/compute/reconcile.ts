/**
 * Is a province's published list complete and current on a date? The list (a provincial list,
 * rules/schema/provincial-list.schema.json) is compared with the catalogue's national procedures
 * and the province's variants:
 * - rows naming no national procedure, or one not in force on the date (repealed, lapsed, not yet in force);
 * - national procedures performed at the provincial or commune level (district until 30/6/2025)
 *   that the list leaves out, with the ministry's announcement and the days the province is late;
 * - names, fields and online levels that differ from the national record;
 * - rows with no announcing decision; codes listed twice; internal codes and test rows.
 *
 * The province's deadline (shared/domain.md §5, Nghị định 63/2010/NĐ-CP Điều 15 as the VPCP
 * scores it): its decision comes at least 5 working days before the legal document takes effect,
 * so the latest lawful date is `calendar.addWorkingDays(effective, -5)`, the count the
 * announcement deadline uses (announcement.ts DEFAULT_DEADLINE_DAYS.province).
 */
import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import type { ListEntry, ProvincialList } from '../schema/types/provincial-list.generated.js';
import { foldVietnamese } from '../text/vi/words.js';
import { DEFAULT_DEADLINE_DAYS } from './announcement.js';
import type { WorkingCalendar } from './calendar.js';
import { addDays, toDayNumber, type IsoDate } from './dates.js';
import { resolve } from './resolve.js';

/** The district level ended on 30/6/2025 (Luật 72/2025/QH15): its procedures went to the commune or province. */
const DISTRICT_ENDS = '2025-06-30';

export interface MinistryAnnouncement {
  /** The announcing decision (registry legalDocuments[].announces names the version), when the registry records it. */
  decision?: string;
  /** The date the ministry announced: the decision's date of issue; else the version's effective date, and `dateFrom` says so. */
  date: IsoDate;
  dateFrom: 'decision' | 'effective';
}

export interface MissingProcedure {
  code: string;
  version: string;
  name: string;
  levels: string[];
  /** The day the version in force took effect: the legal document's effective date. */
  effective: IsoDate;
  announced: MinistryAnnouncement;
  /** The latest lawful date for the province's decision: 5 working days before `effective`. */
  deadline: IsoDate;
  /** Calendar days from the deadline to the date checked (0 when not yet due). */
  daysLate: number;
  /** Working days from the deadline to the date checked, by the working calendar (0 when not yet due). */
  workingDaysLate: number;
}

export interface RowProblem {
  line: number;
  code: string;
  name: string;
  /** Why: no national procedure, repealed, lapsed, not yet in force, only drafts, another province's code. */
  kind: 'unknown-code' | 'repealed' | 'lapsed' | 'not-yet-in-force' | 'no-published-version' | 'other-province';
  /** The date the state began (repealed since, lapsed after, in force from), when there is one. */
  since?: IsoDate;
  /** The abolishing document, for a repealed procedure. */
  by?: string[];
  detail?: string;
}

export interface Difference {
  line: number;
  code: string;
  version: string;
  what: 'name' | 'field' | 'onlineLevel';
  list: string;
  national: string;
}

export interface ReconcileReport {
  date: IsoDate;
  province: string | undefined;
  source: string;
  totals: {
    rows: number;
    matched: number;
    rowProblems: number;
    missing: number;
    differences: number;
    noDecision: number;
    duplicates: number;
    internal: number;
    tests: number;
    ministryAnnounced: number;
  };
  rowProblems: RowProblem[];
  missing: MissingProcedure[];
  /**
   * Procedures performed locally that the province does not announce: their sector's ministry is organised
   * vertically and announces its local units' procedures itself (registry `announcesLocalProcedures`, e.g.
   * residence registration by the commune police). Not findings: a list may leave them out.
   */
  ministryAnnounced: { code: string; version: string; name: string; levels: string[]; ministry: string; ministryName: string }[];
  differences: Difference[];
  /** Lines of the rows that name no announcing decision. */
  noDecision: number[];
  /** The list has no decision column at all. */
  noDecisionColumn: boolean;
  duplicates: NonNullable<ProvincialList['duplicates']>;
  internal: ListEntry[];
  tests: ListEntry[];
  /** The working days the province has, by §5. */
  deadlineWorkingDays: number;
  /** How many missing procedures had their announcement date from the version's effective date, for want of a dated decision. */
  announcedFromEffective: number;
  complete: boolean;
}

/** Names compared as a reader would: case, tones kept apart only by folding, a leading "Thủ tục", end punctuation and spaces ignored. */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) =>
    foldVietnamese(s)
      .replace(/^thu tuc\s*:?\s*/, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return key(a) === key(b);
}

function onlineLevelOf(version: LoadedVersion): 'full' | 'partial' | 'none' | undefined {
  const online = (version.data.channels ?? []).filter((c) => c.kind === 'online');
  if (online.length === 0) return version.data.channels ? 'none' : undefined;
  if (online.some((c) => c.onlineService === 'full')) return 'full';
  if (online.some((c) => c.onlineService === 'partial')) return 'partial';
  return undefined;
}

const LEVEL_TEXT: Record<string, string> = { full: 'toàn trình', partial: 'một phần', none: 'không trực tuyến (còn lại)' };

/** The ministry's announcement of a version: the registry's decision that announces it, dated when the registry dates it. */
export function ministryAnnouncement(catalogue: Catalogue, version: LoadedVersion): MinistryAnnouncement {
  for (const doc of catalogue.registry.legalDocuments.byId.values()) {
    if (!doc.announces?.some((a) => a.code === version.data.code && a.version === version.data.version)) continue;
    if (doc.issued) return { decision: doc.number, date: doc.issued, dateFrom: 'decision' };
    return { decision: doc.number, date: version.data.effective!.from, dateFrom: 'effective' };
  }
  return { date: version.data.effective!.from, dateFrom: 'effective' };
}

function performedLocally(levels: readonly string[], date: IsoDate): boolean {
  return levels.some((l) => l === 'province' || l === 'commune' || (l === 'district' && date <= DISTRICT_ENDS));
}

export function reconcileList(catalogue: Catalogue, list: ProvincialList, options: { date: IsoDate; calendar: WorkingCalendar; province?: string | undefined }): ReconcileReport {
  const { date, calendar } = options;
  const province = options.province ?? list.province;
  const rowProblems: RowProblem[] = [];
  const differences: Difference[] = [];
  const listed = new Set<string>();
  let matched = 0;
  for (const row of list.rows) {
    const code = row.code ?? row.baseline!;
    listed.add(row.baseline!);
    const rowProvince = row.suffix ? /(?:^|\.)(H[0-9]{2})$/.exec(row.suffix)?.[1] : undefined;
    if (province && rowProvince && rowProvince !== province) {
      rowProblems.push({ line: row.line, code, name: row.name, kind: 'other-province', detail: rowProvince });
      continue;
    }
    // The province's own variant, when the catalogue has it under the row's full code; else the national baseline.
    const own = row.code && row.code !== row.baseline && catalogue.byCode.has(row.code) ? row.code : row.baseline!;
    const r = resolve(catalogue, own, date);
    if (r.kind !== 'in-force') {
      const problem: RowProblem = { line: row.line, code, name: row.name, kind: r.kind };
      if (r.kind === 'repealed') {
        problem.since = r.since;
        const by = r.tombstone.data.changedBy?.legalBasis.map((l) => l.document);
        if (by && by.length > 0) problem.by = by;
      } else if (r.kind === 'lapsed' && r.last.until) problem.since = addDays(r.last.until, 1);
      else if (r.kind === 'not-yet-in-force') problem.since = r.first.from;
      rowProblems.push(problem);
      continue;
    }
    matched++;
    const v = r.version;
    const version = v.data.version;
    if (!sameName(row.name, v.data.name.vi) && !(row.nationalName && sameName(row.nationalName, v.data.name.vi))) {
      differences.push({ line: row.line, code, version, what: 'name', list: row.name, national: v.data.name.vi });
    }
    if (row.field && v.data.field) {
      const field = catalogue.registry.fields.byId.get(v.data.field)?.name ?? v.data.field;
      if (!sameName(row.field, field)) differences.push({ line: row.line, code, version, what: 'field', list: row.field, national: field });
    }
    const level = onlineLevelOf(v);
    if (row.onlineLevel && row.onlineLevel !== 'unknown' && level && row.onlineLevel !== level) {
      differences.push({ line: row.line, code, version, what: 'onlineLevel', list: row.onlineLevelText ?? row.onlineLevel, national: LEVEL_TEXT[level]! });
    }
  }

  const workingDays = DEFAULT_DEADLINE_DAYS.province;
  const missing: MissingProcedure[] = [];
  const ministryAnnounced: ReconcileReport['ministryAnnounced'] = [];
  for (const code of [...catalogue.byCode.keys()].sort()) {
    if (!/^[0-9]\.[0-9]{6}$/.test(code) || listed.has(code)) continue;
    const r = resolve(catalogue, code, date);
    if (r.kind !== 'in-force' || r.version.data.variant) continue;
    const levels = r.version.data.levels ?? [];
    if (!performedLocally(levels, date)) continue;
    const field = r.version.data.field ? catalogue.registry.fields.byId.get(r.version.data.field) : undefined;
    const ministry = field?.agency ? catalogue.registry.agencies.byId.get(field.agency) : undefined;
    if (ministry?.announcesLocalProcedures) {
      ministryAnnounced.push({ code, version: r.version.data.version, name: r.version.data.name.vi, levels: [...levels], ministry: ministry.id, ministryName: ministry.name });
      continue;
    }
    // The effective date of the version in force: the legal document that set its current content.
    const effective = r.window.from;
    const deadline = calendar.addWorkingDays(effective, -workingDays);
    const late = date > deadline;
    missing.push({
      code,
      version: r.version.data.version,
      name: r.version.data.name.vi,
      levels: [...levels],
      effective,
      announced: ministryAnnouncement(catalogue, r.version),
      deadline,
      daysLate: late ? toDayNumber(date) - toDayNumber(deadline) : 0,
      workingDaysLate: late ? calendar.workingDaysBetween(deadline, date) : 0,
    });
  }
  missing.sort((a, b) => b.daysLate - a.daysLate || (a.code < b.code ? -1 : 1));

  const noDecisionColumn = !list.source.columns.some((c) => c.role === 'decision');
  const noDecision = list.rows.filter((r) => !r.decision).map((r) => r.line);
  const duplicates = list.duplicates ?? [];
  const internal = list.internal ?? [];
  const tests = list.tests ?? [];
  const totals = {
    rows: list.rows.length + internal.length + tests.length,
    matched,
    rowProblems: rowProblems.length,
    missing: missing.length,
    differences: differences.length,
    noDecision: noDecision.length,
    duplicates: duplicates.length,
    internal: internal.length,
    tests: tests.length,
    ministryAnnounced: ministryAnnounced.length,
  };
  return {
    date,
    province,
    source: list.source.file,
    totals,
    rowProblems,
    missing,
    ministryAnnounced,
    differences,
    noDecision,
    noDecisionColumn,
    duplicates,
    internal,
    tests,
    deadlineWorkingDays: workingDays,
    announcedFromEffective: missing.filter((m) => m.announced.dateFrom === 'effective').length,
    complete: rowProblems.length + missing.length + differences.length + noDecision.length + duplicates.length + internal.length + tests.length === 0,
  };
}
