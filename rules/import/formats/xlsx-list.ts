/**
 * The portal's official list exports, "DANH SÁCH THỦ TỤC HÀNH CHÍNH" (.xlsx): a banner (four lines
 * in the first row), then a header row Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực,
 * then one procedure per row.
 */
import readXlsxFile from 'read-excel-file/node';
import { openWorkbook } from './workbook.js';
import { normaliseCode } from '../codes.js';
import type { ListRow } from '../model.js';
import { cleanText, valueOf } from '../text.js';
import { foldVietnamese } from '../../text/vi/words.js';

const HEADER = ['ma so', 'ten', 'co quan ban hanh', 'co quan thuc hien', 'linh vuc'];

export interface ListFile {
  rows: ListRow[];
  /** Rows that are not procedures (no code at all), by row number, for the report. */
  skipped: { record: string; reason: string }[];
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cleanText(String(cell));
}

export async function readListFile(path: string, record: string): Promise<ListFile> {
  // Inflated here under the workbook limit; read-excel-file gets the parts, never the original zip.
  const sheets = await readXlsxFile((await openWorkbook(path)).zip);
  const out: ListFile = { rows: [], skipped: [] };
  for (const sheet of sheets) {
    const data = sheet.data as unknown[][];
    const headerAt = data.findIndex((row) => HEADER.every((h, i) => foldVietnamese(cellText(row[i])) === h));
    if (headerAt < 0) {
      out.skipped.push({ record: `${record}#${sheet.sheet}`, reason: 'No header row "Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực".' });
      continue;
    }
    data.slice(headerAt + 1).forEach((row, i) => {
      const rowRecord = `${record}#${sheet.sheet}!${headerAt + i + 2}`;
      const rawCode = cellText(row[0]);
      const name = cellText(row[1]);
      if (!rawCode && !name) return;
      const { code } = normaliseCode(rawCode);
      out.rows.push({ record: rowRecord, code, rawCode, name, issuer: valueOf(cellText(row[2])), agency: valueOf(cellText(row[3])), field: valueOf(cellText(row[4])) });
    });
  }
  return out;
}
