/**
 * Which version of a procedure the due-date calculator counts with (issue 18 point 7): the one in
 * force on the filing date, as `tthc due <code> --from …` resolves it (rules/compute/resolve.ts over
 * the same effective windows, which the build publishes with the calculator). No version in force
 * (before the first, after a repeal, in a gap) is an answer in itself, not a date.
 */
import { formatDate as vi } from '../../rules/text/vi/dates.js';

export interface CalculatorOption {
  label: string;
  value: number;
  unit: 'hours' | 'days' | 'working-days' | 'months';
  text: string;
}

export interface CalculatorPeriod {
  version: string;
  from: string;
  /** Last day in force; null when open-ended. */
  until: string | null;
  /** A repeal: the procedure is abolished from `from`. */
  repealed: boolean;
  options: CalculatorOption[];
}

export type VersionChoice =
  | { kind: 'in-force'; period: CalculatorPeriod; option: CalculatorOption; said: string }
  | { kind: 'refused'; said: string };


/**
 * The period in force on `date` (YYYY-MM-DD) and, in it, the option the applicant chose by its label
 * (the page lists the shown version's options; a later version may name its channels differently).
 */
export function chooseVersion(periods: readonly CalculatorPeriod[], date: string, label: string): VersionChoice {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const period = sorted.find((p) => p.from <= date && (p.until === null || date <= p.until));
  if (!period) {
    const first = sorted[0];
    if (first && date < first.from) return { kind: 'refused', said: `Thủ tục chưa có hiệu lực vào ngày ${vi(date)}: áp dụng từ ngày ${vi(first.from)}.` };
    const before = sorted.filter((p) => p.from <= date).pop();
    return { kind: 'refused', said: `Ngày ${vi(date)} không có phiên bản nào của thủ tục có hiệu lực${before?.until ? ` (phiên bản trước hết hiệu lực sau ngày ${vi(before.until)})` : ''}.` };
  }
  if (period.repealed) return { kind: 'refused', said: `Thủ tục đã bị bãi bỏ từ ngày ${vi(period.from)}: không tính hạn cho hồ sơ nộp từ ngày đó.` };
  const option = period.options.find((o) => o.label === label);
  if (!option) return { kind: 'refused', said: `Nội dung thủ tục có hiệu lực ngày ${vi(date)} không có cách thức “${label}”.` };
  const until = period.until ? ` đến hết ngày ${vi(period.until)}` : '';
  return { kind: 'in-force', period, option, said: `Tính theo nội dung thủ tục có hiệu lực từ ngày ${vi(period.from)}${until}: thời hạn ${option.text}.` };
}
