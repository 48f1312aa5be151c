/**
 * npm run bench -- --procedures <N> [--json] [--runs R] [--seed S] [--work DIR] [--reference eleventy]
 *
 * Generates a synthetic catalogue of N procedures (deterministic from the seed), then measures, as
 * medians of R runs, each in its own child process that reports its own peak RSS:
 *   1. the floor: read and JSON.parse every file;
 *   2. tthc validate;
 *   3. a full tthc build (every generator, no previous output, no cache);
 *   4. a rebuild after one procedure changed (a new version published and locked);
 *   5. a rebuild after nothing changed;
 *   6. the watch rebuild: against a running `tthc build --watch`, the time from saving one
 *      procedure's new version (and the lock) to its API document holding it, the output committed.
 * Then it counts what the build wrote (files, folders, bytes). With --reference eleventy it also renders
 * one page per procedure with Eleventy 3 from the same catalogue (scripts/bench/eleventy.ts), R runs, as a
 * reference row. Prints a table, or with --json one object with the medians. Progress goes to stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { amendProcedure, syntheticCodes, writeSyntheticCatalogue } from './synthetic.js';
import { CATALOGUE_ENV, eleventyVersion, writeEleventyProject } from './eleventy.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const TTHC = path.join(REPO, 'dist/cli/tthc.js');
const FLOOR = path.join(HERE, 'floor.js');
const RSS_HOOK = pathToFileURL(path.join(HERE, 'rss.js')).href;
/** The build date: after every synthetic version takes effect, so the output does not depend on today. */
const AT = '2026-06-01';
/** Bump when the synthetic catalogue changes shape, so a kept catalogue is regenerated. */
const SYNTHETIC_FORMAT = 3;

export interface BenchOptions {
  procedures: number;
  runs: number;
  seed: number;
  work: string;
  /** A reference row rendered by another tool on the same catalogue, or none. */
  reference?: 'eleventy';
  log: (line: string) => void;
}

export interface BenchResult {
  procedures: number;
  floorSeconds: number;
  validateSeconds: number;
  buildSeconds: number;
  rebuildOneSeconds: number;
  rebuildNoneSeconds: number;
  /** From saving one changed procedure (a new version and the lock) to the output in place, against a running `tthc build --watch`. */
  watchRebuildSeconds: number;
  peakRssMb: number;
  /** What a full build writes: files, folders and bytes (file sizes) of the output after the last run. */
  outputFiles: number;
  outputFolders: number;
  outputBytes: number;
  /** With --reference eleventy: Eleventy's median wall time and peak RSS for one page per procedure, and what it wrote. */
  eleventySeconds?: number;
  eleventyPeakRssMb?: number;
  eleventyFiles?: number;
  eleventyBytes?: number;
}

/** Files, folders and bytes under a build output (the manifest included). */
export function outputSize(dir: string): { files: number; folders: number; bytes: number } {
  const size = { files: 0, folders: 0, bytes: 0 };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        size.folders++;
        walk(p);
      } else if (e.isFile()) {
        size.files++;
        size.bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return size;
}

interface Sample {
  seconds: number;
  rssMb: number;
}

export interface StepFigures {
  step: string;
  median: number;
  min: number;
  max: number;
  rssMb: number;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- --procedures <N> [--json] [--runs R] [--seed S] [--work DIR] [--reference eleventy]\n`);
  process.exit(2);
}

export function parseArgs(argv: readonly string[]): BenchOptions & { json: boolean } {
  const options: BenchOptions & { json: boolean } = { procedures: 0, runs: 3, seed: 20261121, work: path.join(REPO, '.bench'), json: false, log: (line: string) => void process.stderr.write(line + '\n') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    const count = (what: string): number => {
      const v = value();
      if (!/^[0-9]+$/.test(v) || Number(v) < 1) usage(`${what} must be a positive whole number, got "${v}"`);
      return Number(v);
    };
    if (arg === '--procedures' || arg === '-n') options.procedures = count('--procedures');
    else if (arg === '--runs') options.runs = count('--runs');
    else if (arg === '--seed') options.seed = count('--seed');
    else if (arg === '--work') options.work = path.resolve(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--reference') {
      const v = value();
      if (v !== 'eleventy') usage(`--reference knows only "eleventy", got "${v}"`);
      options.reference = v;
    }
    else usage(`unknown argument "${arg}"`);
  }
  if (options.procedures === 0) usage('--procedures is required');
  return options;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs one measured command in a child process: wall time from spawn to exit, and the peak RSS it reports itself. */
function measure(work: string, args: readonly string[], expectExit = 0, env: Record<string, string> = {}): Promise<Sample> {
  const rssFile = path.join(work, `rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], {
      cwd: REPO,
      env: { ...process.env, ...env, TTHC_BENCH_RSS: rssFile, CI: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== expectExit) return reject(new Error(`${args.join(' ')} exited with ${code}:\n${stderr}`));
      let rssMb = 0;
      try {
        rssMb = (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024;
      } catch {
        return reject(new Error(`${args.join(' ')} did not report its memory`));
      }
      resolve({ seconds, rssMb });
    });
  });
}

/** A running `tthc build --watch`, English and plain (CI=1), with what it printed on stderr. */
interface RunningWatch {
  /** Resolves once the printed stderr satisfies `test`. */
  waitFor(test: (stderr: string) => boolean, what: string): Promise<void>;
  /** Polls `test` every few milliseconds (the output is read, not waited on). */
  poll(test: () => boolean, what: string): Promise<void>;
  /** Builds finished since it started ("built again" lines and refusals). */
  count(): number;
  /** Resolves once it has printed nothing for half a second (the builds a save set off are done). */
  settle(): Promise<void>;
  /** SIGINT, then its peak RSS in MB. */
  stop(): Promise<number>;
}

const WATCH_TIMEOUT_MS = 600_000;

function startWatch(work: string, args: readonly string[]): RunningWatch {
  const rssFile = path.join(work, `rss-watch-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', RSS_HOOK, ...args], {
    cwd: REPO,
    env: { ...process.env, TTHC_BENCH_RSS: rssFile, CI: '1', NO_COLOR: '1', TTHC_LANG: 'en' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let last = performance.now();
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    last = performance.now();
  });
  const poll = async (test: () => boolean, what: string, everyMs: number) => {
    const deadline = performance.now() + WATCH_TIMEOUT_MS;
    while (!test()) {
      if (exited) throw new Error(`tthc build --watch exited before ${what}:\n${stderr.slice(-4000)}`);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what} from tthc build --watch:\n${stderr.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  const count = () => stderr.split('built again in').length + stderr.split('nothing was written').length - 2;
  return {
    waitFor: (test, what) => poll(() => test(stderr), what, 50),
    poll: (test, what) => poll(test, what, 2),
    count,
    settle: () => poll(() => performance.now() - last > 500, 'quiet', 50),
    async stop() {
      child.kill('SIGINT');
      await exit;
      try {
        return (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024;
      } catch {
        return 0;
      } finally {
        rmSync(rssFile, { force: true });
      }
    },
  };
}

/** The synthetic catalogue, generated once per size, seed and format, and kept for the next run. */
function catalogueFor(options: BenchOptions): string {
  const dir = path.join(options.work, `catalogue-${options.procedures}-${options.seed}`);
  const stamp = path.join(options.work, `catalogue-${options.procedures}-${options.seed}.stamp.json`);
  const wanted = JSON.stringify({ format: SYNTHETIC_FORMAT, procedures: options.procedures, seed: options.seed });
  if (existsSync(dir) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
    options.log(`bench: reusing the synthetic catalogue in ${dir}`);
    return dir;
  }
  rmSync(stamp, { force: true });
  options.log(`bench: generating ${options.procedures} synthetic procedures into ${dir}`);
  const started = performance.now();
  const made = writeSyntheticCatalogue(dir, { procedures: options.procedures, seed: options.seed, from: path.join(REPO, 'catalogue') });
  options.log(
    `bench: ${made.versions} versions, ${(made.bytes / 1024 / 1024).toFixed(1)} MiB, ${(made.minBytes / 1024).toFixed(1)}–${(made.maxBytes / 1024).toFixed(1)} KiB each, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  writeFileSync(stamp, wanted);
  return dir;
}

/** Runs the whole benchmark and returns the medians and each step's spread. */
export async function runBench(options: BenchOptions): Promise<{ result: BenchResult; steps: StepFigures[]; catalogue: string }> {
  mkdirSync(options.work, { recursive: true });
  const catalogue = catalogueFor(options);
  // Each full build writes into a folder of its own, and all are deleted at the end: deleting tens
  // of thousands of files just before a measured build slows the disk under it.
  const outOf = (r: number) => path.join(options.work, `build-${options.procedures}-${r}`);
  const clean = () => {
    for (const name of readdirSync(options.work)) {
      if (name.startsWith(`build-${options.procedures}-`) || name.startsWith(`.build-${options.procedures}-`) || name.startsWith(`eleventy-${options.procedures}-`)) rmSync(path.join(options.work, name), { recursive: true, force: true });
    }
  };
  clean();
  const out = outOf(options.runs - 1);
  const build = ['build', catalogue, '--out', out, '--at', AT];
  const samples = new Map<string, Sample[]>();
  const record = async (step: string, args: readonly string[]) => {
    const sample = await measure(options.work, args);
    options.log(`bench: ${step.padEnd(22)} ${sample.seconds.toFixed(2).padStart(8)} s ${sample.rssMb.toFixed(0).padStart(6)} MB`);
    const list = samples.get(step) ?? [];
    list.push(sample);
    samples.set(step, list);
  };
  for (let r = 0; r < options.runs; r++) await record('floor', [FLOOR, catalogue]);
  for (let r = 0; r < options.runs; r++) await record('validate', [TTHC, 'validate', catalogue]);
  for (let r = 0; r < options.runs; r++) await record('build', [TTHC, 'build', catalogue, '--out', outOf(r), '--at', AT]);
  for (let r = 0; r < options.runs; r++) await record('rebuild, none changed', [TTHC, ...build]);

  // Each run amends a different procedure, measures the rebuild, then restores the catalogue (and
  // the output, unmeasured), so the catalogue on disk stays exactly the generated one.
  const codes = syntheticCodes(catalogue);
  const lockFile = path.join(catalogue, 'tthc.lock.json');
  const lock = readFileSync(lockFile);
  for (let r = 0; r < options.runs; r++) {
    const code = codes[Math.floor(((r + 0.5) / options.runs) * codes.length)]!;
    const added = amendProcedure(catalogue, code);
    try {
      await record('rebuild, one changed', [TTHC, ...build]);
    } finally {
      unlinkSync(path.join(catalogue, added));
      writeFileSync(lockFile, lock);
    }
    await measure(options.work, [TTHC, ...build]);
  }
  // The watch rebuild: one `tthc build --watch` (the output is the one just rebuilt), each run saving
  // a changed procedure and timing until its API document holds the new version; then the catalogue
  // is restored and the watch left to build that too, unmeasured.
  {
    const watch = startWatch(options.work, [TTHC, ...build, '--watch']);
    try {
      await watch.waitFor((err) => err.includes('tthc build: watching'), 'the first build');
      for (let r = 0; r < options.runs; r++) {
        const code = codes[Math.floor(((r + 0.25) / options.runs) * codes.length)]!;
        const doc = path.join(out, 'api/v1/procedures', `${code}.json`);
        const versionsIn = () => {
          try {
            return (JSON.parse(readFileSync(doc, 'utf8')) as { versions: { version: string }[] }).versions.map((v) => v.version);
          } catch {
            return [];
          }
        };
        const before = versionsIn().length;
        const built = watch.count();
        const started = performance.now();
        const added = amendProcedure(catalogue, code);
        await watch.poll(() => versionsIn().length > before && watch.count() > built, 'the output');
        const seconds = (performance.now() - started) / 1000;
        options.log(`bench: ${'watch rebuild'.padEnd(22)} ${seconds.toFixed(2).padStart(8)} s`);
        samples.set('watch rebuild', [...(samples.get('watch rebuild') ?? []), { seconds, rssMb: 0 }]);
        await watch.settle();
        const restored = watch.count();
        unlinkSync(path.join(catalogue, added));
        writeFileSync(lockFile, lock);
        await watch.poll(() => versionsIn().length === before && watch.count() > restored, 'the restored output');
        await watch.settle();
      }
    } finally {
      const rssMb = await watch.stop();
      for (const sample of samples.get('watch rebuild') ?? []) sample.rssMb = rssMb;
    }
  }
  // The reference: Eleventy renders one page per procedure from the same catalogue, each run into a folder of its own.
  let reference: { files: number; folders: number; bytes: number } | undefined;
  const eleventyOut = (r: number) => path.join(options.work, `eleventy-${options.procedures}-${r}`);
  if (options.reference === 'eleventy') {
    options.log(`bench: reference row: Eleventy ${eleventyVersion()}, one page per procedure`);
    const project = path.join(options.work, `eleventy-project-${options.procedures}`);
    for (let r = 0; r < options.runs; r++) {
      rmSync(eleventyOut(r), { recursive: true, force: true });
      const args = writeEleventyProject(project, eleventyOut(r));
      const sample = await measure(options.work, args, 0, { [CATALOGUE_ENV]: catalogue });
      options.log(`bench: ${'eleventy (reference)'.padEnd(22)} ${sample.seconds.toFixed(2).padStart(8)} s ${sample.rssMb.toFixed(0).padStart(6)} MB`);
      samples.set('eleventy (reference)', [...(samples.get('eleventy (reference)') ?? []), sample]);
    }
    reference = outputSize(eleventyOut(options.runs - 1));
    // One page per procedure, or the row does not measure what it says.
    const pages = syntheticCodes(catalogue).length;
    if (reference.files !== pages) throw new Error(`Eleventy wrote ${reference.files} files for ${pages} procedures`);
    for (let r = 0; r < options.runs; r++) rmSync(eleventyOut(r), { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  }
  rmSync(path.join(options.work, `rss-${process.pid}.json`), { force: true });
  // The output as a full build of this catalogue leaves it (the last rebuild restored the catalogue).
  const output = outputSize(out);
  options.log(`bench: output ${output.files} files in ${output.folders} folders, ${(output.bytes / 1024 / 1024).toFixed(1)} MiB (${(output.files / options.procedures).toFixed(2)} files and ${(output.bytes / 1024 / options.procedures).toFixed(1)} KiB per procedure)`);
  clean();

  const figures = (step: string): StepFigures => {
    const list = samples.get(step)!;
    const seconds = list.map((s) => s.seconds);
    return { step, median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds), rssMb: Math.max(...list.map((s) => s.rssMb)) };
  };
  const steps = ['floor', 'validate', 'build', 'rebuild, one changed', 'rebuild, none changed', 'watch rebuild', ...(reference ? ['eleventy (reference)'] : [])].map(figures);
  const round = (n: number, digits: number) => Number(n.toFixed(digits));
  const result: BenchResult = {
    procedures: options.procedures,
    floorSeconds: round(steps[0]!.median, 3),
    validateSeconds: round(steps[1]!.median, 3),
    buildSeconds: round(steps[2]!.median, 3),
    rebuildOneSeconds: round(steps[3]!.median, 3),
    rebuildNoneSeconds: round(steps[4]!.median, 3),
    watchRebuildSeconds: round(steps[5]!.median, 3),
    // The tool's peak: the largest of the measured tthc commands (the floor is not the tool), the watching process included.
    peakRssMb: round(Math.max(...steps.slice(1, 6).map((s) => s.rssMb)), 1),
    outputFiles: output.files,
    outputFolders: output.folders,
    outputBytes: output.bytes,
  };
  if (reference) {
    result.eleventySeconds = round(steps[6]!.median, 3);
    result.eleventyPeakRssMb = round(steps[6]!.rssMb, 1);
    result.eleventyFiles = reference.files;
    result.eleventyBytes = reference.bytes;
  }
  return { result, steps, catalogue };
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

export function formatTable(procedures: number, runs: number, steps: readonly StepFigures[]): string {
  const floor = steps[0]!.median;
  const rows = steps.map((s) => [s.step, s.median.toFixed(2), `${s.min.toFixed(2)}–${s.max.toFixed(2)}`, (s.median / floor).toFixed(1) + '×', s.rssMb.toFixed(0)]);
  const header = ['step', 'median s', 'range s', '× floor', 'peak RSS MB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`${procedures} procedures, median of ${runs} run${runs === 1 ? '' : 's'}; ${machine()}`, line(header), ...rows.map(line)].join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  try {
    const { result, steps } = await runBench(options);
    const outputLine = `output: ${result.outputFiles} files in ${result.outputFolders} folders, ${(result.outputBytes / 1024 / 1024).toFixed(1)} MiB; per procedure ${(result.outputFiles / result.procedures).toFixed(2)} files, ${(result.outputBytes / 1024 / result.procedures).toFixed(1)} KiB\n`;
    const referenceLine =
      result.eleventyFiles === undefined
        ? ''
        : `reference: Eleventy ${eleventyVersion()} wrote ${result.eleventyFiles} pages, ${(result.eleventyBytes! / 1024 / 1024).toFixed(1)} MiB (one page per procedure and nothing else)\n`;
    process.stdout.write(options.json ? JSON.stringify(result) + '\n' : formatTable(options.procedures, options.runs, steps) + outputLine + referenceLine);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
