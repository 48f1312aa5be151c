import { describe, expect, it } from 'vitest';
import { chooseVersion, type CalculatorPeriod } from '../../docs-site/client/calculator-version.js';
import { prepareApplication } from '../../rules/compute/application.js';
import { computeDueDate, dueDateForApplication } from '../../rules/compute/deadlines.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { baseRegistry } from '../../rules/lint/fixture.js';
import { version } from '../helpers/catalogue.js';
import { vnCalendar } from '../helpers/calendar.js';

// The case of issue 18 point 7: v1 with 3 working days, amended by v2 with 2 working days from Monday 1 March 2027.
const three = { label: 'Trực tiếp', value: 3, unit: 'working-days' as const, text: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ' };
const two = { label: 'Trực tiếp', value: 2, unit: 'working-days' as const, text: '02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ' };
const periods: CalculatorPeriod[] = [
  { version: 'v2', from: '2027-03-01', until: '2027-12-31', repealed: false, options: [two] },
  { version: 'v1', from: '2020-01-01', until: '2027-02-28', repealed: false, options: [three] },
  { version: 'v3', from: '2028-01-01', until: null, repealed: true, options: [] },
];

describe('the due-date calculator counts with the version in force on the filing date (issue 18 point 7)', () => {
  it('uses v2 for a filing on 3 March 2027 and says so; v1 the day before v2 takes effect', () => {
    const after = chooseVersion(periods, '2027-03-03', 'Trực tiếp');
    expect(after).toEqual({ kind: 'in-force', period: periods[0], option: two, said: 'Tính theo nội dung thủ tục có hiệu lực từ ngày 01/03/2027 đến hết ngày 31/12/2027: thời hạn 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.' });
    const before = chooseVersion(periods, '2027-02-28', 'Trực tiếp');
    expect(before.kind === 'in-force' && before.option).toEqual(three);
    // Wednesday 3 March 2027 + 2 working days = Friday 5 March (3 would be Monday 8 March).
    expect(computeDueDate(vnCalendar(), { from: '2027-03-03', value: two.value, unit: two.unit }).due).toBe('2027-03-05');
  });

  it('refuses dates with no version in force: before the first, after a repeal', () => {
    expect(chooseVersion(periods, '2019-12-31', 'Trực tiếp')).toEqual({ kind: 'refused', said: 'Thủ tục chưa có hiệu lực vào ngày 31/12/2019: áp dụng từ ngày 01/01/2020.' });
    expect(chooseVersion(periods, '2028-01-02', 'Trực tiếp')).toEqual({ kind: 'refused', said: 'Thủ tục đã bị bãi bỏ từ ngày 01/01/2028: không tính hạn cho hồ sơ nộp từ ngày đó.' });
    const gap: CalculatorPeriod[] = [{ ...periods[1]!, until: '2021-12-31' }];
    expect(chooseVersion(gap, '2022-06-01', 'Trực tiếp')).toEqual({ kind: 'refused', said: 'Ngày 01/06/2022 không có phiên bản nào của thủ tục có hiệu lực (phiên bản trước hết hiệu lực sau ngày 31/12/2021).' });
  });

  it('picks the same version and limit as tthc due (prepareApplication resolves the filing date)', () => {
    const v1 = version({ effective: { from: '2020-01-01' }, timeLimit: { value: 3, unit: 'working-days', start: 'complete-dossier' } });
    const v2 = version({ version: 'v2', supersedes: 'v1', effective: { from: '2027-03-01' }, changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] }, timeLimit: { value: 2, unit: 'working-days', start: 'complete-dossier' } });
    const { catalogue } = catalogueFromObjects({ versions: [v1, v2], registry: baseRegistry() });
    for (const [date, expected] of [['2027-03-03', 'v2'], ['2027-02-26', 'v1']] as const) {
      const app = prepareApplication(catalogue, { code: v1.code, date, channel: 'in-person' });
      expect(app.version.data.version).toBe(expected);
      const cli = dueDateForApplication(vnCalendar(), app, { from: date });
      const choice = chooseVersion(periods, date, 'Trực tiếp');
      expect(choice.kind === 'in-force' && choice.period.version).toBe(expected);
      if (choice.kind === 'in-force') expect(computeDueDate(vnCalendar(), { from: date, value: choice.option.value, unit: choice.option.unit }).due).toBe(cli.result.due);
    }
  });
});
