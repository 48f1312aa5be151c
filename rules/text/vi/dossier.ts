/** The documents of a dossier: how many copies, forms by name and code. */
import type { Document } from '../../schema/types/procedure-version.generated.js';
import { twoDigits } from './numbers.js';
import { lowerFirst } from './words.js';

/** "01 bản chính, 01 bản sao"; certified copies read "bản sao có chứng thực". */
export function formatCopies(originals: number, copies: number, certified = false): string {
  const parts: string[] = [];
  if (originals > 0) parts.push(`${twoDigits(originals)} bản chính`);
  if (copies > 0) parts.push(`${twoDigits(copies)} ${certified ? 'bản sao có chứng thực' : 'bản sao'}`);
  return parts.length > 0 ? parts.join(', ') : 'Không phải nộp';
}

/** A form as dossiers name it: "Tờ khai … (Mẫu số 03/2013/TT-LLTP)"; a bare code reads "(mẫu CT01)". */
export function formatFormName(form: { name: string; code?: string }): string {
  if (!form.code) return form.name;
  return `${form.name} (${/^mẫu/i.test(form.code) ? form.code : `mẫu ${form.code}`})`;
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
