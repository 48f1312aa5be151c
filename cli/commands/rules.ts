import { RULES } from '../../rules/lint/index.js';
import { UsageError } from '../../rules/errors.js';
import { didYouMean } from '../../rules/schema/validators.js';
import { ruleDocsMarkdown, ruleIndexMarkdown } from '../../generators/rule-docs/index.js';
import { lang, m } from '../i18n.js';
import { outDocument } from '../output.js';
import { EXIT } from '../run.js';

/** tthc rules [id]: the list of lint rules, or one rule's docs page; in Vietnamese unless --lang en. */
export async function rulesCommand(id: string | undefined): Promise<number> {
  if (id === undefined) {
    await outDocument(ruleIndexMarkdown([...RULES.values()], lang()));
    return EXIT.ok;
  }
  const rule = RULES.get(id);
  if (!rule) throw new UsageError(m().rules.unknown(id, didYouMean(id, [...RULES.keys()]).replace(/^ Did you mean "(.*)"\?$/, (_, x: string) => m().guess(x))));
  await outDocument(ruleDocsMarkdown(rule, lang()));
  return EXIT.ok;
}
