import { testRuleExamples } from './rule-tester.js';
import { repealValid } from '../../../rules/lint/repeal-valid.js';

testRuleExamples(repealValid);
