import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../../../rules/compute/deadlines.js';
import { formatDayWithWeekday } from '../../../rules/text/vi/dates.js';
import { dueDateErrorVi, explainDueDate } from '../../../rules/text/vi/due-dates.js';
import { vnCalendar } from '../../helpers/calendar.js';

const calendar = vnCalendar();

describe('explainDueDate: a due date in Vietnamese for an applicant', () => {
  it('names the weekday of a date', () => {
    expect(formatDayWithWeekday('2025-02-05')).toBe('Thứ Tư, 05/02/2025');
    expect(formatDayWithWeekday('2025-01-26')).toBe('Chủ nhật, 26/01/2025');
  });

  it('counts 3 working days from Friday 24/01/2025 across Tết Ất Tỵ to Wednesday 05/02/2025, listing the nine days not counted', () => {
    const text = explainDueDate(computeDueDate(calendar, { from: '2025-01-24', value: 3, unit: 'working-days' }));
    expect(text.due).toBe('Thứ Tư, 05/02/2025');
    expect(text.receipt).toBe('Hồ sơ được tiếp nhận thứ Sáu, 24/01/2025.');
    expect(text.rule).toBe('03 ngày làm việc: không tính ngày tiếp nhận hồ sơ, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (Điều 147 Bộ luật Dân sự 2015).');
    expect(text.skipped).toEqual([
      'Thứ Bảy, 25/01/2025: nghỉ hằng tuần',
      'Chủ nhật, 26/01/2025: nghỉ hằng tuần',
      'Thứ Hai, 27/01/2025: Tết Nguyên đán (28 tháng Chạp)',
      'Thứ Ba, 28/01/2025: Tết Nguyên đán (29 tháng Chạp – giao thừa)',
      'Thứ Tư, 29/01/2025: Tết Nguyên đán (mùng 1)',
      'Thứ Năm, 30/01/2025: Tết Nguyên đán (mùng 2)',
      'Thứ Sáu, 31/01/2025: Tết Nguyên đán (mùng 3)',
      'Thứ Bảy, 01/02/2025: nghỉ hằng tuần',
      'Chủ nhật, 02/02/2025: nghỉ hằng tuần',
    ]);
    expect(text.provisional).toBeUndefined();
  });

  it('explains a dossier handed in on a day off: received on the next working day, Monday 03/02/2025, due Thursday 06/02', () => {
    const text = explainDueDate(computeDueDate(calendar, { from: '2025-01-25', value: 3, unit: 'working-days' }));
    expect(text.receipt).toBe('Thứ Bảy, 25/01/2025 là ngày nghỉ (nghỉ hằng tuần), nên hồ sơ được tính là tiếp nhận vào thứ Hai, 03/02/2025.');
    expect(text.due).toBe('Thứ Năm, 06/02/2025');
    expect(text.skipped).toHaveLength(9);
  });

  it('explains a dossier handed in after the 15:00 cut-off', () => {
    const text = explainDueDate(computeDueDate(calendar, { from: '2025-02-04T16:00', value: 3, unit: 'working-days' }));
    expect(text.receipt).toBe('Hồ sơ nộp lúc 16:00, sau 15:00 (giờ tiếp nhận cuối ngày), nên được tính là tiếp nhận vào thứ Tư, 05/02/2025.');
    expect(text.due).toBe('Thứ Hai, 10/02/2025');
  });

  it('gives the due time of a count in working hours, and says when a year is not announced yet', () => {
    const hours = explainDueDate(computeDueDate(calendar, { from: '2025-03-03T09:30', value: 8, unit: 'hours' }));
    expect(hours.due).toBe('Thứ Ba, 04/03/2025, lúc 09:30');
    expect(hours.rule).toBe('08 giờ làm việc: tính trong giờ hành chính (08:00–12:00, 13:00–17:00) của các ngày làm việc.');
    const later = explainDueDate(computeDueDate(calendar, { from: '2031-01-20', value: 5, unit: 'working-days' }));
    expect(later.provisional).toMatch(/^Lịch nghỉ lễ, Tết chính thức của năm này chưa được công bố đầy đủ/);
  });
});

describe('dueDateErrorVi: why the site’s calculator cannot count, in Vietnamese (issue 19)', () => {
  const thrown = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('did not throw');
  };

  it('a count that runs past the calendar’s last year, and a filing date before its first', () => {
    // 29/12/2100 + 3 working days needs 01/01/2101; the calendar covers 2014–2100.
    expect(dueDateErrorVi(thrown(() => computeDueDate(calendar, { from: '2100-12-29', value: 3, unit: 'working-days' })))).toBe('Lịch làm việc chỉ tính được hạn cho các năm 2014–2100; ngày 01/01/2101 nằm ngoài khoảng này.');
    expect(dueDateErrorVi(thrown(() => computeDueDate(calendar, { from: '2013-12-31', value: 3, unit: 'working-days' })))).toBe('Lịch làm việc chỉ tính được hạn cho các năm 2014–2100; ngày 31/12/2013 nằm ngoài khoảng này.');
  });

  it('a date or time that is not one; anything else in a Vietnamese sentence, never the English message', () => {
    expect(dueDateErrorVi(thrown(() => computeDueDate(calendar, { from: '2025-02-30', value: 3, unit: 'working-days' })))).toBe('Ngày 2025-02-30 không có trong lịch: hãy chọn lại ngày nộp hồ sơ.');
    expect(dueDateErrorVi(thrown(() => computeDueDate(calendar, { from: '2025-13-01', value: 3, unit: 'working-days' })))).toBe('Ngày 2025-13-01 không có trong lịch: hãy chọn lại ngày nộp hồ sơ.');
    expect(dueDateErrorVi(thrown(() => computeDueDate(calendar, { from: '2025-02-04T25:00', value: 3, unit: 'working-days' })))).toBe('Giờ nộp "2025-02-04T25:00" không hợp lệ: dùng 00:00–23:59.');
    expect(dueDateErrorVi(new Error('Something in English'))).toBe('Không tính được hạn cho ngày này: hãy kiểm tra lại ngày và giờ nộp hồ sơ.');
  });
});
