import path from 'node:path';
import type { FormatName } from '../../rules/diagnostics/format.js';
import { formatBytes } from '../../rules/text/bytes.js';
import { buildCatalogue, type BuildProgress, type BuildResult } from '../../generators/build.js';
import { installInterruptHandlers } from '../../generators/engine/interrupt.js';
import { parseFormat, parsePositiveInt } from '../options.js';
import { finishPublishIfInterrupted } from '../catalogue.js';
import { m } from '../i18n.js';
import { formatFindings, note, say, out, useColor } from '../output.js';
import { safeForTerminal } from '../../rules/diagnostics/format.js';
import { EXIT } from '../run.js';
import { readSigningKey, SIGNATURE } from '../../generators/engine/sign.js';

export interface BuildFlags {
  out: string;
  at?: string;
  cache: boolean;
  cacheDir?: string;
  baseUrl?: string;
  strict?: boolean;
  preview?: boolean;
  format: string;
  maxFileSize?: string;
  sign?: string;
}

/** A progress bar on a terminal; on CI or a pipe, one quiet line per finished step. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { report: (e: BuildProgress) => void; done: () => void } {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let drawn = false;
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
        const width = 30;
        const filled = e.units === 0 ? width : Math.round((e.done / e.units) * width);
        stream.write(`\r\u001b[K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${safeForTerminal(e.generator)} ${e.done}/${e.units}`);
        drawn = true;
      } else if (e.phase === 'generator-done') {
        clear();
        const s = e.summary;
        stream.write(`${t.generatorDone(safeForTerminal(s.id), s.files, s.rendered, s.reused, s.seconds.toFixed(2))}\n`);
      } else if (e.phase === 'finishing') {
        stream.write(`${t.finishing}\n`);
      }
    },
    done: clear,
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** How many left-out files the summary names before it says how many more there are. */
const LEFT_OUT_SHOWN = 20;

/** The closing summary: what was written, where, and how long it took. */
export function formatSummary(result: Extract<BuildResult, { built: true }>, shownOut: string): string {
  const rows = result.generators.map((g) => [g.id, String(g.files), formatBytes(g.bytes), String(g.rendered), String(g.reused)]);
  const contentFiles = result.generators.reduce((n, g) => n + g.files, 0);
  const contentBytes = result.generators.reduce((n, g) => n + g.bytes, 0);
  const t = m().build;
  rows.push([t.manifestRow, String(result.files - contentFiles), formatBytes(result.bytes - contentBytes), '', '']);
  rows.push([t.totalRow, String(result.files), formatBytes(result.bytes), String(result.rendered), String(result.reused)]);
  const header = [...t.tableHeader];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ').trimEnd();
  const shown = shownOut.replace(/\/+$/, '');
  const lines = [t.builtHead(result.preview, result.procedures, result.inForce, result.at, result.drafts, shown, result.seconds.toFixed(2)), line(header), ...rows.map(line), '', t.output(result.out)];
  const starts = [...result.generators.filter((g) => g.start).map((g) => [`${shown}/${g.start}`, t.outputs[g.id] ?? g.description]), [`${shown}/manifest.json`, t.manifestWhat]];
  const startWidth = Math.max(...starts.map(([p]) => p!.length));
  for (const [p, what] of starts) lines.push(`  ${p!.padEnd(startWidth)}  ${what}`);
  if (result.leftOut.length > 0) {
    const errors = result.leftOut.reduce((n, f) => n + f.errors, 0);
    lines.push('', t.leftOutHead(result.leftOut.length, errors));
    for (const f of result.leftOut.slice(0, LEFT_OUT_SHOWN)) lines.push(`  ${f.file}  ${f.rules.join(', ')}`);
    if (result.leftOut.length > LEFT_OUT_SHOWN) lines.push(t.leftOutMore(result.leftOut.length - LEFT_OUT_SHOWN));
  }
  if (result.preview) lines.push('', t.previewNote);
  if (result.validation.warnings > 0) lines.push('', t.warnings(result.validation.warnings));
  return lines.join('\n') + '\n';
}

export async function buildCommand(dir: string, flags: BuildFlags): Promise<number> {
  const format = parseFormat(flags.format, ['stylish', 'json']) as FormatName;
  // The key is read before anything is built: a bad key file is a usage error, not a wasted build.
  const signingKey = flags.sign !== undefined ? readSigningKey(flags.sign) : undefined;
  await finishPublishIfInterrupted(dir, 'tthc build');
  const progress = progressReporter();
  // Ctrl+C or a SIGTERM: the staging folder and the output's lock are removed, one line says so,
  // and the exit code is 128 + the signal's number; the previous output stays as it was.
  const uninstall = installInterruptHandlers((signal) => {
    progress.done();
    note(m().build.interrupted(signal));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
  let result: BuildResult;
  try {
    result = await buildCatalogue(dir, {
      out: flags.out,
      ...(flags.at !== undefined ? { at: flags.at } : {}),
      cache: flags.cache,
      ...(flags.cacheDir !== undefined ? { cacheDir: flags.cacheDir } : {}),
      ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
      strict: flags.strict ?? false,
      preview: flags.preview ?? false,
      ...(flags.maxFileSize ? { maxFileBytes: parsePositiveInt(flags.maxFileSize, '--max-file-size') } : {}),
      onProgress: progress.report,
      ...(signingKey ? { signingKey } : {}),
    });
  } finally {
    progress.done();
    uninstall();
  }
  if (!result.built) {
    await out(formatFindings(result.validation.diagnostics, format, useColor()));
    const t = m().build;
    const why = flags.preview ? t.refusedPreview(result.validation.errors) : t.refused(result.validation.errors);
    note(t.refusedLine(why, dir, flags.preview ? '' : t.refusedHint));
    return EXIT.findings;
  }
  const shown = path.isAbsolute(flags.out) ? flags.out : path.normalize(flags.out);
  await say(formatSummary(result, shown));
  if (signingKey) await say(m().build.signed(path.join(shown, SIGNATURE)) + '\n');
  // The output is whole; what failed after it was swapped in is said, and is not a failed build.
  for (const w of result.warnings) note(m().build.afterSwap[w.id](w.path, w.detail));
  return EXIT.ok;
}
