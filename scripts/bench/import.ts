/**
 * npm run bench:import -- <folder of published records> [--runs R] [--json]
 *
 * Measures `tthc import` (read, parse, write the drafts and registries, validate them, report) on a
 * quarter, a half and all of the record files under the folder (every 4th file, every 2nd, all, in path
 * order), each run in its own child process into a fresh output folder. Prints, per share, the median
 * wall time, CPU time and peak RSS, and the time per record, so growth with the input can be read off:
 * linear growth keeps the time per record flat. CPU time is printed beside wall time because a loaded
 * machine stretches the one and not the other.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine } from './bench.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Compiled to dist/scripts/bench/: the repository is three folders up.
const REPO = path.resolve(HERE, '../../..');
const TTHC = path.join(REPO, 'dist/cli/tthc.js');
const RSS_HOOK = pathToFileURL(path.join(HERE, 'rss.js')).href;

export interface ImportSample {
  share: string;
  files: number;
  records: number;
  wallSeconds: number;
  cpuSeconds: number;
  rssMb: number;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(abs);
    }
  };
  walk(dir);
  return out;
}

function runImport(input: string, work: string): Promise<{ wall: number; cpu: number; rss: number; records: number }> {
  const out = path.join(work, 'out');
  const usage = path.join(work, 'usage.json');
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, TTHC, 'import', input, '--out', out], { env: { ...process.env, TTHC_BENCH_RSS: usage, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      // 1: a quality check failed, which the report says; the run itself finished.
      if (code !== 0 && code !== 1) return reject(new Error(`tthc import exited with ${code}:\n${stderr}`));
      try {
        const u = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; cpuMs: number };
        const report = JSON.parse(readFileSync(path.join(out, '.tthc-import-report.json'), 'utf8')) as { records: { total: number } };
        resolve({ wall, cpu: u.cpuMs / 1000, rss: u.maxRssKb / 1024, records: report.records.total });
      } catch (error) {
        reject(new Error(`tthc import exited with ${code} and left no report or usage (${error instanceof Error ? error.message : String(error)}):\n${stderr}`));
      }
    });
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchImport(input: string, runs: number, log: (line: string) => void = () => undefined): Promise<ImportSample[]> {
  const all = filesUnder(input);
  const work = mkdtempSync(path.join(os.tmpdir(), 'tthc-bench-import-'));
  const samples: ImportSample[] = [];
  try {
    for (const [share, every] of [['1/4', 4], ['1/2', 2], ['all', 1]] as const) {
      // The subset keeps the folder layout (and PROVENANCE-like files), so formats are detected as in the whole.
      const subset = path.join(work, `input-${every}`);
      all.forEach((file, i) => {
        if (i % every !== 0) return;
        const to = path.join(subset, path.relative(input, file));
        mkdirSync(path.dirname(to), { recursive: true });
        cpSync(file, to);
      });
      const runsOf: { wall: number; cpu: number; rss: number; records: number }[] = [];
      for (let r = 0; r < runs; r++) {
        log(`bench:import: ${share} of the files, run ${r + 1}/${runs}`);
        runsOf.push(await runImport(subset, work));
      }
      samples.push({
        share,
        files: Math.ceil(all.length / every),
        records: runsOf[0]!.records,
        wallSeconds: median(runsOf.map((x) => x.wall)),
        cpuSeconds: median(runsOf.map((x) => x.cpu)),
        rssMb: Math.max(...runsOf.map((x) => x.rss)),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return samples;
}

export function formatImportTable(input: string, runs: number, samples: ImportSample[]): string {
  const rows = samples.map((s) => [s.share, String(s.files), String(s.records), s.wallSeconds.toFixed(2), s.cpuSeconds.toFixed(2), ((s.wallSeconds / s.records) * 1000).toFixed(2), ((s.cpuSeconds / s.records) * 1000).toFixed(2), s.rssMb.toFixed(0)]);
  const header = ['share', 'files', 'records', 'wall s', 'CPU s', 'wall ms/record', 'CPU ms/record', 'peak RSS MB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`tthc import ${input}, median of ${runs} run${runs === 1 ? '' : 's'}; ${machine()}`, line(header), ...rows.map(line)].join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let runs = 3;
  let json = false;
  let input: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--runs') {
      const v = args[++i] ?? '';
      if (!/^[1-9][0-9]*$/.test(v)) {
        process.stderr.write(`bench:import: --runs must be a positive whole number, got "${v}"\n`);
        process.exit(2);
      }
      runs = Number(v);
    } else if (a === '--json') json = true;
    else if (!input && !a.startsWith('-')) input = path.resolve(a);
    else {
      process.stderr.write(`bench:import: unknown argument "${a}"\nusage: npm run bench:import -- <folder of records> [--runs R] [--json]\n`);
      process.exit(2);
    }
  }
  if (!input) {
    process.stderr.write('usage: npm run bench:import -- <folder of records> [--runs R] [--json]\n');
    process.exit(2);
  }
  try {
    const samples = await benchImport(input, runs, (l) => process.stderr.write(l + '\n'));
    process.stdout.write(json ? JSON.stringify(samples) + '\n' : formatImportTable(input, runs, samples));
  } catch (error) {
    process.stderr.write(`bench:import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
