/**
 * Vietnamese administrative wording, generated from structured data. Every generator (listing,
 * announcement, reports, site) phrases things through here, so the same fact always reads the same.
 */
import type { Channel, ChannelKind, Condition, Document, Duration, FactDefinition, Fee, LegalRef, Result, Step, Subject, TimeLimit, TimeUnit } from '../schema/types/procedure-version.js';
import type { LegalDocument, LegalDocumentType } from '../schema/types/registry.js';

/** Two-digit counts as administrative texts write them: 01, 05, 10, 120. */
export function twoDigits(n: number): string {
  if (!Number.isInteger(n) || n < 0) return formatNumber(n);
  return n < 10 ? `0${n}` : String(n);
}

/** Thousands with dots, decimals with a comma: 2.000.000; 1,5. */
export function formatNumber(n: number): string {
  const negative = n < 0;
  const [whole, fraction] = Math.abs(n).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (fraction ? ',' + fraction : '');
}

/** 200.000 đồng. */
export function formatVnd(amount: number): string {
  return `${formatNumber(amount)} đồng`;
}

export function formatMoney(amount: number, currency: 'VND' | 'USD' = 'VND'): string {
  return currency === 'USD' ? `${formatNumber(amount)} USD` : formatVnd(amount);
}

/** dd/mm/yyyy. */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * "ngày 15 tháng 11 năm 2015", as the opening lines and the date line of a decision write dates.
 * Days below 10 and the months 1 and 2 take a leading zero, the other months none ("ngày 08 tháng 6
 * năm 2010", "ngày 01 tháng 01 năm 2026"): Nghị định 30/2020/NĐ-CP, Phụ lục I, on the date of issue.
 */
export function formatDateLong(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `ngày ${iso.slice(8, 10)} tháng ${month < 3 ? iso.slice(5, 7) : String(month)} năm ${iso.slice(0, 4)}`;
}

export const UNIT_VI: Record<TimeUnit, string> = {
  hours: 'giờ làm việc',
  'working-days': 'ngày làm việc',
  days: 'ngày',
  months: 'tháng',
};

/** "05 ngày làm việc", "1,5 ngày làm việc", "30 ngày". */
export function formatDuration(d: Duration): string {
  const value = Number.isInteger(d.value) ? twoDigits(d.value) : formatNumber(d.value);
  return `${value} ${UNIT_VI[d.unit]}`;
}

const START_VI: Record<TimeLimit['start'], string> = {
  'complete-dossier': 'kể từ ngày nhận đủ hồ sơ hợp lệ',
  receipt: 'kể từ ngày nhận hồ sơ',
  other: '',
};

/** "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"; 0 reads "Ngay trong ngày nhận đủ hồ sơ hợp lệ". */
export function formatTimeLimit(limit: TimeLimit): string {
  if (limit.value === 0) {
    const start = limit.start === 'receipt' ? 'nhận hồ sơ' : 'nhận đủ hồ sơ hợp lệ';
    return limit.unit === 'hours' ? `Ngay khi ${start}` : `Ngay trong ngày ${start}`;
  }
  let start = limit.start === 'other' ? (limit.startNote ? ` ${lowerFirst(limit.startNote)}` : '') : ` ${START_VI[limit.start]}`;
  // Hours run from the moment of receipt, not from a day.
  if (limit.unit === 'hours') start = start.replace('kể từ ngày nhận', 'kể từ khi nhận');
  return `${formatDuration(limit)}${start}`;
}

/** "01 bản chính, 01 bản sao"; certified copies read "bản sao có chứng thực". */
export function formatCopies(originals: number, copies: number, certified = false): string {
  const parts: string[] = [];
  if (originals > 0) parts.push(`${twoDigits(originals)} bản chính`);
  if (copies > 0) parts.push(`${twoDigits(copies)} ${certified ? 'bản sao có chứng thực' : 'bản sao'}`);
  return parts.length > 0 ? parts.join(', ') : 'Không phải nộp';
}

export const FEE_KIND_VI: Record<Fee['kind'], string> = { phi: 'Phí', 'le-phi': 'Lệ phí' };

export const CHANNEL_VI: Record<ChannelKind, string> = {
  'in-person': 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

export const PORTAL_VI = {
  'national-portal': 'Cổng Dịch vụ công quốc gia',
  'provincial-portal': 'Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh',
  vneid: 'Ứng dụng VNeID',
  'ministry-system': 'Hệ thống thông tin giải quyết thủ tục hành chính của bộ, ngành',
} as const;

export const STATUS_VI = { draft: 'dự thảo', proposed: 'đề xuất', published: 'đã công bố', repealed: 'đã bãi bỏ' } as const;

export const ONLINE_SERVICE_VI = { full: 'Dịch vụ công trực tuyến toàn trình', partial: 'Dịch vụ công trực tuyến một phần' } as const;

export const SUBJECT_VI: Record<Subject['kind'], string> = {
  citizen: 'Công dân Việt Nam',
  'overseas-vietnamese': 'Người Việt Nam định cư ở nước ngoài',
  foreigner: 'Người nước ngoài',
  enterprise: 'Doanh nghiệp',
  'foreign-invested-enterprise': 'Doanh nghiệp có vốn đầu tư nước ngoài',
  organisation: 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
  'foreign-organisation': 'Tổ chức nước ngoài',
  cooperative: 'Hợp tác xã',
  'public-servant': 'Cán bộ, công chức, viên chức',
  other: 'Khác',
};

export function formatSubject(s: Subject): string {
  return s.label ?? SUBJECT_VI[s.kind];
}

export const VARIABLE_FEE_VI = {
  'provincial-council': 'mức thu do Hội đồng nhân dân cấp tỉnh quy định',
  'not-recorded': 'mức thu chưa được cập nhật trong danh mục này',
} as const;

/** "Lệ phí: 200.000 đồng/hồ sơ"; a zero amount reads "Miễn lệ phí" / "Miễn phí"; a variable one says who sets it. */
export function formatFee(fee: Fee): string {
  if (fee.amount === undefined) return `${FEE_KIND_VI[fee.kind]}: ${fee.variable ? VARIABLE_FEE_VI[fee.variable.setBy] : VARIABLE_FEE_VI['not-recorded']}`;
  if (fee.amount === 0) return fee.kind === 'le-phi' ? 'Miễn lệ phí' : 'Miễn phí';
  return `${FEE_KIND_VI[fee.kind]}: ${formatMoney(fee.amount, fee.currency ?? 'VND')}${fee.unit ? `/${fee.unit}` : ''}`;
}

export const DOCUMENT_TYPE_VI: Record<LegalDocumentType, string> = {
  law: 'Luật',
  ordinance: 'Pháp lệnh',
  'na-resolution': 'Nghị quyết',
  decree: 'Nghị định',
  'government-resolution': 'Nghị quyết',
  'pm-decision': 'Quyết định',
  circular: 'Thông tư',
  'joint-circular': 'Thông tư liên tịch',
  'provincial-resolution': 'Nghị quyết',
  'provincial-decision': 'Quyết định',
  decision: 'Quyết định',
  other: 'Văn bản',
};

/**
 * A legal document as decisions cite it. Laws by name and number ("Luật Hộ tịch số 60/2014/QH13");
 * other documents by type, number, date and issuer, then the rest of the title ("Nghị định số
 * 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết …").
 */
export function citeDocument(doc: LegalDocument): string {
  if (doc.type === 'law' || doc.type === 'ordinance') {
    return doc.title.includes(doc.number) ? doc.title : `${doc.title} số ${doc.number}`;
  }
  const typeWord = DOCUMENT_TYPE_VI[doc.type];
  const rest = stripLeadingType(doc.title, typeWord, doc.number);
  return `${typeWord} số ${doc.number}${doc.issued ? ` ngày ${formatDate(doc.issued)}` : ''} của ${doc.issuer}${rest ? ` ${rest}` : ''}`;
}

function stripLeadingType(title: string, typeWord: string, number: string): string {
  let rest = title.trim();
  for (const word of [typeWord, 'Thông tư liên tịch', 'Thông tư', 'Nghị định', 'Nghị quyết', 'Quyết định']) {
    if (rest.toLowerCase().startsWith(word.toLowerCase() + ' ')) {
      rest = rest.slice(word.length + 1);
      break;
    }
  }
  rest = rest.replace(new RegExp(`^(số\\s+)?${escapeRegExp(number)}\\s*`), '');
  return rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A legal document as the opening lines (căn cứ) of a decision cite it: laws and ordinances by name and
 * date of adoption ("Luật Hộ tịch ngày 20 tháng 11 năm 2014"), other documents by type, number, long
 * date, issuer and the rest of the title ("Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của
 * Chính phủ về kiểm soát thủ tục hành chính"). Without a date of issue, the number stands in for it.
 */
export function citeGround(doc: LegalDocument): string {
  if (doc.type === 'law' || doc.type === 'ordinance') {
    return doc.issued ? `${doc.title} ${formatDateLong(doc.issued)}` : citeDocument(doc);
  }
  const typeWord = DOCUMENT_TYPE_VI[doc.type];
  const rest = stripLeadingType(doc.title, typeWord, doc.number);
  return `${typeWord} số ${doc.number}${doc.issued ? ` ${formatDateLong(doc.issued)}` : ''} của ${doc.issuer}${rest ? ` ${rest}` : ''}`;
}

/** A legal document by type and number only: "Nghị quyết số 66.7/2025/NQ-CP", "Luật Hộ tịch số 60/2014/QH13". */
export function citeDocumentShort(number: string, doc: LegalDocument | undefined): string {
  if (!doc) return number;
  if (doc.type === 'law' || doc.type === 'ordinance') return citeDocument(doc);
  return `${DOCUMENT_TYPE_VI[doc.type]} số ${doc.number}`;
}

/** "điểm a khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"; falls back to the number when unregistered. */
export function citeRef(ref: LegalRef, doc: LegalDocument | undefined): string {
  const where = [ref.point ? `điểm ${ref.point}` : '', ref.clause ? `khoản ${ref.clause}` : '', ref.article ? `Điều ${ref.article}` : ''].filter(Boolean).join(' ');
  const what = doc ? citeDocument(doc) : ref.document;
  return where ? `${where} ${what}` : what;
}

/** "khoản 1 Điều 2 Nghị định số 123/2015/NĐ-CP": a citation with the document by type and number only. */
export function citeRefShort(ref: LegalRef, doc: LegalDocument | undefined): string {
  const where = [ref.point ? `điểm ${ref.point}` : '', ref.clause ? `khoản ${ref.clause}` : '', ref.article ? `Điều ${ref.article}` : ''].filter(Boolean).join(' ');
  const what = citeDocumentShort(ref.document, doc);
  return where ? `${where} ${what}` : what;
}

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase('vi') + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * Folds Vietnamese text for search and sorting: NFC, lower case, diacritics removed, đ → d.
 * "Đăng ký khai sinh" and "dang ky khai sinh" fold to the same key.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Orders Vietnamese text the way a Vietnamese reader expects (Đ after D, tones secondary). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The parts of a procedure in the order of Phần II of the announcement layout (TT 02/2017/TT-VPCP). */
export const PART_TITLES_VI = {
  steps: 'Trình tự thực hiện',
  channels: 'Cách thức thực hiện',
  dossier: 'Thành phần, số lượng hồ sơ',
  timeLimit: 'Thời hạn giải quyết',
  subjects: 'Đối tượng thực hiện thủ tục hành chính',
  agencies: 'Cơ quan thực hiện thủ tục hành chính',
  results: 'Kết quả thực hiện thủ tục hành chính',
  fees: 'Phí, lệ phí',
  forms: 'Tên mẫu đơn, mẫu tờ khai',
  requirements: 'Yêu cầu, điều kiện thực hiện thủ tục hành chính',
  legalBasis: 'Căn cứ pháp lý của thủ tục hành chính',
} as const;

export type PartId = keyof typeof PART_TITLES_VI;

export const ACTOR_VI: Record<Step['actor'], string> = {
  applicant: 'Tổ chức, cá nhân',
  agency: 'Cơ quan giải quyết',
  'coordinating-agency': 'Cơ quan phối hợp',
  other: 'Bên liên quan',
};

export const AGENCY_ROLE_VI = {
  competent: 'Cơ quan có thẩm quyền quyết định',
  implementing: 'Cơ quan trực tiếp thực hiện',
  delegated: 'Cơ quan được ủy quyền, phân cấp thực hiện',
  coordinating: 'Cơ quan phối hợp',
} as const;

/** How long a result stays valid: "Không thời hạn", "60 tháng". */
export function formatValidity(validity: Result['validity']): string {
  return validity === undefined || validity === 'indefinite' ? 'Không thời hạn' : formatDuration(validity);
}

/** "nộp hồ sơ trực tuyến": the built-in channel fact, as a clause. */
const CHANNEL_CLAUSE_VI: Record<ChannelKind, string> = {
  'in-person': 'nộp hồ sơ trực tiếp',
  online: 'nộp hồ sơ trực tuyến',
  postal: 'nộp hồ sơ qua dịch vụ bưu chính công ích',
};

/** A negated condition's positive form: {fact, equals: false} → {fact, equals: true}; {not: X} → X. */
function negatedForm(condition: Condition, facts: ReadonlyMap<string, FactDefinition>): Condition | undefined {
  if ('not' in condition) return condition.not;
  if (!('fact' in condition)) return undefined;
  const isBoolean = facts.get(condition.fact)?.type === 'boolean';
  if ((isBoolean || typeof condition.equals === 'boolean') && condition.equals === false) return { fact: condition.fact, equals: true };
  if ((isBoolean || typeof condition.notEquals === 'boolean') && condition.notEquals === true) return { fact: condition.fact, equals: true };
  return undefined;
}

/**
 * A condition on facts as a Vietnamese clause, to follow "trường hợp": "đăng ký khai sinh đúng hạn",
 * "số bản Phiếu lý lịch tư pháp từ 3 trở lên", "nộp hồ sơ trực tuyến". Fact labels are statements
 * ("Người yêu cầu là sinh viên"), so a negation inside a compound reads "không phải trường hợp …".
 */
export function formatCondition(condition: Condition, facts: ReadonlyMap<string, FactDefinition>, nested = false): string {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const text = parts.map((c) => formatCondition(c, facts, true)).join('all' in condition ? ' và ' : ' hoặc ');
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  const negated = negatedForm(condition, facts);
  if (negated) return `không phải trường hợp ${formatCondition(negated, facts, true)}`;
  if (!('fact' in condition)) return '';
  if (condition.fact === 'channel') {
    const kinds = (condition.in ?? [condition.equals ?? condition.notEquals]) as ChannelKind[];
    const clause = kinds.map((k) => CHANNEL_CLAUSE_VI[k] ?? String(k)).join(' hoặc ');
    return condition.notEquals !== undefined ? `không ${clause}` : clause;
  }
  const fact = facts.get(condition.fact);
  const label = lowerFirst(fact?.label ?? condition.fact);
  const value = (v: string | number | boolean) => (typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? (v ? 'có' : 'không') : (fact?.values?.find((x) => x.value === v)?.label ?? v));
  if (condition.equals !== undefined) {
    if (fact?.type === 'boolean' || typeof condition.equals === 'boolean') return label;
    return fact?.type === 'integer' ? `${label} bằng ${value(condition.equals)}` : `${label} là ${value(condition.equals)}`;
  }
  if (condition.notEquals !== undefined) {
    if (typeof condition.notEquals === 'boolean') return label;
    return `${label} không phải là ${value(condition.notEquals)}`;
  }
  if (condition.in !== undefined) return `${label} là ${condition.in.map(value).join(' hoặc ')}`;
  if (condition.gte !== undefined) return `${label} từ ${formatNumber(condition.gte)} trở lên`;
  if (condition.lte !== undefined) return `${label} không quá ${formatNumber(condition.lte)}`;
  if (condition.gt !== undefined) return `${label} lớn hơn ${formatNumber(condition.gt)}`;
  if (condition.lt !== undefined) return `${label} nhỏ hơn ${formatNumber(condition.lt)}`;
  return label;
}

/**
 * The lead-in official texts use for a conditional part: "Trường hợp đăng ký khai sinh quá hạn";
 * a negated condition reads "Trừ trường hợp người yêu cầu là sinh viên, học sinh".
 */
export function formatCase(condition: Condition, facts: ReadonlyMap<string, FactDefinition>): string {
  const negated = negatedForm(condition, facts);
  return negated ? `Trừ trường hợp ${formatCondition(negated, facts)}` : `Trường hợp ${formatCondition(condition, facts)}`;
}

/** A form as dossiers name it: "Tờ khai … (Mẫu số 03/2013/TT-LLTP)"; a bare code reads "(mẫu CT01)". */
export function formatFormName(form: { name: string; code?: string }): string {
  if (!form.code) return form.name;
  return `${form.name} (${/^mẫu/i.test(form.code) ? form.code : `mẫu ${form.code}`})`;
}

/**
 * The amount of one fee as it is charged: "200.000 đồng/Phiếu", "5.000 đồng/bản × (Số bản − 2)";
 * zero reads "Miễn phí" or "Miễn lệ phí"; a variable amount says who sets it.
 */
export function formatFeeAmount(fee: Fee, facts: ReadonlyMap<string, FactDefinition>): string {
  if (fee.amount === undefined) return VARIABLE_FEE_VI[fee.variable?.setBy ?? 'not-recorded'];
  if (fee.amount === 0) return fee.kind === 'le-phi' ? 'Miễn lệ phí' : 'Miễn phí';
  let text = `${formatMoney(fee.amount, fee.currency ?? 'VND')}${fee.unit ? `/${fee.unit}` : ''}`;
  if (fee.quantity) {
    const label = facts.get(fee.quantity.fact)?.label ?? fee.quantity.fact;
    const offset = fee.quantity.offset ?? 0;
    text += ` × (${label}${offset < 0 ? ` − ${formatNumber(-offset)}` : offset > 0 ? ` + ${formatNumber(offset)}` : ''})`;
  }
  return text;
}

/** "trực tiếp, trực tuyến": the channels a fee is limited to, mid-sentence. */
export function formatChannelList(kinds: readonly ChannelKind[]): string {
  return kinds.map((k) => lowerFirst(CHANNEL_VI[k])).join(', ');
}

/** ". Miễn: người khuyết tật" for each exemption; a reason already worded "Miễn …" is kept as it is. */
export function formatExemptions(fee: Fee): string {
  return (fee.exemptions ?? []).map((e) => (/^miễn\b/i.test(e.reason) ? `. ${e.reason}` : `. Miễn: ${e.reason}`)).join('');
}

/**
 * One fee as a line of a listing or detail page: name, amount, the channels and case it applies to,
 * and its exemptions. "Lệ phí đăng ký khai sinh: 8.000 đồng/hồ sơ (nộp trực tuyến). Miễn: …".
 */
export function formatFeeLine(fee: Fee, facts: ReadonlyMap<string, FactDefinition>): string {
  const scope: string[] = [];
  if (fee.channels) scope.push(`nộp ${formatChannelList(fee.channels)}`);
  if (fee.when) scope.push(lowerFirst(formatCase(fee.when, facts)));
  let text = `${fee.name}: ${formatFeeAmount(fee, facts)}${scope.length > 0 ? ` (${scope.join('; ')})` : ''}`;
  text += formatExemptions(fee);
  return text;
}

/** The fees of a version in one phrase; an empty list is "Miễn phí", as the law's lists write it. */
export function formatFees(fees: readonly Fee[] | undefined, facts: ReadonlyMap<string, FactDefinition>): string[] {
  if (!fees || fees.length === 0) return ['Miễn phí'];
  return fees.map((f) => formatFeeLine(f, facts));
}

/**
 * How many of a document to bring: "01 bản chính, 01 bản sao"; a paper that is only shown reads
 * "Xuất trình bản chính"; one the agency looks up itself reads "Không phải nộp".
 */
export function formatDocumentQuantity(doc: Document): string {
  if (doc.lookup) return 'Không phải nộp';
  const counted = formatCopies(doc.originals, doc.copies, doc.certifiedCopy ?? false);
  if (doc.submission === 'present') return doc.originals > 0 || doc.copies > 0 ? `Xuất trình ${lowerFirst(counted)}` : 'Xuất trình bản chính';
  return counted;
}

/** The time limit of one channel, with its conditional cases: "05 ngày làm việc …; trường hợp …: 10 ngày làm việc". */
export function formatTimeLimitWithCases(limit: TimeLimit, facts: ReadonlyMap<string, FactDefinition>): string {
  const cases = (limit.cases ?? []).map((c) => `${c.label ? lowerFirst(c.label) : lowerFirst(formatCase(c.when, facts))}: ${formatDuration(c)}`);
  return [formatTimeLimit(limit), ...cases].join('; ');
}

/** Where to file on a channel: the office for paper channels, the portals for online filing. */
export function formatWhere(channel: Channel): string {
  if (channel.where) return channel.where;
  if (channel.kind === 'online' && channel.portals && channel.portals.length > 0) return channel.portals.map((p) => PORTAL_VI[p]).join('; ');
  return '';
}

/** A list of legal documents, cited once each in order: "Luật Hộ tịch số 60/2014/QH13; Thông tư số …". */
export function citeDocuments(refs: readonly LegalRef[], lookup: (number: string) => LegalDocument | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ref of refs) {
    if (seen.has(ref.document)) continue;
    seen.add(ref.document);
    const doc = lookup(ref.document);
    out.push(doc ? citeDocument(doc) : ref.document);
  }
  return out;
}

export const PROCEDURE_KIND_VI = {
  'law-delegated': 'Thủ tục hành chính được luật giao quy định chi tiết',
  'not-law-delegated': 'Thủ tục hành chính không được luật giao quy định chi tiết',
  internal: 'Thủ tục hành chính nội bộ',
  other: 'Loại khác',
} as const;

/** "Từ ngày 16/07/2020 đến hết ngày 31/12/2025"; open-ended periods read "Từ ngày 01/01/2026". */
export function formatPeriod(from: string, until: string | null | undefined): string {
  return `Từ ngày ${formatDate(from)}${until ? ` đến hết ngày ${formatDate(until)}` : ''}`;
}
/** Weekday names as Vietnamese texts write them, indexed 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

/**
 * A lunar day as calendars and announcements name it: "mùng 1" … "mùng 10" in tháng Giêng,
 * "29 tháng Chạp" in the twelfth month, otherwise "10/3 âm lịch" (a leap month adds "nhuận").
 */
export function formatLunarDay(lunar: { month: number; day: number; leap: boolean }): string {
  const leap = lunar.leap ? ' nhuận' : '';
  if (lunar.month === 1 && !lunar.leap && lunar.day <= 10) return `mùng ${lunar.day}`;
  if (lunar.month === 12) return `${lunar.day} tháng Chạp${leap}`;
  return `${lunar.day}/${lunar.month}${leap} âm lịch`;
}

/** "71,64%": a percent with exactly two decimals, as simplification plans print them. */
export function formatPercent(value: number, digits = 2): string {
  const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? ',' + fraction : ''}%`;
}

/** "1,5 giờ". */
export function formatHours(hours: number): string {
  return `${formatNumber(hours)} giờ`;
}

/** "2.306 tỷ đồng" for large sums, as plans and the press state annual compliance cost. */
export function formatBillionVnd(amount: number, digits = 2): string {
  const billions = amount / 1e9;
  const text = Number.isInteger(billions) ? formatNumber(billions) : formatNumber(Number(billions.toFixed(digits)));
  return `${text} tỷ đồng`;
}

/** Online service level of a channel, including none (NĐ 42/2022/NĐ-CP). */
export function formatOnlineService(level: 'full' | 'partial' | undefined): string {
  return level ? ONLINE_SERVICE_VI[level] : 'Không có dịch vụ công trực tuyến';
}

/** How a change weighs on the applicant (see rules/compute/diff/types.ts). */
export const CLASSIFICATION_VI = {
  cut: 'Cắt giảm',
  tightening: 'Thắt chặt so với chuẩn',
  addition: 'Bổ sung gánh nặng',
  editorial: 'Biên tập',
} as const;

/** Compliance activities (TT 02/2017/TT-VPCP, biểu mẫu tính chi phí tuân thủ). */
export const ACTIVITY_VI = {
  learn: 'Tìm hiểu quy định',
  'fill-forms': 'Điền tờ khai, biểu mẫu',
  'collect-papers': 'Chuẩn bị, thu thập giấy tờ',
  photocopy: 'Sao chụp giấy tờ',
  'certify-copies': 'Chứng thực bản sao',
  'travel-submit': 'Đi lại, chờ đợi để nộp hồ sơ',
  supplement: 'Bổ sung, hoàn thiện hồ sơ',
  inspection: 'Kiểm tra, thẩm định thực tế',
  'travel-result': 'Đi lại, chờ đợi để nhận kết quả',
  'hired-service': 'Thuê dịch vụ',
  other: 'Hoạt động khác',
} as const;

/** Parts of a procedure as a diff names them. */
export const AREA_VI = {
  name: 'Tên thủ tục',
  document: 'Thành phần hồ sơ',
  step: 'Trình tự thực hiện',
  'time-limit': 'Thời hạn giải quyết',
  channel: 'Cách thức thực hiện',
  fee: 'Phí, lệ phí',
  requirement: 'Yêu cầu, điều kiện',
  result: 'Kết quả thực hiện',
  'form-fields': 'Tờ khai điện tử',
  subjects: 'Đối tượng thực hiện',
  agencies: 'Cơ quan thực hiện',
  levels: 'Cấp thực hiện',
  'legal-basis': 'Căn cứ pháp lý',
  'compliance-cost': 'Chi phí tuân thủ',
} as const;

/** The letters that number points (điểm) in Vietnamese legal texts: a, b, c, d, đ, e, g, h, i, k, … (no f, j, w, z). */
export const POINT_LETTERS_VI = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** "a", "a và b", "a, b và c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** Capital Roman numerals for the sections of an annex: I, II, III, IV … */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) for (; n >= value; n -= value) out += numeral;
  return out;
}

/**
 * The abbreviation of an issuing body in a document's number symbol (ký hiệu): "Bộ Tư pháp" → BTP,
 * "Bộ Nông nghiệp và Môi trường" → BNNMT, a People's Committee → UBND. The initials of each word
 * but "và", without tone marks; Đ stays Đ, as official symbols write it (BGDĐT). Bodies with a
 * conventional abbreviation that is not their initials (NHNN) are for the drafter to correct.
 */
export function agencyAbbreviation(name: string): string {
  if (/^ủy ban nhân dân/i.test(name.normalize('NFC'))) return 'UBND';
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w !== '' && w.toLowerCase() !== 'và' && /^\p{L}/u.test(w))
    .map((w) => {
      const first = w[0]!.toLocaleUpperCase('vi');
      return first === 'Đ' ? 'Đ' : first.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    })
    .join('');
}

/** Upper case as mastheads and titles write names: "BỘ TƯ PHÁP". */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** "Thứ Tư, 05/02/2025". */
export function formatDayWithWeekday(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `${upperFirst(WEEKDAY_VI[weekday]!)}, ${formatDate(iso)}`;
}

/** The parts of a due-date result (rules/compute/deadlines.ts) that its explanation needs. */
export interface DueDateFacts {
  submitted: string;
  received: string;
  receivedAt: string | null;
  receipt: { rolled: boolean; passedOver: readonly { date: string; reason: string }[] };
  timeLimit: Duration;
  due: string;
  dueAt: string | null;
  skipped: readonly { date: string; reason: string }[];
  provisional: boolean;
  calendar: { cutoff: string; officeHours: string };
}

/**
 * A due date explained for an applicant, in Vietnamese: when the dossier counts as received and
 * why, how the time limit is counted (Civil Code 2015 Art. 147–148), each day not counted with its
 * reason, and whether the holiday schedule is still provisional.
 */
export function explainDueDate(r: DueDateFacts): { due: string; receipt: string; rule: string; skipped: string[]; provisional: string | undefined } {
  // A weekly rest day's reason is its weekday name, already shown beside the date.
  const why = (reason: string) => ((WEEKDAY_VI as readonly string[]).includes(reason) ? 'nghỉ hằng tuần' : reason);
  const received = `${formatDayWithWeekday(r.received)}${r.receivedAt ? ` lúc ${r.receivedAt}` : ''}`;
  let receipt = `Hồ sơ được tiếp nhận ${lowerFirst(received)}.`;
  if (r.receipt.rolled) {
    const [date, time] = r.submitted.split('T') as [string, string | undefined];
    const off = r.receipt.passedOver.find((d) => d.date === date);
    receipt = off
      ? `${formatDayWithWeekday(date)} là ngày nghỉ (${why(off.reason)}), nên hồ sơ được tính là tiếp nhận vào ${lowerFirst(received)}.`
      : `Hồ sơ nộp lúc ${time ?? ''}, sau ${r.calendar.cutoff} (giờ tiếp nhận cuối ngày), nên được tính là tiếp nhận vào ${lowerFirst(received)}.`;
  }
  const n = r.timeLimit.value;
  const limit = formatDuration(r.timeLimit);
  let rule: string;
  if (n === 0) rule = 'Giải quyết ngay trong ngày tiếp nhận hồ sơ.';
  else if (r.timeLimit.unit === 'working-days')
    rule = `${limit}: không tính ngày tiếp nhận hồ sơ, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (Điều 147 Bộ luật Dân sự 2015).`;
  else if (r.timeLimit.unit === 'hours') rule = `${limit}: tính trong giờ hành chính (${r.calendar.officeHours}) của các ngày làm việc.`;
  else rule = `${limit}: không tính ngày tiếp nhận hồ sơ; nếu ngày cuối cùng của thời hạn là ngày nghỉ thì hạn là ngày làm việc tiếp theo (Điều 147, 148 Bộ luật Dân sự 2015).`;
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const d of [...r.receipt.passedOver, ...r.skipped]) {
    if (seen.has(d.date)) continue;
    seen.add(d.date);
    skipped.push(`${formatDayWithWeekday(d.date)}: ${why(d.reason)}`);
  }
  return {
    due: `${formatDayWithWeekday(r.due)}${r.dueAt ? `, lúc ${r.dueAt}` : ''}`,
    receipt,
    rule,
    skipped,
    provisional: r.provisional ? 'Lịch nghỉ lễ, Tết chính thức của năm này chưa được công bố đầy đủ: hạn trên là dự kiến, tính theo quy định của Bộ luật Lao động về ngày nghỉ.' : undefined,
  };
}
