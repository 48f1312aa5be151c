import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runTthc } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'tthc-reconcile-'));

// A made-up Hà Nội (H26) list, checked against the bundled catalogue on 03/12/2026.
const LIST =
  'Mã TTHC;Tên TTHC;Lĩnh vực;Cơ quan thực hiện;Mức độ DVC;Quyết định công bố\n' +
  '1.001193.000.00.00.H26;Đăng ký khai sinh;Hộ tịch;UBND cấp xã;Một phần;123/QĐ-UBND\n' +
  '1.000656.000.00.00.H26;Đăng ký khai tử;Hộ tịch;UBND cấp xã;Toàn trình;\n' +
  '1.000894.000.00.00.H26;Đăng ký kết hôn;Tư pháp;UBND cấp xã;Một phần;123/QĐ-UBND\n' +
  '2.000488.000.00.00.H26;Cấp Phiếu lý lịch tư pháp;Lý lịch tư pháp;Sở Tư pháp;Một phần;123/QĐ-UBND\n' +
  '1.999999.H26;Một thủ tục không có;Hộ tịch;UBND cấp xã;Một phần;123/QĐ-UBND\n' +
  '1.004194.H26;Đăng ký tạm trú;Đăng ký, quản lý cư trú;Công an xã;Toàn trình;123/QĐ-UBND\n' +
  '1.004194.H26;Đăng ký tạm trú;Đăng ký, quản lý cư trú;Công an phường;Toàn trình;123/QĐ-UBND\n' +
  '1.001193.000.00.00.H37;Đăng ký khai sinh;Hộ tịch;UBND cấp xã;Một phần;123/QĐ-UBND\n' +
  'CCCX_01;Quy trình nội bộ một cửa;Hộ tịch;UBND cấp xã;;\n' +
  ';Thủ tục test;;;;\n';

describe('tthc reconcile', () => {
  it('finds every kind of problem in a list, sums them at the top, exit 1', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ha-noi.csv'), LIST);
    const r = await runTthc(['reconcile', path.join(dir, 'ha-noi.csv'), '--catalogue', 'catalogue', '--province', 'H26', '--at', '2026-12-03', '--format', 'json']);
    expect(r.stderr).toContain('not complete and current');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toEqual({ rows: 10, matched: 5, rowProblems: 3, missing: 7, differences: 2, noDecision: 1, duplicates: 1, internal: 1, tests: 1, ministryAnnounced: 3 });
    expect(report.rowProblems).toEqual([
      { line: 5, code: '2.000488.000.00.00.H26', name: 'Cấp Phiếu lý lịch tư pháp', kind: 'repealed', since: '2026-07-01', by: ['107/2025/QH15'] },
      { line: 6, code: '1.999999.H26', name: 'Một thủ tục không có', kind: 'unknown-code' },
      { line: 9, code: '1.001193.000.00.00.H37', name: 'Đăng ký khai sinh', kind: 'other-province', detail: 'H37' },
    ]);
    expect(report.differences).toEqual([
      { line: 3, code: '1.000656.000.00.00.H26', version: 'v3', what: 'onlineLevel', list: 'Toàn trình', national: 'một phần' },
      { line: 4, code: '1.000894.000.00.00.H26', version: 'v3', what: 'field', list: 'Tư pháp', national: 'Hộ tịch' },
    ]);
    expect(report.noDecision).toEqual([3]);
    expect(report.duplicates).toEqual([{ code: '1.004194.H26', lines: [7, 8], perAgency: true }]);
    // Missing: the national procedures in force at the provincial or commune level that the list leaves out, latest first.
    expect(report.missing.map((m: { code: string; version: string }) => `${m.code}@${m.version}`)).toEqual([
      '1.004873@v1',
      '1.013225@v2',
      '2.001199@v2026',
      '2.001583@v2026',
      '2.001610@v2026',
      '2.002042@v2026',
      '2.002043@v2026',
    ]);
    // In force from 01/01/2016 (a Friday and a holiday): five working days back is Friday 25/12/2015;
    // to 03/12/2026 that is 7 + 3,653 (2016–2025, three leap years) + 336 days.
    expect(report.missing[0]).toMatchObject({ code: '1.004873', effective: '2016-01-01', deadline: '2015-12-25', daysLate: 3996, announced: { date: '2016-01-01', dateFrom: 'effective' } });
    // 01/07/2025 is a Tuesday: back over 30/6, 27, 26, 25 to Tuesday 24/6/2025; then 7 + 365 + 155 days.
    expect(report.missing[1]).toMatchObject({ code: '1.013225', effective: '2025-07-01', deadline: '2025-06-24', daysLate: 527 });
    // The ministry's decision is in the registry (issue 18), without a date of issue: the effective date stands in, and the report says so.
    expect(report.missing[5]).toMatchObject({ code: '2.002042', deadline: '2025-12-25', daysLate: 343, announced: { decision: '92/QĐ-BTC', date: '2026-01-01', dateFrom: 'effective' } });
    expect(report.announcedFromEffective).toBe(7);
    // Residence procedures performed by the commune police: the Minister of Public Security announces them
    // himself (registry: bo-cong-an announcesLocalProcedures), so the province's list may leave them out.
    expect(report.ministryAnnounced.map((x: { code: string; version: string; ministry: string }) => `${x.code}@${x.version} ${x.ministry}`)).toEqual(['1.003197@v1 bo-cong-an', '1.004222@v3 bo-cong-an', '2.001159@v1 bo-cong-an']);
    expect(report.internal).toEqual([{ line: 10, name: 'Quy trình nội bộ một cửa', localCode: 'CCCX_01', field: 'Hộ tịch', agency: 'UBND cấp xã' }]);
    expect(report.tests).toEqual([{ line: 11, name: 'Thủ tục test' }]);
  });

  it('writes the report in Vietnamese with the figures at the top, as Markdown, HTML and CSV', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ha-noi.csv'), LIST);
    const args = ['reconcile', path.join(dir, 'ha-noi.csv'), '--province', 'H26', '--at', '2026-12-03'];
    const md = await runTthc(args, { env: { TTHC_LANG: 'vi' } });
    expect(md.code).toBe(1);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toBe('# Đối chiếu danh mục thủ tục hành chính của tỉnh H26');
    expect(lines[4]).toBe('**Danh mục chưa đầy đủ hoặc chưa cập nhật: 16 phát hiện.**');
    expect(md.stdout).toContain('| Thủ tục quốc gia tỉnh thực hiện (cấp tỉnh, cấp xã) nhưng thiếu trong danh mục | 7 |');
    expect(md.stdout).toContain('Không tính là thiếu: 3 thủ tục thực hiện tại địa phương thuộc lĩnh vực tổ chức theo ngành dọc, do Bộ trưởng tự công bố, Chủ tịch Ủy ban nhân dân cấp tỉnh không công bố lại: Bộ Công an (1.003197@v1 Xóa đăng ký thường trú; 1.004222@v3 Đăng ký thường trú; 2.001159@v1 Thông báo lưu trú).');
    expect(md.stdout).toContain('| 5 | 2.000488.000.00.00.H26 | Cấp Phiếu lý lịch tư pháp | đã bị bãi bỏ từ ngày 01/07/2026 (107/2025/QH15) |');
    expect(md.stdout).toContain('| 1.004873@v1 | Thủ tục cấp Giấy xác nhận tình trạng hôn nhân | xã | chưa ghi quyết định; có hiệu lực 01/01/2016 | 01/01/2016 | 25/12/2015 | 3.996 ngày (');
    expect(md.stderr).toContain('Danh mục chưa đầy đủ, cập nhật: 3 dòng');
    const html = await runTthc([...args, '--format', 'html']);
    expect(html.stdout).toContain('<h1>Đối chiếu danh mục thủ tục hành chính của tỉnh H26</h1>');
    const csv = await runTthc([...args, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('"loại","dòng","mã","tên","nội dung","trong danh mục","quốc gia","có hiệu lực","hạn công bố của tỉnh","số ngày trễ","số ngày làm việc trễ"');
    expect(csv.stdout).toContain('"do bộ công bố, không tính là thiếu","","1.004222@v3","Đăng ký thường trú","Bộ Công an tự công bố (ngành dọc)"');
    expect(csv.stdout).toContain('"khác biệt","4","1.000894.000.00.00.H26","","Lĩnh vực","Tư pháp","Hộ tịch (v3)"');
  });

  it('exit 0 for a complete and current list', async () => {
    const dir = tmp();
    const cat = path.join(dir, 'catalogue');
    mkdirSync(path.join(cat, 'procedures'), { recursive: true });
    cpSync(path.join(REPO, 'catalogue/registry'), path.join(cat, 'registry'), { recursive: true });
    cpSync(path.join(REPO, 'catalogue/calendars'), path.join(cat, 'calendars'), { recursive: true });
    cpSync(path.join(REPO, 'catalogue/procedures/1.001193'), path.join(cat, 'procedures/1.001193'), { recursive: true });
    writeFileSync(path.join(dir, 'list.csv'), 'Mã TTHC,Tên TTHC,Lĩnh vực,Mức độ DVC,Quyết định công bố\n1.001193.000.00.00.H26,Thủ tục đăng ký khai sinh,Hộ tịch,Một phần,123/QĐ-UBND\n');
    const r = await runTthc(['reconcile', path.join(dir, 'list.csv'), '--catalogue', cat, '--at', '2026-12-03']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Danh mục đầy đủ và cập nhật.');
  });

  it('exit 2 for a list file that fails its schema, with the position, and for a file with no rows', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'lists'));
    writeFileSync(path.join(dir, 'lists/h26.json'), '{\n  "source": { "file": "x.csv", "encoding": "utf-8", "columns": [] },\n  "rows": [ { "line": 0, "name": "x" } ]\n}\n');
    const bad = await runTthc(['reconcile', path.join(dir, 'lists/h26.json'), '--at', '2026-12-03']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/h26\.json[\s\S]*3:\d+[\s\S]*schema\/minimum/);
    writeFileSync(path.join(dir, 'empty.csv'), 'a,b\n,\n');
    const empty = await runTthc(['reconcile', path.join(dir, 'empty.csv')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('has no procedure rows');
  });
});
