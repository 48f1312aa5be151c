import { loadCatalogue } from '../../rules/load/catalogue.js';
import { UsageError } from '../../rules/errors.js';
import { renderReport, simplificationReport, type ReportFormat } from '../../generators/simplification-report/index.js';
import { parseFormat } from '../options.js';
import { m } from '../i18n.js';
import { note, outDocument } from '../output.js';
import { EXIT } from '../run.js';

export interface ReportFlags {
  format: string;
  agency?: string;
  field?: string;
  level?: string;
  targetCostCut?: string;
}

function parsePercent(value: string, what: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(m().report.percent(what, value));
  const n = Number(value);
  if (n > 100) throw new UsageError(m().report.percentMax(what, value));
  return n;
}

/**
 * tthc report simplification [dir]: exit 1 when the selection misses the target or a proposal adds
 * burden beyond its baseline, so CI can hold a plan to the target in force (registry simplificationTargets).
 */
export async function reportSimplificationCommand(dir: string, flags: ReportFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'html', 'json']) as ReportFormat;
  const target = flags.targetCostCut === undefined ? undefined : parsePercent(flags.targetCostCut, '--target-cost-cut');
  const { catalogue } = await loadCatalogue(dir);
  const report = simplificationReport(catalogue, { agency: flags.agency, field: flags.field, level: flags.level, targetCostCut: target });
  await outDocument(renderReport(report, format));
  const regressions = report.proposals.filter((p) => p.regression);
  for (const p of regressions) note(m().report.regression(`${p.code}@${p.version}`, `${p.baseline.code}@${p.baseline.version}`));
  for (const g of report.verdict.groups) {
    if (g.meets === false) note(m().report.short(g.proposals.join(', '), g.cost.percent ?? 0, g.target!.costCutPercent, g.target!.document ?? '--target-cost-cut'));
    if (g.target === null) note(m().report.noTarget(g.proposals.join(', ')));
  }
  return regressions.length > 0 || report.verdict.meets === false ? EXIT.findings : EXIT.ok;
}
