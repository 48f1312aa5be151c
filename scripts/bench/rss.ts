/**
 * Preloaded into every command the benchmark measures (node --import): when the process exits it
 * writes its own peak resident set size and CPU time to the file named by TTHC_BENCH_RSS. The process measures
 * itself, worker threads included, so the figure needs no /usr/bin/time and works on any CI machine.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.TTHC_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes, CPU times in microseconds; the CPU time holds on a loaded machine, where wall time does not.
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) }));
  });
}
