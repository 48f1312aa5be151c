import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { importSources } from '../../rules/import/importer.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../rules/import/model.js';
import { buildReport, formatReport } from '../../rules/import/report.js';
import { toCatalogueJson, writeFileAtomic } from '../../rules/store/atomic.js';
import { EXIT, out } from '../run.js';

export interface ImportFlags {
  out: string;
  format: string;
  report?: string;
  dryRun?: boolean;
  validate?: boolean;
}

/** tthc import: parse, write drafts and registries, report (printed and as JSON). Exit 1 when the quality bar fails. */
export async function importCommand(inputs: string[], flags: ImportFlags): Promise<number> {
  if (inputs.length === 0) throw new UsageError('Give at least one file or folder to import.');
  const format = flags.format as 'auto' | ImportFormat;
  if (format !== 'auto' && !IMPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${flags.format}": use auto, ${IMPORT_FORMATS.join(', ')}.`);
  const run = await importSources(inputs, { out: flags.out, format, ...(flags.dryRun ? { dryRun: true } : {}) });
  const report = await buildReport(run, inputs, { validate: !flags.dryRun && flags.validate !== false });
  const reportPath = flags.report ?? path.join(flags.out, '.tthc-import-report.json');
  if (!flags.dryRun) await writeFileAtomic(reportPath, toCatalogueJson(report));
  await out(formatReport(report) + (flags.dryRun ? 'Dry run: nothing was written.\n' : `Report written to ${reportPath}.\n`));
  return report.quality.every((q) => q.pass) ? EXIT.ok : EXIT.findings;
}
