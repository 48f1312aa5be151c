/**
 * Time limits as the sources write them: `05 Ngày làm việc`, `30 Ngày`, `01 Giờ`, `3 Tháng`, a bare
 * number, `Không quy định`, or a sentence with the time in digits or in words ("mười lăm ngày").
 */
import type { TimeLimit, TimeUnit } from '../schema/types/procedure-version.generated.js';
import { foldVietnamese } from '../text/vi/words.js';
import { isNoData, isNotRegulated, oneLine } from './text.js';

export interface StatedTime {
  value: number;
  unit: TimeUnit;
}

export type TimeCell =
  | { kind: 'time'; value: number; unit: TimeUnit }
  /** A number with no unit: the value is known, the unit is not. */
  | { kind: 'bare'; value: number }
  | { kind: 'not-regulated' }
  | { kind: 'none' }
  | { kind: 'text'; text: string };

const UNIT_WORDS: [RegExp, TimeUnit][] = [
  [/^ngay lam viec$/, 'working-days'],
  [/^ngay$/, 'days'],
  [/^gio(?: lam viec)?$/, 'hours'],
  [/^thang$/, 'months'],
];

function unitOf(word: string): TimeUnit | undefined {
  const folded = foldVietnamese(oneLine(word)).replace(/[.]$/, '');
  return UNIT_WORDS.find(([re]) => re.test(folded))?.[1];
}

/** `1.5` and `0,5` (the decimal comma) both read as one and a half. */
function parseDecimal(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Parses the time cell of a channel. Anything that is not exactly a time is returned as text. */
export function parseTimeCell(raw: string | undefined): TimeCell {
  if (raw === undefined || isNoData(raw)) return { kind: 'none' };
  const text = oneLine(raw);
  if (isNotRegulated(text)) return { kind: 'not-regulated' };
  const m = /^(\d+(?:[.,]\d+)?)\s*([\p{L} ]+?)\.?$/u.exec(text);
  if (m) {
    const unit = unitOf(m[2]!);
    if (unit) return { kind: 'time', value: parseDecimal(m[1]!), unit };
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return { kind: 'bare', value: parseDecimal(text) };
  return { kind: 'text', text };
}

const DIGIT_WORDS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * Reads a Vietnamese number written in words, folded ("muoi lam" = 15, "ba muoi" = 30, "mot tram
 * hai muoi" = 120, "hai muoi mot" = 21). Returns undefined for anything else.
 */
export function wordsToNumber(folded: string): number | undefined {
  const words = folded.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'tram') {
      current = (current || 1) * 100;
      total += current;
      current = 0;
    } else if (w === 'muoi' && i === 0) {
      current += 10;
    } else if (w === 'muoi') {
      current = (current || 1) * 10;
    } else if (w === 'mot' && i > 0 && words[i - 1] === 'muoi') {
      current += 1;
    } else if (w in DIGIT_WORDS) {
      current += DIGIT_WORDS[w]!;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

const NUMBER_WORD = '(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram)';
const UNIT_ALTERNATION = '(ngay lam viec|gio lam viec|ngay|gio|thang)';
/** Digits, optionally followed by the same number in words in brackets: `05 (năm) ngày làm việc`. */
const DIGITS_TIME = new RegExp(`(?<![\\d/.,])(\\d+(?:[.,]\\d+)?)\\s*(?:\\([a-z ]+\\)\\s*)?${UNIT_ALTERNATION}(?![a-z])`, 'g');
const WORDS_TIME = new RegExp(`(?<![a-z])((?:${NUMBER_WORD}\\s+){0,4}${NUMBER_WORD})\\s+${UNIT_ALTERNATION}(?![a-z])`, 'g');
/** Only times in a time-limit context count: "trong thời hạn 15 ngày", "không quá 30 ngày", "10 ngày kể từ". */
const CONTEXT_BEFORE = /(thoi han|khong qua|trong vong|toi da|cham nhat|trong|thoi gian giai quyet|giai quyet)\s*(?:la\s*)?(?::\s*)?$/;
const CONTEXT_AFTER = /^\s*(?:,\s*)?(ke tu|tinh tu|sau khi)/;

export interface TimeMention extends StatedTime {
  /** Offset in the folded text. */
  index: number;
}

/**
 * Times stated in prose, in a time-limit context. The text is folded first (foldVietnamese keeps the
 * length of NFC text, so offsets still point into the original). Calendar dates ("ngày 16 tháng 11
 * năm 2016") and clock times ("sau 15 giờ") are not time limits and are skipped.
 */
export function findTimes(text: string): TimeMention[] {
  const folded = foldVietnamese(text.replace(/\s+/g, ' '));
  const out: TimeMention[] = [];
  const consider = (index: number, length: number, value: number | undefined, unitWord: string) => {
    if (value === undefined) return;
    const before = folded.slice(Math.max(0, index - 45), index);
    const after = folded.slice(index + length, index + length + 25);
    if (/\bngay\s*$/.test(before) && unitWord === 'thang') return; // ngày 16 tháng 11
    if (/^\s*nam\s+\d{4}/.test(after)) return; // … tháng 11 năm 2016
    if (/^\s*\d{1,2}\s*phut/.test(after) || /^\s*\d{2}\b/.test(after)) return; // 07 giờ 30 (phút)
    if (!CONTEXT_BEFORE.test(before) && !CONTEXT_AFTER.test(after)) return;
    const unit = unitOf(unitWord);
    if (unit) out.push({ value, unit, index });
  };
  for (const m of folded.matchAll(DIGITS_TIME)) consider(m.index, m[0].length, parseDecimal(m[1]!), m[2]!);
  for (const m of folded.matchAll(WORDS_TIME)) {
    // "nam" alone is as often "year" as "five": accept it only with another number word.
    const words = m[1]!.trim();
    if (words === 'nam' || words === 'tu') continue;
    consider(m.index, m[0].length, wordsToNumber(words), m[2]!);
  }
  if (/\bngay trong ngay\b|\bngay sau khi nhan (?:du|duoc)/.test(folded)) out.push({ value: 0, unit: 'working-days', index: folded.search(/\bngay trong ngay\b|\bngay sau khi nhan/) });
  return out.sort((a, b) => a.index - b.index);
}

/** The distinct times in a list, by value and unit. */
export function distinctTimes(times: readonly StatedTime[]): StatedTime[] {
  const seen = new Map<string, StatedTime>();
  for (const t of times) seen.set(`${t.value} ${t.unit}`, { value: t.value, unit: t.unit });
  return [...seen.values()];
}

export function sameTime(a: StatedTime, b: StatedTime): boolean {
  return a.value === b.value && a.unit === b.unit;
}

/**
 * What starts the clock, read from a channel's description: the complete, valid dossier (the legal
 * default, domain.md §4), mere receipt, or something else (thụ lý, the date of a request).
 */
export function clockStart(description: string | undefined): Pick<TimeLimit, 'start' | 'startNote'> {
  if (!description) return { start: 'complete-dossier' };
  const folded = foldVietnamese(oneLine(description));
  const m = /\b(ke tu|tinh tu)\s+([^.;]*)/.exec(folded);
  if (!m) return { start: 'complete-dossier' };
  const phrase = m[2]!;
  if (/ho so/.test(phrase) && /(hop le|day du|du ho so|nhan du)/.test(phrase)) return { start: 'complete-dossier' };
  if (/^(ngay |khi )?(nhan|tiep nhan)(?: duoc)? (ho so|don|van ban|de nghi)/.test(phrase)) return { start: 'receipt' };
  const original = oneLine(description).slice(m.index, m.index + m[0].length).replace(/[.;,]+$/, '');
  return { start: 'other', startNote: original.charAt(0).toUpperCase() + original.slice(1) };
}

export function describeTime(t: StatedTime): string {
  return `${t.value} ${t.unit}`;
}
