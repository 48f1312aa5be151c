import { testRuleExamples } from './rule-tester.js';
import { variantWithinBaseline } from '../../../rules/lint/variant-within-baseline.js';

testRuleExamples(variantWithinBaseline);
