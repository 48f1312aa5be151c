import { testRuleExamples } from './rule-tester.js';
import { notStated } from '../../../rules/lint/not-stated.js';

testRuleExamples(notStated);
