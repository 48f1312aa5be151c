import type { Duration, TimeUnit } from '../schema/types/procedure-version.generated.js';

/** Office hours in one working day (08:00–12:00 and 13:00–17:00, domain.md §4). */
export const HOURS_PER_WORKING_DAY = 8;

/**
 * Converts a duration to a comparable amount, or undefined when the units cannot be compared
 * exactly: working hours and working days convert (8 hours a day); calendar days and months do not
 * convert to working days, because how many working days a span holds depends on the calendar.
 */
export function inUnit(d: Duration, unit: TimeUnit): number | undefined {
  if (d.unit === unit) return d.value;
  if (d.unit === 'hours' && unit === 'working-days') return d.value / HOURS_PER_WORKING_DAY;
  if (d.unit === 'working-days' && unit === 'hours') return d.value * HOURS_PER_WORKING_DAY;
  return undefined;
}

/** -1, 0 or 1, or undefined when the units are not comparable. */
export function compareDurations(a: Duration, b: Duration): -1 | 0 | 1 | undefined {
  const av = inUnit(a, b.unit);
  if (av !== undefined) return av < b.value ? -1 : av > b.value ? 1 : 0;
  const bv = inUnit(b, a.unit);
  if (bv !== undefined) return a.value < bv ? -1 : a.value > bv ? 1 : 0;
  return undefined;
}

export const UNIT_LABEL_EN: Record<TimeUnit, string> = {
  hours: 'working hours',
  'working-days': 'working days',
  days: 'calendar days',
  months: 'months',
};

export function describeDuration(d: Duration): string {
  return `${d.value} ${UNIT_LABEL_EN[d.unit]}`;
}
