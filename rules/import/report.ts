/**
 * The import report: what was imported, what was not and why, the warnings by kind, how much of the
 * structured data parsed, and the quality bar measured on the written catalogue.
 */
import path from 'node:path';
import { validateCatalogue } from '../validate/index.js';
import { checkCoverage, countsMatchSource } from './coverage.js';
import { formatOperation } from '../compute/diff/json.js';
import type { ImportRun } from './importer.js';
import { emptyMetrics, type ImportWarning, type RecordMetrics } from './model.js';

export interface Share {
  stated: number;
  parsed: number;
  /** parsed / stated, as a percentage with two decimals (100 when nothing is stated). */
  percent: number;
}

/** The quality bar's checks, by a stable id: the JSON report's readers and each language's wording key on it. */
export type QualityCheckId = 'no-internal-errors' | 'some-imported' | 'specs-validate' | 'time-limits-parsed' | 'fees-parsed' | 'copy-counts-match' | 'source-kept' | 'import-time';

export interface QualityCheck {
  id: QualityCheckId;
  /** In English, as are `target` and `measured`; the CLI words the check from `figures` in the user's language. */
  name: string;
  target: string;
  measured: string;
  pass: boolean;
  /** False for the import time, which depends on the machine's load: reported, but a failure is not the data's. */
  setsExitCode: boolean;
  /** What was measured, as numbers: `count` of `of` (a share in `percent`), or `seconds`; `threshold` is the target's figure. */
  figures: { count?: number; of?: number; percent?: number; threshold?: number; unitAssumed?: number; seconds?: number };
}

export interface ImportReport {
  inputs: string[];
  out: string;
  records: { total: number; clean: number; withWarnings: number; rejected: number };
  versions: { created: number; newVersions: number; unchanged: number };
  registryAdded: ImportRun['registryAdded'];
  warningsByKind: Record<string, number>;
  shares: { timeLimits: Share & { unitAssumed: number; notRegulated: number }; fees: Share; documentCounts: Share & { notesFromDocuments: number } };
  quality: QualityCheck[];
  validation: { specs: number; withoutErrors: number; percent: number; errorsByRule: Record<string, number> } | undefined;
  coverage: { fields: number; found: number; missing: { record: string; field: string; text: string }[] };
  counts: { documents: number; matching: number; mismatches: { record: string; message: string }[] };
  crossCheck: { listRows: number; listCodes: number; listCodeProblems: { record: string; code: string }[]; inListNotInDetail: string[]; inDetailNotInList: string[]; problems: { record: string; reason: string }[] };
  rejected: { record: string; reason: string }[];
  newVersions: { code: string; version: string; supersedes: string; changes: string[] }[];
  /** The provincial lists and one-stop exports read, and where each was written. */
  lists: ListReport[];
  ignoredFiles: string[];
  timings: { importMs: number; validateMs: number };
  warnings: ImportWarning[];
}

export interface ListReport {
  record: string;
  path: string;
  province: string | undefined;
  encoding: string;
  delimiter: string | undefined;
  headerLine: number | undefined;
  columns: { column: number; header?: string; role: string; by: 'header' | 'content' }[];
  rows: number;
  internal: number;
  tests: number;
  duplicates: number;
  warningsByKind: Record<string, number>;
  warnings: { record: string; kind: string; message: string }[];
}

function listReports(run: ImportRun): ListReport[] {
  return run.provincialLists.map((l) => {
    const byKind: Record<string, number> = {};
    for (const w of l.warnings) byKind[w.kind] = (byKind[w.kind] ?? 0) + 1;
    return {
      record: l.record,
      path: l.path,
      province: l.list.province,
      encoding: l.list.source.encoding,
      delimiter: l.list.source.delimiter,
      headerLine: l.headerLine,
      columns: l.list.source.columns,
      rows: l.list.rows.length,
      internal: l.list.internal?.length ?? 0,
      tests: l.list.tests?.length ?? 0,
      duplicates: l.list.duplicates?.length ?? 0,
      warningsByKind: Object.fromEntries(Object.entries(byKind).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
      warnings: l.warnings,
    };
  });
}

/** What a column became, in English, for the report. */
export const ROLE_EN: Record<string, string> = { code: 'national code', localCode: 'local code', name: 'name', nationalName: 'national name', field: 'field', agency: 'agency', onlineLevel: 'online level', decision: 'announcing decision' };

function share(stated: number, parsed: number): Share {
  return { stated, parsed, percent: stated === 0 ? 100 : Math.floor((parsed / stated) * 10000) / 100 };
}

/** Builds the report; validates the written catalogue unless asked not to (a dry run writes nothing). */
export async function buildReport(run: ImportRun, inputs: string[], options: { validate?: boolean } = {}): Promise<ImportReport> {
  const parsed = run.outcomes.filter((o) => o.status === 'parsed');
  const rejected = run.outcomes.filter((o) => o.status === 'rejected');
  const metrics: RecordMetrics = emptyMetrics();
  const warningsByKind: Record<string, number> = {};
  const warnings: ImportWarning[] = [];
  for (const o of parsed) {
    for (const [k, v] of Object.entries(o.metrics)) metrics[k as keyof RecordMetrics] += v;
    for (const w of o.warnings) {
      warningsByKind[w.kind] = (warningsByKind[w.kind] ?? 0) + 1;
      warnings.push(w);
    }
  }
  const sortedKinds = Object.fromEntries(Object.entries(warningsByKind).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));

  let validation: ImportReport['validation'];
  let validateMs = 0;
  // Nothing written (every record rejected): there is no catalogue to validate, and saying so beats an I/O error.
  if (options.validate !== false && run.versions.length > 0) {
    const started = performance.now();
    const result = await validateCatalogue(run.out);
    validateMs = performance.now() - started;
    const touched = new Set(run.versions.map((v) => path.resolve(v.path)));
    const withErrors = new Set<string>();
    const errorsByRule: Record<string, number> = {};
    for (const d of result.diagnostics) {
      if (d.severity !== 'error') continue;
      const abs = path.resolve(d.file);
      if (!touched.has(abs)) continue;
      withErrors.add(abs);
      errorsByRule[d.ruleId] = (errorsByRule[d.ruleId] ?? 0) + 1;
    }
    const specs = touched.size;
    validation = { specs, withoutErrors: specs - withErrors.size, percent: share(specs, specs - withErrors.size).percent, errorsByRule };
  }

  const coverage = checkCoverage(run);
  const counts = countsMatchSource(run);

  const listCodes = new Set(run.listRows.flatMap((r) => (r.code ? [r.code] : [])));
  const detailCodes = new Set(parsed.map((o) => (o.status === 'parsed' ? o.spec.code : '')));
  const crossCheck: ImportReport['crossCheck'] = {
    listRows: run.listRows.length,
    listCodes: listCodes.size,
    listCodeProblems: run.listRows.filter((r) => !r.code).map((r) => ({ record: r.record, code: r.rawCode })),
    inListNotInDetail: run.listRows.length > 0 ? [...listCodes].filter((c) => !detailCodes.has(c)).sort() : [],
    inDetailNotInList: run.listRows.length > 0 ? [...detailCodes].filter((c) => !listCodes.has(c)).sort() : [],
    problems: run.listProblems,
  };

  const time = share(metrics.timeStated, metrics.timeParsed);
  const fees = share(metrics.feeStated, metrics.feeParsed);
  const docs = share(metrics.documentsWithCounts, metrics.countsParsed);
  const internalErrors = rejected.filter((r) => r.status === 'rejected' && r.reason.startsWith('Internal error')).length;
  const quality: QualityCheck[] = [
    { id: 'no-internal-errors', name: 'every record imports without a crash', target: '0 internal errors', measured: `${internalErrors} internal errors`, pass: internalErrors === 0, setsExitCode: true, figures: { count: internalErrors, threshold: 0 } },
  ];
  const detailRecords = run.outcomes.length;
  quality.push({
    id: 'some-imported',
    name: 'some record imported',
    target: 'at least one, when the inputs hold detail records',
    measured: `${detailRecords - rejected.length} of ${detailRecords}`,
    pass: detailRecords === 0 || rejected.length < detailRecords,
    setsExitCode: true,
    figures: { count: detailRecords - rejected.length, of: detailRecords, threshold: 1 },
  });
  const shareCheck = (id: QualityCheckId, name: string, threshold: number, count: number, of: number, extra: Partial<QualityCheck['figures']> = {}, note = ''): QualityCheck => {
    const percent = share(of, count).percent;
    return { id, name, target: threshold === 100 ? '100%' : `≥ ${threshold}%`, measured: `${percent}% (${count}/${of}${note})`, pass: threshold === 100 ? count === of : percent >= threshold, setsExitCode: true, figures: { count, of, percent, threshold, ...extra } };
  };
  if (validation) quality.push(shareCheck('specs-validate', 'imported specs pass tthc validate without errors', 98, validation.withoutErrors, validation.specs));
  quality.push(
    shareCheck('time-limits-parsed', 'channel time limits parsed where stated', 95, time.parsed, time.stated, { unitAssumed: metrics.timeUnitAssumed }, `; ${metrics.timeUnitAssumed} with the unit assumed`),
    shareCheck('fees-parsed', 'channel fees parsed where stated', 95, fees.parsed, fees.stated),
    shareCheck('copy-counts-match', 'document copy counts match the source', 100, counts.matching, counts.documents),
    shareCheck('source-kept', 'every non-empty source field kept', 100, coverage.found, coverage.fields),
    { id: 'import-time', name: 'import time', target: '< 10 s', measured: `${(run.elapsedMs / 1000).toFixed(2)} s`, pass: run.elapsedMs < 10_000, setsExitCode: false, figures: { seconds: Math.round(run.elapsedMs) / 1000, threshold: 10 } },
  );

  return {
    inputs,
    out: run.out,
    records: {
      total: run.outcomes.length,
      clean: parsed.filter((o) => o.status === 'parsed' && o.warnings.length === 0).length,
      withWarnings: parsed.filter((o) => o.status === 'parsed' && o.warnings.length > 0).length,
      rejected: rejected.length,
    },
    versions: {
      created: run.versions.filter((v) => v.action === 'created').length,
      newVersions: run.versions.filter((v) => v.action === 'new-version').length,
      unchanged: run.versions.filter((v) => v.action === 'unchanged').length,
    },
    registryAdded: run.registryAdded,
    warningsByKind: sortedKinds,
    shares: {
      timeLimits: { ...time, unitAssumed: metrics.timeUnitAssumed, notRegulated: metrics.timeNotRegulated },
      fees,
      documentCounts: { ...docs, notesFromDocuments: metrics.notesFromDocuments },
    },
    quality,
    validation,
    coverage,
    counts,
    crossCheck,
    rejected: rejected.map((r) => ({ record: r.record, reason: r.status === 'rejected' ? r.reason : '' })),
    newVersions: run.versions
      .filter((v) => v.action === 'new-version')
      .map((v) => ({ code: v.code, version: v.version, supersedes: v.supersedes ?? '', changes: (v.changes ?? []).map(formatOperation) })),
    lists: listReports(run),
    ignoredFiles: run.ignored,
    timings: { importMs: Math.round(run.elapsedMs), validateMs: Math.round(validateMs) },
    warnings,
  };
}

/** The report for people. */
export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const pct = (s: Share) => `${s.percent}% (${s.parsed} of ${s.stated})`;
  lines.push(`Imported ${r.records.total - r.records.rejected} of ${r.records.total} records into ${r.out}: ${r.records.clean} clean, ${r.records.withWarnings} with warnings, ${r.records.rejected} rejected.`);
  lines.push(`Versions: ${r.versions.created} created, ${r.versions.newVersions} new versions proposed, ${r.versions.unchanged} unchanged.`);
  lines.push(`Registry entries added: ${r.registryAdded.legalDocuments} legal documents, ${r.registryAdded.agencies} agencies, ${r.registryAdded.fields} fields, ${r.registryAdded.levels} levels.`);
  lines.push('');
  lines.push('Parsed to structured values, where the source states one:');
  lines.push(`  channel time limits  ${pct(r.shares.timeLimits)}; unit assumed for ${r.shares.timeLimits.unitAssumed} bare numbers; ${r.shares.timeLimits.notRegulated} "Không quy định"`);
  lines.push(`  channel fees         ${pct(r.shares.fees)}`);
  lines.push(`  document counts      ${pct(r.shares.documentCounts)}; ${r.shares.documentCounts.notesFromDocuments} "documents" turned into notes`);
  lines.push('');
  lines.push('Warnings by kind:');
  for (const [kind, n] of Object.entries(r.warningsByKind)) lines.push(`  ${String(n).padStart(6)}  ${kind}`);
  if (r.rejected.length > 0) {
    lines.push('');
    const reasons = new Map<string, number>();
    for (const x of r.rejected) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    lines.push('Rejected:');
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(6)}  ${reason}`);
  }
  if (r.crossCheck.listRows > 0) {
    lines.push('');
    lines.push(`List exports: ${r.crossCheck.listRows} rows, ${r.crossCheck.listCodes} codes; ${r.crossCheck.inListNotInDetail.length} listed without a detail record, ${r.crossCheck.inDetailNotInList.length} detail records in no list, ${r.crossCheck.listCodeProblems.length} rows with an unusable code.`);
  }
  if (r.crossCheck.problems.length > 0) {
    lines.push('');
    lines.push('Lists and sheets not read:');
    for (const p of r.crossCheck.problems) lines.push(`  ${p.record}: ${p.reason}`);
  }
  for (const l of r.lists) {
    lines.push('');
    lines.push(`Provincial list ${l.record} → ${l.path}${l.province ? ` (province ${l.province})` : ''}: ${l.rows} rows with a national code, ${l.internal} with internal codes only, ${l.tests} test rows, ${l.duplicates} codes listed more than once.`);
    lines.push(`  read as ${l.encoding}${l.delimiter ? `, delimiter ${JSON.stringify(l.delimiter)}` : ''}, ${l.headerLine ? `header on line ${l.headerLine}` : 'no header (columns recognised by their content)'}`);
    for (const c of l.columns) lines.push(`  column ${c.column}${c.header ? ` "${c.header}"` : ''} → ${ROLE_EN[c.role] ?? c.role} (by ${c.by})`);
    for (const [kind, n] of Object.entries(l.warningsByKind)) lines.push(`  ${String(n).padStart(6)}  ${kind}`);
  }
  if (r.newVersions.length > 0) {
    lines.push('');
    lines.push('New versions proposed (draft, superseding the latest version):');
    for (const v of r.newVersions) {
      lines.push(`  ${v.code}@${v.version} supersedes ${v.supersedes}: ${v.changes.length} change${v.changes.length === 1 ? '' : 's'}`);
      for (const c of v.changes.slice(0, 8)) lines.push(`    ${c}`);
      if (v.changes.length > 8) lines.push(`    … ${v.changes.length - 8} more in the JSON report`);
    }
  }
  lines.push('');
  lines.push('Quality bar:');
  for (const q of r.quality) lines.push(`  ${q.pass ? 'pass' : q.setsExitCode ? 'FAIL' : 'slow'}  ${q.name}: ${q.measured} (target ${q.target}${q.setsExitCode ? '' : '; timing, not counted in the exit code'})`);
  if (r.validation && Object.keys(r.validation.errorsByRule).length > 0) {
    lines.push(`  errors in imported specs by rule: ${Object.entries(r.validation.errorsByRule).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  lines.push(`Import took ${(r.timings.importMs / 1000).toFixed(2)} s; validation ${(r.timings.validateMs / 1000).toFixed(2)} s.`);
  return lines.join('\n') + '\n';
}
