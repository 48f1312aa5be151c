import { testRuleExamples } from './rule-tester.js';
import { requireLegalBasis } from '../../../rules/lint/require-legal-basis.js';

testRuleExamples(requireLegalBasis);
