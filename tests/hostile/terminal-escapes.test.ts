/**
 * Issue 16, point 14: control characters from input (an imported code holding ESC ] 0 ;, a fact
 * name, a code on the command line) never reach the terminal raw. Every CLI message goes through one
 * escape (safeForTerminal, cli/output.ts), in both languages.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, hasStackTrace, runTthc } from '../helpers/cli.js';
import { tally } from './tally.js';

const FIXTURES = path.join(REPO, 'tests/fixtures/realworld/national-db-export');
const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-escapes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TITLE = '\u001b]0;pwned\u0007';

function recordWithCode(code: string): string {
  const record = JSON.parse(readFileSync(path.join(FIXTURES, readdirSync(FIXTURES).sort()[0]!), 'utf8'));
  record.thu_tuc_id = code;
  record.metadata['mã_thủ_tục'] = code;
  return JSON.stringify(record);
}

describe('control characters from input are escaped in every CLI message', () => {
  it('an imported code holding ESC ] 0 ; is reported escaped, in Vietnamese and in English', async () => {
    const src = path.join(work, 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, 'a.json'), recordWithCode(`1.0${TITLE}\u009b2J`));
    for (const lang of ['', 'en']) {
      const r = await runTthc(['import', src, '--out', path.join(work, `out-${lang || 'vi'}`), '--format', 'national-db-export', '--dry-run'], { env: { TTHC_LANG: lang } });
      expect(r.code).toBe(1);
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain('\\u001b]0;pwned\\u0007');
    }
  });

  it('a file name holding ESC ] 0 ; in an import report is escaped', async () => {
    const src = path.join(work, 'names');
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, `danh-sach${TITLE}.xlsx`), 'not a zip');
    const r = await runTthc(['import', src, '--out', path.join(work, 'out-names'), '--format', 'xlsx-list', '--dry-run'], { env: { TTHC_LANG: 'en' } });
    tally({ cases: 1, crashes: hasStackTrace(r.stdout + r.stderr) ? 1 : 0, leaks: RAW_CONTROL.test(r.stdout + r.stderr) ? 1 : 0 });
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('danh-sach\\u001b]0;pwned\\u0007.xlsx: Not a readable xlsx list');
  });

  it('--fact __proto__=1 is an ordinary unknown fact name, never "[object Object]"', async () => {
    for (const [lang, expected] of [
      ['', 'không có thông tin "__proto__"'],
      ['en', 'has no fact "__proto__"'],
    ] as const) {
      const r = await runTthc(['fee', '1.001193', '--fact', '__proto__=1', '--fact', 'constructor=2'], { env: { TTHC_LANG: lang } });
      tally({ cases: 1, crashes: hasStackTrace(r.stderr) ? 1 : 0 });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).not.toContain('[object Object]');
    }
  });

  it('codes, references and fact names on the command line, in errors', async () => {
    for (const args of [
      ['show', `9.9${TITLE}`],
      ['due', `9.9${TITLE}`, '--from', '2026-03-02'],
      ['fee', '1.001193', '--fact', `x${TITLE}=1`],
      ['diff', `x${TITLE}@v1`],
      ['publish', `x${TITLE}@v1`],
      ['rules', `x${TITLE}`],
      ['validate', `/nonexistent/${TITLE}`],
      [`--bogus${TITLE}`],
    ]) {
      for (const lang of ['', 'en']) {
        const r = await runTthc(args, { env: { TTHC_LANG: lang } });
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(RAW_CONTROL);
        expect(r.stderr, args.join(' ')).toContain('\\u001b]0;pwned\\u0007');
      }
    }
  });
});
