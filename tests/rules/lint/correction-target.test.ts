import { testRuleExamples } from './rule-tester.js';
import { correctionTarget } from '../../../rules/lint/correction-target.js';

testRuleExamples(correctionTarget);
