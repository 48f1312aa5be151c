import { defineRule } from './rule.js';

export const timeLimitStated = defineRule({
  id: 'time-limit-stated',
  meta: {
    type: 'problem',
    description: 'A published version states its processing time limit (timeLimit is not null).',
    rationale:
      'The processing time limit (thời hạn giải quyết) is one of the parts every procedure must state (Nghị định 63/2010/NĐ-CP Art. 8(2), as amended by NĐ 92/2017/NĐ-CP). Imported drafts may carry null where the source says "Không quy định"; before publishing, state the limit or, where the law truly sets none, record that with a legal basis.',
    severity: 'warning',
    scope: 'version',
    messages: {
      missing: 'This published version states no processing time limit (timeLimit is null); state the limit the law sets.',
    },
  },
  examples: {
    valid: [{ description: 'A draft imported without a time limit.', patch: { status: 'draft', timeLimit: { value: 0, unit: 'working-days', start: 'complete-dossier' } } }],
    invalid: [],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status === 'published' && v.timeLimit === null) ctx.report({ pointer: '/timeLimit', messageId: 'missing' });
  },
});
