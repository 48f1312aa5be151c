// Runs `npm audit --omit=dev` and fails on any high or critical advisory in the production
// dependencies. When the advisory endpoint cannot be reached (some registry mirrors answer POST
// with 405), it says so plainly and does not pretend the check passed or failed.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.log(`npm audit: no report (exit ${run.status}); ${run.stderr.trim().split('\n').pop() ?? ''}`);
  process.exit(1);
}
if (report.statusCode || report.error || report.message) {
  console.log(`npm audit: NOT CHECKED — the advisory endpoint is unavailable from this network (${report.message ?? report.error?.summary ?? report.statusCode}).`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const high = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`);
if (high > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === 'high' || v.severity === 'critical') console.log(`  ${v.severity}: ${name} ${v.range ?? ''}`);
  }
  process.exit(1);
}
