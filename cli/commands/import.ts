import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { importSources, type InputFormat } from '../../rules/import/importer.js';
import { IMPORT_FORMATS } from '../../rules/import/model.js';
import { buildReport, formatReport } from '../../rules/import/report.js';
import { toCatalogueJson, writeFileAtomic } from '../../rules/store/atomic.js';
import { lang, m } from '../i18n.js';
import { formatImportReportVi } from '../import-report.js';
import { say } from '../output.js';
import { EXIT } from '../run.js';

export interface ImportFlags {
  out: string;
  format: string;
  report?: string;
  dryRun?: boolean;
  validate?: boolean;
}

/**
 * tthc import: parse, write drafts and registries, report (printed and as JSON). Exit 1 when the quality
 * bar fails. The import time is reported against its target but does not set the exit code: it measures
 * the machine as much as the import (on a loaded CI machine it doubles), and `npm run bench:import` is
 * where it is measured.
 */
export async function importCommand(inputs: string[], flags: ImportFlags): Promise<number> {
  if (inputs.length === 0) throw new UsageError(m().import.needInput);
  const format = flags.format as InputFormat;
  if (format !== 'auto' && format !== 'provincial-list' && !IMPORT_FORMATS.includes(format)) throw new UsageError(m().import.unknownFormat(flags.format, [...IMPORT_FORMATS, 'provincial-list'].join(', ')));
  const run = await importSources(inputs, { out: flags.out, format, ...(flags.dryRun ? { dryRun: true } : {}) });
  const report = await buildReport(run, inputs, { validate: !flags.dryRun && flags.validate !== false });
  const reportPath = flags.report ?? path.join(flags.out, '.tthc-import-report.json');
  if (!flags.dryRun) await writeFileAtomic(reportPath, toCatalogueJson(report));
  await say((lang() === 'vi' ? formatImportReportVi(report) : formatReport(report)) + (flags.dryRun ? m().import.dryRunDone : m().import.reportWritten(reportPath)) + '\n');
  return report.quality.every((q) => q.pass || !q.setsExitCode) ? EXIT.ok : EXIT.findings;
}
