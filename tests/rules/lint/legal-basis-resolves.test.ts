import { testRuleExamples } from './rule-tester.js';
import { legalBasisResolves } from '../../../rules/lint/legal-basis-resolves.js';

testRuleExamples(legalBasisResolves);
