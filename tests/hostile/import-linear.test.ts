/**
 * Issue 16 point 10: the fee and step readers run in time linear in the text. They get cells of
 * 100,000 characters of a shape that makes a
 * backtracking or quadratic pattern blow up (long runs of spaces after a fee label, after "Bước",
 * around hyphens; repeated digits and dots; unclosed brackets). Before the fix one fee cell of
 * `Phí : 1` + 700 spaces + `x` took 88 s; the bound here is generous for a loaded machine and
 * still fails on that code by orders of magnitude.
 */
import { describe, expect, it } from 'vitest';
import { splitSteps } from '../../rules/import/steps.js';
import { parseLabelledFees, readPortalFees } from '../../rules/import/fees.js';

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
      };
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
