import { contentHash } from '../load/canonical.js';
import { JsonSource } from '../load/json-source.js';
import { LOCK_FILE } from '../load/layout.js';
import { displayPath, type Catalogue, type LoadedVersion, type SourceFile } from '../model/catalogue.js';
import { defineRule } from './rule.js';
import { isLive } from '../model/spec.js';

/**
 * The lock's hash of a version: the one computed from its content when its file was parsed (or
 * restored with the bytes it came from), else computed now, once per data object. Never taken
 * from the lock itself: a lock entry's bytesSha256 says nothing about the content it stands for.
 */
const hashes = new WeakMap<object, string>();
export function versionHash(v: LoadedVersion): string {
  if (v.file.contentSha256 !== undefined) return v.file.contentSha256;
  let h = hashes.get(v.data);
  if (!h) {
    h = contentHash(v.data);
    hashes.set(v.data, h);
  }
  return h;
}

/** The lock file as a place for diagnostics, when it could not be loaded or is not there. */
function lockPlace(catalogue: Catalogue): SourceFile {
  const rel = catalogue.lockRejected?.rel ?? LOCK_FILE;
  return { display: catalogue.lockRejected?.display ?? displayPath(catalogue.display, rel), rel, abs: `${catalogue.root}/${rel}`, source: new JsonSource(''), nonNfc: [], sha256: '' };
}

export const publishedImmutable = defineRule({
  id: 'published-immutable',
  meta: {
    type: 'problem',
    description: 'Published versions never change: the lock file (tthc.lock.json) records the SHA-256 of each, and any edit, deletion or rename is an error.',
    rationale:
      'A published version is a legal record: what the catalogue said the law required from a given day. Changing it rewrites history that citizens and agencies relied on. A change is made by publishing a new version that supersedes it.',
    severity: 'error',
    scope: 'catalogue',
    messages: {
      modified:
        '{{code}}@{{version}} was changed after it was published (recorded sha256 {{expected}}, now {{actual}}). Published versions are immutable: restore the file (git checkout -- {{path}}) and make the change in a new version that supersedes {{version}} (tthc new-version {{code}} {{version}}).',
      deleted: 'The published version {{code}}@{{version}} ({{path}}) has been deleted. Published versions are immutable: restore the file; to abolish the procedure, publish a repealed version that supersedes it.',
      renamed: 'The published version {{code}}@{{version}} was moved or renamed from {{path}} to {{now}}. Published versions are immutable: move it back.',
      missingEntry: '{{code}}@{{version}} is published but not recorded in the lock file; run `tthc lock` to record it.',
      noLock:
        'The catalogue has published versions but no lock file ({{file}}), so nothing shows they are unchanged. If it was deleted, restore it (git checkout -- {{file}}); only a new catalogue starts one, with `tthc lock --init`. `tthc build` and `tthc validate --strict` refuse a catalogue in this state.',
      unreadableLock:
        'The lock file {{file}} exists but cannot be used (see the errors above), so no published version can be checked against it. Restore it (git checkout -- {{file}}, or resolve the merge conflict); `tthc lock` and `tthc publish` will not rebuild it from the current content.',
    },
  },
  examples: { valid: [], invalid: [] },
  check(ctx) {
    const { catalogue } = ctx;
    const live = catalogue.versions.filter((v) => isLive(v.data));
    const lock = catalogue.lock;
    if (catalogue.lockRejected) {
      const file = lockPlace(catalogue);
      ctx.report({ file, pointer: '', messageId: 'unreadableLock', data: { file: file.display } });
      return;
    }
    if (!lock) {
      const file = lockPlace(catalogue);
      // A warning for validate (a catalogue being set up); build and validate --strict refuse it (requireLock).
      if (live.length > 0) ctx.report({ file, pointer: '', messageId: 'noLock', severity: 'warning', data: { file: file.display } });
      return;
    }
    const byKey = new Map(live.map((v) => [`${v.data.code}@${v.data.version}`, v]));
    // Only a missing entry needs every version's hash, to tell a move from a deletion.
    let byHash: Map<string, LoadedVersion> | undefined;
    const movedTo = (sha256: string) => {
      if (!byHash) {
        byHash = new Map();
        for (const v of catalogue.versions) byHash.set(versionHash(v), v);
      }
      return byHash.get(sha256);
    };
    const locked = new Set<string>();
    lock.data.published.forEach((entry, index) => {
      const key = `${entry.code}@${entry.version}`;
      locked.add(key);
      const current = byKey.get(key) ?? catalogue.versions.find((v) => v.data.code === entry.code && v.data.version === entry.version);
      const pointer = `/published/${index}`;
      if (current) {
        // The content hash as the loader computed it from the file (or the state kept it with the
        // bytes it came from); an entry's bytesSha256 never stands in for it.
        const actual = versionHash(current);
        if (actual !== entry.sha256) {
          ctx.report({
            file: current.file,
            pointer: '',
            messageId: 'modified',
            data: { code: entry.code, version: entry.version, expected: entry.sha256.slice(0, 12), actual: actual.slice(0, 12), path: current.file.display },
            related: [{ file: lock.file, pointer, message: 'recorded here' }],
          });
        } else if (current.file.rel !== entry.path) {
          ctx.report({ file: current.file, pointer: '', messageId: 'renamed', data: { code: entry.code, version: entry.version, path: entry.path, now: current.file.rel } });
        }
        return;
      }
      if (catalogue.rejected.has(entry.path)) return; // the file is there but invalid; its own diagnostics say why.
      const moved = movedTo(entry.sha256);
      if (moved) {
        ctx.report({ file: moved.file, pointer: '', messageId: 'renamed', data: { code: entry.code, version: entry.version, path: entry.path, now: moved.file.rel } });
        return;
      }
      ctx.report({ file: lock.file, pointer, messageId: 'deleted', data: { code: entry.code, version: entry.version, path: entry.path } });
    });
    for (const v of live) {
      const key = `${v.data.code}@${v.data.version}`;
      if (locked.has(key)) continue;
      ctx.report({ file: v.file, pointer: '/status', messageId: 'missingEntry', severity: 'warning', data: { code: v.data.code, version: v.data.version } });
    }
  },
});
