import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CatalogueOperationError } from '../../rules/errors.js';
import { REGISTRY_KEYS, type Catalogue, type LoadedVersion } from '../../rules/model/catalogue.js';
import type { IsoDate } from '../../rules/compute/dates.js';
import { compactSourceOf, type CompactSource } from '../../rules/load/lazy.js';
import type { BuildOptions } from './context.js';
import type { FileRecord } from './writer.js';

/**
 * A pool of worker threads that render the units of single procedures (Unit.procedure) and write
 * their files into the staging folder as they go. Each worker holds the registries and calendars,
 * and for each job only the versions of the procedures in it; the main thread keeps the plan and
 * the files' records, never a rendered page.
 */

/** The compiled worker script. Run from TypeScript sources (vitest), it does not exist: the build then renders in its own thread. */
const SCRIPT = new URL('./render-worker.js', import.meta.url);

/** Fewer procedure units than this to render in one generator are rendered in this thread: starting workers costs more. */
export const POOL_FROM = 150;
/** Procedures per job: large enough that messages are few, small enough that the workers share the tail evenly. */
const JOB_PROCEDURES = 12;
/**
 * A worker's young generation, in MB. 64 MB was tried to cut scavenges; measured on 2026-12-04 with
 * `tthc build --no-cache` it bought no time and cost memory: 1,000 procedures 6.9–7.3 s wall and
 * 372–377 MB peak at 16 against 7.5 s and 449–451 MB at 64; 10,000 procedures 40.1 s and 1,134 MB
 * at 16 against 40.8–43.9 s and 1,248–1,295 MB at 64.
 */
const YOUNG_MB = 16;
/**
 * Jobs sent ahead to each worker: while this thread renders a long unit of its own (the
 * documentation pages, the listing) it cannot send more, and a worker with two jobs ran dry.
 */
const IN_FLIGHT = 6;

/** What a worker starts with: everything but the procedure versions. */
export interface RenderInit {
  staging: string;
  root: string;
  display: string;
  at: IsoDate;
  options: BuildOptions;
  registry: Record<string, [string, unknown][]>;
  auxiliary: [string, { rel: string; display: string; abs: string; sha256: string; data: unknown }][];
}

/**
 * A version as sent to a worker: the identity of its file (not its text), and its data, or for a
 * compact version (rules/load/lazy.ts) where the worker reads the data itself: its keys, meta and
 * the hash its bytes must have. Sending the data would make the main thread read it.
 */
export interface WireVersion {
  file: { display: string; rel: string; abs: string; sha256: string; nonNfc: readonly string[] };
  data?: LoadedVersion['data'];
  compact?: CompactSource;
  registryRefs?: LoadedVersion['registryRefs'];
}

export interface RenderJob {
  id: number;
  generator: string;
  /** The units to render, by key, each with the code of its procedure. */
  units: { key: string; code: string }[];
  /** Every version of the procedures named (and of procedures their proposals compare against). */
  versions: WireVersion[];
}

export type RenderReply = { id: number; units: { key: string; records: FileRecord[] }[] } | { id: number; error: { name: string; message: string; stack?: string } };

/** How many workers a build uses: one per core; none on one core. */
export function poolSize(requested: number | undefined): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(SCRIPT));
}

function wire(v: LoadedVersion): WireVersion {
  const f = v.file;
  const compact = compactSourceOf(v.data);
  return { file: { display: f.display, rel: f.rel, abs: f.abs, sha256: f.sha256, nonNfc: f.nonNfc }, ...(compact ? { compact } : { data: v.data }), ...(v.registryRefs ? { registryRefs: v.registryRefs } : {}) };
}

/** A job waiting for a worker: sent in the order of its procedures in the catalogue. */
interface PendingJob {
  /** The catalogue order of its first procedure, then the order its generator asked the pool in. */
  order: number;
  generator: number;
  send: (worker: number) => void;
  reject: (error: Error) => void;
}

const before = (a: PendingJob, b: PendingJob) => a.order - b.order || a.generator - b.generator;

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (r: { key: string; records: FileRecord[] }[]) => void; reject: (e: Error) => void; worker: number }>();
  /**
   * Each worker's jobs not sent yet, latest last in order (sent from the front). A procedure's jobs
   * of every generator go to the same worker, one after another: the worker then reads its
   * versions' files once for all of them (render-worker.ts keeps the data of the versions it read
   * last), where spread over both workers each version was read once per generator.
   */
  private readonly pending: PendingJob[][] = [];
  private readonly inFlight: number[] = [];
  /** Procedures by their place in the catalogue, for the order and the worker of their jobs. */
  private readonly ordinal = new Map<string, number>();
  private readonly generatorOrder = new Map<string, number>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(
    private readonly catalogue: Catalogue,
    init: Omit<RenderInit, 'registry' | 'auxiliary' | 'root' | 'display'>,
    size: number,
  ) {
    const registry: Record<string, [string, unknown][]> = {};
    for (const key of REGISTRY_KEYS) registry[key] = [...catalogue.registry[key].byId.entries()];
    const auxiliary: RenderInit['auxiliary'] = [...catalogue.auxiliary.entries()].map(([rel, aux]) => [rel, { rel: aux.file.rel, display: aux.file.display, abs: aux.file.abs, sha256: aux.file.sha256, data: aux.data }]);
    const workerData: RenderInit = { ...init, root: catalogue.root, display: catalogue.display, registry, auxiliary };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(SCRIPT, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
      worker.on('message', (reply: RenderReply) => this.settle(i, reply));
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a render worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.pending.push([]);
      this.inFlight.push(0);
    }
    for (const code of catalogue.byCode.keys()) this.ordinal.set(code, this.ordinal.size);
  }

  get size(): number {
    return this.workers.length;
  }

  /** The worker a procedure's jobs go to. */
  private workerOf(code: string): number {
    return (this.ordinal.get(code) ?? 0) % this.workers.length;
  }

  /** The versions a job needs: each procedure's, and those of the procedures its proposals are compared against. */
  private versionsFor(codes: readonly string[]): WireVersion[] {
    const needed = new Set(codes);
    for (const code of codes) for (const v of this.catalogue.byCode.get(code) ?? []) if (v.data.proposal) needed.add(v.data.proposal.baseline.code);
    const out: WireVersion[] = [];
    for (const code of needed) for (const v of this.catalogue.byCode.get(code) ?? []) out.push(wire(v));
    return out;
  }

  /**
   * Renders units of one generator in the workers, in jobs of a few procedures (all of them one
   * worker's), and calls `done` with each unit's records as its job comes back (in no fixed order).
   */
  async render(generator: string, units: readonly { key: string; code: string }[], done: (key: string, records: FileRecord[]) => void): Promise<void> {
    if (!this.generatorOrder.has(generator)) this.generatorOrder.set(generator, this.generatorOrder.size);
    const jobs: { key: string; code: string }[][] = [];
    const current: { units: { key: string; code: string }[]; codes: number; last: string | undefined }[] = this.workers.map(() => ({ units: [], codes: 0, last: undefined }));
    for (const u of units) {
      const c = current[this.workerOf(u.code)]!;
      if (u.code !== c.last) {
        if (c.codes === JOB_PROCEDURES) {
          jobs.push(c.units);
          c.units = [];
          c.codes = 0;
        }
        c.codes++;
        c.last = u.code;
      }
      c.units.push(u);
    }
    for (const c of current) if (c.units.length > 0) jobs.push(c.units);
    await Promise.all(
      jobs.map(async (job) => {
        const results = await this.run(generator, job);
        for (const r of results) done(r.key, r.records);
      }),
    );
  }

  private run(generator: string, units: { key: string; code: string }[]): Promise<{ key: string; records: FileRecord[] }[]> {
    if (this.failed) return Promise.reject(this.failed);
    const first = units[0]!.code;
    return new Promise((resolve, reject) => {
      const job: PendingJob = {
        order: this.ordinal.get(first) ?? 0,
        generator: this.generatorOrder.get(generator)!,
        send: (worker) => {
          const id = this.nextId++;
          const message: RenderJob = { id, generator, units, versions: this.versionsFor([...new Set(units.map((u) => u.code))]) };
          this.waiting.set(id, { resolve, reject, worker });
          this.workers[worker]!.postMessage(message);
        },
        reject,
      };
      const queue = this.pending[this.workerOf(first)]!;
      // Jobs come in generator by generator, each in catalogue order: inserted from the back.
      let at = queue.length;
      while (at > 0 && before(job, queue[at - 1]!) < 0) at--;
      queue.splice(at, 0, job);
      this.pump();
    });
  }

  /** Sends each worker jobs up to IN_FLIGHT: its own first, then, when it has none left, the last of the worker with the most waiting. */
  private pump(): void {
    if (this.failed) return;
    for (let w = 0; w < this.workers.length; w++) {
      while (this.inFlight[w]! < IN_FLIGHT) {
        let queue = this.pending[w]!;
        let job: PendingJob | undefined;
        if (queue.length > 0) job = queue.shift();
        else {
          for (const other of this.pending) if (other.length > queue.length) queue = other;
          // The one its own worker would reach last: the jobs just before it stay together there.
          job = queue.pop();
        }
        if (!job) break;
        this.inFlight[w]!++;
        job.send(w);
      }
    }
  }

  private settle(worker: number, reply: RenderReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    this.inFlight[worker]!--;
    this.pump();
    if ('error' in reply) {
      const error = reply.error.name === 'CatalogueOperationError' ? new CatalogueOperationError(reply.error.message) : new Error(reply.error.message);
      if (reply.error.stack && !(error instanceof CatalogueOperationError)) error.stack = reply.error.stack;
      waiting.reject(error);
    } else waiting.resolve(reply.units);
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(this.failed);
    }
    for (const queue of this.pending) for (const job of queue.splice(0)) job.reject(this.failed);
  }

  async close(): Promise<void> {
    this.failed ??= new Error('the render pool is closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
