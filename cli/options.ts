/**
 * Parsing of command-line option values shared by the commands: repeatable options, --fact,
 * --supplement, --office-hours, dates, counts, --format and <code>@<version> references. A bad
 * value is a UsageError (exit 2), never a stack trace.
 */
import type { Supplement } from '../rules/compute/deadlines.js';
import type { TimeSpan } from '../rules/schema/types/calendar.generated.js';
import { checkIsoDate, todayInVietnam } from '../rules/compute/dates.js';
import { UsageError } from '../rules/errors.js';
import { m } from './i18n.js';

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * --fact key=value … as a record; a malformed or contradictory pair is a usage error. Collected in a
 * Map, so a key such as __proto__ or constructor is a key like any other (a plain object would
 * find Object.prototype under it and report "given twice, as [object Object]").
 */
export function parseFactOptions(pairs: readonly string[] = []): Record<string, string> {
  const facts = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(m().opt.factPair(pair));
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const before = facts.get(key);
    if (before !== undefined && before !== value) throw new UsageError(m().opt.factTwice(key, before, value));
    facts.set(key, value);
  }
  // Object.fromEntries defines own properties, __proto__ included.
  return Object.fromEntries(facts);
}

/** --supplement <requested>/<resubmitted>, e.g. 2025-03-04T10:00/2025-03-10. */
export function parseSupplements(values: readonly string[] = []): Supplement[] {
  return values.map((v) => {
    const parts = v.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(m().opt.supplement(v));
    return { requested: parts[0], resubmitted: parts[1] };
  });
}

/** --office-hours 08:00-12:00,13:00-17:00. The times are checked by the library. */
export function parseOfficeHours(value: string | undefined): TimeSpan[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((span) => {
    const match = /^\s*(\S+?)\s*[-–]\s*(\S+?)\s*$/.exec(span);
    if (!match) throw new UsageError(m().opt.officeHours(value));
    return { from: match[1]!, to: match[2]! };
  });
}

export function parseDateOption(value: string | undefined, what: string): string {
  if (value === undefined) return todayInVietnam();
  return checkIsoDate(value, what);
}

/**
 * --as-recorded <date> (or its alias --known-at): the catalogue as recorded on that day
 * (transaction time), so corrections recorded later are left out. Undefined when not given.
 */
export function parseRecordedOption(flags: { asRecorded?: string | undefined; knownAt?: string | undefined }): string | undefined {
  const { asRecorded, knownAt } = flags;
  if (asRecorded !== undefined && knownAt !== undefined && asRecorded !== knownAt) throw new UsageError(m().opt.recordedTwice(asRecorded, knownAt));
  const value = asRecorded ?? knownAt;
  return value === undefined ? undefined : checkIsoDate(value, asRecorded !== undefined ? '--as-recorded' : '--known-at');
}

export function parsePositiveInt(value: string, what: string): number {
  if (!/^[0-9]+$/.test(value)) throw new UsageError(m().opt.wholeNumber(what, value));
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(m().opt.positive(what, value));
  return n;
}

/** A --format value, checked against the formats a command offers. */
export function parseFormat(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(m().opt.format(value, allowed.join(m().opt.or)));
  return value;
}

export function parseVersionRef(ref: string): { code: string; version: string } {
  const at = ref.lastIndexOf('@');
  if (at <= 0 || at === ref.length - 1) throw new UsageError(m().opt.versionRef(ref));
  return { code: ref.slice(0, at), version: ref.slice(at + 1) };
}
