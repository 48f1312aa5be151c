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

/** One example as a list item: what it shows, its merge patch, the other versions it needs, what it reports. */
function exampleItem(example: RuleExample, reports?: readonly { messageId: string; pointer: string }[]): ListItem {
  const children: ListItem['children'] = [{ type: 'paragraph', children: prose(example.description) }, { type: 'code', lang: 'json', value: JSON.stringify(example.patch, null, 2) }];
  if (example.others && example.others.length > 0) {
    const n = example.others.length;
    children.push({ type: 'paragraph', children: [text(`(with ${n} other version${n === 1 ? '' : 's'} in the catalogue: ${example.others.map((o) => mergePatch(baseVersion(), o).version).join(', ')})`)] });
  }
  if (reports) {
    const found: PhrasingContent[] = [text('Reports: ')];
    reports.forEach((e, i) => found.push(...(i > 0 ? [text(', ')] : []), code(e.messageId), text(' at '), code(e.pointer)));
    children.push({ type: 'paragraph', children: found });
  }
  return { type: 'listItem', spread: true, children };
}

/** The docs page of one rule as an mdast tree. The examples are merge patches on the base version. */
export function ruleDocsTree(rule: LintRule): Root {
  const { meta } = rule;
  const children: RootContent[] = [
    heading(1, rule.id),
    paragraph(...prose(meta.description)),
    tightList([
      [strong('Type:'), text(` ${meta.type}`)],
      [strong('Severity:'), text(` ${meta.severity}`)],
      [strong('Checks:'), text(` ${meta.scope === 'version' ? 'each procedure version' : 'the catalogue as a whole'}`)],
    ]),
    heading(2, 'Why'),
    paragraph(...prose(meta.rationale)),
    heading(2, 'Messages'),
    tightList(Object.entries(meta.messages).map(([id, template]) => [code(id), ...prose(`: ${template}`)])),
  ];
  if (rule.examples.invalid.length > 0) {
    children.push(heading(2, 'Examples of incorrect specs'), paragraph(text('Each example is a JSON merge patch on the base version used by every rule’s examples.')));
    children.push({ type: 'list', ordered: false, spread: true, children: rule.examples.invalid.map((e) => exampleItem(e, e.errors)) });
  }
  if (rule.examples.valid.length > 0) {
    children.push(heading(2, 'Examples of correct specs'));
    children.push({ type: 'list', ordered: false, spread: true, children: rule.examples.valid.map((e) => exampleItem(e)) });
  }
  return { type: 'root', children };
}

/** The docs page of one rule, as Markdown (`tthc rules <id>` prints it; the site renders it). */
export function ruleDocsMarkdown(rule: LintRule): string {
  return mdastToMarkdown(ruleDocsTree(rule));
}

/** The index page: every rule with its one-line description, in id order, linked to its page. */
export function ruleIndexMarkdown(rules: readonly LintRule[]): string {
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children });
  const row = (cells: PhrasingContent[][]) => ({ type: 'tableRow' as const, children: cells.map(cell) });
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  return mdastToMarkdown({
    type: 'root',
    children: [
      heading(1, 'Lint rules'),
      {
        type: 'table',
        children: [
          row([[text('rule')], [text('type')], [text('severity')], [text('what it checks')]]),
          ...sorted.map((r) => row([[{ type: 'link', url: ruleIndexLink(r.id), children: [text(r.id)] }], [text(r.meta.type)], [text(r.meta.severity)], prose(r.meta.description)])),
        ],
      },
    ],
  });
}
