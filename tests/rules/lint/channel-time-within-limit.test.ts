import { testRuleExamples } from './rule-tester.js';
import { channelTimeWithinLimit } from '../../../rules/lint/channel-time-within-limit.js';

testRuleExamples(channelTimeWithinLimit);
