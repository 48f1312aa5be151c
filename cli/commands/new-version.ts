import { loadCatalogue } from '../../rules/load/catalogue.js';
import { findVersion } from '../../rules/compute/resolve.js';
import { lintVersion } from '../../rules/lint/engine.js';
import { ALL_RULES } from '../../rules/lint/index.js';
import { createNextVersion } from '../../rules/store/versions.js';
import { CatalogueOperationError } from '../../rules/errors.js';
import { checkIsoDate } from '../../rules/compute/dates.js';
import { writingCatalogue } from '../catalogue.js';
import { m } from '../i18n.js';
import { findingMessage, say } from '../output.js';
import { EXIT } from '../run.js';

/**
 * tthc new-version: a new draft of a procedure, copied from an existing version that it supersedes.
 * It then says what it copied that tthc publish would refuse on the new effective date (a legal
 * basis no longer in force, a level abolished, …): the same check as `tthc validate` on drafts.
 */
export async function newVersionCommand(code: string, from: string, flags: { dir: string; id?: string; effective?: string }): Promise<number> {
  if (flags.effective !== undefined) checkIsoDate(flags.effective, '--effective');
  // Under the catalogue lock, read afresh: two at once would both take the next free version id.
  return writingCatalogue(flags.dir, 'tthc new-version', () => newVersionUnderLock(code, from, flags));
}

async function newVersionUnderLock(code: string, from: string, flags: { dir: string; id?: string; effective?: string }): Promise<number> {
  const { catalogue } = await loadCatalogue(flags.dir);
  if (!findVersion(catalogue, code, from)) {
    const versions = (catalogue.byCode.get(code) ?? []).map((v) => `${v.data.version} (${m().statusName(v.data.status)})`).join(', ');
    throw new CatalogueOperationError(m().newVersion.noSource(code, from, versions));
  }
  const created = await createNextVersion(catalogue, code, from, { ...(flags.id ? { id: flags.id } : {}), ...(flags.effective ? { effectiveFrom: flags.effective } : {}) });
  const ref = `${code}@${created.data.version}`;
  const lines = [m().newVersion.created(ref, created.path, from)];
  if (!created.data.effective) {
    lines.push(m().newVersion.noEffective(ref));
  } else {
    const reloaded = await loadCatalogue(flags.dir);
    const draft = findVersion(reloaded.catalogue, code, created.data.version);
    const blockers = draft ? lintVersion(reloaded.catalogue, ALL_RULES, draft).filter((d) => d.blocksPublishing).sort((a, b) => a.line - b.line || a.column - b.column) : [];
    if (blockers.length > 0) {
      lines.push(m().newVersion.blockersHead(blockers.length, ref, created.data.effective.from));
      for (const d of blockers) lines.push(`  ${d.line}:${d.column}  ${d.pointer}  ${findingMessage(d)}  (${d.ruleId})`);
    }
  }
  await say(lines.join('\n') + '\n');
  return EXIT.ok;
}

