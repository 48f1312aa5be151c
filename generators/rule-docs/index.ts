import type { LintRule, RuleExample } from '../../rules/lint/rule.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { baseVersion } from '../../rules/lint/fixture.js';

/** Relative path of a rule's docs page, the same as the `url` of its diagnostics. */
export function ruleDocsPath(rule: LintRule): string {
  return `rules/${rule.id}.md`;
}

function exampleBlock(example: RuleExample): string {
  const patch = JSON.stringify(example.patch, null, 2);
  const lines = [`- ${example.description}`, '', '  ```json', ...patch.split('\n').map((l) => `  ${l}`), '  ```'];
  if (example.others && example.others.length > 0) {
    lines.push('', `  (with ${example.others.length} other version${example.others.length === 1 ? '' : 's'} in the catalogue: ${example.others.map((o) => `${mergePatch(baseVersion(), o).version}`).join(', ')})`);
  }
  return lines.join('\n');
}

/**
 * The docs page of one lint rule, generated from its metadata and examples (never written by hand,
 * so the page cannot drift from the rule). The examples are merge patches on the base version.
 */
export function ruleDocsMarkdown(rule: LintRule): string {
  const { meta } = rule;
  const out = [
    `# ${rule.id}`,
    '',
    meta.description,
    '',
    `- **Type:** ${meta.type}`,
    `- **Severity:** ${meta.severity}`,
    `- **Checks:** ${meta.scope === 'version' ? 'each procedure version' : 'the catalogue as a whole'}`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## Messages',
    '',
    ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
  ];
  if (rule.examples.invalid.length > 0) {
    out.push('', '## Examples of incorrect specs', '', 'Each example is a JSON merge patch on the base version used by every rule’s examples.', '');
    for (const example of rule.examples.invalid) {
      out.push(exampleBlock(example), '', `  Reports: ${example.errors.map((e) => `\`${e.messageId}\` at \`${e.pointer}\``).join(', ')}`, '');
    }
  }
  if (rule.examples.valid.length > 0) {
    out.push('', '## Examples of correct specs', '');
    for (const example of rule.examples.valid) out.push(exampleBlock(example), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The index page: every rule with its one-line description, in id order. */
export function ruleIndexMarkdown(rules: readonly LintRule[]): string {
  const rows = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => `| [${r.id}](${r.id}.md) | ${r.meta.type} | ${r.meta.severity} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  return ['# Lint rules', '', '| rule | type | severity | what it checks |', '|---|---|---|---|', ...rows, ''].join('\n');
}
