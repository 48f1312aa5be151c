import { findVersion } from '../compute/resolve.js';
import { defineRule } from './rule.js';
import { isLive } from '../model/spec.js';

export const supersedesValid = defineRule({
  id: 'supersedes-valid',
  meta: {
    type: 'problem',
    description: '`supersedes` names an existing, earlier version of the same procedure, without cycles; a published version supersedes only a published one.',
    rationale: 'The chain of supersession is the legal history of a procedure: announcements, diffs and “the version in force on a date” all follow it.',
    severity: 'error',
    scope: 'version',
    messages: {
      unknown: 'There is no version "{{target}}" of {{code}} to supersede.',
      self: 'A version cannot supersede itself.',
      cycle: 'The supersedes chain loops back to {{version}}: {{chain}}.',
      notLater: '{{version}} (from {{from}}) must take effect after the version it supersedes, {{target}} (from {{targetFrom}}).',
      supersedesUnpublished: 'A {{status}} version cannot be superseded by a published one: {{target}} is {{targetStatus}}.',
    },
  },
  examples: {
    valid: [{ description: 'v1 supersedes v0, which took effect earlier.', others: [{ version: 'v0', effective: { from: '2016-01-01' } }], patch: { supersedes: 'v0' } }],
    invalid: [
      { description: 'A version that supersedes a missing one.', patch: { supersedes: 'v0' }, errors: [{ messageId: 'unknown', pointer: '/supersedes' }] },
      {
        description: 'A version that supersedes a later one.',
        others: [{ version: 'v0', effective: { from: '2021-01-01' } }],
        patch: { supersedes: 'v0' },
        errors: [{ messageId: 'notLater', pointer: '/supersedes' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const target = v.supersedes;
    if (target === undefined || target === null) return;
    if (target === v.version) {
      ctx.report({ pointer: '/supersedes', messageId: 'self' });
      return;
    }
    const superseded = findVersion(ctx.catalogue, v.code, target);
    if (!superseded) {
      const rejected = [...ctx.catalogue.rejected].some((rel) => rel === `procedures/${v.code}/${target}.json`);
      if (!rejected) ctx.report({ pointer: '/supersedes', messageId: 'unknown', data: { target, code: v.code } });
      return;
    }
    const chain = [v.version];
    let cursor: typeof superseded | undefined = superseded;
    while (cursor) {
      if (cursor.data.version === v.version) {
        ctx.report({ pointer: '/supersedes', messageId: 'cycle', data: { version: v.version, chain: [...chain, v.version].join(' → ') } });
        return;
      }
      if (chain.includes(cursor.data.version)) break;
      chain.push(cursor.data.version);
      const next: string | null | undefined = cursor.data.supersedes;
      cursor = next ? findVersion(ctx.catalogue, v.code, next) : undefined;
    }
    if (isLive(v) && !isLive(superseded.data)) {
      ctx.report({ pointer: '/supersedes', messageId: 'supersedesUnpublished', data: { status: v.status, target, targetStatus: superseded.data.status } });
      return;
    }
    const from = v.effective?.from;
    const targetFrom = superseded.data.effective?.from;
    if (isLive(v) && from && targetFrom && from <= targetFrom) {
      ctx.report({ pointer: '/supersedes', messageId: 'notLater', data: { version: v.version, from, target, targetFrom } });
    }
  },
});
