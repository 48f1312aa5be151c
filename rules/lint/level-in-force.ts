import { periodOf } from '../compute/resolve.js';
import { defineRule } from './rule.js';

interface Dated {
  /** Absent: the entry has always existed and still does. */
  effective?: { from: string; until?: string | null };
  name: string;
}

export const levelInForce = defineRule({
  id: 'level-in-force',
  meta: {
    type: 'problem',
    description: 'The levels and agencies a published version names exist on the day it takes effect, and do not cease while it stays in force.',
    rationale:
      'Levels and agencies change: the district level ended on 30/6/2025 and ministries merged in 3/2025. A version that names a body that no longer exists tells citizens to file where no one will receive the dossier.',
    severity: 'error',
    scope: 'version',
    messages: {
      notInForce: '{{what}} "{{name}}" exists {{period}}; this version takes effect on {{from}}.{{successor}}',
      outlived: '{{what}} "{{name}}" ceases after {{until}}, but this version stays in force {{window}}. Publish a version from {{next}} that names its successor.{{successor}}',
    },
  },
  examples: {
    valid: [{ description: 'The commune level, which exists throughout.', patch: {} }],
    invalid: [
      {
        description: 'A version from July 2025 performed at the district level.',
        patch: { effective: { from: '2025-07-01' }, levels: ['district'], agencies: { implementing: ['ubnd-huyen'] } },
        errors: [
          { messageId: 'notInForce', pointer: '/levels/0' },
          { messageId: 'notInForce', pointer: '/agencies/implementing/0' },
        ],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status !== 'published' || !v.effective) return;
    // A correction's content applies from its own first day to the end of the corrected version.
    const period = periodOf(ctx.catalogue.byCode.get(v.code) ?? [], ctx.version);
    const from = period?.from ?? v.effective.from;
    const until = period?.until ?? null;
    const check = (entry: Dated | undefined, pointer: string, what: string, successor?: string) => {
      if (!entry?.effective) return;
      const ends = entry.effective.until ?? null;
      const hint = successor ? ` Its functions passed to "${successor}".` : '';
      if (entry.effective.from > from || (ends !== null && ends < from)) {
        const period = ends ? `from ${entry.effective.from} to ${ends}` : `from ${entry.effective.from}`;
        ctx.report({ pointer, messageId: 'notInForce', data: { what, name: entry.name, period, from, successor: hint } });
      } else if (ends !== null && (until === null || until > ends)) {
        const next = new Date(Date.parse(ends + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
        ctx.report({
          pointer,
          messageId: 'outlived',
          severity: 'warning',
          data: { what, name: entry.name, until: ends, window: until ? `until ${until}` : 'with no end date', next, successor: hint },
        });
      }
    };
    v.levels?.forEach((id, i) => check(ctx.catalogue.registry.levels.byId.get(id), `/levels/${i}`, 'The level'));
    for (const role of ['competent', 'implementing'] as const) {
      v.agencies?.[role]?.forEach((id, i) => {
        const agency = ctx.catalogue.registry.agencies.byId.get(id);
        const successor = agency?.successor ? ctx.catalogue.registry.agencies.byId.get(agency.successor)?.name : undefined;
        check(agency, `/agencies/${role}/${i}`, 'The agency', successor);
      });
    }
  },
});
