import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { cleanupCatalogues, makeCatalogue, versionPath } from '../helpers/catalogue.js';
import { applicantVersions } from '../helpers/applicant-fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await makeCatalogue(Object.fromEntries(applicantVersions().map((v) => [versionPath(v), v])));
});
afterAll(cleanupCatalogues);

const tthc = (...args: string[]) => runTthc([...args, '--dir', dir]);

describe('tthc show', () => {
  it('shows the version in force on a date', async () => {
    const before = await tthc('show', '1.001193', '--at', '2025-12-31');
    expect(before.code).toBe(0);
    expect(before.stdout.split('\n').slice(0, 3)).toEqual(['# 1.001193 Thủ tục đăng ký khai sinh', '', '1.001193@v1 is in force on 2025-12-31: from 2016-01-01 until 2025-12-31 (superseded by v2 from 2026-01-01).']);
    const after = await tthc('show', '1.001193', '--at', '2026-01-01', '--format', 'json');
    expect(JSON.parse(after.stdout)).toMatchObject({ status: 'in-force', version: 'v2', inForce: { from: '2026-01-01', until: null, endsBecause: 'open' }, spec: { changedBy: { legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] } } });
    expect(after.stdout).toContain('"lookup"');
  });

  it('renders every part in the Phần II order from the same model as the detail pages', async () => {
    const r = await tthc('show', '1.001193', '--at', '2026-01-01');
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## 1. Trình tự thực hiện',
      '## 2. Cách thức thực hiện',
      '## 3. Thành phần, số lượng hồ sơ',
      '## 4. Thời hạn giải quyết',
      '## 5. Đối tượng thực hiện thủ tục hành chính',
      '## 6. Cơ quan thực hiện thủ tục hành chính',
      '## 7. Kết quả thực hiện thủ tục hành chính',
      '## 8. Phí, lệ phí',
      '## 9. Tên mẫu đơn, mẫu tờ khai',
      '## 10. Yêu cầu, điều kiện thực hiện thủ tục hành chính',
      '## 11. Căn cứ pháp lý của thủ tục hành chính',
    ]);
    // A conditional fee is never shown as if it were always due.
    expect(r.stdout).not.toMatch(/\| Lệ phí: \d/);
  });

  it('answers clearly, with dates and exit 1, when nothing is in force', async () => {
    const repealed = await tthc('show', '1.001416', '--at', '2026-08-01');
    expect(repealed.code).toBe(1);
    expect(repealed.stdout).toBe('1.001416 is repealed on 2026-08-01: abolished from 2026-07-01 by 107/2025/QH15 (version v2).\nThe last version in force was v1, from 2020-01-01 until 2026-06-30.\n');
    const notYet = await tthc('show', '2.000001', '--at', '2026-08-01', '--format', 'json');
    expect(notYet.code).toBe(1);
    expect(JSON.parse(notYet.stdout)).toEqual({
      status: 'not-yet-in-force',
      code: '2.000001',
      date: '2026-08-01',
      message: '2.000001 is not yet in force on 2026-08-01: its first published version, v1, takes effect on 2030-01-01.',
      firstVersion: 'v1',
      inForceFrom: '2030-01-01',
    });
  });
});

describe('tthc fee', () => {
  it('computes the judicial-record fee tiers, with the legal basis', async () => {
    const r = await tthc('fee', '1.001416', '--at', '2025-05-05', '--fact', 'doiTuong=sinhVien', '--fact', 'soBan=4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phí cung cấp thông tin lý lịch tư pháp (sinh viên) [phí, phi-sinh-vien]: 100.000 đồng\n');
    expect(r.stdout).toContain('  5.000 đồng/Phiếu × 2 (soBan = 4, − 2, at least 0) = 10.000 đồng.\n');
    expect(r.stdout).toContain('  Basis: Điều 4 244/2016/TT-BTC\n');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Total: 110.000 đồng');
    const json = await tthc('fee', '1.001416', '--at', '2025-05-05', '--fact', 'soBan=3', '--channel', 'postal', '--format', 'json');
    expect(JSON.parse(json.stdout).totals).toEqual([{ currency: 'VND', amount: 235000 }]);
  });
});

describe('tthc dossier', () => {
  it('lists the birth-registration documents before and after 2026-01-01', async () => {
    const before = JSON.parse((await tthc('dossier', '1.001193', '--at', '2025-12-31', '--format', 'json')).stdout);
    expect(before.documents.map((d: { id: string; status: string }) => `${d.id}:${d.status}`)).toEqual(['to-khai:submit', 'giay-chung-sinh:submit', 'can-cuoc:present']);
    const after = await tthc('dossier', '1.001193', '--at', '2026-01-01');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Bring (2):\n');
    expect(after.stdout).toContain('  - Thẻ Căn cước của người đi đăng ký [can-cuoc]: not needed: looked up. Not needed from the applicant: the office gets it from Cơ sở dữ liệu quốc gia về dân cư.\n');
  });
});

describe('bad input: one clear line, exit 2, no stack trace', () => {
  it.each([
    [['fee', '1.001416', '--at', '2025-05-05', '--fact', 'sinhVien=true'], 'tthc: 1.001416@v1 has no fact "sinhVien". Its facts are: doiTuong, soBan, phucTap.'],
    [['fee', '1.001416', '--at', '2025-05-05', '--fact', 'soBan=-1'], 'tthc: The fact "soBan" (Số Phiếu yêu cầu cấp) takes a whole number from 1 to 50, got "-1".'],
    [['fee', '1.001416', '--at', '2025-05-05', '--fact', 'soBan=2', '--fact', 'soBan=3'], 'tthc: The fact "soBan" is given twice, as "2" and "3".'],
    [['fee', '1.001416', '--at', '2025-02-29'], 'tthc: --at 2025-02-29 is not a real date: February 2025 has 28 days.'],
    [['fee', '1.001416', '--at', '2026-07-01'], 'tthc: 1.001416 is repealed on 2026-07-01: abolished from 2026-07-01 by 107/2025/QH15 (version v2).'],
    [['dossier', '1.001193', '--at', '2026-01-01', '--channel', 'postal'], 'tthc: 1.001193@v2 cannot be filed by post; it offers in-person, online.'],
    [['dossier', '1.001193', '--at', '2026-01-01', '--fact', 'coGiayChungSinh=maybe'], 'tthc: The fact "coGiayChungSinh" (Có giấy chứng sinh) takes true or false, got "maybe".'],
    [['dossier', '9.999999'], 'tthc: There is no procedure 9.999999 in the catalogue.'],
    [['show', '1.00119', '--at', '2025-01-01'], 'tthc: There is no procedure 1.00119 in the catalogue. Did you mean "1.001193"?'],
    [['show', '1.001193', '--at', '01/01/2025'], 'tthc: --at expects a date as YYYY-MM-DD, got "01/01/2025".'],
    [['show', '1.001193', '--format', 'html'], 'tthc: Unknown format "html": use md or json.'],
  ] as [string[], string][])('%j', async (args, message) => {
    const r = await tthc(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toBe(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
