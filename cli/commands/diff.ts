import { loadCatalogue } from '../../rules/load/catalogue.js';
import { baselineOf, resolveReference } from '../../rules/compute/references.js';
import { diffVersions } from '../../rules/compute/diff/index.js';
import { renderDiff, type DiffFormat } from '../../generators/version-diff/index.js';
import { parseFormat } from '../options.js';
import { m } from '../i18n.js';
import { note, outDocument } from '../output.js';
import { EXIT } from '../run.js';

export interface DiffFlags {
  format: string;
  dir: string;
}

/**
 * tthc diff <a> [b]: what b changes against a; with one reference, the version against its
 * baseline (a proposal's or variant's, or the version it supersedes). Exit 1 on a regression.
 */
export async function diffCommand(a: string, b: string | undefined, flags: DiffFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'html', 'json']) as DiffFormat;
  const { catalogue } = await loadCatalogue(flags.dir);
  const first = await resolveReference(catalogue, a);
  const [before, after] = b === undefined ? [baselineOf(catalogue, first.version), first] : [first, await resolveReference(catalogue, b)];
  const diff = diffVersions(catalogue, before, after);
  await outDocument(renderDiff(diff, format, catalogue.registry));
  if (diff.regression) {
    note(m().diff.regression(`${diff.after.code}@${diff.after.version}`, `${diff.before.code}@${diff.before.version}`, diff.counts.addition));
    return EXIT.findings;
  }
  return EXIT.ok;
}
