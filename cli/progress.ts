/**
 * Progress of the long steps (a build's validation and each of its outputs), as people want it
 * where they read it:
 * - on a terminal (stderr is a TTY and CI is not set), one bar redrawn in place, with counts, the
 *   time spent and the time left;
 * - off a terminal (CI logs, pipes), a few plain lines: one when the catalogue is checked, one per
 *   finished output, one before the swap; never one per procedure;
 * - with --quiet, nothing: errors only (they are written elsewhere, always).
 * Small on purpose: a progress library would add a dependency for a bar of thirty characters.
 */
import { safeForTerminal } from '../rules/diagnostics/format.js';
import type { BuildProgress } from '../generators/build.js';
import { m } from './i18n.js';

export interface ProgressOptions {
  /** --quiet: nothing at all. */
  quiet?: boolean;
  /** A bar redrawn in place; default when the stream is a terminal and CI is not set. */
  live?: boolean;
}

export interface ProgressReporter {
  report: (e: BuildProgress) => void;
  /** Clears a bar left on the line. */
  done: () => void;
}

const WIDTH = 30;

/** "1:05", or "12 s" in the CLI's language: time for a progress line. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? m().progress.seconds(s) : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The bar for done of total, with counts and times: "[████░░░…] site 120/1000 · 3 s, 22 s left". */
export function progressBar(what: string, done: number, total: number, elapsedSeconds: number): string {
  const filled = total === 0 ? WIDTH : Math.min(WIDTH, Math.round((done / total) * WIDTH));
  const t = m().progress;
  const left = done > 0 && done < total ? t.left(formatDuration((elapsedSeconds / done) * (total - done))) : '';
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${what} ${done}/${total} · ${t.elapsed(formatDuration(elapsedSeconds))}${left}`;
}

/** The build's progress on `stream` (stderr). */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, options: ProgressOptions = {}): ProgressReporter {
  if (options.quiet) return { report: () => {}, done: () => {} };
  const live = options.live ?? (Boolean(stream.isTTY) && !process.env.CI);
  let drawn = false;
  let current: { generator: string; started: number } | undefined;
  const clear = () => {
    if (drawn) stream.write('\r\u001b[K');
    drawn = false;
  };
  return {
    report(e) {
      const t = m().build;
      if (e.phase === 'validated') {
        const counts = t.counts(e.versions, e.procedures, e.warnings);
        if (e.errors === 0) stream.write(`${t.valid(counts)}\n`);
        else if (e.leftOut > 0) stream.write(`${t.previewLeftOut(e.errors, e.leftOut, counts)}\n`);
      } else if (e.phase === 'generator') {
        if (!live) return;
        if (current?.generator !== e.generator) current = { generator: e.generator, started: performance.now() };
        stream.write(`\r\u001b[K${progressBar(safeForTerminal(e.generator), e.done, e.units, (performance.now() - current.started) / 1000)}`);
        drawn = true;
      } else if (e.phase === 'generator-done') {
        clear();
        current = undefined;
        const s = e.summary;
        stream.write(`${t.generatorDone(safeForTerminal(s.id), s.files, s.rendered, s.reused, s.seconds.toFixed(2))}\n`);
      } else if (e.phase === 'finishing') {
        stream.write(`${t.finishing}\n`);
      }
    },
    done: clear,
  };
}
