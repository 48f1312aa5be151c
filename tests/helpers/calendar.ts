import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkingCalendar, type WorkingCalendar } from '../../rules/compute/calendar.js';
import type { WorkingCalendar as CalendarData } from '../../rules/schema/types/calendar.generated.js';

export const VN_CALENDAR_FILE = fileURLToPath(new URL('../../catalogue/calendars/vn.json', import.meta.url));
/** The shared record of official days off, beside the repository (../shared), where a checkout has it. */
export const SHARED_DAYS_OFF_ORIGINAL = fileURLToPath(new URL('../../../shared/calendar/vn-official-days-off.json', import.meta.url));
/** Its verbatim copy in the repository, so the tests run on a clean clone without ../shared. */
export const SHARED_DAYS_OFF_FILE = fileURLToPath(new URL('../fixtures/calendar/vn-official-days-off.json', import.meta.url));

export interface SharedDaysOff {
  years: { year: number; confirmed: boolean; notes: string[]; days: { date: string; kind: 'holiday' | 'nghi_bu' | 'swap_off' | 'lam_bu'; reason: string }[]; sources: string[] }[];
}

export function vnCalendarData(): CalendarData {
  return JSON.parse(readFileSync(VN_CALENDAR_FILE, 'utf8')) as CalendarData;
}

export function vnCalendar(patch: (data: CalendarData) => CalendarData = (d) => d): WorkingCalendar {
  return createWorkingCalendar(patch(vnCalendarData()));
}

export function sharedDaysOff(): SharedDaysOff {
  return JSON.parse(readFileSync(SHARED_DAYS_OFF_FILE, 'utf8')) as SharedDaysOff;
}

/** Every date of a year, in order. */
export function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
