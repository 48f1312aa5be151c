import { testRuleExamples } from './rule-tester.js';
import { correctionKeepsIdentity } from '../../../rules/lint/correction-keeps-identity.js';

testRuleExamples(correctionKeepsIdentity);
