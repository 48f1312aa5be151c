import { testRuleExamples } from './rule-tester.js';
import { onlineServiceLevel } from '../../../rules/lint/online-service-level.js';

testRuleExamples(onlineServiceLevel);
