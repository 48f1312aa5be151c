import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { CatalogueAccessError } from '../errors.js';
import type { Catalogue, SourceFile } from '../model/catalogue.js';
import type { WorkingCalendar } from '../schema/types/calendar.generated.js';
import { describeIoError, toPosix, type FoundFile } from './files.js';
import { kindOf, MAX_CALENDAR_BYTES } from './layout.js';
import { fileLevelDiagnostic } from '../diagnostics/place.js';
import { formatBytes } from '../text/bytes.js';
import { readAndParse } from './parse-file.js';

/** The calendars of a catalogue (calendars/<id>.json that passed their checks), by id. */
export function calendarsOf(catalogue: Catalogue): Map<string, { file: SourceFile; data: WorkingCalendar }> {
  const out = new Map<string, { file: SourceFile; data: WorkingCalendar }>();
  for (const [rel, aux] of catalogue.auxiliary) {
    if (kindOf(rel) === 'calendar') out.set((aux.data as WorkingCalendar).id, { file: aux.file, data: aux.data as WorkingCalendar });
  }
  return out;
}

/**
 * Loads one calendar file on its own (for counting days without a catalogue): read, parse, schema
 * and calendar checks, with positioned diagnostics. `data` is undefined when it has errors.
 */
export async function loadCalendarFile(file: string, options: { maxBytes?: number } = {}): Promise<{ data: WorkingCalendar | undefined; diagnostics: Diagnostic[] }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new CatalogueAccessError(`Cannot open calendar file ${file}: ${describeIoError(error)}.`);
  }
  if (!info.isFile()) throw new CatalogueAccessError(`${file} is not a file: give a calendar file such as catalogue/calendars/vn.json.`);
  const limit = options.maxBytes ?? MAX_CALENDAR_BYTES;
  // Refused on its size before it is opened (readAndParse checks again on the open file, which may have grown).
  if (info.size > limit) return { data: undefined, diagnostics: [fileLevelDiagnostic(toPosix(file), 'io/too-large', 'error', `File is ${formatBytes(info.size)}, over the ${formatBytes(limit)} limit for a working calendar; it was not read.`)] };
  const found: FoundFile = { abs: path.resolve(file), rel: `calendars/${path.basename(file)}` };
  const parsed = readAndParse(found, 'calendar', toPosix(file), limit);
  return { data: parsed.file ? (parsed.data as WorkingCalendar) : undefined, diagnostics: sortDiagnostics(parsed.diagnostics) };
}
