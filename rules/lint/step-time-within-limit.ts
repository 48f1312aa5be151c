import { describeDuration, inUnit } from '../compute/durations.js';
import { defineRule } from './rule.js';

export const stepTimeWithinLimit = defineRule({
  id: 'step-time-within-limit',
  meta: {
    type: 'problem',
    description: 'The steps’ time shares add up to no more than the statutory time limit.',
    rationale:
      'Each step’s share of the time limit is what agencies are held to inside the one-stop process; shares that add up to more than the statutory limit promise a result later than the law allows. Shares in calendar days or months are not compared with a limit in working days, because the answer depends on the calendar.',
    severity: 'error',
    scope: 'version',
    messages: {
      exceeds: 'The steps take {{total}} in all, more than the statutory time limit of {{limit}}.',
    },
  },
  examples: {
    valid: [{ description: 'One step of 0 working days within a same-day limit.', patch: {} }],
    invalid: [
      {
        description: 'Two steps of 3 working days each against a 5-working-day limit.',
        patch: {
          timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
          steps: [
            { id: 'a', actor: 'agency', action: 'Tiếp nhận, kiểm tra hồ sơ.', duration: { value: 3, unit: 'working-days' }, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
            { id: 'b', actor: 'agency', action: 'Xác minh, trả kết quả.', duration: { value: 24, unit: 'hours' }, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
          ],
        },
        errors: [{ messageId: 'exceeds', pointer: '/steps' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (!v.timeLimit || !v.steps) return;
    const limit = v.timeLimit;
    let total = 0;
    for (const step of v.steps) {
      if (!step.duration) continue;
      const value = inUnit(step.duration, limit.unit);
      if (value === undefined) return;
      total += value;
    }
    if (total > limit.value + 1e-9) {
      ctx.report({ pointer: '/steps', messageId: 'exceeds', data: { total: describeDuration({ value: Math.round(total * 100) / 100, unit: limit.unit }), limit: describeDuration(limit) } });
    }
  },
});
