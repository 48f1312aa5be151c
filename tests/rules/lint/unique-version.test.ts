import { testRuleExamples } from './rule-tester.js';
import { uniqueVersion } from '../../../rules/lint/unique-version.js';

testRuleExamples(uniqueVersion);
