import type { ProcedureVersion, TimeLimit } from '../../rules/schema/types/procedure-version.generated.js';
import { CHANNEL_VI, formatWhere, PORTAL_VI } from '../../rules/text/vi/channels.js';
import { formatFeeLine } from '../../rules/text/vi/fees.js';
import { formatSubject } from '../../rules/text/vi/procedure.js';
import { formatTimeLimitWithCases } from '../../rules/text/vi/time-limits.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { channelTimeLimit } from './parts.js';

/** Public entry points of the portals a channel names, for `serviceUrl`. */
const PORTAL_URL: Partial<Record<keyof typeof PORTAL_VI, string>> = {
  'national-portal': 'https://dichvucong.gov.vn',
  vneid: 'https://vneid.gov.vn',
};

/**
 * An ISO 8601 duration for schema.org `processingTime`, for calendar time only: N calendar days are
 * PND and N months PNM. ISO 8601 has no working days or working hours, and machine readers take PND
 * as calendar days, so a limit in working days or working hours gets none (undefined): the channel's
 * `description` states it ("03 ngày làm việc …"). Zero is zero in every unit: the same day.
 */
export function isoDuration(limit: Pick<TimeLimit, 'value' | 'unit'>): string | undefined {
  const n = String(limit.value);
  if (limit.value === 0) return limit.unit === 'hours' ? 'PT0H' : 'P0D';
  switch (limit.unit) {
    case 'days':
      return `P${n}D`;
    case 'months':
      return `P${n}M`;
    default:
      return undefined;
  }
}

/**
 * The schema.org GovernmentService description of a procedure version: who operates it, each
 * channel with its processing time, and each fee as an offer.
 */
export function governmentService(ctx: BuildContext, entry: ProcedureEntry, pagePath: string): Record<string, unknown> {
  const v: ProcedureVersion = entry.shown.data;
  const facts = ctx.facts(v);
  const base = ctx.options.baseUrl;
  const service: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
  };
  if (base) {
    service['@id'] = `${base}/${pagePath}`;
    service.url = `${base}/${pagePath}`;
  }
  service.identifier = v.code;
  service.name = v.name.vi;
  if (v.name.en) service.alternateName = v.name.en;
  if (v.field) service.serviceType = ctx.fieldName(v.field);
  service.serviceOperator = (v.agencies?.implementing ?? []).map((id) => ({ '@type': 'GovernmentOrganization', name: ctx.agencyName(id) }));
  service.areaServed = { '@type': 'Country', name: 'Việt Nam' };
  if ((v.subjects ?? []).length > 0) service.audience = (v.subjects ?? []).map((s) => ({ '@type': 'Audience', audienceType: formatSubject(s) }));
  service.availableChannel = (v.channels ?? []).map((c) => {
    const channel: Record<string, unknown> = { '@type': 'ServiceChannel', name: CHANNEL_VI[c.kind] };
    const limit = channelTimeLimit(v, c);
    if (limit) {
      const duration = isoDuration(limit);
      if (duration !== undefined) channel.processingTime = duration;
      channel.description = formatTimeLimitWithCases(limit, facts);
    }
    const where = formatWhere(c);
    if (c.kind === 'online') {
      const url = (c.portals ?? []).map((p) => PORTAL_URL[p]).find((u) => u !== undefined);
      if (url) channel.serviceUrl = url;
    } else if (where) {
      channel.serviceLocation = { '@type': 'Place', name: where };
    }
    return channel;
  });
  const fees = v.fees ?? [];
  service.offers =
    fees.length === 0
      ? [{ '@type': 'Offer', name: 'Miễn phí', price: 0, priceCurrency: 'VND' }]
      : fees.map((f) => ({
          '@type': 'Offer',
          name: f.name,
          // A variable amount (set by each province) has no price; its description says who sets it.
          ...(f.amount !== undefined ? { price: f.amount, priceCurrency: f.currency ?? 'VND' } : {}),
          description: formatFeeLine(f, facts),
        }));
  return service;
}

/**
 * JSON for a <script> element, compact: no "<" (so neither "</script>" nor "<!--" can end or
 * confuse the element), no "&" or ">", and no U+2028/2029. The parsed value is unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
