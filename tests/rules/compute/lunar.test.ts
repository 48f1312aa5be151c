import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar, LUNAR_RANGE } from '../../../rules/compute/lunar.js';
import { lunarToSolarHnd } from '../../helpers/ho-ngoc-duc.js';
import { CalendarVietnamese } from 'date-chinese';
import { LUNAR_MONTHS } from '../../../rules/compute/lunar-months.js';

const VIETNAM = 7;
const CHINA = 8;

describe('lunar dates (UTC+7) against Hồ Ngọc Đức’s algorithm', () => {
  it('Tết (1/1) and Giỗ Tổ (10/3) agree for every year 1968–2100', () => {
    const mismatches: string[] = [];
    for (let year = LUNAR_RANGE.from; year <= LUNAR_RANGE.to; year++) {
      const tet = lunarNewYear(year);
      const gioTo = lunarToSolar(year, 3, 10);
      const tetRef = lunarToSolarHnd(1, 1, year, false, VIETNAM);
      const gioToRef = lunarToSolarHnd(10, 3, year, false, VIETNAM);
      if (tet !== tetRef) mismatches.push(`Tết ${year}: ${tet} ≠ ${tetRef}`);
      if (gioTo !== gioToRef) mismatches.push(`Giỗ Tổ ${year}: ${gioTo} ≠ ${gioToRef}`);
    }
    expect(mismatches).toEqual([]);
  });

  // The years shared/domain.md §4 names: the same algorithm at UTC+8 gives the Chinese date, so these
  // also prove the check can tell the two calendars apart.
  it.each([
    ['Tết', 1985, 1, 1, '1985-01-21', '1985-02-20'],
    ['Tết', 2007, 1, 1, '2007-02-17', '2007-02-18'],
    ['Tết', 2030, 1, 1, '2030-02-02', '2030-02-03'],
    ['Tết', 2053, 1, 1, '2053-02-18', '2053-02-19'],
    ['Giỗ Tổ', 2037, 3, 10, '2037-04-24', '2037-04-25'],
    ['Giỗ Tổ', 2038, 3, 10, '2038-04-13', '2038-04-14'],
    ['Giỗ Tổ', 2085, 3, 10, '2085-04-03', '2085-04-04'],
  ])('%s %i is %s in Vietnam (%s in China)', (_name, year, month, day, vietnam, china) => {
    expect(lunarToSolar(year, month, day)).toBe(vietnam);
    expect(lunarToSolarHnd(day, month, year, false, VIETNAM)).toBe(vietnam);
    expect(lunarToSolarHnd(day, month, year, false, CHINA)).toBe(china);
  });

  it('names the lunar days around Tết 2025 and a leap month', () => {
    expect(solarToLunar('2025-01-27')).toEqual({ year: 2024, month: 12, day: 28, leap: false });
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    // 2020 had a leap fourth month (tháng 4 nhuận) beginning 23/05/2020.
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(lunarToSolar(2020, 4, 1, true)).toBe('2020-05-23');
    expect(lunarToSolarHnd(1, 4, 2020, true, VIETNAM)).toBe('2020-05-23');
  });

  it('refuses years outside 1968–2100', () => {
    expect(() => lunarNewYear(1967)).toThrow(/1968–2100/);
    expect(() => lunarNewYear(2101)).toThrow(/1968–2100/);
  });
});

describe('the table of lunar months', () => {
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  /** The solar day of a lunar date, straight from date-chinese (as the table was made). */
  const fromLibrary = (year: number, month: number, day: number, leap: boolean) => {
    const cal = new CalendarVietnamese();
    cal.fromJDE(cal.newYear(year));
    const [cycle, cycleYear] = cal.get();
    const g = new CalendarVietnamese().set(cycle, cycleYear, month, leap, day).toGregorian(year);
    return `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
  };

  /** The lunar date of a solar day, straight from date-chinese. */
  const toLunar = (date: string) => {
    const [, , month, leap, day] = new CalendarVietnamese().fromGregorian(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))).get();
    return { month, leap: Boolean(leap), day };
  };

  it('has every month 1968–2100, each beginning where date-chinese begins it, 29 or 30 days long', () => {
    const wrong: string[] = [];
    LUNAR_MONTHS.forEach(([day, year, month, leap], i) => {
      const l = toLunar(iso(day));
      if (l.day !== 1 || l.month !== month || l.leap !== (leap === 1)) wrong.push(`${year}/${month}${leap ? 'L' : ''}`);
      const next = LUNAR_MONTHS[i + 1];
      if (next && next[0] - day !== 29 && next[0] - day !== 30) wrong.push(`length of ${year}/${month}`);
    });
    expect(wrong).toEqual([]);
    expect(iso(LUNAR_MONTHS[0]![0]) <= '1968-01-01' && iso(LUNAR_MONTHS.at(-1)![0]) <= '2100-12-31').toBe(true);
  });

  it('gives the first day of every month as date-chinese does, but for two leap months where its two conversions disagree', () => {
    const differ: string[] = [];
    for (const [day, year, month, leap] of LUNAR_MONTHS) {
      if (year < 1968) continue;
      if (lunarToSolar(year, month, 1, leap === 1) !== iso(day)) differ.push(`table ${year}/${month}`);
      if (fromLibrary(year, month, 1, leap === 1) !== iso(day)) differ.push(`${year}/${month}${leap ? 'L' : ''}`);
    }
    // For these, date-chinese's lunar-to-solar lands a month later than its own solar-to-lunar; the
    // table follows the latter, and Hồ Ngọc Đức's algorithm agrees with it on the leap month's start.
    expect(differ).toEqual(['2033/11L', '2052/12L']);
    expect(lunarToSolar(2033, 11, 1, true)).toBe(lunarToSolarHnd(1, 11, 2033, true, VIETNAM));
    expect(lunarToSolar(2052, 12, 1, true)).toBe(lunarToSolarHnd(1, 12, 2052, true, VIETNAM));
  });

  it('counts past a month’s end and names leap months a year lacks as date-chinese does', () => {
    for (const [year, month, day, leap] of [[2025, 3, 30, false], [2025, 3, 31, false], [2025, 5, 1, true], [2025, 6, 1, true], [2025, 6, 15, false], [2100, 11, 30, false]] as const) {
      expect(lunarToSolar(year, month, day, leap), `${year}/${month}/${day}${leap ? 'L' : ''}`).toBe(fromLibrary(year, month, day, leap));
    }
  });
});
