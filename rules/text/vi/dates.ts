/** Dates as Vietnamese texts write them: 15/11/2015, "ngày 15 tháng 11 năm 2015", weekdays, periods, lunar days. */
import { upperFirst } from './words.js';

/** dd/mm/yyyy, as Vietnamese documents write dates: 15/11/2015 (the one date format of text and computations alike). */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * "ngày 15 tháng 11 năm 2015", as the opening lines and the date line of a decision write dates.
 * Days below 10 and the months 1 and 2 take a leading zero, the other months none ("ngày 08 tháng 6
 * năm 2010", "ngày 01 tháng 01 năm 2026"): Nghị định 30/2020/NĐ-CP, Phụ lục I, on the date of issue.
 */
export function formatDateLong(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `ngày ${iso.slice(8, 10)} tháng ${month < 3 ? iso.slice(5, 7) : String(month)} năm ${iso.slice(0, 4)}`;
}

/**
 * A date inside a citation of a signed decision: "28/5/2020", "08/6/2010", "15/01/2026". The same
 * zeros as the date line (a day below 10, the months 1 and 2), Nghị định 30/2020/NĐ-CP, Phụ lục I.
 */
export function formatDateCited(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(8, 10)}/${month < 3 ? iso.slice(5, 7) : String(month)}/${iso.slice(0, 4)}`;
}

/** "Từ ngày 16/07/2020 đến hết ngày 31/12/2025"; open-ended periods read "Từ ngày 01/01/2026". */
export function formatPeriod(from: string, until: string | null | undefined): string {
  return `Từ ngày ${formatDate(from)}${until ? ` đến hết ngày ${formatDate(until)}` : ''}`;
}

/** Weekday names as Vietnamese texts write them, indexed 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

/**
 * A lunar day as calendars and announcements name it: "mùng 1" … "mùng 10" in tháng Giêng,
 * "29 tháng Chạp" in the twelfth month, otherwise "10/3 âm lịch" (a leap month adds "nhuận").
 */
export function formatLunarDay(lunar: { month: number; day: number; leap: boolean }): string {
  const leap = lunar.leap ? ' nhuận' : '';
  if (lunar.month === 1 && !lunar.leap && lunar.day <= 10) return `mùng ${lunar.day}`;
  if (lunar.month === 12) return `${lunar.day} tháng Chạp${leap}`;
  return `${lunar.day}/${lunar.month}${leap} âm lịch`;
}

/** "Thứ Tư, 05/02/2025". */
export function formatDayWithWeekday(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `${upperFirst(WEEKDAY_VI[weekday]!)}, ${formatDate(iso)}`;
}
