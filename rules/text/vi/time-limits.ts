/** Time limits and durations: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", with their cases; validity of results. */
import type { Duration, FactDefinition, Result, TimeLimit, TimeUnit } from '../../schema/types/procedure-version.generated.js';
import { formatCase } from './conditions.js';
import { formatNumber, twoDigits } from './numbers.js';
import { lowerFirst } from './words.js';

export const UNIT_VI: Record<TimeUnit, string> = {
  hours: 'giờ làm việc',
  'working-days': 'ngày làm việc',
  days: 'ngày',
  months: 'tháng',
};

/** "05 ngày làm việc", "1,5 ngày làm việc", "30 ngày". */
export function formatDuration(d: Duration): string {
  const value = Number.isInteger(d.value) ? twoDigits(d.value) : formatNumber(d.value);
  return `${value} ${UNIT_VI[d.unit]}`;
}

const START_VI: Record<TimeLimit['start'], string> = {
  'complete-dossier': 'kể từ ngày nhận đủ hồ sơ hợp lệ',
  receipt: 'kể từ ngày nhận hồ sơ',
  other: '',
};

/** "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"; 0 reads "Ngay trong ngày nhận đủ hồ sơ hợp lệ". */
export function formatTimeLimit(limit: TimeLimit): string {
  if (limit.value === 0) {
    const start = limit.start === 'receipt' ? 'nhận hồ sơ' : 'nhận đủ hồ sơ hợp lệ';
    return limit.unit === 'hours' ? `Ngay khi ${start}` : `Ngay trong ngày ${start}`;
  }
  let start = limit.start === 'other' ? (limit.startNote ? ` ${lowerFirst(limit.startNote)}` : '') : ` ${START_VI[limit.start]}`;
  // Hours run from the moment of receipt, not from a day.
  if (limit.unit === 'hours') start = start.replace('kể từ ngày nhận', 'kể từ khi nhận');
  return `${formatDuration(limit)}${start}`;
}

/** How long a result stays valid: "Không thời hạn", "60 tháng". */
export function formatValidity(validity: Result['validity']): string {
  return validity === undefined || validity === 'indefinite' ? 'Không thời hạn' : formatDuration(validity);
}

/** The time limit of one channel, with its conditional cases: "05 ngày làm việc …; trường hợp …: 10 ngày làm việc". */
export function formatTimeLimitWithCases(limit: TimeLimit, facts: ReadonlyMap<string, FactDefinition>): string {
  const cases = (limit.cases ?? []).map((c) => `${c.label ? lowerFirst(c.label) : lowerFirst(formatCase(c.when, facts))}: ${formatDuration(c)}`);
  return [formatTimeLimit(limit), ...cases].join('; ');
}
