import { describe, expect, it } from 'vitest';
import { governmentService, isoDuration } from '../../generators/detail/jsonld.js';
import { procedureParts } from '../../generators/detail/parts.js';
import { BuildContext } from '../../generators/engine/context.js';
import { renderProcedurePage } from '../../generators/site/procedure.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { buildRegistry, fixtureVersions } from '../helpers/build-fixture.js';

function context(at: string, baseUrl?: string) {
  const { catalogue, diagnostics } = catalogueFromObjects({ versions: fixtureVersions(), registry: buildRegistry() });
  expect(diagnostics).toEqual([]);
  return new BuildContext(catalogue, at, { baseUrl });
}

function entry(ctx: BuildContext, code: string) {
  return ctx.procedures.find((p) => p.code === code)!;
}

const TT244 = 'Điều 4 Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp';

// The one public page of a procedure is the site's (procedures/<code>.html is no longer written): its parts model and banner.
const renderPage = (ctx: BuildContext, e: ReturnType<typeof entry>) => renderProcedurePage(ctx, e, undefined);

describe('procedure detail', () => {
  it('states every part in the Phần II order, in Vietnamese worked out from the spec', () => {
    const ctx = context('2025-06-01');
    const parts = procedureParts(ctx, entry(ctx, '2.000488').shown);
    expect(parts.map((p) => `${p.number}. ${p.title}`)).toEqual([
      '1. Trình tự thực hiện',
      '2. Cách thức thực hiện',
      '3. Thành phần, số lượng hồ sơ',
      '4. Thời hạn giải quyết',
      '5. Đối tượng thực hiện thủ tục hành chính',
      '6. Cơ quan thực hiện thủ tục hành chính',
      '7. Kết quả thực hiện thủ tục hành chính',
      '8. Phí, lệ phí',
      '9. Tên mẫu đơn, mẫu tờ khai',
      '10. Yêu cầu, điều kiện thực hiện thủ tục hành chính',
      '11. Căn cứ pháp lý của thủ tục hành chính',
    ]);
    const [steps, channels, dossier, timeLimit, subjects, agencies, results, fees, forms, requirements, basis] = parts.map((p) => p.blocks);
    expect(steps).toEqual([
      {
        list: ['Bước 1: Nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp và giấy tờ kèm theo.', 'Bước 2 (Sở Tư pháp): Sở Tư pháp tra cứu, xác minh và cấp Phiếu lý lịch tư pháp. Thời gian thực hiện: 10 ngày làm việc.'],
        ordered: false,
      },
    ]);
    const limit = '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc';
    const student = 'Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh: 100.000 đồng/lần (trường hợp người yêu cầu là sinh viên, học sinh)';
    const extra = 'Phí cấp thêm Phiếu lý lịch tư pháp: 5.000 đồng/bản × (Số bản Phiếu lý lịch tư pháp − 2)';
    expect(channels).toEqual([
      {
        table: {
          headers: ['Hình thức nộp', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mô tả'],
          rows: [
            [['Trực tiếp'], [limit], ['Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh)', student, extra], ['Sở Tư pháp nơi thường trú']],
            [['Trực tuyến'], [limit], [student, 'Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến: 100.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh)', extra], ['Nộp qua: Cổng Dịch vụ công quốc gia', 'Dịch vụ công trực tuyến một phần']],
            [['Dịch vụ bưu chính'], [limit], ['Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (trừ trường hợp người yêu cầu là sinh viên, học sinh)', student, extra], ['Qua dịch vụ bưu chính công ích đến Sở Tư pháp']],
          ],
        },
      },
    ]);
    expect(dossier).toEqual([
      {
        table: {
          headers: ['Tên thành phần hồ sơ', 'Mẫu đơn, tờ khai', 'Số lượng'],
          rows: [
            [['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp'], ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)'], ['01 bản chính']],
            [['Bản chụp Thẻ Căn cước'], [], ['01 bản sao']],
            [['Giấy tờ chứng minh nơi cư trú ở nước ngoài', 'Trường hợp nơi cư trú của người yêu cầu là Nước ngoài.'], [], ['01 bản sao có chứng thực']],
            [['Văn bản ủy quyền', 'Trường hợp nộp hồ sơ qua dịch vụ bưu chính công ích.'], [], ['01 bản chính']],
          ],
        },
      },
      { paragraph: 'Số lượng hồ sơ: 01 bộ.' },
    ]);
    expect(timeLimit).toEqual([
      { paragraph: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.' },
      { list: ['Trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc. Căn cứ: Điều 48 Luật Lý lịch tư pháp số 28/2009/QH12.'], ordered: false },
    ]);
    expect(subjects).toEqual([{ list: ['Công dân Việt Nam'], ordered: false }]);
    expect(agencies).toEqual([{ list: ['Cơ quan có thẩm quyền quyết định: Sở Tư pháp.', 'Cơ quan trực tiếp thực hiện: Sở Tư pháp.'], ordered: false }]);
    expect(results).toEqual([{ list: ['Phiếu lý lịch tư pháp số 1. Thời hạn hiệu lực: không thời hạn; có bản điện tử.'], ordered: false }]);
    expect(fees).toEqual([
      {
        list: [
          `Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (nộp trực tiếp, dịch vụ bưu chính; trừ trường hợp người yêu cầu là sinh viên, học sinh). Căn cứ: ${TT244}.`,
          `${student}. Căn cứ: ${TT244}.`,
          `Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến: 100.000 đồng/lần (nộp trực tuyến; trừ trường hợp người yêu cầu là sinh viên, học sinh). Căn cứ: ${TT244}.`,
          `${extra}. Căn cứ: ${TT244}.`,
        ],
        ordered: false,
      },
    ]);
    expect(forms).toEqual([{ list: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP).'], ordered: false }]);
    expect(requirements).toEqual([{ list: ['Người yêu cầu là công dân Việt Nam hoặc người nước ngoài đã hoặc đang cư trú tại Việt Nam. Căn cứ: Điều 7 Luật Lý lịch tư pháp số 28/2009/QH12.'], ordered: false }]);
    expect(basis).toEqual([
      { list: ['Luật Lý lịch tư pháp số 28/2009/QH12.', 'Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp.'], ordered: false },
    ]);
  });

  it('says "Miễn phí", "Ngay trong ngày" and "Không" where the spec has no fee, no delay and no condition', () => {
    const ctx = context('2025-06-01');
    const parts = procedureParts(ctx, entry(ctx, '1.000656').shown);
    expect(parts[7]!.blocks).toEqual([{ paragraph: 'Miễn phí.' }]);
    expect(parts[3]!.blocks).toEqual([{ paragraph: 'Ngay trong ngày nhận đủ hồ sơ hợp lệ.' }]);
    expect(parts[9]!.blocks).toEqual([{ paragraph: 'Không.' }]);
    expect((parts[0]!.blocks[0] as { list: string[] }).list[1]).toBe('Bước 2: Công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ hộ tịch. Thời gian thực hiện: ngay trong ngày.');
  });

  it('explains when a procedure is about to change, not yet in force, or repealed', () => {
    const ctx = context('2025-06-01');
    const banner = (code: string) => /<p class="banner" role="note">([^<]*)<\/p>/.exec(String(renderPage(ctx, entry(ctx, code)).content))?.[1];
    // Named by the amending document, not the version id (issue 18 point 11).
    expect(banner('1.001193')).toBe('Từ ngày 01/01/2026 thủ tục được sửa đổi, bổ sung theo Điều 4 Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân.');
    expect(banner('1.999999')).toBe('Thủ tục chưa có hiệu lực: áp dụng từ ngày 01/01/2027.');
    expect(banner('1.000001')).toBe('Thủ tục đã bị bãi bỏ từ ngày 01/01/2024 theo Quyết định số 01/2023/QĐ-UBND ngày 01/11/2023 của Ủy ban nhân dân tỉnh bãi bỏ thủ tục hành chính. Nội dung dưới đây là phiên bản cuối cùng trước khi bãi bỏ.');
    expect(banner('1.000656')).toBeUndefined();
    const after = context('2026-03-01');
    const page = String(renderPage(after, entry(after, '1.001193')).content);
    expect(page).not.toContain('class="banner"');
    expect(page).toContain(
      '<tr class="current"><td data-label="Hiệu lực">Từ ngày 01/01/2026 (đang hiển thị)</td><td data-label="Văn bản quy định thay đổi">Điều 4 Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân',
    );
  });

  it('lays the page out in the official order, the history after the parts, each change linked to its section', () => {
    const ctx = context('2025-06-01');
    const page = String(renderPage(ctx, entry(ctx, '1.001193')).content);
    // The eleven parts in the order of the official record, then the form preview (a section of the
    // page since issue 15 folded site/forms/ into it), then the history.
    expect([...page.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1])).toEqual(['steps', 'channels', 'dossier', 'timeLimit', 'subjects', 'agencies', 'results', 'fees', 'forms', 'requirements', 'legalBasis', 'to-khai', 'lich-su']);
    // The fixture's 1.001193 has v1 (in force on 2025-06-01) and v2 from 2026-01-01: one change.
    expect([...page.matchAll(/<div id="(thay-doi-[^"]+)">/g)].map((m) => m[1])).toEqual(['thay-doi-v1--v2']);
    expect(page).toContain('<a href="#thay-doi-v1--v2">Xem thay đổi so với phiên bản có hiệu lực từ ngày 16/07/2020</a>');
  });

  it('describes the service in schema.org terms: operator, channels with their time limit (processingTime only for calendar time), fees as offers', () => {
    const ctx = context('2025-06-01', 'https://tthc.example.vn');
    expect(governmentService(ctx, entry(ctx, '2.000488'), 'procedures/2.000488.html')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      '@id': 'https://tthc.example.vn/procedures/2.000488.html',
      url: 'https://tthc.example.vn/procedures/2.000488.html',
      identifier: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      serviceType: 'Lý lịch tư pháp',
      serviceOperator: [{ '@type': 'GovernmentOrganization', name: 'Sở Tư pháp' }],
      areaServed: { '@type': 'Country', name: 'Việt Nam' },
      audience: [{ '@type': 'Audience', audienceType: 'Công dân Việt Nam' }],
      availableChannel: [
        { '@type': 'ServiceChannel', name: 'Trực tiếp', description: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc', serviceLocation: { '@type': 'Place', name: 'Sở Tư pháp nơi thường trú' } },
        { '@type': 'ServiceChannel', name: 'Trực tuyến', description: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc', serviceUrl: 'https://dichvucong.gov.vn' },
        { '@type': 'ServiceChannel', name: 'Dịch vụ bưu chính', description: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh về điều kiện đương nhiên được xóa án tích: 15 ngày làm việc', serviceLocation: { '@type': 'Place', name: 'Qua dịch vụ bưu chính công ích đến Sở Tư pháp' } },
      ],
      offers: [
        { '@type': 'Offer', name: 'Phí cung cấp thông tin lý lịch tư pháp', price: 200000, priceCurrency: 'VND', description: 'Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng/lần (nộp trực tiếp, dịch vụ bưu chính; trừ trường hợp người yêu cầu là sinh viên, học sinh)' },
        { '@type': 'Offer', name: 'Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh', price: 100000, priceCurrency: 'VND', description: 'Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh: 100.000 đồng/lần (trường hợp người yêu cầu là sinh viên, học sinh)' },
        { '@type': 'Offer', name: 'Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến', price: 100000, priceCurrency: 'VND', description: 'Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến: 100.000 đồng/lần (nộp trực tuyến; trừ trường hợp người yêu cầu là sinh viên, học sinh)' },
        { '@type': 'Offer', name: 'Phí cấp thêm Phiếu lý lịch tư pháp', price: 5000, priceCurrency: 'VND', description: 'Phí cấp thêm Phiếu lý lịch tư pháp: 5.000 đồng/bản × (Số bản Phiếu lý lịch tư pháp − 2)' },
      ],
    });
    const free = governmentService(ctx, entry(ctx, '1.000656'), 'procedures/1.000656.html');
    expect(free.offers).toEqual([{ '@type': 'Offer', name: 'Miễn phí', price: 0, priceCurrency: 'VND' }]);
    // Working days and working hours are not ISO 8601 durations (P10D reads as 10 calendar days): no processingTime, the description says it.
    expect([isoDuration({ value: 8, unit: 'hours' }), isoDuration({ value: 3, unit: 'months' }), isoDuration({ value: 15, unit: 'days' }), isoDuration({ value: 3, unit: 'working-days' }), isoDuration({ value: 0, unit: 'working-days' })]).toEqual([undefined, 'P3M', 'P15D', undefined, 'P0D']);
  });
});
