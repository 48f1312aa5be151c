import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementChanges } from '../../rules/compute/announcement.js';
import { loadCatalogue, type Catalogue } from '../../rules/load/catalogue.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { baseRegistry } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { draftAnnouncement, renderAnnouncement, type AnnouncementOptions } from '../../generators/announcement/index.js';
import { version } from '../helpers/catalogue.js';
import { REPO } from '../helpers/cli.js';
import { poisonedCatalogue } from '../hostile/poison.js';
import { htmlFindings, markdownFindings } from '../hostile/scanners.js';
import { vnCalendar } from '../helpers/calendar.js';
import { AMENDED_BY_66_7 } from '../helpers/announcement.js';

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
      '_Căn cứ Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025 của Chính phủ quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu;_',
      '_Theo đề nghị của Giám đốc Sở … và Chánh Văn phòng Ủy ban nhân dân tỉnh …._',
    ]);
    expect(md).toContain(
      '**Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung, thay thế trong các lĩnh vực: đăng ký, quản lý cư trú; hộ tịch; thành lập và hoạt động của doanh nghiệp được thực hiện trên địa bàn tỉnh …**',
    );
    expect(md).toContain('**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …**');
    expect(md).toContain('\n**QUYẾT ĐỊNH:**\n');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này danh mục và nội dung cụ thể của thủ tục hành chính được sửa đổi, bổ sung, thay thế');
    expect(md).toContain('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026.');
    // After 1 July 2025 a province has no districts; its communes are xã, phường and đặc khu.
    expect(md).toContain('**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh …; Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu');
    expect(md).toContain('| **Nơi nhận:**<br>- Như Điều 3;<br>- Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính);<br>- Bộ Công an;<br>- Bộ Tài chính;<br>- Bộ Tư pháp;');
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
    expect(partOne).toContain('| STT | Số hồ sơ TTHC | Tên thủ tục hành chính | Tên VBQPPL quy định nội dung sửa đổi, bổ sung, thay thế | Nội dung sửa đổi, bổ sung | Lĩnh vực | Cơ quan thực hiện |');
    const rows = partOne.split('\n').filter((l) => /^\| \d+ \| \d\.\d{6} \|/.test(l));
    expect(rows.map((r) => r.split(' | ')[1]).sort()).toEqual(AMENDED_BY_66_7);
    const resolution = 'Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu';
    for (const r of rows) expect(r.split(' | ')[3]).toBe(resolution);
    expect(partOne).toContain(`| 5 | 1.001193 | Thủ tục đăng ký khai sinh | ${resolution} | Cách thức thực hiện; thành phần, số lượng hồ sơ; căn cứ pháp lý của thủ tục hành chính | Hộ tịch | Ủy ban nhân dân cấp xã |`);
    expect(partOne).toContain(`| 2 | 1.004222 | Đăng ký thường trú | ${resolution} | Thành phần, số lượng hồ sơ; phí, lệ phí; căn cứ pháp lý của thủ tục hành chính | Đăng ký, quản lý cư trú | Công an cấp xã |`);
    expect(partOne.slice(province, commune)).toContain('| 2 | 2.001583 | Đăng ký thành lập công ty TNHH một thành viên |');
  });

  it('gives each of them a Phần II section with every part in the official order and what changed', () => {
    for (const code of AMENDED_BY_66_7) {
      const section = detailSection(md, code);
      expect(section).toContain('Thủ tục hành chính được sửa đổi, bổ sung, thay thế, áp dụng từ ngày 01/01/2026 theo Nghị quyết số 66.7/2025/NQ-CP');
      expect(section).toMatch(/\*\*Nội dung sửa đổi, bổ sung:\*\* [^\n]*thành phần, số lượng hồ sơ/i);
      const positions = PART_HEADINGS.map((h) => section.indexOf(`**${h}**`));
      expect(positions.every((p) => p > 0), `${code}: ${PART_HEADINGS.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    const birth = detailSection(md, '1.001193');
    expect(birth.startsWith('### 5. Thủ tục đăng ký khai sinh\n')).toBe(true);
    expect(birth).toContain(
      '- Thành phần hồ sơ: Không yêu cầu nộp/xuất trình “Thẻ căn cước (căn cước công dân) hoặc giấy tờ tùy thân khác của người đi đăng ký khai sinh”: cơ quan khai thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư. Phân loại: cắt giảm. Căn cứ: Nghị quyết số 66.7/2025/NQ-CP.',
    );
    expect(birth).toContain('| Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả |');
    expect(birth).toContain('| Trực tiếp | Ngay trong ngày nhận đủ hồ sơ hợp lệ |');
    const residence = detailSection(md, '1.004222');
    expect(residence).toContain('- Phí, lệ phí: Thêm khoản lệ phí: 20.000 đồng/lần đăng ký');
    expect(residence).toContain('khai thác từ Cơ sở dữ liệu quốc gia về đất đai');
  });

  it('notes the deadline and what it left out for the drafter, after the decision', () => {
    const notes = md.slice(md.indexOf('# GHI CHÚ SOẠN THẢO'));
    expect(notes).toContain('- Thủ tục có hiệu lực từ ngày 01/01/2026 (1.000656, 1.000894, 1.001193, 1.004194, 1.004222, 2.001199, 2.001583, 2.001610, 2.002042, 2.002043): ngày ký muộn nhất là ngày 25/12/2025, ngày làm việc thứ 5 trước ngày 01/01/2026 theo lịch làm việc.');
    expect(notes).toContain('- 1.001865@v2 (dự thảo) dự kiến có hiệu lực từ ngày 01/01/2026 nhưng chưa được công bố trong danh mục, nên không đưa vào Quyết định.');
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
    expect(md).toContain('_Căn cứ Nghị định số …/…/NĐ-CP ngày … tháng … năm … của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tư pháp;_');
    expect(md.match(/^\| \d+ \| \d\.\d{6} \|/gm)).toEqual(['| 1 | 1.000656 |', '| 2 | 1.000894 |', '| 3 | 1.001193 |']);
    expect(md).toContain('ngày ký muộn nhất là ngày 04/12/2025, ngày làm việc thứ 20 trước ngày 01/01/2026 theo lịch làm việc. Ngày ký 04/12/2025 bảo đảm thời hạn (20 ngày làm việc trước ngày có hiệu lực).');
    expect(md).toContain('- 1.004222 (được sửa đổi, bổ sung, thay thế) không thuộc thẩm quyền công bố của Bộ Tư pháp: thủ tục cấp xã thuộc lĩnh vực do Bộ Công an quản lý.');
    const late = await text(bundled, '2026-01-01', 'md', { issuer: 'bo-tu-phap', signed: '2025-12-05' });
    expect(late).toContain('CẢNH BÁO: ngày ký 05/12/2025 muộn hơn thời hạn; chỉ còn 19 ngày làm việc trước ngày có hiệu lực.');
  });

  it('a ministry of another sector announces none of them: an error', () => {
    expect(() => draft(bundled, '2026-01-01', { issuer: 'bo-xay-dung' })).toThrow(/^bo-xay-dung \(Bộ Xây dựng, central level\) announces none of the 10 changes in the window: 1\.000656 is in the sector of bo-tu-phap/);
  });

  it('abolishes the judicial-record procedure from 1 July 2026, with the abolishing law and no Phần II', async () => {
    const md = await text(bundled, '2026-07-01', 'md');
    expect(md).toContain('**Về việc công bố danh mục thủ tục hành chính bị bãi bỏ trong lĩnh vực lý lịch tư pháp thuộc phạm vi chức năng quản lý của Bộ Tư pháp**');
    expect(md).toContain('_Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Lý lịch tư pháp ngày 05 tháng 12 năm 2025;_');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này danh mục thủ tục hành chính bị bãi bỏ');
    expect(md).toContain('| STT | Số hồ sơ TTHC | Tên thủ tục hành chính | Tên VBQPPL quy định việc bãi bỏ | Lĩnh vực | Cơ quan thực hiện |');
    expect(md).toContain('| 1 | 2.000488 | Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam | Luật sửa đổi, bổ sung một số điều của Luật Lý lịch tư pháp số 107/2025/QH15 | Lý lịch tư pháp | Sở Tư pháp |');
    expect(md).not.toContain('PHẦN II');
    await expect(md).toMatchFileSnapshot('__snapshots__/announcement-2026-07-01-ministry.md');
  });

  it('drafts the provincial list-only variant with the listing columns and no Phần II', async () => {
    const md = await text(bundled, '2026-01-01', 'md', { issuer: 'ubnd-ha-noi', listOnly: true });
    expect(md).not.toContain('PHẦN II');
    expect(md).toContain('**Điều 1.** Công bố kèm theo Quyết định này danh mục thủ tục hành chính được sửa đổi');
    expect(md).toContain('| Số TT | Tên thủ tục hành chính | Thời hạn giải quyết | Địa điểm thực hiện | Phí, lệ phí | Căn cứ pháp lý | Cơ quan thực hiện |');
    const birth = md.split('\n').find((l) => l.includes('Mã số: 1.001193'))!;
    expect(birth.split(' | ').slice(0, 4)).toEqual([
      '| 5',
      'Thủ tục đăng ký khai sinh<br>Mã số: 1.001193',
      'Trực tiếp, dịch vụ bưu chính, trực tuyến: Ngay trong ngày nhận đủ hồ sơ hợp lệ',
      'Trực tiếp: Trung tâm Phục vụ hành chính công hoặc Bộ phận Một cửa của Ủy ban nhân dân cấp xã<br>Dịch vụ bưu chính<br>Trực tuyến: Cổng Dịch vụ công quốc gia; Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh; Ứng dụng VNeID',
    ]);
    expect(birth.endsWith(' | Ủy ban nhân dân cấp xã |')).toBe(true);
    expect(md).toContain('| Số: …/QĐ-UBND | _Hà Nội, ngày … tháng … năm …_ |');
  });

  it('for a window, announces the commune-level construction permit of 1 July 2025 too, each date with its own application date', async () => {
    const a = draft(bundled, '2026-01-01', { issuer: 'ubnd-tinh', since: '2025-07-01' });
    expect(a.changes.map((c) => c.code)).toContain('1.013225');
    const md = (await renderAnnouncement(a, 'md')) as string;
    expect(md).toContain('**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký. Thủ tục hành chính có mã số 1.013225 được áp dụng từ ngày 01 tháng 7 năm 2025;');
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
