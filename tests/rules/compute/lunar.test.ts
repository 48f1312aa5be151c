import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar, LUNAR_RANGE } from '../../../rules/compute/lunar.js';
import { lunarToSolarHnd } from '../../helpers/ho-ngoc-duc.js';

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
