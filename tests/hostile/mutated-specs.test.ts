import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCases, loadSeeds, runCase, type HostileCase } from './harness.js';
import { tally } from './tally.js';

/** npm test runs a bounded, fixed-seed subset; `npm run test:hostile` sets HOSTILE_CASES higher. */
const CASES = Number(process.env.HOSTILE_CASES ?? 1500);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261121);
/**
 * A case slower than this, twice in a row, counts as a hang. Run once more before counting it: on a
 * loaded machine one pause (a GC, another process) can pass 2 s, but work that grows with the input
 * takes as long again.
 */
const HANG_MS = 2000;

describe('hostile input: mutated specs and raw bytes', () => {
  it(`${CASES} generated cases: accepted or rejected with a positioned diagnostic; no crash, hang or leak`, () => {
    const { seeds, registry } = loadSeeds();
    const stats = { cases: 0, accepted: 0, rejected: 0, crashes: 0, hangs: 0, leaks: 0, mispointed: 0, byKind: new Map<string, number>() };
    let slowest: { ms: number; kind: string; seed: string } = { ms: 0, kind: '', seed: '' };
    const failures: string[] = [];
    fc.assert(
      fc.property(hostileCases(seeds), (c: HostileCase) => {
        let r = runCase(c, seeds, registry);
        if (r.ms > HANG_MS) r = runCase(c, seeds, registry);
        stats.cases++;
        stats.byKind.set(c.kind, (stats.byKind.get(c.kind) ?? 0) + 1);
        if (r.accepted) stats.accepted++;
        else stats.rejected++;
        if (r.ms > slowest.ms) slowest = { ms: r.ms, kind: c.kind, seed: c.seed };
        if (r.ms > HANG_MS) stats.hangs++;
        for (const p of r.problems) {
          if (p.startsWith('threw') || p.startsWith('a rule crashed')) stats.crashes++;
          else if (p.includes('polluted')) stats.leaks++;
          else if (p.startsWith('rejected at')) stats.mispointed++;
          if (failures.length < 10) failures.push(`${c.kind} on ${c.seed}: ${p}`);
        }
        return true;
      }),
      { numRuns: CASES, seed: SEED, endOnFailure: true },
    );
    const summary = [
      `hostile input: ${stats.cases} cases (${[...stats.byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ')})`,
      `  accepted ${stats.accepted}, rejected ${stats.rejected}`,
      `  crashes ${stats.crashes}, hangs ${stats.hangs}, leaks ${stats.leaks}, mispointed rejections ${stats.mispointed}`,
      `  slowest case: ${slowest.ms.toFixed(0)} ms (${slowest.kind} on ${slowest.seed})`,
    ].join('\n');
    console.log(summary);
    tally({ cases: stats.cases, crashes: stats.crashes, hangs: stats.hangs, leaks: stats.leaks });
    expect(failures).toEqual([]);
    expect(stats.crashes + stats.hangs + stats.leaks + stats.mispointed).toBe(0);
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.rejected).toBeGreaterThan(0);
  }, 300_000);
});
