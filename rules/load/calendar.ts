/**
 * Checks of a working calendar that the schema cannot express: ranges in order, office hours that
 * do not overlap, announced days that can be what they claim to be. Pure (pointer + message), so the
 * loader places them in the file and a browser can run them too.
 */
import type { WorkingCalendar as CalendarData, Weekday } from '../schema/types/calendar.generated.js';
import { dayOfWeek, yearOf } from '../compute/dates.js';

export interface CalendarIssue {
  pointer: string;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
}

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `fileId` is the file's base name, which must equal the calendar id. */
export function checkCalendar(data: CalendarData, fileId?: string): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const error = (pointer: string, ruleId: string, message: string) => issues.push({ pointer, ruleId, severity: 'error', message });
  if (fileId !== undefined && data.id !== fileId) error('/id', 'calendar/id-matches-file', `The calendar id "${data.id}" must match its file name, calendars/${fileId}.json.`);
  if (data.supported.from > data.supported.to) error('/supported/to', 'calendar/supported-range', `The supported years end (${data.supported.to}) before they start (${data.supported.from}).`);

  data.office.hours.forEach((h, i) => {
    if (minutes(h.to) <= minutes(h.from)) error(`/office/hours/${i}/to`, 'calendar/office-hours', `Office hours ${h.from}–${h.to} end before they start.`);
    const previous = data.office.hours[i - 1];
    if (previous && minutes(h.from) < minutes(previous.to)) error(`/office/hours/${i}/from`, 'calendar/office-hours', `Office hours must be in order and not overlap: ${h.from} starts before the previous span ends at ${previous.to}.`);
  });

  const ruleIds = new Set<string>();
  data.holidays.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) error(`/holidays/${i}/id`, 'calendar/duplicate-rule', `Duplicate holiday rule id "${rule.id}".`);
    ruleIds.add(rule.id);
    if (rule.anchor.calendar === 'lunar' && rule.anchor.day > 30) error(`/holidays/${i}/anchor/day`, 'calendar/anchor-date', `A lunar month has at most 30 days; found day ${rule.anchor.day}.`);
    if (rule.anchor.calendar === 'solar' && rule.anchor.day > new Date(Date.UTC(2000, rule.anchor.month, 0)).getUTCDate()) {
      error(`/holidays/${i}/anchor/day`, 'calendar/anchor-date', `Month ${rule.anchor.month} has no day ${rule.anchor.day}.`);
    }
    if (rule.effective.until !== undefined && rule.effective.until < rule.effective.from) error(`/holidays/${i}/effective/until`, 'calendar/period', `The rule ends (${rule.effective.until}) before it starts (${rule.effective.from}).`);
  });

  const rest = new Set(data.weeklyRest.days);
  const years = new Map<number, number>();
  const dates = new Map<string, string>();
  data.announcements.forEach((a, i) => {
    const at = `/announcements/${i}`;
    if (years.has(a.year)) error(`${at}/year`, 'calendar/duplicate-year', `The year ${a.year} is announced twice (first at /announcements/${years.get(a.year)}).`);
    years.set(a.year, i);
    a.days.forEach((d, j) => {
      const p = `${at}/days/${j}`;
      const first = dates.get(d.date);
      if (first) error(`${p}/date`, 'calendar/duplicate-day', `${d.date} is announced twice (first at ${first}).`);
      dates.set(d.date, p);
      if (Math.abs(yearOf(d.date) - a.year) > 1) error(`${p}/date`, 'calendar/day-outside-year', `${d.date} is too far from the announced year ${a.year}.`);
      const weekday = WEEKDAYS[dayOfWeek(d.date)]!;
      const named = weekday[0]!.toUpperCase() + weekday.slice(1);
      if (d.kind === 'lam_bu' && !rest.has(weekday)) error(`${p}/kind`, 'calendar/make-up-day', `${d.date} is a ${named}, already a working day: a make-up day (lam_bu) must be a weekly rest day.`);
      if ((d.kind === 'nghi_bu' || d.kind === 'swap_off') && rest.has(weekday)) error(`${p}/kind`, 'calendar/day-off-on-rest-day', `${d.date} is a ${named}, already a rest day: a ${d.kind} day must be a working weekday.`);
    });
    a.pending?.forEach((item, j) => {
      const p = `${at}/pending/${j}`;
      if (item.to < item.from) error(`${p}/to`, 'calendar/period', `The pending window ends (${item.to}) before it starts (${item.from}).`);
      if (item.rule !== undefined && !ruleIds.has(item.rule)) error(`${p}/rule`, 'calendar/unknown-rule', `No holiday rule has the id "${item.rule}".`);
      if (a.confirmed) issues.push({ pointer: p, ruleId: 'calendar/pending-in-confirmed-year', severity: 'warning', message: `${a.year} is marked confirmed but still lists a pending item.` });
    });
  });
  return issues;
}
