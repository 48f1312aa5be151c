import { testRuleExamples } from './rule-tester.js';
import { publishedImmutable } from '../../../rules/lint/published-immutable.js';

testRuleExamples(publishedImmutable);
