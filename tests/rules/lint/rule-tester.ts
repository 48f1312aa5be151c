import { describe, expect, it } from 'vitest';
import { lintCatalogue } from '../../../rules/lint/engine.js';
import { exampleCatalogue } from '../../../rules/lint/fixture.js';
import type { LintRule, RuleExample } from '../../../rules/lint/rule.js';
import type { Diagnostic } from '../../../rules/diagnostics/diagnostic.js';
import { ruleDocsPath } from '../../../rules/lint/docs-path.js';

/** Lints an example's catalogue with one rule and returns the findings on the version under test. */
export function lintExample(rule: LintRule, example: RuleExample): Diagnostic[] {
  const { catalogue, diagnostics, subject } = exampleCatalogue(example);
  expect(diagnostics, 'the example must be schema-valid').toEqual([]);
  expect(subject, 'the example’s version must load').toBeDefined();
  const found = lintCatalogue(catalogue, [rule]);
  for (const d of found) {
    expect(d.message, `unfilled placeholder in ${d.ruleId}`).not.toMatch(/\{\{/);
    expect(Object.keys(rule.meta.messages)).toContain(d.messageId);
    // One docs URL per rule: the page the site writes for it.
    expect(d.url).toBe(`developers/rules/${rule.id}.html`);
    expect(d.url).toBe(ruleDocsPath(rule.id));
  }
  return found.filter((d) => d.file === subject!.file.display);
}

const key = (e: { messageId?: string; pointer: string }) => `${e.messageId} ${e.pointer}`;

/** Runs a rule's own documented examples as tests, as ESLint's RuleTester does. */
export function testRuleExamples(rule: LintRule): void {
  describe(`${rule.id}: documented examples`, () => {
    it('has a description, rationale and messages', () => {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.meta.description.length).toBeGreaterThan(20);
      expect(rule.meta.rationale.length).toBeGreaterThan(40);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    });
    for (const example of rule.examples.valid) {
      it(`valid: ${example.description}`, () => {
        expect(lintExample(rule, example)).toEqual([]);
      });
    }
    for (const example of rule.examples.invalid) {
      it(`invalid: ${example.description}`, () => {
        for (const e of example.errors) expect(Object.keys(rule.meta.messages)).toContain(e.messageId);
        const found = lintExample(rule, example);
        expect(found.map(key).sort()).toEqual(example.errors.map(key).sort());
      });
    }
  });
}
