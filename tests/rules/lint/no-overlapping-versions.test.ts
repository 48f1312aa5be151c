import { testRuleExamples } from './rule-tester.js';
import { noOverlappingVersions } from '../../../rules/lint/no-overlapping-versions.js';

testRuleExamples(noOverlappingVersions);
