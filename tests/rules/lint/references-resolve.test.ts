import { testRuleExamples } from './rule-tester.js';
import { referencesResolve } from '../../../rules/lint/references-resolve.js';

testRuleExamples(referencesResolve);
