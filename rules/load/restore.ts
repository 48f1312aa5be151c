import { statSync } from 'node:fs';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { registryRefs } from '../model/spec.js';
import type { FoundFile } from './files.js';
import { JsonSource } from './json-source.js';
import { lazyVersion, metaOf } from './lazy.js';
import { rereadText, type ParsedFile } from './parse-file.js';
import type { CatalogueState, Stat, StoredVersion } from './state.js';

/** A file modified this recently (ms) is not trusted from the catalogue state next time: some file systems keep times to 2 s. */
const RACY_MS = 2000;

/**
 * A procedure version restored from the catalogue state when its stat is unchanged (its data then
 * read lazily), and the stat to record it under when it has to be read.
 */
export function restoreVersion(found: FoundFile, display: string, state: CatalogueState): { stat: Stat | undefined; parsed?: ParsedFile } {
  let info;
  try {
    info = statSync(found.abs);
  } catch {
    return { stat: undefined };
  }
  const stat: Stat = [info.size, info.mtimeMs, info.ctimeMs, info.ino];
  // A file changed within the clock's granularity of this read could change again without its
  // stat changing ("racy", as git calls it): read it now, and again next time.
  if (Date.now() - Math.max(info.mtimeMs, info.ctimeMs) < RACY_MS) stat[0] = -1;
  const stored = state.lookup(found.rel, stat);
  if (!stored) return { stat };
  const result: ParsedFile = { found, kind: 'version', file: undefined, data: undefined, diagnostics: [...stored.diagnostics], stored };
  if (stored.ok) {
    const reload = () => rereadText(found.abs);
    result.file = { display, rel: found.rel, abs: found.abs, source: new JsonSource(undefined, reload), nonNfc: stored.nonNfc ?? [], sha256: stored.sha256 };
    if (stored.contentSha256 !== undefined) result.file.contentSha256 = stored.contentSha256;
    result.data = lazyVersion({ abs: found.abs, sha256: stored.sha256, keys: stored.keys ?? [], meta: stored.meta ?? {}, normalized: stored.normalized ?? false });
  }
  return { stat, parsed: result };
}

/** Records a version read now in the catalogue state. */
export function recordVersion(state: CatalogueState, fresh: ParsedFile, stat: Stat): void {
  const entry: StoredVersion = { stat, sha256: fresh.file?.sha256 ?? '', diagnostics: fresh.diagnostics, ok: Boolean(fresh.file && fresh.data !== undefined) };
  if (entry.ok) {
    const data = fresh.data as ProcedureVersion;
    entry.keys = fresh.summary?.keys ?? Object.keys(data);
    entry.meta = fresh.summary?.meta ?? metaOf(data);
    entry.normalized = fresh.normalized ?? false;
    entry.nonNfc = [...fresh.file!.nonNfc];
    entry.registryRefs = fresh.summary?.registryRefs ?? registryRefs(data);
    if (fresh.file!.contentSha256 !== undefined) entry.contentSha256 = fresh.file!.contentSha256;
    fresh.stored = entry;
  }
  state.record(fresh.found.rel, entry);
}
