/**
 * Issue 16, point 12: an .xlsx that inflates far beyond its size (a deflate bomb) is refused at the
 * workbook limit (MAX_WORKBOOK_INFLATED_BYTES, 200 MiB) with one line naming the file, in bounded
 * time and memory. Before, a 3.3 MB workbook inflating to 3.2 GB took 7.2 GB of memory and then
 * overflowed the stack. The bomb is built in the test (about 300 KiB for 300 MiB of blank XML).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxTables } from '../../rules/import/formats/list-table.js';
import { MAX_WORKBOOK_INFLATED_BYTES, unzipParts, WorkbookTooLargeError } from '../../rules/import/formats/workbook.js';
import { readListFile } from '../../rules/import/formats/xlsx-list.js';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { xlsxBombBytes, xlsxBytes } from '../helpers/xlsx.js';
import { tally } from './tally.js';

const MiB = 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const src = path.join(work, 'src');
mkdirSync(src, { recursive: true });
const bomb = path.join(src, 'danh-sach-bom.xlsx');
const bombBytes = xlsxBombBytes(300 * MiB);
writeFileSync(bomb, bombBytes);

describe('a workbook that inflates past the limit is refused (issue 16 point 12)', () => {
  it('the limit is 200 MiB, and the crafted workbook is small but inflates past it', () => {
    expect(MAX_WORKBOOK_INFLATED_BYTES).toBe(200 * MiB);
    expect(bombBytes.length).toBeLessThan(1 * MiB);
    // The same bomb under a higher limit inflates whole: the test attacks what it says.
    const parts = unzipParts(xlsxBombBytes(8 * MiB), 'x.xlsx');
    expect(parts.get('xl/worksheets/sheet1.xml')!.length).toBeGreaterThan(8 * MiB);
  });

  it('both readers refuse it with an error naming the file, in bounded time and memory', async () => {
    for (const read of [() => readListFile(bomb, 'danh-sach-bom.xlsx'), () => readXlsxTables(bomb)]) {
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const error = await read().then(
        () => undefined,
        (e: unknown) => e,
      );
      const ms = performance.now() - started;
      const grew = process.memoryUsage().rss - rss;
      tally({ cases: 1, hangs: ms > 10_000 ? 1 : 0, crashes: error instanceof WorkbookTooLargeError ? 0 : 1 });
      expect(error).toBeInstanceOf(WorkbookTooLargeError);
      expect((error as Error).message).toBe(`${bomb} inflates to more than 200.0 MiB (the limit for a workbook); it was not read.`);
      expect(ms).toBeLessThan(10_000);
      // At most the limit itself is ever inflated (plus the runtime's slack).
      expect(grew).toBeLessThan(MAX_WORKBOOK_INFLATED_BYTES + 150 * MiB);
    }
  }, 60_000);

  it('tthc import says so in one line naming the file, and goes on with the other files', async () => {
    writeFileSync(path.join(src, 'danh-muc.xlsx'), xlsxBytes('Danh mục', [['Mã số', 'Tên', 'Cơ quan ban hành', 'Cơ quan thực hiện', 'Lĩnh vực'], ['1.001193', 'Đăng ký khai sinh', 'Bộ Tư pháp', 'UBND cấp xã', 'Hộ tịch']]));
    const r = await runTthc(['import', src, '--out', path.join(work, 'out'), '--format', 'xlsx-list', '--dry-run'], { env: { TTHC_LANG: 'en' } });
    const output = r.stdout + r.stderr;
    tally({ cases: 1, crashes: hasStackTrace(output) || r.code === null ? 1 : 0 });
    expect(hasStackTrace(output)).toBe(false);
    const lines = output.split('\n').filter((l) => l.includes('inflates to more than'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('danh-sach-bom.xlsx');
    expect(lines[0]).toContain('200.0 MiB');
    expect(output).toContain('List exports: 1 rows, 1 codes');
  }, 60_000);
});
