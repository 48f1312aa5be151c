/**
 * The draft announcement decision (Quyết định công bố thủ tục hành chính): the decision itself in
 * Vietnamese administrative style, Phần I (the lists of new, amended and abolished procedures, by
 * level) and Phần II (every part of each new or amended procedure, from the same model as the detail
 * pages), or the provincial list-only variant. draftAnnouncement() gathers the data; the blocks are
 * the shared document model (rules/text/markup.ts), rendered to Markdown, HTML or DOCX; JSON is the data.
 *
 * Not a build output: a decision is drafted for one effective date (or window), one issuer and one
 * signing date, and is edited by hand afterwards, so it is produced on request by `tthc announce`.
 */
import type { Catalogue } from '../../rules/load/catalogue.js';
import type { WorkingCalendar } from '../../rules/compute/calendar.js';
import type { IsoDate } from '../../rules/compute/dates.js';
import type { Change, ChangeArea } from '../../rules/compute/diff/index.js';
import {
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
import type { LegalRef } from '../../rules/schema/types/procedure-version.js';
import type { LegalDocument, LegalDocumentType } from '../../rules/schema/types/registry.js';
import { linesInline, renderHtml, renderMarkdown, toJson, type Block, type Inline } from '../../rules/text/markup.js';
import { UsageError } from '../../rules/errors.js';
import {
  agencyAbbreviation,
  AREA_VI,
  CLASSIFICATION_VI,
  citeDocument,
  citeDocumentShort,
  citeDocuments,
  citeGround,
  citeRefShort,
  compareVietnamese,
  formatDate,
  formatDateLong,
  formatFees,
  lowerFirst,
  PART_TITLES_VI,
  POINT_LETTERS_VI,
  romanNumeral,
  upperFirst,
  upperVi,
  type PartId,
} from '../../rules/text/vi.js';
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
  ctx: BuildContext;
}

const KIND_PHRASE: Record<AnnouncementKind, string> = {
  new: 'mới ban hành',
  amended: 'được sửa đổi, bổ sung, thay thế',
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

/** "Hà Nội": the place in the date line. Ministries sit in Hà Nội; a province writes its own name. */
function place(issuer: Issuer): string {
  if (issuer.role === 'ministry') return 'Hà Nội';
  return issuer.agency.generic ? '…' : locality(issuer).replace(/^(tỉnh|thành phố)\s+/i, '');
}

/** What the decision is about, after "thủ tục hành chính": kinds, fields and whose. */
function subject(ctx: BuildContext, issuer: Issuer, changes: readonly AnnouncedChange[]): string {
  const kinds = (['new', 'amended', 'abolished'] as const).filter((k) => changes.some((c) => c.kind === k)).map((k) => KIND_PHRASE[k]);
  const kindText = kinds.length > 1 ? `${kinds.slice(0, -1).join('; ')} và ${kinds[kinds.length - 1]}` : kinds[0]!;
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
  return upperVi(`${headTitle(issuer)} ${issuer.role === 'province' ? `Ủy ban nhân dân ${locality(issuer)}` : issuer.agency.name}`);
}

function byForceThenDate(a: LegalDocument, b: LegalDocument): number {
  return FORCE[a.type] - FORCE[b.type] || (a.issued ?? '').localeCompare(b.issued ?? '') || a.number.localeCompare(b.number);
}

/** The opening lines: the issuer's organisation, the rules on controlling procedures, the documents that make the changes, the proposer. */
function groundLines(ctx: BuildContext, issuer: Issuer, changes: readonly AnnouncedChange[], date: IsoDate, notes: string[]): string[] {
  const lines: string[] = [];
  const cited = new Set<string>();
  const cite = (number: string) => {
    if (cited.has(number)) return;
    cited.add(number);
    const doc = ctx.legalDocument(number);
    lines.push(`Căn cứ ${doc ? citeGround(doc) : number};`);
  };
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
    notes.push(`Danh mục cơ quan chưa ghi văn bản quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${issuer.agency.name} còn hiệu lực ngày ${formatDate(date)} (organisationBasis của ${issuer.agency.id}): dòng căn cứ đầu tiên để trống cho người soạn thảo điền.`);
  }
  TTHC_CONTROL_DOCUMENTS.forEach(cite);
  const changing = new Map<string, LegalDocument | undefined>();
  for (const c of changes) for (const r of c.changeBasis) changing.set(r.document, ctx.legalDocument(r.document));
  const known = [...changing.values()].filter((d): d is LegalDocument => d !== undefined).sort(byForceThenDate);
  const unknown = [...changing].filter(([, d]) => d === undefined).map(([n]) => n).sort();
  for (const d of known) cite(d.number);
  for (const n of unknown) cite(n);
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
  const grounds = groundLines(ctx, issuer, changes, groundsDate, notes);
  const problems = selection.problems.filter((d) => changes.some((c) => c.steps.some((s) => s.file.display === d.file) || c.version.file.display === d.file));
  notes.unshift(...deadlineNotes(issuer, deadline));
  for (const o of outOfScope) notes.push(`${o.change.code} (${KIND_PHRASE[o.change.kind]}) không thuộc thẩm quyền công bố của ${issuer.agency.name}: ${outOfScopeVi(catalogue, o)}.`);
  for (const n of selection.notAnnounced) notes.push(n.note);
  for (const p of problems) notes.push(`Lỗi: ${p.file}: ${p.message}`);
  if (issuer.role === 'ministry' && !/^bộ\s/i.test(issuer.agency.name)) notes.push(`Chức danh người đứng đầu ${issuer.agency.name} cần được ghi đúng trong dòng thẩm quyền và phần ký.`);
  if (issuer.role === 'ministry') notes.push(`Ký hiệu QĐ-${agencyAbbreviation(issuer.agency.name)} được lập từ chữ cái đầu của tên cơ quan; cần đối chiếu ký hiệu chính thức.`);

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
    title: `Về việc công bố danh mục thủ tục hành chính ${subject(ctx, issuer, changes)}`,
    grounds,
    problems,
    notes,
    symbol: `QĐ-${agencyAbbreviation(issuer.agency.name)}`,
    ctx,
  };
}

function outOfScopeVi(catalogue: Catalogue, o: Announcement['outOfScope'][number]): string {
  const ministry = sectorMinistry(catalogue, o.change);
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
  for (const p of d.provisional) out.push(`Lịch làm việc năm ${p.year} là tạm tính: ${p.reason}`);
  return out;
}

// ——— The document ———

const strong = (text: string): Inline => ({ text, style: 'strong' });
const em = (text: string): Inline => ({ text, style: 'em' });

/** The letter of the n-th point (1-based): a) b) c) d) đ) … */
function point(n: number): string {
  return POINT_LETTERS_VI[n - 1] ?? String(n);
}

function masthead(a: Announcement): Block {
  const issuerLines: (Inline[] | 'rule')[] =
    a.issuer.role === 'province' && /^ủy ban nhân dân/i.test(a.issuer.agency.name)
      ? [[strong('ỦY BAN NHÂN DÂN')], [strong(upperVi(locality(a.issuer)))], 'rule']
      : [[strong(upperVi(a.issuer.agency.name))], 'rule'];
  const date = a.signed ? formatDateLong(a.signed) : 'ngày … tháng … năm …';
  // Sizes of Nghị định 30/2020/NĐ-CP, Phụ lục I: issuer and national name 12–13 pt, motto 13–14 pt, number 13 pt, place and date 13–14 pt.
  return {
    kind: 'columns',
    widths: [37, 63],
    rows: [
      [
        { lines: issuerLines, align: 'center', sizes: issuerLines.map(() => 12) },
        { lines: [[strong('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')], [strong('Độc lập - Tự do - Hạnh phúc')], 'rule'], align: 'center', sizes: [12, 13, 13] },
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

/** Điều 2: one date for all, or the date of each group of codes. */
function effectArticle(a: Announcement): string {
  const dates = [...new Set(a.changes.map((c) => c.effective))].sort();
  let text =
    dates.length === 1
      ? `Quyết định này có hiệu lực thi hành kể từ ${formatDateLong(dates[0]!)}.`
      : `Quyết định này có hiệu lực thi hành kể từ ngày ký. ${dates.map((d) => `Thủ tục hành chính có mã số ${a.changes.filter((c) => c.effective === d).map((c) => c.code).join(', ')} được áp dụng từ ${formatDateLong(d)}`).join('; ')}.`;
  const replaced = (['amended', 'abolished'] as const).filter((k) => a.changes.some((c) => c.kind === k)).map((k) => KIND_PHRASE[k]);
  if (replaced.length > 0) {
    text += ` Nội dung đã công bố trước đây của các thủ tục hành chính ${replaced.join(' và ')} nêu tại Điều 1 (Quyết định số …/… ngày … tháng … năm …) hết hiệu lực kể từ ngày các thủ tục hành chính đó được áp dụng theo Quyết định này.`;
  }
  return text;
}

function responsibleArticle(a: Announcement): string {
  if (a.issuer.role === 'ministry') {
    return `Chánh Văn phòng ${/^bộ\s/i.test(a.issuer.agency.name) ? 'Bộ' : a.issuer.agency.name}, Thủ trưởng các đơn vị thuộc ${a.issuer.agency.name} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`;
  }
  const where = locality(a.issuer);
  // Before 1 July 2025 a province had district-level People's Committees, and its communes were xã, phường, thị trấn.
  const district = a.ctx.level('district');
  const hasDistricts = district !== undefined && district.effective.from <= a.effective && (!district.effective.until || a.effective <= district.effective.until);
  const local = hasDistricts
    ? 'Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn'
    : 'Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu';
  return `Chánh Văn phòng Ủy ban nhân dân ${where}; Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; ${local} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`;
}

function recipients(a: Announcement): string[] {
  const lines = ['Như Điều 3;', 'Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);'];
  if (a.issuer.role === 'ministry') {
    lines.push('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương;', `Cổng Thông tin điện tử ${a.issuer.agency.name};`);
  } else {
    const ministries = [...new Set(a.changes.map((c) => sectorMinistry(a.ctx.catalogue, c)?.name).filter((n): n is string => n !== undefined))].sort(compareVietnamese);
    for (const m of ministries) lines.push(`${m};`);
    lines.push(`Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${locality(a.issuer)};`, `Cổng Thông tin điện tử ${locality(a.issuer)};`);
  }
  lines.push('Lưu: VT, ….');
  return lines.map((l) => `- ${l}`);
}

function decisionBlocks(a: Announcement): Block[] {
  const blocks: Block[] = [masthead(a)];
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong('QUYẾT ĐỊNH')] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong(a.title)] });
  blocks.push({ kind: 'columns', widths: [100], rows: [[{ lines: ['rule'], align: 'center' }]] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong(authority(a.issuer))] });
  for (const line of a.grounds) blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [em(line)] });
  blocks.push({ kind: 'paragraph', align: 'center', content: [strong('QUYẾT ĐỊNH:')] });
  const kinds = kindsPresent(a);
  const what = a.listOnly || (kinds.length === 1 && kinds[0] === 'abolished') ? 'danh mục thủ tục hành chính' : 'danh mục và nội dung cụ thể của thủ tục hành chính';
  blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [strong('Điều 1.'), ` Công bố kèm theo Quyết định này ${what} ${subject(a.ctx, a.issuer, a.changes)}.`] });
  blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [strong('Điều 2.'), ` ${effectArticle(a)}`] });
  blocks.push({ kind: 'paragraph', align: 'justify', indent: true, content: [strong('Điều 3.'), ` ${responsibleArticle(a)}`] });
  const head = upperVi(headTitle(a.issuer));
  const list = recipients(a);
  blocks.push({
    kind: 'columns',
    widths: [50, 50],
    rows: [
      [
        // The recipients list: "Nơi nhận:" in 12 pt, the recipients in 11 pt (Nghị định 30/2020/NĐ-CP, Phụ lục I).
        { lines: [[strong('Nơi nhận:')], ...list.map((l) => [l])], align: 'left', sizes: [12, ...list.map(() => 11)] },
        { lines: [[strong(head)], [em('(Ký, ghi rõ họ tên, đóng dấu)')], [''], [''], [strong('[Họ và tên người ký]')]], align: 'center' },
      ],
    ],
  });
  return blocks;
}

function annexHeader(a: Announcement): Block[] {
  const date = a.signed ? formatDateLong(a.signed) : 'ngày … tháng … năm …';
  return [
    { kind: 'paragraph', align: 'center', content: [strong(upperVi(`Thủ tục hành chính ${subject(a.ctx, a.issuer, a.changes)}`))] },
    { kind: 'paragraph', align: 'center', content: [em(`(Kèm theo Quyết định số …/${a.symbol} ${date} của ${headTitle(a.issuer)} ${a.issuer.role === 'province' ? `Ủy ban nhân dân ${locality(a.issuer)}` : a.issuer.agency.name})`)] },
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
  const basis = citeChangeBasis(a.ctx, change.version.data);
  if (basis.length > 0) return basis;
  if (change.changeBasis.length > 0) return citeDocuments(change.changeBasis, (n) => a.ctx.legalDocument(n));
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
          cell(citeDocuments(v.legalBasis ?? [], (n) => a.ctx.legalDocument(n))),
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
        head: ['STT', 'Số hồ sơ TTHC', 'Tên thủ tục hành chính', 'Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế', 'Nội dung sửa đổi, bổ sung', 'Lĩnh vực', 'Cơ quan thực hiện'],
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
  amended: 'Danh mục thủ tục hành chính được sửa đổi, bổ sung, thay thế',
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

function procedureBlocks(a: Announcement, change: AnnouncedChange, n: number): Block[] {
  const v = change.content.data;
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `${n}. ${v.name.vi}` }];
  const basis = basisCell(a, change).join('; ');
  const lead: Inline[] = [strong('Mã số: '), `${change.code}. `];
  lead.push(change.kind === 'new' ? `Thủ tục hành chính mới ban hành, áp dụng từ ngày ${formatDate(change.effective)} theo ${basis}.` : `Thủ tục hành chính được sửa đổi, bổ sung, thay thế, áp dụng từ ngày ${formatDate(change.effective)} theo ${basis}.`);
  blocks.push({ kind: 'paragraph', align: 'justify', content: lead });
  if (change.kind === 'amended') {
    blocks.push({ kind: 'paragraph', align: 'justify', content: [strong('Nội dung sửa đổi, bổ sung: '), `${changedPartsText(change)}.`] });
    const summaries = change.steps.map((s) => s.data.changedBy?.summary).filter((s): s is string => s !== undefined);
    for (const s of summaries) blocks.push({ kind: 'paragraph', align: 'justify', content: [em(s)] });
    const items = contentChanges(change).map((c): Inline[] => {
      // Some summaries already open with the area ("Căn cứ pháp lý: bỏ 0, thêm 1 trích dẫn.").
      const label = AREA_VI[c.area];
      const text = c.summary.startsWith(`${label}:`) ? c.summary.slice(label.length + 1).trim() : c.summary;
      const item: Inline[] = [`${label}: ${upperFirst(text)} Phân loại: ${lowerFirst(CLASSIFICATION_VI[c.classification])}.`];
      if (c.legalBasis.length > 0) item.push(` Căn cứ: ${citeShortAll(a, c.legalBasis)}.`);
      return item;
    });
    if (items.length > 0) blocks.push({ kind: 'list', items });
  }
  const parts: ProcedurePart[] = procedureParts(a.ctx, change.content);
  for (const p of parts) {
    blocks.push({ kind: 'paragraph', content: [strong(`${point(p.number)}) ${p.title}:`)] });
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

