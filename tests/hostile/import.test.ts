import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runTthc, TTHC, hasStackTrace } from '../helpers/cli.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { tally } from './tally.js';

const FIXTURES = path.join(REPO, 'tests/fixtures/realworld/national-db-export');
const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) jsonFiles(abs, out);
    else if (name.endsWith('.json')) out.push(abs);
  }
  return out;
}

/** A national-database record with its code replaced. */
function recordWithCode(code: string, extra: Record<string, unknown> = {}): string {
  const record = JSON.parse(readFileSync(path.join(FIXTURES, readdirSync(FIXTURES).sort()[0]!), 'utf8'));
  record.thu_tuc_id = code;
  record.metadata['mã_thủ_tục'] = code;
  Object.assign(record.metadata, extra);
  return JSON.stringify(record);
}

describe('tthc import with hostile records', () => {
  it('codes that would escape the catalogue, or pollute prototypes, are rejected and nothing is written outside --out', async () => {
    const src = path.join(work, 'evil');
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, 'a.json'), recordWithCode('../../../../tmp/tthc-pwned'));
    writeFileSync(path.join(src, 'b.json'), recordWithCode('/etc/passwd'));
    writeFileSync(path.join(src, 'c.json'), recordWithCode('__proto__').replace('"metadata":{', '"metadata":{"__proto__":{"polluted":true},'));
    writeFileSync(path.join(src, 'd.json'), recordWithCode('1.013126\u202e.json'));
    const out = path.join(work, 'evil-out');
    const r = await runTthc(['import', src, '--out', out, '--format', 'national-db-export', '--report', path.join(work, 'evil-report.json')]);
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toContain('Imported 0 of 4 records');
    expect(r.stdout).toMatch(/No usable procedure code \(found "\.\.\/\.\.\/\.\.\/\.\.\/tmp\/tthc-pwned"\)/);
    expect(r.stdout).toContain('FAIL  some record imported: 0 of 4');
    expect(existsSync('/tmp/tthc-pwned')).toBe(false);
    expect(jsonFiles(path.join(out, 'procedures'))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('an import killed mid-way never leaves a half-written spec', () => {
  const src = path.join(work, 'many');
  const out = path.join(work, 'imported');
  const RECORDS = 300;

  beforeAll(() => {
    mkdirSync(src, { recursive: true });
    // 300 records: the fixture records again under fresh codes, so the import runs long enough to be interrupted.
    const fixtures = readdirSync(FIXTURES).sort();
    for (let i = 0; i < RECORDS; i++) {
      const record = JSON.parse(readFileSync(path.join(FIXTURES, fixtures[i % fixtures.length]!), 'utf8'));
      const code = `1.${String(900000 + i)}`;
      record.thu_tuc_id = code;
      record.metadata['mã_thủ_tục'] = code;
      writeFileSync(path.join(src, `${code}.json`), JSON.stringify(record));
    }
  });

  /** The import's progress, read from its output: the procedures it has begun writing. */
  const written = () => (existsSync(path.join(out, 'procedures')) ? readdirSync(path.join(out, 'procedures')).length : 0);

  /**
   * Kills are placed by progress, not by time: each import is killed once it has written up to a point
   * (5%, 15%, … 95% of the procedures, and always at least one more than the kills before left), so a
   * loaded machine that stretches the start-up or the parsing cannot move a kill before or after the
   * writing. A kill counts only if it landed mid-import: the child died by it, with the catalogue short.
   */
  it('after kills at 10 points every spec on disk is whole JSON, and a re-import completes the catalogue', async () => {
    let kills = 0;
    const points: number[] = [];
    for (let i = 0; i < 10; i++) {
      const target = Math.max(Math.round(((i + 0.5) / 10) * RECORDS), written() + 1);
      const result = await new Promise<{ signal: NodeJS.Signals | null; seen: number }>((resolve) => {
        const child = spawn(process.execPath, [TTHC, 'import', src, '--out', out, '--format', 'national-db-export', '--no-validate'], { stdio: 'ignore' });
        let seen = -1;
        const poll = setInterval(() => {
          const n = written();
          if (n >= target && seen < 0) {
            seen = n;
            child.kill('SIGKILL');
          }
        }, 2);
        child.on('close', (_code, signal) => {
          clearInterval(poll);
          resolve({ signal, seen });
        });
      });
      const after = written();
      if (result.signal === 'SIGKILL' && after < RECORDS) {
        kills++;
        points.push(after);
      }
      for (const file of jsonFiles(out).filter((f) => !path.basename(f).startsWith('.'))) {
        expect(() => JSON.parse(readFileSync(file, 'utf8')), `${file} after a kill at ${result.seen} of ${RECORDS} procedures`).not.toThrow();
      }
      const { diagnostics } = await loadCatalogue(out).catch(() => ({ diagnostics: [] }));
      expect(diagnostics.filter((d) => d.ruleId.startsWith('json/') || d.ruleId === 'io/unreadable'), `after a kill at ${result.seen} of ${RECORDS} procedures`).toEqual([]);
    }
    tally({ cases: kills });
    // Every kill but perhaps the last few (the import may finish the remaining 5% before the kill lands) is mid-import,
    // and the kills are spread over the writing: each left more procedures than the one before.
    expect(kills, `kills mid-import at ${points.join(', ')} of ${RECORDS} procedures`).toBeGreaterThanOrEqual(8);
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(new Set(points).size).toBe(points.length);
    expect(points[0]).toBeLessThan(RECORDS / 4);
    const final = await runTthc(['import', src, '--out', out, '--format', 'national-db-export']);
    // Exit 1 is the quality bar on these deliberately nasty sample records, not a failure to write.
    expect([0, 1], final.stderr).toContain(final.code);
    expect(final.stdout).toContain('Imported 300 of 300 records');
    expect(final.stdout).toContain('pass  imported specs pass tthc validate without errors: 100% (300/300)');
    const { catalogue } = await loadCatalogue(out);
    expect(catalogue.byCode.size).toBe(300);
  }, 300_000);
});
