import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { cleanupCatalogues, makeCatalogue, versionPath } from '../helpers/catalogue.js';
import { applicantVersions } from '../helpers/applicant-fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await makeCatalogue(Object.fromEntries(applicantVersions().map((v) => [versionPath(v), v])));
});
afterAll(cleanupCatalogues);

describe('tthc due --from … --days …', () => {
  it('answers 2025-02-05 for 3 working days from 2025-01-24, explained', async () => {
    const r = await runTthc(['due', '--from', '2025-01-24', '--days', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Due: 2025-02-05 (thứ Tư)');
    expect(lines).toContain('Rule: 3 working days: the due date is the 3rd working day after the receipt day.');
    expect(lines).toContain('  2025-01-29: Tết Nguyên đán (mùng 1)');
    expect(lines).toContain('Counted: 2025-02-03, 2025-02-04, 2025-02-05');
    expect(r.stdout).toMatch(/not provisional/);
  });

  it('prints received, due and skipped as JSON', async () => {
    const r = await runTthc(['due', '--from', '2025-01-24T16:00', '--days', '3', '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.received).toBe('2025-02-03');
    expect(result.due).toBe('2025-02-06');
    expect(result.skipped).toEqual([]);
    expect(result.receipt.passedOver[2]).toEqual({ date: '2025-01-27', reason: 'Tết Nguyên đán (28 tháng Chạp)', source: 'announced' });
    expect(result.provisional).toBe(false);
  });

  it('counts calendar days and hours, and says when a year is provisional', async () => {
    const days = await runTthc(['due', '--from', '2025-04-25', '--days', '5', '--unit', 'calendar', '--format', 'json']);
    expect(JSON.parse(days.stdout).due).toBe('2025-05-05');
    const hours = await runTthc(['due', '--from', '2025-03-03T16:30', '--days', '3', '--unit', 'hours', '--cutoff', '17:00', '--format', 'json']);
    expect(JSON.parse(hours.stdout)).toMatchObject({ received: '2025-03-03', due: '2025-03-04', dueAt: '10:30' });
    const future = await runTthc(['due', '--from', '2027-02-03', '--days', '3']);
    expect(future.stdout.split('\n')[0]).toBe('Due: 2027-02-15 (thứ Hai)  (provisional)');
    expect(future.stdout).toMatch(/^Provisional: 2027: no official schedule/m);
  });

  it('pauses for a supplement request and flags a second one', async () => {
    const r = await runTthc(['due', '--from', '2025-03-03', '--days', '5', '--supplement', '2025-03-03/2025-03-04', '--supplement', '2025-03-05/2025-03-06']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Due: 2025-03-12 (thứ Tư)');
    expect(r.stdout).toMatch(/^Warning: 2 supplement requests: VPCP indicator 766/m);
  });
});

describe('tthc due <code>', () => {
  it('uses the time limit of the version in force, per channel and facts', async () => {
    const r = await runTthc(['due', '1.001416', '--from', '2025-01-20', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '1.001416@v1 Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam: in force on 2025-01-20 (from 2020-01-01 until 2026-06-30)',
      'Channel: in-person (default; --channel to choose); facts: doiTuong=thuong (default), soBan=1 (default), phucTap=false (default)',
      'Time limit: 10 ngày làm việc, the procedure’s limit; khoản 1 Điều 48 28/2009/QH12',
      'The clock starts when a complete, valid dossier is received (kể từ ngày nhận đủ hồ sơ hợp lệ): the submission date given is taken as that day.',
    ]);
    expect(r.stdout).toMatch(/^Due: 2025-02-10 \(thứ Hai\)$/m);
    const complex = await runTthc(['due', '1.001416', '--from', '2025-01-20', '--fact', 'phucTap=true', '--format', 'json', '--dir', dir]);
    expect(JSON.parse(complex.stdout)).toMatchObject({ due: '2025-02-17', applicableTimeLimit: { value: 15, case: 'trường hợp phức tạp cần xác minh' } });
    const online = await runTthc(['due', '1.001416', '--from', '2025-01-20', '--channel', 'online', '--format', 'json', '--dir', dir]);
    expect(JSON.parse(online.stdout)).toMatchObject({ due: '2025-02-06', procedure: { channel: 'online' } });
  });
});

describe('bad input: one clear line, exit 2, no stack trace', () => {
  it.each([
    [['due', '--from', '2025-02-30', '--days', '3'], 'tthc: The submission date 2025-02-30 is not a real date: February 2025 has 28 days.'],
    [['due', '--from', '2025-01-24', '--days', '-3'], 'tthc: --days must be zero or more, got -3.'],
    [['due', '--from', '2025-01-24', '--days', '3', '--unit', 'weeks'], 'tthc: Unknown unit "weeks": use working, calendar, hours or months.'],
    [['due', '--from', '2101-01-03', '--days', '3'], /^tthc: The working calendar "vn" covers 2014–2100; 2101-01-03 is outside it\./],
    [['due', '--from', '1999-05-03', '--days', '3'], /^tthc: The working calendar "vn" covers 2014–2100; 1999-05-03 is outside it\./],
    [['due', '--from', '2025-01-24T24:10', '--days', '3'], 'tthc: The submission date "2025-01-24T24:10" has no such time of day: use 00:00–23:59.'],
    [['due', '--from', '2025-01-24'], 'tthc: Give --days <N> (with --unit working|calendar|hours|months), or a procedure code whose time limit to use.'],
    [['due', '1.999999', '--from', '2025-01-24', '--dir', '@DIR'], 'tthc: There is no procedure 1.999999 in the catalogue.'],
    [['due', '1.001416', '--from', '2025-01-24', '--channel', 'fax', '--dir', '@DIR'], 'tthc: Unknown channel "fax": use in-person, online, postal.'],
    [['due', '1.001416', '--from', '2025-01-24', '--fact', 'phuctap=true', '--dir', '@DIR'], 'tthc: 1.001416@v1 has no fact "phuctap". Did you mean "phucTap"? Its facts are: doiTuong, soBan, phucTap.'],
    [['due', '1.001416', '--from', '2025-01-24', '--fact', 'phucTap', '--dir', '@DIR'], 'tthc: --fact expects key=value (e.g. --fact soBan=3), got "phucTap".'],
    [['due', '1.001416', '--from', '2025-01-24', '--days', '3', '--dir', '@DIR'], 'tthc: Give either a procedure code or --days, not both: 1.001416 brings its own time limit.'],
    [['due', '--from', '2025-01-24', '--days', '3', '--format', 'xml'], 'tthc: Unknown format "xml": use text or json.'],
  ] as [string[], string | RegExp][])('%j', async (args, message) => {
    const r = await runTthc(args.map((a) => (a === '@DIR' ? dir : a)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr.trimEnd()).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
