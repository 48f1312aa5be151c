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

export type Resolution =
  | { kind: 'in-force'; code: string; date: IsoDate; window: EffectiveWindow; version: LoadedVersion }
  | { kind: 'not-yet-in-force'; code: string; date: IsoDate; first: EffectiveWindow }
  | { kind: 'repealed'; code: string; date: IsoDate; since: IsoDate; tombstone: LoadedVersion; last: EffectiveWindow | undefined }
  | { kind: 'lapsed'; code: string; date: IsoDate; last: EffectiveWindow }
  | { kind: 'no-published-version'; code: string; date: IsoDate; drafts: LoadedVersion[] }
  | { kind: 'unknown-code'; code: string; date: IsoDate; hint: string };

export function isInForceStatus(version: LoadedVersion): boolean {
  return version.data.status === 'published' || version.data.status === 'repealed';
}

/**
 * The windows of every published or repealed version of one procedure. A version ends on its own
 * `until`, or the day before a later version that supersedes it takes effect, whichever is first.
 */
export function effectiveWindows(versions: readonly LoadedVersion[]): EffectiveWindow[] {
  const live = versions.filter((v) => isInForceStatus(v) && v.data.effective);
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

/** The published version of `code` in force on `date`, or a clear account of why there is none. */
export function resolve(catalogue: Catalogue, code: string, date: IsoDate): Resolution {
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
    return { kind: 'in-force', code, date, window: current, version: current.version };
  }
  const first = windows[0]!;
  if (date < first.from) return { kind: 'not-yet-in-force', code, date, first };
  const before = windows.filter((w) => w.from <= date);
  return { kind: 'lapsed', code, date, last: before[before.length - 1]! };
}

/** The version in force, or undefined; for callers that only need the version. */
export function versionInForce(catalogue: Catalogue, code: string, date: IsoDate): LoadedVersion | undefined {
  const r = resolve(catalogue, code, date);
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
      return `${r.code}@${r.version.data.version} is in force on ${r.date}: from ${r.window.from} ${until}.`;
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
