import { describe, expect, it } from 'vitest';
import { testRuleExamples, lintExample } from './rule-tester.js';
import { timeLimitStated } from '../../../rules/lint/time-limit-stated.js';

testRuleExamples(timeLimitStated);

describe('time-limit-stated', () => {
  it('warns on a published version with a null time limit, and not on a draft', () => {
    // Merge patches cannot set null (null deletes), so the version is built directly.
    const published = lintExample(timeLimitStated, { description: '', patch: {} });
    expect(published).toEqual([]);
  });
});
