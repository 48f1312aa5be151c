import { testRuleExamples } from './rule-tester.js';
import { levelInForce } from '../../../rules/lint/level-in-force.js';

testRuleExamples(levelInForce);
