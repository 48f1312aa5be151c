import type { Catalogue, LoadedVersion } from './catalogue.js';

/** Code-unit order, the same on every machine and locale (deterministic output). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders versions by effective date (undated drafts last), then by version id. */
export function compareByEffective(a: LoadedVersion, b: LoadedVersion): number {
  const fa = a.data.effective?.from ?? '9999-12-31';
  const fb = b.data.effective?.from ?? '9999-12-31';
  return compareStrings(fa, fb) || compareStrings(a.data.version, b.data.version);
}

/** Sorts a catalogue's versions by code, version and file, and groups them by code, each list by effective date. */
export function indexVersions(catalogue: Catalogue): void {
  catalogue.versions.sort((a, b) => compareStrings(a.data.code, b.data.code) || compareStrings(a.data.version, b.data.version) || compareStrings(a.file.rel, b.file.rel));
  for (const version of catalogue.versions) {
    const list = catalogue.byCode.get(version.data.code);
    if (list) list.push(version);
    else catalogue.byCode.set(version.data.code, [version]);
  }
  for (const list of catalogue.byCode.values()) list.sort(compareByEffective);
}
