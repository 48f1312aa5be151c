/**
 * The CLI speaks Vietnamese by default and English with --lang en or TTHC_LANG=en (issue 19): each
 * command is run once in each language and the real text is asserted. Exit codes, rule ids and
 * JSON do not depend on the language. Also: one wording for a date that does not exist, usage
 * errors in the tthc: style, control characters escaped (issue 16, point 14).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { messagesOf } from '../../cli/i18n.js';
import { cleanupCatalogues, makeCatalogue, versionPath } from '../helpers/catalogue.js';
import { applicantVersions } from '../helpers/applicant-fixture.js';

const CATALOGUE = fileURLToPath(new URL('../../catalogue', import.meta.url));
const IMPORTS = fileURLToPath(new URL('../fixtures/realworld/national-db-export', import.meta.url));
const VI = { TTHC_LANG: '' };
const EN = { TTHC_LANG: 'en' };

let work: string;
let catalogue: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tthc-messages-'));
  catalogue = path.join(work, 'catalogue');
  await cp(CATALOGUE, catalogue, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await cleanupCatalogues();
});

const vi = (args: string[]) => runTthc(args, { env: VI });
const en = (args: string[]) => runTthc(['--lang', 'en', ...args], { env: VI });

describe('every command, once in Vietnamese (the default) and once in English', () => {
  it('tthc --help and a command’s help', async () => {
    const [v, e] = await Promise.all([vi(['--help']), en(['--help'])]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('Cách dùng: tthc [tùy chọn] [lệnh]');
    expect(v.stdout).toContain('Tính hạn giải quyết theo lịch làm việc');
    expect(v.stdout).toContain('xem hướng dẫn của lệnh');
    expect(v.stdout).not.toMatch(/Usage:|Options:|display help/);
    expect(e.stdout).toContain('Usage: tthc [options] [command]');
    expect(e.stdout).toContain('Compute a due date over the');
    const [dv, de] = await Promise.all([vi(['due', '--help']), en(['due', '--help'])]);
    expect(dv.stdout).toContain('Cách dùng: tthc due [tùy chọn] [code]');
    expect(dv.stdout).toMatch(/--format <format>\s+text \(văn bản\) hoặc json \(mặc định:\s+"text"\)/);
    expect(de.stdout).toMatch(/--format <format>\s+text or json \(default: "text"\)/);
  });

  it('tthc validate', async () => {
    const [v, e] = await Promise.all([vi(['validate', catalogue]), en(['validate', catalogue])]);
    expect(v.code).toBe(0);
    expect(e.code).toBe(0);
    expect(v.stdout).toMatch(/✖ \d+ vấn đề \(0 lỗi, \d+ cảnh báo\)\n$/);
    expect(v.stdout).toMatch(/ cảnh báo {2}/);
    expect(e.stdout).toMatch(/✖ \d+ problems \(0 errors, \d+ warnings\)\n$/);
    // Rule ids and JSON are the same in both languages.
    const [jv, je] = await Promise.all([vi(['validate', catalogue, '-f', 'json']), en(['validate', catalogue, '-f', 'json'])]);
    expect(jv.stdout).toBe(je.stdout);
  });

  it('tthc build', async () => {
    const [v, e] = await Promise.all([vi(['build', catalogue, '--out', path.join(work, 'out-vi'), '--at', '2026-06-01']), en(['build', catalogue, '--out', path.join(work, 'out-en'), '--at', '2026-06-01'])]);
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/^tthc build: danh mục hợp lệ \(\d+ phiên bản của \d+ thủ tục, \d+ cảnh báo\)$/m);
    expect(v.stdout).toMatch(/^Đã xuất \d+ thủ tục \(\d+ thủ tục có hiệu lực ngày 2026-06-01\) vào /);
    expect(v.stdout).toContain('mã SHA-256 của mọi tệp, để đồng bộ từng phần');
    expect(e.stderr).toMatch(/^tthc build: catalogue valid \(\d+ versions of \d+ procedures, \d+ warnings\)$/m);
    expect(e.stdout).toMatch(/^Built \d+ procedures \(\d+ in force on 2026-06-01\) into /);
  });

  it('tthc serve', async () => {
    const missing = path.join(work, 'no-site');
    const [v, e] = await Promise.all([vi(['serve', missing]), en(['serve', missing])]);
    expect([v.code, e.code]).toEqual([2, 2]);
    expect(v.stderr).toBe(`tthc: ${missing} không phải là thư mục. Hãy xuất bản trang trước (npm start, hoặc tthc build --out build), rồi chạy tthc serve build/site.\n`);
    expect(e.stderr).toBe(`tthc: ${missing} is not a folder. Build the site first (npm start, or tthc build --out build), then run tthc serve build/site.\n`);
  });

  it('tthc lock', async () => {
    const [v, e] = await Promise.all([vi(['lock', catalogue]), en(['lock', catalogue])]);
    expect(v.stdout).toMatch(/^Tệp khóa đã cập nhật: ghi nhận \d+ phiên bản đã công bố\.\n$/);
    expect(e.stdout).toMatch(/^Lock file is up to date: \d+ published versions recorded\.\n$/);
  });

  it('tthc new-version and tthc publish, with what publish will refuse', async () => {
    // A draft copied from v1 to take effect in 2021 copies Thông tư 15/2015/TT-BTP, repealed from 2020-07-16.
    const v = await vi(['new-version', '1.001193', 'v1', '--id', 'v9', '--effective', '2021-01-01', '--dir', catalogue]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('Đã tạo dự thảo 1.001193@v9 tại ');
    expect(v.stdout).toMatch(/Nội dung sao chép vào 1\.001193@v9 mà tthc publish sẽ từ chối nếu giữ nguyên \(hiệu lực từ 2021-01-01\): \d+ vấn đề/);
    // The rules' findings in Vietnamese, worded from their values (cli/messages/lint-vi.ts).
    expect(v.stdout).toMatch(/\/legalBasis\/\d+\/document {2}15\/2015\/TT-BTP hết hiệu lực từ 2020-07-16 \(được thay thế bởi 04\/2020\/TT-BTP\), không muộn hơn ngày phiên bản này có hiệu lực \(2021-01-01\)\. {2}\(legal-basis-in-force\)/);
    // Branching from v1 while v2 is in force in 2021: publish would refuse the overlap, and new-version says so first (line 5, before the citations).
    expect(v.stdout).toContain('\n  5:16  /effective  1.001193@v9 (từ 2021-01-01) trùng thời gian hiệu lực với v2, có hiệu lực từ 2020-09-15 đến 2022-12-31. Hãy nêu phiên bản này thay thế v2 (supersedes), hoặc ghi ngày hết hiệu lực cho v2 (effective.until).  (no-overlapping-versions)\n');
    const e = await en(['new-version', '1.001193', 'v1', '--id', 'v10', '--effective', '2021-01-01', '--dir', catalogue]);
    expect(e.stdout).toMatch(/Copied into 1\.001193@v10 and refused by tthc publish as it stands \(effective 2021-01-01\): \d+ problems/);
    expect(e.stdout).toMatch(/\/legalBasis\/\d+\/document {2}15\/2015\/TT-BTP is no longer in force from 2020-07-16 \(replaced by 04\/2020\/TT-BTP\), on or before this version takes effect \(2021-01-01\)\. {2}\(legal-basis-in-force\)/);
    expect(e.stdout).toContain('\n  5:16  /effective  1.001193@v10 (from 2021-01-01) overlaps v2, in force from 2020-09-15 to 2022-12-31. Say that this version supersedes v2, or give v2 an end date (effective.until).  (no-overlapping-versions)\n');
    // validate warns on the draft about exactly what publish then refuses.
    const warned = await en(['validate', catalogue, '-f', 'json']);
    const onDraft = (JSON.parse(warned.stdout) as { file: string; ruleId: string; pointer: string; severity: string; blocksPublishing?: boolean }[]).filter((d) => d.file.endsWith('1.001193/v9.json') && d.blocksPublishing);
    expect(onDraft.length).toBeGreaterThan(0);
    expect(onDraft.every((d) => d.severity === 'warning')).toBe(true);
    // The repealed circular, and the overlap with v2 (in force from 2020-09-15) that publishing v9 from
    // 2021-01-01 as the successor of v1 would create: publish refuses both, so validate warns on both.
    expect(new Set(onDraft.map((d) => d.ruleId))).toEqual(new Set(['legal-basis-in-force', 'no-overlapping-versions']));
    expect(onDraft.filter((d) => d.ruleId === 'no-overlapping-versions').map((d) => d.pointer)).toEqual(['/effective']);
    const [pv, pe] = await Promise.all([vi(['publish', '1.001193@v9', '--dir', catalogue]), en(['publish', '1.001193@v10', '--dir', catalogue])]);
    expect([pv.code, pe.code]).toEqual([1, 1]);
    expect(pv.stderr).toBe('tthc: 1.001193@v9 chưa được công bố: hãy sửa các lỗi nêu trên trước.\n');
    expect(pe.stderr).toBe('tthc: 1.001193@v10 was not published: fix the errors above first.\n');
    const refused = await en(['publish', '1.001193@v9', '--dir', catalogue]);
    for (const d of onDraft) expect(refused.stdout).toContain(`${d.ruleId} ${d.pointer}`);
    // A version that does not exist: the versions that do.
    const [nv, ne] = await Promise.all([vi(['new-version', '1.001193', 'v7', '--dir', catalogue]), en(['new-version', '1.001193', 'v7', '--dir', catalogue])]);
    expect(nv.code).toBe(1);
    expect(nv.stderr).toMatch(/^tthc: Không có phiên bản 1\.001193@v7 để làm gốc\. Các phiên bản của 1\.001193: v1 \(đã công bố\), v2 \(đã công bố\), .*v9 \(dự thảo\)/);
    expect(ne.stderr).toMatch(/^tthc: There is no version 1\.001193@v7 to start from\. Versions of 1\.001193: v1 \(published\), v2 \(published\), .*v9 \(draft\)/);
  });

  it('tthc due', async () => {
    const args = ['due', '1.001193', '--from', '2027-01-29T16:00', '--dir', catalogue];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect(v.stdout).toContain('Hạn giải quyết: 2027-02-01 (thứ Hai)  (dự kiến)');
    expect(v.stdout).toContain('Ngày tiếp nhận: 2027-02-01 (thứ Hai). Hồ sơ nộp lúc 16:00, sau 15:00 (giờ tiếp nhận cuối ngày), nên được tính là tiếp nhận vào thứ Hai, 01/02/2027.');
    expect(v.stdout).toContain('Cách thức nộp: trực tiếp (mặc định; chọn bằng --channel)');
    expect(v.stdout).toContain('Lịch làm việc: vn; giờ làm việc 08:00–12:00, 13:00–17:00; giờ tiếp nhận cuối ngày 15:00.');
    expect(v.stdout).not.toMatch(/\b(Due|Received|Skipped|Channel):/);
    expect(e.stdout).toContain('Due: 2027-02-01 (thứ Hai)  (provisional)');
    expect(e.stdout).toContain('Channel: in-person (default; --channel to choose)');
    const days = ['due', '--days', '3', '--from', '2026-04-29', '--dir', catalogue];
    const [dv, de] = await Promise.all([vi(days), en(days)]);
    expect(dv.stdout).toContain('Ngày không tính (');
    expect(dv.stdout).toContain('Cách tính: 03 ngày làm việc: không tính ngày tiếp nhận hồ sơ, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết (Điều 147 Bộ luật Dân sự 2015).');
    expect(de.stdout).toContain('Skipped (');
  });

  it('tthc show', async () => {
    const [v, e] = await Promise.all([vi(['show', '1.001193', '--at', '2015-06-01', '--dir', catalogue]), en(['show', '1.001193', '--at', '2015-06-01', '--dir', catalogue])]);
    expect([v.code, e.code]).toEqual([1, 1]);
    expect(v.stdout).toBe('1.001193 chưa có hiệu lực ngày 2015-06-01: phiên bản được công bố đầu tiên, v1, có hiệu lực từ 2016-01-01.\n');
    expect(e.stdout).toBe('1.001193 is not yet in force on 2015-06-01: its first published version, v1, takes effect on 2016-01-01.\n');
    const inForce = await vi(['show', '1.001193', '--at', '2026-06-01', '--dir', catalogue]);
    expect(inForce.stdout).toContain('1.001193@v3 có hiệu lực ngày 2026-06-01: từ 2026-01-01 và chưa có ngày hết hiệu lực.');
  });

  it('tthc fee', async () => {
    const args = ['fee', '1.001193', '--at', '2026-06-01', '--fact', 'dungHan=false', '--dir', catalogue];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect(v.stdout).toContain('Lệ phí đăng ký khai sinh quá hạn [lệ phí, le-phi-qua-han]: phải nộp, mức thu do địa phương quy định');
    expect(v.stdout).toContain('  Trừ trường hợp đăng ký khai sinh trong thời hạn 60 ngày kể từ ngày sinh: mức thu do Hội đồng nhân dân cấp tỉnh quy định; không tính vào tổng cộng.');
    expect(v.stdout).toContain('Tổng cộng: 0 đồng, cộng các khoản do địa phương quy định nêu trên');
    expect(e.stdout).toContain('Total: 0 đồng, plus the locally set amounts above');
    // A fee with no amount in the catalogue (the copy fee as recorded on 04/12/2026) is not one the province sets.
    const unrecorded = ['fee', '1.001193', '--at', '2026-06-01', '--fact', 'dungHan=false', '--fact', 'soBanSao=2', '--as-recorded', '2026-12-04', '--dir', catalogue];
    const [uv, ue] = await Promise.all([vi(unrecorded), en(unrecorded)]);
    expect(uv.stdout).toContain('Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu) [phí, phi-ban-sao]: phải nộp, mức thu chưa được ghi trong danh mục\n');
    expect(uv.stdout).toContain('Tổng cộng: 0 đồng, cộng các khoản nêu trên do địa phương quy định hoặc chưa có mức thu trong danh mục\n');
    expect(ue.stdout).toContain('Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu) [phí, phi-ban-sao]: due, amount not recorded in the catalogue\n');
    // As recorded now: 2 × 8.000 đ, and only the late-registration fee left to the province.
    const now = await vi(['fee', '1.001193', '--at', '2026-06-01', '--fact', 'dungHan=false', '--fact', 'soBanSao=2', '--dir', catalogue]);
    expect(now.stdout).toContain('Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu) [phí, phi-ban-sao]: 16.000 đồng\n');
    expect(now.stdout).toContain('Tổng cộng: 16.000 đồng, cộng các khoản do địa phương quy định nêu trên\n');
  });

  it('tthc dossier', async () => {
    const args = ['dossier', '1.001193', '--at', '2026-06-01', '--dir', catalogue];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect(v.stdout).toContain('Số bộ hồ sơ: 1');
    expect(v.stdout).toMatch(/Giấy tờ phải nộp, xuất trình \(\d+\):/);
    expect(v.stdout).toContain('  - Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập [bien-ban-bo-roi]: không yêu cầu. Chỉ áp dụng: Trường hợp trẻ em bị bỏ rơi.');
    expect(e.stdout).toMatch(/Bring \(\d+\):/);
    expect(e.stdout).toContain('Not needed:');
  });

  it('tthc diff, and a diff of two different procedures refused in either language', async () => {
    const [v, e] = await Promise.all([vi(['diff', '1.004194@v2', '--dir', catalogue]), en(['diff', '1.004194@v2', '--dir', catalogue])]);
    expect(v.code).toBe(0);
    // The diff is a Vietnamese document in both languages.
    expect(v.stdout).toBe(e.stdout);
    expect(v.stdout).toContain('# So sánh 1.004194@v2 với 1.004194@v1');
    const [dv, de] = await Promise.all([vi(['diff', '1.001193@v1', '1.004194@v1', '--dir', catalogue]), en(['diff', '1.001193@v1', '1.004194@v1', '--dir', catalogue])]);
    expect([dv.code, de.code]).toEqual([2, 2]);
    expect(dv.stderr).toBe('tthc: 1.001193@v1 và 1.004194@v1 là hai thủ tục khác nhau (Thủ tục đăng ký khai sinh; Đăng ký tạm trú): chỉ so sánh hai phiên bản của cùng một thủ tục, hoặc một phương án, biến thể với phiên bản chuẩn của nó.\n');
    expect(de.stderr).toBe('tthc: 1.001193@v1 and 1.004194@v1 are two different procedures (Thủ tục đăng ký khai sinh; Đăng ký tạm trú): a diff compares two versions of one procedure, or a proposal or variant with its baseline.\n');
  });

  it('tthc announce, and --signed on a Saturday is "not a working day", not "too late"', async () => {
    const args = ['announce', catalogue, '--effective', '2026-01-01', '--issuer', 'bo-tu-phap', '--signed', '2025-12-06'];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('tthc: 3 thủ tục cần công bố vào ngày 2026-01-01: 0 mới ban hành, 3 được sửa đổi, bổ sung, 0 bị bãi bỏ; cơ quan công bố bo-tu-phap (Bộ Tư pháp).\n');
    expect(v.stderr).toContain('tthc: --signed 2025-12-06 không phải ngày làm việc (thứ Bảy): quyết định được ký vào ngày làm việc, ví dụ 2025-12-04.\n');
    expect(v.stderr).not.toContain('quá muộn');
    expect(e.stderr).toContain('tthc: --signed 2025-12-06 is not a working day (thứ Bảy): a decision is signed on a working day, e.g. 2025-12-04.\n');
    expect(e.stderr).not.toContain('too late');
    // A working day after the deadline is still too late.
    const late = await vi(['announce', catalogue, '--effective', '2026-01-01', '--issuer', 'bo-tu-phap', '--signed', '2025-12-08']);
    expect(late.stderr).toContain('tthc: cảnh báo: ký ngày 2025-12-08 là quá muộn so với ngày có hiệu lực 2026-01-01');
  });

  it('tthc rules', async () => {
    const [v, e] = await Promise.all([vi(['rules', 'legal-basis-in-forse']), en(['rules', 'legal-basis-in-forse'])]);
    expect(v.stderr).toBe('tthc: Không có quy tắc kiểm tra "legal-basis-in-forse". Có phải ý bạn là "legal-basis-in-force"?\n');
    expect(e.stderr).toBe('tthc: There is no lint rule "legal-basis-in-forse". Did you mean "legal-basis-in-force"?\n');
    // The rule docs: Vietnamese by default, English with --lang en; the rule ids and links the same.
    const [lv, le] = await Promise.all([vi(['rules']), en(['rules'])]);
    expect(lv.stdout.split('\n')[0]).toBe('# Quy tắc kiểm tra');
    expect(le.stdout.split('\n')[0]).toBe('# Lint rules');
    expect(lv.stdout).toContain('| [legal-basis-in-force](legal-basis-in-force.html) | vấn đề | lỗi | Phiên bản đã công bố chỉ viện dẫn văn bản đang có hiệu lực vào ngày phiên bản có hiệu lực (bản đính chính: vào ngày đầu tiên nó áp dụng). |');
    expect(le.stdout).toContain('| [legal-basis-in-force](legal-basis-in-force.html) | problem | error | A published version cites only documents in force on the day it takes effect (a correction: on the first day it applies). |');
    const [pv, pe] = await Promise.all([vi(['rules', 'online-service-level']), en(['rules', 'online-service-level'])]);
    expect(pv.code).toBe(0);
    expect(pv.stdout).toContain('## Lý do\n\nTheo Nghị định 42/2022/NĐ-CP');
    expect(pv.stdout).toContain('- `missing`: Cách thức trực tuyến chưa nêu là dịch vụ công trực tuyến toàn trình');
    expect(pv.stdout).toContain('- Cách thức trực tuyến không nêu mức độ.');
    expect(pv.stdout).toContain('Thông báo: `missing` tại `/channels/1`');
    expect(pv.stdout).not.toMatch(/\b(Why|Messages|Examples|Reports|Severity)\b/);
    expect(pe.stdout).toContain('## Why\n\nSince NĐ 42/2022/NĐ-CP');
    expect(pe.stdout).toContain('Reports: `missing` at `/channels/1`');
  });

  it('tthc report simplification', async () => {
    const args = ['report', 'simplification', catalogue, '--target-cost-cut', '101'];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect([v.code, e.code]).toEqual([2, 2]);
    expect(v.stderr).toBe('tthc: --target-cost-cut không được quá 100, nhận được 101.\n');
    expect(e.stderr).toBe('tthc: --target-cost-cut must be at most 100, got 101.\n');
  });

  it('tthc reconcile: the verdict line in each language, the report the same', async () => {
    const list = fileURLToPath(new URL('../fixtures/lists/windows-1258.csv', import.meta.url));
    const args = ['reconcile', list, '--catalogue', catalogue, '--at', '2026-03-01'];
    const [v, e] = await Promise.all([vi(args), en(args)]);
    expect([v.code, e.code]).toEqual([1, 1]);
    expect(v.stderr).toBe('tthc: Danh mục chưa đầy đủ, cập nhật: 0 dòng không có thủ tục đang có hiệu lực, thiếu 9 thủ tục, 0 khác biệt, 2 dòng không nêu quyết định công bố, 0 mã lặp lại, 0 dòng để riêng.\n');
    expect(e.stderr).toBe('tthc: The list is not complete and current: 0 rows not in force, 9 procedures missing, 0 differences, 2 rows with no announcing decision, 0 duplicated codes, 0 rows kept apart.\n');
    // The report is a Vietnamese document in either language.
    expect(v.stdout).toBe(e.stdout);
    const [nv, ne] = await Promise.all([vi(['reconcile', path.join(work, 'no-list.csv')]), en(['reconcile', path.join(work, 'no-list.csv')])]);
    expect([nv.code, ne.code]).toEqual([2, 2]);
    expect(nv.stderr).toMatch(/^tthc: Không đọc được danh mục .*no-list\.csv: ENOENT/);
    expect(ne.stderr).toMatch(/^tthc: Cannot read the list .*no-list\.csv: ENOENT/);
  });

  it('tthc keygen: the keys written, and a key never overwritten', async () => {
    const [v, e] = await Promise.all([vi(['keygen', '--out', path.join(work, 'key-vi')]), en(['keygen', '--out', path.join(work, 'key-en')])]);
    expect([v.code, e.code]).toEqual([0, 0]);
    const priv = (k: string) => path.join(work, `${k}.private.pem`);
    const pub = (k: string) => path.join(work, `${k}.public.pem`);
    expect(v.stdout).toBe(`Đã ghi khóa bí mật ${priv('key-vi')} (chỉ bạn đọc được; không đưa vào kho mã) và khóa công khai ${pub('key-vi')} (công bố cùng các bản phát hành).\n`);
    expect(e.stdout).toBe(`Wrote the private key ${priv('key-en')} (readable by you only; keep it out of the repository) and the public key ${pub('key-en')} (publish it beside the releases).\n`);
    const [av, ae] = await Promise.all([vi(['keygen', '--out', path.join(work, 'key-vi')]), en(['keygen', '--out', path.join(work, 'key-vi')])]);
    expect([av.code, ae.code]).toEqual([2, 2]);
    expect(av.stderr).toBe(`tthc: ${priv('key-vi')} đã tồn tại: khóa không bao giờ bị ghi đè. Hãy chọn --out khác, hoặc xóa tệp đó.\n`);
    expect(ae.stderr).toBe(`tthc: ${priv('key-vi')} already exists: keys are never overwritten. Choose another --out, or remove it.\n`);
  });

  it('tthc verify: the lock against a git ref, an unsigned output, --output without --key', async () => {
    const repo = path.join(work, 'verify-repo');
    await cp(CATALOGUE, path.join(repo, 'catalogue'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=tthc test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'the published catalogue');
    const dir = path.join(repo, 'catalogue');
    const [v, e] = await Promise.all([vi(['verify', dir, '--against', 'HEAD']), en(['verify', dir, '--against', 'HEAD'])]);
    expect([v.code, e.code]).toEqual([0, 0]);
    const commit = git('rev-parse', 'HEAD').toString().trim().slice(0, 12);
    const lock = path.join(dir, 'tthc.lock.json');
    const published = Number(/(\d+) published versions? unchanged/.exec(e.stdout)?.[1]);
    expect(published).toBeGreaterThan(5);
    expect(v.stdout).toBe(`tthc verify: đối chiếu ${lock} với HEAD (commit ${commit})\n✔ Tệp khóa khớp với HEAD: ${published} phiên bản đã công bố không thay đổi.\n`);
    expect(e.stdout).toBe(`tthc verify: ${lock} compared with HEAD (commit ${commit})\n✔ The lock agrees with HEAD: ${published} published versions unchanged.\n`);
    // An output with no signature: nothing is trusted, nothing checked.
    const output = path.join(work, 'unsigned-output');
    await mkdir(output, { recursive: true });
    await writeFile(path.join(output, 'manifest.json'), '{}');
    expect((await vi(['keygen', '--out', path.join(work, 'verify-key')])).code).toBe(0);
    const key = path.join(work, 'verify-key.public.pem');
    const [uv, ue] = await Promise.all([vi(['verify', '--output', output, '--key', key]), en(['verify', '--output', output, '--key', key])]);
    expect([uv.code, ue.code]).toEqual([1, 1]);
    expect(uv.stdout).toBe(`tthc verify: đối chiếu ${output} với bảng kê đã ký, khóa ${key}\n✖ Không có ${path.join(output, 'manifest.json.sig')}: thư mục kết quả chưa được ký (tthc build --sign <khóa bí mật>). Chưa kiểm tra tệp nào.\n`);
    expect(ue.stdout).toBe(`tthc verify: ${output} against its signed manifest, key ${key}\n✖ ${path.join(output, 'manifest.json.sig')} is missing: the output is not signed (tthc build --sign <private key>). No file was checked.\n`);
    // A signature that is not the manifest's: nothing is trusted either.
    const sig = path.join(output, 'manifest.json.sig');
    await writeFile(sig, 'not a signature');
    const manifest = path.join(output, 'manifest.json');
    const [fv, fe] = await Promise.all([vi(['verify', '--output', output, '--key', key]), en(['verify', '--output', output, '--key', key])]);
    expect([fv.code, fe.code]).toEqual([1, 1]);
    expect(fv.stdout.split('\n')[1]).toBe(`✖ ${sig} không phải là chữ ký của ${manifest} theo khóa ${key}: bảng kê đã bị sửa, hoặc được ký bằng khóa khác. Chưa kiểm tra tệp nào.`);
    expect(fe.stdout.split('\n')[1]).toBe(`✖ ${sig} is not a signature of ${manifest} under ${key}: the manifest was changed, or signed with another key. No file was checked.`);
    // Not an output at all: bad input.
    const [nv, ne] = await Promise.all([vi(['verify', '--output', path.join(work, 'nothing'), '--key', key]), en(['verify', '--output', path.join(work, 'nothing'), '--key', key])]);
    expect([nv.code, ne.code]).toEqual([2, 2]);
    expect(nv.stderr).toBe(`tthc: ${path.join(work, 'nothing')} không có manifest.json: đây không phải là thư mục kết quả của tthc.\n`);
    expect(ne.stderr).toBe(`tthc: ${path.join(work, 'nothing')} has no manifest.json: it is not a tthc build output.\n`);
    const [kv, ke] = await Promise.all([vi(['verify', '--output', output]), en(['verify', '--output', output])]);
    expect([kv.code, ke.code]).toEqual([2, 2]);
    expect(kv.stderr).toBe('tthc: --output cần --key <tệp khóa công khai>: chỉ tin bảng kê sau khi đã kiểm tra chữ ký.\n');
    expect(ke.stderr).toBe('tthc: --output needs --key <public key file>: the manifest is trusted only once its signature is checked.\n');
  });

  it('tthc import, and without --out the tthc: style error', async () => {
    const [v, e] = await Promise.all([vi(['import', 'x']), en(['import', 'x'])]);
    expect([v.code, e.code]).toEqual([2, 2]);
    expect(v.stderr).toBe("tthc: thiếu tùy chọn bắt buộc '-o, --out <dir>'. (chạy tthc --help để xem cách dùng)\n");
    expect(e.stderr).toBe("tthc: required option '-o, --out <dir>' not given. (run tthc --help for usage)\n");
    const [dv, de] = await Promise.all([vi(['import', IMPORTS, '--out', path.join(work, 'imported'), '--dry-run']), en(['import', IMPORTS, '--out', path.join(work, 'imported'), '--dry-run'])]);
    expect(dv.stdout).toMatch(/Chạy thử: chưa ghi gì\.\n$/);
    expect(dv.stdout).toMatch(/^Đã nhập \d+\/\d+ bản ghi vào /);
    expect(dv.stdout).toContain('Tiêu chí chất lượng:');
    expect(dv.stdout).toMatch(/ {2}đạt {2}số lượng bản của giấy tờ khớp với nguồn: 100% \(\d+\/\d+\) \(chỉ tiêu 100%\)/);
    expect(de.stdout).toMatch(/ {2}pass {2}document copy counts match the source: 100% \(\d+\/\d+\) \(target 100%\)/);
    // Every quality line is worded in Vietnamese, figures included ("1100/1175 bản ghi", "14,83 giây", "98,54%").
    const qualityVi = dv.stdout.slice(dv.stdout.indexOf('Tiêu chí chất lượng:')).split('\n').slice(1, 9);
    expect(qualityVi.filter((l) => /\b(of|at least|when|with|the|internal|errors?)\b|\d s\b|\d\.\d/.test(l))).toEqual([]);
    expect(qualityVi.find((l) => l.includes('có ít nhất một bản ghi được nhập'))).toMatch(/: \d+\/\d+ bản ghi \(chỉ tiêu ít nhất một bản ghi, khi đầu vào có bản ghi chi tiết\)$/);
    expect(qualityVi.find((l) => l.includes('thời gian nhập'))).toMatch(/^ {2}(đạt|chậm) {2}thời gian nhập: \d+,\d\d giây \(chỉ tiêu dưới 10 giây; đo thời gian, không tính vào mã thoát\)$/);
    expect(de.stdout).toMatch(/Dry run: nothing was written\.\n$/);
  });
});

describe('library errors worded in Vietnamese from their values', () => {
  it('names the facts a question needs and that have no default', async () => {
    // 1.001416's number of copies loses its default: the fee for copies from the third depends on it.
    const versions = applicantVersions().map((v) => (v.code === '1.001416' && v.facts ? { ...v, facts: v.facts.map((f) => (f.id === 'soBan' ? { ...f, default: undefined } : f)) } : v));
    const dir = await makeCatalogue(Object.fromEntries(versions.map((v) => [versionPath(v), JSON.parse(JSON.stringify(v))])));
    const [v, e] = await Promise.all([vi(['fee', '1.001416', '--at', '2025-06-01', '--dir', dir]), en(['fee', '1.001416', '--at', '2025-06-01', '--dir', dir])]);
    expect([v.code, e.code]).toEqual([2, 2]);
    expect(v.stderr).toBe('tthc: Cần thêm thông tin chưa được nêu và không có giá trị mặc định: soBan (Số Phiếu yêu cầu cấp). Hãy nêu từng thông tin bằng --fact <id>=<giá trị>.\n');
    expect(e.stderr).toMatch(/^tthc: The fees of 1\.001416@v\d+ depends on facts that were not given and have no default: soBan \(Số Phiếu yêu cầu cấp: a whole number from 1 to 50\)/);
    const wrong = await vi(['fee', '1.001416', '--at', '2025-06-01', '--fact', 'soBan=0', '--dir', dir]);
    expect(wrong.stderr).toBe('tthc: Thông tin "soBan" (Số Phiếu yêu cầu cấp) nhận số nguyên từ 1 đến 50, nhận được "0".\n');
  });
});

describe('choosing the language', () => {
  it('takes TTHC_LANG=en, ignores LANG, and refuses a language it does not speak', async () => {
    const byEnv = await runTthc(['show', '1.001193', '--at', '2015-06-01', '--dir', catalogue], { env: { TTHC_LANG: 'en' } });
    expect(byEnv.stdout).toContain('is not yet in force on 2015-06-01');
    const byLang = await runTthc(['show', '1.001193', '--at', '2015-06-01', '--dir', catalogue], { env: { TTHC_LANG: '', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    expect(byLang.stdout).toContain('chưa có hiệu lực ngày 2015-06-01');
    // --lang wins over TTHC_LANG, wherever it stands.
    const after = await runTthc(['show', '1.001193', '--at', '2015-06-01', '--dir', catalogue, '--lang', 'vi'], { env: { TTHC_LANG: 'en' } });
    expect(after.stdout).toContain('chưa có hiệu lực');
    const bad = await runTthc(['--lang', 'fr', 'validate', catalogue], { env: VI });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tthc: --lang "fr" không phải ngôn ngữ tthc hỗ trợ: dùng vi hoặc en.\n');
  });

  it('has the same messages in both catalogues', () => {
    const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null && !Array.isArray(v) && k !== 'error' && k !== 'outputs' && k !== 'helpTitles' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(messagesOf('vi')).sort()).toEqual(keys(messagesOf('en')).sort());
  });
});

describe('a date that does not exist is worded one way everywhere', () => {
  it('in --at, --from, a reference and --effective, in both languages', async () => {
    const cases: [string[], string, string][] = [
      [['fee', '1.001193', '--at', '2025-02-29', '--dir', catalogue], '--at 2025-02-29 không phải là ngày có thật: tháng 2/2025 chỉ có 28 ngày.', '--at 2025-02-29 is not a real date: February 2025 has 28 days.'],
      [['show', '1.001193', '--at', '2026-04-31', '--dir', catalogue], '--at 2026-04-31 không phải là ngày có thật: tháng 4/2026 chỉ có 30 ngày.', '--at 2026-04-31 is not a real date: April 2026 has 30 days.'],
      [['due', '--days', '3', '--from', '2025-02-30', '--dir', catalogue], 'Ngày nộp hồ sơ 2025-02-30 không phải là ngày có thật: tháng 2/2025 chỉ có 28 ngày.', 'The submission date 2025-02-30 is not a real date: February 2025 has 28 days.'],
      [['build', catalogue, '--out', path.join(work, 'never'), '--at', '2025-02-30'], '--at 2025-02-30 không phải là ngày có thật: tháng 2/2025 chỉ có 28 ngày.', '--at 2025-02-30 is not a real date: February 2025 has 28 days.'],
      [['new-version', '1.001193', 'v3', '--effective', '2027-02-29', '--dir', catalogue], '--effective 2027-02-29 không phải là ngày có thật: tháng 2/2027 chỉ có 28 ngày.', '--effective 2027-02-29 is not a real date: February 2027 has 28 days.'],
      [['diff', '1.001193@v1', '1.001193@2025-02-30', '--dir', catalogue], '1.001193@2025-02-30: 2025-02-30 không phải là ngày có thật: tháng 2/2025 chỉ có 28 ngày.', '1.001193@2025-02-30: 2025-02-30 is not a real date: February 2025 has 28 days.'],
    ];
    for (const [args, inVi, inEn] of cases) {
      const [v, e] = await Promise.all([vi(args), en(args)]);
      expect(v.code, args.join(' ')).toBe(2);
      expect(v.stderr, args.join(' ')).toBe(`tthc: ${inVi}\n`);
      expect(e.stderr, args.join(' ')).toBe(`tthc: ${inEn}\n`);
    }
  });
});

describe('input printed back to the terminal (issue 16, point 14)', () => {
  it('escapes control characters in every message', async () => {
    const hostile = '1.0\u001b]0;pwned\u0007\u009b31m';
    for (const args of [
      ['show', hostile, '--dir', catalogue],
      ['fee', '1.001193', '--fact', `so\u001b[2J=1`, '--dir', catalogue],
      ['diff', `${hostile}@v1`, '--dir', catalogue],
      ['new-version', hostile, 'v1', '--dir', catalogue],
    ]) {
      for (const r of await Promise.all([vi(args), en(args)])) {
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(r.stderr).toContain('\\u001b');
        expect(hasStackTrace(r.stderr)).toBe(false);
      }
    }
  });

  it('takes --fact __proto__=1 as a fact name like any other', async () => {
    const [v, e] = await Promise.all([vi(['fee', '1.001193', '--fact', '__proto__=1', '--fact', 'constructor=2', '--dir', catalogue]), en(['fee', '1.001193', '--fact', '__proto__=1', '--dir', catalogue])]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/^tthc: 1\.001193@v\d+ không có thông tin "__proto__"\./);
    expect(e.stderr).toMatch(/^tthc: 1\.001193@v\d+ has no fact "__proto__"\./);
    for (const r of [v, e]) expect(r.stderr).not.toContain('[object Object]');
    const twice = await en(['fee', '1.001193', '--fact', '__proto__=1', '--fact', '__proto__=2', '--dir', catalogue]);
    expect(twice.stderr).toBe('tthc: The fact "__proto__" is given twice, as "1" and "2".\n');
  });
});
