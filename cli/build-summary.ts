import path from 'node:path';
import type { BuildResult } from '../generators/build.js';
import { formatBytes } from '../rules/text/bytes.js';
import { m } from './i18n.js';

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

/** --out as the summary shows it. */
export function shownOut(out: string): string {
  return path.isAbsolute(out) ? out : path.normalize(out);
}

/** The one line under a refused build's findings. */
export function refusedLine(result: Extract<BuildResult, { built: false }>, dir: string, preview: boolean): string {
  const t = m().build;
  const why = preview ? t.refusedPreview(result.validation.errors) : t.refused(result.validation.errors);
  return t.refusedLine(why, dir, preview ? '' : t.refusedHint);
}
