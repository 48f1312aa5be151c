/**
 * Legal documents as the sources cite them: a number (`02/2011/QH13`, `123/2015/NĐ-CP`,
 * `4472/QĐ-BTC`), its type and issuer inferred from the number, and a title. The 2025 portal glues
 * title and number cells together (`Luật Khiếu nại  năm 201102/2011/QH13Quy định …11/2015/TT-BCA`).
 */
import type { LegalDocumentType } from '../schema/types/registry.generated.js';
import { DOCUMENT_TYPE_VI } from '../text/vi/citations.js';
import { foldVietnamese } from '../text/vi/words.js';
import { oneLine } from './text.js';

/**
 * One part of the sign after the year. Upper-case runs stop before an upper-case letter that starts
 * a glued word (`TT-BCALuật` → `TT-BCA`); `TTg` is the one sign with a lower-case letter; only the
 * legislature (`QH13`) and police units (`C06`) carry digits, so `UBTVQH1306/2013` is two numbers.
 */
const SIGN_PART = '(?:TTg|(?:UBTV)?QH\\d{2}|[A-Z]\\d{2}(?!\\d)|[A-ZĐ]{1,12})';
/** Joint circulars are also signed with a slash: `191/2005/TTLT/BQP-BLĐTBXH-BTC`. */
const SIGN = `${SIGN_PART}(?:(?:-|(?<=TTLT)\\/)${SIGN_PART})*`;
export const LEGAL_NUMBER = new RegExp(`(\\d{1,8}(?:\\.\\d{1,2})?)\\/(?:(\\d{4})\\/)?(${SIGN})`, 'gu');

/** Second parts of signs that glued letters may follow: `NĐ-CPLUẬT` is `NĐ-CP` and a title. */
const KNOWN_PARTS = ['CP', 'TTg', 'UBND', 'HĐND'];

/**
 * Trims the letters of a glued title off the end of a sign. A known code that starts the last part
 * wins (`BCALuật` → `BCA`, `CPNGHỊ` → `CP`); otherwise, when a lower-case letter follows, the last
 * capital starts that word (`C` + `Quy`), unless the whole run is followed by a lower-case word
 * (`NHNN` + `số`), which a known code tells apart.
 */
function trimSign(sign: string, next: string | undefined): string {
  const cut = sign.search(/[A-ZĐ]+$/);
  if (cut < 0) return sign;
  const head = sign.slice(0, cut);
  const last = sign.slice(cut);
  const known = [...KNOWN_PARTS, ...Object.keys(MINISTRIES)];
  if (known.includes(last) || head === '') return sign;
  const prefix = known.filter((k) => last.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  if (prefix) return head + prefix;
  if (next !== undefined && /\p{Ll}/u.test(next) && last.length > 1) return head + last.slice(0, -1);
  return sign;
}

/** Typos the annexes make in signs: a Latin D for Đ (`ND-CP`, `QD-TTg`). */
export function repairSign(number: string): { number: string; repaired: boolean } {
  const fixed = number.replace(/\/(ND|QD)-/, (_m, w: string) => `/${w === 'ND' ? 'NĐ' : 'QĐ'}-`).replace(/\/(\d{4})\/ND-CP$/, '/$1/NĐ-CP');
  return { number: fixed, repaired: fixed !== number };
}

export interface NumberMatch {
  number: string;
  /** Offset of the number's first character in the searched text. */
  index: number;
  /** Offset just after the number. */
  end: number;
}

/**
 * Every document number in text. A number glued to the year that ends the title before it
 * (`năm 201102/2011/QH13`) is split: a run of more than four digits that starts with a year keeps
 * only what follows the year.
 */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(LEGAL_NUMBER)) {
    let digits = m[1]!;
    let index = m.index;
    const year = m[2];
    const sign = trimSign(m[3]!, text[m.index + m[0].length]);
    if (!year && !/^(?:QĐ|NQ|CT|TB|CV|KH|HD|QC|VBHN)(?:-|$)/u.test(sign)) continue; // only decisions and the like go without a year
    if (digits.length > 4 && /^(19|20)\d\d/.test(digits)) {
      digits = digits.slice(4);
      index += 4;
    } else if (year && digits.split('.')[0]!.length > 4) continue;
    if (/^0\d{3,}/.test(digits)) continue;
    const number = year ? `${digits}/${year}/${sign}` : `${digits}/${sign}`;
    out.push({ number, index, end: m.index + m[0].length - (m[3]!.length - sign.length) });
  }
  return out;
}

const MINISTRIES: Record<string, string> = {
  BTC: 'Bộ Tài chính',
  BCA: 'Bộ Công an',
  BTP: 'Bộ Tư pháp',
  BXD: 'Bộ Xây dựng',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BGTVT: 'Bộ Giao thông vận tải',
  BQP: 'Bộ Quốc phòng',
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BYT: 'Bộ Y tế',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BCT: 'Bộ Công Thương',
  BNV: 'Bộ Nội vụ',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BNG: 'Bộ Ngoại giao',
  BDTTG: 'Bộ Dân tộc và Tôn giáo',
  VPCP: 'Văn phòng Chính phủ',
  TTCP: 'Thanh tra Chính phủ',
  UBDT: 'Ủy ban Dân tộc',
  TANDTC: 'Tòa án nhân dân tối cao',
  VKSNDTC: 'Viện kiểm sát nhân dân tối cao',
  KTNN: 'Kiểm toán nhà nước',
  BHXH: 'Bảo hiểm xã hội Việt Nam',
};

export interface InferredDocument {
  type: LegalDocumentType;
  /** Undefined when the sign names no issuer we know. */
  issuer: string | undefined;
  /** The type could be one of two, told apart only by the title (laws and NA resolutions share QH). */
  typeFromTitle: boolean;
}

/**
 * The type and issuer a document number implies: QH → law (or NA resolution, by title), UBTVQH →
 * ordinance or resolution, NĐ-CP → decree, NQ-CP → government resolution, QĐ-TTg → PM decision,
 * TTLT → joint circular, TT-… → circular, NQ-HĐND → provincial resolution, QĐ-UBND → provincial
 * decision, other QĐ-… → decision.
 */
export function inferDocument(number: string, title?: string): InferredDocument {
  const sign = number.split('/').pop()!;
  const t = title ? foldVietnamese(oneLine(title)) : '';
  const ministry = sign.split('-').map((p) => MINISTRIES[p]).find(Boolean);
  if (/^(?:L-CTN|QH\d{2}|NQ-QH\d{2})$/.test(sign)) {
    const resolution = /^NQ-/.test(sign) || /^nghi quyet\b/.test(t);
    return { type: resolution ? 'na-resolution' : 'law', issuer: 'Quốc hội', typeFromTitle: !/^NQ-/.test(sign) };
  }
  if (/UBTVQH\d{2}$/.test(sign)) {
    const ordinance = /^PL-/.test(sign) || /^phap lenh\b/.test(t);
    return { type: ordinance ? 'ordinance' : 'na-resolution', issuer: 'Ủy ban Thường vụ Quốc hội', typeFromTitle: !/^(PL|NQ)-/.test(sign) };
  }
  if (sign === 'NĐ-CP') return { type: 'decree', issuer: 'Chính phủ', typeFromTitle: false };
  if (sign === 'NQ-CP') return { type: 'government-resolution', issuer: 'Chính phủ', typeFromTitle: false };
  if (sign === 'QĐ-TTg') return { type: 'pm-decision', issuer: 'Thủ tướng Chính phủ', typeFromTitle: false };
  if (/^TTLT[-/]/.test(sign)) return { type: 'joint-circular', issuer: jointIssuer(sign), typeFromTitle: false };
  if (/^TT-/.test(sign)) return { type: 'circular', issuer: ministry, typeFromTitle: false };
  if (/^NQ-HĐND/.test(sign)) return { type: 'provincial-resolution', issuer: undefined, typeFromTitle: false };
  if (/^QĐ-UBND/.test(sign)) return { type: 'provincial-decision', issuer: undefined, typeFromTitle: false };
  if (/^QĐ-/.test(sign) || sign === 'QĐ') return { type: 'decision', issuer: ministry, typeFromTitle: false };
  return { type: 'other', issuer: ministry, typeFromTitle: false };
}

function jointIssuer(sign: string): string | undefined {
  const names = sign.split(/[-/]/).slice(1).map((p) => MINISTRIES[p]);
  return names.every(Boolean) && names.length > 0 ? names.join(', ') : undefined;
}

/** A Vietnamese date as the export writes it (`16-02-2024`, `16/02/2024`) as YYYY-MM-DD. */
export function parseVnDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export interface PortalLegalEntry {
  title: string;
  number: string;
  /** The title has a glued cell inside it: it may hold a second entry whose number cell was not a number. */
  glued: boolean;
}

const PORTAL_HEADER = 'Tên văn bản pháp lýMã văn bản';

/**
 * Splits the 2025 portal's glued legal-basis cell into (title, number) entries. A number ends an
 * entry's number cell when the next entry is glued straight after it (a letter or digit follows with
 * no space) or the text ends; numbers followed by a space are part of a title.
 */
export function splitPortalLegalBasis(raw: string): { entries: PortalLegalEntry[]; rest: string } {
  // "01/2012/QĐ- TTg": a space slipped into the sign.
  const text = (raw.startsWith(PORTAL_HEADER) ? raw.slice(PORTAL_HEADER.length) : raw).replace(/([A-ZĐ])-\s+([A-ZĐ])/gu, '$1-$2');
  const numbers = findNumbers(text);
  const entries: PortalLegalEntry[] = [];
  let from = 0;
  for (const n of numbers) {
    const next = text[n.end];
    const endsCell = next === undefined || /[\p{L}\d]/u.test(next) || /^[\s.;,:]*$/u.test(text.slice(n.end));
    if (!endsCell || n.index < from) continue;
    let title = text.slice(from, n.index);
    // The number cell may repeat a prefix: "Nghị định 05/2012/NĐ-CP" + "05/2012/NĐ-CP", or "số 61/…".
    // A glued type word belongs to the number cell ("…tín dụngLuật số 32/2024/QH15"); a bare "số" only after a space.
    title = title.replace(/(?:(?:^|\s|(?<=[\p{Ll}\d]))(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)\s*(?:số\s*)?|(?:^|\s)số\s*)$/u, (m) => (title.trim() === m.trim() ? m : ''));
    title = oneLine(title).replace(/[;:,]\s*$/, '');
    entries.push({ title, number: n.number, glued: gluedInside(title) });
    from = n.end;
  }
  return { entries, rest: oneLine(text.slice(from)) };
}

/** A lower-case letter or digit straight before an upper-case letter that starts a word: `côngLuật`, `58Sửa`. */
function gluedInside(title: string): boolean {
  return /[\p{Ll}\d][\p{Lu}][\p{Ll}]/u.test(title);
}


/**
 * A usable registry title. A cell that only names the type ("Nghị định", "Luật số") says nothing, so
 * the title is built from the type and number instead ("Nghị định 101/2024/NĐ-CP").
 */
export function documentTitle(title: string | undefined, number: string, type: LegalDocumentType): string {
  const t = oneLine(title ?? '').replace(/[;:,.\s]+$/, '');
  const folded = foldVietnamese(t).replace(/\bso\b/g, '').trim();
  const bare = t === '' || /^(luat|bo luat|nghi dinh|thong tu|thong tu lien tich|quyet dinh|nghi quyet|phap lenh)?$/.test(folded) || t === number;
  if (!bare) return t;
  return `${DOCUMENT_TYPE_VI[type]} ${number}`;
}
