/**
 * What an announcement decision (Quyết định công bố thủ tục hành chính) must announce for a day or a
 * window of days: every procedure that becomes new, amended (sửa đổi, bổ sung, thay thế) or abolished
 * (bãi bỏ), the legal documents that make each change, who may announce it, and the latest lawful
 * signing date (Nghị định 63/2010/NĐ-CP Art. 13–15 as amended by Nghị định 92/2017/NĐ-CP; Thông tư
 * 02/2017/TT-VPCP). Pure: the catalogue and the working calendar come in, data with reasons goes out.
 */
import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import { diagnosticAt } from '../diagnostics/place.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LegalRef } from '../schema/types/procedure-version.generated.js';
import type { Agency, Level } from '../schema/types/registry.generated.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import { addDays, type IsoDate } from './dates.js';
import type { WorkingCalendar, ProvisionalNote } from './calendar.js';
import { diffVersions, type VersionDiff } from './diff/index.js';
import { effectiveWindows, resolve, type Resolution } from './resolve.js';
import { formatDate } from '../text/vi/dates.js';

/** new: no version in force the day before; amended: a new version supersedes one in force; abolished: repealed with no successor. */
export type AnnouncementKind = 'new' | 'amended' | 'abolished';

export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['new', 'amended', 'abolished'];

/** One procedure to announce. */
export interface AnnouncedChange {
  code: string;
  kind: AnnouncementKind;
  /** The day the procedure's new state takes effect (the last change in the window). */
  effective: IsoDate;
  /** new, amended: the version in force from `effective`; abolished: the repeal (tombstone). */
  version: LoadedVersion;
  /** amended, abolished: the version in force the day before the window. */
  previous: LoadedVersion | undefined;
  /** The version whose parts describe the procedure: `version`, or for an abolition the last one in force. */
  content: LoadedVersion;
  /** Every version that takes effect in the window, in order (usually one). */
  steps: LoadedVersion[];
  /** The legal documents that make the change, in order, each once. */
  changeBasis: LegalRef[];
  /**
   * Where changeBasis comes from: the versions' changedBy; for a new procedure that names none, the
   * documents of its legal basis that take effect that day; or none (an error).
   */
  basisSource: 'changed-by' | 'legal-basis-taking-effect' | 'none';
  /** amended: what changed against `previous`, from the semantic diff. */
  diff: VersionDiff | undefined;
}

/** A version that takes effect in the window but is not announced, and why. */
export interface NotAnnounced {
  code: string;
  version: string;
  from: IsoDate;
  reason: 'draft' | 'proposed' | 'lapsed' | 'new-and-abolished';
  /** One Vietnamese sentence for the drafting notes. */
  note: string;
}

export interface AnnouncementSelection {
  since: IsoDate;
  effective: IsoDate;
  changes: AnnouncedChange[];
  notAnnounced: NotAnnounced[];
  /** A change with no legal document for it: one error per procedure. */
  problems: Diagnostic[];
}

function dedupeRefs(refs: readonly LegalRef[]): LegalRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.document}|${r.article ?? ''}|${r.clause ?? ''}|${r.point ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function inForce(r: Resolution): LoadedVersion | undefined {
  return r.kind === 'in-force' ? r.version : undefined;
}

/**
 * Every procedure whose state changes in [since, effective]: compared the day before the window and
 * on its last day, so a procedure amended twice in the window is announced once, with its final
 * content and every amending document. Only published versions and repeals count; drafts and
 * proposals that would take effect are listed as not announced.
 */
export function announcementChanges(catalogue: Catalogue, window: { since: IsoDate; effective: IsoDate }): AnnouncementSelection {
  const { since, effective } = window;
  if (since > effective) throw new UsageError(`--since ${since} is after --effective ${effective}: the window runs from --since to --effective.`);
  const inWindow = (d: IsoDate) => since <= d && d <= effective;
  const dayBefore = addDays(since, -1);
  const changes: AnnouncedChange[] = [];
  const notAnnounced: NotAnnounced[] = [];
  const problems: Diagnostic[] = [];

  for (const code of [...catalogue.byCode.keys()].sort()) {
    const versions = catalogue.byCode.get(code)!;
    for (const v of versions) {
      const from = v.data.effective?.from;
      if (from && inWindow(from) && (v.data.status === 'draft' || v.data.status === 'proposed')) {
        notAnnounced.push({
          code,
          version: v.data.version,
          from,
          reason: v.data.status,
          // Readers' text names the procedure, not the version id (issue 18 points 6, 11).
          note: `${v.data.status === 'draft' ? 'Bản dự thảo' : 'Phương án đề xuất'} của thủ tục ${code} (${v.data.name.vi}) dự kiến có hiệu lực từ ngày ${formatDate(from)} nhưng chưa được công bố trong danh mục, nên không đưa vào Quyết định.`,
        });
      }
    }
    const windows = effectiveWindows(versions);
    for (const w of windows) {
      // A version that simply ends on its own date, with no successor and no repeal, is not an abolition by any document.
      if (w.endsBecause === 'until' && w.until && inWindow(addDays(w.until, 1)) && resolve(catalogue, code, addDays(w.until, 1)).kind === 'lapsed') {
        notAnnounced.push({
          code,
          version: w.version.data.version,
          from: addDays(w.until, 1),
          reason: 'lapsed',
          note: `Thủ tục ${code} (${w.version.data.name.vi}) hết hiệu lực sau ngày ${formatDate(w.until)} mà danh mục không ghi văn bản quy định việc bãi bỏ; nếu thủ tục bị bãi bỏ, cần bổ sung vào danh mục việc bãi bỏ kèm văn bản bãi bỏ để công bố.`,
        });
      }
    }
    const steps = windows.filter((w) => inWindow(w.from)).map((w) => w.version);
    if (steps.length === 0) continue;

    const before = resolve(catalogue, code, dayBefore);
    const after = resolve(catalogue, code, effective);
    const previous = inForce(before);
    const last = steps[steps.length - 1]!;
    let kind: AnnouncementKind;
    let content: LoadedVersion;
    if (after.kind === 'in-force') {
      if (previous === after.version) continue;
      kind = previous ? 'amended' : 'new';
      content = after.version;
    } else if (after.kind === 'repealed') {
      if (!previous) {
        notAnnounced.push({ code, version: last.data.version, from: last.data.effective!.from, reason: 'new-and-abolished', note: `Thủ tục ${code} (${last.data.name.vi}) vừa có hiệu lực vừa bị bãi bỏ trong khoảng thời gian công bố, nên không đưa vào Quyết định.` });
        continue;
      }
      kind = 'abolished';
      content = previous;
    } else {
      // Lapsed by the end of the window: reported above.
      continue;
    }
    const version = after.kind === 'in-force' ? after.version : after.tombstone;
    const stated = dedupeRefs(steps.flatMap((s): LegalRef[] => s.data.changedBy?.legalBasis ?? []));
    let changeBasis = stated;
    let basisSource: AnnouncedChange['basisSource'] = stated.length > 0 ? 'changed-by' : 'none';
    if (kind === 'new' && stated.length === 0) {
      const from = version.data.effective!.from;
      changeBasis = dedupeRefs((version.data.legalBasis ?? []).filter((r) => catalogue.registry.legalDocuments.byId.get(r.document)?.effective === from).map((r) => ({ document: r.document })));
      if (changeBasis.length > 0) basisSource = 'legal-basis-taking-effect';
    }
    // An amendment must name its amending document for every step, or the Phần I row has a blank.
    const unnamed = kind === 'amended' ? steps.filter((s) => !s.data.changedBy) : basisSource === 'none' ? [version] : [];
    for (const s of unnamed) {
      const pointer = s.data.supersedes ? '/supersedes' : '';
      const what = kind === 'new' ? 'creates it' : kind === 'amended' ? 'amends it' : 'abolishes it';
      problems.push(
        diagnosticAt(
          s.file,
          pointer,
          'announce/change-basis',
          'error',
          `${code}@${s.data.version} takes effect on ${s.data.effective!.from} as ${kind === 'amended' ? 'an amendment' : kind === 'new' ? 'a new procedure' : 'a repeal'}, but names no legal document that ${what}: add changedBy.legalBasis${kind === 'new' ? ' (or register the effective date of the document in its legal basis that creates it)' : ''}; the draft leaves the document blank.`,
        ),
      );
    }

    let diff: VersionDiff | undefined;
    if (kind === 'amended') diff = diffVersions(catalogue, { version: previous!, how: `${code}@${previous!.data.version}` }, { version, how: `${code}@${version.data.version}` });

    changes.push({ code, kind, effective: version.data.effective!.from, version, previous, content, steps, changeBasis, basisSource, diff });
  }
  return { since, effective, changes, notAnnounced, problems };
}

// ——— Who announces ———

/**
 * Who may announce (Nghị định 63/2010/NĐ-CP Art. 15, as amended by Nghị định 92/2017/NĐ-CP): a
 * minister or head of a ministry-level agency for the procedures of the sector the ministry manages,
 * at every level; the chair of a provincial People's Committee for the procedures performed in the
 * province (the provincial, district and commune levels).
 */
export type IssuerRole = 'ministry' | 'province';

/** The levels whose heads announce, by level id (the ids of registry/levels.json). */
const ANNOUNCING_LEVELS: Readonly<Record<string, IssuerRole>> = { central: 'ministry', province: 'province' };

export interface Issuer {
  agency: Agency;
  role: IssuerRole;
  level: Level;
}

function agencyInExistence(agency: Agency, date: IsoDate): boolean {
  const e = agency.effective;
  return !e || (e.from <= date && (!e.until || date <= e.until));
}

/** The agency that holds an agency's functions on a date, following `successor` (a merged ministry → the new one). */
export function agencyOn(catalogue: Catalogue, id: string, date: IsoDate): Agency | undefined {
  let agency = catalogue.registry.agencies.byId.get(id);
  for (let hops = 0; agency && !agencyInExistence(agency, date) && agency.successor && hops < 20; hops++) {
    agency = catalogue.registry.agencies.byId.get(agency.successor);
  }
  return agency;
}

function isPeoplesCommittee(agency: Agency): boolean {
  return /^ủy ban nhân dân/i.test(agency.name.normalize('NFC'));
}

/** The issuer named by --issuer, checked: it exists on the date, and its head announces procedures. */
export function resolveIssuer(catalogue: Catalogue, id: string, date: IsoDate): Issuer {
  const agencies = catalogue.registry.agencies;
  const agency = agencies.byId.get(id);
  if (!agency) throw new UsageError(`There is no agency "${id}" in the registry.${didYouMean(id, [...agencies.byId.keys()])}`, { id: 'agency.unknown', params: { agency: id, suggestion: didYouMean(id, [...agencies.byId.keys()]).replace(/^ Did you mean "(.*)"\?$/, '$1') } });
  if (!agencyInExistence(agency, date)) {
    const successor = agency.successor ? ` Its functions passed to ${agency.successor}: --issuer ${agency.successor}.` : '';
    throw new UsageError(`${id} (${agency.name}) does not exist on ${date} (${agency.effective!.from} to ${agency.effective!.until ?? 'open'}).${successor}`);
  }
  const level = agency.level ? catalogue.registry.levels.byId.get(agency.level) : undefined;
  const role = agency.level ? ANNOUNCING_LEVELS[agency.level] : undefined;
  if (!level || !role) {
    throw new UsageError(
      `${id} (${agency.name}) is at the ${agency.level ?? 'unknown'} level: only a minister (for the ministry's sector) or the chair of a provincial People's Committee (for procedures performed in the province) announces procedures (Nghị định 63/2010/NĐ-CP Art. 15).`,
    );
  }
  if (role === 'ministry' && agency.parent) {
    throw new UsageError(`${id} (${agency.name}) is part of ${agency.parent}: the minister announces the procedures of the ministry's sector (Nghị định 63/2010/NĐ-CP Art. 15); use --issuer ${agency.parent}.`);
  }
  if (role === 'province' && !isPeoplesCommittee(agency)) {
    const committees = [...agencies.byId.values()].filter((a) => a.level === 'province' && isPeoplesCommittee(a)).map((a) => a.id);
    throw new UsageError(
      `${id} (${agency.name}) proposes, but the chair of the provincial People's Committee announces the procedures performed in the province (Nghị định 63/2010/NĐ-CP Art. 15): use --issuer ${committees.join(' or ') || '<a provincial People’s Committee>'}.`,
    );
  }
  return { agency, role, level };
}

/** The ministry that manages a procedure's field on a date (registry fields[].agency, through mergers). */
export function sectorMinistry(catalogue: Catalogue, change: AnnouncedChange): Agency | undefined {
  const field = change.content.data.field ? catalogue.registry.fields.byId.get(change.content.data.field) : undefined;
  return field?.agency ? agencyOn(catalogue, field.agency, change.effective) : undefined;
}

/** Why the issuer does not announce this change, or undefined when it does. */
export function outsideScope(catalogue: Catalogue, issuer: Issuer, change: AnnouncedChange): string | undefined {
  const levels = change.content.data.levels ?? [];
  const orders = levels.map((l) => catalogue.registry.levels.byId.get(l)?.order).filter((o): o is number => o !== undefined);
  if (orders.length > 0 && !orders.some((o) => o >= issuer.level.order)) {
    return `performed at the ${levels.join(', ')} level, above the ${issuer.level.id} level of ${issuer.agency.id}`;
  }
  if (issuer.role === 'province') {
    // A vertically organised ministry announces its local units' procedures itself (registry announcesLocalProcedures).
    const ministry = sectorMinistry(catalogue, change);
    if (ministry?.announcesLocalProcedures) return `announced by ${ministry.id} (${ministry.name}) itself: its sector is organised vertically`;
  }
  if (issuer.role === 'ministry') {
    const ministry = sectorMinistry(catalogue, change);
    if (ministry && ministry.id !== issuer.agency.id) return `in the sector of ${ministry.id} (${ministry.name})`;
    if (!ministry) {
      const named = Object.values(change.content.data.agencies ?? {}).flat();
      const ours = named.some((id) => {
        for (let a = catalogue.registry.agencies.byId.get(id), hops = 0; a && hops < 20; a = a.parent ? catalogue.registry.agencies.byId.get(a.parent) : undefined, hops++) if (a.id === issuer.agency.id) return true;
        return false;
      });
      if (!ours) return `its field names no managing ministry and none of its agencies belongs to ${issuer.agency.id}`;
    }
  }
  return undefined;
}

/**
 * The issuer when --issuer is not given: the one ministry whose sector every change is in. Several
 * sectors, or none known, need the drafter to choose: the error lists the choices.
 */
export function inferIssuer(catalogue: Catalogue, changes: readonly AnnouncedChange[], date: IsoDate): Issuer {
  const bySector = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const c of changes) {
    const m = sectorMinistry(catalogue, c);
    if (m) bySector.set(m.id, [...(bySector.get(m.id) ?? []), c.code]);
    else unknown.push(c.code);
  }
  if (bySector.size === 1 && unknown.length === 0) return resolveIssuer(catalogue, [...bySector.keys()][0]!, date);
  const sectors = [...bySector].map(([id, codes]) => `${id} (${codes.join(', ')})`);
  const committees = [...catalogue.registry.agencies.byId.values()].filter((a) => a.level === 'province' && isPeoplesCommittee(a) && agencyInExistence(a, date)).map((a) => a.id);
  throw new UsageError(
    `Name the issuer with --issuer <agency>: the changes ${sectors.length > 0 ? `fall in the sectors of ${sectors.join('; ')}` : ''}${unknown.length > 0 ? `${sectors.length > 0 ? ', and ' : ''}${unknown.join(', ')} name${unknown.length === 1 ? 's' : ''} no managing ministry` : ''}. A ministry announces its sector's procedures${committees.length > 0 ? `; a provincial People's Committee (${committees.join(', ')}) those performed in the province` : ''}.`,
    { id: 'issuer.needed', params: { sectors: sectors.join('; '), unknown: unknown.join(', '), committees: committees.join(', ') } },
  );
}

// ——— Deadline ———

/** Working days between signing and the effective date, by issuer (configurable). */
export const DEFAULT_DEADLINE_DAYS: Readonly<Record<IssuerRole, number>> = { ministry: 20, province: 5 };

export interface DeadlineForDate {
  /** The day the changes take effect. */
  effective: IsoDate;
  /** The latest lawful signing date: the N-th working day before `effective`. */
  latestSigning: IsoDate;
  codes: string[];
  /** Working days from the signing date (counted) to `effective` (not counted), when a signing date is given. */
  workingDaysBefore: number | undefined;
  /** True when a signing date is given and it is after latestSigning. */
  late: boolean;
}

export interface AnnouncementDeadline {
  role: IssuerRole;
  workingDays: number;
  /** Whether workingDays is the default or was given. */
  configured: boolean;
  signed: IsoDate | undefined;
  dates: DeadlineForDate[];
  /** The earliest of the latest signing dates: sign by then for every change to be announced in time. */
  latestSigning: IsoDate | undefined;
  /** The calendar's caveats over the days counted (years without an official schedule). */
  provisional: ProvisionalNote[];
}

/**
 * The latest lawful signing date for each effective date: the decision is issued at the latest N
 * working days before the legal document takes effect (N = 20 for ministries, 5 for provinces), so
 * the latest signing date is `calendar.addWorkingDays(effective, -N)`.
 */
export function announcementDeadline(calendar: WorkingCalendar, changes: readonly AnnouncedChange[], options: { role: IssuerRole; workingDays?: number | undefined; signed?: IsoDate | undefined }): AnnouncementDeadline {
  const workingDays = options.workingDays ?? DEFAULT_DEADLINE_DAYS[options.role];
  const byDate = new Map<IsoDate, string[]>();
  for (const c of changes) for (const s of c.steps) {
    const from = s.data.effective!.from;
    const codes = byDate.get(from) ?? [];
    if (!codes.includes(c.code)) codes.push(c.code);
    byDate.set(from, codes);
  }
  const dates = [...byDate.keys()].sort().map((effective): DeadlineForDate => {
    const latestSigning = calendar.addWorkingDays(effective, -workingDays);
    // Working days in [signed, effective): exactly N on the latest lawful signing date, fewer after it.
    const workingDaysBefore = options.signed ? calendar.workingDaysBetween(addDays(options.signed, -1), addDays(effective, -1)) : undefined;
    return { effective, latestSigning, codes: byDate.get(effective)!.sort(), workingDaysBefore, late: options.signed !== undefined && options.signed > latestSigning };
  });
  const first = dates.map((d) => d.latestSigning).sort()[0];
  const last = dates[dates.length - 1]?.effective;
  const from = [first, options.signed].filter((d): d is IsoDate => d !== undefined).sort()[0];
  const to = [last, options.signed].filter((d): d is IsoDate => d !== undefined).sort().reverse()[0];
  return {
    role: options.role,
    workingDays,
    configured: options.workingDays !== undefined,
    signed: options.signed,
    dates,
    latestSigning: first,
    provisional: from && to ? calendar.provisionalNotes(from, to) : [],
  };
}
