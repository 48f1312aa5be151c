import { testRuleExamples } from './rule-tester.js';
import { fileLocation } from '../../../rules/lint/file-location.js';

testRuleExamples(fileLocation);
