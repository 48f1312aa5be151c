/** Legal documents and provisions as decisions cite them: "điểm a khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13". */
import type { LegalRef } from '../../schema/types/procedure-version.generated.js';
import type { LegalDocument, LegalDocumentType } from '../../schema/types/registry.generated.js';
import { formatDate, formatDateLong } from './dates.js';

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
export function citeDocument(doc: LegalDocument, date: (iso: string) => string = formatDate): string {
  if (doc.type === 'law' || doc.type === 'ordinance') {
    return doc.title.includes(doc.number) ? doc.title : `${doc.title} số ${doc.number}`;
  }
  const typeWord = DOCUMENT_TYPE_VI[doc.type];
  const rest = stripLeadingType(doc.title, typeWord, doc.number);
  return `${typeWord} số ${doc.number}${doc.issued ? ` ngày ${date(doc.issued)}` : ''} của ${doc.issuer}${rest ? ` ${rest}` : ''}`;
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
export function citeRef(ref: LegalRef, doc: LegalDocument | undefined, date: (iso: string) => string = formatDate): string {
  const where = [ref.point ? `điểm ${ref.point}` : '', ref.clause ? `khoản ${ref.clause}` : '', ref.article ? `Điều ${ref.article}` : ''].filter(Boolean).join(' ');
  const what = doc ? citeDocument(doc, date) : ref.document;
  return where ? `${where} ${what}` : what;
}

/** "khoản 1 Điều 2 Nghị định số 123/2015/NĐ-CP": a citation with the document by type and number only. */
export function citeRefShort(ref: LegalRef, doc: LegalDocument | undefined): string {
  const where = [ref.point ? `điểm ${ref.point}` : '', ref.clause ? `khoản ${ref.clause}` : '', ref.article ? `Điều ${ref.article}` : ''].filter(Boolean).join(' ');
  const what = citeDocumentShort(ref.document, doc);
  return where ? `${where} ${what}` : what;
}

/** A list of legal documents, cited once each in order: "Luật Hộ tịch số 60/2014/QH13; Thông tư số …". */
export function citeDocuments(refs: readonly LegalRef[], lookup: (number: string) => LegalDocument | undefined, date: (iso: string) => string = formatDate): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ref of refs) {
    if (seen.has(ref.document)) continue;
    seen.add(ref.document);
    const doc = lookup(ref.document);
    out.push(doc ? citeDocument(doc, date) : ref.document);
  }
  return out;
}

/** The letters that number points (điểm) in Vietnamese legal texts: a, b, c, d, đ, e, g, h, i, k, … (no f, j, w, z). */
export const POINT_LETTERS_VI = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;
