import { defineRule } from './rule.js';

export const amendmentCitesChange = defineRule({
  id: 'amendment-cites-change',
  meta: {
    type: 'suggestion',
    description: 'A published version that supersedes another names the document that makes the change (changedBy).',
    rationale:
      'An announcement lists each amended procedure with the legal document that amends it (Tên VBQPPL quy định nội dung sửa đổi, TT 02/2017/TT-VPCP). Without changedBy, the announcement draft has a blank in that column.',
    severity: 'warning',
    scope: 'version',
    messages: {
      missing: 'This version supersedes {{target}} but does not say which legal document makes the change; add changedBy.legalBasis.',
    },
  },
  examples: {
    valid: [
      {
        description: 'An amendment that names its amending document.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }],
        patch: { supersedes: 'v0', changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } },
      },
    ],
    invalid: [
      {
        description: 'An amendment with no changedBy.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }],
        patch: { supersedes: 'v0' },
        errors: [{ messageId: 'missing', pointer: '/supersedes' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status !== 'published' || !v.supersedes || v.changedBy) return;
    ctx.report({ pointer: '/supersedes', messageId: 'missing', data: { target: v.supersedes } });
  },
});
