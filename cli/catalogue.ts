/**
 * What the question commands (due, show, fee, dossier, announce) share: reading the catalogue and
 * the working calendar. File I/O stays here, so the library functions they call remain pure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarsOf, loadCalendarFile } from '../rules/load/calendar-file.js';
import { loadCatalogue } from '../rules/load/catalogue.js';
import { type Catalogue } from '../rules/model/catalogue.js';
import { createWorkingCalendar, type WorkingCalendar } from '../rules/compute/calendar.js';
import { UsageError } from '../rules/errors.js';
import { withCatalogueLock } from '../rules/store/exclusive.js';
import { finishInterruptedPublish, PUBLISH_JOURNAL } from '../rules/store/publish.js';
import type { Diagnostic } from '../rules/diagnostics/diagnostic.js';
import { m } from './i18n.js';
import { note } from './output.js';

export const DEFAULT_CALENDAR = 'vn';

/** The calendar shipped with the package, used when the catalogue folder has none. */
export const BUNDLED_CALENDAR = fileURLToPath(new URL('../../catalogue/calendars/vn.json', import.meta.url));

/**
 * Runs a command that writes the catalogue (publish, lock, new-version) under the catalogue lock,
 * after finishing a publish that was killed half-way (and saying so).
 */
export async function writingCatalogue<T>(dir: string, what: string, body: () => Promise<T>): Promise<T> {
  return withCatalogueLock(dir, what, async () => {
    const finished = await finishInterruptedPublish(dir);
    if (finished) note(m().catalogue.finishedPublish(finished));
    return body();
  });
}

/** Before a command reads the catalogue (build, validate): a publish killed half-way is finished first. */
export async function finishPublishIfInterrupted(dir: string, what: string): Promise<void> {
  if (existsSync(path.join(dir, PUBLISH_JOURNAL))) await writingCatalogue(dir, what, async () => undefined);
}

/** Loads the catalogue for a question; problems elsewhere in it are summarised on stderr, not fatal. */
export async function loadForQuery(dir: string): Promise<{ catalogue: Catalogue; diagnostics: Diagnostic[] }> {
  const { catalogue, diagnostics } = await loadCatalogue(dir);
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'catalogue/empty');
  if (errors.length > 0) {
    note(m().catalogue.errorsInCatalogue(errors.length, dir));
  }
  return { catalogue, diagnostics };
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error');
  return d ? `${d.file}:${d.line}:${d.column}: ${d.message}` : m().catalogue.unknownProblem;
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
    if (problems.length > 0) throw new UsageError(m().catalogue.calendarInvalid(path.join(options.dir, rel), firstError(problems)));
    return fromFile(BUNDLED_CALENDAR);
  }
  const inDir = path.join(options.dir, rel);
  return fromFile(existsSync(inDir) ? inDir : BUNDLED_CALENDAR);
}

async function fromFile(file: string): Promise<WorkingCalendar> {
  const { data, diagnostics } = await loadCalendarFile(file);
  if (!data) throw new UsageError(m().catalogue.calendarInvalid(file, firstError(diagnostics)));
  return createWorkingCalendar(data);
}
