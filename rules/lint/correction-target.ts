import { effectiveWindows, findVersion, isCorrection } from '../compute/resolve.js';
import { defineRule } from './rule.js';
import { severityFor } from '../model/spec.js';

export const correctionTarget = defineRule({
  id: 'correction-target',
  meta: {
    type: 'problem',
    description: 'A correction (`corrects`) names a published version of the same procedure, not a draft, a repeal or another correction, and applies from a day inside that version’s period.',
    rationale:
      'A correction (đính chính) replaces content the catalogue published and locked, for days that version governs; a draft is changed directly, and a correction of a correction, or one outside the period, would leave no single answer to “what applied on this day, as recorded then?”.',
    severity: 'error',
    scope: 'version',
    messages: {
      unknown: 'There is no version "{{target}}" of {{code}} to correct.',
      notPublished: 'Only published content is corrected: {{target}} is {{status}}; change it directly, or publish it first.',
      ofCorrection: '{{target}} is itself a correction; correct the version it corrects, {{original}}.',
      outsidePeriod: 'The correction applies from {{from}}, outside the period of {{target}} ({{period}}).',
    },
  },
  examples: {
    valid: [
      {
        description: 'A correction of the published v1 from a day inside its period.',
        others: [{}],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2021-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13', article: '16' }], reason: 'Thiếu giấy tờ.' } },
      },
    ],
    invalid: [
      {
        description: 'A correction of a version that does not exist.',
        patch: { version: 'v1.dc1', corrects: { version: 'v0', from: '2021-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'unknown', pointer: '/corrects/version' }],
      },
      {
        description: 'A correction of a draft.',
        others: [{ status: 'draft' }],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2021-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'notPublished', pointer: '/corrects/version' }],
      },
      {
        description: 'A correction of a correction.',
        others: [{}, { version: 'v1.dc1', corrects: { version: 'v1', from: '2021-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } }],
        patch: { version: 'v1.dc2', corrects: { version: 'v1.dc1', from: '2021-01-01', recorded: '2026-12-04', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'ofCorrection', pointer: '/corrects/version' }],
      },
      {
        description: 'A correction from a day before the version it corrects took effect.',
        others: [{}],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2020-01-01', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13' }], reason: 'Thiếu giấy tờ.' } },
        errors: [{ messageId: 'outsidePeriod', pointer: '/corrects/from' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const c = v.corrects;
    if (!c) return;
    const severity = severityFor(v);
    const target = findVersion(ctx.catalogue, v.code, c.version);
    if (!target) {
      const rejected = ctx.catalogue.rejected.has(`procedures/${v.code}/${c.version}.json`);
      if (!rejected) ctx.report({ pointer: '/corrects/version', messageId: 'unknown', data: { target: c.version, code: v.code }, severity });
      return;
    }
    if (isCorrection(target)) {
      ctx.report({ pointer: '/corrects/version', messageId: 'ofCorrection', data: { target: c.version, original: target.data.corrects!.version }, severity });
      return;
    }
    if (target.data.status !== 'published') {
      ctx.report({ pointer: '/corrects/version', messageId: 'notPublished', data: { target: c.version, status: target.data.status }, severity });
      return;
    }
    const window = effectiveWindows(ctx.catalogue.byCode.get(v.code) ?? []).find((w) => w.version === target);
    if (!window) return;
    if (c.from < window.from || (window.until !== null && c.from > window.until)) {
      const period = window.until ? `from ${window.from} to ${window.until}` : `from ${window.from} with no end`;
      ctx.report({ pointer: '/corrects/from', messageId: 'outsidePeriod', data: { from: c.from, target: c.version, period }, severity });
    }
  },
});
