import { testRuleExamples } from './rule-tester.js';
import { amendmentCitesChange } from '../../../rules/lint/amendment-cites-change.js';

testRuleExamples(amendmentCitesChange);
