import { describe, expect, it } from 'vitest';
import { add, divRound, exact, mul, percent, round, toText, toWhole } from '../../../rules/compute/exact.js';
import { compareCosts } from '../../../rules/compute/compliance-cost.js';

describe('exact decimals', () => {
  it('reads a JSON number as the decimal it was written as', () => {
    expect(exact(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(exact(1.25)).toEqual({ units: 125n, scale: 2 });
    expect(exact(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(exact(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(exact(-2.5)).toEqual({ units: -25n, scale: 1 });
  });

  it('adds and multiplies without binary drift', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; exactly 0.3 here.
    expect(toText(add(exact(0.1), exact(0.2)))).toBe('0.3');
    // 0.29 h × 25,000 đồng: floating point gives 7249.999999999999; the law's arithmetic gives 7,250.
    expect(0.29 * 25000).not.toBe(7250);
    expect(toText(mul(exact(0.29), exact(25000)))).toBe('7250');
    // 0.3935 h × 23,800 đồng = 9,365.3 exactly (floating point: 9365.300000000001).
    expect(toText(mul(exact(0.3935), exact(23800)))).toBe('9365.3');
  });

  it('rounds half away from zero, like Excel ROUND', () => {
    expect(toWhole(exact(2.5))).toBe(3n);
    expect(toWhole(exact(-2.5))).toBe(-3n);
    expect(toWhole(exact(2.4999))).toBe(2n);
    expect(toText(round(exact(71.635), 2))).toBe('71.64');
    expect(toText(round(exact(71.625), 2))).toBe('71.63');
    expect(divRound(7n, 2n)).toBe(4n);
    expect(divRound(-7n, 2n)).toBe(-4n);
  });

  it('computes percent cut exactly to 2 decimals', () => {
    // Hà Nội 2025: (2,306 − 654) / 2,306 × 100 = 1,652 / 2,306 × 100 = 71.6392… → 71.64.
    expect(percent(1652, 2306)).toBe(71.64);
    // 1/3 = 33.333… → 33.33; 2/3 = 66.666… → 66.67.
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    // Exactly half a hundredth rounds up: 1/16 = 6.25% → 6.25; 1/32 = 3.125% → 3.13.
    expect(percent(1, 32)).toBe(3.13);
    expect(percent(-1, 32)).toBe(-3.13);
    expect(percent(5, 0)).toBeUndefined();
  });

  it('derives the saving and percent from the rounded đồng figures', () => {
    expect(compareCosts(2_306_000_000_000, 654_000_000_000)).toEqual({ before: 2_306_000_000_000, after: 654_000_000_000, saved: 1_652_000_000_000, percent: 71.64 });
    // A cost that grows is a negative saving and a negative percent.
    expect(compareCosts(100_000, 125_000)).toEqual({ before: 100_000, after: 125_000, saved: -25_000, percent: -25 });
    expect(compareCosts(0, 0)).toEqual({ before: 0, after: 0, saved: 0, percent: undefined });
  });
});
