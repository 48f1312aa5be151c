/**
 * A minimal xlsx writer for tests: one sheet of inline strings, with merged ranges. Provinces'
 * workbooks merge letterhead cells and group cells (one "Lĩnh vực" over several rows); the reader
 * must see what an officer sees, so the tests need workbooks with real <mergeCell> ranges.
 */
import { crc32, constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** rows[r][c] is the text of a cell (null for none); merges as "A1:F1". */
export function xlsxBytes(sheet: string, rows: (string | null)[][], merges: string[] = []): Uint8Array {
  const data = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => (v === null ? '' : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escape(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
  const mergeXml = merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${mergeXml}</worksheet>`),
  });
}

/**
 * A small workbook whose one sheet inflates to `inflatedBytes` of blank XML (a deflate bomb), built
 * without ever holding the inflated sheet: a raw deflate stream may be cut at sync-flush points and
 * joined, so one compressed megabyte of spaces is repeated. 300 MiB compress to about 300 KiB.
 */
export function xlsxBombBytes(inflatedBytes: number): Uint8Array {
  const MB = 1024 * 1024;
  const head = strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = strToU8('</sheetData></worksheet>');
  const blank = new Uint8Array(MB).fill(0x20);
  const flush = (data: Uint8Array) => deflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const count = Math.ceil(inflatedBytes / MB);
  const blankDeflated = flush(blank);
  const pieces = [flush(head), ...Array.from({ length: count }, () => blankDeflated), deflateRawSync(tail)];
  let crc = crc32(head);
  for (let i = 0; i < count; i++) crc = crc32(blank, crc);
  crc = crc32(tail, crc);
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(pieces), crc, size: head.length + count * MB + tail.length };
  const normal = unzipSync(xlsxBytes('Danh mục', [['Mã số']]));
  delete normal['xl/worksheets/sheet1.xml'];
  const entries = [...Object.entries(normal).map(([name, plain]) => ({ name, data: deflateRawSync(plain), crc: crc32(plain), size: plain.length })), sheet];
  return zipOf(entries);
}

/** A zip of already-deflated entries (method 8), with their CRC-32 and inflated sizes. */
function zipOf(entries: { name: string; data: Uint8Array; crc: number; size: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
