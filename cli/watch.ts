import path from 'node:path';
import type { FormatName } from '../rules/diagnostics/format.js';
import type { BuildOptions } from '../generators/build.js';
import { installInterruptHandlers } from '../generators/engine/interrupt.js';
import { watchCatalogue, type CatalogueWatch, type WatchEvent } from '../generators/engine/watch.js';
import { formatSummary, refusedLine, shownOut } from './build-summary.js';
import { m } from './i18n.js';
import { formatFindings, note, noteRaw, out, say, useColor } from './output.js';
import { progressReporter } from './progress.js';
import { EXIT, errorText } from './run.js';
import { SIGNATURE } from '../generators/engine/sign.js';

export interface WatchFlags {
  format: FormatName;
  quiet: boolean;
  signed: boolean;
  /** Told after each build that wrote the output (tthc serve --watch reloads the open pages). */
  onBuilt?: (files: readonly string[]) => void;
  /** Told once, after the first build, whatever came of it. */
  onReady?: (built: boolean) => void;
}

/**
 * What `tthc build --watch` prints: the first build as `tthc build` does (progress, summary); after
 * it, one line per rebuild; a catalogue with errors prints its findings (stylish by default, in the
 * CLI's language) and a line saying the last good output stays. --quiet prints the errors only.
 */
export function watchReporter(dir: string, options: BuildOptions, flags: WatchFlags): (e: WatchEvent) => Promise<void> {
  const shown = shownOut(options.out);
  return async (e) => {
    const t = m().build;
    if (e.kind === 'rebuilding') return;
    if (e.kind === 'built') {
      if (!flags.quiet) {
        if (e.first) {
          await say(formatSummary(e.result, shown));
          if (flags.signed) await say(t.signed(path.join(shown, SIGNATURE)) + '\n');
        } else line(t.rebuilt(t.savedFiles(e.files), e.seconds.toFixed(2), e.result.rendered, e.result.reused));
      }
      for (const w of e.result.warnings) note(t.afterSwap[w.id](w.path, w.detail));
      flags.onBuilt?.(e.files);
    } else if (e.kind === 'refused') {
      await out(formatFindings(e.result.validation.diagnostics, flags.format, useColor()));
      if (e.first) note(refusedLine(e.result, dir, options.preview === true));
      else line(t.watchRefused(e.result.validation.errors, shown));
    } else {
      if (e.first) note(errorText(e.error));
      else line(t.watchFailed(errorText(e.error)));
    }
    if (e.first) {
      if (!flags.quiet) line(t.watching(dir));
      flags.onReady?.(e.kind === 'built');
    }
  };
}

/**
 * Watches until SIGINT or SIGTERM, then stops cleanly and exits 0: a build under way has its
 * staging folder and lock removed (the interrupt handlers), and one applying its journal finishes
 * first (deferred), so the output is the last good one or the new one, whole.
 */
export async function watchBuild(dir: string, options: BuildOptions, flags: WatchFlags): Promise<number> {
  const watch = startWatch(dir, options, flags);
  installInterruptHandlers(() => stopWatch(watch, flags.quiet));
  // Never resolves: the process ends in stopWatch.
  return new Promise<number>(() => {});
}

/** Starts watching with the CLI's reporting. */
export function startWatch(dir: string, options: BuildOptions, flags: WatchFlags): CatalogueWatch {
  const report = watchReporter(dir, options, flags);
  // Events are printed in order, each once the one before is written.
  let printing = Promise.resolve();
  let first = true;
  const progress = progressReporter(process.stderr, { quiet: flags.quiet });
  return watchCatalogue(dir, {
    ...options,
    // Progress for the first build only: a rebuild is one line.
    onProgress: (e) => {
      if (first) progress.report(e);
    },
    onEvent: (e) => {
      if (e.kind !== 'rebuilding' && first) {
        first = false;
        progress.done();
      }
      printing = printing.then(() => report(e));
    },
  });
}

/** Stops watching and exits 0 (called from the signal handlers, after they removed what a build under way had made). */
export function stopWatch(watch: CatalogueWatch, quiet: boolean, beforeExit?: () => void): never {
  void watch.close();
  beforeExit?.();
  if (!quiet) line(m().build.watchStopped);
  process.exit(EXIT.ok);
}

/** One line on stderr, with its own "tthc build:" prefix. */
function line(text: string): void {
  noteRaw(text + '\n');
}
