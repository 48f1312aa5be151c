import { testRuleExamples } from './rule-tester.js';
import { textNfc } from '../../../rules/lint/text-nfc.js';

testRuleExamples(textNfc);
