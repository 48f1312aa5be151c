/**
 * Issue 16, point 13: a working calendar is held to its size limit (MAX_CALENDAR_BYTES, 1 MiB)
 * before it is read, whether given with --calendar or found in a catalogue. Before, a 53 MB calendar
 * was under the 64 MiB registry limit: it was parsed whole (1.6 GB) before its schema refused it, and
 * a valid calendar padded with blanks was accepted.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalendarFile } from '../../rules/load/calendar-file.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { MAX_CALENDAR_BYTES } from '../../rules/load/layout.js';
import { hasStackTrace, REPO, runTthc } from '../helpers/cli.js';
import { tally } from './tally.js';

const MiB = 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-calendar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bundled = readFileSync(path.join(REPO, 'catalogue/calendars/vn.json'), 'utf8');

/** The bundled calendar, still valid JSON and a valid calendar, padded with blanks to `size` bytes. */
function padded(size: number): string {
  return bundled.replace(/\n$/, '') + ' '.repeat(size - Buffer.byteLength(bundled)) + '\n';
}

/** A 53 MB file, sparse: only its first bytes are written, the rest is a hole. */
function huge(file: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, bundled);
  ftruncateSync(fd, 53 * 1000 * 1000);
  closeSync(fd);
}

describe('a working calendar over its limit is refused before it is read (issue 16 point 13)', () => {
  it('the limit is 1 MiB, and a calendar just under it is read', async () => {
    expect(MAX_CALENDAR_BYTES).toBe(1 * MiB);
    mkdirSync(path.join(work, 'under'));
    const file = path.join(work, 'under', 'vn.json');
    writeFileSync(file, padded(MAX_CALENDAR_BYTES));
    const { data, diagnostics } = await loadCalendarFile(file);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(data?.id).toBe('vn');
  });

  it('a valid calendar padded past the limit, and a 53 MB one, are refused by their size in bounded time and memory', async () => {
    const over = path.join(work, 'over.json');
    writeFileSync(over, padded(MAX_CALENDAR_BYTES + 1));
    const big = path.join(work, 'big.json');
    huge(big);
    for (const [file, size] of [
      [over, '1.0 MiB'],
      [big, '50.5 MiB'],
    ] as const) {
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const { data, diagnostics } = await loadCalendarFile(file);
      const ms = performance.now() - started;
      tally({ cases: 1, hangs: ms > 2000 ? 1 : 0 });
      expect(data).toBeUndefined();
      expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['io/too-large', `File is ${size}, over the 1.0 MiB limit for a working calendar; it was not read.`]]);
      expect(ms).toBeLessThan(2000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(20 * MiB);
    }
  });

  it('tthc due --calendar with the 53 MB file: one line, exit 2, at once', async () => {
    const big = path.join(work, 'due-big.json');
    huge(big);
    const started = performance.now();
    const r = await runTthc(['due', '--from', '2026-03-02', '--days', '5', '--calendar', big], { env: { TTHC_LANG: 'en' } });
    const ms = performance.now() - started;
    tally({ cases: 1, crashes: hasStackTrace(r.stdout + r.stderr) ? 1 : 0, hangs: ms > 10_000 ? 1 : 0 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(big);
    expect(r.stderr).toContain('over the 1.0 MiB limit for a working calendar');
    expect(ms).toBeLessThan(10_000);
  });

  it("a catalogue's calendars/ file over the limit is an error of the catalogue, not read", async () => {
    const dir = path.join(work, 'catalogue');
    mkdirSync(path.join(dir, 'calendars'), { recursive: true });
    writeFileSync(path.join(dir, 'calendars', 'vn.json'), padded(MAX_CALENDAR_BYTES + 1));
    const { diagnostics, catalogue } = await loadCatalogue(dir);
    tally({ cases: 1 });
    expect(diagnostics.filter((d) => d.file.endsWith('calendars/vn.json')).map((d) => [d.ruleId, d.message])).toEqual([['io/too-large', 'File is 1.0 MiB, over the 1.0 MiB limit for a working calendar; it was not read.']]);
    expect(catalogue.auxiliary.has('calendars/vn.json')).toBe(false);
  });
});
