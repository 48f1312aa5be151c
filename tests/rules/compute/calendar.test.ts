import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../rules/errors.js';
import { dayOfWeek } from '../../../rules/compute/dates.js';
import { existsSync, readFileSync } from 'node:fs';
import { datesOf, sharedDaysOff, SHARED_DAYS_OFF_FILE, SHARED_DAYS_OFF_ORIGINAL, vnCalendar, vnCalendarData } from '../../helpers/calendar.js';

const calendar = vnCalendar();
const shared = sharedDaysOff();

describe('the bundled calendar against the official days off (shared/calendar)', () => {
  it('imports every announcement faithfully: days, notes, sources and the confirmed flag', () => {
    const imported = vnCalendarData().announcements.map(({ pending: _pending, ...a }) => a);
    expect(imported).toEqual(shared.years.map((y) => ({ year: y.year, confirmed: y.confirmed, notes: y.notes, days: y.days, sources: y.sources })));
    expect(vnCalendarData().announcements.find((a) => a.year === 2026)?.confirmed).toBe(false);
  });

  const announced = shared.years.filter((y) => y.year >= 2019 && y.year <= 2025).flatMap((y) => y.days.map((d) => ({ ...d, year: y.year })));

  it.each(announced.filter((d) => d.kind !== 'lam_bu').map((d) => [d.date, d.kind, d.reason] as const))('%s (%s) is a day off: %s', (date, kind, reason) => {
    const day = calendar.day(date);
    expect(day.working).toBe(false);
    expect(day.reason).toBe(reason);
    expect(day.source).toBe('announced');
    expect(day.kind).toBe({ holiday: 'holiday', nghi_bu: 'compensatory', swap_off: 'swap-off' }[kind]);
  });

  it.each(announced.filter((d) => d.kind === 'lam_bu').map((d) => [d.date, d.reason] as const))('%s is a make-up working Saturday: %s', (date, reason) => {
    expect(dayOfWeek(date)).toBe(6);
    expect(calendar.day(date)).toEqual({ date, working: true, kind: 'make-up-day', reason, source: 'announced' });
  });

  it('every other day of 2019–2025 is a plain weekday (working) or a weekend (off)', () => {
    const named = new Set(shared.years.flatMap((y) => y.days.map((d) => d.date)));
    const wrong: string[] = [];
    for (let year = 2019; year <= 2025; year++) {
      for (const date of datesOf(year)) {
        if (named.has(date)) continue;
        const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
        const day = calendar.day(date);
        if (day.working === weekend || day.source !== 'regular') wrong.push(`${date}: ${JSON.stringify(day)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(calendar.yearStatus(2025)).toBe('announced');
    expect(calendar.provisionalNotes('2019-01-01', '2025-12-31')).toEqual([]);
  });
});

describe('the statutory rules', () => {
  const rulesOnly = vnCalendar((d) => ({ ...d, announcements: [] }));

  it('reproduce every announced year 2019–2026 except its swaps, which no rule can foresee', () => {
    const swaps = new Set(shared.years.flatMap((y) => y.days.filter((d) => d.kind === 'swap_off' || d.kind === 'lam_bu').map((d) => d.date)));
    const differences: string[] = [];
    for (let year = 2019; year <= 2026; year++) {
      for (const date of datesOf(year)) {
        if (swaps.has(date)) continue;
        const a = calendar.day(date);
        const r = rulesOnly.day(date);
        if (a.working !== r.working) differences.push(`${date}: announced ${a.working ? 'working' : a.reason}, rules ${r.working ? 'working' : r.reason}`);
      }
    }
    // 2026: the adjacent day of 2/9 is still open; the announcement stands the rule in for it.
    expect(differences).toEqual([]);
  });

  it('derive 2027, a year with no announcement, by hand: Tết from 28 tháng Chạp, compensatory days, 3/9', () => {
    // Mùng 1 Tết Đinh Mùi is Saturday 06/02/2027: 04–08/02 are the five Tết days; mùng 1 and 2 fall
    // on the weekend, so 09 and 10/02 are compensatory. 01/05/2027 is a Saturday → 03/05 off. 2/9/2027
    // is a Thursday → 3/9 joins it to the weekend.
    expect(calendar.derivedDaysOff(2027).map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2027-01-01 Tết Dương lịch',
      '2027-02-04 Tết Nguyên đán (28 tháng Chạp)',
      '2027-02-05 Tết Nguyên đán (29 tháng Chạp)',
      '2027-02-06 Tết Nguyên đán (mùng 1) – thứ Bảy',
      '2027-02-07 Tết Nguyên đán (mùng 2) – Chủ nhật',
      '2027-02-08 Tết Nguyên đán (mùng 3)',
      '2027-02-09 nghỉ bù Tết Nguyên đán (mùng 1) ngày 06/02/2027',
      '2027-02-10 nghỉ bù Tết Nguyên đán (mùng 2) ngày 07/02/2027',
      '2027-04-16 Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2027-04-30 Ngày Chiến thắng',
      '2027-05-01 Quốc tế Lao động – thứ Bảy',
      '2027-05-03 nghỉ bù Quốc tế Lao động ngày 01/05/2027',
      '2027-09-02 Quốc khánh',
      '2027-09-03 Quốc khánh (ngày liền kề)',
    ]);
    expect(calendar.day('2027-02-09')).toMatchObject({ working: false, kind: 'compensatory', source: 'derived' });
    expect(calendar.yearStatus(2027)).toBe('derived');
    const [note] = calendar.provisionalNotes('2027-02-01', '2027-02-20');
    expect(note?.reason).toMatch(/^2027: no official schedule of days off has been announced/);
    expect(note?.reason).toContain('Tết Nguyên đán 2027-02-04 – 2027-02-08');
  });

  it('give 2/9 one day before 2021 (Labour Code 2012) and a compensatory Monday when it is a Sunday', () => {
    // 02/09/2018 was a Sunday: Monday 03/09/2018 was off in compensation.
    expect(calendar.day('2018-09-02')).toMatchObject({ working: false, reason: 'Quốc khánh – Chủ nhật' });
    expect(calendar.day('2018-09-03')).toMatchObject({ working: false, kind: 'compensatory', reason: 'nghỉ bù Quốc khánh ngày 02/09/2018' });
    expect(calendar.day('2018-08-31').working).toBe(true);
    // The 2019 announcement names 31/12/2018 (a swap): it applies to the derived 2018 too.
    expect(calendar.day('2018-12-31')).toMatchObject({ working: false, kind: 'swap-off', source: 'announced' });
  });

  it('pick the adjacent day of 2/9 by weekday, as announced 2021–2025', () => {
    const cases: [number, string][] = [
      [2021, '2021-09-03'], // Thursday → 3/9
      [2022, '2022-09-01'], // Friday → 1/9
      [2023, '2023-09-01'], // Saturday → 1/9 (and a compensatory Monday)
      [2024, '2024-09-03'], // Monday → 3/9
      [2025, '2025-09-01'], // Tuesday → 1/9
    ];
    for (const [year, adjacent] of cases) {
      expect(rulesOnly.day(adjacent), String(year)).toMatchObject({ working: false, reason: 'Quốc khánh (ngày liền kề)', rule: 'quoc-khanh-lien-ke' });
    }
  });
});

describe('a partly confirmed year (2026)', () => {
  it('uses the announcement, assumes 1/9/2026 for the open adjacent day, and is provisional only around it', () => {
    expect(calendar.yearStatus(2026)).toBe('partly-confirmed');
    expect(calendar.day('2026-02-17')).toMatchObject({ working: false, reason: 'Tết Nguyên đán (mùng 1)', source: 'announced' });
    expect(calendar.day('2026-01-10')).toMatchObject({ working: true, kind: 'make-up-day' });
    expect(calendar.day('2026-09-01')).toMatchObject({ working: false, source: 'assumed', rule: 'quoc-khanh-lien-ke' });
    expect(calendar.day('2026-09-03').working).toBe(true);
    expect(calendar.provisionalNotes('2026-02-01', '2026-03-31')).toEqual([]);
    expect(calendar.provisionalNotes('2026-08-20', '2026-09-10').map((n) => [n.from, n.to])).toEqual([['2026-08-29', '2026-09-06']]);
    expect(calendar.provisionalNotes('2026-11-20', '2026-11-30').map((n) => n.from)).toEqual(['2026-11-24']);
    // 24/11/2026 is counted as a working day until the law changes.
    expect(calendar.day('2026-11-24').working).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('steps over Tết 2025 forwards and backwards', () => {
    expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-02-05', -3)).toBe('2025-01-24');
    expect(calendar.addWorkingDays('2025-01-24', 0)).toBe('2025-01-24');
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-05')).toBe(3);
    expect(calendar.workingDaysBetween('2025-02-05', '2025-01-24')).toBe(-3);
    expect(calendar.nextWorkingDay('2025-04-29')).toBe('2025-05-05');
    expect(calendar.daysOff('2025-04-28', '2025-05-05').map((d) => d.date)).toEqual(['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
  });

  it('refuses dates outside 2014–2100 with a usage error', () => {
    expect(() => calendar.day('2013-12-31')).toThrow(UsageError);
    expect(() => calendar.day('2101-01-01')).toThrow(/covers 2014–2100; 2101-01-01 is outside it/);
    expect(() => calendar.addWorkingDays('2100-12-29', 3)).toThrow(UsageError);
    expect(() => calendar.day('2025-02-29')).toThrow(/not a real date/);
  });
});

describe.skipIf(!existsSync(SHARED_DAYS_OFF_ORIGINAL))('the copy of the shared days-off file', () => {
  it('is byte-identical to ../shared/calendar/vn-official-days-off.json', () => {
    expect(readFileSync(SHARED_DAYS_OFF_FILE, 'utf8')).toBe(readFileSync(SHARED_DAYS_OFF_ORIGINAL, 'utf8'));
  });
});
