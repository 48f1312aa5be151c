import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementChanges } from '../../rules/compute/announcement.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { type Catalogue } from '../../rules/model/catalogue.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { baseRegistry } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { draftAnnouncement, renderAnnouncement, type AnnouncementOptions } from '../../generators/announcement/index.js';
import { version } from '../helpers/catalogue.js';
import { REPO } from '../helpers/cli.js';
import { poisonedCatalogue } from '../hostile/poison.js';
import { htmlFindings, markdownFindings } from '../hostile/scanners.js';
import { vnCalendar } from '../helpers/calendar.js';
import { PROVINCE_ANNOUNCES_66_7 } from '../helpers/announcement.js';

const CATALOGUE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../catalogue');
const calendar = vnCalendar();
let bundled: Catalogue;

beforeAll(async () => {
  bundled = (await loadCatalogue(CATALOGUE)).catalogue;
});

function draft(catalogue: Catalogue, effective: string, options: AnnouncementOptions & { since?: string } = {}) {
  return draftAnnouncement(catalogue, calendar, announcementChanges(catalogue, { since: options.since ?? effective, effective }), options);
}

async function text(catalogue: Catalogue, effective: string, format: 'md' | 'html' | 'json', options: AnnouncementOptions = {}): Promise<string> {
  return (await renderAnnouncement(draft(catalogue, effective, options), format)) as string;
}

const PART_HEADINGS = [
  'a) Trình tự thực hiện:',
  'b) Cách thức thực hiện:',
  'c) Thành phần, số lượng hồ sơ:',
  'd) Thời hạn giải quyết:',
  'đ) Đối tượng thực hiện thủ tục hành chính:',
  'e) Cơ quan thực hiện thủ tục hành chính:',
  'g) Kết quả thực hiện thủ tục hành chính:',
  'h) Phí, lệ phí:',
  'i) Tên mẫu đơn, mẫu tờ khai:',
  'k) Yêu cầu, điều kiện thực hiện thủ tục hành chính:',
  'l) Căn cứ pháp lý của thủ tục hành chính:',
];

/** The Phần II section of one procedure: from its heading to the next procedure's. */
function detailSection(md: string, code: string): string {
  const partTwo = md.slice(md.indexOf('# PHẦN II.'));
  const at = partTwo.indexOf(`**Mã số:** ${code}.`);
  expect(at, `Phần II has no section for ${code}`).toBeGreaterThan(0);
  const start = partTwo.lastIndexOf('\n### ', at);
  const next = partTwo.slice(at).search(/\n#{1,3} /);
  return partTwo.slice(start + 1, next < 0 ? undefined : at + next);
}

describe('the announcement of 1 January 2026 (Nghị quyết 66.7/2025/NQ-CP), drafted for a province', () => {
  let md: string;
  beforeAll(async () => {
    md = await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-tinh' });
  });

  it('opens as a decision: masthead, number placeholder, title, grounds, articles, recipients and signature', () => {
    expect(md.startsWith('| **ỦY BAN NHÂN DÂN**<br>**TỈNH …** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n| --- | --- |\n| Số: …/QĐ-UBND | _…, ngày … tháng … năm …_ |\n')).toBe(true);
    const grounds = md.split('\n').filter((l) => l.startsWith('_Căn cứ') || l.startsWith('_Theo đề nghị'));
    expect(grounds).toEqual([
      // Signed by 25/12/2025 at the latest: the 2025 Law on local government is the one in force.
      '_Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;_',
      '_Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;_',
      '_Căn cứ Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;_',
      '_Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;_',
      // The base documents of the ten procedures (laws, then decrees, by date), not only the amending resolution (issue 18 point 3).
      '_Căn cứ Luật Hôn nhân và gia đình ngày 19 tháng 6 năm 2014;_',
      '_Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;_',
      '_Căn cứ Luật Doanh nghiệp ngày 17 tháng 6 năm 2020;_',
      // Cited by the corrected content of 2.002043 (đính chính, from 01/07/2025).
      '_Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp ngày 17 tháng 6 năm 2025;_',
      '_Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch;_',
      '_Căn cứ Nghị định số 87/2020/NĐ-CP ngày 28 tháng 7 năm 2020 của Chính phủ quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến;_',
      '_Căn cứ Nghị định số 01/2021/NĐ-CP ngày 04 tháng 01 năm 2021 của Chính phủ về đăng ký doanh nghiệp;_',
      '_Căn cứ Nghị định số 104/2022/NĐ-CP ngày 21 tháng 12 năm 2022 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công;_',
      '_Căn cứ Nghị định số 45/2025/NĐ-CP ngày 28 tháng 02 năm 2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố thuộc thành phố trực thuộc trung ương;_',
      '_Căn cứ Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp;_',
      '_Căn cứ Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025 của Chính phủ quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu;_',
      // The submission's department, number and date are blanks the officer fills; the notes say so.
      '_Theo đề nghị của Giám đốc Sở … tại Tờ trình số …/TTr-… ngày … tháng … năm …._',
    ]);
    expect(md).toContain(
      '**Về việc công bố thủ tục hành chính được sửa đổi, bổ sung trong các lĩnh vực: hộ tịch; thành lập và hoạt động của doanh nghiệp được thực hiện trên địa bàn tỉnh …**',
    );
    expect(md).toContain('**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …**');
    expect(md).toContain('\n**QUYẾT ĐỊNH:**\n');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này 08 thủ tục hành chính được sửa đổi, bổ sung trong các lĩnh vực: hộ tịch; thành lập và hoạt động của doanh nghiệp được thực hiện trên địa bàn tỉnh ….\n');
    // The province's own earlier decision is not recorded: its number and date are blanks, and the notes say so.
    expect(md).toContain(
      '**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026. Thay thế nội dung thủ tục hành chính có số hồ sơ 2.001199, 2.001583, 2.001610, 2.002042, 2.002043, 1.000656, 1.000894 và 1.001193 đã được công bố tại Quyết định số …/QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân tỉnh ….\n',
    );
    expect(md).toContain('- Điều 2: danh mục chưa ghi quyết định của Chủ tịch Ủy ban nhân dân tỉnh … đã công bố nội dung trước đây của 2.001199 (Đăng ký thành lập công ty TNHH hai thành viên trở lên);');
    // After 1 July 2025 a province has no districts; its communes are xã, phường and đặc khu.
    expect(md).toContain('**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh …; Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n');
    expect(md).toContain('| **_Nơi nhận:_**<br>- Như Điều 3;<br>- Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);<br>- Bộ Tài chính;<br>- Bộ Tư pháp;');
    expect(md).toContain('| **CHỦ TỊCH**<br>_(Ký, ghi rõ họ tên, đóng dấu)_<br><br><br>**\\[Họ và tên người ký\\]** |');
  });

  it('lists every 66.7/2025 amendment in Phần I with its code, the amending resolution and the parts changed, by level', () => {
    const partOne = md.slice(md.indexOf('# PHẦN I.'), md.indexOf('# PHẦN II.'));
    expect(partOne).not.toContain('mới ban hành');
    expect(partOne).not.toContain('bị bãi bỏ');
    const province = partOne.indexOf('### A. Thủ tục hành chính cấp tỉnh');
    const commune = partOne.indexOf('### B. Thủ tục hành chính cấp xã');
    expect(province).toBeGreaterThan(0);
    expect(commune).toBeGreaterThan(province);
    expect(partOne).toContain('| STT | Số hồ sơ TTHC | Tên thủ tục hành chính | Tên VBQPPL quy định nội dung sửa đổi, bổ sung | Nội dung sửa đổi, bổ sung | Lĩnh vực | Cơ quan thực hiện |');
    const rows = partOne.split('\n').filter((l) => /^\| \d+ \| \d\.\d{6} \|/.test(l));
    expect(rows.map((r) => r.split(' | ')[1]).sort()).toEqual(PROVINCE_ANNOUNCES_66_7);
    const resolution = 'Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu';
    for (const r of rows) expect(r.split(' | ')[3]).toBe(resolution);
    expect(partOne).toContain(`| 3 | 1.001193 | Thủ tục đăng ký khai sinh | ${resolution} | Cách thức thực hiện; thành phần, số lượng hồ sơ; căn cứ pháp lý của thủ tục hành chính | Hộ tịch | Ủy ban nhân dân cấp xã |`);
    expect(partOne).toContain(`| 1 | 1.000656 | Thủ tục đăng ký khai tử | ${resolution} | Thành phần, số lượng hồ sơ; căn cứ pháp lý của thủ tục hành chính | Hộ tịch | Ủy ban nhân dân cấp xã |`);
    // Residence registration is Bộ Công an's to announce (vertically organised): not in the province's list.
    expect(partOne).not.toContain('1.004222');
    expect(partOne).not.toContain('1.004194');
    expect(partOne.slice(province, commune)).toContain('| 2 | 2.001583 | Đăng ký thành lập công ty TNHH một thành viên |');
  });

  it('gives each of them a Phần II section with every part in the official order, the content only (issue 18 point 1)', () => {
    for (const code of PROVINCE_ANNOUNCES_66_7) {
      const section = detailSection(md, code);
      // One plain sentence: the parts amended and the amending document. 2.002043's dossier no longer
      // changes on that day: as corrected, its papers follow Nghị định 168/2025/NĐ-CP from 01/07/2025.
      expect(section).toMatch(code === '2.002043' ? /\*\*Mã số:\*\* 2\.002043\. Nội dung được sửa đổi, bổ sung: căn cứ pháp lý của thủ tục hành chính theo/ : /\*\*Mã số:\*\* \d\.\d{6}\. Nội dung được sửa đổi, bổ sung: [^\n]*thành phần, số lượng hồ sơ[^\n]* theo Nghị quyết số 66\.7\/2025\/NQ-CP ngày 15\/11\/2025 của Chính phủ\.\n/);
      const positions = PART_HEADINGS.map((h) => section.indexOf(`**${h}**`));
      expect(positions.every((p) => p > 0), `${code}: ${PART_HEADINGS.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // The tool's analysis stays out of the decision: no classification, no per-item grounds, no arrows or counts.
      for (const analysis of ['Phân loại', 'Căn cứ:', 'Bỏ 0', 'thêm 1 trích dẫn', '→', 'Sửa tên giấy tờ', 'Không yêu cầu nộp/xuất trình']) expect(section, `${code}: ${analysis}`).not.toContain(analysis);
    }
    const birth = detailSection(md, '1.001193');
    expect(birth.startsWith('### 3. Thủ tục đăng ký khai sinh\n\n**Mã số:** 1.001193. Nội dung được sửa đổi, bổ sung: cách thức thực hiện; thành phần, số lượng hồ sơ; căn cứ pháp lý của thủ tục hành chính theo Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ.\n')).toBe(true);
    // Every channel has the same limit and fees: the time limit is stated once, in part d, the fees in part h.
    expect(birth).toContain('**b) Cách thức thực hiện:**\n\n| Hình thức nộp | Mô tả |\n');
    expect(birth.match(/Ngay trong ngày nhận đủ hồ sơ hợp lệ/g)).toHaveLength(1);
    expect(birth).toContain('**d) Thời hạn giải quyết:**\n\nNgay trong ngày nhận đủ hồ sơ hợp lệ');
    expect(birth).toContain('- Thẻ căn cước (căn cước công dân) hoặc giấy tờ tùy thân khác của người đi đăng ký khai sinh: khai thác từ Cơ sở dữ liệu quốc gia về dân cư.\n');
    // Forms as decisions cite them, with the date written 28/5/2020.
    expect(birth).toContain('**i) Tên mẫu đơn, mẫu tờ khai:**\n\n- Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp).\n');
    expect(birth).toContain('- Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp quy định chi tiết thi hành');
    // The analysis moved to the drafting notes, named by code and name.
    const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
    expect(notes).toContain('- 1.001193 (Thủ tục đăng ký khai sinh), thay đổi so với lần công bố trước (phân tích của tthc diff, không đưa vào Quyết định): Thành phần hồ sơ: Không yêu cầu nộp/xuất trình “Thẻ căn cước (căn cước công dân) hoặc giấy tờ tùy thân khác của người đi đăng ký khai sinh”: cơ quan khai thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư. Phân loại: cắt giảm. Căn cứ: Nghị quyết số 66.7/2025/NQ-CP.');
  });

  it('Bộ Công an announces residence registration, with the form cited by its code (issue 18 point 1)', async () => {
    const police = await text(bundled, '2026-01-01', 'md', { issuer: 'bo-cong-an' });
    const residence = detailSection(police, '1.004222');
    expect(residence).toContain('khai thác từ Cơ sở dữ liệu quốc gia về đất đai');
    expect(residence).toContain('- Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 56/2021/TT-BCA ngày 15/5/2021 của Bộ trưởng Bộ Công an).\n');
    // Compared with the version in force the day before (v2023, Thông tư 75/2022's fees from 05/02/2023), the only change is the
    // land-record lookup; the fees are not new in 2026.
    expect(police).toContain('- 1.004222 (Đăng ký thường trú), thay đổi so với lần công bố trước (phân tích của tthc diff, không đưa vào Quyết định): Thành phần hồ sơ: Không yêu cầu nộp/xuất trình “Giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp”: cơ quan khai thác thông tin từ Cơ sở dữ liệu quốc gia về đất đai. Phân loại: cắt giảm. Căn cứ: Nghị quyết số 66.7/2025/NQ-CP.');
    expect(police).not.toContain('Thêm khoản lệ phí: 20.000 đồng/lần đăng ký');
  });

  it('notes the deadline and what it left out for the drafter, after the decision', () => {
    const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
    expect(notes).toContain('- Thủ tục có hiệu lực từ ngày 01/01/2026 (1.000656, 1.000894, 1.001193, 2.001199, 2.001583, 2.001610, 2.002042, 2.002043): ngày ký muộn nhất là ngày 25/12/2025, ngày làm việc thứ 5 trước ngày 01/01/2026 theo lịch làm việc.');
    expect(notes).toContain('- Bản dự thảo của thủ tục 1.001865 (Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm) dự kiến có hiệu lực từ ngày 01/01/2026 nhưng chưa được công bố trong danh mục, nên không đưa vào Quyết định.');
    // The specs' notes on what their fees, dossier and time limit do not model or have not confirmed (issue 20).
    expect(notes).toContain('- 1.004222 (Đăng ký thường trú, được sửa đổi, bổ sung) không thuộc thẩm quyền công bố của Ủy ban nhân dân cấp tỉnh: thủ tục thuộc lĩnh vực do Bộ Công an quản lý theo ngành dọc, do Bộ trưởng Bộ Công an tự công bố; không đưa vào Quyết định của Chủ tịch Ủy ban nhân dân cấp tỉnh.');
  });

  it('matches the committed Markdown and HTML', async () => {
    await expect(md).toMatchFileSnapshot('__snapshots__/announcement-2026-01-01-province.md');
    await expect(await text(bundled, '2026-01-01', 'html', { issuer: 'ubnd-tinh' })).toMatchFileSnapshot('__snapshots__/announcement-2026-01-01-province.html');
  });

  it('is deterministic: the same catalogue and options give the same bytes', async () => {
    expect(await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-tinh' })).toBe(md);
  });
});

describe('other drafts', () => {
  it('a ministry’s decision covers its sector only, with its own grounds and a placeholder for the missing one', async () => {
    const md = await text(bundled, '2026-01-01', 'md', { issuer: 'bo-tu-phap', signed: '2025-12-04' });
    expect(md).toContain('| **BỘ TƯ PHÁP** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |');
    expect(md).toContain('| Số: …/QĐ-BTP | _Hà Nội, ngày 04 tháng 12 năm 2025_ |');
    expect(md).toContain('**BỘ TRƯỞNG BỘ TƯ PHÁP**');
    // The ministry's organisation decree from the registry (issue 18 point 3), first of the grounds.
    expect(md.split('\n').find((l) => l.startsWith('_Căn cứ'))).toBe('_Căn cứ Nghị định số 39/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp;_');
    expect(md).not.toContain('…/…/NĐ-CP');
    expect(md).toContain('**Về việc công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc phạm vi chức năng quản lý của Bộ Tư pháp**');
    expect(md).toContain('_Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;_\n\n_Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này 03 thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc phạm vi chức năng quản lý của Bộ Tư pháp.\n');
    expect(md).toContain('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026. Thay thế nội dung thủ tục hành chính có số hồ sơ 1.000656, 1.000894 và 1.001193 đã được công bố tại Quyết định số …/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp.\n');
    expect(md.match(/^\| \d+ \| \d\.\d{6} \|/gm)).toEqual(['| 1 | 1.000656 |', '| 2 | 1.000894 |', '| 3 | 1.001193 |']);
    expect(md).toContain('ngày ký muộn nhất là ngày 04/12/2025, ngày làm việc thứ 20 trước ngày 01/01/2026 theo lịch làm việc. Ngày ký 04/12/2025 bảo đảm thời hạn (20 ngày làm việc trước ngày có hiệu lực).');
    expect(md).toContain('- 1.004222 (Đăng ký thường trú, được sửa đổi, bổ sung) không thuộc thẩm quyền công bố của Bộ Tư pháp: thủ tục cấp xã thuộc lĩnh vực do Bộ Công an quản lý.');
    const late = await text(bundled, '2026-01-01', 'md', { issuer: 'bo-tu-phap', signed: '2025-12-05' });
    expect(late).toContain('CẢNH BÁO: ngày ký 05/12/2025 muộn hơn thời hạn; chỉ còn 19 ngày làm việc trước ngày có hiệu lực.');
  });

  it('each ministry’s organisation decree from the registry, with sources; the notes ask for the dates of issue the registry lacks (issue 18 point 3)', async () => {
    const options = { issuer: 'bo-xay-dung' } as const;
    const md = await text(bundled, '2025-07-01', 'md', options);
    // Nghị định 33/2025/NĐ-CP, number and title from Bộ Xây dựng's records on the national portal (registry note): no date known yet.
    expect(md.split('\n').find((l) => l.startsWith('_Căn cứ'))).toBe('_Căn cứ Nghị định số 33/2025/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Xây dựng;_');
    expect(md).not.toContain('…/…/NĐ-CP');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này 01 thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hoạt động xây dựng thuộc phạm vi chức năng quản lý của Bộ Xây dựng.\n');
    const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
    expect(notes).toContain('- Căn cứ Nghị định số 33/2025/NĐ-CP, Nghị định số 140/2025/NĐ-CP: danh mục văn bản chưa có ngày ban hành (xem ghi chú của từng văn bản trong danh mục), nên dòng căn cứ chỉ ghi số, ký hiệu; điền ngày ban hành trước khi trình ký.\n');
    const xml = strFromU8(unzipSync((await renderAnnouncement(draft(bundled, '2025-07-01', options), 'docx')) as Uint8Array)['word/document.xml']!);
    const texts = docxParagraphs(xml).map((p) => p.text);
    expect(texts).toContain('Căn cứ Nghị định số 33/2025/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Xây dựng;');
    expect(texts).toContain('Điều 1. Công bố kèm theo Quyết định này 01 thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hoạt động xây dựng thuộc phạm vi chức năng quản lý của Bộ Xây dựng.');
    // Every ground of Bộ Tư pháp's decision is dated: no such note.
    expect(await text(bundled, '2026-01-01', 'md', { issuer: 'bo-tu-phap' })).not.toContain('danh mục văn bản chưa có ngày ban hành (xem ghi chú của từng văn bản');
    // Bộ Công an's decree is not in the material the registry is sourced from: a blank the notes explain.
    const police = await text(bundled, '2026-01-01', 'md', { issuer: 'bo-cong-an' });
    expect(police.split('\n').find((l) => l.startsWith('_Căn cứ'))).toBe('_Căn cứ Nghị định số …/…/NĐ-CP ngày … tháng … năm … của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Công an;_');
    expect(police).toContain('- Danh mục cơ quan chưa ghi văn bản quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Công an còn hiệu lực ngày 04/12/2025:');
  });

  it('a ministry of another sector announces none of them: an error', () => {
    expect(() => draft(bundled, '2026-01-01', { issuer: 'bo-xay-dung' })).toThrow(/^bo-xay-dung \(Bộ Xây dựng, central level\) announces none of the 10 changes in the window: 1\.000656 is in the sector of bo-tu-phap/);
  });

  it('abolishes the judicial-record procedure from 1 July 2026, with the abolishing law and no Phần II', async () => {
    const md = await text(bundled, '2026-07-01', 'md');
    expect(md).toContain('**Về việc công bố thủ tục hành chính bị bãi bỏ trong lĩnh vực lý lịch tư pháp thuộc phạm vi chức năng quản lý của Bộ Tư pháp**');
    expect(md).toContain('_Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Lý lịch tư pháp ngày 05 tháng 12 năm 2025;_');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này 01 thủ tục hành chính bị bãi bỏ trong lĩnh vực lý lịch tư pháp thuộc phạm vi chức năng quản lý của Bộ Tư pháp.\n');
    // Bãi bỏ … tại Quyết định số …, never "được áp dụng theo Quyết định này" (issue 18 point 4).
    expect(md).toContain('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026. Bãi bỏ thủ tục hành chính có số hồ sơ 2.000488 tại Quyết định số …/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp.\n');
    expect(md).not.toContain('được áp dụng theo Quyết định này');
    expect(md).toContain('| STT | Số hồ sơ TTHC | Tên thủ tục hành chính | Tên VBQPPL quy định việc bãi bỏ | Lĩnh vực | Cơ quan thực hiện |');
    expect(md).toContain('| 1 | 2.000488 | Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam | Luật sửa đổi, bổ sung một số điều của Luật Lý lịch tư pháp số 107/2025/QH15 | Lý lịch tư pháp | Sở Tư pháp |');
    expect(md).not.toContain('PHẦN II');
    await expect(md).toMatchFileSnapshot('__snapshots__/announcement-2026-07-01-ministry.md');
  });

  it('drafts the provincial list-only variant with the listing columns and no Phần II', async () => {
    const md = await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-ha-noi', listOnly: true });
    expect(md).not.toContain('PHẦN II');
    expect(md).toContain('**Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này danh mục 08 thủ tục hành chính được sửa đổi, bổ sung');
    expect(md).toContain('| Số TT | Tên thủ tục hành chính | Thời hạn giải quyết | Địa điểm thực hiện | Phí, lệ phí | Căn cứ pháp lý | Cơ quan thực hiện |');
    const birth = md.split('\n').find((l) => l.includes('Mã số: 1.001193'))!;
    expect(birth.split(' | ').slice(0, 4)).toEqual([
      '| 3',
      'Thủ tục đăng ký khai sinh<br>Mã số: 1.001193',
      'Trực tiếp, dịch vụ bưu chính, trực tuyến: Ngay trong ngày nhận đủ hồ sơ hợp lệ',
      'Trực tiếp: Trung tâm Phục vụ hành chính công hoặc Bộ phận Một cửa của Ủy ban nhân dân cấp xã<br>Dịch vụ bưu chính<br>Trực tuyến: Cổng Dịch vụ công quốc gia; Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh; Ứng dụng VNeID',
    ]);
    expect(birth.endsWith(' | Ủy ban nhân dân cấp xã |')).toBe(true);
    expect(md).toContain('| Số: …/QĐ-UBND | _Hà Nội, ngày … tháng … năm …_ |');
  });

  it('a list-only decision rests on the ministries’ decisions and the department’s submission, and tasks the department (issue 18 point 2)', async () => {
    const options = { issuer: 'ubnd-ha-noi', listOnly: true, department: 'so-tu-phap', submission: { number: '125/TTr-STP', date: '2025-12-20' } } as const;
    const md = await text(bundled, '2026-01-01', 'md', options);
    const grounds = md.split('\n').filter((l) => l.startsWith('_Căn cứ Quyết định') || l.startsWith('_Theo đề nghị'));
    expect(grounds).toEqual([
      // Recorded in the registry (legalDocuments[].announces) with no date of issue: a blank, and a note.
      '_Căn cứ Quyết định số 163/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp về việc công bố thủ tục hành chính;_',
      '_Căn cứ Quyết định số 92/QĐ-BTC ngày … tháng … năm … của Bộ trưởng Bộ Tài chính về việc công bố thủ tục hành chính;_',
      // 2.001199, 2.001583, 2.001610, 2.002043 and 1.000656, 1.000894: no ministry decision recorded.
      '_Căn cứ Quyết định số …/QĐ-BTC ngày … tháng … năm … của Bộ trưởng Bộ Tài chính về việc công bố thủ tục hành chính …;_',
      '_Căn cứ Quyết định số …/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp về việc công bố thủ tục hành chính …;_',
      '_Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 125/TTr-STP ngày 20 tháng 12 năm 2025._',
    ]);
    expect(md).toContain(
      '**Điều 2.** Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng Ủy ban nhân dân Thành phố và các cơ quan, đơn vị có liên quan xây dựng quy trình nội bộ, quy trình điện tử giải quyết các thủ tục hành chính nêu tại Điều 1, trình Chủ tịch Ủy ban nhân dân Thành phố phê duyệt; cập nhật các thủ tục hành chính và quy trình đó trên Hệ thống thông tin giải quyết thủ tục hành chính Thành phố theo quy định.\n',
    );
    expect(md).toMatch(/\n\*\*Điều 3\.\*\* Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026\./);
    expect(md).toMatch(/\n\*\*Điều 4\.\*\* Chánh Văn phòng Ủy ban nhân dân/);
    expect(md).toContain('- Như Điều 4;');
    const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
    expect(notes).toContain('- Căn cứ Quyết định số 163/QĐ-BTP (công bố 1.001193): danh mục văn bản chưa có ngày ban hành của quyết định (xem ghi chú của văn bản này trong danh mục); điền ngày trước khi trình ký.');
    expect(notes).toContain('- Danh mục văn bản chưa ghi quyết định của Bộ trưởng Bộ Tư pháp công bố 1.000656, 1.000894:');
    // Residence registration is Bộ Công an's: left out, and said so.
    expect(md.slice(0, md.indexOf('# GHI CHÚ SOẠN THẢO'))).not.toContain('1.004222');
    expect(notes).toContain('- 1.004222 (Đăng ký thường trú, được sửa đổi, bổ sung) không thuộc thẩm quyền công bố của Ủy ban nhân dân thành phố Hà Nội: thủ tục thuộc lĩnh vực do Bộ Công an quản lý theo ngành dọc');
    // Without the submission: blanks the officer fills, flagged in the notes.
    const blank = await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-ha-noi', listOnly: true });
    expect(blank).toContain('_Theo đề nghị của Giám đốc Sở … tại Tờ trình số …/TTr-… ngày … tháng … năm …._');
    expect(blank).toContain('**Điều 2.** Giao Sở … chủ trì');
    expect(blank).toContain('- Dòng “Theo đề nghị của Giám đốc Sở … tại Tờ trình số …”: chưa có tên sở trình, số Tờ trình, ngày Tờ trình (tùy chọn --department, --submission, --submission-date); người soạn thảo điền trước khi trình ký.');
    // The DOCX says the same.
    const xml = strFromU8(unzipSync((await renderAnnouncement(draft(bundled, '2026-01-01', options), 'docx')) as Uint8Array)['word/document.xml']!);
    const texts = docxParagraphs(xml).map((p) => p.text);
    expect(texts).toContain('Căn cứ Quyết định số 163/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp về việc công bố thủ tục hành chính;');
    expect(texts).toContain('Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 125/TTr-STP ngày 20 tháng 12 năm 2025.');
    expect(texts.some((t) => t.startsWith('Điều 2. Giao Sở Tư pháp chủ trì'))).toBe(true);
  });

  it('Hà Nội’s decision refers to itself as "Thành phố" and names no đặc khu (issue 18 point 5)', async () => {
    const md = await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-ha-noi' });
    expect(md).toContain('**Điều 3.** Chánh Văn phòng Ủy ban nhân dân Thành phố; Giám đốc các sở, Thủ trưởng các ban, ngành Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n');
    expect(md).toContain('<br>- Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân Thành phố;<br>- Cổng Thông tin điện tử Thành phố;<br>');
    expect(md).toContain('**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**');
    expect(md).not.toContain('đặc khu');
    expect(md).toContain('| **_Nơi nhận:_**<br>- Như Điều 3;');
  });

  it('for a window, announces the commune-level construction permit of 1 July 2025 too, each date with its own application date', async () => {
    const a = draft(bundled, '2026-01-01', { issuer: 'ubnd-tinh', since: '2025-07-01' });
    expect(a.changes.map((c) => c.code)).toContain('1.013225');
    const md = (await renderAnnouncement(a, 'md')) as string;
    expect(md).toContain('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký. Thủ tục hành chính có số hồ sơ 1.013225 được áp dụng từ ngày 01 tháng 7 năm 2025;');
    expect(md).toContain('_Căn cứ Nghị định số 140/2025/NĐ-CP của Chính phủ quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng;_');
    expect(md).toContain('| Cách thức thực hiện; cơ quan thực hiện thủ tục hành chính; căn cứ pháp lý của thủ tục hành chính | Hoạt động xây dựng | Ủy ban nhân dân cấp xã |');
  });

  it('gives the data as JSON: each change with its documents, changed parts, diff and parts', async () => {
    const json = JSON.parse(await text(bundled, '2026-01-01', 'json', { issuer: 'bo-tu-phap' }));
    expect(json.counts).toEqual({ new: 0, amended: 3, abolished: 0 });
    expect(json.issuer).toEqual({ id: 'bo-tu-phap', name: 'Bộ Tư pháp', role: 'ministry', level: 'central', symbol: 'QĐ-BTP' });
    expect(json.deadline).toMatchObject({ role: 'ministry', workingDays: 20, latestSigning: '2025-12-04' });
    const birth = json.changes.find((c: { code: string }) => c.code === '1.001193');
    expect(birth).toMatchObject({ kind: 'amended', version: 'v3', previousVersion: 'v2023', changeBasisSource: 'changed-by' });
    expect(birth.changedParts.map((p: { id: string }) => p.id)).toEqual(['channels', 'dossier', 'legalBasis']);
    expect(birth.parts.map((p: { title: string }) => p.title)).toHaveLength(11);
    expect(json.outOfScope.map((o: { code: string }) => o.code)).toEqual(['1.004194', '1.004222', '2.001199', '2.001583', '2.001610', '2.002042', '2.002043']);
  });
});

describe('the drafting notes (issue 18 points 6 and 11)', () => {
  it('are Vietnamese and name procedures, documents and agencies, never by raw id', async () => {
    const drafts = [
      await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-tinh' }),
      await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-ha-noi', listOnly: true }),
      await text(bundled, '2026-01-01', 'md', { issuer: 'bo-tu-phap' }),
      await text(bundled, '2026-07-01', 'md'),
    ];
    for (const md of drafts) {
      const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
      expect(notes).not.toMatch(/\d\.\d{6}@/);
      expect(notes).not.toMatch(/phiên bản v\d/);
      expect(notes).not.toMatch(/organisationBasis|announces|changedBy|channelOrder|uoc-tinh|bo-tu-phap|ubnd-/);
      expect(notes).not.toMatch(/\b(the|has|been|no|is|of|and)\b/);
    }
    expect(drafts[0]).toContain('- 1.001193 (Thủ tục đăng ký khai sinh), chưa xác minh: Điều 9 Nghị định số 123/2015/NĐ-CP');
    expect(drafts[0]).toContain('- 2.001199 (Đăng ký thành lập công ty TNHH hai thành viên trở lên): Lệ phí đăng ký doanh nghiệp 50.000 đồng được thu bằng 50% (25.000 đồng)');
  });

  it('say in Vietnamese that a year with no announced days off gives a provisional deadline', async () => {
    const registry = mergePatch(baseRegistry(), { agencies: [...baseRegistry().agencies!, { id: 'ubnd-tinh', name: 'Ủy ban nhân dân cấp tỉnh', level: 'province', generic: true }] });
    const versions = [version({ effective: { from: '2020-01-01' } }), version({ version: 'v2', supersedes: 'v1', effective: { from: '2027-03-01' }, changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } })];
    const { catalogue } = catalogueFromObjects({ versions, registry });
    const md = await text(catalogue, '2027-03-01', 'md', { issuer: 'ubnd-tinh' });
    expect(md).toContain('- Lịch nghỉ lễ, Tết năm 2027 chưa được công bố chính thức đầy đủ: ngày ký muộn nhất được tính theo các ngày nghỉ suy ra từ Bộ luật Lao động, là dự kiến; kiểm tra lại khi Thủ tướng Chính phủ công bố lịch nghỉ.');
    expect(md).not.toContain('no official schedule');
  });
});

describe('escaping', () => {
  it('escapes every spec string in HTML and Markdown', async () => {
    const hostile = '<script>alert(1)</script> & <img src=x onerror=alert(2)> *x*';
    const registry = mergePatch(baseRegistry(), {
      agencies: [...baseRegistry().agencies!, { id: 'ubnd-tinh', name: 'Ủy ban nhân dân cấp tỉnh', level: 'province', generic: true }],
      fields: [{ id: 'ho-tich', name: `Hộ tịch ${hostile}` }],
    });
    const versions = [
      version({ effective: { from: '2020-01-01' } }),
      version({
        version: 'v2',
        supersedes: 'v1',
        effective: { from: '2026-03-02' },
        changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }], summary: hostile },
        name: { vi: `Đăng ký ${hostile}` },
        steps: [{ id: 'nop', actor: 'applicant', action: hostile }],
      }),
    ];
    const { catalogue } = catalogueFromObjects({ versions, registry });
    const html = await text(catalogue, '2026-03-02', 'html', { issuer: 'ubnd-tinh' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Đăng ký &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt; *x*');
    // Every tag in the page is one the renderer writes.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['body', 'br', 'col', 'colgroup', 'em', 'h1', 'h2', 'h3', 'head', 'hr', 'html', 'li', 'meta', 'p', 'span', 'strong', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul']);
    const md = await text(catalogue, '2026-03-02', 'md', { issuer: 'ubnd-tinh' });
    expect(md).toContain('Đăng ký \\<script\\>alert(1)\\</script\\> \\& \\<img src=x onerror=alert(2)\\> \\*x\\*');
    expect(md).not.toMatch(/(?<!\\)<script>/);
  });
});

describe('hostile text (the hostile suite’s poisoned catalogue and scanners)', () => {
  let dir: string;
  let poisoned: Catalogue;
  beforeAll(async () => {
    dir = poisonedCatalogue(REPO);
    poisoned = (await loadCatalogue(dir)).catalogue;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays text in every format, whatever field of the specs and registries it is in', async () => {
    for (const [effective, options] of [
      ['2026-01-01', { issuer: 'bo-tu-phap' }],
      ['2026-01-01', { issuer: 'bo-cong-an', listOnly: true }],
      ['2026-07-01', {}],
      ['2025-07-01', { issuer: 'bo-xay-dung', signed: '2025-06-01' }],
    ] as const) {
      const a = draft(poisoned, effective, options);
      const md = (await renderAnnouncement(a, 'md')) as string;
      const html = (await renderAnnouncement(a, 'html')) as string;
      expect(html, `${effective} ${JSON.stringify(options)}`).toContain('xss-');
      expect(htmlFindings(html)).toEqual([]);
      expect(markdownFindings(md)).toEqual([]);
      const docx = unzipSync((await renderAnnouncement(a, 'docx')) as Uint8Array);
      const xml = strFromU8(docx['word/document.xml']!);
      expect(xml).toContain('alert(&quot;xss-');
      expect(wellFormed(xml)).toBe(true);
      expect(JSON.parse((await renderAnnouncement(a, 'json')) as string).changes.length).toBeGreaterThan(0);
    }
  });
});

function texts(files: Record<string, Uint8Array>): string[] {
  return docxParagraphs(strFromU8(files['word/document.xml']!)).map((p) => p.text);
}

/** The paragraphs of a DOCX body: their text (runs joined, entities decoded) and whether they keep with the next. */
function docxParagraphs(xml: string): { text: string; keepNext: boolean; xml: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    keepNext: m[0].includes('<w:keepNext/>'),
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  }));
}

/** A check that the XML is well formed: every element closed in order, one root. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  let roots = 0;
  for (const m of xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  return stack.length === 0 && roots === 1;
}

describe('DOCX', () => {
  let bytes: Uint8Array;
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    bytes = (await renderAnnouncement(draft(bundled, '2026-01-01', { issuer: 'bo-tu-phap' }), 'docx')) as Uint8Array;
    files = unzipSync(bytes);
  });

  it('is an Office Open XML package: content types, relationships and the main document, all well-formed XML', () => {
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    const types = strFromU8(files['[Content_Types].xml']!);
    expect(types).toContain('<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" PartName="/word/document.xml"/>');
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="word/document.xml"');
    for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(wellFormed(strFromU8(data)), name).toBe(true);
  });

  it('has the national motto, the decision and bordered tables, on A4 in Times New Roman 13–14 pt with the Nghị định 30/2020 margins', () => {
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(doc).toContain('BỘ TRƯỞNG BỘ TƯ PHÁP');
    expect(doc).toContain('Số: …/QĐ-BTP');
    // The decision, Phần II and the notes on A4 portrait; Phần I on A4 landscape.
    expect(doc.match(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/g)).toHaveLength(3);
    expect(doc.match(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/g)).toHaveLength(1);
    // Top and bottom 20 mm, right 15 mm, left 30 mm.
    expect(doc.match(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/g)).toHaveLength(4);
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(doc).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="4"\/>/);
    expect(doc).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    const sizes = new Set([...doc.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2));
    expect([...sizes].sort()).toEqual([11, 12, 13, 14]);
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);
  });

  it('has the title, grounds and Điều 1–2 of the Markdown (issue 18 points 3 and 4)', () => {
    const texts = docxParagraphs(strFromU8(files['word/document.xml']!)).map((p) => p.text);
    expect(texts).toContain('Về việc công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc phạm vi chức năng quản lý của Bộ Tư pháp');
    const grounds = texts.filter((t) => t.startsWith('Căn cứ '));
    expect(grounds[0]).toBe('Căn cứ Nghị định số 39/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp;');
    expect(grounds).toContain('Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;');
    expect(texts).toContain('Điều 1. Công bố kèm theo Quyết định này 03 thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc phạm vi chức năng quản lý của Bộ Tư pháp.');
    expect(texts).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026. Thay thế nội dung thủ tục hành chính có số hồ sơ 1.000656, 1.000894 và 1.001193 đã được công bố tại Quyết định số …/QĐ-BTP ngày … tháng … năm … của Bộ trưởng Bộ Tư pháp.');
  });

  it('is finished as Nghị định 30/2020 sets (issue 18 point 5): ./., bold italic Nơi nhận, rules as long as the decree says, headings kept with the next paragraph', () => {
    const xml = strFromU8(files['word/document.xml']!);
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs.find((p) => p.text.startsWith('Điều 3.'))!.text.endsWith('chịu trách nhiệm thi hành Quyết định này./.')).toBe(true);
    const recipients = paragraphs.find((p) => p.text === 'Nơi nhận:')!;
    expect(recipients.xml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/>/);
    // Rules: a top border on a paragraph indented equally both sides. Cells of 3461 and 5893 twips (37 % and 63 % of the
    // 9355-twip text width), the page 9355. Under "BỘ TƯ PHÁP" (12 pt bold, ≈ 75.1 pt) half of it: 751 twips, indents 1355;
    // under the motto (13 pt bold, ≈ 160.8 pt) as long as it: 3217 twips, indents 1338; under the subject a third of the page: indents 3120.
    const rules = [...xml.matchAll(/<w:pBdr><w:top [^>]*\/><\/w:pBdr><w:spacing [^>]*\/><w:ind w:left="(\d+)" w:right="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(rules).toEqual([
      [1355, 1355],
      [1338, 1338],
      [3120, 3120],
    ]);
    // Every heading (Phần I, II, the level and procedure headings) keeps with the next paragraph.
    const headings = paragraphs.filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p.xml));
    expect(headings.length).toBeGreaterThanOrEqual(8);
    expect(headings.every((p) => p.keepNext)).toBe(true);
  });

  it('signs for the head as a deputy when asked: KT. BỘ TRƯỞNG / THỨ TRƯỞNG, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', async () => {
    const deputy = docxParagraphs(strFromU8(unzipSync((await renderAnnouncement(draft(bundled, '2026-01-01', { issuer: 'bo-tu-phap', signer: 'deputy' }), 'docx')) as Uint8Array)['word/document.xml']!)).map((p) => p.text);
    const at = deputy.indexOf('KT. BỘ TRƯỞNG');
    expect(at).toBeGreaterThan(0);
    expect(deputy[at + 1]).toBe('THỨ TRƯỞNG');
    expect(await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-tinh', signer: 'deputy' })).toContain('| **KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br>_(Ký, ghi rõ họ tên, đóng dấu)_');
    expect(texts(files)).toContain('BỘ TRƯỞNG');
  });

  it('carries Phần II as a signed decision gives it, each part title kept with its content (issue 18 points 1 and 5)', () => {
    const paragraphs = docxParagraphs(strFromU8(files['word/document.xml']!));
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Mã số: 1.001193. Nội dung được sửa đổi, bổ sung: cách thức thực hiện; thành phần, số lượng hồ sơ; căn cứ pháp lý của thủ tục hành chính theo Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ.');
    expect(texts).toContain('- Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp).');
    const notesAt = texts.indexOf('GHI CHÚ SOẠN THẢO');
    expect(notesAt).toBeGreaterThan(0);
    for (const analysis of ['Phân loại', 'Bỏ 0', 'Căn cứ: ']) expect(texts.slice(0, notesAt).filter((t) => t.includes(analysis)), analysis).toEqual([]);
    expect(texts.slice(notesAt).some((t) => t.includes('Phân loại: cắt giảm'))).toBe(true);
    // 3 procedures × 11 parts: every part title keeps with the next paragraph, so none is stranded at a page foot.
    const titles = paragraphs.filter((p) => /^[a-zđ]\) [^:]+:$/.test(p.text));
    expect(titles).toHaveLength(33);
    expect(titles.every((p) => p.keepNext)).toBe(true);
  });

  it('is deterministic, whatever the clock says', async () => {
    const again = (await renderAnnouncement(draft(bundled, '2026-01-01', { issuer: 'bo-tu-phap' }), 'docx')) as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>');
  });

  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  it.skipIf(!soffice)(`opens in LibreOffice and renders to PDF${soffice ? '' : ' (skipped: LibreOffice’s soffice is not on PATH; CI does not install it)'}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tthc-docx-'));
    try {
      writeFileSync(path.join(dir, 'announcement.docx'), bytes);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'announcement.docx')], { stdio: 'ignore', timeout: 120_000 });
      const pdf = readFileSync(path.join(dir, 'announcement.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdf.toString('latin1');
      // A4 portrait pages (595 × 842 pt) and the landscape annex (842 × 595 pt).
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
