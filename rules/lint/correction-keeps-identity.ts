import { findVersion, isCorrection } from '../compute/resolve.js';
import { defineRule } from './rule.js';
import { severityFor } from '../model/spec.js';

const period = (e: { from: string; until?: string | null } | undefined) => (e ? `from ${e.from}${e.until ? ` to ${e.until}` : ''}` : 'no period');

export const correctionKeepsIdentity = defineRule({
  id: 'correction-keeps-identity',
  meta: {
    type: 'problem',
    description: 'A correction keeps the code, effective period and `supersedes` of the version it corrects, and is not a repeal or a proposal; it changes content only, from `corrects.from`.',
    rationale:
      'A correction (đính chính) says what a published version should have said; it does not start a new version. Moving its start or its place in the chain would change which version governs which days behind the reader’s back: a change of period is a new version (tthc new-version), and a change from a day inside the period is stated with corrects.from.',
    severity: 'error',
    scope: 'version',
    messages: {
      effective: 'A correction keeps the period of {{target}} ({{expected}}); this one says {{actual}}. To correct from a later day, set corrects.from.',
      supersedes: 'A correction keeps the place of {{target}} in the chain: {{target}} supersedes {{expected}}, this one {{actual}}.',
      supersedesMissing: 'A correction keeps the place of {{target}} in the chain: {{target}} supersedes {{expected}}, this one names no version it supersedes.',
      supersedesExtra: 'A correction keeps the place of {{target}} in the chain: {{target}} supersedes no version, this one says it supersedes {{actual}}.',
      status: 'A correction is a {{status}} version; a repeal or a proposal is a version of its own, not a correction.',
    },
  },
  examples: {
    valid: [
      {
        description: 'A correction with the period and supersedes of the version it corrects.',
        others: [{}],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13', article: '16' }], reason: 'Thiếu giấy tờ.' } },
      },
    ],
    invalid: [
      {
        description: 'A correction that moves the effective start.',
        others: [{}],
        patch: { version: 'v1.dc1', effective: { from: '2021-01-01' }, corrects: { version: 'v1', from: '2021-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'effective', pointer: '/effective' }],
      },
      {
        description: 'A correction that says it supersedes a version, where the version it corrects supersedes none.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }, {}],
        patch: { version: 'v1.dc1', supersedes: 'v0', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'supersedesExtra', pointer: '/supersedes' }],
      },
      {
        description: 'A correction that leaves out the version its original supersedes.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }, { supersedes: 'v0' }],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'supersedesMissing', pointer: '/supersedes' }],
      },
      {
        description: 'A correction that names another version than its original supersedes.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }, { version: 'v00', effective: { from: '2015-01-01' } }, { supersedes: 'v0' }],
        patch: { version: 'v1.dc1', supersedes: 'v00', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'supersedes', pointer: '/supersedes' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const c = v.corrects;
    if (!c) return;
    const severity = severityFor(v);
    if (v.status === 'repealed' || v.status === 'proposed') ctx.report({ pointer: '/status', messageId: 'status', data: { status: v.status }, severity });
    const target = findVersion(ctx.catalogue, v.code, c.version);
    // correction-target reports a missing target or a correction of a correction.
    if (!target || isCorrection(target)) return;
    const mine = v.effective;
    const theirs = target.data.effective;
    if (mine?.from !== theirs?.from || (mine?.until ?? null) !== (theirs?.until ?? null)) {
      ctx.report({ pointer: v.effective ? '/effective' : '/corrects', messageId: 'effective', data: { target: c.version, expected: period(theirs), actual: period(mine) }, severity });
    }
    const ours = v.supersedes ?? null;
    const original = target.data.supersedes ?? null;
    if (ours !== original) {
      // A missing supersedes is reported on the object that lacks it, as a schema `required` error would be.
      if (ours === null) ctx.report({ pointer: v.supersedes === undefined ? '' : '/supersedes', messageId: 'supersedesMissing', data: { target: c.version, expected: original! }, severity });
      else if (original === null) ctx.report({ pointer: '/supersedes', messageId: 'supersedesExtra', data: { target: c.version, actual: ours }, severity });
      else ctx.report({ pointer: '/supersedes', messageId: 'supersedes', data: { target: c.version, expected: original, actual: ours }, severity });
    }
  },
});
