/**
 * Preloaded into every command the benchmark measures (node --import): when the process exits it
 * writes its own peak resident set size to the file named by TTHC_BENCH_RSS. The process measures
 * itself, worker threads included, so the figure needs no /usr/bin/time and works on any CI machine.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.TTHC_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
