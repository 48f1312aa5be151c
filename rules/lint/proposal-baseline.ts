import { findVersion } from '../compute/resolve.js';
import { defineRule } from './rule.js';

export const proposalBaseline = defineRule({
  id: 'proposal-baseline',
  meta: {
    type: 'problem',
    description: 'A simplification proposal names a published baseline version of the same procedure, and supersedes it.',
    rationale: 'A proposal is audited against its legal baseline (TT 02/2017/TT-VPCP): with no published baseline there is nothing to measure the cut against.',
    severity: 'error',
    scope: 'version',
    messages: {
      missing: 'The baseline {{ref}} does not exist in the catalogue.',
      otherCode: 'A proposal changes its own procedure: the baseline is {{code}}, this version is {{mine}}.',
      notPublished: 'The baseline {{ref}} is {{status}}; proposals are measured against a published version.',
      supersedes: 'A proposal supersedes its baseline: set supersedes to "{{version}}".',
    },
  },
  examples: {
    valid: [
      {
        description: 'A proposal against the published v1.',
        others: [{}],
        patch: {
          version: 'p-2026',
          status: 'proposed',
          supersedes: 'v1',
          effective: { from: '2026-07-01' },
          proposal: { id: 'pa-khai-sinh', baseline: { code: '1.001193', version: 'v1' }, title: 'Bỏ giấy chứng sinh bản giấy', rationale: 'Khai thác giấy chứng sinh điện tử.' },
        },
      },
    ],
    invalid: [
      {
        description: 'A proposal that forgets to supersede its baseline.',
        others: [{}],
        patch: {
          version: 'p-2026',
          status: 'proposed',
          supersedes: null,
          effective: { from: '2026-07-01' },
          proposal: { id: 'pa-khai-sinh', baseline: { code: '1.001193', version: 'v1' }, title: 'Bỏ giấy chứng sinh bản giấy', rationale: 'Khai thác giấy chứng sinh điện tử.' },
        },
        errors: [{ messageId: 'supersedes', pointer: '/proposal/baseline' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (!v.proposal) return;
    const { code, version } = v.proposal.baseline;
    const ref = `${code}@${version}`;
    if (code !== v.code) {
      ctx.report({ pointer: '/proposal/baseline/code', messageId: 'otherCode', data: { code, mine: v.code } });
      return;
    }
    const baseline = findVersion(ctx.catalogue, code, version);
    if (!baseline) {
      ctx.report({ pointer: '/proposal/baseline', messageId: 'missing', data: { ref } });
      return;
    }
    if (baseline.data.status !== 'published') ctx.report({ pointer: '/proposal/baseline', messageId: 'notPublished', data: { ref, status: baseline.data.status } });
    if (v.supersedes !== version) ctx.report({ pointer: v.supersedes === undefined || v.supersedes === null ? '/proposal/baseline' : '/supersedes', messageId: 'supersedes', data: { version } });
  },
});
