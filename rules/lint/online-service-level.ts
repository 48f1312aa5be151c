import { defineRule } from './rule.js';
import { severityFor } from '../model/spec.js';

export const onlineServiceLevel = defineRule({
  id: 'online-service-level',
  meta: {
    type: 'problem',
    description: 'An online channel states its service level (toàn trình or một phần); other channels do not.',
    rationale:
      'Since NĐ 42/2022/NĐ-CP an online public service is either entirely online (toàn trình) or partly online (một phần), and agencies are scored on the share of procedures offered entirely online. The level must be stated to be counted.',
    severity: 'error',
    scope: 'version',
    messages: {
      missing: 'The online channel does not say whether the service is entirely online (onlineService: "full") or partly online ("partial").',
      notOnline: '{{property}} only applies to the online channel, not to {{kind}}.',
    },
  },
  examples: {
    valid: [{ description: 'A partly online service.', patch: { channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'partial', portals: ['national-portal'] }] } }],
    invalid: [
      { description: 'An online channel with no level.', patch: { channels: [{ kind: 'in-person' }, { kind: 'online' }] }, errors: [{ messageId: 'missing', pointer: '/channels/1' }] },
      { description: 'A service level on the in-person channel.', patch: { channels: [{ kind: 'in-person', onlineService: 'full' }] }, errors: [{ messageId: 'notOnline', pointer: '/channels/0/onlineService' }] },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    v.channels?.forEach((channel, i) => {
      if (channel.kind === 'online') {
        if (!channel.onlineService) ctx.report({ pointer: `/channels/${i}`, messageId: 'missing', severity: severityFor(v) });
        return;
      }
      for (const property of ['onlineService', 'portals'] as const) {
        if (channel[property] !== undefined) ctx.report({ pointer: `/channels/${i}/${property}`, messageId: 'notOnline', data: { property, kind: channel.kind } });
      }
    });
  },
});
