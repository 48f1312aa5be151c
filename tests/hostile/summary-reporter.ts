/**
 * Prints the hostile suite's counts after `npm run test:hostile`: cases tried, crashes, hangs, leaks
 * and races that lost data, per test file and in total, added up from what each test recorded with
 * tally() (tests/hostile/tally.ts). A test that recorded nothing counts as one case; a test that
 * failed is counted as failed, one that timed out or never finished (its process killed by the
 * watchdog, or dead) also as a hang, and a file that failed outside its tests is named, so the line
 * can never read clean over a red run.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { COUNT_NAMES, emptyCounts, type HostileCounts } from './tally.js';

export interface HostileSummary {
  files: { file: string; tests: number; failed: number; counts: HostileCounts }[];
  total: HostileCounts & { tests: number; failed: number; filesFailed: number };
}

export function summarise(modules: readonly TestModule[]): HostileSummary {
  const total = { ...emptyCounts(), tests: 0, failed: 0, filesFailed: 0 };
  const files: HostileSummary['files'] = [];
  for (const module of modules) {
    const counts = emptyCounts();
    let tests = 0;
    let failed = 0;
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'skipped') continue;
      tests++;
      if (result.state === 'pending') {
        // Never finished though the run did: its process was killed (the watchdog's time limit) or died.
        failed++;
        counts.hangs += 1;
        const recorded = (test.meta() as { hostile?: HostileCounts }).hostile;
        if (recorded) for (const name of COUNT_NAMES) counts[name] += recorded[name];
        continue;
      }
      const recorded = (test.meta() as { hostile?: HostileCounts }).hostile;
      if (recorded) for (const name of COUNT_NAMES) counts[name] += recorded[name];
      else counts.cases += 1;
      if (result.state === 'failed') {
        failed++;
        // A test stopped by its timeout is a hang, whatever it recorded before.
        if (result.errors.some((e) => /timed out/i.test(e.message ?? ''))) counts.hangs += 1;
      }
    }
    const broken = (module.state() === 'failed' || module.errors().length > 0) && failed === 0;
    if (broken) total.filesFailed++;
    for (const name of COUNT_NAMES) total[name] += counts[name];
    total.tests += tests;
    total.failed += failed;
    files.push({ file: module.relativeModuleId, tests, failed, counts });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, total };
}

function line(c: HostileCounts): string {
  return `cases tried ${c.cases}, crashes ${c.crashes}, hangs ${c.hangs}, leaks ${c.leaks}, races that lost data ${c.racesLost}`;
}

export function formatSummary(s: HostileSummary): string {
  const width = Math.max(...s.files.map((f) => f.file.length), 4);
  const rows = s.files.map((f) => `  ${f.file.padEnd(width)}  ${line(f.counts)}${f.failed ? `; ${f.failed} failed` : ''}`);
  const t = s.total;
  const failures = `${t.tests} tests, ${t.failed} failed${t.filesFailed ? `, ${t.filesFailed} files that did not run` : ''}`;
  return ['', 'Hostile suite:', ...rows, `  total: ${line(t)} (${failures})`, ''].join('\n');
}

export default class HostileSummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    process.stdout.write(formatSummary(summarise(modules)) + '\n');
  }
}
