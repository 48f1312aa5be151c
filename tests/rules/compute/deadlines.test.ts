import { describe, expect, it } from 'vitest';
import { computeDueDate, type DueDateRequest } from '../../../rules/compute/deadlines.js';
import { UsageError } from '../../../rules/errors.js';
import { vnCalendar } from '../../helpers/calendar.js';

const calendar = vnCalendar();
const due = (request: DueDateRequest) => computeDueDate(calendar, request);
const wd = (from: string, value: number, extra: Partial<DueDateRequest> = {}) => due({ from, value, unit: 'working-days', ...extra });

describe('working days', () => {
  it('2025-01-24 + 3 working days = 2025-02-05, across Tết Ất Tỵ, every skipped day explained', () => {
    const r = wd('2025-01-24', 3);
    expect(r.received).toBe('2025-01-24');
    expect(r.due).toBe('2025-02-05');
    expect(r.counted).toEqual(['2025-02-03', '2025-02-04', '2025-02-05']);
    expect(r.skipped.map((s) => `${s.date}: ${s.reason}`)).toEqual([
      '2025-01-25: thứ Bảy',
      '2025-01-26: Chủ nhật',
      '2025-01-27: Tết Nguyên đán (28 tháng Chạp)',
      '2025-01-28: Tết Nguyên đán (29 tháng Chạp – giao thừa)',
      '2025-01-29: Tết Nguyên đán (mùng 1)',
      '2025-01-30: Tết Nguyên đán (mùng 2)',
      '2025-01-31: Tết Nguyên đán (mùng 3)',
      '2025-02-01: thứ Bảy',
      '2025-02-02: Chủ nhật',
    ]);
    expect(r.provisional).toBe(false);
    expect(r.rule).toBe('3 working days: the due date is the 3rd working day after the receipt day.');
  });

  it('Tết Giáp Thìn 2024: 5 working days from Wednesday 07/02 skip 08–14/02 (two compensatory days)', () => {
    const r = wd('2024-02-07', 5);
    expect(r.counted).toEqual(['2024-02-15', '2024-02-16', '2024-02-19', '2024-02-20', '2024-02-21']);
    expect(r.due).toBe('2024-02-21');
    expect(r.skipped.filter((s) => s.date <= '2024-02-14').map((s) => s.reason)).toEqual([
      'Tết Nguyên đán (29 tháng Chạp)',
      'Tết Nguyên đán (30 tháng Chạp)',
      'Tết Nguyên đán (mùng 1) – thứ Bảy',
      'Tết Nguyên đán (mùng 2) – Chủ nhật',
      'Tết Nguyên đán (mùng 3)',
      'nghỉ bù',
      'nghỉ bù',
    ]);
  });

  it('Tết Bính Ngọ 2026: 1 working day from Friday 13/02 is Monday 23/02', () => {
    const r = wd('2026-02-13', 1);
    expect(r.due).toBe('2026-02-23');
    expect(r.skipped.map((s) => s.date)).toEqual(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
    expect(r.provisional).toBe(false);
  });

  it('counts a make-up Saturday (làm bù) and skips the swapped weekday', () => {
    // 2024: Monday 29/04 swapped for Saturday 04/05. From Friday 26/04, 3 working days: 02/05, 03/05, then Saturday 04/05.
    const r = wd('2024-04-26', 3);
    expect(r.counted).toEqual(['2024-05-02', '2024-05-03', '2024-05-04']);
    expect(r.due).toBe('2024-05-04');
    expect(r.skipped.find((s) => s.date === '2024-04-29')?.reason).toBe('hoán đổi, làm bù 04/05/2024');
    // 2025: Saturday 26/04 worked in exchange for Friday 02/05.
    expect(wd('2025-04-25', 2).counted).toEqual(['2025-04-26', '2025-04-28']);
  });

  it('zero working days: due on the receipt day, which rolls to the next working day', () => {
    expect(wd('2025-01-24', 0).due).toBe('2025-01-24');
    const saturday = wd('2025-01-25', 0);
    expect(saturday.received).toBe('2025-02-03');
    expect(saturday.due).toBe('2025-02-03');
    expect(saturday.receipt.passedOver.map((d) => d.date)).toEqual(['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']);
  });

  it('half a working day is four office hours on the next working day', () => {
    const r = wd('2025-03-03', 0.5);
    expect([r.due, r.dueAt]).toEqual(['2025-03-04', '12:00']);
  });
});

describe('the receipt day and the cut-off hour', () => {
  it('15:00 is not after the 15:00 cut-off; 15:01 is', () => {
    expect(wd('2025-03-03T15:00', 1)).toMatchObject({ received: '2025-03-03', due: '2025-03-04' });
    const late = wd('2025-03-03T15:01', 1);
    expect(late).toMatchObject({ received: '2025-03-04', due: '2025-03-05' });
    expect(late.receipt.reason).toBe('Handed in at 15:01, after the 15:00 cut-off, so the dossier counts as received on the next working day.');
  });

  it('the cut-off is configurable per call', () => {
    expect(wd('2025-03-03T15:30', 1, { office: { cutoff: '16:00' } }).received).toBe('2025-03-03');
    expect(wd('2025-03-03T11:00', 1, { office: { cutoff: '10:30' } }).received).toBe('2025-03-04');
  });

  it('after the cut-off on the last day before Tết, the receipt moves past the whole holiday', () => {
    const r = wd('2025-01-24T16:20', 1);
    expect(r.received).toBe('2025-02-03');
    expect(r.due).toBe('2025-02-04');
  });

  it('a Saturday submission is received on Monday', () => {
    expect(wd('2025-03-08T09:00', 1)).toMatchObject({ received: '2025-03-10', due: '2025-03-11' });
  });
});

describe('calendar days (ngày)', () => {
  it('receipt + N, moved past a holiday block to the next working day', () => {
    // 25/04/2025 + 5 = 30/04 (Ngày Chiến thắng); 01/05, 02/05 (swap), 03–04/05 (weekend) → Monday 05/05.
    const r = due({ from: '2025-04-25', value: 5, unit: 'days' });
    expect(r.due).toBe('2025-05-05');
    expect(r.skipped.map((s) => `${s.date}: ${s.reason}`)).toEqual([
      '2025-04-30: Ngày Chiến thắng',
      '2025-05-01: Quốc tế Lao động',
      '2025-05-02: hoán đổi, làm bù 26/04/2025',
      '2025-05-03: thứ Bảy',
      '2025-05-04: Chủ nhật',
    ]);
    expect(r.rule).toBe('5 calendar days: the receipt day + 5; 2025-04-30 is not a working day, so the due date moves to the next working day.');
  });

  it('lands in Tết 2024 and moves to Thursday 15/02', () => {
    expect(due({ from: '2024-01-30', value: 10, unit: 'days' }).due).toBe('2024-02-15');
  });

  it('counts weekends inside the period (they are not skipped)', () => {
    const r = due({ from: '2025-03-03', value: 7, unit: 'days' });
    expect(r.due).toBe('2025-03-10');
    expect(r.skipped).toEqual([]);
  });
});

describe('months (Civil Code Art. 147–148)', () => {
  it('ends on the corresponding day, or the last day of a shorter month', () => {
    expect(due({ from: '2023-01-31', value: 1, unit: 'months' }).due).toBe('2023-02-28');
    // 31/01/2025 is mùng 3 Tết: the receipt rolls to Monday 03/02, and a month later is 03/03.
    expect(due({ from: '2025-01-31', value: 1, unit: 'months' })).toMatchObject({ received: '2025-02-03', due: '2025-03-03' });
    expect(due({ from: '2024-01-31', value: 1, unit: 'months' }).due).toBe('2024-02-29');
    expect(due({ from: '2025-01-15', value: 3, unit: 'months' }).due).toBe('2025-04-15');
  });

  it('moves past days off: 30/03/2025 + 1 month = 30/04 → 05/05', () => {
    // 30/03/2025 is a Sunday: the receipt itself rolls to Monday 31/03, and 31/03 + 1 month = 30/04.
    const r = due({ from: '2025-03-28', value: 1, unit: 'months' });
    expect(r.due).toBe('2025-04-28');
    const holiday = due({ from: '2025-03-31', value: 1, unit: 'months' });
    expect(holiday.due).toBe('2025-05-05');
  });
});

describe('working hours', () => {
  it('counts within 08:00–12:00 and 13:00–17:00', () => {
    expect(due({ from: '2025-03-03T10:30', value: 8, unit: 'hours' })).toMatchObject({ received: '2025-03-03', receivedAt: '10:30', due: '2025-03-04', dueAt: '10:30' });
    expect(due({ from: '2025-03-03T11:00', value: 2, unit: 'hours' })).toMatchObject({ due: '2025-03-03', dueAt: '14:00' });
    expect(due({ from: '2025-03-03T07:00', value: 4, unit: 'hours' })).toMatchObject({ due: '2025-03-03', dueAt: '12:00' });
    expect(due({ from: '2025-03-03T12:30', value: 1, unit: 'hours' })).toMatchObject({ due: '2025-03-03', dueAt: '14:00' });
  });

  it('after the cut-off the clock starts at the next opening; across Tết 2025', () => {
    expect(due({ from: '2025-03-03T16:00', value: 1, unit: 'hours' })).toMatchObject({ received: '2025-03-04', receivedAt: '08:00', due: '2025-03-04', dueAt: '09:00' });
    const tet = due({ from: '2025-01-24T14:00', value: 8, unit: 'hours' });
    // 14:00–17:00 (3 h) on Friday 24/01, then 5 h on Monday 03/02: 08–12, 13–14.
    expect(tet).toMatchObject({ due: '2025-02-03', dueAt: '14:00' });
    expect(tet.skipped.map((s) => s.date)).toContain('2025-01-29');
  });

  it('uses the office hours given per call', () => {
    expect(due({ from: '2025-03-03T07:30', value: 2, unit: 'hours', office: { hours: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }] } })).toMatchObject({ dueAt: '09:30' });
  });

  it('24 working hours are three office days', () => {
    expect(due({ from: '2025-03-03', value: 24, unit: 'hours' })).toMatchObject({ receivedAt: '08:00', due: '2025-03-05', dueAt: '17:00' });
  });
});

describe('supplement requests pause the clock', () => {
  it('pauses between the request and the resubmission, without resetting', () => {
    // Received Monday 03/03/2025, 5 working days (due 10/03 without a request). Request Tuesday 04/03
    // (that day counts), resubmitted Friday 07/03: Wed–Fri are paused, counting resumes on Monday 10/03.
    // A reset would give 14/03.
    const r = wd('2025-03-03', 5, { supplements: [{ requested: '2025-03-04T10:00', resubmitted: '2025-03-07T09:00' }] });
    expect(r.counted).toEqual(['2025-03-04', '2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13']);
    expect(r.due).toBe('2025-03-13');
    expect(r.pauses).toEqual([{ requested: '2025-03-04T10:00', resubmitted: '2025-03-07T09:00', resumed: '2025-03-07', resumedAt: '09:00' }]);
    expect(r.skipped.find((s) => s.date === '2025-03-05')).toEqual({ date: '2025-03-05', reason: 'tạm dừng: chờ bổ sung hồ sơ (yêu cầu ngày 04/03/2025, nhận bổ sung ngày 07/03/2025)', source: 'pause' });
    expect(r.flags).toEqual([]);
  });

  it('a resubmission after the cut-off resumes the next working day', () => {
    const r = wd('2025-03-03', 5, { supplements: [{ requested: '2025-03-04', resubmitted: '2025-03-07T16:00' }] });
    expect(r.pauses[0]?.resumed).toBe('2025-03-10');
    expect(r.due).toBe('2025-03-14');
  });

  it('flags more than one request (VPCP indicator 766)', () => {
    const r = wd('2025-03-03', 5, {
      supplements: [
        { requested: '2025-03-03', resubmitted: '2025-03-04' },
        { requested: '2025-03-05', resubmitted: '2025-03-06' },
      ],
    });
    // Paused 04/03 and 06/03; counted 05/03, 07/03, 10/03, 11/03, 12/03.
    expect(r.due).toBe('2025-03-12');
    expect(r.flags.map((f) => f.id)).toEqual(['multiple-supplement-requests']);
    expect(r.flags[0]?.message).toMatch(/VPCP indicator 766/);
  });

  it('a request after the time limit ran out does not extend it, and says so', () => {
    const r = wd('2025-03-03', 2, { supplements: [{ requested: '2025-03-06', resubmitted: '2025-03-10' }] });
    expect(r.due).toBe('2025-03-05');
    expect(r.flags.map((f) => f.id)).toEqual(['supplement-after-due']);
  });

  it('pauses a count in hours to the minute', () => {
    // 4 h from 08:00; request at 09:00 (1 h used), resubmitted 14:00 → 3 h more: 14:00–17:00.
    const r = due({ from: '2025-03-03T08:00', value: 4, unit: 'hours', supplements: [{ requested: '2025-03-03T09:00', resubmitted: '2025-03-03T14:00' }] });
    expect([r.due, r.dueAt]).toEqual(['2025-03-03', '17:00']);
  });

  it('extends calendar days and months by the days paused', () => {
    expect(due({ from: '2025-03-03', value: 10, unit: 'days', supplements: [{ requested: '2025-03-05', resubmitted: '2025-03-07' }] }).due).toBe('2025-03-17');
    // 03/04 + 2 paused days = Saturday 05/04; Sunday 06/04; Monday 07/04 is Giỗ Tổ → Tuesday 08/04.
    expect(due({ from: '2025-03-03', value: 1, unit: 'months', supplements: [{ requested: '2025-03-05', resubmitted: '2025-03-07' }] }).due).toBe('2025-04-08');
  });

  it('refuses requests out of order', () => {
    expect(() => wd('2025-03-03', 5, { supplements: [{ requested: '2025-03-01', resubmitted: '2025-03-04' }] })).toThrow(/comes before the submission/);
    expect(() => wd('2025-03-03', 5, { supplements: [{ requested: '2025-03-05', resubmitted: '2025-03-04' }] })).toThrow(/comes before its request/);
  });
});

describe('provisional results', () => {
  it('are final in announced years and provisional in 2027, with the reason', () => {
    expect(wd('2025-06-02', 10).provisional).toBe(false);
    // Wednesday 03/02/2027; 04–10/02 off (derived Tết); Thursday 11, Friday 12, Monday 15.
    const r = wd('2027-02-03', 3);
    expect(r.due).toBe('2027-02-15');
    expect(r.provisional).toBe(true);
    expect(r.provisionalReasons[0]).toMatch(/^2027: no official schedule/);
    expect(r.skipped.find((s) => s.date === '2027-02-09')).toMatchObject({ source: 'derived', reason: 'nghỉ bù Tết Nguyên đán (mùng 1) ngày 06/02/2027' });
  });

  it('a count that crosses into an unannounced year is provisional', () => {
    expect(wd('2026-12-28', 5).provisional).toBe(true);
    expect(wd('2026-12-14', 5).provisional).toBe(false);
  });

  it('near the open 2/9/2026 the result is provisional, elsewhere in 2026 it is not', () => {
    const r = wd('2026-08-28', 3);
    expect(r.due).toBe('2026-09-04');
    expect(r.provisional).toBe(true);
    expect(r.provisionalReasons[0]).toMatch(/^Quốc khánh 2026/);
  });
});

describe('bad input', () => {
  it.each([
    [{ from: '2025-02-30', value: 3, unit: 'working-days' }, /The submission date 2025-02-30 is not a real date: February 2025 has 28 days\./],
    [{ from: '2025-02-03T24:00', value: 3, unit: 'working-days' }, /no such time of day/],
    [{ from: '03/02/2025', value: 3, unit: 'working-days' }, /use YYYY-MM-DD or YYYY-MM-DDTHH:MM/],
    [{ from: '2025-02-03', value: -1, unit: 'working-days' }, /zero or more/],
    [{ from: '2025-02-03', value: 1.5, unit: 'days' }, /whole number/],
    [{ from: '2013-06-03', value: 1, unit: 'working-days' }, /covers 2014–2100/],
    [{ from: '2100-12-30', value: 5, unit: 'working-days' }, /2101-01-01 is outside it/],
  ] as [DueDateRequest, RegExp][])('%o', (request, message) => {
    expect(() => due(request)).toThrow(UsageError);
    expect(() => due(request)).toThrow(message);
  });
});
