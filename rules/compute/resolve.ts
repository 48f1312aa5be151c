import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import { addDays, type IsoDate } from './dates.js';
import { didYouMean } from '../text/suggest.js';

/** The period in which a published (or repealed) version is the one in force. */
export interface EffectiveWindow {
  version: LoadedVersion;
  from: IsoDate;
  /** Last day in force, or null when open-ended. */
  until: IsoDate | null;
  /** Why the window ends where it does. */
  endsBecause: 'open' | 'until' | 'superseded';
  /** The version that ends this one, when superseded. */
  supersededBy: LoadedVersion | undefined;
}

/**
 * The content in force on a date (valid time) as the catalogue recorded it on a day (transaction
 * time): the version of the window, or a published correction (đính chính) of it.
 */
export interface ContentOn {
  /** The content that applies: a correction of the window's version, or the version itself. */
  version: LoadedVersion;
  /** The correction used, when there is one (version === correction). */
  correction: LoadedVersion | undefined;
  /** Corrections that would apply on the date but were recorded after the as-recorded day. */
  laterCorrections: LoadedVersion[];
}

export interface ResolveOptions {
  /**
   * Transaction time: use only corrections recorded on or before this day (the catalogue as it
   * stood then). Absent: every published correction, as the catalogue stands now.
   */
  recordedAt?: IsoDate | undefined;
}

export type Resolution =
  | {
      kind: 'in-force';
      code: string;
      date: IsoDate;
      window: EffectiveWindow;
      /** The content in force: the window's version, or its correction for the date. */
      version: LoadedVersion;
      /** The window's version (the original when a correction applies). */
      original: LoadedVersion;
      correction: LoadedVersion | undefined;
      laterCorrections: LoadedVersion[];
      recordedAt: IsoDate | undefined;
    }
  | { kind: 'not-yet-in-force'; code: string; date: IsoDate; first: EffectiveWindow }
  | { kind: 'repealed'; code: string; date: IsoDate; since: IsoDate; tombstone: LoadedVersion; last: EffectiveWindow | undefined }
  | { kind: 'lapsed'; code: string; date: IsoDate; last: EffectiveWindow }
  | { kind: 'no-published-version'; code: string; date: IsoDate; drafts: LoadedVersion[] }
  | { kind: 'unknown-code'; code: string; date: IsoDate; hint: string };

export function isInForceStatus(version: LoadedVersion): boolean {
  return version.data.status === 'published' || version.data.status === 'repealed';
}

/** A correction (đính chính) replaces a version's content; it is never a version of its own. */
export function isCorrection(version: LoadedVersion): boolean {
  return version.data.corrects !== undefined;
}

/**
 * The published corrections of one version, oldest record first (recorded day, then first day
 * corrected, then id), optionally only those recorded on or before `recordedAt`.
 */
export function correctionsOf(versions: readonly LoadedVersion[], original: LoadedVersion, recordedAt?: IsoDate): LoadedVersion[] {
  return versions
    .filter((v) => v.data.status === 'published' && v.data.corrects?.version === original.data.version && v.data.code === original.data.code && v.data.corrects.recorded !== undefined)
    .filter((v) => recordedAt === undefined || v.data.corrects!.recorded! <= recordedAt)
    .sort((a, b) => {
      const ca = a.data.corrects!;
      const cb = b.data.corrects!;
      return ca.recorded! < cb.recorded! ? -1 : ca.recorded! > cb.recorded! ? 1 : ca.from < cb.from ? -1 : ca.from > cb.from ? 1 : a.data.version < b.data.version ? -1 : 1;
    });
}

/**
 * The content of `original` on `date` as recorded on `recordedAt`: among its corrections recorded
 * by then whose first day is on or before the date, the one recorded last replaces it (a later
 * record supersedes an earlier one for every day it covers); with none, the original.
 */
export function contentOn(versions: readonly LoadedVersion[], original: LoadedVersion, date: IsoDate, recordedAt?: IsoDate): ContentOn {
  const applying = correctionsOf(versions, original).filter((c) => c.data.corrects!.from <= date);
  const known = applying.filter((c) => recordedAt === undefined || c.data.corrects!.recorded! <= recordedAt);
  const correction = known[known.length - 1];
  return { version: correction ? correctedView(original, correction) : original, correction, laterCorrections: applying.filter((c) => !known.includes(c)) };
}

const VIEWS = new WeakMap<LoadedVersion, LoadedVersion>();

/**
 * The corrected content as the version it corrects: the correction's data and file under the
 * corrected version's id, so whatever names the version in force (2.002043@v2025, its pages and
 * forms) names it as before, while `corrects` says whose content it is. One view per correction,
 * so the same content is always the same object.
 */
export function correctedView(original: LoadedVersion, correction: LoadedVersion): LoadedVersion {
  const cached = VIEWS.get(correction);
  if (cached && cached.data.version === original.data.version) return cached;
  const view: LoadedVersion = { ...correction, data: { ...correction.data, version: original.data.version } };
  VIEWS.set(correction, view);
  return view;
}

/** A version's content is a correction (a view from correctedView, or the correction itself) of `original`. */
export function isContentOf(content: LoadedVersion, original: LoadedVersion): boolean {
  return content === original || (content.data.corrects?.version === original.data.version && content.data.code === original.data.code);
}

/**
 * The windows of every published or repealed version of one procedure. A version ends on its own
 * `until`, or the day before a later version that supersedes it takes effect, whichever is first.
 */
export function effectiveWindows(versions: readonly LoadedVersion[]): EffectiveWindow[] {
  // Corrections share their original's window (contentOn picks between them).
  const live = versions.filter((v) => isInForceStatus(v) && v.data.effective && !isCorrection(v));
  const windows: EffectiveWindow[] = [];
  for (const v of live) {
    const from = v.data.effective!.from;
    const successors = live
      .filter((s) => s.data.supersedes === v.data.version && s.data.effective!.from > from)
      .sort((a, b) => (a.data.effective!.from < b.data.effective!.from ? -1 : 1));
    const successor = successors[0];
    const ownUntil = v.data.effective!.until ?? null;
    const supersededUntil = successor ? addDays(successor.data.effective!.from, -1) : null;
    let until: IsoDate | null = ownUntil;
    let endsBecause: EffectiveWindow['endsBecause'] = ownUntil ? 'until' : 'open';
    if (supersededUntil && (until === null || supersededUntil < until)) {
      until = supersededUntil;
      endsBecause = 'superseded';
    }
    windows.push({ version: v, from, until, endsBecause, supersededBy: endsBecause === 'superseded' ? successor : undefined });
  }
  return windows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.version.data.version < b.version.data.version ? -1 : 1));
}

/**
 * The days a published version's content applies: its window, or for a correction, from its own
 * first day to the end of the corrected version's window. Undefined when it has none (a draft, a
 * correction of a missing version).
 */
export function periodOf(versions: readonly LoadedVersion[], v: LoadedVersion): { from: IsoDate; until: IsoDate | null } | undefined {
  const windows = effectiveWindows(versions);
  const target = v.data.corrects ? versions.find((x) => x.data.version === v.data.corrects!.version && !isCorrection(x)) : v;
  const window = windows.find((w) => w.version === target);
  if (!window) return undefined;
  return { from: v.data.corrects ? v.data.corrects.from : window.from, until: window.until };
}

/**
 * The published version of `code` in force on `date`, or a clear account of why there is none. Its
 * content is the version's, or that of the correction that applies on the date, as recorded on
 * `options.recordedAt` (default: every correction published).
 */
export function resolve(catalogue: Catalogue, code: string, date: IsoDate, options: ResolveOptions = {}): Resolution {
  const versions = catalogue.byCode.get(code);
  if (!versions) return { kind: 'unknown-code', code, date, hint: didYouMean(code, [...catalogue.byCode.keys()]) };
  const windows = effectiveWindows(versions);
  if (windows.length === 0) return { kind: 'no-published-version', code, date, drafts: versions };
  const covering = windows.filter((w) => w.from <= date && (w.until === null || date <= w.until));
  // Overlaps are a lint error; should one slip through, the most recent start wins.
  const current = covering[covering.length - 1];
  if (current) {
    if (current.version.data.status === 'repealed') {
      const last = [...windows].reverse().find((w) => w.version.data.status !== 'repealed' && w.from < current.from);
      return { kind: 'repealed', code, date, since: current.from, tombstone: current.version, last };
    }
    const content = contentOn(versions, current.version, date, options.recordedAt);
    return { kind: 'in-force', code, date, window: current, version: content.version, original: current.version, correction: content.correction, laterCorrections: content.laterCorrections, recordedAt: options.recordedAt };
  }
  const first = windows[0]!;
  if (date < first.from) return { kind: 'not-yet-in-force', code, date, first };
  const before = windows.filter((w) => w.from <= date);
  return { kind: 'lapsed', code, date, last: before[before.length - 1]! };
}

/** The version in force, or undefined; for callers that only need the version. */
export function versionInForce(catalogue: Catalogue, code: string, date: IsoDate, options: ResolveOptions = {}): LoadedVersion | undefined {
  const r = resolve(catalogue, code, date, options);
  return r.kind === 'in-force' ? r.version : undefined;
}

/** Finds a version by code and version id. */
export function findVersion(catalogue: Catalogue, code: string, version: string): LoadedVersion | undefined {
  return catalogue.byCode.get(code)?.find((v) => v.data.version === version);
}

/** One line explaining a resolution, in English, for the CLI and logs. */
export function describeResolution(r: Resolution): string {
  switch (r.kind) {
    case 'in-force': {
      const until = r.window.until ? `until ${r.window.until}${r.window.endsBecause === 'superseded' ? ` (superseded by ${r.window.supersededBy?.data.version} from ${r.window.supersededBy?.data.effective?.from})` : ''}` : 'with no end date';
      const corrected = r.correction ? ` Its content is the correction ${r.correction.data.version}, recorded on ${r.correction.data.corrects?.recorded}, which replaces it from ${r.correction.data.corrects?.from}.` : '';
      const later = r.laterCorrections.length > 0 ? ` As recorded on ${r.recordedAt}; corrected later by ${r.laterCorrections.map((c) => `${c.data.version} (recorded on ${c.data.corrects?.recorded})`).join(', ')}.` : '';
      return `${r.code}@${r.original.data.version} is in force on ${r.date}: from ${r.window.from} ${until}.${corrected}${later}`;
    }
    case 'not-yet-in-force':
      return `${r.code} is not yet in force on ${r.date}: its first published version, ${r.first.version.data.version}, takes effect on ${r.first.from}.`;
    case 'repealed':
      return `${r.code} is repealed on ${r.date}: abolished from ${r.since} by ${r.tombstone.data.changedBy?.legalBasis.map((l) => l.document).join(', ') ?? 'an unnamed document'} (version ${r.tombstone.data.version}).`;
    case 'lapsed':
      return `${r.code} is not in force on ${r.date}: version ${r.last.version.data.version} ended on ${r.last.until} and no later version is published.`;
    case 'no-published-version':
      return `${r.code} has no published version; it has only ${r.drafts.map((d) => `${d.data.version} (${d.data.status})`).join(', ')}.`;
    case 'unknown-code':
      return `There is no procedure ${r.code} in the catalogue.${r.hint}`;
  }
}
