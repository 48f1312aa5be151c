import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { findCodes, queryTerms } from '../../docs-site/client/query.js';
import { MINISEARCH_OPTIONS, shardFile, type SearchDoc, type SearchMeta } from '../../docs-site/client/tokens.js';
import { legalSlug } from '../../generators/site/paths.js';
import { REPO } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';
import { brokenLinks } from './links.js';

let out: string;
let tree: Map<string, Buffer>;
const text = (rel: string) => {
  const bytes = tree.get(rel);
  if (!bytes) throw new Error(`${rel} was not written`);
  return bytes.toString();
};

beforeAll(async () => {
  out = path.join(await makeOutputRoot(), 'build');
  const result = await buildCatalogue(path.join(REPO, 'catalogue'), { out, at: '2026-03-01', cacheDir: false });
  expect(result.built).toBe(true);
  tree = await readTree(out);
}, 120_000);
afterAll(cleanupOutputs);

async function search(q: string): Promise<string[]> {
  const meta = JSON.parse(text('site/search/meta.json')) as SearchMeta;
  const load = async (key: string) => MiniSearch.loadJSON(text(`site/search/terms/${shardFile(key)}.json`), { ...MINISEARCH_OPTIONS, fields: [...MINISEARCH_OPTIONS.fields] });
  return (await findCodes(meta, queryTerms(q), load)) ?? [];
}

describe('search index', () => {
  it('finds birth registration with or without diacritics, by part of its name, and by its code', async () => {
    for (const q of ['dang ky khai sinh', 'đăng ký khai sinh', 'Đăng Ký Khai Sinh', 'khai sinh', 'thủ tục đăng ký khai sinh', '1.001193', 'khai si']) {
      expect((await search(q))[0], q).toBe('1.001193');
    }
    // "đăng ký" alone finds every registration, birth registration among them; an unrelated word finds nothing.
    expect(await search('dang ky')).toContain('1.001193');
    expect(await search('dang ky khai tu')).not.toContain('1.001193');
    expect(await search('xyzzy')).toEqual([]);
  });

  it('keeps the terms in shards by their first two letters, and the procedures in pages by code prefix', () => {
    const meta = JSON.parse(text('site/search/meta.json')) as SearchMeta;
    expect(meta.count).toBe(16);
    expect(meta.shards).toContain('kh');
    expect(meta.shards).toContain('1.');
    for (const key of meta.shards) expect(tree.has(`site/search/terms/${shardFile(key)}.json`), key).toBe(true);
    const kh = JSON.parse(text('site/search/terms/kh.json')) as { documentCount: number };
    // Only the procedures with a word starting "kh" (khai sinh, khai tử, …) are in that shard.
    expect(kh.documentCount).toBeLessThan(meta.count);
    expect(meta.pages).toEqual([{ prefix: '', file: 'all' }]);
    const docs = (JSON.parse(text('site/search/docs/all.json')) as { docs: SearchDoc[] }).docs;
    expect(docs.find((d) => d.c === '1.001193')).toEqual({ c: '1.001193', n: 'Thủ tục đăng ký khai sinh', f: 'ho-tich', a: ['ubnd-xa'], l: ['commune'], ch: ['in-person', 'postal', 'online'], o: 'partial', free: false, s: '' });
    expect(meta.names.field['ho-tich']).toBe('Hộ tịch');
  });
});

describe('procedure page', () => {
  it('shows the spec’s notes on what a part does not model beside that part (issue 20)', () => {
    const page = text('site/procedures/1.004222.html');
    const fees = page.slice(page.indexOf('<section id="fees"'), page.indexOf('<section id="forms"'));
    expect(fees).toContain('<p class="note" role="note">Nội dung đang được kiểm tra lại: Danh sách trường hợp miễn lệ phí');
  });

  it('is in Vietnamese, with the parts in the official order and a summary for the applicant', () => {
    const page = text('site/procedures/1.001193.html');
    expect(page).toContain('<html lang="vi">');
    const ids = [...page.matchAll(/<section id="([a-zA-Z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['steps', 'channels', 'dossier', 'timeLimit', 'subjects', 'agencies', 'results', 'fees', 'forms', 'requirements', 'legalBasis', 'to-khai', 'lich-su']);
    // 6 depending on the case with the certified copies sent by post (the correction of v3).
    expect(page).toContain('<div><dt>Giấy tờ</dt><dd>1 giấy tờ bắt buộc, 6 giấy tờ tùy trường hợp<br>2 giấy tờ không cần mang (cơ quan tự tra cứu)</dd></div>');
    expect(page).toContain('<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>');
  });

  it('lists what to bring with original and copy counts, explains conditional papers, and names those the office looks up', () => {
    const page = text('site/procedures/1.001193.html');
    expect(page).toContain('<thead><tr><th scope="col">Giấy tờ</th><th scope="col">Bản chính</th><th scope="col">Bản sao</th><th scope="col">Ghi chú</th></tr></thead>');
    expect(page).toContain('<tr><td data-label="Giấy tờ">Giấy chứng sinh</td><td data-label="Bản chính">1</td><td data-label="Bản sao">0</td><td data-label="Ghi chú"><span class="tag cond">Tùy trường hợp</span><br>Trường hợp có Giấy chứng sinh.</td></tr>');
    expect(page).toContain('<td data-label="Ghi chú"><span class="tag cond">Tùy trường hợp</span><br>Trừ trường hợp có Giấy chứng sinh.</td>');
    expect(page).toContain('<p>Không cần mang những giấy tờ sau: cơ quan giải quyết tự tra cứu thông tin trong cơ sở dữ liệu.</p>');
    expect(page).toMatch(/<li>Thẻ căn cước \(căn cước công dân\) hoặc giấy tờ tùy thân khác của người đi đăng ký khai sinh: cơ quan khai thác từ Cơ sở dữ liệu quốc gia về dân cư\. Người yêu cầu chỉ cần cung cấp số định danh cá nhân/);
  });

  it('links each legal document to its registry page, which lists the procedures citing it', () => {
    const page = text('site/procedures/1.001193.html');
    expect(legalSlug('123/2015/NĐ-CP')).toBe('123-2015-nd-cp');
    expect(page).toContain('<li><a href="../legal/60-2014-qh13.html">Luật Hộ tịch số 60/2014/QH13.</a></li>');
    const legal = text('site/legal/60-2014-qh13.html');
    expect(legal).toContain('<a href="../procedures/1.001193.html">Thủ tục đăng ký khai sinh</a>');
    expect(legal).toContain('<li>Loại văn bản: Luật</li>');
  });

  it('carries the calculator: the time limit of each channel for the bundled deadline code, and the calendar beside it', async () => {
    const page = text('site/procedures/2.000488.html');
    const limits = JSON.parse(/<script type="application\/json" data-limits>(.*?)<\/script>/s.exec(page)![1]!);
    // Luật Lý lịch tư pháp Art. 48: 10 days, 15 where verification is needed; every channel has the procedure's limit.
    const verify = 'người đã cư trú ở nhiều nơi, có thời gian cư trú ở nước ngoài, người nước ngoài, hoặc phải xác minh điều kiện đương nhiên được xóa án tích';
    expect(limits.options).toEqual(
      ['Trực tiếp', 'Dịch vụ bưu chính', 'Trực tuyến'].flatMap((channel) => [
        { label: channel, value: 10, unit: 'days', text: '10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ' },
        { label: `${channel}, ${verify}`, value: 15, unit: 'days', text: '15 ngày' },
      ]),
    );
    // Every version's period, so the browser counts with the one in force on the filing date and refuses after the repeal (issue 18 point 7).
    expect(limits.versions.map((p: { version: string; from: string; until: string | null; repealed: boolean; options: unknown[] }) => [p.version, p.from, p.until, p.repealed, p.options.length])).toEqual([
      ['v1', '2017-01-01', '2022-12-31', false, 6],
      ['v2', '2023-01-01', '2026-06-30', false, 6],
      ['v3', '2026-07-01', null, true, 0],
    ]);
    expect(limits.versions[1].options).toEqual(limits.options);
    expect(page).toContain('data-calendar="../assets/calendar-vn.json"');
    expect(page).toContain('<script src="../assets/calculator.js" defer></script>');
    const calendar = JSON.parse(await readFile(path.join(REPO, 'catalogue/calendars/vn.json'), 'utf8'));
    // The same calendar, its $schema pointing at the schema the build publishes (the catalogue's points into rules/schema/).
    expect(JSON.parse(text('site/assets/calendar-vn.json'))).toEqual({ ...calendar, $schema: '../../api/v1/schemas/calendar.schema.json' });
    expect(text('site/assets/calculator.js')).toContain('Tết');
  });
});

describe('version history', () => {
  it('is a section of the procedure page: the versions, and each change to the next one in a collapsed section of its own', () => {
    const page = text('site/procedures/1.001193.html');
    // 1.001193 has four published versions in force one after another (v1 2016, v2 2020-09-15, v2023, v3 2026):
    // three changes, the latest first, each with the anchor its old page's link becomes.
    const changes = [...page.matchAll(/<details class="change">\n<summary>([^<]+)<\/summary>\n<div id="([^"]+)">/g)].map((m) => [m[2], m[1]]);
    expect(changes).toEqual([
      // The corrections (đính chính) first, the latest version's first: what each changed in the content as recorded.
      // The second correction of each (05/12/2026, the copy fee's amount) against the first (04/12/2026).
      ['thay-doi-v3--v3_dc2', 'Đính chính ghi nhận ngày 05/12/2026 của phiên bản có hiệu lực từ ngày 01/01/2026, so với nội dung đã ghi trước ngày 05/12/2026'],
      ['thay-doi-v3--v3_dc1', 'Đính chính ghi nhận ngày 04/12/2026 của phiên bản có hiệu lực từ ngày 01/01/2026, so với nội dung đã ghi trước ngày 04/12/2026'],
      ['thay-doi-v2023--v2023_dc2', 'Đính chính ghi nhận ngày 05/12/2026 của phiên bản có hiệu lực từ ngày 01/01/2023, so với nội dung đã ghi trước ngày 05/12/2026'],
      ['thay-doi-v2023--v2023_dc1', 'Đính chính ghi nhận ngày 04/12/2026 của phiên bản có hiệu lực từ ngày 01/01/2023, so với nội dung đã ghi trước ngày 04/12/2026'],
      ['thay-doi-v2--v2_dc2', 'Đính chính ghi nhận ngày 05/12/2026 của phiên bản có hiệu lực từ ngày 15/09/2020, so với nội dung đã ghi trước ngày 05/12/2026'],
      ['thay-doi-v2--v2_dc1', 'Đính chính ghi nhận ngày 04/12/2026 của phiên bản có hiệu lực từ ngày 15/09/2020, so với nội dung đã ghi trước ngày 04/12/2026'],
      // Named by the date and the amending document, never by the version id (issue 18 point 11).
      ['thay-doi-v2023--v3', 'Thay đổi áp dụng từ ngày 01/01/2026 theo Nghị quyết số 66.7/2025/NQ-CP, so với phiên bản có hiệu lực từ ngày 01/01/2023'],
      ['thay-doi-v2--v2023', 'Thay đổi áp dụng từ ngày 01/01/2023 theo Nghị định số 104/2022/NĐ-CP, so với phiên bản có hiệu lực từ ngày 15/09/2020'],
      ['thay-doi-v1--v2', 'Thay đổi áp dụng từ ngày 15/09/2020 theo Nghị định số 87/2020/NĐ-CP và Thông tư số 04/2020/TT-BTP, so với phiên bản có hiệu lực từ ngày 01/01/2016'],
    ]);
    for (const [id, previous] of [['thay-doi-v2023--v3', '01/01/2023'], ['thay-doi-v2--v2023', '15/09/2020'], ['thay-doi-v1--v2', '01/01/2016']]) expect(page).toContain(`<a href="#${id}">Xem thay đổi so với phiên bản có hiệu lực từ ngày ${previous}</a>`);
    expect(page).toContain('<li><strong>Trước</strong>: phiên bản có hiệu lực từ ngày 01/01/2023 (theo Nghị định số 104/2022/NĐ-CP) — Thủ tục đăng ký khai sinh.</li>');
    // The content shown is v3 as corrected: its correction's row is the current one, the original's says it was corrected.
    expect(page).toContain('<tr class="current"><td data-label="Hiệu lực">Đính chính nội dung từ ngày 01/01/2026 (đang hiển thị)</td>');
    expect(page).toContain('Nội dung như đã ghi trước ngày 04/12/2026, được đính chính (xem dòng dưới).');
    expect(page).toContain('<a href="#thay-doi-v3--v3_dc1">Xem thay đổi so với nội dung đã ghi trước ngày 04/12/2026</a>');
    // A second correction is compared with the first one's content (as recorded the day before it), not with the original:
    // only the copy fee's amount differs, 7 documents on both sides; the first one adds the postal copies, 6 → 7.
    const second = page.slice(page.indexOf('id="thay-doi-v3--v3_dc2"'), page.indexOf('id="thay-doi-v3--v3_dc1"'));
    expect(second).toContain('Thay đổi: 0 cắt giảm, 0 thắt chặt so với chuẩn, 0 bổ sung gánh nặng, 1 biên tập.');
    const first = page.slice(page.indexOf('id="thay-doi-v3--v3_dc1"'), page.indexOf('id="thay-doi-v2023--v2023_dc2"'));
    expect(first).toContain('Thay đổi: 0 cắt giảm, 0 thắt chặt so với chuẩn, 2 bổ sung gánh nặng, 1 biên tập.');
    // The version in force comes first: every part of it before the history, and the history after the last part.
    expect(page.indexOf('<section id="legalBasis"')).toBeLessThan(page.indexOf('<section id="lich-su"'));
    const latest = page.slice(page.indexOf('id="thay-doi-v2023--v3"'), page.indexOf('id="thay-doi-v2--v2023"'));
    expect(latest).toMatch(/<del>[^<]+<\/del>/);
    expect(latest).toContain('<strong>Cắt giảm</strong>');
    // The diff's headings sit under "Lịch sử thay đổi" (h2): one h1 on the page, and no h1 or h2 inside a change.
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(latest).not.toMatch(/<h[12][ >]/);
    expect(latest).toContain('<h3>Tóm tắt</h3>');
    // No separate history or diff page any more, and nothing in a folder of the procedure's own.
    expect([...tree.keys()].filter((rel) => rel.startsWith('site/procedures/'))).toEqual([...tree.keys()].filter((rel) => /^site\/procedures\/[^/]+\.html$/.test(rel)));
  });

  it('has one change section per pair of versions in force one after the other, on every procedure page', () => {
    // By hand from catalogue/procedures: published versions in force one after another, a repeal not compared.
    const expected: Record<string, string[]> = {
      '1.000656': ['v2--v3', 'v1--v2'],
      '1.000894': ['v2023--v3', 'v2--v2023', 'v1--v2'],
      // Corrections (đính chính) first: each against the content as recorded.
      '1.001193': ['v3--v3_dc2', 'v3--v3_dc1', 'v2023--v2023_dc2', 'v2023--v2023_dc1', 'v2--v2_dc2', 'v2--v2_dc1', 'v2023--v3', 'v2--v2023', 'v1--v2'],
      '1.003197': [],
      '1.004194': ['v1--v2'],
      '1.004222': ['v3--v3_dc1', 'v2--v2_dc1', 'v2023--v3', 'v2--v2023', 'v1--v2'],
      '1.004873': [],
      '1.013225': ['v1--v2'],
      '2.000488': ['v1--v2'],
      '2.000488.H26': [],
      '2.001159': [],
      '2.001199': ['v2025--v2026', 'v2021--v2025'],
      '2.001583': ['v2025--v2026', 'v2021--v2025', 'v2015--v2021', 'v2006--v2015'],
      '2.001610': ['v2025--v2026', 'v2021--v2025'],
      '2.002042': ['v2025--v2026', 'v2021--v2025'],
      '2.002043': ['v2026--v2026_dc1', 'v2025--v2025_dc1', 'v2025--v2026', 'v2021--v2025'],
    };
    for (const [code, ids] of Object.entries(expected)) {
      const page = text(`site/procedures/${code}.html`);
      expect([...page.matchAll(/<details class="change">\n<summary>[^<]+<\/summary>\n<div id="thay-doi-([^"]+)">/g)].map((m) => m[1]), code).toEqual(ids);
    }
  });

  it('states the hourly income and the estimation assumptions once per page, each change pointing there', () => {
    // 2.001583 has four changes, each with a cost section.
    const page = text('site/procedures/2.001583.html');
    const count = (needle: string) => page.split(needle).length - 1;
    expect(count('<h3 id="cach-uoc-tinh">Cách ước tính chi phí tuân thủ</h3>')).toBe(1);
    expect(count('<strong>Thu nhập bình quân một giờ: </strong>')).toBe(1);
    // Its costs come from the specs, so no estimation assumption is listed (the synthetic catalogue's are, once too).
    expect(count('Giả định ước tính đã dùng')).toBe(0);
    expect(count('xem mục <a href="#cach-uoc-tinh">“Cách ước tính chi phí tuân thủ”</a> ở cuối phần lịch sử.')).toBe(4);
    // After every change, inside the history section.
    expect(page.indexOf('id="cach-uoc-tinh"')).toBeGreaterThan(page.lastIndexOf('</details>'));
    expect(page.indexOf('id="cach-uoc-tinh"')).toBeGreaterThan(page.indexOf('id="lich-su"'));
    // The values it used are on the page; their bases and sources, the same for every procedure, on the site's one page.
    expect(page).toContain('<p><strong>Thu nhập bình quân một giờ: </strong><a href="../uoc-tinh.html#thu-nhap-binh-quan-2024">43.750 đồng/giờ</a>.</p>');
    expect(count('chia cho 176 giờ làm việc một tháng')).toBe(0);
    const estimated = text('site/procedures/1.000656.html');
    expect(estimated).toContain('<p><strong>Giả định ước tính đã dùng</strong> (<a href="../uoc-tinh.html#uoc-tinh-mac-dinh">căn cứ của từng giả định</a>):</p>');
    expect(estimated).toContain('<li>Số giờ chuẩn bị một giấy tờ: 1.</li>');
    const method = text('site/uoc-tinh.html');
    expect(method).toContain('<h3 id="thu-nhap-binh-quan-2024">43.750 đồng/giờ (số liệu ngày 31/12/2024)</h3>');
    expect(method).toContain('chia cho 176 giờ làm việc một tháng');
    expect(method).toContain('<li>Số giờ chuẩn bị một giấy tờ: 1. Chuẩn bị một giấy tờ sẵn có hoặc xin cấp lại tại cơ quan gần nhà: khoảng 1 giờ (giả định).</li>');
  });
});

describe('form preview', () => {
  it('is a section of the procedure page (no page of its own), with the JSON Schema of the API document but for its example', () => {
    const page = text('site/procedures/1.001193.html');
    expect([...tree.keys()].filter((rel) => rel.startsWith('site/forms/'))).toEqual([]);
    expect(page).toContain('<section id="to-khai" aria-labelledby="to-khai-h">\n<h2 id="to-khai-h">Xem trước tờ khai trực tuyến</h2>');
    expect(page).toContain('<li><a href="#to-khai">Xem trước tờ khai trực tuyến</a></li>');
    expect(page).toContain('<li><a href="#to-khai">Xem trước tờ khai trực tuyến và thử điền</a></li>');
    expect(page).toContain('Tờ khai trực tuyến của phiên bản có hiệu lực từ ngày 01/01/2026, để bạn biết cần khai những gì và thử điền.');
    const schema = JSON.parse(/<script type="application\/json" data-schema>(.*?)<\/script>/s.exec(page)![1]!);
    const v3 = JSON.parse(text('api/v1/procedures/1.001193.json')).versions.find((v: any) => v.version === 'v3');
    const { examples, ...checked } = v3.form.schema;
    expect([schema, examples.length]).toEqual([checked, 1]);
    expect(schema.$id).toBe('urn:tthc:form:1.001193:v3');
    expect(page).toContain('<li>Số định danh cá nhân của người yêu cầu (bắt buộc): Số định danh cá nhân gồm 12 chữ số.</li>');
    expect(page).toContain('<script src="../assets/form.js" defer></script>');
    // A procedure that cannot be filed online has no preview and loads no form script.
    const offline = text('site/procedures/1.004873.html');
    expect([offline.includes('id="to-khai"'), offline.includes('form.js')]).toEqual([false, false]);
  });
});

describe('dashboard and developer pages', () => {
  it('shows the simplification report with its charts, one unit each, and no target chart when no target is in force', () => {
    const page = text('site/dashboard/index.html');
    // The bundled proposals take effect on 2026-07-01 (a citizen procedure) and 2027-01-01: no registry target is in force for either (68/NQ-CP ends 2025, 66/NQ-CP 2026).
    expect(page).not.toContain('muc-tieu-t');
    expect(page).toContain('Không đánh giá theo mục tiêu');
    // A yearly-cost chart, a per-filing-cost chart and the online indicators: three charts, three units.
    expect((page.match(/<svg /g) ?? []).length).toBe(3);
    expect(page).toContain('(đồng/năm)</figcaption>');
    expect(page).toContain('(đồng/lần)</figcaption>');
    expect(page).not.toContain('(%) (%)');
    expect(page).toContain('<a href="1.004222--pa-2026.html">');
    expect(text('site/dashboard/1.004222--pa-2026.html')).toContain('phương án đơn giản hóa so với phiên bản chuẩn');
  });

  it('documents the portal API with real examples, and every lint rule from its metadata', () => {
    const api = text('site/developers/index.html');
    expect(api).toContain('<code>api/v1/index.json</code>');
    expect(api).toContain('"code": "1.000656"');
    expect(api).toContain('<a href="schemas/index-page.html">index-page</a>');
    expect(text('site/developers/schemas/procedure.html')).toContain('<h1>Lược đồ procedure</h1>');
    const rules = text('site/developers/rules/index.html');
    expect(rules).toContain('<a href="time-limit-stated.html">time-limit-stated</a>');
    // The site is Vietnamese: the rule pages too, from the rules' Vietnamese docs (rules/text/vi/rule-docs.ts).
    expect(text('site/developers/rules/time-limit-stated.html')).toContain('<h2>Lý do</h2>');
    expect(text('site/developers/rules/time-limit-stated.html')).toContain('Phiên bản đã công bố nêu thời hạn giải quyết');
  });
});

describe('the site as a whole', () => {
  it('names versions for readers by their dates and amending documents, never by id (issue 18 point 11)', () => {
    // What citizens and reviewers read: every page but the developer pages and the officers' guides,
    // which document the ids and the commands that take them. Scripts (JSON data) and attributes are not read.
    const pages = [...tree.keys()].filter((rel) => rel.startsWith('site/') && rel.endsWith('.html') && !rel.startsWith('site/developers/') && !rel.startsWith('site/docs/'));
    expect(pages.length).toBeGreaterThan(40);
    const raw = /\bv\d{1,4}(-\d+)?\b|@v|@pa-|\bpa-\d{4}\b|phiên bản v|complianceCost\.|channelOrder|uoc-tinh-mac-dinh|thu-nhap-binh-quan/;
    for (const rel of pages) {
      const visible = text(rel).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      expect(raw.exec(visible)?.[0], rel).toBeUndefined();
    }
    // The proposal's page names both sides as readers know them.
    const proposal = text('site/dashboard/1.004222--pa-2026.html');
    expect(proposal).toContain('<li><strong>Trước</strong>: phiên bản có hiệu lực từ ngày 01/01/2026 (theo Nghị quyết số 66.7/2025/NQ-CP) — Đăng ký thường trú.</li>');
    expect(proposal).toContain('<li><strong>Sau</strong>: phương án “Rút ngắn thời hạn đăng ký thường trú xuống 05 ngày làm việc và miễn lệ phí khi nộp hồ sơ trực tuyến” (dự kiến áp dụng từ ngày 01/07/2026) — Đăng ký thường trú.</li>');
    expect(proposal).toContain('Phiên bản có hiệu lực từ ngày 01/01/2026 (theo Nghị quyết số 66.7/2025/NQ-CP) không nêu số đối tượng thực hiện một năm: chỉ tính được chi phí một lần thực hiện.');
    expect(text('site/procedures/1.001193.html')).toContain('<p class="note" role="note">Tờ khai trực tuyến của phiên bản có hiệu lực từ ngày 01/01/2026, để bạn biết');
    expect(text('site/procedures/2.000488.html')).toContain('<tr><td data-label="Hiệu lực">Bãi bỏ từ ngày 01/07/2026</td>');
  });

  it('has no broken internal links, sources or fetched data', async () => {
    const { checked, broken } = await brokenLinks(path.join(out, 'site'));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('uses one small stylesheet, no external resources, and tables with header cells', () => {
    const css = [...tree.keys()].filter((rel) => rel.startsWith('site/') && rel.endsWith('.css'));
    expect(css).toEqual(['site/assets/site.css']);
    expect(tree.get('site/assets/site.css')!.length).toBeLessThan(12_000);
    for (const [rel, bytes] of tree) {
      if (!rel.startsWith('site/') || !rel.endsWith('.html')) continue;
      const html = bytes.toString();
      expect(html, rel).toContain('<html lang="vi">');
      // External addresses appear only as links a reader follows (official texts, portals), never as something loaded.
      expect(html.match(/<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?\/\//gi), rel).toBeNull();
      for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) expect(table, rel).toContain('<th');
    }
  });
});
