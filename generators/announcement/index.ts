/**
 * The draft announcement decision (Quyết định công bố thủ tục hành chính): the decision itself in
 * Vietnamese administrative style, Phần I (the lists of new, amended and abolished procedures, by
 * level) and Phần II (every part of each new or amended procedure, from the same model as the detail
 * pages), or the provincial list-only variant. draftAnnouncement() gathers the data; the blocks are
 * the shared document model (rules/text/render/blocks.ts), rendered to Markdown, HTML or DOCX; JSON is the data.
 *
 * Not a build output: a decision is drafted for one effective date (or window), one issuer and one
 * signing date, and is edited by hand afterwards, so it is produced on request by `tthc announce`.
 */
import { notesAbout } from '../../rules/compute/spec-notes.js';
import { amountAtRate, feeRatesOn, rateBasis, rateFor, ratePeriodText } from '../../rules/compute/fee-rates.js';
import type { Catalogue, LoadedVersion } from '../../rules/model/catalogue.js';
import type { WorkingCalendar } from '../../rules/compute/calendar.js';
import type { IsoDate } from '../../rules/compute/dates.js';
import type { Change, ChangeArea } from '../../rules/compute/diff/index.js';
import {
  agencyOn,
  announcementDeadline,
  outsideScope,
  resolveIssuer,
  inferIssuer,
  sectorMinistry,
  type AnnouncedChange,
  type AnnouncementDeadline,
  type AnnouncementKind,
  type AnnouncementSelection,
  type Issuer,
} from '../../rules/compute/announcement.js';
import type { Diagnostic } from '../../rules/diagnostics/diagnostic.js';
import type { LegalRef } from '../../rules/schema/types/procedure-version.generated.js';
import type { Agency, LegalDocument, LegalDocumentType } from '../../rules/schema/types/registry.generated.js';
import { linesInline, renderHtml, renderMarkdown, toJson, type Block, type Inline } from '../../rules/text/render/index.js';
import { UsageError } from '../../rules/errors.js';
import { AREA_VI, CLASSIFICATION_VI } from '../../rules/text/vi/changes.js';
import { citeDocument, citeDocumentShort, citeDocuments, citeGround, citeRefShort, DOCUMENT_TYPE_VI, POINT_LETTERS_VI } from '../../rules/text/vi/citations.js';
import { formatDate, formatDateCited, formatDateLong } from '../../rules/text/vi/dates.js';
import { formatFees } from '../../rules/text/vi/fees.js';
import { formatMoney, romanNumeral, twoDigits } from '../../rules/text/vi/numbers.js';
import { PART_TITLES_VI, type PartId } from '../../rules/text/vi/procedure.js';
import { agencyAbbreviation, compareVietnamese, lowerFirst, upperFirst, upperVi } from '../../rules/text/vi/words.js';
import { BuildContext } from '../engine/context.js';
import { changeBasis as citeChangeBasis, partBlocksOf, procedureParts, timeLimitLines, whereLines, type ProcedurePart } from '../detail/parts.js';

export type AnnouncementFormat = 'md' | 'html' | 'docx' | 'json';

export interface AnnouncementOptions {
  /** The agency whose head signs: a ministry or a provincial People's Committee (inferred when one ministry's sector covers every change). */
  issuer?: string | undefined;
  /** The provincial list-only variant: Phần I with the listing columns, no Phần II. */
  listOnly?: boolean | undefined;
  /** The signing date, when known: fills the date line and is checked against the deadline. */
  signed?: IsoDate | undefined;
  /** Working days between signing and taking effect (default 20 for a ministry, 5 for a province). */
  deadlineDays?: number | undefined;
  /** A province's proposing department (an agency id, e.g. so-tu-phap): "Theo đề nghị của Giám đốc Sở Tư pháp", and the department tasked in a list-only decision. */
  department?: string | undefined;
  /** The department's submission (tờ trình): its number ("125/TTr-STP") and date; blanks the officer fills when unknown. */
  submission?: { number?: string | undefined; date?: IsoDate | undefined } | undefined;
  /** The signer: the head ("BỘ TRƯỞNG", "CHỦ TỊCH"), or a deputy signing for the head ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG"). */
  signer?: 'head' | 'deputy' | undefined;
}

export interface Announcement {
  since: IsoDate;
  effective: IsoDate;
  listOnly: boolean;
  signed: IsoDate | undefined;
  issuer: Issuer;
  /** The changes the issuer announces, in the order of Phần I. */
  changes: AnnouncedChange[];
  /** Changes in the window that belong to another issuer, with why. */
  outOfScope: { change: AnnouncedChange; reason: string }[];
  selection: AnnouncementSelection;
  deadline: AnnouncementDeadline;
  /** "Về việc công bố danh mục thủ tục hành chính …". */
  title: string;
  /** The opening lines (căn cứ … ; Theo đề nghị của …). */
  grounds: string[];
  /** Errors: a change with no legal document for it. */
  problems: Diagnostic[];
  /** Vietnamese notes for the drafter: deadline, placeholders to fill, what was left out. */
  notes: string[];
  /** Document symbol: "QĐ-BTP". */
  symbol: string;
  /** A province's proposing department, when named or inferred. */
  department: Agency | undefined;
  signer: 'head' | 'deputy';
  /** amended, abolished: the issuer's own earlier decision that announced the previous version, where the registry records it (Điều 2). */
  earlier: Map<string, { number: string; doc: LegalDocument | undefined }>;
  ctx: BuildContext;
}

const KIND_PHRASE: Record<AnnouncementKind, string> = {
  new: 'mới ban hành',
  // "thay thế" only when one procedure replaces another, which the catalogue does not record (issue 18 point 3).
  amended: 'được sửa đổi, bổ sung',
  abolished: 'bị bãi bỏ',
};

const KIND_ORDER: Record<AnnouncementKind, number> = { new: 0, amended: 1, abolished: 2 };

/** The part of Phần II each area of a diff changes; compliance cost is an analysis, not a part. */
const AREA_PART: Record<ChangeArea, PartId | 'name' | undefined> = {
  name: 'name',
  step: 'steps',
  channel: 'channels',
  document: 'dossier',
  'time-limit': 'timeLimit',
  subjects: 'subjects',
  agencies: 'agencies',
  levels: 'agencies',
  result: 'results',
  fee: 'fees',
  'form-fields': 'forms',
  requirement: 'requirements',
  'legal-basis': 'legalBasis',
  'compliance-cost': undefined,
};

const PART_ORDER: readonly (PartId | 'name')[] = ['name', 'steps', 'channels', 'dossier', 'timeLimit', 'subjects', 'agencies', 'results', 'fees', 'forms', 'requirements', 'legalBasis'];

/** The documents that set the rules of announcement itself, cited in every decision's grounds. */
const TTHC_CONTROL_DOCUMENTS = ['63/2010/NĐ-CP', '92/2017/NĐ-CP', '02/2017/TT-VPCP'] as const;

/** The kinds of base document a decision's grounds cite: laws, resolutions and decrees (circulars and decisions are left to Phần II). */
const BASE_TYPES: ReadonlySet<LegalDocumentType> = new Set(['law', 'ordinance', 'na-resolution', 'decree', 'government-resolution']);

/** Legal force, for ordering the grounds: laws first, then decrees and resolutions, decisions, circulars. */
const FORCE: Record<LegalDocumentType, number> = {
  law: 0,
  'na-resolution': 0,
  ordinance: 1,
  decree: 2,
  'government-resolution': 2,
  'pm-decision': 3,
  circular: 4,
  'joint-circular': 4,
  'provincial-resolution': 5,
  'provincial-decision': 6,
  decision: 7,
  other: 8,
};

/** The changed parts of an amendment, in the Phần II order. */
export function changedParts(change: AnnouncedChange): (PartId | 'name')[] {
  const areas = new Set((change.diff?.changes ?? []).map((c) => AREA_PART[c.area]).filter((p) => p !== undefined));
  return PART_ORDER.filter((p) => areas.has(p));
}

function partTitle(part: PartId | 'name'): string {
  return part === 'name' ? 'Tên thủ tục hành chính' : PART_TITLES_VI[part];
}

/** Changes of the diff that belong in an announcement (not the compliance-cost analysis). */
function contentChanges(change: AnnouncedChange): Change[] {
  return (change.diff?.changes ?? []).filter((c) => AREA_PART[c.area] !== undefined);
}

function levelKey(ctx: BuildContext, change: AnnouncedChange): { key: string; order: number; names: string[] } {
  const levels = [...(change.content.data.levels ?? [])]
    .map((id) => ({ id, order: ctx.level(id)?.order ?? 99, name: ctx.levelName(id) }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return { key: levels.map((l) => l.id).join(',') || '-', order: levels[0]?.order ?? 99, names: levels.map((l) => lowerFirst(l.name)) };
}

function levelHeading(names: readonly string[]): string {
  return names.length > 0 ? `Thủ tục hành chính ${names.join(', ')}` : 'Thủ tục hành chính chưa xác định cấp thực hiện';
}

function agencyNames(ctx: BuildContext, change: AnnouncedChange): string[] {
  const a = change.content.data.agencies;
  const ids = a?.implementing?.length ? a.implementing : (a?.competent ?? []);
  return ids.map((id) => ctx.agencyName(id));
}

function inForceOn(doc: LegalDocument, date: IsoDate): boolean {
  return (!doc.effective || doc.effective <= date) && (!doc.repealed || date < doc.repealed);
}

/** "tỉnh …" for a generic provincial committee, "thành phố Hà Nội" for a named one. */
function locality(issuer: Issuer): string {
  if (issuer.agency.generic) return 'tỉnh …';
  return issuer.agency.name.replace(/^ủy ban nhân dân\s+/i, '');
}

/**
 * How the decision refers back to its own province after naming it: a centrally-run city is
 * "Thành phố" ("Chánh Văn phòng Ủy ban nhân dân Thành phố", as Hà Nội's decisions write), a province
 * keeps "tỉnh …".
 */
function localityAgain(issuer: Issuer): string {
  const full = locality(issuer);
  return !issuer.agency.generic && /^thành phố\s/i.test(full) ? 'Thành phố' : full;
}

/** Cities with no đặc khu (special zone) among their communes after 1 July 2025: Hà Nội's are xã and phường. */
const NO_SPECIAL_ZONES: ReadonlySet<string> = new Set(['ubnd-ha-noi']);

/** "Hà Nội": the place in the date line. Ministries sit in Hà Nội; a province writes its own name. */
function place(issuer: Issuer): string {
  if (issuer.role === 'ministry') return 'Hà Nội';
  return issuer.agency.generic ? '…' : locality(issuer).replace(/^(tỉnh|thành phố)\s+/i, '');
}

/** What the decision is about, after "thủ tục hành chính": kinds, fields and whose. */
function subject(ctx: BuildContext, issuer: Issuer, changes: readonly AnnouncedChange[], counted = false): string {
  const present = (['new', 'amended', 'abolished'] as const).filter((k) => changes.some((c) => c.kind === k));
  // Counted (Điều 1): "03 thủ tục hành chính được sửa đổi, bổ sung và 01 thủ tục hành chính bị bãi bỏ".
  const kinds = counted ? present.map((k) => `${twoDigits(changes.filter((c) => c.kind === k).length)} thủ tục hành chính ${KIND_PHRASE[k]}`) : present.map((k) => KIND_PHRASE[k]);
  const kindText = kinds.length > 1 ? `${kinds.slice(0, -1).join(counted ? ', ' : '; ')} và ${kinds[kinds.length - 1]}` : kinds[0]!;
  const fields = [...new Set(changes.map((c) => c.content.data.field).filter((f): f is string => f !== undefined))].map((f) => lowerFirst(ctx.fieldName(f))).sort(compareVietnamese);
  const fieldText = fields.length === 0 ? '' : fields.length === 1 ? ` trong lĩnh vực ${fields[0]}` : ` trong các lĩnh vực: ${fields.join('; ')}`;
  const whose = issuer.role === 'ministry' ? ` thuộc phạm vi chức năng quản lý của ${issuer.agency.name}` : ` được thực hiện trên địa bàn ${locality(issuer)}`;
  return `${kindText}${fieldText}${whose}`;
}

/** The head's title: "Bộ trưởng", "Chủ tịch"; a ministry-level agency not named Bộ leaves it to the drafter. */
function headTitle(issuer: Issuer): string {
  if (issuer.role === 'province') return 'Chủ tịch';
  return /^bộ\s/i.test(issuer.agency.name) ? 'Bộ trưởng' : 'Thủ trưởng';
}

/** "BỘ TRƯỞNG BỘ TƯ PHÁP", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …". */
function authority(issuer: Issuer): string {
  return upperVi(issuerHead(issuer));
}

function byForceThenDate(a: LegalDocument, b: LegalDocument): number {
  return FORCE[a.type] - FORCE[b.type] || (a.issued ?? '').localeCompare(b.issued ?? '') || a.number.localeCompare(b.number);
}

/**
 * The province's proposing department: the one given (an agency id), or the one provincial department
 * ("Sở …") that every change's agencies belong to; undefined when the changes span several or none.
 */
function proposingDepartment(catalogue: Catalogue, changes: readonly AnnouncedChange[], id: string | undefined, date: IsoDate): Agency | undefined {
  if (id !== undefined) {
    const agency = agencyOn(catalogue, id, date);
    if (!agency) throw new UsageError(`There is no agency "${id}" in the registry for --department.`);
    return agency;
  }
  const found = new Set<string>();
  for (const c of changes) {
    const own = new Set<string>();
    for (const start of Object.values(c.content.data.agencies ?? {}).flat()) {
      for (let a = agencyOn(catalogue, start, date), hops = 0; a && hops < 20; a = a.parent ? agencyOn(catalogue, a.parent, date) : undefined, hops++) {
        if (a.level === 'province' && /^sở\s/i.test(a.name)) own.add(a.id);
      }
    }
    if (own.size !== 1) return undefined;
    found.add([...own][0]!);
  }
  return found.size === 1 ? agencyOn(catalogue, [...found][0]!, date) : undefined;
}

/** "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số … ngày … tháng … năm ….": what is unknown is a blank, flagged in the notes. */
function proposalLine(issuer: Issuer, department: Agency | undefined, submission: AnnouncementOptions['submission'], notes: string[]): string {
  const who = department ? department.name : 'Sở …';
  const number = submission?.number ?? '…/TTr-…';
  const date = submission?.date ? formatDateLong(submission.date) : 'ngày … tháng … năm …';
  const missing = [department ? '' : 'tên sở trình', submission?.number ? '' : 'số Tờ trình', submission?.date ? '' : 'ngày Tờ trình'].filter(Boolean);
  if (missing.length > 0) notes.push(`Dòng “Theo đề nghị của Giám đốc ${who} tại Tờ trình số …”: chưa có ${missing.join(', ')} (tùy chọn --department, --submission, --submission-date); người soạn thảo điền trước khi trình ký.`);
  return `Theo đề nghị của Giám đốc ${who} tại Tờ trình số ${number} ${date}.`;
}

/**
 * "Căn cứ Quyết định số 163/QĐ-BTP ngày … của Bộ trưởng Bộ Tư pháp về việc công bố …;": the ministry's
 * decision that announced each version the province lists (registry legalDocuments[].announces, or
 * the number an import recorded); for a ministry with none recorded, a blank for its number and date.
 */
function ministryDecisionGrounds(ctx: BuildContext, changes: readonly AnnouncedChange[], notes: string[]): string[] {
  const known = new Map<string, { number: string; doc: LegalDocument | undefined; codes: string[] }>();
  const unknown = new Map<string, { ministry: Agency; codes: string[] }>();
  for (const c of changes) {
    if (c.kind === 'abolished') continue;
    const ministry = sectorMinistry(ctx.catalogue, c);
    const found = announcingDecision(ctx, c.version);
    if (found && (!ministry || !found.doc || found.doc.issuer.includes(ministry.name))) {
      const k = known.get(found.number) ?? { ...found, codes: [] };
      k.codes.push(c.code);
      known.set(found.number, k);
    } else if (ministry) {
      const u = unknown.get(ministry.id) ?? { ministry, codes: [] };
      u.codes.push(c.code);
      unknown.set(ministry.id, u);
    }
  }
  const lines: string[] = [];
  for (const k of [...known.values()].sort((a, b) => (a.doc?.issued ?? '').localeCompare(b.doc?.issued ?? '') || a.number.localeCompare(b.number))) {
    const issuer = k.doc?.issuer ?? 'Bộ trưởng …';
    const about = k.doc ? stripDecisionWord(k.doc.title) : 'về việc công bố thủ tục hành chính …';
    lines.push(`Căn cứ Quyết định số ${k.number} ${k.doc?.issued ? formatDateLong(k.doc.issued) : 'ngày … tháng … năm …'} của ${issuer} ${about};`);
    if (!k.doc?.issued) notes.push(`Căn cứ Quyết định số ${k.number} (công bố ${k.codes.join(', ')}): danh mục văn bản chưa có ngày ban hành của quyết định (xem ghi chú của văn bản này trong danh mục); điền ngày trước khi trình ký.`);
  }
  for (const u of [...unknown.values()].sort((a, b) => compareVietnamese(a.ministry.name, b.ministry.name))) {
    lines.push(`Căn cứ Quyết định số …/QĐ-${agencyAbbreviation(u.ministry.name)} ngày … tháng … năm … của Bộ trưởng ${u.ministry.name} về việc công bố thủ tục hành chính …;`);
    notes.push(`Danh mục văn bản chưa ghi quyết định của Bộ trưởng ${u.ministry.name} công bố ${u.codes.join(', ')}: dòng căn cứ để trống số, ngày, trích yếu cho người soạn thảo điền (ghi quyết định đó và các thủ tục nó công bố vào danh mục văn bản để lần sau được điền sẵn).`);
  }
  return lines;
}

/** "về việc công bố thủ tục hành chính …" from a decision's title ("Quyết định về việc …"). */
function stripDecisionWord(title: string): string {
  return lowerFirst(title.replace(/^quyết định\s+/i, ''));
}

/** The opening lines: the issuer's organisation, the rules on controlling procedures, the documents that make the changes, the proposer. */
function groundLines(ctx: BuildContext, issuer: Issuer, changes: readonly AnnouncedChange[], date: IsoDate, notes: string[], listOnly: boolean): string[] {
  const lines: string[] = [];
  const cited = new Set<string>();
  const cite = (number: string) => {
    if (cited.has(number)) return;
    cited.add(number);
    const doc = ctx.legalDocument(number);
    if (doc && !doc.issued) undated.push(citeDocumentShort(doc.number, doc));
    lines.push(`Căn cứ ${doc ? citeGround(doc) : number};`);
  };
  const undated: string[] = [];
  const organisation = (issuer.agency.organisationBasis ?? []).filter((n) => {
    const doc = ctx.legalDocument(n);
    return !doc || inForceOn(doc, date);
  });
  if (organisation.length > 0) organisation.forEach(cite);
  else {
    lines.push(
      issuer.role === 'ministry'
        ? `Căn cứ Nghị định số …/…/NĐ-CP ngày … tháng … năm … của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${issuer.agency.name};`
        : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày … tháng … năm …;',
    );
    notes.push(`Danh mục cơ quan chưa ghi văn bản quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${issuer.agency.name} còn hiệu lực ngày ${formatDate(date)}: dòng căn cứ đầu tiên để trống cho người soạn thảo điền (bổ sung văn bản đó vào danh mục cơ quan, mục “văn bản quy định chức năng, nhiệm vụ”, để lần sau được điền sẵn).`);
  }
  TTHC_CONTROL_DOCUMENTS.forEach(cite);
  const changing = new Map<string, LegalDocument | undefined>();
  for (const c of changes) for (const r of c.changeBasis) changing.set(r.document, ctx.legalDocument(r.document));
  // The base documents of the procedures too (issue 18 point 3): the laws, resolutions and decrees
  // their legal basis cites that are still in force when the changes take effect. A list-only
  // decision rests on the ministries' decisions instead.
  if (!listOnly) {
    for (const c of changes) {
      if (c.kind === 'abolished') continue;
      for (const r of c.content.data.legalBasis ?? []) {
        const doc = ctx.legalDocument(r.document);
        if (doc && BASE_TYPES.has(doc.type) && (!doc.repealed || c.effective < doc.repealed)) changing.set(doc.number, doc);
      }
    }
  }
  const known = [...changing.values()].filter((d): d is LegalDocument => d !== undefined).sort(byForceThenDate);
  const unknown = [...changing].filter(([, d]) => d === undefined).map(([n]) => n).sort();
  for (const d of known) cite(d.number);
  for (const n of unknown) cite(n);
  // A ground is cited with its date of issue (Nghị định 30/2020/NĐ-CP); the registry may not have it yet.
  if (undated.length > 0) notes.push(`Căn cứ ${undated.join(', ')}: danh mục văn bản chưa có ngày ban hành (xem ghi chú của từng văn bản trong danh mục), nên dòng căn cứ chỉ ghi số, ký hiệu; điền ngày ban hành trước khi trình ký.`);
  lines.push(issuer.role === 'ministry' ? 'Theo đề nghị của Thủ trưởng đơn vị chủ trì … và Chánh Văn phòng Bộ.' : `Theo đề nghị của Giám đốc Sở … và Chánh Văn phòng Ủy ban nhân dân ${locality(issuer)}.`);
  return lines;
}

function sortChanges(ctx: BuildContext, changes: AnnouncedChange[]): AnnouncedChange[] {
  return changes.sort((a, b) => {
    const la = levelKey(ctx, a);
    const lb = levelKey(ctx, b);
    return (
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      la.order - lb.order ||
      la.key.localeCompare(lb.key) ||
      compareVietnamese(ctx.fieldName(a.content.data.field), ctx.fieldName(b.content.data.field)) ||
      a.code.localeCompare(b.code)
    );
  });
}

/**
 * Drafts the decision for a selection of changes (announcementChanges): picks the issuer (checked
 * against the changes: a province does not announce central-level procedures, a ministry only its
 * sector's), computes the deadline, and words the grounds and notes.
 */
export function draftAnnouncement(catalogue: Catalogue, calendar: WorkingCalendar, selection: AnnouncementSelection, options: AnnouncementOptions = {}): Announcement {
  const { effective, since } = selection;
  const issuer = options.issuer ? resolveIssuer(catalogue, options.issuer, effective) : inferIssuer(catalogue, selection.changes, effective);
  const ctx = new BuildContext(catalogue, effective, {});
  const inScope: AnnouncedChange[] = [];
  const outOfScope: Announcement['outOfScope'] = [];
  for (const c of selection.changes) {
    const reason = outsideScope(catalogue, issuer, c);
    if (reason) outOfScope.push({ change: c, reason });
    else inScope.push(c);
  }
  if (inScope.length === 0) {
    const levels = [...new Set(selection.changes.flatMap((c) => c.content.data.levels ?? []))].sort();
    const ministries = [...new Set(selection.changes.map((c) => sectorMinistry(catalogue, c)?.id).filter((m): m is string => m !== undefined))].sort();
    throw new UsageError(
      `${issuer.agency.id} (${issuer.agency.name}, ${issuer.level.id} level) announces none of the ${selection.changes.length} change${selection.changes.length === 1 ? '' : 's'} in the window: ${outOfScope.map((o) => `${o.change.code} is ${o.reason}`).join('; ')}. They are performed at the ${levels.join(', ')} level${levels.length === 1 ? '' : 's'}${ministries.length > 0 ? ` in the sector${ministries.length === 1 ? '' : 's'} of ${ministries.join(', ')}` : ''}.`,
    );
  }
  const changes = sortChanges(ctx, inScope);
  const deadline = announcementDeadline(calendar, changes, { role: issuer.role, workingDays: options.deadlineDays, signed: options.signed });
  const notes: string[] = [];
  const groundsDate = options.signed ?? deadline.latestSigning ?? effective;
  const department = issuer.role === 'province' ? proposingDepartment(catalogue, changes, options.department, effective) : undefined;
  const grounds = groundLines(ctx, issuer, changes, groundsDate, notes, options.listOnly ?? false);
  // The ministries' announcing decisions a list-only decision applies, before the proposal (issue 18 point 2).
  if (options.listOnly && issuer.role === 'province') grounds.splice(grounds.length - 1, 0, ...ministryDecisionGrounds(ctx, changes, notes));
  if (issuer.role === 'province') grounds[grounds.length - 1] = proposalLine(issuer, department, options.submission, notes);
  const problems = selection.problems.filter((d) => changes.some((c) => c.steps.some((s) => s.file.display === d.file) || c.version.file.display === d.file));
  notes.unshift(...deadlineNotes(issuer, deadline));
  for (const o of outOfScope) notes.push(`${o.change.code} (${o.change.content.data.name.vi}, ${KIND_PHRASE[o.change.kind]}) không thuộc thẩm quyền công bố của ${issuer.agency.name}: ${outOfScopeVi(catalogue, o)}.`);
  for (const n of selection.notAnnounced) notes.push(n.note);
  // The error in Vietnamese for the drafter (the diagnostic itself goes to stderr with its file and place).
  for (const c of changes.filter((x) => x.basisSource === 'none' || (x.kind === 'amended' && x.steps.some((s) => !s.data.changedBy)))) {
    notes.push(`Lỗi: ${c.code} (${c.content.data.name.vi}) ${KIND_PHRASE[c.kind]} từ ngày ${formatDate(c.effective)} nhưng danh mục chưa ghi văn bản quy phạm pháp luật ${c.kind === 'abolished' ? 'quy định việc bãi bỏ' : c.kind === 'new' ? 'quy định thủ tục' : 'quy định nội dung sửa đổi, bổ sung'}; ô văn bản trong Phần I để trống cho người soạn thảo điền.`);
  }
  // What each announced procedure's spec says it does not model or has not confirmed (issue 20): the drafter checks it before signing.
  const rates = feeRatesOn(catalogue.registry, effective);
  for (const c of changes) {
    const who = `${c.code} (${c.content.data.name.vi})`;
    for (const n of notesAbout(c.content.data, ['/fees', '/dossier', '/timeLimit'])) notes.push(`${who}${n.kind === 'uncertain' ? ', chưa xác minh' : ''}: ${n.text}`);
    // A temporary rate from the registry (feeRates) that changes a figure of Phần II on the effective day.
    for (const f of c.content.data.fees ?? []) {
      const r = f.amount === undefined ? undefined : rateFor(f, undefined, rates);
      if (r) notes.push(`${who}: ${f.name} ${formatMoney(f.amount!, 'VND')} được thu bằng ${r.percent}% (${formatMoney(amountAtRate(f.amount!, r, 'VND'), 'VND')}) trong thời gian ${ratePeriodText(r)} theo ${citeRefShort(rateBasis(r), catalogue.registry.legalDocuments.byId.get(r.document))}; Phần II ghi mức thu gốc.`);
    }
  }
  if (!(options.listOnly ?? false)) {
    for (const c of changes) {
      if (c.kind === 'amended') notes.push(...analysisNotes(ctx, c));
      const tl = c.kind === 'abolished' ? undefined : c.content.data.timeLimit?.note;
      if (tl) notes.push(`${c.code} (${c.content.data.name.vi}), ghi chú về thời hạn giải quyết trong danh mục (Phần II chỉ nêu thời hạn một lần, không chép ghi chú này): ${tl}`);
    }
  }
  if (issuer.role === 'ministry' && !/^bộ\s/i.test(issuer.agency.name)) notes.push(`Chức danh người đứng đầu ${issuer.agency.name} cần được ghi đúng trong dòng thẩm quyền và phần ký.`);
  if (issuer.role === 'ministry') notes.push(`Ký hiệu QĐ-${agencyAbbreviation(issuer.agency.name)} được lập từ chữ cái đầu của tên cơ quan; cần đối chiếu ký hiệu chính thức.`);

  const symbol = `QĐ-${agencyAbbreviation(issuer.agency.name)}`;
  const earlier = new Map<string, { number: string; doc: LegalDocument | undefined }>();
  // The article on taking effect: Điều 2, or Điều 3 after a list-only decision's tasking article.
  const effectNo = `Điều ${options.listOnly && issuer.role === 'province' ? 3 : 2}`;
  const unrecorded: AnnouncedChange[] = [];
  for (const c of changes) {
    if (!c.previous) continue;
    const found = announcingDecision(ctx, c.previous);
    // Only the issuer's own decision is replaced: a ministry's does not bind a province's list, nor the reverse.
    const own = found && (found.doc ? found.doc.issuer.includes(issuer.agency.name) : found.number.endsWith(`/${symbol}`));
    if (found && own) earlier.set(c.code, found);
    else unrecorded.push(c);
    if (found && own && !found.doc?.issued) notes.push(`${effectNo}: ngày ban hành của Quyết định số ${found.number} (đã công bố ${c.code}, ${c.previous.data.name.vi}) chưa có trong danh mục văn bản; điền ngày trước khi trình ký.`);
  }
  if (unrecorded.length > 0) {
    notes.push(`${effectNo}: danh mục chưa ghi quyết định của ${issuerHead(issuer)} đã công bố nội dung trước đây của ${unrecorded.map((c) => `${c.code} (${c.content.data.name.vi})`).join('; ')}; số, ngày của quyết định đó để trống cho người soạn thảo điền.`);
  }

  return {
    since,
    effective,
    listOnly: options.listOnly ?? false,
    signed: options.signed,
    issuer,
    changes,
    outOfScope,
    selection,
    deadline,
    // A list-only decision publishes a list (danh mục); a full one the procedures themselves (issue 18 point 3).
    title: `Về việc công bố ${options.listOnly ? 'danh mục ' : ''}thủ tục hành chính ${subject(ctx, issuer, changes)}`,
    grounds,
    problems,
    notes,
    symbol,
    earlier,
    department,
    signer: options.signer ?? 'head',
    ctx,
  };
}

function outOfScopeVi(catalogue: Catalogue, o: Announcement['outOfScope'][number]): string {
  const ministry = sectorMinistry(catalogue, o.change);
  if (ministry?.announcesLocalProcedures && o.reason.startsWith('announced by ')) return `thủ tục thuộc lĩnh vực do ${ministry.name} quản lý theo ngành dọc, do Bộ trưởng ${ministry.name} tự công bố; không đưa vào Quyết định của Chủ tịch Ủy ban nhân dân cấp tỉnh`;
  const levels = (o.change.content.data.levels ?? []).map((l) => lowerFirst(catalogue.registry.levels.byId.get(l)?.name ?? l));
  return ministry ? `thủ tục ${levels.join(', ')} thuộc lĩnh vực do ${ministry.name} quản lý` : `thủ tục ${levels.join(', ')}`;
}

function deadlineNotes(issuer: Issuer, d: AnnouncementDeadline): string[] {
  const who = issuer.role === 'ministry' ? 'Quyết định công bố của Bộ trưởng, Thủ trưởng cơ quan ngang bộ' : 'Quyết định công bố của Chủ tịch Ủy ban nhân dân cấp tỉnh';
  const days = `${String(d.workingDays).padStart(2, '0')} ngày làm việc`;
  const out = [
    `Thời hạn ban hành: ${who} được ban hành chậm nhất trước ${days} tính đến ngày văn bản quy phạm pháp luật có quy định về thủ tục hành chính có hiệu lực thi hành (Điều 15 Nghị định số 63/2010/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP${issuer.role === 'province' ? '; 05 ngày làm việc là mức Văn phòng Chính phủ dùng để đánh giá cấp tỉnh' : ''})${d.configured ? `; số ngày ${d.workingDays} do người dùng đặt (--deadline-days)` : ''}.`,
  ];
  for (const x of d.dates) {
    let line = `Thủ tục có hiệu lực từ ngày ${formatDate(x.effective)} (${x.codes.join(', ')}): ngày ký muộn nhất là ngày ${formatDate(x.latestSigning)}, ngày làm việc thứ ${d.workingDays} trước ngày ${formatDate(x.effective)} theo lịch làm việc.`;
    if (d.signed !== undefined) {
      line += x.late
        ? ` CẢNH BÁO: ngày ký ${formatDate(d.signed)} muộn hơn thời hạn; chỉ còn ${x.workingDaysBefore} ngày làm việc trước ngày có hiệu lực.`
        : ` Ngày ký ${formatDate(d.signed)} bảo đảm thời hạn (${x.workingDaysBefore} ngày làm việc trước ngày có hiệu lực).`;
    }
    out.push(line);
  }
  // The calendar's reason is English data: say in Vietnamese what it means for the deadline (issue 18 point 6).
  for (const p of d.provisional) out.push(`Lịch nghỉ lễ, Tết năm ${p.year} chưa được công bố chính thức đầy đủ: ngày ký muộn nhất được tính theo các ngày nghỉ suy ra từ Bộ luật Lao động, là dự kiến; kiểm tra lại khi Thủ tướng Chính phủ công bố lịch nghỉ.`);
  return out;
}

// ——— The document ———

const strong = (text: string): Inline => ({ text, style: 'strong' });
const em = (text: string): Inline => ({ text, style: 'em' });

/** The letter of the n-th point (1-based): a) b) c) d) đ) … */
function point(n: number): string {
  return POINT_LETTERS_VI[n - 1] ?? String(n);
}

/**
 * The printed width of a line of Times New Roman, in points, from average advance widths (em/1000 of
 * the regular and bold faces: capitals ≈ 0.70/0.72, small letters and digits ≈ 0.48/0.52, space 0.25,
 * hyphen 0.33). Diacritics add no width. Close enough to size the rules under the masthead's lines.
 */
export function textWidthPt(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += 0.25;
    else if (ch === '-' || ch === '.' || ch === ',' || ch === '…') em += 0.33;
    else if (/\p{Lu}/u.test(ch) || ch === 'Đ') em += bold ? 0.72 : 0.7;
    else em += bold ? 0.52 : 0.48;
  }
  return em * sizePt;
}

/** Text width of the decision's A4 portrait page (210 mm less margins of 30 and 15 mm), in points. */
const PAGE_TEXT_PT = ((210 - 30 - 15) / 25.4) * 72;
const MASTHEAD_WIDTHS = [37, 63] as const;

/**
 * A rule's width as a percentage of its cell (Nghị định 30/2020/NĐ-CP, Phụ lục I): under the issuer's
 * name and the subject line 1/3 to 1/2 of the line of text above (the upper bound under the short
 * issuer name, the lower under the long subject), under the motto as long as the motto.
 */
function rulePercent(lineWidthPt: number, cellPt: number, fraction: number): number {
  return Math.round((Math.min(lineWidthPt, cellPt) * fraction * 1000) / cellPt) / 10;
}

function masthead(a: Announcement): Block {
  const names = a.issuer.role === 'province' && /^ủy ban nhân dân/i.test(a.issuer.agency.name) ? ['ỦY BAN NHÂN DÂN', upperVi(locality(a.issuer))] : [upperVi(a.issuer.agency.name)];
  const issuerLines: (Inline[] | 'rule')[] = [...names.map((n) => [strong(n)]), 'rule'];
  const issuerCell = (PAGE_TEXT_PT * MASTHEAD_WIDTHS[0]) / 100;
  const mottoCell = (PAGE_TEXT_PT * MASTHEAD_WIDTHS[1]) / 100;
  const issuerRule = rulePercent(Math.max(...names.map((n) => textWidthPt(n, 12, true))), issuerCell, 1 / 2);
  const mottoRule = rulePercent(textWidthPt('Độc lập - Tự do - Hạnh phúc', 13, true), mottoCell, 1);
  const date = a.signed ? formatDateLong(a.signed) : 'ngày … tháng … năm …';
  // Sizes of Nghị định 30/2020/NĐ-CP, Phụ lục I: issuer and national name 12–13 pt, motto 13–14 pt, number 13 pt, place and date 13–14 pt.
  return {
    kind: 'columns',
    widths: [...MASTHEAD_WIDTHS],
    rows: [
      [
        { lines: issuerLines, align: 'center', sizes: issuerLines.map(() => 12), ruleWidths: issuerLines.map((l) => (l === 'rule' ? issuerRule : 0)) },
        { lines: [[strong('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')], [strong('Độc lập - Tự do - Hạnh phúc')], 'rule'], align: 'center', sizes: [12, 13, 13], ruleWidths: [0, 0, mottoRule] },
      ],
      [
        { lines: [[`Số: …/${a.symbol}`]], align: 'center', sizes: [13] },
        { lines: [[em(`${place(a.issuer)}, ${date}`)]], align: 'center', sizes: [14] },
      ],
    ],
  };
}

function kindsPresent(a: Announcement): AnnouncementKind[] {
  return (['new', 'amended', 'abolished'] as const).filter((k) => a.changes.some((c) => c.kind === k));
}

/**
 * The decision that announced a version: a legalDocuments entry whose `announces` lists it, or the
 * number an imported version's source names (no date then).
 */
export function announcingDecision(ctx: BuildContext, version: LoadedVersion): { number: string; doc: LegalDocument | undefined } | undefined {
  const { code, version: id } = version.data;
  for (const doc of ctx.catalogue.registry.legalDocuments.byId.values()) {
    if (doc.announces?.some((x) => x.code === code && x.version === id)) return { number: doc.number, doc };
  }
  const named = version.data.source?.announcedBy;
  return named ? { number: named, doc: ctx.legalDocument(named) } : undefined;
}

/** "Quyết định số 163/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp": an unknown date (or number) is a blank the officer fills. */
function citeDecision(number: string | undefined, doc: LegalDocument | undefined, fallbackIssuer: string, symbol: string): string {
  const date = doc?.issued ? formatDateLong(doc.issued) : 'ngày … tháng … năm …';
  return `Quyết định số ${number ?? `…/${symbol}`} ${date} của ${doc?.issuer ?? fallbackIssuer}`;
}

/** The issuer's head as decisions name the signer of an earlier decision: "Bộ trưởng Bộ Tư pháp", "Chủ tịch Ủy ban nhân dân tỉnh …". */
function issuerHead(issuer: Issuer): string {
  return `${headTitle(issuer)} ${issuer.role === 'province' ? `Ủy ban nhân dân ${locality(issuer)}` : issuer.agency.name}`;
}

function codesText(codes: readonly string[]): string {
  return codes.length > 1 ? `${codes.slice(0, -1).join(', ')} và ${codes[codes.length - 1]}` : codes[0]!;
}

/**
 * Điều 2 (issue 18 point 4): when the decision takes effect, then which earlier decisions' procedures
 * cease: the content of an amended procedure is replaced, an abolished one is "bãi bỏ … tại Quyết
 * định số …". The earlier decision is the issuer's own that announced the previous version (from the
 * registry); where it is not recorded, its number and date are blanks and the notes say so.
 */
function effectArticle(a: Announcement): string {
  const dates = [...new Set(a.changes.map((c) => c.effective))].sort();
  const sentences: string[] = [
    dates.length === 1
      ? `Quyết định này có hiệu lực thi hành kể từ ${formatDateLong(dates[0]!)}.`
      : `Quyết định này có hiệu lực thi hành kể từ ngày ký. ${dates.map((d) => `Thủ tục hành chính có số hồ sơ ${codesText(a.changes.filter((c) => c.effective === d).map((c) => c.code))} được áp dụng từ ${formatDateLong(d)}`).join('; ')}.`,
  ];
  for (const kind of ['amended', 'abolished'] as const) {
    const groups = new Map<string, { number: string | undefined; doc: LegalDocument | undefined; codes: string[] }>();
    for (const c of a.changes.filter((x) => x.kind === kind)) {
      const earlier = c.previous ? a.earlier.get(c.code) : undefined;
      const key = earlier?.number ?? '';
      const g = groups.get(key) ?? { number: earlier?.number, doc: earlier?.doc, codes: [] };
      g.codes.push(c.code);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const where = citeDecision(g.number, g.doc, issuerHead(a.issuer), a.symbol);
      const procedures = `thủ tục hành chính có số hồ sơ ${codesText(g.codes)}`;
      sentences.push(kind === 'amended' ? `Thay thế nội dung ${procedures} đã được công bố tại ${where}.` : `Bãi bỏ ${procedures} tại ${where}.`);
    }
  }
  return sentences.join(' ');
}

function responsibleArticle(a: Announcement): string {
  if (a.issuer.role === 'ministry') {
    return `Chánh Văn phòng ${/^bộ\s/i.test(a.issuer.agency.name) ? 'Bộ' : a.issuer.agency.name}, Thủ trưởng các đơn vị thuộc ${a.issuer.agency.name} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`;
  }
  const where = localityAgain(a.issuer);
  const province = where === 'Thành phố' ? 'Thành phố' : 'cấp tỉnh';
  // Before 1 July 2025 a province had district-level People's Committees, and its communes were xã, phường, thị trấn.
  const district = a.ctx.level('district');
  const hasDistricts = district !== undefined && district.effective.from <= a.effective && (!district.effective.until || a.effective <= district.effective.until);
  const local = hasDistricts
    ? 'Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn'
    : `Chủ tịch Ủy ban nhân dân các xã, phường${NO_SPECIAL_ZONES.has(a.issuer.agency.id) ? '' : ', đặc khu'}`;
  return `Chánh Văn phòng Ủy ban nhân dân ${where}; Giám đốc các sở, Thủ trưởng các ban, ngành ${province}; ${local} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`;
}

/**
 * The signer's title lines: the head ("BỘ TRƯỞNG", "CHỦ TỊCH"), or a deputy signing for the head
 * ("KT. BỘ TRƯỞNG" over "THỨ TRƯỞNG", "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"; Nghị định 30/2020/NĐ-CP, Điều 13).
 */
function signerLines(a: Announcement): string[] {
  const head = upperVi(headTitle(a.issuer));
  if (a.signer === 'head') return [head];
  const deputy = a.issuer.role === 'province' ? 'PHÓ CHỦ TỊCH' : head === 'BỘ TRƯỞNG' ? 'THỨ TRƯỞNG' : `PHÓ ${head}`;
  return [`KT. ${head}`, deputy];
}

/** The number of the last article, the one that names who carries the decision out ("Như Điều 3"). */
function lastArticle(a: Announcement): number {
  return a.listOnly && a.issuer.role === 'province' ? 4 : 3;
}

/**
 * The list-only decision's tasking article (issue 18 point 2): the department builds the internal and
 * the electronic process for each listed procedure and updates the provincial system, as the
 * provinces' decisions do (Quảng Bình QĐ 3218/QĐ-UBND, 2024).
 */
function taskingArticle(a: Announcement): string {
  const where = localityAgain(a.issuer);
  const who = a.department ? a.department.name : 'Sở …';
  return `Giao ${who} chủ trì, phối hợp với Văn phòng Ủy ban nhân dân ${where} và các cơ quan, đơn vị có liên quan xây dựng quy trình nội bộ, quy trình điện tử giải quyết các thủ tục hành chính nêu tại Điều 1, trình Chủ tịch Ủy ban nhân dân ${where} phê duyệt; cập nhật các thủ tục hành chính và quy trình đó trên Hệ thống thông tin giải quyết thủ tục hành chính ${where} theo quy định.`;
}

function recipients(a: Announcement): string[] {
  const lines = [`Như Điều ${lastArticle(a)};`, 'Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);'];
  if (a.issuer.role === 'ministry') {
    lines.push('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;', `Cổng Thông tin điện tử ${a.issuer.agency.name};`);
  } else {
    const ministries = [...new Set(a.changes.map((c) => sectorMinistry(a.ctx.catalogue, c)?.name).filter((n): n is string => n !== undefined))].sort(compareVietnamese);
    for (const m of ministries) lines.push(`${m};`);
    lines.push(`Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${localityAgain(a.issuer)};`, `Cổng Thông tin điện tử ${localityAgain(a.issuer)};`);
  }
  lines.push('Lưu: VT, ….');
  return lines.map((l) => `- ${l}`);
}

function decisionBlocks(a: Announcement): Block[] {
  const blocks: Block[] = [masthead(a)];
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong('QUYẾT ĐỊNH')] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong(a.title)] });
  blocks.push({ kind: 'columns', widths: [100], rows: [[{ lines: ['rule'], align: 'center', ruleWidths: [rulePercent(textWidthPt(a.title, 14, true), PAGE_TEXT_PT, 1 / 3)] }]] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong(authority(a.issuer))] });
  for (const line of a.grounds) blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [em(line)] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong('QUYẾT ĐỊNH:')] });
  blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [strong('Điều 1.'), ` Công bố kèm theo Quyết định này ${a.listOnly ? 'danh mục ' : ''}${subject(a.ctx, a.issuer, a.changes, true)}.`] });
  const articles = [...(a.listOnly && a.issuer.role === 'province' ? [taskingArticle(a)] : []), effectArticle(a), responsibleArticle(a)];
  // "./." closes the last line of the content (Nghị định 30/2020/NĐ-CP, Phụ lục I).
  articles[articles.length - 1] = `${articles[articles.length - 1]!}/.`;
  articles.forEach((text, i) => blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [strong(`Điều ${i + 2}.`), ` ${text}`] }));
  const list = recipients(a);
  blocks.push({
    kind: 'columns',
    widths: [50, 50],
    rows: [
      [
        // The recipients list: "Nơi nhận:" in 12 pt, the recipients in 11 pt (Nghị định 30/2020/NĐ-CP, Phụ lục I).
        // "Nơi nhận:" bold italic (Nghị định 30/2020/NĐ-CP, Phụ lục I).
        { lines: [[{ text: 'Nơi nhận:', style: 'strong-em' }], ...list.map((l) => [l])], align: 'left', sizes: [12, ...list.map(() => 11)] },
        { lines: [...signerLines(a).map((l) => [strong(l)]), [em('(Ký, ghi rõ họ tên, đóng dấu)')], [''], [''], [strong('[Họ và tên người ký]')]], align: 'center' },
      ],
    ],
  });
  return blocks;
}

function annexHeader(a: Announcement): Block[] {
  const date = a.signed ? formatDateLong(a.signed) : 'ngày … tháng … năm …';
  return [
    { kind: 'paragraph', align: 'center', content: [strong(upperVi(`Thủ tục hành chính ${subject(a.ctx, a.issuer, a.changes)}`))] },
    { kind: 'paragraph', align: 'center', content: [em(`(Kèm theo Quyết định số …/${a.symbol} ${date} của ${issuerHead(a.issuer)})`)] },
  ];
}

/** Changes grouped by level, in order, each with the heading letter. */
function byLevel(a: Announcement, changes: readonly AnnouncedChange[]): { letter: string; heading: string; changes: AnnouncedChange[] }[] {
  const groups = new Map<string, { order: number; names: string[]; changes: AnnouncedChange[] }>();
  for (const c of changes) {
    const k = levelKey(a.ctx, c);
    const g = groups.get(k.key) ?? { order: k.order, names: k.names, changes: [] };
    g.changes.push(c);
    groups.set(k.key, g);
  }
  return [...groups.entries()]
    .sort(([ka, x], [kb, y]) => x.order - y.order || ka.localeCompare(kb))
    .map(([, g], i) => ({ letter: String.fromCharCode(65 + i), heading: levelHeading(g.names), changes: g.changes }));
}

function basisCell(a: Announcement, change: AnnouncedChange): string[] {
  const basis = citeChangeBasis(a.ctx, change.version.data, formatDateCited);
  if (basis.length > 0) return basis;
  if (change.changeBasis.length > 0) return citeDocuments(change.changeBasis, (n) => a.ctx.legalDocument(n), formatDateCited);
  return ['…'];
}

function changedPartsText(change: AnnouncedChange): string {
  const parts = changedParts(change);
  return parts.length > 0 ? upperFirst(parts.map((p) => lowerFirst(partTitle(p))).join('; ')) : 'Không thay đổi nội dung thủ tục';
}

function listTable(a: Announcement, kind: AnnouncementKind, changes: readonly AnnouncedChange[]): Block {
  const field = (c: AnnouncedChange) => [a.ctx.fieldName(c.content.data.field)];
  const agencies = (c: AnnouncedChange) => agencyNames(a.ctx, c);
  const name = (c: AnnouncedChange) => c.content.data.name.vi;
  const cell = (lines: readonly string[]): Inline[] => linesInline(lines);
  if (a.listOnly && kind !== 'abolished') {
    return {
      kind: 'table',
      head: ['Số TT', 'Tên thủ tục hành chính', 'Thời hạn giải quyết', 'Địa điểm thực hiện', 'Phí, lệ phí', 'Căn cứ pháp lý', 'Cơ quan thực hiện'],
      widths: [5, 17, 15, 17, 14, 20, 12],
      align: ['center'],
      rows: changes.map((c, i) => {
        const v = c.content.data;
        return [
          [String(i + 1)],
          cell([name(c), `Mã số: ${c.code}`]),
          cell(timeLimitLines(a.ctx, v)),
          cell(whereLines(v)),
          cell(formatFees(v.fees, a.ctx.facts(v))),
          cell(citeDocuments(v.legalBasis ?? [], (n) => a.ctx.legalDocument(n), formatDateCited)),
          cell(agencies(c)),
        ];
      }),
    };
  }
  switch (kind) {
    case 'new':
      return { kind: 'table', head: ['STT', 'Tên thủ tục hành chính', 'Lĩnh vực', 'Cơ quan thực hiện'], widths: [6, 46, 22, 26], align: ['center'], rows: changes.map((c, i) => [[String(i + 1)], [name(c)], cell(field(c)), cell(agencies(c))]) };
    case 'amended':
      return {
        kind: 'table',
        head: ['STT', 'Số hồ sơ TTHC', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định nội dung sửa đổi, bổ sung', 'Nội dung sửa đổi, bổ sung', 'Lĩnh vực', 'Cơ quan thực hiện'],
        widths: [5, 10, 19, 24, 17, 12, 13],
        align: ['center', 'center'],
        rows: changes.map((c, i) => [[String(i + 1)], [c.code], [name(c)], cell(basisCell(a, c)), [changedPartsText(c)], cell(field(c)), cell(agencies(c))]),
      };
    case 'abolished':
      return {
        kind: 'table',
        head: ['STT', 'Số hồ sơ TTHC', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định việc bãi bỏ', 'Lĩnh vực', 'Cơ quan thực hiện'],
        widths: [5, 11, 27, 29, 13, 15],
        align: ['center', 'center'],
        rows: changes.map((c, i) => [[String(i + 1)], [c.code], [name(c)], cell(basisCell(a, c)), cell(field(c)), cell(agencies(c))]),
      };
  }
}

const LIST_TITLE: Record<AnnouncementKind, string> = {
  new: 'Danh mục thủ tục hành chính mới ban hành',
  amended: 'Danh mục thủ tục hành chính được sửa đổi, bổ sung',
  abolished: 'Danh mục thủ tục hành chính bị bãi bỏ',
};

function partOneBlocks(a: Announcement): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, align: 'center', text: a.listOnly ? 'DANH MỤC THỦ TỤC HÀNH CHÍNH' : 'PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH' }];
  kindsPresent(a).forEach((kind, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `${romanNumeral(i + 1)}. ${LIST_TITLE[kind]}` });
    for (const g of byLevel(
      a,
      a.changes.filter((c) => c.kind === kind),
    )) {
      blocks.push({ kind: 'heading', level: 3, text: `${g.letter}. ${g.heading}` });
      blocks.push(listTable(a, kind, g.changes));
    }
  });
  return blocks;
}

function citeShortAll(a: Announcement, refs: readonly LegalRef[]): string {
  return refs.map((r) => citeRefShort(r, a.ctx.legalDocument(r.document))).join('; ');
}

/** "Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ": a document named in a sentence of the decision. */
function citeInSentence(a: Announcement, number: string): string {
  const doc = a.ctx.legalDocument(number);
  if (!doc) return number;
  if (doc.type === 'law' || doc.type === 'ordinance') return citeDocument(doc, formatDateCited);
  return `${DOCUMENT_TYPE_VI[doc.type]} số ${doc.number}${doc.issued ? ` ngày ${formatDateCited(doc.issued)}` : ''} của ${doc.issuer}`;
}

/**
 * The one plain sentence Phần II gives an amended procedure (issue 18 point 1): the parts amended and
 * the amending document. The analysis of the change (what, why, how it is classified) is `tthc diff`'s
 * and the drafting notes'.
 */
function amendedSentence(a: Announcement, change: AnnouncedChange): string {
  const parts = changedParts(change).map((p) => lowerFirst(partTitle(p)));
  const docs = [...new Set(change.changeBasis.map((r) => r.document))].map((n) => citeInSentence(a, n));
  const by = docs.length > 0 ? ` theo ${docs.join('; ')}` : '';
  return parts.length > 0 ? `Nội dung được sửa đổi, bổ sung: ${parts.join('; ')}${by}.` : `Thủ tục hành chính được sửa đổi, bổ sung${by}.`;
}

/** The diff's analysis of an amendment, for the drafting notes: one line per change, with its classification and basis. */
function analysisNotes(ctx: BuildContext, change: AnnouncedChange): string[] {
  const who = `${change.code} (${change.content.data.name.vi})`;
  const out: string[] = [];
  for (const s of change.steps.map((x) => x.data.changedBy?.summary).filter((x): x is string => x !== undefined)) out.push(`${who}, tóm tắt thay đổi: ${s}`);
  for (const c of contentChanges(change)) {
    const label = AREA_VI[c.area];
    const text = c.summary.startsWith(`${label}:`) ? c.summary.slice(label.length + 1).trim() : c.summary;
    const basis = c.legalBasis.length > 0 ? ` Căn cứ: ${c.legalBasis.map((r) => citeRefShort(r, ctx.legalDocument(r.document))).join('; ')}.` : '';
    out.push(`${who}, thay đổi so với lần công bố trước (phân tích của tthc diff, không đưa vào Quyết định): ${label}: ${upperFirst(text)} Phân loại: ${lowerFirst(CLASSIFICATION_VI[c.classification])}.${basis}`);
  }
  return out;
}

function procedureBlocks(a: Announcement, change: AnnouncedChange, n: number): Block[] {
  const v = change.content.data;
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `${n}. ${v.name.vi}` }];
  const lead: Inline[] = [strong('Mã số: '), `${change.code}.`];
  if (change.kind === 'amended') lead.push(` ${amendedSentence(a, change)}`);
  blocks.push({ kind: 'paragraph', align: 'justify', content: lead });
  const parts: ProcedurePart[] = procedureParts(a.ctx, change.content, { decision: true, citeDate: formatDateCited });
  for (const p of parts) {
    blocks.push({ kind: 'paragraph', keepNext: true, content: [strong(`${point(p.number)}) ${p.title}:`)] });
    blocks.push(...partBlocksOf(p.blocks));
  }
  return blocks;
}

function partTwoBlocks(a: Announcement): Block[] {
  const detailed = a.changes.filter((c) => c.kind !== 'abolished');
  if (detailed.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 1, align: 'center', text: 'PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH' }];
  for (const g of byLevel(a, detailed)) {
    blocks.push({ kind: 'heading', level: 2, text: `${g.letter}. ${upperVi(g.heading)}` });
    g.changes.forEach((c, i) => blocks.push(...procedureBlocks(a, c, i + 1)));
  }
  return blocks;
}

function notesBlocks(a: Announcement): Block[] {
  return [
    { kind: 'heading', level: 1, align: 'center', text: 'GHI CHÚ SOẠN THẢO' },
    { kind: 'paragraph', align: 'center', content: [em('(Không thuộc nội dung Quyết định; xóa trước khi trình ký.)')] },
    { kind: 'list', items: a.notes.map((n) => [n]) },
  ];
}

/** The whole draft as the shared document model: decision, annex (Phần I, Phần II), drafting notes. */
export function announcementBlocks(a: Announcement): Block[] {
  const blocks = decisionBlocks(a);
  blocks.push({ kind: 'page', orientation: 'landscape' }, ...annexHeader(a), ...partOneBlocks(a));
  if (!a.listOnly) {
    const two = partTwoBlocks(a);
    if (two.length > 0) blocks.push({ kind: 'page', orientation: 'portrait' }, ...two);
  }
  blocks.push({ kind: 'page', orientation: 'portrait' }, ...notesBlocks(a));
  return blocks;
}

/** A print-like page: Times New Roman 14pt, the A4 text width, justified body, bordered tables. */
const DOCUMENT_STYLE = `body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.3;max-width:165mm;margin:2rem auto;padding:0 1rem;color:#000}
h1,h2,h3{font-size:14pt;margin:12pt 0 6pt}h1{text-align:center}p{margin:0 0 6pt}.center{text-align:center}.right{text-align:right}.justify{text-align:justify}.indent{text-indent:1cm}
table{border-collapse:collapse;width:100%;margin:6pt 0;font-size:13pt}th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}th{text-align:center}
table.layout td{border:none}.rule{display:block;width:40%;margin:2pt auto 0;border-top:1px solid #000}
hr.page{border:none;border-top:1px dashed #999;margin:2rem 0;break-before:page}ul{padding-left:1.2em}
@page{size:A4;margin:20mm 15mm 20mm 30mm}`;

/** JSON: the data of the draft, for machines (no rendered text beyond the Vietnamese wording of each part). */
export function announcementJson(a: Announcement): string {
  const ctx = a.ctx;
  return toJson({
    effective: a.effective,
    since: a.since,
    listOnly: a.listOnly,
    signed: a.signed ?? null,
    issuer: { id: a.issuer.agency.id, name: a.issuer.agency.name, role: a.issuer.role, level: a.issuer.level.id, symbol: a.symbol },
    title: a.title,
    grounds: a.grounds,
    counts: { new: a.changes.filter((c) => c.kind === 'new').length, amended: a.changes.filter((c) => c.kind === 'amended').length, abolished: a.changes.filter((c) => c.kind === 'abolished').length },
    changes: a.changes.map((c) => ({
      code: c.code,
      name: c.content.data.name.vi,
      kind: c.kind,
      effective: c.effective,
      version: c.version.data.version,
      previousVersion: c.previous?.data.version ?? null,
      levels: c.content.data.levels ?? [],
      field: c.content.data.field ?? null,
      agencies: agencyNames(ctx, c),
      changeBasis: c.changeBasis.map((r) => ({ ...r, citation: r.article ? citeRefShort(r, ctx.legalDocument(r.document)) : (ctx.legalDocument(r.document) ? citeDocument(ctx.legalDocument(r.document)!) : r.document) })),
      changeBasisSource: c.basisSource,
      changedParts: c.kind === 'amended' ? changedParts(c).map((p) => ({ id: p, title: partTitle(p) })) : [],
      changes: contentChanges(c).map((x) => ({ area: x.area, kind: x.kind, classification: x.classification, summary: x.summary, legalBasis: x.legalBasis.map((r) => citeRefShort(r, ctx.legalDocument(r.document))) })),
      parts: c.kind === 'abolished' ? null : procedureParts(ctx, c.content),
    })),
    outOfScope: a.outOfScope.map((o) => ({ code: o.change.code, kind: o.change.kind, reason: o.reason })),
    notAnnounced: a.selection.notAnnounced,
    deadline: {
      role: a.deadline.role,
      workingDays: a.deadline.workingDays,
      configured: a.deadline.configured,
      signed: a.deadline.signed ?? null,
      latestSigning: a.deadline.latestSigning ?? null,
      dates: a.deadline.dates,
      provisional: a.deadline.provisional,
    },
    problems: a.problems,
    notes: a.notes,
  });
}

/** Markdown, HTML (a complete page, every spec string escaped), DOCX (bytes) or JSON. */
export async function renderAnnouncement(a: Announcement, format: AnnouncementFormat): Promise<string | Uint8Array> {
  if (format === 'json') return announcementJson(a);
  const blocks = announcementBlocks(a);
  if (format === 'md') return renderMarkdown(blocks);
  const title = `Quyết định ${lowerFirst(a.title)}`;
  if (format === 'html') return renderHtml(title, blocks, { style: DOCUMENT_STYLE });
  const { renderDocx } = await import('./docx.js');
  return renderDocx(blocks, { title, date: a.signed ?? a.effective });
}

