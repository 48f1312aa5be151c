/**
 * Fees as the sources write them. The national database export: `Phí : 0 Đồng`, `Phí : o Đồng`,
 * `Phí :  Đồng`, `Lệ phí : 1.5 USD`, `Phí : 2.000.000 Đồng (case)` with one tier per line, or a
 * sentence in place of the amount. The 2025 portal: `Miễn phí(…)`, `50,000 Việt Nam Đồng(/giao dịch)`,
 * `145 USD(…)`, `Không có thông tin`.
 */
import { foldVietnamese } from '../text/vi/words.js';
import { isNoData, oneLine } from './text.js';

export type FeeKind = 'phi' | 'le-phi';
export type Currency = 'VND' | 'USD';

export interface FeeItem {
  /** Undefined when the source does not say whether it is a phí or a lệ phí. */
  kind: FeeKind | undefined;
  /** Undefined when no amount is stated, or it is stated in words we cannot turn into a number. */
  amount: number | undefined;
  currency: Currency;
  /** The words that stand where the amount should be, when they are not a number. */
  amountText?: string;
  /** The bracketed explanation: the case, the unit, the legal basis. */
  note?: string;
  /** What the amount is per, from `(/giao dịch)` or `đồng/bản`. */
  unit?: string;
  /** Source wrote the letter o for zero (`Phí : o Đồng`). */
  letterO?: boolean;
}

export type FeeCell =
  | { kind: 'free'; note?: string }
  | { kind: 'items'; items: FeeItem[] }
  | { kind: 'none' };

/** `2.000.000` and `2,000,000` are two million; `1.5` USD is one and a half; `20000` is twenty thousand. */
/**
 * `Phí : 2.000.000 Đồng (note)`, `Lệ phí : 1.5 USD`, `Phí: ĐồngXem chi tiết`, as [_, label, amount,
 * currency, note]. Read by hand rather than with one pattern: the pattern with a lazy amount and
 * optional parts backtracked (88 s for `Phí : 1` + 700 spaces + `x`); this is one pass.
 */
function feeLine(line: string): [string, string, string, string | undefined, string | undefined] | undefined {
  const label = /^(Lệ phí|Phí)\s*:/iu.exec(line);
  if (!label) return undefined;
  let rest = line.slice(label[0].length).trim();
  if (/xem chi tiết$/iu.test(rest.slice(-12))) rest = rest.slice(0, -'Xem chi tiết'.length).trimEnd();
  // The note is everything from the first "(" when the line ends with ")" (the amount is the shortest prefix).
  let note: string | undefined;
  const open = rest.indexOf('(');
  if (rest.endsWith(')') && open >= 0) {
    note = rest.slice(open);
    rest = rest.slice(0, open).trimEnd();
  }
  let currency: string | undefined;
  const unit = /(Đồng|VNĐ|USD)$/iu.exec(rest.slice(-4));
  if (unit) {
    currency = unit[1];
    rest = rest.slice(0, rest.length - unit[1]!.length).trimEnd();
  }
  return [line, label[1]!, rest.trim(), currency, note];
}

export function parseAmount(text: string, currency: Currency): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t) && currency === 'VND') return Number(t.replace(/\./g, ''));
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+[.,]\d{1,2}$/.test(t) && currency === 'USD') return Number(t.replace(',', '.'));
  return undefined;
}

/** The kind a label or note names: lệ phí, phí, or neither/both (undefined). */
export function kindFromText(text: string | undefined): FeeKind | undefined {
  if (!text) return undefined;
  const folded = foldVietnamese(text);
  const lePhi = /\ble phi\b/.test(folded);
  const phi = /(?<!le )\bphi\b/.test(folded.replace(/\bmien phi\b/g, ''));
  if (lePhi && !phi) return 'le-phi';
  if (phi && !lePhi) return 'phi';
  return undefined;
}

function unitFromNote(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const slash = /^\/\s*([^()]{1,60})$/.exec(note.trim());
  if (slash) return slash[1]!.trim().replace(/[.;]$/, '');
  const per = /đồng\s*\/\s*([\p{L}][\p{L} ]{0,40}?)(?:[.;,)(]|$)/u.exec(note);
  return per ? per[1]!.trim() : undefined;
}

/** Removes one pair of outer brackets: `(Theo quy định)` → `Theo quy định`. */
function unwrap(text: string): string {
  const t = text.trim();
  return t.startsWith('(') && t.endsWith(')') ? t.slice(1, -1).trim() : t;
}

/**
 * A national-database fee cell: one `Phí : … Đồng (…)` per line; `File đính kèm: x.pdf` lines belong
 * to the fee above them. Returns undefined items for lines that do not follow the pattern at all.
 */
export function parseLabelledFees(raw: string | undefined): { cell: FeeCell; unparsedLines: string[] } {
  if (raw === undefined || isNoData(raw)) return { cell: { kind: 'none' }, unparsedLines: [] };
  const items: FeeItem[] = [];
  const unparsedLines: string[] = [];
  for (const line of raw.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const attached = /^File đính kèm\s*:\s*(.+)$/i.exec(line);
    if (attached && items.length > 0) {
      const last = items[items.length - 1]!;
      last.note = last.note ? `${last.note}. File đính kèm: ${attached[1]}` : `File đính kèm: ${attached[1]}`;
      continue;
    }
    // Phí : 2.000.000 Đồng (note) | Lệ phí : 1.5 USD | Phí: ĐồngXem chi tiết (old portal)
    const m = feeLine(line);
    if (!m) {
      unparsedLines.push(line);
      continue;
    }
    const kind: FeeKind = /^lệ/i.test(m[1]!) ? 'le-phi' : 'phi';
    const currency: Currency = m[3] === 'USD' ? 'USD' : 'VND';
    const amountText = oneLine(m[2] ?? '');
    const note = m[4] ? unwrap(m[4]) || undefined : undefined;
    const item: FeeItem = { kind, amount: undefined, currency };
    if (note) item.note = note;
    const unit = unitFromNote(note);
    if (unit) item.unit = unit;
    if (amountText === '') {
      // `Phí :  Đồng`: the label is there, the amount is not.
    } else if (/^[oO]$/.test(amountText)) {
      item.amount = 0;
      item.letterO = true;
    } else if (/^không$/i.test(amountText)) {
      item.amount = 0;
    } else {
      const amount = parseAmount(amountText, currency);
      if (amount !== undefined) item.amount = amount;
      else item.amountText = amountText;
    }
    items.push(item);
  }
  return { cell: items.length > 0 ? { kind: 'items', items } : { kind: 'none' }, unparsedLines };
}

const CURRENCY_WORD = /^(Việt Nam Đồng|VNĐ|VND|Đồng|USD)/u;

/** Reads a balanced bracket group at the start of text: `(a (b) c)rest` → `(a (b) c)`. */
export function bracketAt(text: string): string | undefined {
  if (!text.startsWith('(')) return undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      depth--;
      if (depth === 0) return text.slice(0, i + 1);
    }
  }
  return undefined;
}

export interface PortalFeeRun {
  cell: FeeCell;
  /** How many characters of the input the fee run used; the rest is the channel description. */
  length: number;
}

/**
 * Reads the fee run at the start of a portal channel segment (after its time): `Miễn phí`,
 * `Không có thông tin`, or one or more `amount currency(note)`. Returns undefined when the text does
 * not start with a fee.
 */
export function readPortalFees(text: string): PortalFeeRun | undefined {
  const free = /^Miễn phí/u.exec(text);
  if (free) {
    const note = bracketAt(text.slice(free[0].length));
    const cell: FeeCell = note && unwrap(note) ? { kind: 'free', note: unwrap(note) } : { kind: 'free' };
    return { cell, length: free[0].length + (note?.length ?? 0) };
  }
  if (text.startsWith('Không có thông tin')) return { cell: { kind: 'none' }, length: 'Không có thông tin'.length };
  const items: FeeItem[] = [];
  let pos = 0;
  for (;;) {
    const m = /^([\d.,]+)\s*/u.exec(text.slice(pos));
    if (!m) break;
    const cur = CURRENCY_WORD.exec(text.slice(pos + m[0].length));
    if (!cur) break;
    const currency: Currency = cur[1] === 'USD' ? 'USD' : 'VND';
    let length = m[0].length + cur[0].length;
    const note = bracketAt(text.slice(pos + length));
    length += note?.length ?? 0;
    const noteText = note ? unwrap(note) : undefined;
    const item: FeeItem = { kind: kindFromText(noteText), amount: parseAmount(m[1]!, currency), currency };
    if (item.amount === undefined) item.amountText = m[1]!;
    if (noteText) item.note = noteText;
    const unit = unitFromNote(noteText);
    if (unit) item.unit = unit;
    items.push(item);
    pos += length;
  }
  if (items.length === 0) return undefined;
  return { cell: { kind: 'items', items }, length: pos };
}

/** Amounts a note states in đồng: `20.000 đ/tờ khai`, `100.000 đồng/lần`, `50.000đ`. */
export function amountsInNote(note: string | undefined): number[] {
  if (!note) return [];
  const out: number[] = [];
  for (const m of note.matchAll(/(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ\b|đ\/|vnđ|vnd|VNĐ|Đ\b|Đ\/|USD)/giu)) {
    const n = Number(m[1]!.replace(/[.,]/g, ''));
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/** A note on a `Miễn phí` cell that speaks of a charge ("Mức lệ phí … do Hội đồng nhân dân tỉnh quyết định"). */
export function noteSuggestsCharge(note: string | undefined): boolean {
  if (!note) return false;
  const folded = foldVietnamese(note);
  if (/^(khong|khong co|khong quy dinh|khong thu)\b/.test(folded.trim()) && !/\d/.test(folded)) return false;
  return /muc (thu|le phi|phi)|\bthu phi\b|\bthu le phi\b|\d+\s*(dong|d\/)/.test(folded);
}
