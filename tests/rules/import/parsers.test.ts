import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../../rules/import/codes.js';
import { parseLabelledCounts, splitDocumentChunk } from '../../../rules/import/documents.js';
import { parseAmount, parseLabelledFees, readPortalFees } from '../../../rules/import/fees.js';
import { findNumbers, inferDocument, parseVnDate, repairSign, splitPortalLegalBasis } from '../../../rules/import/legal.js';
import { splitPortalChannels, splitPortalDossier, splitPortalResults } from '../../../rules/import/formats/portal-2025.js';
import { splitSteps } from '../../../rules/import/steps.js';
import { cleanText, isNoData } from '../../../rules/import/text.js';
import { findTimes, parseTimeCell, wordsToNumber } from '../../../rules/import/time.js';
import { parseLevels, parseSubjects } from '../../../rules/import/vocabulary.js';

describe('text', () => {
  it('normalises NFD, mixed marks and U+00A0', () => {
    // "Cục Quân y" as the national export writes it: u + U+0323, and a no-break space.
    expect(cleanText('Cu\u0323c\u00a0Qu\u00e2n y')).toBe('Cục Quân y');
    expect(cleanText('Cục Quân y')).toBe('Cục Quân y'.normalize('NFC'));
  });
  it('reads "Không có thông tin" and empty as no data, "Không quy định" as a statement', () => {
    expect(isNoData('Không có thông tin')).toBe(true);
    expect(isNoData(' ')).toBe(true);
    expect(isNoData('Không quy định')).toBe(false);
  });
});

describe('codes', () => {
  it('repairs the annexes’ typos and says how', () => {
    expect(normaliseCode('1,010817')).toEqual({ code: '1.010817', repair: '1,010817 → 1.010817: comma instead of the dot' });
    expect(normaliseCode('1.01417').code).toBe('1.014170');
    expect(normaliseCode('1.001612.000.00.00.H01')).toEqual({ code: '1.001612.000.00.00.H01' });
    expect(normaliseCode('QĐ/0001-BCA').code).toBeUndefined();
  });
});

describe('time limits', () => {
  it('parses value and unit', () => {
    expect(parseTimeCell('05 Ngày làm việc')).toEqual({ kind: 'time', value: 5, unit: 'working-days' });
    expect(parseTimeCell('30 Ngày')).toEqual({ kind: 'time', value: 30, unit: 'days' });
    expect(parseTimeCell('01 Giờ')).toEqual({ kind: 'time', value: 1, unit: 'hours' });
    expect(parseTimeCell('0.5 Giờ')).toEqual({ kind: 'time', value: 0.5, unit: 'hours' });
    expect(parseTimeCell('12 Tháng')).toEqual({ kind: 'time', value: 12, unit: 'months' });
    expect(parseTimeCell('5')).toEqual({ kind: 'bare', value: 5 });
    expect(parseTimeCell('Không quy định')).toEqual({ kind: 'not-regulated' });
    expect(parseTimeCell('Không có thông tin')).toEqual({ kind: 'none' });
    expect(parseTimeCell('Chậm nhất là ngay trước khi tàu rời cảng')).toEqual({ kind: 'text', text: 'Chậm nhất là ngay trước khi tàu rời cảng' });
  });
  it('reads numbers written in words', () => {
    expect(wordsToNumber('muoi lam')).toBe(15);
    expect(wordsToNumber('ba muoi')).toBe(30);
    expect(wordsToNumber('hai muoi mot')).toBe(21);
    expect(wordsToNumber('mot tram hai muoi')).toBe(120);
  });
  it('finds time limits in prose, in digits and in words, and skips dates and clock times', () => {
    const times = (t: string) => findTimes(t).map((x) => [x.value, x.unit]);
    expect(times('Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý')).toEqual([[30, 'days']]);
    expect(times('trong thời hạn mười lăm ngày làm việc kể từ ngày nhận đủ hồ sơ')).toEqual([[15, 'working-days']]);
    expect(times('Chậm nhất 01 (một) giờ kể từ khi Biên phòng tiếp nhận')).toEqual([[1, 'hours']]);
    expect(times('Thông tư ngày 11 tháng 11 năm 2016; nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn')).toEqual([]);
  });
});

describe('fees', () => {
  it('reads the national export’s labelled fees', () => {
    const one = (t: string) => parseLabelledFees(t).cell;
    expect(one('Phí : 0 Đồng')).toEqual({ kind: 'items', items: [{ kind: 'phi', amount: 0, currency: 'VND' }] });
    expect(one('Phí : o Đồng')).toEqual({ kind: 'items', items: [{ kind: 'phi', amount: 0, currency: 'VND', letterO: true }] });
    expect(one('Phí :  Đồng')).toEqual({ kind: 'items', items: [{ kind: 'phi', amount: undefined, currency: 'VND' }] });
    expect(one('Lệ phí : 1.5 USD')).toEqual({ kind: 'items', items: [{ kind: 'le-phi', amount: 1.5, currency: 'USD' }] });
    const tiers = one('Phí : 2.000.000 Đồng (Thẩm định nghiên cứu)\nPhí : 3.500.000 Đồng (Thẩm định thăm dò)');
    expect(tiers.kind === 'items' && tiers.items.map((i) => [i.amount, i.note])).toEqual([
      [2000000, 'Thẩm định nghiên cứu'],
      [3500000, 'Thẩm định thăm dò'],
    ]);
    const prose = one('Phí : Mức thu bằng 50% mức thu phí quy định tại Mục I Đồng (Thông tư số 64/2025/TT-BTC)');
    expect(prose.kind === 'items' && prose.items[0]!.amountText).toBe('Mức thu bằng 50% mức thu phí quy định tại Mục I');
  });
  it('reads the portal’s amounts and notes', () => {
    expect(readPortalFees('2,000,000 Việt Nam Đồng(/giao dịch)Mô tả')).toEqual({
      cell: { kind: 'items', items: [{ kind: undefined, amount: 2000000, currency: 'VND', note: '/giao dịch', unit: 'giao dịch' }] },
      length: '2,000,000 Việt Nam Đồng(/giao dịch)'.length,
    });
    expect(readPortalFees('Miễn phí(Không có)Nộp hồ sơ')?.cell).toEqual({ kind: 'free', note: 'Không có' });
    expect(parseAmount('50,000', 'VND')).toBe(50000);
    expect(parseAmount('2.000.000', 'VND')).toBe(2000000);
    expect(parseAmount('0.5', 'USD')).toBe(0.5);
  });
});

describe('documents', () => {
  it('reads copy counts from ghi_chu and the old portal', () => {
    expect(parseLabelledCounts('Bản chính: 1\nBản sao: 0')).toEqual({ originals: 1, copies: 0 });
    expect(parseLabelledCounts('Bản chính: 0 - Bản sao: 5')).toEqual({ originals: 0, copies: 5 });
  });
  it('splits form files off a glued document name', () => {
    expect(splitDocumentChunk('Đề án khai thác nước theo Mẫu 45, Mẫu 48, Phụ lục I Nghị định số 23/2026/NĐ-CPMau45.docxMau48.docx')).toEqual({
      name: 'Đề án khai thác nước theo Mẫu 45, Mẫu 48, Phụ lục I Nghị định số 23/2026/NĐ-CP',
      forms: ['Mau45.docx', 'Mau48.docx'],
      formsGlued: false,
    });
  });
  it('splits the portal’s glued dossier: groups, present, counts glued to digits, a count inside a name', () => {
    const raw =
      '* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngHộ chiếu0 bản chính* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo Mẫu số 181 bản chínhHóa đơn: 01 bản chính;1 bản chínhBản sao giấy phép0 bản chính,1 bản sao';
    const { documents, parsed } = splitPortalDossier(raw);
    expect(parsed).toBe(true);
    expect(documents.map((d) => [d.name, d.counts, d.present ?? false, d.group])).toEqual([
      ['Hộ chiếu', { originals: 0, copies: 0 }, true, '* Giấy tờ phải xuất trình'],
      ['Tờ khai theo Mẫu số 18', { originals: 1, copies: 0 }, false, '* Giấy tờ phải nộp'],
      ['Hóa đơn: 01 bản chính;', { originals: 1, copies: 0 }, false, '* Giấy tờ phải nộp'],
      ['Bản sao giấy phép', { originals: 0, copies: 1 }, false, '* Giấy tờ phải nộp'],
    ]);
  });
});

describe('channels (portal)', () => {
  it('splits the glued table and ignores channel names inside descriptions', () => {
    const raw =
      'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc145 USD(Thẻ tạm trú: 145 USD/thẻ.)Trực tuyến: nộp hồ sơ qua Cổng dịch vụ công.Trực tiếp60 Ngày làm việcKhông có thông tinThời hạn không quá 30 ngày.';
    const { channels } = splitPortalChannels(raw);
    expect(channels.map((c) => [c.kind, c.time, c.fee, c.description])).toEqual([
      ['online', { kind: 'time', value: 5, unit: 'working-days' }, { kind: 'items', items: [{ kind: undefined, amount: 145, currency: 'USD', note: 'Thẻ tạm trú: 145 USD/thẻ.' }] }, 'Trực tuyến: nộp hồ sơ qua Cổng dịch vụ công.'],
      ['in-person', { kind: 'time', value: 60, unit: 'working-days' }, { kind: 'none' }, 'Thời hạn không quá 30 ngày.'],
    ]);
  });
  it('splits a bare time glued to the fee by the amount the note states', () => {
    const { channels } = splitPortalChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)');
    expect(channels[0]!.time).toEqual({ kind: 'bare', value: 1 });
    expect(channels[0]!.fee).toEqual({ kind: 'items', items: [{ kind: undefined, amount: 20, currency: 'VND', note: '20.000 vnđ /tờ khai' }] });
  });
});

describe('legal basis', () => {
  it('splits the title from a number glued to a year', () => {
    const { entries } = splitPortalLegalBasis(
      'Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Quy định quy trình11/2015/TT-BCANghị định 05/2012/NĐ-CP05/2012/NĐ-CP',
    );
    expect(entries.map((e) => [e.title, e.number])).toEqual([
      ['Hướng dẫn xử lý khiếu nại', '68/2013/TT-BCA'],
      ['Luật Khiếu nại năm 2011', '02/2011/QH13'],
      ['Quy định quy trình', '11/2015/TT-BCA'],
      ['Nghị định', '05/2012/NĐ-CP'],
      ['', '05/2012/NĐ-CP'],
    ]);
  });
  it('reads signs glued to the next title, joint circulars and numbers without a year', () => {
    expect(findNumbers('Pháp lệnh 06/2013/UBTVQH1306/2013/UBTVQH13Thông tư').map((n) => n.number)).toEqual(['06/2013/UBTVQH13', '06/2013/UBTVQH13']);
    expect(findNumbers('61/2025/TT-NHNNsố 1/2020/QĐ-TTgVề 5/2020/NĐ-CPNGHỊ ĐỊNH').map((n) => n.number)).toEqual(['61/2025/TT-NHNN', '1/2020/QĐ-TTg', '5/2020/NĐ-CP']);
    expect(findNumbers('191/2005/TTLT/BQP-BLĐTBXH-BTC và 4472/QĐ-BTC ngày 16/02/2024').map((n) => n.number)).toEqual(['191/2005/TTLT/BQP-BLĐTBXH-BTC', '4472/QĐ-BTC']);
  });
  it('infers type and issuer from the number', () => {
    expect(inferDocument('02/2011/QH13', 'Luật Khiếu nại')).toEqual({ type: 'law', issuer: 'Quốc hội', typeFromTitle: true });
    expect(inferDocument('68/2023/QH15', 'Nghị quyết về …').type).toBe('na-resolution');
    expect(inferDocument('123/2015/NĐ-CP').type).toBe('decree');
    expect(inferDocument('66.7/2025/NQ-CP').type).toBe('government-resolution');
    expect(inferDocument('12/2021/QĐ-TTg')).toEqual({ type: 'pm-decision', issuer: 'Thủ tướng Chính phủ', typeFromTitle: false });
    expect(inferDocument('02/2017/TT-VPCP')).toEqual({ type: 'circular', issuer: 'Văn phòng Chính phủ', typeFromTitle: false });
    expect(inferDocument('21/2008/TTLT-BQP-BLĐTBXH-BTC').type).toBe('joint-circular');
    expect(inferDocument('4472/QĐ-BTC')).toEqual({ type: 'decision', issuer: 'Bộ Tài chính', typeFromTitle: false });
    expect(repairSign('123/2015/ND-CP')).toEqual({ number: '123/2015/NĐ-CP', repaired: true });
    expect(parseVnDate('16-02-2024')).toBe('2024-02-16');
    expect(parseVnDate('30-02-2024')).toBeUndefined();
  });
});

describe('steps, levels, subjects, results', () => {
  it('splits numbered steps and keeps a mention of a step inside one', () => {
    const { steps, preamble } = splitSteps('Chuẩn bị hồ sơ.\nBước 1. Nộp hồ sơ như tại Bước 2 nêu; Bước 2. Trong thời hạn 10 ngày, cơ quan xử lý; Bước 3: Trả kết quả.');
    expect(preamble).toBe('Chuẩn bị hồ sơ.');
    expect(steps).toEqual(['Nộp hồ sơ như tại Bước 2 nêu', 'Trong thời hạn 10 ngày, cơ quan xử lý', 'Trả kết quả.']);
  });
  it('splits at a marker after a blank line or spaces around a line break (this walked back forever before)', () => {
    // After the first line break was seen, the walk back stopped moving: "\n\nBước 2" hung the import.
    expect(splitSteps('Bước 1. Nộp hồ sơ.\n\nBước 2. Nhận kết quả.').steps).toEqual(['Nộp hồ sơ.', 'Nhận kết quả.']);
    expect(splitSteps('Bước 1: Nộp hồ sơ \n  - Bước 2: Thẩm định \r\n Bước 3: Trả kết quả').steps).toEqual(['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả']);
    expect(splitSteps('Nộp tại Bước 1\n\n\nrồi chờ').numbered).toBe(false);
  });
  it('reads levels in any capitalisation and subjects with commas inside', () => {
    expect(parseLevels('Cấp bộ, Cấp Tỉnh, Cấp xã, Cơ quan khác')).toEqual({ levels: ['central', 'province', 'commune', 'other'], unknown: [] });
    expect(parseSubjects('Cán bộ, công chức, viên chức, Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp Việt Nam')).toEqual([
      { kind: 'public-servant' },
      { kind: 'organisation' },
      { kind: 'other', label: 'Doanh nghiệp Việt Nam' },
    ]);
  });
  it('splits results with their codes and drops the page controls', () => {
    const r = splitPortalResults('Giấy phépMã: KQ.G01.000075Thông báo từ chốiMã: KQ.G01.000076Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Nộp hồ sơ');
    expect(r).toEqual({ results: [{ name: 'Giấy phép', code: 'KQ.G01.000075' }, { name: 'Thông báo từ chối', code: 'KQ.G01.000076' }] });
  });
});
