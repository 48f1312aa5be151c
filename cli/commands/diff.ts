import { loadCatalogue } from '../../rules/load/catalogue.js';
import { baselineOf, resolveReference } from '../../rules/compute/references.js';
import { diffVersions } from '../../rules/compute/diff/index.js';
import { renderDiff, type DiffFormat } from '../../generators/version-diff/index.js';
import { EXIT, out, parseFormat } from '../run.js';

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
  await out(renderDiff(diff, format, catalogue.registry));
  if (diff.regression) {
    process.stderr.write(`tthc: regression: ${diff.after.code}@${diff.after.version} adds burden beyond its baseline ${diff.before.code}@${diff.before.version} (${diff.counts.addition} addition${diff.counts.addition === 1 ? '' : 's'}).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
