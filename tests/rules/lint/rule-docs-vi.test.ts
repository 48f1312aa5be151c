/**
 * Every lint rule is documented in both languages (issue 19): the English is the rule's own meta and
 * examples, the Vietnamese is rules/text/vi/rule-docs.ts, one entry per rule with one line per example,
 * and its messages are in rules/text/vi/lint-messages.ts. A new rule without Vietnamese docs fails here.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../rules/lint/index.js';
import { RULE_DOCS_VI } from '../../../rules/text/vi/rule-docs.js';
import { ruleDocsMarkdown, ruleIndexMarkdown } from '../../../generators/rule-docs/index.js';

// Letters only Vietnamese (among the languages here) writes: a Vietnamese text has some.
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

describe('the rules’ Vietnamese docs', () => {
  it('cover every rule and no other', () => {
    expect(Object.keys(RULE_DOCS_VI).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id}: a description, a rationale and a line for each example, in Vietnamese, NFC`, () => {
      const vi = RULE_DOCS_VI[rule.id]!;
      expect(vi.invalid.length).toBe(rule.examples.invalid.length);
      expect(vi.valid.length).toBe(rule.examples.valid.length);
      const english = [rule.meta.description, rule.meta.rationale, ...rule.examples.invalid.map((e) => e.description), ...rule.examples.valid.map((e) => e.description)];
      [vi.description, vi.rationale, ...vi.invalid, ...vi.valid].forEach((text, i) => {
        expect(text.normalize('NFC'), text).toBe(text);
        expect(text, `${rule.id}: ${english[i]}`).toMatch(VIETNAMESE);
        expect(text).not.toBe(english[i]);
        expect(text.trim()).toBe(text);
        expect(text).toMatch(/[.)]$|^`|[^.]$/u);
      });
      // Code spans in the English (property names, paths) are kept as they are.
      for (const span of rule.meta.description.match(/`[^`]+`/g) ?? []) expect(vi.description).toContain(span);
    });

    it(`${rule.id}: its page is the same page in each language, with the words of that language`, () => {
      const en = ruleDocsMarkdown(rule, 'en');
      const vi = ruleDocsMarkdown(rule, 'vi');
      expect(vi.split('\n')[0]).toBe(`# ${rule.id}`);
      // (The Markdown escapes what could be read as markup, such as `<code>`.)
      expect(vi.replace(/\\(.)/g, '$1')).toContain(RULE_DOCS_VI[rule.id]!.description);
      expect(vi).not.toMatch(/\b(Why|Messages|Examples|Reports|Severity|Type:|Checks:)\b/);
      // The same examples, patches and reported message ids and pointers.
      const codeOf = (md: string) => md.match(/```json\n[\s\S]*?```|`[^`\n]+`/g) ?? [];
      expect(codeOf(vi)).toEqual(codeOf(en));
      for (const id of Object.keys(rule.meta.messages)) expect(vi).toContain(`- \`${id}\`: `);
    });
  }

  it('words the index in Vietnamese, with every rule linked', () => {
    const index = ruleIndexMarkdown(ALL_RULES, 'vi');
    expect(index.split('\n')[0]).toBe('# Quy tắc kiểm tra');
    expect(index).toContain('| quy tắc | loại | mức độ | nội dung kiểm tra |');
    for (const rule of ALL_RULES) expect(index).toContain(`| [${rule.id}](${rule.id}.html) |`);
  });
});
