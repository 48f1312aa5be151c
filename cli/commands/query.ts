/**
 * What the question commands (due, show, fee, dossier) share: reading the catalogue and the working
 * calendar, and parsing --fact, --supplement and office-hours options. File I/O stays here, so the
 * library functions they call remain pure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarsOf, loadCalendarFile, loadCatalogue, type Catalogue } from '../../rules/load/catalogue.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../rules/compute/calendar.js';
import type { Supplement } from '../../rules/compute/deadlines.js';
import type { LegalRef } from '../../rules/schema/types/procedure-version.js';
import type { TimeSpan } from '../../rules/schema/types/calendar.js';
import { isIsoDate, todayInVietnam } from '../../rules/compute/dates.js';
import { citeRef } from '../../rules/text/vi.js';
import { UsageError } from '../../rules/errors.js';
import type { Diagnostic } from '../../rules/diagnostics/diagnostic.js';

export const DEFAULT_CALENDAR = 'vn';

/** The calendar shipped with the package, used when the catalogue folder has none. */
export const BUNDLED_CALENDAR = fileURLToPath(new URL('../../../catalogue/calendars/vn.json', import.meta.url));

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --fact key=value … as a record; a malformed or contradictory pair is a usage error. */
export function parseFactOptions(pairs: readonly string[] = []): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--fact expects key=value (e.g. --fact soBan=3), got "${pair}".`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (key in facts && facts[key] !== value) throw new UsageError(`The fact "${key}" is given twice, as "${facts[key]}" and "${value}".`);
    facts[key] = value;
  }
  return facts;
}

/** --supplement <requested>/<resubmitted>, e.g. 2025-03-04T10:00/2025-03-10. */
export function parseSupplements(values: readonly string[] = []): Supplement[] {
  return values.map((v) => {
    const parts = v.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`--supplement expects <requested>/<resubmitted>, e.g. 2025-03-04T10:00/2025-03-10; got "${v}".`);
    return { requested: parts[0], resubmitted: parts[1] };
  });
}

/** --office-hours 08:00-12:00,13:00-17:00. The times are checked by the library. */
export function parseOfficeHours(value: string | undefined): TimeSpan[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((span) => {
    const m = /^\s*(\S+?)\s*[-–]\s*(\S+?)\s*$/.exec(span);
    if (!m) throw new UsageError(`--office-hours expects spans like 08:00-12:00,13:00-17:00; got "${value}".`);
    return { from: m[1]!, to: m[2]! };
  });
}

export function parseDateOption(value: string | undefined, what: string): string {
  if (value === undefined) return todayInVietnam();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${what} expects a date as YYYY-MM-DD, got "${value}".`);
  if (!isIsoDate(value)) throw new UsageError(`${what}: ${value} is not a real calendar date.`);
  return value;
}

/** Loads the catalogue for a question; problems elsewhere in it are summarised on stderr, not fatal. */
export async function loadForQuery(dir: string): Promise<{ catalogue: Catalogue; diagnostics: Diagnostic[] }> {
  const { catalogue, diagnostics } = await loadCatalogue(dir);
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'catalogue/empty');
  if (errors.length > 0) {
    process.stderr.write(`tthc: warning: ${errors.length} error${errors.length === 1 ? '' : 's'} in the catalogue ${dir} (run tthc validate ${dir}); answers ignore the files affected.\n`);
  }
  return { catalogue, diagnostics };
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error');
  return d ? `${d.file}:${d.line}:${d.column}: ${d.message}` : 'unknown problem';
}

/**
 * The working calendar: --calendar <file> when given; else the catalogue's calendars/vn.json; else
 * the one bundled with the package. An invalid calendar file is a usage error, never silently replaced.
 */
export async function workingCalendar(options: { file?: string | undefined; catalogue?: Catalogue | undefined; catalogueDiagnostics?: readonly Diagnostic[]; dir: string }): Promise<WorkingCalendar> {
  if (options.file !== undefined) return fromFile(options.file);
  const rel = `calendars/${DEFAULT_CALENDAR}.json`;
  if (options.catalogue) {
    const found = calendarsOf(options.catalogue).get(DEFAULT_CALENDAR);
    if (found) return createWorkingCalendar(found.data);
    const problems = (options.catalogueDiagnostics ?? []).filter((d) => d.file.endsWith(rel));
    if (problems.length > 0) throw new UsageError(`The working calendar ${path.join(options.dir, rel)} is invalid: ${firstError(problems)}`);
    return fromFile(BUNDLED_CALENDAR);
  }
  const inDir = path.join(options.dir, rel);
  return fromFile(existsSync(inDir) ? inDir : BUNDLED_CALENDAR);
}

async function fromFile(file: string): Promise<WorkingCalendar> {
  const { data, diagnostics } = await loadCalendarFile(file);
  if (!data) throw new UsageError(`The working calendar ${file} is invalid: ${firstError(diagnostics)}`);
  return createWorkingCalendar(data);
}

/** A citation in Vietnamese, with the registered document's title when the catalogue knows it. */
export function cite(catalogue: Catalogue | undefined, ref: LegalRef): string {
  return citeRef(ref, catalogue?.registry.legalDocuments.byId.get(ref.document));
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
