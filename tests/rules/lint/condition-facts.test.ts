import { testRuleExamples } from './rule-tester.js';
import { conditionFacts } from '../../../rules/lint/condition-facts.js';

testRuleExamples(conditionFacts);
