/**
 * Vietnamese administrative wording, generated from structured data. Every generator (listing,
 * announcement, reports, site) phrases things through here, so the same fact always reads the same.
 */
import type { ChannelKind, Duration, Fee, LegalRef, Subject, TimeLimit, TimeUnit } from '../schema/types/procedure-version.js';
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

/** "ngày 15 tháng 11 năm 2015", as the opening lines of a decision write dates. */
export function formatDateLong(iso: string): string {
  return `ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;
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
  const start = limit.start === 'other' ? (limit.startNote ? ` ${lowerFirst(limit.startNote)}` : '') : ` ${START_VI[limit.start]}`;
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

/** "điểm a khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"; falls back to the number when unregistered. */
export function citeRef(ref: LegalRef, doc: LegalDocument | undefined): string {
  const where = [ref.point ? `điểm ${ref.point}` : '', ref.clause ? `khoản ${ref.clause}` : '', ref.article ? `Điều ${ref.article}` : ''].filter(Boolean).join(' ');
  const what = doc ? citeDocument(doc) : ref.document;
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
