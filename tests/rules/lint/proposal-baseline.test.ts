import { testRuleExamples } from './rule-tester.js';
import { proposalBaseline } from '../../../rules/lint/proposal-baseline.js';

testRuleExamples(proposalBaseline);
