import { testRuleExamples } from './rule-tester.js';
import { unresolvedUncertainty } from '../../../rules/lint/unresolved-uncertainty.js';

testRuleExamples(unresolvedUncertainty);
