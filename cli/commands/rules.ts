import { RULES } from '../../rules/lint/index.js';
import { UsageError } from '../../rules/errors.js';
import { didYouMean } from '../../rules/schema/validators.js';
import { ruleDocsMarkdown, ruleIndexMarkdown } from '../../generators/rule-docs/index.js';
import { EXIT, out } from '../run.js';

/** tthc rules [id]: the list of lint rules, or one rule's docs page. */
export async function rulesCommand(id: string | undefined): Promise<number> {
  if (id === undefined) {
    await out(ruleIndexMarkdown([...RULES.values()]));
    return EXIT.ok;
  }
  const rule = RULES.get(id);
  if (!rule) throw new UsageError(`There is no lint rule "${id}".${didYouMean(id, [...RULES.keys()])}`);
  await out(ruleDocsMarkdown(rule));
  return EXIT.ok;
}
