/**
 * Checks that an import lost nothing: every non-empty source value is found in the spec's structured
 * data, its text, its registries, or its source.raw; and every stated copy count is on a document.
 * The check reads the source on its own terms, not through the parsers it checks.
 */
import { isNotStatedText } from '../lint/not-stated.js';
import type { ImportRun } from './importer.js';
import type { RecordOutcome } from './model.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { CHANNEL_VI } from '../text/vi/channels.js';
import { SUBJECT_VI } from '../text/vi/procedure.js';
import { cleanText, isNoData, oneLine } from './text.js';

const KIND_WORDS: Record<NonNullable<ProcedureVersion['kind']>, string[]> = {
  'law-delegated': ['TTHC được luật giao quy định chi tiết', 'TTHC được giao luật quy định chi tiết'],
  'not-law-delegated': ['TTHC không được luật giao cho địa phương quy định hoặc quy định chi tiết', 'TTHC không được luật giao cho địa phương quy định'],
  internal: ['TTHC nội bộ'],
  other: ['Loại khác'],
};
const LEVEL_WORDS: Partial<Record<string, string[]>> = { central: ['Cấp Bộ'], province: ['Cấp Tỉnh'], district: ['Cấp Huyện'], commune: ['Cấp Xã'], other: ['Cơ quan khác'] };

/** Table headers, page labels and page controls: the layout of the source, not its content. */
const LABELS = [
  'Hình thức nộpThời gianPhí, lệ phíMô tả',
  'Tên giấy tờMẫu đơn, tờ khaiSố lượng',
  'Tên văn bản pháp lýMã văn bản',
  'Xem chi tiết',
  'Thủ tục hành chính liên quan',
  'Địa chỉ tiếp nhận HS',
  'Yêu cầu, điều kiện thực hiện',
  'Cơ quan có thẩm quyền',
  'Cơ quan được ủy quyền',
  'Cơ quan phối hợp',
  'Cơ quan thực hiện',
  'Đối tượng thực hiện',
  'Trình Tự Thực Hiện',
  'Cách Thức Thực Hiện',
  'Thành phần hồ sơ',
  'Căn cứ pháp lý',
  'Kết quả xử lý',
  'Số quyết định',
  'Cấp thực hiện',
  'Loại thủ tục',
  'Tên thủ tục',
  'Mã thủ tục',
  'Lĩnh vực',
  'Từ khóa',
  'Mô tả',
];
const CHROME = /Chọn cơ quan thực hiệnTỉnh\/ Thành phốBộ ngành--.*?Nộp hồ sơ/gsu;

/** Structure the parsers turn into values: counts, times, amounts, fee labels, step markers. */
const STRUCTURE: RegExp[] = [
  // Copy counts have their own check (countsMatchSource).
  /\d bản (?:chính|sao)/giu,
  /Bản (?:chính|sao)\s*:\s*\d+/giu,
  /Số lượng hồ sơ\s*:?\s*(\d+)\s*bộ/giu,
  /(\d+(?:[.,]\d+)?)\s*(?:Ngày\s+làm\s+việc|Ngày|Giờ|Tháng)/gu,
  /(\d[\d.,]*)\s*(?:Việt Nam Đồng|VNĐ|Đồng|USD)/gu,
  /(?:Lệ phí|Phí)\s*:/gu,
  /Miễn phí|Không có thông tin|Không quy định|File đính kèm\s*:|(?<![\p{L}])(?:Không|không|o)\s+Đồng/gu,
  /Bước\s+(\d+)\s*[.:)–-]?/gu,
  /Mã:\s*/gu,
  /(?:Dịch vụ bưu chính|Trực tuyến|Trực tiếp)(?=\d|Không có thông tin)/gu,
];

function collectStrings(value: unknown, out: string[], numbers: Set<string>): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') numbers.add(String(value));
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out, numbers);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out, numbers);
}

function leaves(value: unknown, path: string, out: { field: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ field: path, text: value });
  else if (typeof value === 'number') out.push({ field: path, text: String(value) });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
}

/** The marks and spaces trimmed from the ends of a value before it is looked up. */
export const TRIM = /^[\s\-–+*•.,;:()[\]"“”'/]+|[\s\-–+*•.,;:()[\]"“”'/]+$/gu;
const TRIMMED = /^[\s\-–+*•.,;:()[\]"“”'/]$/u;
const TRIMMED_CODES = new Uint8Array(0x10000);

function isTrimmed(c: number): boolean {
  let known = TRIMMED_CODES[c]!;
  if (known === 0) known = TRIMMED_CODES[c] = TRIMMED.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** What replacing TRIM with nothing gives, from both ends by a table rather than a regex tried at every position. */
export function trimMarks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function normaliseNumber(text: string): string {
  const t = text.replace(/^0+(?=\d)/, '');
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t)) return String(Number(t.replace(/[.,]/g, '')));
  return String(Number(t.replace(',', '.')));
}

/** Letters and digits by UTF-16 code unit, filled in on first sight: 0 not seen yet, 1 letter or digit, 2 neither. */
const LETTER_OR_DIGIT = new Uint8Array(0x10000);
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;

/**
 * The words of a text: what `text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)` gives, by one scan with a
 * table instead of a Unicode regex split, which was most of building each record's corpus.
 */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // An astral code point (a pair): rare, tested as the regex would.
      width = 2;
      inWord = LETTER_OR_DIGIT_RE.test(text.slice(i, i + 2));
    } else {
      let known = LETTER_OR_DIGIT[c]!;
      if (known === 0) known = LETTER_OR_DIGIT[c] = LETTER_OR_DIGIT_RE.test(String.fromCharCode(c)) ? 1 : 2;
      inWord = known === 1;
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

const startsWithDigit = (w: string) => w.charCodeAt(0) >= 0x30 && w.charCodeAt(0) <= 0x39;

/**
 * `strings.map(oneLine).join('\n')`, collapsing the whitespace of all of them in one pass: each string
 * is joined with a mark that no string holds, so the runs of whitespace collapse within each string only
 * and the spaces beside a mark are each string's ends, which oneLine trims.
 */
function oneLineEach(strings: string[]): string {
  const MARK = '\u0001';
  const joined = strings.join(MARK);
  if (strings.some((s) => s.includes(MARK))) return strings.map((s) => oneLine(s)).join('\n');
  return joined
    .replace(/\s+/g, ' ')
    .replace(/ ?\u0001 ?/g, '\n')
    .replace(/^ | $/g, '');
}

/** Where a glued cell starts: a capital after a lower-case letter, digit or closing mark (`côngLuật`). */
export const GLUE = /(?<=[\p{Ll}\d)\].;,:])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})|\.\.|(?<=\d)\.(?=\p{Ll})|(?<=\))(?=[-\p{L}])/u;

// Letter classes by UTF-16 code unit, filled in on first sight: bit 1 seen, 2 \p{Ll}, 4 \p{Lu}, 8 \p{L}.
const CLASSES = new Uint8Array(0x10000);
const LL = 2;
const LU = 4;
const L = 8;

function classOf(c: number): number {
  if (c < 0) return 0;
  let k = CLASSES[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = CLASSES[c] = 1 | (/\p{Ll}/u.test(ch) ? LL : 0) | (/\p{Lu}/u.test(ch) ? LU : 0) | (/\p{L}/u.test(ch) ? L : 0);
  }
  return k;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** `)`, `]`, `.`, `;`, `,`, `:`: the closing marks after which a capital starts a glued cell. */
const CLOSING = new Set([0x29, 0x5d, 0x2e, 0x3b, 0x2c, 0x3a]);

/** The end of GLUE's match at q, or -1: its alternatives in its order. Only for text without surrogates, where a code unit is a code point. */
function glueAt(t: string, q: number): number {
  const prev = q > 0 ? t.charCodeAt(q - 1) : -1;
  const next = q < t.length ? t.charCodeAt(q) : -1;
  const after = q + 1 < t.length ? t.charCodeAt(q + 1) : -1;
  const p = classOf(prev);
  const n = classOf(next);
  const a = classOf(after);
  if ((p & LL || isDigit(prev) || CLOSING.has(prev)) && n & LU) return q;
  if (p & LU && n & LU && a & LL) return q;
  if (p & L && isDigit(next)) return q;
  if (isDigit(prev) && n & L) return q;
  if (next === 0x2e && after === 0x2e) return q + 2;
  if (isDigit(prev) && next === 0x2e && a & LL) return q + 1;
  if (prev === 0x29 && (next === 0x2d || n & L)) return q;
  return -1;
}

/**
 * `text.split(GLUE)`, by String.prototype.split's own steps with GLUE matched by table: the regex, tried
 * at every position with its look-behinds, was a third of the lookup. Text with surrogates takes the regex.
 */
export function splitGlue(text: string): string[] {
  if (/[\ud800-\udfff]/.test(text)) return text.split(GLUE);
  if (text.length === 0) return [text];
  const out: string[] = [];
  let p = 0;
  let q = 0;
  while (q < text.length) {
    const e = glueAt(text, q);
    if (e < 0 || e === p) q++;
    else {
      out.push(text.slice(p, q));
      p = e;
      q = p;
    }
  }
  out.push(text.slice(p));
  return out;
}

interface Corpus {
  cited: string[];
  text: string;
  readonly words: Set<string>;
  readonly numbers: Set<string>;
}

/** The registry's entries by key, made once per check: scanning every entry for every record was most of the check's time. */
interface RegistryIndex {
  legalDocuments: Map<string, ImportRun['registry']['legalDocuments']>;
  agencies: Map<string, string[]>;
  fields: Map<string, string[]>;
  levels: Map<string, string[]>;
}

function indexRegistry(registry: ImportRun['registry']): RegistryIndex {
  const by = <T, V>(items: T[], key: (t: T) => string, value: (t: T) => V) => {
    const map = new Map<string, V[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), value(item)]);
    return map;
  };
  const names = <T extends { id: string; name: string }>(items: T[]) => by(items, (i) => i.id, (i) => i.name);
  return { legalDocuments: by(registry.legalDocuments, (d) => d.number, (d) => d), agencies: names(registry.agencies), fields: names(registry.fields), levels: names(registry.levels) };
}

function corpusOf(outcome: Extract<RecordOutcome, { status: 'parsed' }>, registry: RegistryIndex): Corpus {
  const strings: string[] = [];
  const numbers = new Set<string>();
  collectStrings(outcome.spec, strings, numbers);
  const docs = new Set((outcome.spec.legalBasis ?? []).map((r) => r.document));
  for (const number of docs) {
    for (const d of registry.legalDocuments.get(number) ?? []) strings.push(d.number, d.title, d.issuer, ...(d.issued ? [`${d.issued.slice(8, 10)}-${d.issued.slice(5, 7)}-${d.issued.slice(0, 4)}`] : []));
  }
  const named = (map: Map<string, string[]>, ids: Iterable<string>) => {
    for (const id of ids) strings.push(...(map.get(id) ?? []));
  };
  named(registry.agencies, new Set(Object.values(outcome.spec.agencies ?? {}).flat()));
  named(registry.fields, outcome.spec.field ? [outcome.spec.field] : []);
  named(registry.levels, new Set(outcome.spec.levels ?? []));
  // Values the parsers turned into codes read back in the source's words.
  const spec = outcome.spec;
  if (spec.kind) strings.push(...KIND_WORDS[spec.kind]);
  for (const subject of spec.subjects ?? []) strings.push(SUBJECT_VI[subject.kind]);
  for (const channel of spec.channels ?? []) strings.push(CHANNEL_VI[channel.kind], ...(channel.kind === 'postal' ? ['Dịch vụ bưu chính'] : []));
  for (const level of spec.levels ?? []) strings.push(...(LEVEL_WORDS[level] ?? []));
  strings.push(`ChiTietTTHC_${spec.code}.doc`);
  // Vietnamese has no casing rule of its own (unlike Turkish), so plain toLowerCase lowers as
  // toLocaleLowerCase('vi') does, without the locale lookup that took a third of the coverage check.
  const text = oneLineEach(strings).toLowerCase();
  const cited = [...docs].sort((a, b) => b.length - a.length);
  // The words and numbers are made when a value is not found whole in the text, which most are.
  let words: Set<string> | undefined;
  let wordsDone = false;
  return {
    cited,
    text,
    get words() {
      return (words ??= new Set(wordsOf(text)));
    },
    get numbers() {
      if (!wordsDone) {
        wordsDone = true;
        for (const n of this.words) if (startsWithDigit(n)) numbers.add(normaliseNumber(n));
        for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) numbers.add(normaliseNumber(m[0]));
      }
      return numbers;
    },
  };
}

/** True when the value's content is all in the corpus; otherwise the first fragment that is not. */
function findValue(clean: string, corpus: Corpus): string | undefined {
  // Most values are kept verbatim somewhere: check that first.
  const whole = trimMarks(oneLine(clean)).toLowerCase();
  if (whole.length > 0 && corpus.text.includes(whole)) return undefined;
  let text = clean.replace(/([A-ZĐ])-\s+([A-ZĐ])/gu, '$1-$2');
  // Cited document numbers are structured data of the spec; take them out first (longest first).
  // The wording of a number cell ("Nghị định số 12/…", "Luật số 58") is the number's, not a title's.
  for (const n of corpus.cited) if (text.includes(n)) text = text.split(n).join('\u0000');
  text = text.replace(/(?:(?:Luật|Luất|Bộ luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)\s*)?(?:số|Số)?\s*(?=\u0000)/gu, '');
  text = text.replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '\n').replace(CHROME, '\u0000');
  for (const label of LABELS) if (text.includes(label)) text = text.split(label).join('\u0000');
  const numbers: string[] = [];
  // A bare time glued to an amount (`Trực tuyến120 VNĐ`): some split of the digits must be the two numbers.
  let unsplit: string | undefined;
  text = text.replace(/(Dịch vụ bưu chính|Trực tuyến|Trực tiếp)(\d[\d.,]*)\s*(?:Việt Nam Đồng|VNĐ|USD)/gu, (_m, _w, digits: string) => {
    const ok = [...digits].some((_c, k) => k > 0 && corpus.numbers.has(normaliseNumber(digits.slice(0, k))) && corpus.numbers.has(normaliseNumber(digits.slice(k))));
    if (!ok) unsplit = digits;
    return '\u0000';
  });
  if (unsplit) return unsplit;
  for (const re of STRUCTURE) {
    text = text.replace(re, (_m, n?: string) => {
      if (typeof n === 'string') numbers.push(n);
      return '\u0000';
    });
  }
  for (const n of numbers) if (!corpus.numbers.has(normaliseNumber(n)) && !corpus.words.has(n)) return n;
  for (const piece of text.split(/[\u0000\n]+/)) {
    for (const fragment of splitGlue(piece)) {
      const f = trimMarks(oneLine(fragment)).toLowerCase();
      if (f === '' || corpus.text.includes(f)) continue;
      if (/^\d+(?:[.,]\d+)*$/.test(f) && corpus.numbers.has(normaliseNumber(f))) continue;
      const missing = wordsOf(f).find((w) => !corpus.words.has(w) && !(startsWithDigit(w) && corpus.numbers.has(normaliseNumber(w))));
      if (missing) return fragment.trim();
    }
  }
  return undefined;
}

function pageResidue(page: string, values: { field: string; clean: string }[]): string {
  let rest = cleanText(page);
  const parts = values
    .filter((v) => v.field !== 'raw_text')
    .map((v) => v.clean)
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const part of [...parts, ...LABELS]) if (rest.includes(part)) rest = rest.split(part).join('\u0000');
  return rest.replace(/[^\S\n]+/g, ' ');
}

export interface CoverageResult {
  fields: number;
  found: number;
  missing: { record: string; field: string; text: string }[];
}

/** Every non-empty source value of every imported record, looked up in what the import wrote. */
export function checkCoverage(run: Pick<ImportRun, 'outcomes' | 'registry'>): CoverageResult {
  const result: CoverageResult = { fields: 0, found: 0, missing: [] };
  const registry = indexRegistry(run.registry);
  for (const outcome of run.outcomes) {
    if (outcome.status !== 'parsed') continue;
    const corpus = corpusOf(outcome, registry);
    const leafValues: { field: string; text: string }[] = [];
    leaves(outcome.source, '', leafValues);
    // Each value cleaned once: the no-data test, the page's residue and the lookup all read it.
    const values = leafValues.map(({ field, text }) => ({ field, text, clean: cleanText(text) }));
    for (const { field, text, clean } of values) {
      if (isNoData(clean)) continue;
      result.fields++;
      // The portal's raw_text is the page as one string: its parts are the other fields (checked on
      // their own) and the page labels; only what is left over needs looking up.
      const value = field === 'raw_text' ? pageResidue(text, values) : text;
      const missing = value.trim() === '' ? undefined : findValue(field === 'raw_text' ? cleanText(value) : clean, corpus);
      if (missing === undefined) result.found++;
      else result.missing.push({ record: outcome.record, field, text: missing.slice(0, 200) });
    }
  }
  return result;
}

/** The copy counts a source states, read straight from its text, in order. */
function sourceCounts(outcome: Extract<RecordOutcome, { status: 'parsed' }>): [number, number][] {
  const src = outcome.source as Record<string, unknown>;
  const out: [number, number][] = [];
  if (outcome.format === 'national-db-export') {
    const tables = Object.fromEntries(Object.entries((src.tables ?? {}) as Record<string, unknown>).map(([k, v]) => [k.normalize('NFC'), v]));
    for (const row of (tables.thanh_phan_ho_so ?? []) as Record<string, string>[]) {
      const m = /Bản chính\s*:\s*(\d+)[\s\S]*?Bản sao\s*:\s*(\d+)/u.exec(row.ghi_chu ?? '');
      if (m) out.push([Number(m[1]), Number(m[2])]);
    }
  } else if (outcome.format === 'portal-2025') {
    // Counts are cells only in the table; a field without its header is prose.
    const field = cleanText(String(src.thanh_phan_ho_so ?? ''));
    const at = field.indexOf('Tên giấy tờMẫu đơn, tờ khaiSố lượng');
    const text = at >= 0 ? field.slice(at) : '';
    let end = -1;
    for (const m of text.matchAll(/(\d) bản (chính|sao)(?:,\s*(\d) bản (chính|sao))?/gu)) {
      // A count right after another count: the first was part of the document's name.
      if (end >= 0 && /^[\s;,.]*$/u.test(text.slice(end, m.index))) out.pop();
      end = m.index + m[0].length;
      const pair: [number, number] = [0, 0];
      pair[m[2] === 'chính' ? 0 : 1] += Number(m[1]);
      if (m[3]) pair[m[4] === 'chính' ? 0 : 1] += Number(m[3]);
      out.push(pair);
    }
  } else if (outcome.format === 'old-portal') {
    for (const row of (src['Thành phần hồ sơ'] ?? []) as Record<string, string>[]) {
      const m = /Bản chính\s*:\s*(\d+)\s*-\s*Bản sao\s*:\s*(\d+)/u.exec(row['Số lượng - bản chính'] ?? '');
      if (m) out.push([Number(m[1]), Number(m[2])]);
    }
  }
  return out;
}

/**
 * Stated copy counts against the spec: every non-zero count is on a document, in the source order;
 * every zero count is a document too, or a note, or the number of dossier sets.
 */
export function countsMatchSource(run: Pick<ImportRun, 'outcomes'>): { documents: number; matching: number; mismatches: { record: string; message: string }[] } {
  const result = { documents: 0, matching: 0, mismatches: [] as { record: string; message: string }[] };
  for (const outcome of run.outcomes) {
    if (outcome.status !== 'parsed') continue;
    const stated = sourceCounts(outcome);
    // The "Chưa xác định" document stands for a dossier the source does not state: it is no copy count.
    const docs = (outcome.spec.dossier?.documents ?? []).filter((d) => !isNotStatedText(d.name)).map((d): [number, number] => [d.originals, d.copies]);
    const nonZero = (l: [number, number][]) => l.filter(([o, c]) => o + c > 0).map(([o, c]) => `${o}/${c}`);
    const a = nonZero(stated);
    const b = nonZero(docs);
    const zerosStated = stated.length - a.length;
    const zerosKept = docs.length - b.length + outcome.metrics.notesFromDocuments;
    result.documents += stated.length;
    const same = a.length === b.length && a.every((x, i) => x === b[i]);
    if (same && zerosStated === zerosKept) result.matching += stated.length;
    else {
      result.matching += a.filter((x, i) => x === b[i]).length + Math.min(zerosStated, zerosKept);
      result.mismatches.push({ record: outcome.record, message: `source ${a.join(' ')} (+${zerosStated} zero), spec ${b.join(' ')} (+${zerosKept} zero or notes)` });
    }
  }
  return result;
}
