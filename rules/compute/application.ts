/**
 * One application (hồ sơ) of one procedure: the version in force on the filing date, the channel, and
 * the applicant's facts. Fees, documents and the time limit are all computed from it, so they always
 * agree on which version and which facts they used.
 */
import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import type { Channel, ChannelKind, LegalRef, TimeLimit, TimeUnit } from '../schema/types/procedure-version.generated.js';
import { UsageError } from '../usage-error.js';
import { formatDuration } from '../text/vi/time-limits.js';
import { checkIsoDate, type IsoDate } from './dates.js';
import { describeResolution, resolve, type EffectiveWindow } from './resolve.js';
import { CHANNEL_KINDS, describeCondition, MissingFacts, resolveFacts, type ResolvedFacts, type FactSetting, type FactValue } from './conditions.js';
import { closest, didYouMean } from '../text/suggest.js';
import type { FeeRate } from '../schema/types/registry.generated.js';
import { feeRatesOn } from './fee-rates.js';

export interface ApplicationRequest {
  code: string;
  /** The filing date: the version in force on this day applies. */
  date: IsoDate;
  /** Default: in-person when the version offers it, else its first channel. */
  channel?: string | undefined;
  facts?: Readonly<Record<string, FactValue>> | undefined;
}

export interface Application {
  code: string;
  date: IsoDate;
  version: LoadedVersion;
  window: EffectiveWindow;
  channel: ChannelKind;
  channelSpec: Channel;
  /** The channel was not given and was chosen by default. */
  channelDefaulted: boolean;
  facts: ResolvedFacts;
  /** Temporary fee rates in force on the filing date (registry feeRates). */
  feeRates: FeeRate[];
}

/** Summary of the application for results: which version, channel and facts were used. */
export interface ApplicationSummary {
  code: string;
  version: string;
  name: string;
  date: IsoDate;
  inForce: { from: IsoDate; until: IsoDate | null };
  channel: ChannelKind;
  facts: FactSetting[];
}

export function summarize(app: Application): ApplicationSummary {
  return {
    code: app.code,
    version: app.version.data.version,
    name: app.version.data.name.vi,
    date: app.date,
    inForce: { from: app.window.from, until: app.window.until },
    channel: app.channel,
    facts: app.facts.settings,
  };
}

/**
 * Resolves the version in force and checks the channel and facts. Anything that makes the question
 * unanswerable (unknown code, nothing in force, a channel not offered, unknown facts, wrong values)
 * raises a UsageError with one clear sentence.
 */
export function prepareApplication(catalogue: Catalogue, request: ApplicationRequest): Application {
  checkIsoDate(request.date, 'The date');
  const resolution = resolve(catalogue, request.code, request.date);
  if (resolution.kind !== 'in-force') throw new UsageError(describeResolution(resolution), { id: 'resolution', params: { resolution } });
  const version = resolution.version;
  const data = version.data;
  const offered = (data.channels ?? []).map((c) => c.kind);
  let channel: ChannelKind;
  let channelDefaulted = false;
  if (request.channel !== undefined) {
    if (!(CHANNEL_KINDS as readonly string[]).includes(request.channel)) {
      throw new UsageError(`Unknown channel "${request.channel}": use ${CHANNEL_KINDS.join(', ')}.${didYouMean(request.channel, CHANNEL_KINDS)}`, { id: 'channel.unknown', params: { channel: request.channel, channels: CHANNEL_KINDS.join(', '), suggestion: closest(request.channel, CHANNEL_KINDS) ?? '' } });
    }
    channel = request.channel as ChannelKind;
    if (!offered.includes(channel)) {
      throw new UsageError(`${data.code}@${data.version} cannot be filed ${channelPhrase(channel)}; it offers ${offered.length > 0 ? offered.join(', ') : 'no channel'}.`, { id: 'channel.not-offered', params: { ref: `${data.code}@${data.version}`, channel, offered: offered.join(', ') } });
    }
  } else {
    const first = offered.includes('in-person') ? 'in-person' : offered[0];
    if (first === undefined) throw new UsageError(`${data.code}@${data.version} declares no channel to file through.`, { id: 'channel.none', params: { ref: `${data.code}@${data.version}` } });
    channel = first;
    channelDefaulted = true;
  }
  const channelSpec = data.channels!.find((c) => c.kind === channel)!;
  const facts = resolveFacts(data, request.facts ?? {}, channel);
  if (channelDefaulted) facts.settings = facts.settings.map((f) => (f.id === 'channel' ? { ...f, source: 'default' } : f));
  return { code: data.code, date: request.date, version, window: resolution.window, channel, channelSpec, channelDefaulted, facts, feeRates: feeRatesOn(catalogue.registry, request.date) };
}

function channelPhrase(channel: ChannelKind): string {
  return channel === 'in-person' ? 'in person' : channel === 'online' ? 'online' : 'by post';
}

/** The time limit that applies to an application, and why. */
export interface ApplicableTimeLimit {
  value: number;
  unit: TimeUnit;
  start: TimeLimit['start'];
  /** procedure: the version's statutory limit; channel: the channel's own limit. */
  from: 'procedure' | 'channel';
  /** The case that applied (its label, or its condition in words), when one did. */
  case: string | null;
  /** "05 ngày làm việc". */
  text: string;
  legalBasis: LegalRef[];
}

/**
 * The channel's own time limit when it has one, else the procedure's; then the first of its
 * `cases` whose condition holds, in the order listed.
 */
export function applicableTimeLimit(app: Application): ApplicableTimeLimit {
  const own = app.channelSpec.timeLimit;
  const limit = own ?? app.version.data.timeLimit;
  if (!limit) throw new UsageError(`${app.code}@${app.version.data.version} states no time limit.`, { id: 'time-limit.none', params: { ref: `${app.code}@${app.version.data.version}` } });
  const missing = new MissingFacts(app.facts);
  let chosen: ApplicableTimeLimit | undefined;
  for (const c of limit.cases ?? []) {
    const truth = missing.check(c.when, `the time limit case "${c.label ?? 'when ' + describeCondition(c.when)}"`);
    if (truth === undefined) break;
    if (truth) {
      chosen = {
        value: c.value,
        unit: c.unit,
        start: limit.start,
        from: own ? 'channel' : 'procedure',
        case: c.label ?? describeCondition(c.when),
        text: formatDuration(c),
        legalBasis: c.legalBasis ?? limit.legalBasis ?? [],
      };
      break;
    }
  }
  missing.throwIfAny(`The time limit of ${app.code}@${app.version.data.version}`);
  return (
    chosen ?? {
      value: limit.value,
      unit: limit.unit,
      start: limit.start,
      from: own ? 'channel' : 'procedure',
      case: null,
      text: formatDuration(limit),
      legalBasis: limit.legalBasis ?? [],
    }
  );
}
