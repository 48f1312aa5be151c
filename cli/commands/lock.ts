import { loadCatalogue } from '../../rules/load/catalogue.js';
import { publishedImmutable } from '../../rules/lint/published-immutable.js';
import { lintCatalogue } from '../../rules/lint/engine.js';
import { assertLockUsable, updatedLock, writeLock } from '../../rules/store/lock.js';
import { writingCatalogue } from '../catalogue.js';
import { m } from '../i18n.js';
import { formatFindings, note, out, say, useColor } from '../output.js';
import { EXIT } from '../run.js';

/**
 * tthc lock: records every published version not yet in the lock; refuses while a recorded one has
 * changed, while the lock cannot be read, and where there is no lock unless --init starts one.
 */
export async function lockCommand(dir: string, flags: { init?: boolean } = {}): Promise<number> {
  return writingCatalogue(dir, 'tthc lock', () => lockUnderLock(dir, flags));
}

async function lockUnderLock(dir: string, flags: { init?: boolean }): Promise<number> {
  const { catalogue } = await loadCatalogue(dir);
  const init = flags.init === true;
  assertLockUsable(catalogue, { init });
  const violations = lintCatalogue(catalogue, [publishedImmutable]).filter((d) => d.severity === 'error');
  if (violations.length > 0) {
    await out(formatFindings(violations, 'stylish', useColor()));
    note(m().lock.notUpdated);
    return EXIT.findings;
  }
  const { lock, added } = updatedLock(catalogue, { init });
  if (added.length === 0 && catalogue.lock) {
    await say(m().lock.upToDate(lock.published.length) + '\n');
    return EXIT.ok;
  }
  const path = await writeLock(catalogue, lock);
  await say(`${m().lock.recorded(added.length, path)}\n${added.map((e) => `  ${e.code}@${e.version}  ${e.sha256.slice(0, 12)}\n`).join('')}`);
  return EXIT.ok;
}
