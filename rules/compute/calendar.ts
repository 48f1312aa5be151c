/**
 * The working calendar: which days an office works, and why each other day is off. Built from the
 * calendar data (catalogue/calendars/<id>.json), which the caller passes in, so this module does no
 * I/O and runs in a browser as well as in Node.
 *
 * A year with an official announcement uses it as announced. A year without one is derived from the
 * statutory rules (holidays, their assumed yearly choices, compensatory days) and is provisional.
 * A partly confirmed year uses its announcement, stands a rule in for each open item, and is
 * provisional only on the dates those items may affect.
 */
import type { AnnouncedDay, Announcement, HolidayRule, OfficeHours, TimeSpan, Weekday, WorkingCalendar as CalendarData } from '../schema/types/calendar.generated.js';
import { UsageError } from '../usage-error.js';
import { formatDate, formatLunarDay, WEEKDAY_VI } from '../text/vi/dates.js';
import { addDays, checkIsoDate, dayOfWeek, isIsoDate, yearOf, type IsoDate } from './dates.js';
import { lunarToSolar, solarToLunar } from './lunar.js';

export type { CalendarData };

/** workday: an ordinary working day; make-up-day: a weekly rest day declared a working day (làm bù). */
export type DayKind = 'workday' | 'weekly-rest' | 'holiday' | 'compensatory' | 'swap-off' | 'make-up-day';

/**
 * regular: a plain weekday or weekly rest day; announced: from the year's official schedule;
 * derived: from the statutory rules, for a year with no schedule; assumed: a rule standing in for an
 * open item of a partly confirmed schedule.
 */
export type DaySource = 'regular' | 'announced' | 'derived' | 'assumed';

export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Why the day is off, or why a rest day is worked, in Vietnamese; the weekday name for a weekly rest day; '' for an ordinary working day. */
  reason: string;
  source: DaySource;
  /** The holiday rule the day comes from, for derived and assumed days. */
  rule?: string;
}

/** Why results over part of the calendar may still change. */
export interface ProvisionalNote {
  year: number;
  /** The dates the note covers (a whole year, or the window of one open item). */
  from: IsoDate;
  to: IsoDate;
  reason: string;
}

export type YearStatus = 'announced' | 'partly-confirmed' | 'derived';

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const ANNOUNCED_KIND: Record<AnnouncedDay['kind'], DayKind> = {
  holiday: 'holiday',
  nghi_bu: 'compensatory',
  swap_off: 'swap-off',
  lam_bu: 'make-up-day',
};

/** A holiday day produced by a rule, before compensatory days. */
interface RuleDay {
  date: IsoDate;
  /** The reason without a weekday suffix, e.g. "Tết Nguyên đán (mùng 1)". */
  label: string;
  rule: HolidayRule;
}

export class WorkingCalendar {
  readonly id: string;
  readonly data: CalendarData;
  readonly office: OfficeHours;
  readonly supported: { from: number; to: number };
  private readonly rest: ReadonlySet<number>;
  private readonly announcementByYear = new Map<number, Announcement>();
  private readonly announcedByDate = new Map<IsoDate, AnnouncedDay>();
  private readonly years = new Map<number, Map<IsoDate, CalendarDay>>();

  constructor(data: CalendarData) {
    this.id = data.id;
    this.data = data;
    this.office = data.office;
    this.supported = { from: data.supported.from, to: data.supported.to };
    this.rest = new Set(data.weeklyRest.days.map((d) => WEEKDAYS.indexOf(d)));
    for (const a of data.announcements) {
      this.announcementByYear.set(a.year, a);
      // An announcement may name days of the neighbouring year (31/12/2018 in the 2019 schedule).
      for (const d of a.days) this.announcedByDate.set(d.date, d);
    }
  }

  /** Throws a UsageError when the date is outside the years this calendar can count. */
  assertSupported(date: IsoDate): void {
    const y = yearOf(date);
    if (y < this.supported.from || y > this.supported.to) {
      throw new UsageError(`The working calendar "${this.id}" covers ${this.supported.from}–${this.supported.to}; ${date} is outside it. ${this.data.supported.reason}`, { id: 'calendar.outside', params: { calendar: this.id, from: this.supported.from, to: this.supported.to, date } });
    }
  }

  isWeeklyRest(date: IsoDate): boolean {
    return this.rest.has(dayOfWeek(date));
  }

  /** What kind of day a date is, and why. */
  day(date: IsoDate): CalendarDay {
    checkIsoDate(date, 'The date');
    this.assertSupported(date);
    const known = this.yearTable(yearOf(date)).get(date);
    if (known) return known;
    return this.isWeeklyRest(date)
      ? { date, working: false, kind: 'weekly-rest', reason: WEEKDAY_VI[dayOfWeek(date)]!, source: 'regular' }
      : { date, working: true, kind: 'workday', reason: '', source: 'regular' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = addDays(date, 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The date itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** The n-th working day after the date (n > 0), before it (n < 0), or the date itself (n = 0). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new UsageError(`A number of working days must be a whole number, got ${n}.`);
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days in (a, b]: how many working days after a until b; negative when b is before a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** Every day in [from, to] that is not a working day, with its reason. */
  daysOff(from: IsoDate, to: IsoDate): CalendarDay[] {
    const out: CalendarDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const info = this.day(d);
      if (!info.working) out.push(info);
    }
    return out;
  }

  yearStatus(year: number): YearStatus {
    const a = this.announcementByYear.get(year);
    if (!a) return 'derived';
    return a.confirmed ? 'announced' : 'partly-confirmed';
  }

  /** Why results that look at any day in [from, to] are provisional; empty when they are final. */
  provisionalNotes(from: IsoDate, to: IsoDate): ProvisionalNote[] {
    const notes: ProvisionalNote[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      const a = this.announcementByYear.get(y);
      if (!a) {
        notes.push({ year: y, from: `${y}-01-01`, to: `${y}-12-31`, reason: this.derivedYearReason(y) });
        continue;
      }
      if (a.confirmed) continue;
      if (!a.pending || a.pending.length === 0) {
        notes.push({ year: y, from: `${y}-01-01`, to: `${y}-12-31`, reason: `${y}: the official schedule is not fully confirmed. ${a.notes.join(' ')}`.trim() });
        continue;
      }
      for (const p of a.pending) {
        if (p.to < from || p.from > to) continue;
        notes.push({ year: y, from: p.from, to: p.to, reason: p.note });
      }
    }
    return notes;
  }

  /** The holiday days the statutory rules give for a year, with compensatory days: what an announcement is expected to contain. */
  derivedDaysOff(year: number): CalendarDay[] {
    return [...this.derive(year, this.data.holidays, () => false, 'derived').values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  private derivedYearReason(year: number): string {
    const assumed = this.data.holidays
      .filter((r) => r.assumption)
      .map((r) => {
        const days = this.ruleDays(r, year).filter((d) => yearOf(d.date) === year);
        if (days.length === 0) return undefined;
        const span = days.length === 1 ? days[0]!.date : `${days[0]!.date} – ${days[days.length - 1]!.date}`;
        return `${r.name} ${span}`;
      })
      .filter((x): x is string => x !== undefined);
    return `${year}: no official schedule of days off has been announced; the days off are derived from the statutory rules${assumed.length > 0 ? ` (assumed: ${assumed.join('; ')})` : ''}, and swaps or make-up Saturdays, decided each year, cannot be foreseen.`;
  }

  private yearTable(year: number): Map<IsoDate, CalendarDay> {
    let table = this.years.get(year);
    if (table) return table;
    table = new Map();
    const announcement = this.announcementByYear.get(year);
    if (!announcement) {
      for (const [date, day] of this.derive(year, this.data.holidays, () => false, 'derived')) table.set(date, day);
    } else {
      const pendingRules = (announcement.pending ?? []).map((p) => p.rule).filter((r): r is string => r !== undefined);
      const rules = this.data.holidays.filter((r) => pendingRules.includes(r.id));
      const announcedOff = (date: IsoDate) => {
        const a = this.announcedByDate.get(date);
        return a !== undefined && a.kind !== 'lam_bu';
      };
      for (const [date, day] of this.derive(year, rules, announcedOff, 'assumed')) if (!announcedOff(date)) table.set(date, day);
    }
    // Announced days win over derived ones, whichever year's announcement names them.
    for (const [date, a] of this.announcedByDate) {
      if (yearOf(date) !== year) continue;
      const kind = ANNOUNCED_KIND[a.kind];
      table.set(date, { date, working: kind === 'make-up-day', kind, reason: a.reason, source: 'announced' });
    }
    this.years.set(year, table);
    return table;
  }

  /**
   * The days off that `rules` give for a year, plus a compensatory day for each that falls on a
   * weekly rest day: the next day that is neither a rest day, nor off already, nor taken by an
   * earlier compensatory day (BLLĐ 2019 Art. 111(3)).
   */
  private derive(year: number, rules: readonly HolidayRule[], alreadyOff: (date: IsoDate) => boolean, source: DaySource): Map<IsoDate, CalendarDay> {
    const holidays = new Map<IsoDate, RuleDay>();
    // Rules anchored in the neighbouring years may reach into this one.
    for (const y of [year - 1, year, year + 1]) {
      if (y < this.supported.from - 1 || y > this.supported.to + 1) continue;
      for (const rule of rules) for (const d of this.ruleDays(rule, y)) if (!holidays.has(d.date)) holidays.set(d.date, d);
    }
    const out = new Map<IsoDate, CalendarDay>();
    const taken = new Set<IsoDate>(holidays.keys());
    for (const h of [...holidays.values()].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      const onRest = this.isWeeklyRest(h.date);
      if (yearOf(h.date) === year) {
        out.set(h.date, { date: h.date, working: false, kind: 'holiday', reason: onRest ? `${h.label} – ${WEEKDAY_VI[dayOfWeek(h.date)]}` : h.label, source, rule: h.rule.id });
      }
      if (!onRest) continue;
      let c = addDays(h.date, 1);
      while (this.isWeeklyRest(c) || taken.has(c) || alreadyOff(c)) c = addDays(c, 1);
      taken.add(c);
      if (yearOf(c) === year) {
        out.set(c, { date: c, working: false, kind: 'compensatory', reason: `nghỉ bù ${h.label} ngày ${formatDate(h.date)}`, source, rule: h.rule.id });
      }
    }
    return out;
  }

  /** The days a rule gives for the anchor in a given year, when the rule is in force on the anchor. */
  private ruleDays(rule: HolidayRule, year: number): RuleDay[] {
    const anchor = this.anchorDate(rule, year);
    if (anchor === undefined) return [];
    if (anchor < rule.effective.from || (rule.effective.until !== undefined && anchor > rule.effective.until)) return [];
    const offsets = 'offsets' in rule.days ? rule.days.offsets : [rule.days.byWeekday[WEEKDAYS[dayOfWeek(anchor)]!]];
    return offsets
      .map((o) => addDays(anchor, o))
      .sort()
      .map((date) => ({ date, label: rule.anchor.calendar === 'lunar' ? `${rule.name} (${formatLunarDay(solarToLunar(date))})` : rule.name, rule }));
  }

  private anchorDate(rule: HolidayRule, year: number): IsoDate | undefined {
    const { calendar, month, day } = rule.anchor;
    if (calendar === 'lunar') {
      try {
        return lunarToSolar(year, month, day);
      } catch {
        return undefined;
      }
    }
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return isIsoDate(date) ? date : undefined;
  }
}

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  return new WorkingCalendar(data);
}

/** Office hours as minutes since midnight, checked. */
export interface Office {
  cutoff: number;
  spans: { from: number; to: number }[];
  /** Minutes of office time in one working day. */
  minutesPerDay: number;
  /** As configured, for explanations: "08:00–12:00, 13:00–17:00". */
  label: string;
  cutoffLabel: string;
}

export function parseClock(text: string, what: string): number {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(text);
  if (!m) throw new UsageError(`${what} must be a time of day as HH:MM (00:00–23:59), got "${text}".`, { id: 'clock.malformed', params: { what, value: text } });
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar's office hours with any per-call overrides, checked: spans in order, not overlapping. */
export function resolveOffice(base: OfficeHours, override: { cutoff?: string | undefined; hours?: readonly TimeSpan[] | undefined } = {}): Office {
  const cutoff = parseClock(override.cutoff ?? base.cutoff, 'The cut-off hour');
  const hours = override.hours ?? base.hours;
  if (hours.length === 0) throw new UsageError('Office hours need at least one span, e.g. 08:00-12:00.', { id: 'office-hours.empty' });
  const spans = hours.map((h) => ({ from: parseClock(h.from, 'An office-hours start'), to: parseClock(h.to, 'An office-hours end') }));
  spans.forEach((s, i) => {
    if (s.to <= s.from) throw new UsageError(`Office hours ${formatClock(s.from)}–${formatClock(s.to)} end before they start.`, { id: 'office-hours.backwards', params: { span: `${formatClock(s.from)}–${formatClock(s.to)}` } });
    const previous = spans[i - 1];
    if (previous && s.from < previous.to) throw new UsageError(`Office hours must be in order and not overlap: ${formatClock(previous.from)}–${formatClock(previous.to)} then ${formatClock(s.from)}–${formatClock(s.to)}.`, { id: 'office-hours.overlap', params: { a: `${formatClock(previous.from)}–${formatClock(previous.to)}`, b: `${formatClock(s.from)}–${formatClock(s.to)}` } });
  });
  return {
    cutoff,
    spans,
    minutesPerDay: spans.reduce((sum, s) => sum + s.to - s.from, 0),
    label: spans.map((s) => `${formatClock(s.from)}–${formatClock(s.to)}`).join(', '),
    cutoffLabel: formatClock(cutoff),
  };
}

