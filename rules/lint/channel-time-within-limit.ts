import { compareDurations, describeDuration } from '../compute/durations.js';
import { defineRule } from './rule.js';

export const channelTimeWithinLimit = defineRule({
  id: 'channel-time-within-limit',
  meta: {
    type: 'problem',
    description: 'A channel’s own time limit is no longer than the statutory time limit.',
    rationale: 'A channel may commit to a shorter time (many provinces do for online filing) but never a longer one: the statutory limit binds every way of filing.',
    severity: 'error',
    scope: 'version',
    messages: {
      longer: 'The {{kind}} channel allows {{channel}}, longer than the statutory time limit of {{limit}}.',
    },
  },
  examples: {
    valid: [
      {
        description: 'Online filing with a shorter time than the law.',
        patch: {
          timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
          channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'full', timeLimit: { value: 3, unit: 'working-days', start: 'complete-dossier' } }],
        },
      },
    ],
    invalid: [
      {
        description: 'Postal filing with a longer time than the law.',
        patch: {
          timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
          channels: [{ kind: 'in-person' }, { kind: 'postal', timeLimit: { value: 7, unit: 'working-days', start: 'complete-dossier' } }],
        },
        errors: [{ messageId: 'longer', pointer: '/channels/1/timeLimit' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (!v.timeLimit) return;
    v.channels?.forEach((channel, i) => {
      if (!channel.timeLimit) return;
      if (compareDurations(channel.timeLimit, v.timeLimit!) === 1) {
        ctx.report({ pointer: `/channels/${i}/timeLimit`, messageId: 'longer', data: { kind: channel.kind, channel: describeDuration(channel.timeLimit), limit: describeDuration(v.timeLimit!) } });
      }
    });
  },
});
