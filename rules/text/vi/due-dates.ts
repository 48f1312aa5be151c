/** A due date explained for an applicant (rules/compute/deadlines.ts). */
import type { Duration } from '../../schema/types/procedure-version.generated.js';
import { WEEKDAY_VI, formatDate, formatDayWithWeekday } from './dates.js';
import { formatDuration } from './time-limits.js';
import { lowerFirst } from './words.js';

/** The parts of a due-date result (rules/compute/deadlines.ts) that its explanation needs. */
export interface DueDateFacts {
  submitted: string;
  received: string;
  receivedAt: string | null;
  receipt: { rolled: boolean; passedOver: readonly { date: string; reason: string }[] };
  timeLimit: Duration;
  due: string;
  dueAt: string | null;
  skipped: readonly { date: string; reason: string }[];
  provisional: boolean;
  calendar: { cutoff: string; officeHours: string };
}

/**
 * A due date explained for an applicant, in Vietnamese: when the dossier counts as received and
 * why, how the time limit is counted (Civil Code 2015 Art. 147–148), each day not counted with its
 * reason, and whether the holiday schedule is still provisional.
 */
export function explainDueDate(r: DueDateFacts): { due: string; receipt: string; rule: string; skipped: string[]; provisional: string | undefined } {
  // A weekly rest day's reason is its weekday name, already shown beside the date.
  const why = (reason: string) => ((WEEKDAY_VI as readonly string[]).includes(reason) ? 'nghỉ hằng tuần' : reason);
  const received = `${formatDayWithWeekday(r.received)}${r.receivedAt ? ` lúc ${r.receivedAt}` : ''}`;
  let receipt = `Hồ sơ được tiếp nhận ${lowerFirst(received)}.`;
  if (r.receipt.rolled) {
    const [date, time] = r.submitted.split('T') as [string, string | undefined];
    const off = r.receipt.passedOver.find((d) => d.date === date);
    receipt = off
      ? `${formatDayWithWeekday(date)} là ngày nghỉ (${why(off.reason)}), nên hồ sơ được tính là tiếp nhận vào ${lowerFirst(received)}.`
      : `Hồ sơ nộp lúc ${time ?? ''}, sau ${r.calendar.cutoff} (giờ tiếp nhận cuối ngày), nên được tính là tiếp nhận vào ${lowerFirst(received)}.`;
  }
  const n = r.timeLimit.value;
  const limit = formatDuration(r.timeLimit);
  let rule: string;
  if (n === 0) rule = 'Giải quyết ngay trong ngày tiếp nhận hồ sơ.';
  else if (r.timeLimit.unit === 'working-days')
    rule = `${limit}: không tính ngày tiếp nhận hồ sơ, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (Điều 147 Bộ luật Dân sự 2015).`;
  else if (r.timeLimit.unit === 'hours') rule = `${limit}: tính trong giờ hành chính (${r.calendar.officeHours}) của các ngày làm việc.`;
  else rule = `${limit}: không tính ngày tiếp nhận hồ sơ; nếu ngày cuối cùng của thời hạn là ngày nghỉ thì hạn là ngày làm việc tiếp theo (Điều 147, 148 Bộ luật Dân sự 2015).`;
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const d of [...r.receipt.passedOver, ...r.skipped]) {
    if (seen.has(d.date)) continue;
    seen.add(d.date);
    skipped.push(`${formatDayWithWeekday(d.date)}: ${why(d.reason)}`);
  }
  return {
    due: `${formatDayWithWeekday(r.due)}${r.dueAt ? `, lúc ${r.dueAt}` : ''}`,
    receipt,
    rule,
    skipped,
    provisional: r.provisional ? 'Lịch nghỉ lễ, Tết chính thức của năm này chưa được công bố đầy đủ: hạn trên là dự kiến, tính theo quy định của Bộ luật Lao động về ngày nghỉ.' : undefined,
  };
}

/**
 * Why a due date could not be computed, in Vietnamese, for a page where the applicant typed the date
 * (the site's calculator): the library's errors carry an id and values (rules/usage-error.ts), and
 * their English message is never shown. Dates read DD/MM/YYYY, as on the rest of the page.
 */
export function dueDateErrorVi(error: unknown): string {
  const { id, params } = (error ?? {}) as { id?: string; params?: Record<string, unknown> };
  const shown = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value) : String(value));
  switch (id) {
    case 'calendar.outside':
      return `Lịch làm việc chỉ tính được hạn cho các năm ${String(params?.from)}–${String(params?.to)}; ngày ${shown(params?.date)} nằm ngoài khoảng này.`;
    case 'moment.malformed':
    case 'date.malformed':
      return `"${String(params?.value)}" không phải là ngày: hãy chọn ngày nộp hồ sơ.`;
    case 'date.does-not-exist':
    case 'date.month-does-not-exist':
      return `Ngày ${String(params?.value)} không có trong lịch: hãy chọn lại ngày nộp hồ sơ.`;
    case 'moment.no-such-time':
    case 'clock.malformed':
      return `Giờ nộp "${String(params?.value)}" không hợp lệ: dùng 00:00–23:59.`;
    default:
      return 'Không tính được hạn cho ngày này: hãy kiểm tra lại ngày và giờ nộp hồ sơ.';
  }
}
