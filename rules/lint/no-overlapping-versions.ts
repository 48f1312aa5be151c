import { effectiveWindows } from '../compute/resolve.js';
import { defineRule } from './rule.js';

export const noOverlappingVersions = defineRule({
  id: 'no-overlapping-versions',
  meta: {
    type: 'problem',
    description: 'At most one published version of a procedure is in force on any day.',
    rationale:
      'Asked “what did the law require on this date?”, the catalogue must give one answer. A later version ends an earlier one only when it says it supersedes it; otherwise the earlier one must state its last day.',
    severity: 'error',
    scope: 'version',
    messages: {
      overlap: '{{code}}@{{version}} (from {{from}}) overlaps {{other}}, in force {{otherPeriod}}. Say that this version supersedes {{other}}, or give {{other}} an end date (effective.until).',
    },
  },
  examples: {
    valid: [
      {
        description: 'A second version that supersedes the first, which then ends the day before.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }],
        patch: { supersedes: 'v0' },
      },
    ],
    invalid: [
      {
        description: 'A second version that forgets to say it supersedes the first.',
        others: [{ version: 'v0', effective: { from: '2016-01-01' } }],
        patch: {},
        errors: [{ messageId: 'overlap', pointer: '/effective' }],
      },
    ],
  },
  check(ctx) {
    const me = ctx.version.data;
    if ((me.status !== 'published' && me.status !== 'repealed') || !me.effective) return;
    const windows = effectiveWindows(ctx.catalogue.byCode.get(me.code) ?? []);
    const mine = windows.find((w) => w.version === ctx.version);
    if (!mine) return;
    for (const other of windows) {
      if (other === mine) continue;
      // Report each overlap once, on the version that starts later (or, on the same day, the later id).
      const otherFirst = other.from < mine.from || (other.from === mine.from && other.version.data.version < me.version);
      if (!otherFirst) continue;
      const overlaps = other.until === null || other.until >= mine.from;
      if (!overlaps) continue;
      ctx.report({
        pointer: '/effective',
        messageId: 'overlap',
        data: {
          code: me.code,
          version: me.version,
          from: mine.from,
          other: other.version.data.version,
          otherPeriod: other.until ? `from ${other.from} to ${other.until}` : `from ${other.from} with no end`,
        },
        related: [{ file: other.version.file, pointer: '/effective', message: `${other.version.data.version} is in force here` }],
      });
    }
  },
});
