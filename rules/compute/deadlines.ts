/**
 * Due dates (hạn giải quyết) counted over the working calendar, exactly as shared/domain.md §4 states
 * and docs-site/docs/reference/due-dates.md explains. Every result carries its explanation:
 * the effective receipt day, each day skipped and why, the pauses, the rule applied, and whether the
 * calendar it relied on is still provisional. Pure: the calendar is passed in.
 */
import type { TimeSpan } from '../schema/types/calendar.generated.js';
import type { TimeUnit } from '../schema/types/procedure-version.generated.js';
import { UsageError } from '../usage-error.js';
import { formatDate, WEEKDAY_VI } from '../text/vi/dates.js';
import { addDays, addMonths, checkIsoDate, dayOfWeek, isIsoDate, toDayNumber, type IsoDate } from './dates.js';
import { formatClock, resolveOffice, type DaySource, type Office, type WorkingCalendar } from './calendar.js';
import { applicableTimeLimit, summarize, type ApplicableTimeLimit, type Application, type ApplicationSummary } from './application.js';

/** A supplement request (yêu cầu bổ sung) and the resubmission that answers it. */
export interface Supplement {
  /** When the agency asked for the supplement: YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  requested: string;
  /** When the applicant handed the supplement in: YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  resubmitted: string;
}

export interface DueDateRequest {
  /** When the dossier was submitted, local time: YYYY-MM-DD or YYYY-MM-DDTHH:MM. A date alone is taken as the start of office hours. */
  from: string;
  value: number;
  unit: TimeUnit;
  supplements?: readonly Supplement[];
  /** Overrides the calendar's cut-off and office hours for this call. */
  office?: { cutoff?: string | undefined; hours?: readonly TimeSpan[] | undefined };
}

export interface SkippedDay {
  date: IsoDate;
  /** Why the day is not counted, in Vietnamese ("Tết Nguyên đán (mùng 1)", "thứ Bảy", "tạm dừng: chờ bổ sung hồ sơ …"). */
  reason: string;
  /** Where the reason comes from: the calendar (announced, derived, assumed, regular) or a supplement pause. */
  source: DaySource | 'pause';
}

export interface Pause {
  requested: string;
  resubmitted: string;
  /** The receipt day of the resubmission, after the cut-off and non-working-day rules; counting resumes after it. */
  resumed: IsoDate;
  /** For a count in hours, the time the clock restarts. */
  resumedAt: string | null;
}

export interface DueDateFlag {
  id: 'multiple-supplement-requests' | 'supplement-after-due';
  message: string;
}

export interface DueDateResult {
  /** The submission as given, normalised: YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
  submitted: string;
  /** The effective receipt day: the day the clock starts from. */
  received: IsoDate;
  /** For a count in hours, the time the clock starts. */
  receivedAt: string | null;
  receipt: {
    /** The receipt moved to a later day than the submission. */
    rolled: boolean;
    /** Why the receipt day is what it is. */
    reason: string;
    /** Days passed over when the receipt moved forward. */
    passedOver: SkippedDay[];
  };
  timeLimit: { value: number; unit: TimeUnit };
  /** The counting rule applied, in one sentence. */
  rule: string;
  /** The legal basis of the counting rule. */
  legalBasis: string[];
  due: IsoDate;
  /** For a count in hours (or a fraction of a working day), the time it runs out. */
  dueAt: string | null;
  /** The working days counted, in order, for a count in working days. */
  counted: IsoDate[];
  /** The days between the receipt and the due date that were not counted, or that the due date moved past. */
  skipped: SkippedDay[];
  pauses: Pause[];
  flags: DueDateFlag[];
  /** The calendar is not final for some day the count looked at. */
  provisional: boolean;
  provisionalReasons: string[];
  calendar: { id: string; cutoff: string; officeHours: string };
}

/** A point in local time: a date and minutes since midnight, or null for "some time that day". */
export interface Moment {
  date: IsoDate;
  minute: number | null;
}

const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/** Parses YYYY-MM-DD or YYYY-MM-DDTHH:MM; a UsageError names what was wrong. */
export function parseMoment(text: string, what = 'The date'): Moment {
  const m = MOMENT.exec(text.trim());
  if (!m) throw new UsageError(`${what} "${text}" is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM.`, { id: 'moment.malformed', params: { what, value: text } });
  const date = m[1]!;
  if (!isIsoDate(date)) checkIsoDate(date, what);
  if (m[2] === undefined) return { date, minute: null };
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) throw new UsageError(`${what} "${text}" has no such time of day: use 00:00–23:59.`, { id: 'moment.no-such-time', params: { what, value: text } });
  return { date, minute: h * 60 + min };
}

function formatMoment(m: Moment): string {
  return m.minute === null ? m.date : `${m.date}T${formatClock(m.minute)}`;
}

const MINUTES_PER_DAY = 1440;
const abs = (date: IsoDate, minute: number) => toDayNumber(date) * MINUTES_PER_DAY + minute;
const fromAbs = (value: number): { date: IsoDate; minute: number } => {
  const day = Math.floor(value / MINUTES_PER_DAY);
  return { date: addDays('1970-01-01', day), minute: value - day * MINUTES_PER_DAY };
};

interface Receipt {
  day: IsoDate;
  /** When the clock starts on the receipt day, for hours. */
  minute: number;
  rolled: boolean;
  reason: string;
  passedOver: SkippedDay[];
}

/**
 * The receipt rule: a dossier handed in on a non-working day, or after the cut-off on a working
 * day, counts as received on the next working day, at the opening of the office.
 */
export function receiptOf(calendar: WorkingCalendar, office: Office, moment: Moment): Receipt {
  const opening = office.spans[0]!.from;
  const submittedDay = calendar.day(moment.date);
  let reason: string;
  if (!submittedDay.working) {
    reason = `${moment.date} is not a working day (${submittedDay.reason}), so the dossier counts as received on the next working day.`;
  } else if (moment.minute !== null && moment.minute > office.cutoff) {
    reason = `Handed in at ${formatClock(moment.minute)}, after the ${office.cutoffLabel} cut-off, so the dossier counts as received on the next working day.`;
  } else {
    const when = moment.minute === null ? 'a working day (no time given: taken as during office hours, before the cut-off)' : `a working day, at ${formatClock(moment.minute)}, not after the ${office.cutoffLabel} cut-off`;
    return { day: moment.date, minute: moment.minute ?? opening, rolled: false, reason: `Handed in on ${when}: received the same day.`, passedOver: [] };
  }
  const day = calendar.nextWorkingDay(moment.date);
  const passedOver: SkippedDay[] = [];
  for (let d = moment.date; d < day; d = addDays(d, 1)) {
    const info = calendar.day(d);
    if (!info.working) passedOver.push({ date: d, reason: info.reason, source: info.source });
  }
  return { day, minute: opening, rolled: true, reason, passedOver };
}

interface PauseSpan {
  pause: Pause;
  requested: Moment;
  requestedDay: IsoDate;
  resumedDay: IsoDate;
  /** For hours: the clock stops at start and restarts at end (absolute minutes). */
  start: number;
  end: number;
  reason: string;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}

const UNIT_WORDS: Record<TimeUnit, [string, string]> = {
  'working-days': ['working day', 'working days'],
  days: ['calendar day', 'calendar days'],
  hours: ['working hour', 'working hours'],
  months: ['month', 'months'],
};

function amount(value: number, unit: TimeUnit): string {
  return `${value} ${UNIT_WORDS[unit][value === 1 ? 0 : 1]}`;
}

const CIVIL_CODE_FIRST_DAY = 'Bộ luật Dân sự 2015 (91/2015/QH13), Điều 147: the day of the event that starts a period is not counted.';
const CIVIL_CODE_LAST_DAY = 'Bộ luật Dân sự 2015 (91/2015/QH13), Điều 148: a period whose last day is a weekly rest day or a holiday ends at the end of the next working day.';
const CIVIL_CODE_MONTHS = 'Bộ luật Dân sự 2015 (91/2015/QH13), Điều 148: a period in months ends on the corresponding day of the last month, or on that month’s last day when it has no such day.';

/** Computes a due date, with its explanation. Bad input (dates that do not exist, negative counts, years out of range) raises a UsageError. */
export function computeDueDate(calendar: WorkingCalendar, request: DueDateRequest): DueDateResult {
  const { value, unit } = request;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new UsageError(`The time limit must be zero or more, got ${String(value)}.`, { id: 'time-limit.negative', params: { value: String(value) } });
  if (!(unit in UNIT_WORDS)) throw new UsageError(`Unknown unit "${String(unit)}": use working-days, days, hours or months.`);
  if ((unit === 'days' || unit === 'months') && !Number.isInteger(value)) {
    throw new UsageError(`A time limit in ${UNIT_WORDS[unit][1]} must be a whole number, got ${value}.`, { id: 'time-limit.not-whole', params: { unit, value } });
  }
  const office = resolveOffice(calendar.office, request.office ?? {});
  const submitted = parseMoment(request.from, 'The submission date');
  const receipt = receiptOf(calendar, office, submitted);
  const pauses = preparePauses(calendar, office, submitted, request.supplements ?? []);

  const skipped: SkippedDay[] = [];
  const counted: IsoDate[] = [];
  const legalBasis: string[] = [];
  let due: IsoDate = receipt.day;
  let dueAt: number | null = null;
  let rule: string;

  const pauseOn = (d: IsoDate) => pauses.find((p) => p.requestedDay < d && d <= p.resumedDay);
  const skipDay = (d: IsoDate): boolean => {
    const info = calendar.day(d);
    if (!info.working) {
      skipped.push({ date: d, reason: info.reason, source: info.source });
      return true;
    }
    const pause = pauseOn(d);
    if (pause) {
      skipped.push({ date: d, reason: pause.reason, source: 'pause' });
      return true;
    }
    return false;
  };
  const rollForward = (d: IsoDate): IsoDate => {
    let day = d;
    for (let info = calendar.day(day); !info.working; info = calendar.day(day)) {
      skipped.push({ date: day, reason: info.reason, source: info.source });
      day = addDays(day, 1);
    }
    return day;
  };

  if (unit === 'working-days') {
    const whole = Math.floor(value);
    const fraction = value - whole;
    let d = receipt.day;
    while (counted.length < whole) {
      d = addDays(d, 1);
      if (!skipDay(d)) counted.push(d);
    }
    due = d;
    legalBasis.push(CIVIL_CODE_FIRST_DAY);
    if (fraction > 0) {
      const minutes = Math.round(fraction * office.minutesPerDay);
      const start = calendar.nextWorkingDay(d);
      const end = walkHours(calendar, office, abs(start, office.spans[0]!.from), minutes, pauses, skipped, d);
      due = end.date;
      dueAt = end.minute;
      rule = `${value} working days: ${whole > 0 ? `the ${ordinal(whole)} working day after the receipt day, then ` : ''}${formatNumber(fraction)} of a working day (${minutes} minutes of office time) on the working days after it.`;
    } else {
      rule = value === 0 ? '0 working days: due on the receipt day (ngay trong ngày).' : `${amount(value, unit)}: the due date is the ${ordinal(value)} working day after the receipt day.`;
    }
  } else if (unit === 'days') {
    let d = receipt.day;
    for (let n = 0; n < value; ) {
      d = addDays(d, 1);
      const pause = pauseOn(d);
      if (pause) skipped.push({ date: d, reason: pause.reason, source: 'pause' });
      else n++;
    }
    due = rollForward(d);
    legalBasis.push(CIVIL_CODE_FIRST_DAY, CIVIL_CODE_LAST_DAY);
    const moved = due !== d ? `; ${d} is not a working day, so the due date moves to the next working day` : '';
    rule = value === 0 ? '0 calendar days: due on the receipt day (ngay trong ngày).' : `${amount(value, unit)}: the receipt day + ${value}${pauses.length > 0 ? ' (not counting the days paused)' : ''}${moved}.`;
  } else if (unit === 'months') {
    let d = addMonths(receipt.day, value);
    for (const p of pauses) {
      if (p.requestedDay >= d) continue;
      for (let x = addDays(p.requestedDay, 1); x <= p.resumedDay; x = addDays(x, 1)) skipped.push({ date: x, reason: p.reason, source: 'pause' });
      d = addDays(d, toDayNumber(p.resumedDay) - toDayNumber(p.requestedDay));
    }
    due = rollForward(d);
    legalBasis.push(CIVIL_CODE_FIRST_DAY, CIVIL_CODE_MONTHS, CIVIL_CODE_LAST_DAY);
    const moved = due !== d ? `; ${d} is not a working day, so the due date moves to the next working day` : '';
    rule = value === 0 ? '0 months: due on the receipt day (ngay trong ngày).' : `${amount(value, unit)}: the same day of the month ${value} month${value === 1 ? '' : 's'} after the receipt day (the month’s last day when it has no such day)${pauses.length > 0 ? ', extended by the days paused' : ''}${moved}.`;
  } else {
    const minutes = Math.round(value * 60);
    const end = walkHours(calendar, office, abs(receipt.day, receipt.minute), minutes, pauses, skipped, receipt.day);
    due = end.date;
    dueAt = end.minute;
    rule =
      value === 0
        ? '0 working hours: due at the moment of receipt.'
        : `${amount(value, unit)}, counted within office hours (${office.label}) from ${formatClock(receipt.minute)} on the receipt day.`;
  }

  const flags: DueDateFlag[] = [];
  const supplements = request.supplements ?? [];
  if (supplements.length > 1) {
    flags.push({
      id: 'multiple-supplement-requests',
      message: `${supplements.length} supplement requests: VPCP indicator 766 counts a dossier asked to be supplemented more than once (yêu cầu bổ sung hồ sơ quá 01 lần) as handled late, whatever the due date.`,
    });
  }
  for (const p of pauses) {
    const late = dueAt !== null ? p.start >= abs(due, dueAt) : p.requestedDay > due;
    if (late) {
      flags.push({ id: 'supplement-after-due', message: `The supplement request of ${formatMoment(p.requested)} came after the time limit had run out on ${due}: it does not pause the clock.` });
    }
  }

  const notes = calendar.provisionalNotes(submitted.date < receipt.day ? submitted.date : receipt.day, due);
  return {
    submitted: formatMoment(submitted),
    received: receipt.day,
    receivedAt: unit === 'hours' ? formatClock(receipt.minute) : null,
    receipt: { rolled: receipt.rolled, reason: receipt.reason, passedOver: receipt.passedOver },
    timeLimit: { value, unit },
    rule,
    legalBasis,
    due,
    dueAt: dueAt === null ? null : formatClock(dueAt),
    counted,
    skipped: dedupeSkipped(skipped),
    pauses: pauses.map((p) => p.pause),
    flags,
    provisional: notes.length > 0,
    provisionalReasons: notes.map((n) => n.reason),
    calendar: { id: calendar.id, cutoff: office.cutoffLabel, officeHours: office.label },
  };
}

function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function dedupeSkipped(days: SkippedDay[]): SkippedDay[] {
  const seen = new Set<IsoDate>();
  return days.filter((d) => (seen.has(d.date) ? false : (seen.add(d.date), true))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function preparePauses(calendar: WorkingCalendar, office: Office, submitted: Moment, supplements: readonly Supplement[]): PauseSpan[] {
  const opening = office.spans[0]!.from;
  const key = (m: Moment) => abs(m.date, m.minute ?? opening);
  let previousEnd = key(submitted);
  let previousLabel = `the submission (${formatMoment(submitted)})`;
  return supplements.map((s, i) => {
    const requested = parseMoment(s.requested, `Supplement request ${i + 1}`);
    const resubmitted = parseMoment(s.resubmitted, `Resubmission ${i + 1}`);
    if (key(requested) < previousEnd) throw new UsageError(`Supplement request ${i + 1} (${formatMoment(requested)}) comes before ${previousLabel}.`, { id: 'supplement.out-of-order', params: { n: i + 1, requested: formatMoment(requested), first: i === 0 } });
    if (key(resubmitted) < key(requested)) throw new UsageError(`Resubmission ${i + 1} (${formatMoment(resubmitted)}) comes before its request (${formatMoment(requested)}).`, { id: 'supplement.before-request', params: { n: i + 1, resubmitted: formatMoment(resubmitted), requested: formatMoment(requested) } });
    calendar.day(requested.date);
    const resumed = receiptOf(calendar, office, resubmitted);
    previousEnd = key(resubmitted);
    previousLabel = `resubmission ${i + 1} (${formatMoment(resubmitted)})`;
    const pause: Pause = { requested: formatMoment(requested), resubmitted: formatMoment(resubmitted), resumed: resumed.day, resumedAt: formatClock(resumed.minute) };
    return {
      pause,
      requested,
      requestedDay: requested.date,
      resumedDay: resumed.day,
      start: key(requested),
      end: abs(resumed.day, resumed.minute),
      reason: `tạm dừng: chờ bổ sung hồ sơ (yêu cầu ngày ${formatDate(requested.date)}, nhận bổ sung ngày ${formatDate(resumed.day)})`,
    };
  });
}

/**
 * Counts `minutes` of office time from `start` (absolute minutes), skipping non-working days and
 * paused spans, and returns when they run out. Days skipped after `after` are recorded.
 */
function walkHours(calendar: WorkingCalendar, office: Office, start: number, minutes: number, pauses: readonly PauseSpan[], skipped: SkippedDay[], after: IsoDate): { date: IsoDate; minute: number } {
  if (minutes === 0) return fromAbs(start);
  let remaining = minutes;
  let { date } = fromAbs(start);
  for (;;) {
    const info = calendar.day(date);
    if (!info.working) {
      if (date > after) skipped.push({ date, reason: info.reason, source: info.source });
    } else {
      let free = 0;
      for (const span of office.spans) {
        for (const [a, b] of freeIntervals(Math.max(abs(date, span.from), start), abs(date, span.to), pauses)) {
          free += b - a;
          if (remaining <= b - a) return fromAbs(a + remaining);
          remaining -= b - a;
        }
      }
      const fullyPaused = free === 0 && pauses.some((p) => p.start < abs(date, office.spans[office.spans.length - 1]!.to) && p.end > abs(date, office.spans[0]!.from));
      if (fullyPaused && date > after) {
        const pause = pauses.find((p) => p.start < abs(date, office.spans[office.spans.length - 1]!.to) && p.end > abs(date, office.spans[0]!.from))!;
        skipped.push({ date, reason: pause.reason, source: 'pause' });
      }
    }
    date = addDays(date, 1);
  }
}

/** [a, b) less the paused spans, as ordered free intervals. */
function freeIntervals(a: number, b: number, pauses: readonly PauseSpan[]): [number, number][] {
  if (a >= b) return [];
  let intervals: [number, number][] = [[a, b]];
  for (const p of pauses) {
    intervals = intervals.flatMap(([x, y]): [number, number][] => {
      if (p.end <= x || p.start >= y) return [[x, y]];
      const out: [number, number][] = [];
      if (p.start > x) out.push([x, p.start]);
      if (p.end < y) out.push([p.end, y]);
      return out;
    });
  }
  return intervals;
}

/** "2025-02-05 (thứ Tư)". */
export function dateWithWeekday(date: IsoDate): string {
  return `${date} (${WEEKDAY_VI[dayOfWeek(date)]})`;
}

/** A due date for an application of a procedure: the time limit that applies to it, counted from the submission. */
export interface ApplicationDueDate {
  application: ApplicationSummary;
  timeLimit: ApplicableTimeLimit;
  /** A caveat about when the clock starts, when the procedure states something other than receipt. */
  startNote: string | null;
  result: DueDateResult;
}

/**
 * Counts the time limit of the version in force on the submission day, for the application's
 * channel and facts (including the first time-limit case that holds).
 */
export function dueDateForApplication(calendar: WorkingCalendar, app: Application, request: Omit<DueDateRequest, 'value' | 'unit'>): ApplicationDueDate {
  const timeLimit = applicableTimeLimit(app);
  const result = computeDueDate(calendar, { ...request, value: timeLimit.value, unit: timeLimit.unit });
  const start = app.channelSpec.timeLimit?.start ?? app.version.data.timeLimit?.start;
  const startNote =
    start === 'complete-dossier'
      ? 'The clock starts when a complete, valid dossier is received (kể từ ngày nhận đủ hồ sơ hợp lệ): the submission date given is taken as that day.'
      : start === 'other'
        ? `The clock starts on another event: ${app.channelSpec.timeLimit?.startNote ?? app.version.data.timeLimit?.startNote ?? 'see the procedure'}; the date given is taken as that event.`
        : null;
  return { application: summarize(app), timeLimit, startNote, result };
}
