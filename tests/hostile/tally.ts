/**
 * The hostile suite's counts: each test adds what it tried and what went wrong to its own task's
 * meta (`tally({ cases: 120, crashes: 0 })`, before its assertions, so a failing test still counts
 * what it saw), and tests/hostile/summary-reporter.ts adds them up at the end of the run. A test
 * that calls nothing counts as one case.
 */
import { TestRunner } from 'vitest';

export interface HostileCounts {
  /** Inputs, runs or requests tried. */
  cases: number;
  /** A thrown error, a stack trace in the output, a process that died or a server that stopped answering. */
  crashes: number;
  /** A case past its time bound. */
  hangs: number;
  /** Something where it must not be: a file outside the output, a polluted prototype, attacker text in executable output, a file from outside the site served. */
  leaks: number;
  /** Concurrent runs where one's work was lost or mixed into the other's. */
  racesLost: number;
}

export const COUNT_NAMES: readonly (keyof HostileCounts)[] = ['cases', 'crashes', 'hangs', 'leaks', 'racesLost'];

export function emptyCounts(): HostileCounts {
  return { cases: 0, crashes: 0, hangs: 0, leaks: 0, racesLost: 0 };
}

/** Adds counts to the running test's tally. */
export function tally(counts: Partial<HostileCounts>): void {
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error('tally() is called from inside a test');
  const meta = test.meta as { hostile?: HostileCounts };
  const total = (meta.hostile ??= emptyCounts());
  for (const name of COUNT_NAMES) total[name] += counts[name] ?? 0;
}
