import { testRuleExamples } from './rule-tester.js';
import { correctionBasisInForce } from '../../../rules/lint/correction-basis-in-force.js';

testRuleExamples(correctionBasisInForce);
