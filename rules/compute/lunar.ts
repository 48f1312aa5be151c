/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7. The conversion is date-chinese's
 * CalendarVietnamese (astronomical new moons and solar terms at UTC+7 from 1968); it is checked
 * against an independent implementation of Hồ Ngọc Đức's algorithm for every Tết and Giỗ Tổ
 * 1968–2100 in tests/rules/compute/lunar.test.ts, including the years Vietnam and China differ.
 */
import { CalendarVietnamese } from 'date-chinese';
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

// Conversions are pure and a working calendar asks for the same few dates again and again.
const toSolarCache = new Map<string, IsoDate>();

/**
 * The solar date of a lunar date. `year` is the Gregorian year in which that lunar year begins, so
 * 10/3 of the lunar year starting in 2025 is lunarToSolar(2025, 3, 10) = 2025-04-07.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): IsoDate {
  checkYear(year);
  const key = `${year}-${month}-${day}-${leap}`;
  const cached = toSolarCache.get(key);
  if (cached) return cached;
  const cal = new CalendarVietnamese();
  cal.fromJDE(cal.newYear(year));
  const [cycle, cycleYear] = cal.get();
  const g = new CalendarVietnamese().set(cycle, cycleYear, month, leap, day).toGregorian(year);
  const result = iso(g.year, g.month, g.day);
  toSolarCache.set(key, result);
  return result;
}

/** Mùng 1 Tết (1/1 lunar) of the lunar year that begins in the given Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar(year, 1, 1);
}

/** The lunar date of a solar date. */
export function solarToLunar(date: IsoDate): LunarDate {
  const y = Number(date.slice(0, 4));
  checkYear(y);
  const cal = new CalendarVietnamese().fromGregorian(y, Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const [, , month, leap, day] = cal.get();
  // The lunar year begins in y unless the date precedes this year's Tết.
  const year = date < lunarNewYear(y) ? y - 1 : y;
  return { year, month, day, leap: Boolean(leap) };
}
