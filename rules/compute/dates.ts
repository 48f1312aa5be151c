/** Calendar dates as YYYY-MM-DD strings, computed on whole days with no time zone involved. */
import { UsageError } from '../usage-error.js';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is false). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date given by a user, in the one wording used everywhere (issue 19: a date
 * that does not exist was worded three ways): undefined for a real YYYY-MM-DD date. `what` names
 * where it was given ("--at", "The submission date"). The id and values let the CLI word it in
 * Vietnamese (cli/messages).
 */
export function dateProblem(text: string, what: string): { message: string; id: string; params: Record<string, unknown> } | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return { message: `${what} expects a date as YYYY-MM-DD, got "${text}".`, id: 'date.malformed', params: { what, value: text } };
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return { message: `${what} ${text} is not a real date: a month is 01 to 12.`, id: 'date.month-does-not-exist', params: { what, value: text } };
  if (isIsoDate(text)) return undefined;
  const days = daysInMonth(y, mo);
  return { message: `${what} ${text} is not a real date: ${MONTHS_EN[mo - 1]} ${y} has ${days} days.`, id: 'date.does-not-exist', params: { what, value: text, year: y, month: mo, days } };
}

/** The date, checked: a UsageError in the one wording of dateProblem when it is not a real YYYY-MM-DD date. */
export function checkIsoDate(text: string, what: string): IsoDate {
  const problem = dateProblem(text, what);
  if (problem) throw new UsageError(problem.message, { id: problem.id, params: problem.params });
  return text;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (a day number), for arithmetic. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31/1 + 1 month = 28/2 or 29/2). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Today's date in Vietnam (UTC+7), whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return fromDayNumber(Math.floor((now.getTime() + 7 * 3_600_000) / MS_PER_DAY));
}
