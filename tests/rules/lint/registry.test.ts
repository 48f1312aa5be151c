import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RULES, ALL_RULES } from '../../../rules/lint/index.js';
import { ruleDocsMarkdown, ruleDocsPath } from '../../../generators/rule-docs/index.js';
import { runTthc } from '../../helpers/cli.js';

describe('the lint rule registry', () => {
  it('is sorted by id and has at least 10 rules', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id}: has its own file, test file and docs page with its id as title`, async () => {
      await expect(access(new URL(`../../../rules/lint/${rule.id}.ts`, import.meta.url))).resolves.toBeUndefined();
      await expect(access(new URL(`./${rule.id}.test.ts`, import.meta.url))).resolves.toBeUndefined();
      expect(ruleDocsPath(rule.id)).toBe(`developers/rules/${rule.id}.html`);
      expect(ruleDocsMarkdown(rule).split('\n')[0]).toBe(`# ${rule.id}`);
    });
  }

  it('tthc rules lists every rule and shows one page; an unknown id is a usage error', async () => {
    const list = await runTthc(['rules']);
    expect(list.code).toBe(0);
    // The index sits beside the pages (developers/rules/index.html), so each link is the page's own name.
    for (const id of RULES.keys()) expect(list.stdout).toContain(`| [${id}](${id}.html) |`);
    const page = await runTthc(['rules', 'require-legal-basis']);
    expect(page.stdout).toBe(ruleDocsMarkdown(RULES.get('require-legal-basis')!, 'en'));
    const unknown = await runTthc(['rules', 'require-legal-basic']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('tthc: There is no lint rule "require-legal-basic". Did you mean "require-legal-basis"?\n');
  });
});
