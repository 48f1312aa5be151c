import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { BuildContext } from '../../generators/engine/context.js';
import { planSections, roman, sectionRows } from '../../generators/listing/sections.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { buildFixture, buildRegistry, deathRegistration, fixtureVersions } from '../helpers/build-fixture.js';
import { cleanupCatalogues } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readText } from '../helpers/output.js';

function context(at: string, versions = fixtureVersions()) {
  const { catalogue, diagnostics } = catalogueFromObjects({ versions, registry: buildRegistry() });
  expect(diagnostics).toEqual([]);
  return new BuildContext(catalogue, at, {});
}

const LLTP_BASIS = 'Luật Lý lịch tư pháp số 28/2009/QH12\nThông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp';

describe('public listing', () => {
  it('groups the procedures in force by level (central first), then field, then agency', () => {
    const levels = planSections(context('2025-06-01'));
    expect(levels.map((l) => [l.heading, l.sections.map((s) => [s.heading, s.entries.map((e) => e.entry.code)])])).toEqual([
      ['A. Thủ tục hành chính cấp tỉnh', [['I. Lĩnh vực Lý lịch tư pháp', ['2.000488']]]],
      ['B. Thủ tục hành chính cấp xã', [['I. Lĩnh vực Hộ tịch', ['1.000656', '1.001193']]]],
    ]);
  });

  it('follows the build date: repealed procedures leave, new ones arrive', () => {
    const codes = (at: string) => planSections(context(at)).flatMap((l) => l.sections.flatMap((s) => s.entries.map((e) => e.entry.code)));
    expect(codes('2023-12-31')).toEqual(['2.000488', '1.000001', '1.000656', '1.001193']);
    expect(codes('2024-01-01')).toEqual(['2.000488', '1.000656', '1.001193']);
    expect(codes('2027-01-01')).toEqual(['2.000488', '1.000656', '1.001193', '1.999999']);
  });

  it('lists a procedure performed at two levels under each, with the agency of that level', () => {
    const both = mergePatch(deathRegistration(), { code: '1.000002', name: { vi: 'Thủ tục cấp bản sao trích lục hộ tịch' }, levels: ['province', 'commune'], agencies: { implementing: ['so-tu-phap', 'ubnd-xa'] } });
    const ctx = context('2025-06-01', [...fixtureVersions(), both]);
    const rows = planSections(ctx).map((l) => l.sections.map((s) => sectionRows(ctx, s).map((g) => [g.heading, g.rows.map((r) => [r.number, r.code, r.cells[4]])])));
    expect(rows).toEqual([
      [
        // Cấp tỉnh: I. Hộ tịch, then II. Lý lịch tư pháp.
        [['Cơ quan thực hiện: Sở Tư pháp', [[1, '1.000002', ['Sở Tư pháp']]]]],
        [['Cơ quan thực hiện: Sở Tư pháp', [[1, '2.000488', ['Sở Tư pháp']]]]],
      ],
      [[['Cơ quan thực hiện: Ủy ban nhân dân cấp xã', [[1, '1.000002', ['Ủy ban nhân dân cấp xã']], [2, '1.001193', ['Ủy ban nhân dân cấp xã']], [3, '1.000656', ['Ủy ban nhân dân cấp xã']]]]]],
    ]);
  });

  it('fills the official columns in Vietnamese: time limit and fees per channel, where to file, legal basis, agency', () => {
    const ctx = context('2025-06-01');
    const lltp = planSections(ctx)[0]!.sections[0]!;
    const [row] = sectionRows(ctx, lltp)[0]!.rows;
    expect(row).toEqual({
      number: 1,
      code: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      href: '../site/procedures/2.000488.html',
      cells: [
        ['Trực tiếp, trực tuyến, dịch vụ bưu chính: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc'],
        ['Trực tiếp: Sở Tư pháp nơi thường trú', 'Trực tuyến: Cổng Dịch vụ công quốc gia', 'Dịch vụ bưu chính: Qua dịch vụ bưu chính công ích đến Sở Tư pháp'],
        [
          'Trực tiếp: Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh); Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh: 100.000 đồng/lần (trường hợp người yêu cầu là sinh viên, học sinh); Phí cấp thêm Phiếu lý lịch tư pháp: 5.000 đồng/bản × (Số bản Phiếu lý lịch tư pháp − 2)',
          'Trực tuyến: Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh: 100.000 đồng/lần (trường hợp người yêu cầu là sinh viên, học sinh); Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến: 100.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh); Phí cấp thêm Phiếu lý lịch tư pháp: 5.000 đồng/bản × (Số bản Phiếu lý lịch tư pháp − 2)',
          'Dịch vụ bưu chính: Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh); Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh: 100.000 đồng/lần (trường hợp người yêu cầu là sinh viên, học sinh); Phí cấp thêm Phiếu lý lịch tư pháp: 5.000 đồng/bản × (Số bản Phiếu lý lịch tư pháp − 2)',
        ],
        LLTP_BASIS.split('\n'),
        ['Sở Tư pháp'],
      ],
    });
    const death = sectionRows(ctx, planSections(ctx)[1]!.sections[0]!)[0]!.rows.find((r) => r.code === '1.000656')!;
    expect(death.cells[0]).toEqual(['Trực tiếp: Ngay trong ngày nhận đủ hồ sơ hợp lệ']);
    expect(death.cells[2]).toEqual(['Miễn phí']);
  });

  it('numbers fields with Roman numerals', () => {
    expect([1, 4, 9, 14, 40, 90, 2024].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'MMXXIV']);
  });

  describe('files', () => {
    let out: string;
    beforeAll(async () => {
      out = path.join(await makeOutputRoot(), 'out');
      const result = await buildCatalogue(await buildFixture(), { out, at: '2025-06-01', cacheDir: false });
      expect(result.built).toBe(true);
    });
    afterAll(async () => {
      await cleanupCatalogues();
      await cleanupOutputs();
    });

    it('writes CSV for Excel: a UTF-8 byte-order mark, CRLF rows, multi-line cells quoted', async () => {
      const csv = await readText(out, 'listing/danh-muc.csv');
      expect(csv.startsWith('\uFEFFSTT,Cấp thực hiện,Lĩnh vực,Mã TTHC,Tên thủ tục hành chính,Thời hạn giải quyết,Địa điểm thực hiện,"Phí, lệ phí",Căn cứ pháp lý,Cơ quan thực hiện\r\n')).toBe(true);
      const rows = csv.slice(1).split('\r\n');
      expect(rows.length).toBe(5);
      expect(rows[4]).toBe('');
      expect(rows[3]).toBe(
        '2,Cấp xã,Hộ tịch,1.000656,Thủ tục đăng ký khai tử,Trực tiếp: Ngay trong ngày nhận đủ hồ sơ hợp lệ,Trực tiếp: Bộ phận Một cửa Ủy ban nhân dân cấp xã,Miễn phí,' +
          '"Luật Hộ tịch số 60/2014/QH13\nThông tư số 04/2020/TT-BTP ngày 28/05/2020 của Bộ Tư pháp quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",Ủy ban nhân dân cấp xã',
      );
      expect(rows[1]!.startsWith('1,Cấp tỉnh,Lý lịch tư pháp,2.000488,Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam,')).toBe(true);
      expect(rows[1]!.endsWith(`,"${LLTP_BASIS}",Sở Tư pháp`)).toBe(true);
    });

    it('writes Markdown through remark with one table per agency, and HTML that links every procedure', async () => {
      const md = await readText(out, 'listing/danh-muc.md');
      expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
        '# Danh mục thủ tục hành chính có hiệu lực ngày 01/06/2025',
        '## A. Thủ tục hành chính cấp tỉnh',
        '### I. Lĩnh vực Lý lịch tư pháp',
        '#### Cơ quan thực hiện: Sở Tư pháp',
        '## B. Thủ tục hành chính cấp xã',
        '### I. Lĩnh vực Hộ tịch',
        '#### Cơ quan thực hiện: Ủy ban nhân dân cấp xã',
      ]);
      expect(md).toContain('\n| 2 | 1.000656 | [Thủ tục đăng ký khai tử](../site/procedures/1.000656.html) | Trực tiếp: Ngay trong ngày nhận đủ hồ sơ hợp lệ | Trực tiếp: Bộ phận Một cửa Ủy ban nhân dân cấp xã | Miễn phí | Luật Hộ tịch số 60/2014/QH13<br>Thông tư số 04/2020/TT-BTP');
      const html = await readText(out, 'listing/danh-muc.html');
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain('<h1>Danh mục thủ tục hành chính có hiệu lực ngày 01/06/2025</h1>');
      expect([...html.matchAll(/<td><a href="([^"]+)">([^<]+)<\/a><\/td>/g)].map((m) => [m[1], m[2]])).toEqual([
        ['../site/procedures/2.000488.html', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam'],
        ['../site/procedures/1.001193.html', 'Thủ tục đăng ký khai sinh'],
        ['../site/procedures/1.000656.html', 'Thủ tục đăng ký khai tử'],
      ]);
      expect(html).toContain('<th scope="col">Thời hạn giải quyết</th>');
    });
  });

  it('says so when nothing is in force on the build date', async () => {
    const out = path.join(await makeOutputRoot(), 'empty');
    const result = await buildCatalogue(await buildFixture({}, [mergePatch(deathRegistration(), { effective: { from: '2030-01-01' } })]), { out, at: '2025-06-01', cacheDir: false });
    expect(result.built).toBe(true);
    expect(await readText(out, 'listing/danh-muc.md')).toBe('# Danh mục thủ tục hành chính có hiệu lực ngày 01/06/2025\n\nKhông có thủ tục hành chính nào có hiệu lực vào ngày 01/06/2025.\n');
    expect(await readText(out, 'listing/danh-muc.csv')).toBe('\uFEFFSTT,Cấp thực hiện,Lĩnh vực,Mã TTHC,Tên thủ tục hành chính,Thời hạn giải quyết,Địa điểm thực hiện,"Phí, lệ phí",Căn cứ pháp lý,Cơ quan thực hiện\r\n');
    await cleanupCatalogues();
    await cleanupOutputs();
  });
});
