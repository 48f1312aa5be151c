import { testRuleExamples } from './rule-tester.js';
import { stepTimeWithinLimit } from '../../../rules/lint/step-time-within-limit.js';

testRuleExamples(stepTimeWithinLimit);
