import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyListCode, isTestRow } from '../../../rules/import/list-codes.js';
import { decodeText, parseCsvText, readCsvTable, readXlsxTables } from '../../../rules/import/formats/list-table.js';
import { onlineLevelOf, readProvincialList, roleOfHeader } from '../../../rules/import/formats/provincial-list.js';
import { xlsxBytes } from '../../helpers/xlsx.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '../../fixtures');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'tthc-lists-'));
const csv = (text: string, name = 'list.csv') => readProvincialList(parseCsvText(text, 'utf-8'), name);

describe('list codes', () => {
  it('reads the real shapes, national codes with their baseline, suffix and province', () => {
    expect(classifyListCode('1.003695.000.00.00.H36')).toEqual({ kind: 'national', code: '1.003695.000.00.00.H36', baseline: '1.003695', suffix: '000.00.00.H36', province: 'H36', repairs: [] });
    expect(classifyListCode('1.012275.H36')).toEqual({ kind: 'national', code: '1.012275.H36', baseline: '1.012275', suffix: 'H36', province: 'H36', repairs: [] });
    expect(classifyListCode('1.001234')).toEqual({ kind: 'national', code: '1.001234', baseline: '1.001234', repairs: [] });
  });

  it('repairs a missing first dot, stray spaces and a trailing dot, saying each', () => {
    expect(classifyListCode('1001193.000.00.00.H37')).toMatchObject({ kind: 'national', code: '1.001193.000.00.00.H37', baseline: '1.001193', province: 'H37', repairs: ['missing first dot (1001193 → 1.001193)'] });
    expect(classifyListCode('1.001193 .000.00.00.H37')).toMatchObject({ kind: 'national', code: '1.001193.000.00.00.H37', repairs: ['stray spaces removed'] });
    expect(classifyListCode('1.001886.000.00.00.H44.')).toMatchObject({ kind: 'national', code: '1.001886.000.00.00.H44', repairs: ['trailing dot removed'] });
    expect(classifyListCode('1,010817')).toMatchObject({ kind: 'national', code: '1.010817', repairs: ['comma instead of the dot'] });
  });

  it('never takes an internal code for a national one', () => {
    for (const code of ['CCCX_01', '2020STTTT_XBI05', '2018.NCC.19', '2020.KS.07', '2020SGDDT_GDDT28.', '2019X.TL.02', '10011930']) {
      expect(classifyListCode(code).kind, code).toBe('internal');
    }
    expect(classifyListCode('  ').kind).toBe('none');
  });

  it('knows a test row, and that a trial (thử nghiệm) in a name is no test', () => {
    expect(isTestRow('Thủ tục test')).toBe(true);
    expect(isTestRow('TEST 01')).toBe(true);
    expect(isTestRow('Vận hành thử nghiệm các công trình xử lý chất thải')).toBe(false);
    expect(isTestRow('Đăng ký khai sinh')).toBe(false);
  });
});

describe('headers and levels', () => {
  it('names columns in any case and wording', () => {
    expect(['Mã TTHC', 'MÃ SỐ', 'Mã thủ tục', 'mã số TTHC', 'Số hồ sơ TTHC', 'code', 'MA_THU_TUC'].map(roleOfHeader)).toEqual(Array(7).fill('code'));
    expect(['Tên TTHC', 'TÊN THỦ TỤC', 'Tên thủ tục hành chính', 'name'].map(roleOfHeader)).toEqual(Array(4).fill('name'));
    expect(['Lĩnh vực', 'LĨNH VỰC', 'field'].map(roleOfHeader)).toEqual(Array(3).fill('field'));
    expect(['Cơ quan thực hiện', 'CƠ QUAN GIẢI QUYẾT', 'org'].map(roleOfHeader)).toEqual(Array(3).fill('agency'));
    expect(['Mức độ DVC', 'MỨC ĐỘ DỊCH VỤ CÔNG TRỰC TUYẾN', 'level'].map(roleOfHeader)).toEqual(Array(3).fill('onlineLevel'));
    expect(['Quyết định công bố', 'Số QĐ công bố'].map(roleOfHeader)).toEqual(['decision', 'decision']);
    expect(['STT', 'Mã QR', 'Cơ quan ban hành'].map(roleOfHeader)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(roleOfHeader('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG')).toBeUndefined();
  });

  it('reads online levels old and new (NĐ 42/2022)', () => {
    expect(['Toàn trình', 'Một phần', 'Còn lại', 'Mức độ 4', 'Mức độ 3', 'Mức độ 2', 'gì đó'].map(onlineLevelOf)).toEqual(['full', 'partial', 'none', 'full', 'partial', 'none', undefined]);
  });
});

describe('the real provincial list (Lâm Đồng 2025, excerpt)', () => {
  const file = path.join(FIXTURES, 'realworld/provincial-lists/lam-dong-2025.csv');

  it('finds the header and says which column became what', async () => {
    const { list, headerLine } = readProvincialList(await readCsvTable(file), 'lam-dong-2025.csv');
    expect(headerLine).toBe(1);
    expect(list.province).toBe('H36');
    expect(list.source).toEqual({
      file: 'lam-dong-2025.csv',
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      columns: [
        { column: 1, role: 'code', by: 'header', header: 'code' },
        { column: 2, role: 'name', by: 'header', header: 'name' },
        { column: 3, role: 'field', by: 'header', header: 'field' },
        { column: 4, role: 'agency', by: 'header', header: 'org' },
        { column: 5, role: 'onlineLevel', by: 'header', header: 'level' },
      ],
    });
  });

  it('keeps each row with its baseline, suffix, name, field, agency and online level', async () => {
    const { list } = readProvincialList(await readCsvTable(file), 'lam-dong-2025.csv');
    expect(list.rows).toHaveLength(31);
    expect(list.rows[0]).toEqual({ line: 2, name: 'Đăng ký hành nghề', baseline: '1.012275', code: '1.012275.H36', suffix: 'H36', field: 'Khám bệnh, chữa bệnh', agency: 'Sở, ban ngành', onlineLevel: 'partial', onlineLevelText: 'Một phần' });
    expect(list.rows.find((r) => r.baseline === '1.013460')).toMatchObject({ code: '1.013460', line: 29 });
    expect(list.rows.find((r) => r.baseline === '1.013460')!.suffix).toBeUndefined();
    expect(list.rows.filter((r) => r.onlineLevelText?.startsWith('Mức độ')).map((r) => `${r.onlineLevelText}=${r.onlineLevel}`)).toEqual(['Mức độ 4=full', 'Mức độ 4=full', 'Mức độ 2=none']);
  });

  it('reports the same procedure listed once per agency', async () => {
    const { list, warnings } = readProvincialList(await readCsvTable(file), 'lam-dong-2025.csv');
    expect(list.duplicates).toEqual([
      { code: '1.005132.000.00.00.H36', lines: [23, 24], perAgency: true },
      { code: '2.000063.000.00.00.H36', lines: [26, 27], perAgency: true },
    ]);
    expect(warnings.map((w) => w.kind)).toEqual(['list-duplicate', 'list-duplicate']);
  });
});

describe('the real one-stop export (Phú Thọ 2022, excerpt)', () => {
  const file = path.join(FIXTURES, 'realworld/one-stop-export/phu-tho-2022.csv');

  it('has no header: the columns are recognised by what they hold', async () => {
    const { list, headerLine } = readProvincialList(await readCsvTable(file), 'phu-tho-2022.csv');
    expect(headerLine).toBeUndefined();
    expect(list.source.delimiter).toBe('|');
    expect(list.source.columns.map((c) => `${c.column}:${c.role}:${c.by}`)).toEqual(['1:agency:content', '3:localCode:content', '6:name:content', '8:code:content', '9:nationalName:content']);
    expect(list.province).toBe('H44');
  });

  it('keeps internal codes apart, maps what the system mapped, and joins a record cut by a line break', async () => {
    const { list, warnings } = readProvincialList(await readCsvTable(file), 'phu-tho-2022.csv');
    expect([list.rows.length, list.internal?.length, list.tests]).toEqual([20, 26, undefined]);
    expect(list.internal![0]).toEqual({ line: 2, name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ', localCode: '2020SGDDT_VBCC03', agency: 'Sở Giáo dục và Đào tạo' });
    expect(list.rows.find((r) => r.line === 4)).toEqual({
      line: 4,
      name: 'Công nhận trường Tiểu học đạt chuẩn quốc gia.',
      baseline: '1.000280',
      code: '1.000280.000.00.00.H44',
      suffix: '000.00.00.H44',
      localCode: '2020SGDDT_GDDT29.',
      nationalName: 'Công nhận trường tiểu học đạt chuẩn quốc gia',
      agency: 'Sở Giáo dục và Đào tạo',
    });
    // Line 40 ends inside the name; line 41 holds the rest of the record.
    const joined = list.rows.find((r) => r.line === 40)!;
    expect(joined).toMatchObject({ baseline: '1.001886', localCode: '2020.TGTN.01.', nationalName: 'Thủ tục đăng ký sửa đổi hiến chương của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh' });
    expect(warnings.filter((w) => w.kind === 'list-line-joined').map((w) => w.record)).toEqual(['phu-tho-2022.csv:40']);
    // A national code written in the local-code column, with nothing in the national one.
    expect(warnings.filter((w) => w.kind === 'list-code-from-local').map((w) => w.record)).toEqual(['phu-tho-2022.csv:1', 'phu-tho-2022.csv:30', 'phu-tho-2022.csv:31']);
    expect(list.rows.find((r) => r.line === 1)).toMatchObject({ baseline: '1.005092', code: '1.005092' });
    expect(warnings.filter((w) => w.kind === 'list-fragment').map((w) => w.record)).toEqual(['phu-tho-2022.csv:38']);
  });

  it('reports the same procedure once per district', async () => {
    const { list } = readProvincialList(await readCsvTable(file), 'phu-tho-2022.csv');
    expect(list.duplicates).toEqual([{ code: '1.004831.000.00.00.H44', lines: [15, 21, 33, 34], perAgency: true }]);
  });
});

describe('made-up awkward files', () => {
  it('letterhead rows, a BOM, semicolons, stray spaces, internal codes, a test row, a broken name and an extra QR column', () => {
    const text =
      '\ufeffỦY BAN NHÂN DÂN TỈNH Y;;;;;;\n' +
      'DANH MỤC THỦ TỤC HÀNH CHÍNH;;;;;;\n' +
      ';;;;;;\n' +
      'STT;MÃ SỐ TTHC;Tên thủ tục hành chính;LĨNH VỰC;Cơ quan thực hiện;Mức độ DVC;Mã QR\n' +
      '1;1.001193 .000.00.00.H37;Đăng ký khai sinh;Hộ tịch;UBND cấp xã;Một phần;https://qr/1\n' +
      '2;1000894.000.00.00.H37;"Đăng ký\nkết hôn";Hộ tịch;UBND cấp xã;Toàn trình;https://qr/2\n' +
      '3;1.000656.000.00.00.H37.;Đăng ký khai tử;Hộ tịch;UBND cấp xã;Còn lại;\n' +
      '4;CCCX_01;Xác nhận tình trạng hôn nhân (quy trình nội bộ);Hộ tịch;UBND cấp xã;;\n' +
      '5;;Thủ tục test;;;;\n' +
      '6;2.001583.000.00.00.H37;Đăng ký thành lập công ty trách nhiệm hữu hạn;Doanh nghiệp;Sở Tài chính;Toàn trình;\n' +
      ';;một thành viên;;;;\n';
    const { text: decoded, encoding } = decodeText(new TextEncoder().encode(text));
    expect(encoding).toBe('utf-8 (BOM)');
    const { list, warnings, headerLine } = readProvincialList(parseCsvText(decoded, encoding), 'y.csv');
    expect(headerLine).toBe(4);
    expect(list.source.delimiter).toBe(';');
    expect(list.source.columns.map((c) => `${c.column}:${c.header}:${c.role}`)).toEqual(['2:MÃ SỐ TTHC:code', '3:Tên thủ tục hành chính:name', '4:LĨNH VỰC:field', '5:Cơ quan thực hiện:agency', '6:Mức độ DVC:onlineLevel']);
    expect(list.rows.map((r) => [r.line, r.code, r.name, r.onlineLevel])).toEqual([
      [5, '1.001193.000.00.00.H37', 'Đăng ký khai sinh', 'partial'],
      [6, '1.000894.000.00.00.H37', 'Đăng ký kết hôn', 'full'],
      [8, '1.000656.000.00.00.H37', 'Đăng ký khai tử', 'none'],
      [11, '2.001583.000.00.00.H37', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'full'],
    ]);
    expect(list.internal).toEqual([{ line: 9, name: 'Xác nhận tình trạng hôn nhân (quy trình nội bộ)', localCode: 'CCCX_01', field: 'Hộ tịch', agency: 'UBND cấp xã' }]);
    expect(list.tests).toEqual([{ line: 10, name: 'Thủ tục test' }]);
    expect(warnings.map((w) => `${w.record} ${w.kind}`)).toEqual([
      'y.csv:5 list-code-repaired',
      'y.csv:6 list-code-repaired',
      'y.csv:8 list-code-repaired',
      'y.csv:9 list-internal-code',
      'y.csv:10 list-test-row',
      'y.csv:12 list-name-joined',
    ]);
    expect(warnings[0]!.message).toBe('1.001193 .000.00.00.H37 → 1.001193.000.00.00.H37: stray spaces removed.');
    expect(warnings[1]!.message).toBe('1000894.000.00.00.H37 → 1.000894.000.00.00.H37: missing first dot (1000894 → 1.000894).');
  });

  it('a Windows-1258 file (tones as combining bytes) and a Windows-1252 file, tab-delimited', async () => {
    const t1258 = await readCsvTable(path.join(FIXTURES, 'lists/windows-1258.csv'));
    expect([t1258.encoding, t1258.delimiter]).toEqual(['windows-1258', ';']);
    const l1258 = readProvincialList(t1258, 'w.csv').list;
    expect(l1258.rows.map((r) => [r.code, r.name, r.field, r.agency])).toEqual([
      ['1.001193.000.00.00.H37', 'Đăng ký khai sinh', 'Hộ tịch', 'Ủy ban nhân dân cấp xã'],
      ['1.000894.000.00.00.H37', 'Đăng ký kết hôn', 'Hộ tịch', 'Ủy ban nhân dân cấp xã'],
    ]);
    expect(l1258.rows[0]!.name).toBe(l1258.rows[0]!.name.normalize('NFC'));
    const t1252 = await readCsvTable(path.join(FIXTURES, 'lists/windows-1252.csv'));
    expect([t1252.encoding, t1252.delimiter]).toEqual(['windows-1252', '\t']);
    expect(readProvincialList(t1252, 'w.csv').list.rows.map((r) => r.name)).toEqual(['Café déjà vu', 'Crème brûlée licence']);
  });

  it('a workbook with a merged letterhead, a merged field over several rows, a decision column and a QR column', async () => {
    const file = path.join(tmp(), 'danh-muc.xlsx');
    writeFileSync(
      file,
      xlsxBytes(
        'Danh mục',
        [
          ['ỦY BAN NHÂN DÂN TỈNH Z', null, null, null, null, null],
          ['DANH MỤC TTHC', null, null, null, null, null],
          ['Mã thủ tục', 'Tên TTHC', 'Lĩnh vực', 'Cơ quan thực hiện', 'Quyết định công bố', 'QR code'],
          ['1.001193.H26', 'Đăng ký khai sinh', 'Hộ tịch', 'UBND cấp xã', '123/QĐ-UBND', 'qr1'],
          ['1.000894.H26', 'Đăng ký kết hôn', null, 'UBND cấp xã', null, 'qr2'],
          ['1.000656.H26', 'Đăng ký khai tử', null, 'UBND cấp xã', null, 'qr3'],
        ],
        ['A1:F1', 'A2:F2', 'C4:C6', 'E4:E5'],
      ),
    );
    const [table] = await readXlsxTables(file);
    expect(table!.mergedRanges).toBe(4);
    const { list, headerLine } = readProvincialList(table!, 'danh-muc.xlsx');
    expect(headerLine).toBe(3);
    expect(list.source.columns.map((c) => c.role)).toEqual(['code', 'name', 'field', 'agency', 'decision']);
    expect(list.rows.map((r) => [r.line, r.baseline, r.suffix, r.field, r.decision ?? null])).toEqual([
      [4, '1.001193', 'H26', 'Hộ tịch', '123/QĐ-UBND'],
      [5, '1.000894', 'H26', 'Hộ tịch', '123/QĐ-UBND'],
      [6, '1.000656', 'H26', 'Hộ tịch', null],
    ]);
    expect(list.province).toBe('H26');
  });
});

describe('tthc import of lists', () => {
  it('writes lists/<province>.json that the catalogue loader checks against the schema', async () => {
    const { importSources } = await import('../../../rules/import/importer.js');
    const { loadCatalogue } = await import('../../../rules/load/catalogue.js');
    const { listsOf } = await import('../../../rules/load/list-file.js');
    const out = tmp();
    const run = await importSources([path.join(FIXTURES, 'realworld/provincial-lists'), path.join(FIXTURES, 'realworld/one-stop-export')], { out });
    expect(run.provincialLists.map((l) => [l.record, path.relative(out, l.path), l.list.rows.length])).toEqual([
      ['provincial-lists/lam-dong-2025.csv', 'lists/h36.json', 31],
      ['one-stop-export/phu-tho-2022.csv', 'lists/h44.json', 20],
    ]);
    const { catalogue, diagnostics } = await loadCatalogue(out);
    expect(diagnostics.filter((d) => d.file.includes('lists/'))).toEqual([]);
    expect([...listsOf(catalogue).keys()]).toEqual(['lists/h36.json', 'lists/h44.json']);
    expect(JSON.parse(readFileSync(path.join(out, 'lists/h36.json'), 'utf8')).rows[0].code).toBe('1.012275.H36');
  });
});

describe('a provincial list file with errors', () => {
  it('gets positioned schema diagnostics, as every catalogue file does', async () => {
    const { loadListFile } = await import('../../../rules/load/list-file.js');
    const dir = tmp();
    const file = path.join(dir, 'h36.json');
    writeFileSync(file, '{\n  "source": { "file": "x.csv", "encoding": "utf-8", "columns": [] },\n  "rows": [\n    { "line": 2, "name": "Đăng ký khai sinh", "baseline": "1.00119" }\n  ]\n}\n');
    const { data, diagnostics } = await loadListFile(file);
    expect(data).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.column, d.pointer, d.ruleId])).toEqual([[4, 59, '/rows/0/baseline', 'schema/pattern']]);
  });
});
