/**
 * Issue 16 point 10: the fee and step readers run in time linear in the text. They get cells of
 * 100,000 characters of a shape that makes a
 * backtracking or quadratic pattern blow up (long runs of spaces after a fee label, after "Bước",
 * around hyphens; repeated digits and dots; unclosed brackets). Before the fix one fee cell of
 * `Phí : 1` + 700 spaces + `x` took 88 s; the bound here is generous for a loaded machine and
 * still fails on that code by orders of magnitude.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSteps } from '../../rules/import/steps.js';
import { parseLabelledFees, readPortalFees } from '../../rules/import/fees.js';
import { parseLabelledCounts } from '../../rules/import/documents.js';
import { parseNationalDb } from '../../rules/import/formats/national-db.js';
import { parseOldPortal } from '../../rules/import/formats/old-portal.js';
import { parsePortal2025 } from '../../rules/import/formats/portal-2025.js';
import { cleanText } from '../../rules/import/text.js';
import { REPO } from '../helpers/cli.js';
import { tally } from './tally.js';

const N = 100_000;
const SPACES = ' '.repeat(N);
/** Cells of 100,000 characters (or more) that defeat a pattern which backtracks or rescans. */
const HOSTILE: Record<string, string> = {
  'fee label, spaces, a letter': `Phí : 1${SPACES}x`,
  'fee label, spaces, a bracket': `Lệ phí :${SPACES}(`,
  'steps marker, spaces': `Bước 1${SPACES}x`,
  'spaces, then steps marker without number': `${SPACES}Bước x`,
  'spaces and hyphens': `26/2019/NĐ${SPACES}x${SPACES}-`,
  'digits': '1'.repeat(N),
  'digits and dots': '1.'.repeat(N / 2),
  'digit runs with spaces': '1 '.repeat(N / 2) + 'x',
  'unclosed brackets': '('.repeat(N),
  'copy counts, spaces': `Bản chính: 1${SPACES}Bản sao`,
  'time words': '5 ngày '.repeat(N / 7),
  'newlines': '\n'.repeat(N) + 'x',
  'amount, spaces': `2.000.000${SPACES}Đồng${SPACES}x`,
  'spaces and newlines': ' \n'.repeat(N / 2) + 'x',
};
const BOUND_MS = 5_000;

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('import patterns are linear on 100,000-character cells (issue 16 point 10)', () => {
  for (const [shape, cell] of Object.entries(HOSTILE)) {
    it(`${shape}: the fee and step readers finish in bounded time`, () => {
      const ms = {
        fee: timed(() => parseLabelledFees(cell)),
        portalFee: timed(() => readPortalFees(cell)),
        steps: timed(() => splitSteps(cell)),
        counts: timed(() => parseLabelledCounts(cell)),
        clean: timed(() => cleanText(cell)),
      };
      tally({ cases: 1, hangs: Object.values(ms).filter((t) => t >= BOUND_MS).length });
      for (const [what, t] of Object.entries(ms)) expect([what, t < BOUND_MS ? 'bounded' : `${Math.round(t)} ms`]).toEqual([what, 'bounded']);
    }, 120_000);
  }

  it('the fee line that took 88 s reads the same as a short one', () => {
    const long = parseLabelledFees(`Phí : 1${' '.repeat(700)}x`);
    const short = parseLabelledFees('Phí : 1 x');
    expect(long).toEqual(short);
    expect(parseLabelledFees('Lệ phí : 2.000.000 Đồng (Theo quy định)').cell).toMatchObject({ kind: 'items', items: [{ kind: 'le-phi', amount: 2000000, currency: 'VND', note: 'Theo quy định' }] });
  });
});

const REAL = path.join(REPO, 'tests/fixtures/realworld');
const json = (rel: string) => JSON.parse(readFileSync(path.join(REAL, rel), 'utf8')) as Record<string, unknown>;
const KEEP = new Set(['thu_tuc_id', 'mã_thủ_tục', 'ma_thu_tuc', 'detail_url', 'url']);

/** The record with every string but its code and address replaced by the cell. */
function withEveryString(value: unknown, cell: string, key = ''): unknown {
  if (typeof value === 'string') return KEEP.has(key) ? value : cell;
  if (Array.isArray(value)) return value.map((v) => withEveryString(v, cell));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEveryString(v, cell, k)]));
  return value;
}

/**
 * Whole records of each format with the hostile cell in every field, through the format's own
 * reader: the patterns beyond fees and steps (text clean-up, copy counts, legal numbers) run too.
 * Before, a national-database record with a legal-document cell of spaces took 162 s (cleanText's
 * /[ \t]+\n/g), and `Bản chính: 1` + spaces + `Bản sao` 5.6 s at 20,000 characters (the copy-count
 * pattern).
 */
describe('whole records of every format stay linear with 100,000-character cells', () => {
  const portalDir = path.join(REAL, 'portal-2025/bo-tu-phap');
  const oldPortal = json('old-portal-2021/data.json') as unknown;
  const formats = {
    'national-db-export': { record: json('national-db-export/1.013126.json'), parse: (r: unknown) => parseNationalDb(r, 'x', 'x.json') },
    'portal-2025': { record: JSON.parse(readFileSync(path.join(portalDir, readdirSync(portalDir).sort()[0]!), 'utf8')) as unknown, parse: (r: unknown) => parsePortal2025(r, 'x', 'x.json') },
    'old-portal': { record: (Array.isArray(oldPortal) ? oldPortal[0] : oldPortal) as unknown, parse: (r: unknown) => parseOldPortal(r as Record<string, unknown>, 'x', 'x.json') },
  };
  for (const [shape, cell] of Object.entries(HOSTILE)) {
    it(`${shape}: every format's reader finishes in bounded time`, () => {
      const ms = Object.fromEntries(Object.entries(formats).map(([name, f]) => [name, timed(() => f.parse(withEveryString(f.record, cell)))]));
      tally({ cases: Object.keys(ms).length, hangs: Object.values(ms).filter((t) => t >= BOUND_MS).length });
      for (const [what, t] of Object.entries(ms)) expect([what, t < BOUND_MS ? 'bounded' : `${Math.round(t)} ms`]).toEqual([what, 'bounded']);
    }, 120_000);
  }

  it('the copy counts read the same with or without spaces around the separator', () => {
    expect(parseLabelledCounts('Bản chính: 1\nBản sao: 0')).toEqual({ originals: 1, copies: 0 });
    expect(parseLabelledCounts('Bản chính: 2 - Bản sao: 3')).toEqual({ originals: 2, copies: 3 });
    expect(parseLabelledCounts('Bản chính:1;Bản sao:1')).toEqual({ originals: 1, copies: 1 });
    expect(parseLabelledCounts(`Bản chính: 1${' '.repeat(50)}Bản sao: 2`)).toEqual({ originals: 1, copies: 2 });
    expect(parseLabelledCounts('Bản chính: 1 -- Bản sao: 2')).toBeUndefined();
    expect(cleanText('a  \n b\t\n\nc   ')).toBe('a\n b\n\nc');
  });
});
