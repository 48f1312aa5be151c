/**
 * Dossier documents and their copy counts. The national export puts the counts in `ghi_chu`
 * (`Bản chính: 1\nBản sao: 0`), the old portal writes `Bản chính: 1 - Bản sao: 0`, and the 2025 portal
 * glues every cell of its table into one string: `name` `form file(s)` `1 bản chính,1 bản sao` ….
 */
import { foldVietnamese } from '../text/vi/words.js';
import { trimItem } from './text.js';

export interface Counts {
  originals: number;
  copies: number;
}

/** `Bản chính: 1\nBản sao: 0` or `Bản chính: 1 - Bản sao: 0`; undefined when the text is not exactly that. */
export function parseLabelledCounts(raw: string | undefined): Counts | undefined {
  if (!raw) return undefined;
  // One run of spaces, then an optional separator and its own spaces: `\s*[-;,]?\s*` could split a long run of
  // spaces between its two halves in every way, and retried each split before failing (issue 16, point 10).
  const m = /^Bản chính\s*:\s*(\d+)\s*(?:[-;,]\s*)?Bản sao\s*:\s*(\d+)$/iu.exec(raw.trim());
  if (!m) return undefined;
  return { originals: Number(m[1]), copies: Number(m[2]) };
}

/**
 * One count token of the 2025 portal: `1 bản chính`, `0 bản chính,1 bản sao`, `2 bản sao`. The count
 * is one digit: the cell before it often ends in digits (`Mẫu số 18` + `1 bản chính` reads
 * `181 bản chính`, `ngày 24/7/2023` + `1` reads `20231`), and in all 881 records no count has two.
 */
export const PORTAL_COUNT = /(\d) bản (chính|sao)(?:,\s*(\d) bản (chính|sao))?/gu;

export function countsOfToken(match: RegExpMatchArray): Counts {
  const counts: Counts = { originals: 0, copies: 0 };
  const add = (n: string | undefined, what: string | undefined) => {
    if (n === undefined || what === undefined) return;
    if (what === 'chính') counts.originals += Number(n);
    else counts.copies += Number(n);
  };
  add(match[1], match[2]);
  add(match[3], match[4]);
  return counts;
}

/** The copy must be certified (bản sao có chứng thực) or issued from the master register. */
export function mentionsCertifiedCopy(name: string): boolean {
  return /ban sao (co chung thuc|chung thuc|duoc chung thuc|duoc cap tu so goc)/.test(foldVietnamese(name));
}

/** A form file's extension; a lower-case letter after it means the word goes on (`.docxMau48` ends at `x`). */
const FORM_FILE = /\.(?:docx|doc|pdf|xlsx|xls|rar|zip|odt|DOCX|DOC|PDF|XLSX|XLS)(?![a-z])/gu;

export interface DocumentChunk {
  name: string;
  forms: string[];
  /** The file names could not be told apart from the document name; the name keeps them. */
  formsGlued: boolean;
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLocaleLowerCase('vi') && c === c.toLocaleUpperCase('vi');
}

function isLower(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLocaleUpperCase('vi') && c === c.toLocaleLowerCase('vi');
}

/**
 * Where a glued cell starts inside text: an upper-case letter right after a lower-case letter, a
 * digit or closing punctuation (`…CPMau45.docx`, `…05Phụ lục`, `…bổ sung);Phụ lục X.docx`), or an
 * upper-case letter that starts a word right after an upper-case run (`NĐ-CPMau`).
 */
export function gluePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const prev = text[i - 1]!;
    const c = text[i]!;
    if (!isUpper(c) || /\s/.test(prev)) continue;
    if (isLower(prev) || /[0-9;.,)\]”"]/.test(prev)) out.push(i);
    else if (isUpper(prev) && isLower(text[i + 1])) out.push(i);
  }
  return out;
}

/**
 * Splits a portal document cell (the text before its count) into the document name and the form
 * files glued after it. The first file name starts at the last glue point before the first extension.
 */
export function splitDocumentChunk(chunk: string): DocumentChunk {
  const text = chunk.trim();
  const ends = [...text.matchAll(FORM_FILE)].map((m) => m.index + m[0].length);
  if (ends.length === 0 || ends[ends.length - 1] !== text.length) return { name: trimItem(text), forms: [], formsGlued: false };
  const firstExt = ends[0]! - (text.slice(0, ends[0]).match(/\.[a-z]+$/i)?.[0].length ?? 0);
  const glue = gluePoints(text.slice(0, firstExt));
  const start = glue.length > 0 ? glue[glue.length - 1]! : -1;
  if (start <= 0) return { name: trimItem(text), forms: [], formsGlued: true };
  const forms: string[] = [];
  let from = start;
  for (const end of ends) {
    forms.push(text.slice(from, end).trim());
    from = end;
  }
  return { name: trimItem(text.slice(0, start)), forms: forms.filter(Boolean), formsGlued: false };
}

/** "Số lượng hồ sơ: 01 bộ" — the number of dossier sets, dressed as a document. */
export function parseSets(name: string): number | undefined {
  const m = /^số lượng hồ sơ\s*:?\s*(\d+)\s*(?:\([^)]*\)\s*)?bộ(?![\p{L}])/iu.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}
