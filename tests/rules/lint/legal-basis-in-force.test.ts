import { testRuleExamples } from './rule-tester.js';
import { legalBasisInForce } from '../../../rules/lint/legal-basis-in-force.js';

testRuleExamples(legalBasisInForce);
