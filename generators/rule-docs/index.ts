/**
 * The docs page of each lint rule and the rule index, generated from the rules' metadata and examples
 * (never written by hand, so a page cannot drift from its rule). Written as an mdast tree through
 * the project's one Markdown writer (rules/text/render), which escapes every string it is given; the
 * site renders the Markdown with the same renderer's HTML pipeline.
 */
import path from 'node:path';
import type { ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { RULE_INDEX_PATH, ruleDocsPath } from '../../rules/lint/docs-path.js';
import { baseVersion } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import type { LintRule, RuleExample } from '../../rules/lint/rule.js';
import { mdastToMarkdown } from '../../rules/text/render/index.js';
import { LINT_MESSAGES_VI } from '../../rules/text/vi/lint-messages.js';
import { RULE_DOCS_LABELS_VI, RULE_DOCS_VI, type RuleDocsLabels } from '../../rules/text/vi/rule-docs.js';

export { RULE_INDEX_PATH, ruleDocsPath };

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
/**
 * A rule's own text (description, rationale, message templates) as phrasing: `backtick` spans are
 * code, as the rules write them; everything else is literal text, so "<code>" in a description is
 * shown, not dropped as HTML.
 */
export function prose(value: string): PhrasingContent[] {
  return value.split(/(`[^`]+`)/).flatMap((part) => (part === '' ? [] : /^`[^`]+`$/.test(part) ? [code(part.slice(1, -1))] : [text(part)]));
}
const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const tightList = (items: PhrasingContent[][]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});

/** The link from the rule index to a rule's page: both paths come from ruleDocsPath. */
export function ruleIndexLink(id: string): string {
  return path.posix.relative(path.posix.dirname(RULE_INDEX_PATH), ruleDocsPath(id));
}

/** The language of a docs page: Vietnamese by default (`tthc rules`, the site), English with --lang en. */
export type DocsLang = 'vi' | 'en';

const LABELS_EN: RuleDocsLabels = {
  type: 'Type:',
  severity: 'Severity:',
  checks: 'Checks:',
  types: { problem: 'problem', suggestion: 'suggestion' },
  severities: { error: 'error', warning: 'warning' },
  scopes: { version: 'each procedure version', catalogue: 'the catalogue as a whole' },
  why: 'Why',
  messages: 'Messages',
  incorrect: 'Examples of incorrect specs',
  patchNote: 'Each example is a JSON merge patch on the base version used by every rule’s examples.',
  correct: 'Examples of correct specs',
  others: (n, versions) => `(with ${n} other version${n === 1 ? '' : 's'} in the catalogue: ${versions})`,
  reports: 'Reports: ',
  at: ' at ',
  index: 'Lint rules',
  columns: ['rule', 'type', 'severity', 'what it checks'],
};

/** A rule's own words in a language: English from the rule, Vietnamese from RULE_DOCS_VI and LINT_MESSAGES_VI. */
interface RuleWords {
  labels: RuleDocsLabels;
  description: string;
  rationale: string;
  messages: [id: string, template: string][];
  invalid: string[];
  valid: string[];
}

/** Throws for a rule with no Vietnamese docs: tests/rules/lint/rule-docs-vi.test.ts keeps every rule covered. */
export function ruleWords(rule: LintRule, lang: DocsLang): RuleWords {
  const { meta, examples } = rule;
  if (lang === 'en') {
    return { labels: LABELS_EN, description: meta.description, rationale: meta.rationale, messages: Object.entries(meta.messages), invalid: examples.invalid.map((e) => e.description), valid: examples.valid.map((e) => e.description) };
  }
  const vi = RULE_DOCS_VI[rule.id];
  if (!vi) throw new Error(`The lint rule ${rule.id} has no Vietnamese docs in rules/text/vi/rule-docs.ts.`);
  const messages = Object.keys(meta.messages).map((id): [string, string] => {
    const template = LINT_MESSAGES_VI[`${rule.id}/${id}`];
    if (!template) throw new Error(`The lint message ${rule.id}/${id} has no Vietnamese template in rules/text/vi/lint-messages.ts.`);
    return [id, template[1]];
  });
  return { labels: RULE_DOCS_LABELS_VI, description: vi.description, rationale: vi.rationale, messages, invalid: [...vi.invalid], valid: [...vi.valid] };
}

/** One example as a list item: what it shows, its merge patch, the other versions it needs, what it reports. */
function exampleItem(labels: RuleDocsLabels, example: RuleExample, description: string, reports?: readonly { messageId: string; pointer: string }[]): ListItem {
  const children: ListItem['children'] = [{ type: 'paragraph', children: prose(description) }, { type: 'code', lang: 'json', value: JSON.stringify(example.patch, null, 2) }];
  if (example.others && example.others.length > 0) {
    children.push({ type: 'paragraph', children: [text(labels.others(example.others.length, example.others.map((o) => mergePatch(baseVersion(), o).version).join(', ')))] });
  }
  if (reports) {
    const found: PhrasingContent[] = [text(labels.reports)];
    reports.forEach((e, i) => found.push(...(i > 0 ? [text(', ')] : []), code(e.messageId), text(labels.at), code(e.pointer)));
    children.push({ type: 'paragraph', children: found });
  }
  return { type: 'listItem', spread: true, children };
}

/** The docs page of one rule as an mdast tree. The examples are merge patches on the base version. */
export function ruleDocsTree(rule: LintRule, lang: DocsLang = 'vi'): Root {
  const { meta } = rule;
  const w = ruleWords(rule, lang);
  const l = w.labels;
  const children: RootContent[] = [
    heading(1, rule.id),
    paragraph(...prose(w.description)),
    tightList([
      [strong(l.type), text(` ${l.types[meta.type]}`)],
      [strong(l.severity), text(` ${l.severities[meta.severity]}`)],
      [strong(l.checks), text(` ${l.scopes[meta.scope]}`)],
    ]),
    heading(2, l.why),
    paragraph(...prose(w.rationale)),
    heading(2, l.messages),
    tightList(w.messages.map(([id, template]) => [code(id), ...prose(`: ${template}`)])),
  ];
  if (rule.examples.invalid.length > 0) {
    children.push(heading(2, l.incorrect), paragraph(text(l.patchNote)));
    children.push({ type: 'list', ordered: false, spread: true, children: rule.examples.invalid.map((e, i) => exampleItem(l, e, w.invalid[i]!, e.errors)) });
  }
  if (rule.examples.valid.length > 0) {
    children.push(heading(2, l.correct));
    children.push({ type: 'list', ordered: false, spread: true, children: rule.examples.valid.map((e, i) => exampleItem(l, e, w.valid[i]!)) });
  }
  return { type: 'root', children };
}

/** The docs page of one rule, as Markdown (`tthc rules <id>` prints it; the site renders it). */
export function ruleDocsMarkdown(rule: LintRule, lang: DocsLang = 'vi'): string {
  return mdastToMarkdown(ruleDocsTree(rule, lang));
}

/** The index page: every rule with its one-line description, in id order, linked to its page. */
export function ruleIndexMarkdown(rules: readonly LintRule[], lang: DocsLang = 'vi'): string {
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children });
  const row = (cells: PhrasingContent[][]) => ({ type: 'tableRow' as const, children: cells.map(cell) });
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const l = lang === 'vi' ? RULE_DOCS_LABELS_VI : LABELS_EN;
  return mdastToMarkdown({
    type: 'root',
    children: [
      heading(1, l.index),
      {
        type: 'table',
        children: [
          row(l.columns.map((c) => [text(c)])),
          ...sorted.map((r) => row([[{ type: 'link', url: ruleIndexLink(r.id), children: [text(r.id)] }], [text(l.types[r.meta.type])], [text(l.severities[r.meta.severity])], prose(ruleWords(r, lang).description)])),
        ],
      },
    ],
  });
}
