import { testRuleExamples } from './rule-tester.js';
import { legalBasisAuthority } from '../../../rules/lint/legal-basis-authority.js';

testRuleExamples(legalBasisAuthority);
