import { findVersion } from '../compute/resolve.js';
import { defineRule } from './rule.js';

export const repealValid = defineRule({
  id: 'repeal-valid',
  meta: {
    type: 'problem',
    description: 'A repeal (a version with status repealed) ends a published version and is not itself superseded.',
    rationale:
      'Abolishing a procedure is recorded as a repealed version that supersedes the last published one and cites the abolishing document, so that the published history stays immutable and the announcement can list the abolition with its code and document.',
    severity: 'error',
    scope: 'version',
    messages: {
      notPublished: 'A repeal must end a published version; {{target}} is {{status}}.',
      superseded: '{{code}} was repealed by {{version}}; a later version cannot supersede a repeal. Create the procedure anew with its own first version.',
    },
  },
  examples: {
    valid: [
      {
        description: 'v2 repeals the published v1.',
        others: [{}],
        patch: { version: 'v2', status: 'repealed', supersedes: 'v1', effective: { from: '2026-01-01' }, changedBy: { legalBasis: [{ document: '60/2014/QH13' }] } },
      },
    ],
    invalid: [
      {
        description: 'A repeal of a draft.',
        others: [{ status: 'draft' }],
        patch: { version: 'v2', status: 'repealed', supersedes: 'v1', effective: { from: '2026-01-01' }, changedBy: { legalBasis: [{ document: '60/2014/QH13' }] } },
        errors: [{ messageId: 'notPublished', pointer: '/supersedes' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status === 'repealed' && v.supersedes) {
      const target = findVersion(ctx.catalogue, v.code, v.supersedes);
      if (target && target.data.status !== 'published') ctx.report({ pointer: '/supersedes', messageId: 'notPublished', data: { target: v.supersedes, status: target.data.status } });
    }
    if (v.supersedes && v.status !== 'draft' && v.status !== 'proposed') {
      const target = findVersion(ctx.catalogue, v.code, v.supersedes);
      if (target?.data.status === 'repealed') ctx.report({ pointer: '/supersedes', messageId: 'superseded', data: { code: v.code, version: target.data.version } });
    }
  },
});
