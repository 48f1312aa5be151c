import path from 'node:path';
import { formatDiagnostics, type FormatName } from '../../rules/diagnostics/format.js';
import { formatBytes } from '../../rules/load/catalogue.js';
import { buildCatalogue, type BuildProgress, type BuildResult } from '../../generators/build.js';
import { EXIT, out, parseFormat, parsePositiveInt, useColor } from '../run.js';

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
      if (e.phase === 'validated') {
        const counts = `${e.versions} version${e.versions === 1 ? '' : 's'} of ${e.procedures} procedure${e.procedures === 1 ? '' : 's'}${e.warnings > 0 ? `, ${e.warnings} warning${e.warnings === 1 ? '' : 's'}` : ''}`;
        if (e.errors === 0) stream.write(`tthc build: catalogue valid (${counts})\n`);
        else if (e.leftOut > 0) stream.write(`tthc build: preview: ${e.errors} error${e.errors === 1 ? '' : 's'} in ${e.leftOut} version file${e.leftOut === 1 ? '' : 's'}, which are left out (${counts})\n`);
      } else if (e.phase === 'generator') {
        if (!live) return;
        const width = 30;
        const filled = e.units === 0 ? width : Math.round((e.done / e.units) * width);
        stream.write(`\r\u001b[K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${e.generator} ${e.done}/${e.units}`);
        drawn = true;
      } else if (e.phase === 'generator-done') {
        clear();
        const s = e.summary;
        stream.write(`tthc build: ${s.id}: ${s.files} files (${s.rendered} rendered, ${s.reused} unchanged) in ${s.seconds.toFixed(2)} s\n`);
      } else if (e.phase === 'finishing') {
        stream.write('tthc build: writing the manifest and swapping the output in\n');
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
  rows.push(['manifest', String(result.files - contentFiles), formatBytes(result.bytes - contentBytes), '', '']);
  rows.push(['total', String(result.files), formatBytes(result.bytes), String(result.rendered), String(result.reused)]);
  const header = ['output', 'files', 'size', 'rendered', 'unchanged'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ').trimEnd();
  const shown = shownOut.replace(/\/+$/, '');
  const drafts = result.drafts > 0 ? `, ${result.drafts} shown from a draft` : '';
  const lines = [
    `Built ${result.preview ? 'a preview of ' : ''}${result.procedures} procedure${result.procedures === 1 ? '' : 's'} (${result.inForce} in force on ${result.at}${drafts}) into ${shown}/ in ${result.seconds.toFixed(2)} s:`,
    line(header),
    ...rows.map(line),
    '',
    `Output: ${result.out}`,
  ];
  const starts = [...result.generators.filter((g) => g.start).map((g) => [`${shown}/${g.start}`, g.description]), [`${shown}/manifest.json`, 'the SHA-256 of every file, for incremental sync']];
  const startWidth = Math.max(...starts.map(([p]) => p!.length));
  for (const [p, what] of starts) lines.push(`  ${p!.padEnd(startWidth)}  ${what}`);
  if (result.leftOut.length > 0) {
    const errors = result.leftOut.reduce((n, f) => n + f.errors, 0);
    lines.push('', `Left out of this preview: ${result.leftOut.length} version file${result.leftOut.length === 1 ? '' : 's'} with ${errors} error${errors === 1 ? '' : 's'} (\`tthc validate\` lists them):`);
    for (const f of result.leftOut.slice(0, LEFT_OUT_SHOWN)) lines.push(`  ${f.file}  ${f.rules.join(', ')}`);
    if (result.leftOut.length > LEFT_OUT_SHOWN) lines.push(`  … and ${result.leftOut.length - LEFT_OUT_SHOWN} more`);
  }
  if (result.preview) lines.push('', 'This is a preview: drafts are not law. Publish versions (tthc publish) before building the public catalogue.');
  if (result.validation.warnings > 0) lines.push('', `The catalogue has ${result.validation.warnings} warning${result.validation.warnings === 1 ? '' : 's'}: run \`tthc validate\` to see them.`);
  return lines.join('\n') + '\n';
}

export async function buildCommand(dir: string, flags: BuildFlags): Promise<number> {
  const format = parseFormat(flags.format, ['stylish', 'json']) as FormatName;
  const progress = progressReporter();
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
    });
  } finally {
    progress.done();
  }
  if (!result.built) {
    await out(formatDiagnostics(result.validation.diagnostics, format, { color: useColor() }));
    const why = flags.preview
      ? `${result.validation.errors} error${result.validation.errors === 1 ? '' : 's'} (listed above), some outside procedure version files (registries, the lock, calendars), which a preview cannot leave out`
      : `the catalogue has ${result.validation.errors} error${result.validation.errors === 1 ? '' : 's'} (listed above)`;
    const hint = flags.preview ? '' : ' To review a catalogue that is not ready to publish (a fresh import), build a preview with --preview.';
    process.stderr.write(`tthc: build refused: ${why}; nothing was written. Fix them, or check with \`tthc validate ${dir}\`.${hint}\n`);
    return EXIT.findings;
  }
  await out(formatSummary(result, path.isAbsolute(flags.out) ? flags.out : path.normalize(flags.out)));
  return EXIT.ok;
}
