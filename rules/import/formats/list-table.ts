/**
 * The rows of a spreadsheet-like list, before anyone knows which column is what: a CSV file in any
 * delimiter and encoding a province's system writes, or the sheets of an xlsx workbook with their
 * merged cells filled in. What the columns mean is provincial-list.ts's business.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { strFromU8 } from 'fflate';
import { openWorkbook } from './workbook.js';
import readXlsxFile from 'read-excel-file/node';

export interface TableRow {
  /** Where the row starts: the line of a CSV file, the row number of a sheet (1-based). */
  line: number;
  cells: string[];
}

export interface Table {
  /** The sheet's name for an xlsx workbook. */
  sheet?: string;
  rows: TableRow[];
  /** How the bytes were read: utf-8, utf-8 with BOM, windows-1258, windows-1252; xlsx for a workbook. */
  encoding: Encoding;
  delimiter?: Delimiter;
  /** Records that a line break cut in two and that were joined again: the line each one starts on. */
  joined: number[];
  /** Cells filled from a merged range, for the report. */
  mergedRanges: number;
}

export type Encoding = 'utf-8' | 'utf-8 (BOM)' | 'windows-1258' | 'windows-1252' | 'xlsx';

export const DELIMITERS = [',', ';', '|', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Bytes that are tone marks in Windows-1258 (combining grave, acute, hook, tilde, dot below). */
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/** Vowels as Windows-1258 writes them, ASCII and the letters with a shape mark (â ê ô ơ ư ă). */
const CP1258_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3, 0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3]));

/**
 * The text of a file whose encoding nobody stated. UTF-8 when the bytes are valid UTF-8 (with or
 * without BOM). Otherwise a Windows code page: Vietnamese in Windows-1258 writes most tones as a
 * combining byte after the vowel, which Windows-1252 text never does; so a tone byte after a vowel
 * means 1258, else 1252. Node's own TextDecoder (WHATWG encodings, ICU) decodes both, so no decoder
 * library is needed: iconv-lite would add a dependency for what the platform already does.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body).normalize('NFC'), encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
  } catch {
    let tones = 0;
    for (let i = 1; i < body.length; i++) if (CP1258_TONES.has(body[i]!) && CP1258_VOWELS.has(body[i - 1]!)) tones++;
    const encoding: Encoding = tones > 0 ? 'windows-1258' : 'windows-1252';
    return { text: new TextDecoder(encoding).decode(body).normalize('NFC'), encoding };
  }
}

/**
 * The delimiter that splits the first lines most evenly: for each candidate, the number of lines
 * with the most common non-zero count of it (quoted text is skipped). Ties go to the order of DELIMITERS.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .replace(/"[^"]*"/g, '""')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The most common number of fields: what a whole record has. */
function usualWidth(records: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/**
 * A field with an unquoted line break splits its record in two: the first part has too few
 * fields, and the rest starts with the remainder of the broken field. Consecutive short records
 * whose widths add up (less the shared field) to a whole record are joined, the broken field with a space.
 */
function joinBroken(rows: TableRow[], width: number, joined: number[]): TableRow[] {
  const out: TableRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    let row = rows[i]!;
    if (row.cells.length < width) {
      let cells = [...row.cells];
      let j = i + 1;
      while (cells.length < width && j < rows.length && cells.length + rows[j]!.cells.length - 1 <= width) {
        const next = rows[j]!.cells;
        cells = [...cells.slice(0, -1), `${cells[cells.length - 1]!.trimEnd()} ${next[0]!.trimStart()}`.trim(), ...next.slice(1)];
        j++;
      }
      if (cells.length === width && j > i + 1) {
        joined.push(row.line);
        row = { line: row.line, cells };
        i = j - 1;
      }
    }
    out.push(row);
  }
  return out;
}

export function parseCsvText(text: string, encoding: Encoding): Table {
  const delimiter = detectDelimiter(text);
  const quoted = /(^|[\r\n]|[,;|\t])"/.test(text);
  const records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, quote: quoted ? '"' : false, bom: true }) as unknown as { info: { lines: number }; record: string[] }[];
  const rows: TableRow[] = records.map(({ info, record }) => {
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, cells: record };
  });
  const joined: number[] = [];
  const whole = joinBroken(rows, usualWidth(records.map((r) => r.record)), joined);
  return { rows: whole, encoding, delimiter, joined, mergedRanges: 0 };
}

export async function readCsvTable(file: string): Promise<Table> {
  const { text, encoding } = decodeText(await readFile(file));
  return parseCsvText(text, encoding);
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** "B3" → [row 2, column 1], zero-based. */
function address(ref: string): [number, number] {
  const m = /^([A-Z]+)([0-9]+)$/.exec(ref)!;
  let col = 0;
  for (const c of m[1]!) col = col * 26 + (c.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

/**
 * The merged ranges of each sheet, by sheet name. read-excel-file gives a merged range's value to
 * its first cell only and says nothing of the range, so the ranges are read from the sheet XML.
 */
function mergedRanges(parts: Map<string, Uint8Array>): Map<string, [number, number, number, number][]> {
  const text = (name: string) => {
    const part = parts.get(name);
    return part ? strFromU8(part) : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, [number, number, number, number][]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const xml = rid && targets.get(rid) ? text(targets.get(rid)!) : '';
    if (!name) continue;
    const ranges: [number, number, number, number][] = [];
    for (const r of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"/g)) {
      const [r1, c1] = address(r[1]!);
      const [r2, c2] = address(r[2]!);
      ranges.push([r1, c1, r2, c2]);
    }
    out.set(name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), ranges);
  }
  return out;
}

/** Every sheet of a workbook as a table, each cell of a merged range holding the range's value. */
export async function readXlsxTables(file: string): Promise<Table[]> {
  // Inflated here under the workbook limit; read-excel-file gets the parts, never the original zip.
  const { parts, zip } = await openWorkbook(file);
  const sheets = await readXlsxFile(zip);
  const merges = mergedRanges(parts);
  return sheets.map((sheet) => {
    const data = (sheet.data as unknown[][]).map((row) => row.map(cellText));
    const ranges = merges.get(sheet.sheet) ?? [];
    for (const [r1, c1, r2, c2] of ranges) {
      const value = data[r1]?.[c1] ?? '';
      for (let r = r1; r <= r2; r++) {
        const row = (data[r] ??= []);
        for (let c = c1; c <= c2; c++) if (!row[c]) row[c] = value;
      }
    }
    return { sheet: sheet.sheet, rows: data.map((cells, i) => ({ line: i + 1, cells })), encoding: 'xlsx' as const, joined: [], mergedRanges: ranges.length };
  });
}
