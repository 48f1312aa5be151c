import { publishVersion } from '../../rules/store/publish.js';
import { writingCatalogue } from '../catalogue.js';
import { parseVersionRef } from '../options.js';
import { m } from '../i18n.js';
import { formatFindings, note, out, say, useColor } from '../output.js';
import { EXIT } from '../run.js';

/** tthc publish: sets a draft or proposal published and records it in the lock, if it has no errors. */
export async function publishCommand(ref: string, flags: { dir: string }): Promise<number> {
  const { code, version } = parseVersionRef(ref);
  // One writer of the catalogue at a time; a publish killed half-way before this one is finished first.
  const result = await writingCatalogue(flags.dir, 'tthc publish', () => publishVersion(flags.dir, code, version));
  if (!result.published) {
    await out(formatFindings(result.diagnostics, 'stylish', useColor()));
    note(m().publish.notPublished(`${code}@${version}`));
    return EXIT.findings;
  }
  await say(m().publish.published(`${code}@${version}`, result.path, result.lockPath) + '\n');
  return EXIT.ok;
}
