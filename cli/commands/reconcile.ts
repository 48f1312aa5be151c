import path from 'node:path';
import { reconcileList } from '../../rules/compute/reconcile.js';
import { UsageError } from '../../rules/errors.js';
import { readCsvTable, readXlsxTables } from '../../rules/import/formats/list-table.js';
import { readProvincialList } from '../../rules/import/formats/provincial-list.js';
import { loadListFile } from '../../rules/load/list-file.js';
import type { ProvincialList } from '../../rules/schema/types/provincial-list.generated.js';
import { RECONCILE_FORMATS, renderReconcile, type ReconcileFormat } from '../../generators/reconcile-report/index.js';
import { loadForQuery, workingCalendar } from '../catalogue.js';
import { m } from '../i18n.js';
import { parseDateOption, parseFormat } from '../options.js';
import { formatFindings, note, noteRaw, outDocument, useColor } from '../output.js';
import { EXIT } from '../run.js';

export interface ReconcileFlags {
  catalogue: string;
  province?: string;
  at?: string;
  format: string;
  calendar?: string;
}

/** The list to check: a lists/<province>.json file (schema-checked), or a .csv/.xlsx list read as `tthc import` reads it. */
async function readList(file: string): Promise<ProvincialList | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    const { data, diagnostics } = await loadListFile(file);
    if (!data) noteRaw(formatFindings(diagnostics, 'stylish', useColor()));
    return data;
  }
  if (ext !== '.csv' && ext !== '.tsv' && ext !== '.txt' && ext !== '.xlsx') throw new UsageError(m().reconcile.unknownInput(file));
  let tables;
  try {
    tables = ext === '.xlsx' ? await readXlsxTables(file) : [await readCsvTable(file)];
  } catch (error) {
    throw new UsageError(m().reconcile.unreadable(file, error instanceof Error ? error.message : String(error)));
  }
  const lists = tables.map((t) => readProvincialList(t, path.basename(file)).list).filter((l) => l.rows.length + (l.internal?.length ?? 0) + (l.tests?.length ?? 0) > 0);
  if (lists.length === 0) throw new UsageError(m().reconcile.noRows(file));
  return lists[0];
}

/**
 * tthc reconcile <list>: is the province's list complete and current on the date? Exit 0 when it
 * is, 1 with findings, 2 when the list or an option cannot be used.
 */
export async function reconcileCommand(file: string, flags: ReconcileFlags): Promise<number> {
  const format = parseFormat(flags.format, RECONCILE_FORMATS) as ReconcileFormat;
  const date = parseDateOption(flags.at, '--at');
  if (flags.province !== undefined && !/^H[0-9]{2}$/.test(flags.province)) throw new UsageError(m().reconcile.badProvince(flags.province));
  const list = await readList(file);
  if (!list) return EXIT.usage;
  const { catalogue, diagnostics } = await loadForQuery(flags.catalogue);
  const calendar = await workingCalendar({ file: flags.calendar, catalogue, catalogueDiagnostics: diagnostics, dir: flags.catalogue });
  const report = reconcileList(catalogue, list, { date, calendar, province: flags.province });
  await outDocument(renderReconcile(report, format));
  if (!report.complete) note(m().reconcile.summary(report.totals.rowProblems, report.totals.missing, report.totals.differences, report.totals.noDecision, report.totals.duplicates, report.totals.internal + report.totals.tests));
  return report.complete ? EXIT.ok : EXIT.findings;
}
