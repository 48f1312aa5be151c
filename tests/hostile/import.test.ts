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
  let fullMs = 0;

  beforeAll(async () => {
    mkdirSync(src, { recursive: true });
    // 300 records: the fixture records again under fresh codes, so the import runs long enough to be interrupted.
    const fixtures = readdirSync(FIXTURES).sort();
    for (let i = 0; i < 300; i++) {
      const record = JSON.parse(readFileSync(path.join(FIXTURES, fixtures[i % fixtures.length]!), 'utf8'));
      const code = `1.${String(900000 + i)}`;
      record.thu_tuc_id = code;
      record.metadata['mã_thủ_tục'] = code;
      writeFileSync(path.join(src, `${code}.json`), JSON.stringify(record));
    }
    const started = performance.now();
    const r = await runTthc(['import', src, '--out', path.join(work, 'timing'), '--format', 'national-db-export', '--no-validate']);
    fullMs = performance.now() - started;
    expect(r.code, r.stderr).not.toBe(2);
  }, 120_000);

  it('after kills at 10 points every spec on disk is whole JSON, and a re-import completes the catalogue', async () => {
    let kills = 0;
    for (let i = 0; i < 10; i++) {
      const at = Math.round(((i + 0.5) / 10) * fullMs);
      const result = await new Promise<NodeJS.Signals | null>((resolve) => {
        const child = spawn(process.execPath, [TTHC, 'import', src, '--out', out, '--format', 'national-db-export', '--no-validate'], { stdio: 'ignore' });
        const timer = setTimeout(() => child.kill('SIGKILL'), at);
        child.on('close', (_code, signal) => {
          clearTimeout(timer);
          resolve(signal);
        });
      });
      if (result === 'SIGKILL') kills++;
      for (const file of jsonFiles(out).filter((f) => !path.basename(f).startsWith('.'))) {
        expect(() => JSON.parse(readFileSync(file, 'utf8')), `${file} after a kill at ${at} ms`).not.toThrow();
      }
      const { diagnostics } = await loadCatalogue(out).catch(() => ({ diagnostics: [] }));
      expect(diagnostics.filter((d) => d.ruleId.startsWith('json/') || d.ruleId === 'io/unreadable'), `after a kill at ${at} ms`).toEqual([]);
    }
    tally({ cases: kills });
    expect(kills).toBeGreaterThanOrEqual(5);
    const final = await runTthc(['import', src, '--out', out, '--format', 'national-db-export']);
    // Exit 1 is the quality bar on these deliberately nasty sample records, not a failure to write.
    expect([0, 1], final.stderr).toContain(final.code);
    expect(final.stdout).toContain('Imported 300 of 300 records');
    expect(final.stdout).toContain('pass  imported specs pass tthc validate without errors: 100% (300/300)');
    const { catalogue } = await loadCatalogue(out);
    expect(catalogue.byCode.size).toBe(300);
  }, 300_000);
});
