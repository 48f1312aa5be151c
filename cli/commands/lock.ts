import { formatDiagnostics } from '../../rules/diagnostics/format.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { publishedImmutable } from '../../rules/lint/published-immutable.js';
import { lintCatalogue } from '../../rules/lint/engine.js';
import { updatedLock, writeLock } from '../../rules/store/lock.js';
import { publishVersion } from '../../rules/store/publish.js';
import { createNextVersion } from '../../rules/store/versions.js';
import { UsageError } from '../../rules/errors.js';
import { isIsoDate } from '../../rules/compute/dates.js';
import { EXIT, out, useColor } from '../run.js';

/** tthc lock: records every published version not yet in the lock; refuses while a recorded one has changed. */
export async function lockCommand(dir: string): Promise<number> {
  const { catalogue } = await loadCatalogue(dir);
  const violations = lintCatalogue(catalogue, [publishedImmutable]).filter((d) => d.severity === 'error');
  if (violations.length > 0) {
    await out(formatDiagnostics(violations, 'stylish', { color: useColor() }));
    process.stderr.write('tthc: the lock was not updated: restore the published versions above first.\n');
    return EXIT.findings;
  }
  const { lock, added } = updatedLock(catalogue);
  if (added.length === 0 && catalogue.lock) {
    await out(`Lock file is up to date: ${lock.published.length} published versions recorded.\n`);
    return EXIT.ok;
  }
  const path = await writeLock(catalogue, lock);
  await out(`Recorded ${added.length} published version${added.length === 1 ? '' : 's'} in ${path}:\n${added.map((e) => `  ${e.code}@${e.version}  ${e.sha256.slice(0, 12)}\n`).join('')}`);
  return EXIT.ok;
}

export function parseVersionRef(ref: string): { code: string; version: string } {
  const at = ref.lastIndexOf('@');
  if (at <= 0 || at === ref.length - 1) throw new UsageError(`Expected <code>@<version>, e.g. 1.001193@v2; got "${ref}".`);
  return { code: ref.slice(0, at), version: ref.slice(at + 1) };
}

export async function publishCommand(ref: string, flags: { dir: string }): Promise<number> {
  const { code, version } = parseVersionRef(ref);
  const result = await publishVersion(flags.dir, code, version);
  if (!result.published) {
    await out(formatDiagnostics(result.diagnostics, 'stylish', { color: useColor() }));
    process.stderr.write(`tthc: ${code}@${version} was not published: fix the errors above first.\n`);
    return EXIT.findings;
  }
  await out(`Published ${code}@${version} (${result.path}) and recorded it in ${result.lockPath}.\n`);
  return EXIT.ok;
}

export async function newVersionCommand(code: string, from: string, flags: { dir: string; id?: string; effective?: string }): Promise<number> {
  if (flags.effective !== undefined && !isIsoDate(flags.effective)) throw new UsageError(`--effective must be a date as YYYY-MM-DD, got "${flags.effective}".`);
  const { catalogue } = await loadCatalogue(flags.dir);
  const created = await createNextVersion(catalogue, code, from, { ...(flags.id ? { id: flags.id } : {}), ...(flags.effective ? { effectiveFrom: flags.effective } : {}) });
  await out(`Created draft ${code}@${created.data.version} at ${created.path}, superseding ${from}. Edit it, then run: tthc publish ${code}@${created.data.version}\n`);
  return EXIT.ok;
}
