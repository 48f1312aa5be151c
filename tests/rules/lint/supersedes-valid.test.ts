import { testRuleExamples } from './rule-tester.js';
import { supersedesValid } from '../../../rules/lint/supersedes-valid.js';

testRuleExamples(supersedesValid);
