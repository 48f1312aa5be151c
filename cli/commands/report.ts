import { loadCatalogue } from '../../rules/load/catalogue.js';
import { UsageError } from '../../rules/errors.js';
import { renderReport, simplificationReport, type ReportFormat } from '../../generators/simplification-report/index.js';
import { EXIT, out, parseFormat } from '../run.js';

export interface ReportFlags {
  format: string;
  agency?: string;
  field?: string;
  level?: string;
  targetCostCut: string;
}

function parsePercent(value: string, what: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(`${what} must be a percent such as 20 or 12.5, got "${value}".`);
  const n = Number(value);
  if (n > 100) throw new UsageError(`${what} must be at most 100, got ${value}.`);
  return n;
}

/**
 * tthc report simplification [dir]: exit 1 when the selection misses the target or a proposal adds
 * burden beyond its baseline, so CI can hold a plan to Nghị quyết 68/NQ-CP.
 */
export async function reportSimplificationCommand(dir: string, flags: ReportFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'html', 'json']) as ReportFormat;
  const target = parsePercent(flags.targetCostCut, '--target-cost-cut');
  const { catalogue } = await loadCatalogue(dir);
  const report = simplificationReport(catalogue, { agency: flags.agency, field: flags.field, level: flags.level, targetCostCut: target });
  await out(renderReport(report, format));
  const regressions = report.proposals.filter((p) => p.regression);
  for (const p of regressions) process.stderr.write(`tthc: regression: ${p.code}@${p.version} adds burden beyond its baseline ${p.baseline.code}@${p.baseline.version}.\n`);
  if (report.verdict.meets === false) process.stderr.write(`tthc: the selection cuts compliance cost by ${report.verdict.percent}%, short of the ${target}% target.\n`);
  return regressions.length > 0 || report.verdict.meets === false ? EXIT.findings : EXIT.ok;
}
