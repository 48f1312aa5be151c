import { testRuleExamples } from './rule-tester.js';
import { uniqueIds } from '../../../rules/lint/unique-ids.js';

testRuleExamples(uniqueIds);
