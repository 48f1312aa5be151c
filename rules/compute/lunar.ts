/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7. The first day of every lunar
 * month 1968–2100 is a table (lunar-months.ts) generated from date-chinese's CalendarVietnamese
 * (astronomical new moons and solar terms at UTC+7), so converting is arithmetic and loads nothing
 * (a command that counts days starts ~50 ms sooner). It is checked against date-chinese for every
 * month and against an independent implementation of Hồ Ngọc Đức's algorithm for every Tết and
 * Giỗ Tổ 1968–2100 in tests/rules/compute/lunar.test.ts, including the years Vietnam and China differ.
 */
import { LUNAR_MONTHS } from './lunar-months.js';
import type { IsoDate } from './dates.js';

/** Years for which the conversion is at UTC+7 and checked: before 1968 the library uses UTC+8. */
export const LUNAR_RANGE = { from: 1968, to: 2100 } as const;

export interface LunarDate {
  /** The Gregorian year in which this lunar year begins (Tết). */
  year: number;
  month: number;
  day: number;
  /** A leap month (tháng nhuận). */
  leap: boolean;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_RANGE.from || year > LUNAR_RANGE.to) {
    throw new RangeError(`The lunar calendar is supported for ${LUNAR_RANGE.from}–${LUNAR_RANGE.to}; ${year} is outside it.`);
  }
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

function dayNumberOf(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): IsoDate {
  const d = new Date(day * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Index of each lunar month by "year/month/leap". */
const MONTH_INDEX = new Map(LUNAR_MONTHS.map(([, year, month, leap], i) => [`${year}/${month}/${leap}`, i]));

/**
 * The solar date of a lunar date. `year` is the Gregorian year in which that lunar year begins, so
 * 10/3 of the lunar year starting in 2025 is lunarToSolar(2025, 3, 10) = 2025-04-07. A day past the
 * end of its month runs on into the next, and a leap month the year does not have is the month
 * after its namesake, as date-chinese counts them.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): IsoDate {
  checkYear(year);
  let i = MONTH_INDEX.get(`${year}/${month}/${leap ? 1 : 0}`);
  if (i === undefined && leap) {
    const plain = MONTH_INDEX.get(`${year}/${month}/0`);
    if (plain !== undefined) i = plain + 1;
  }
  if (i === undefined || i >= LUNAR_MONTHS.length) throw new RangeError(`There is no lunar month ${month}${leap ? ' (leap)' : ''} in ${year}.`);
  return isoOf(LUNAR_MONTHS[i]![0] + day - 1);
}

/** Mùng 1 Tết (1/1 lunar) of the lunar year that begins in the given Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar(year, 1, 1);
}

/** The lunar date of a solar date. */
export function solarToLunar(date: IsoDate): LunarDate {
  checkYear(Number(date.slice(0, 4)));
  const n = dayNumberOf(date);
  // The last month beginning on or before the day.
  let lo = 0;
  let hi = LUNAR_MONTHS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (LUNAR_MONTHS[mid]![0] <= n) lo = mid;
    else hi = mid - 1;
  }
  const [start, year, month, leap] = LUNAR_MONTHS[lo]!;
  return { year, month, day: n - start + 1, leap: leap === 1 };
}
