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
  /** Transaction time: the catalogue as recorded on this day (corrections recorded later are left out). Default: as it stands. */
  recordedAt?: IsoDate | undefined;
}

export interface Application {
  code: string;
  date: IsoDate;
  /** The content that applies: the version in force, or its correction (đính chính) for the date. */
  version: LoadedVersion;
  window: EffectiveWindow;
  /** The correction used (=== version), when one applies. */
  correction: LoadedVersion | undefined;
  /** Corrections for the date recorded after recordedAt. */
  laterCorrections: LoadedVersion[];
  recordedAt: IsoDate | undefined;
  channel: ChannelKind;
  channelSpec: Channel;
  /** The channel was not given and was chosen by default. */
  channelDefaulted: boolean;
  facts: ResolvedFacts;
  /** Temporary fee rates in force on the filing date (registry feeRates). */
  feeRates: FeeRate[];
}

/** Summary of the application for results: which version, channel and facts were used. */
/** The correction a result was computed from (rules/compute/resolve.ts contentOn). */
export interface CorrectionSummary {
  /** The correction's own id (its file). */
  record: string;
  /** The version it corrects. */
  corrects: string;
  from: IsoDate;
  recorded: IsoDate;
  reason: string;
  legalBasis: LegalRef[];
}

export function correctionSummary(v: LoadedVersion): CorrectionSummary {
  const c = v.data.corrects!;
  return { record: v.data.version, corrects: c.version, from: c.from, recorded: c.recorded ?? '', reason: c.reason, legalBasis: c.legalBasis };
}

export interface ApplicationSummary {
  code: string;
  /** The version in force (the corrected one, when a correction applies). */
  version: string;
  name: string;
  date: IsoDate;
  inForce: { from: IsoDate; until: IsoDate | null };
  channel: ChannelKind;
  facts: FactSetting[];
  /** The correction whose content was used, or null for the version as first recorded. */
  correction: CorrectionSummary | null;
  /** The as-recorded day asked for, or null for the catalogue as it stands. */
  recordedAt: IsoDate | null;
  /** Corrections for the date recorded after recordedAt (what a query as of now would use). */
  laterCorrections: CorrectionSummary[];
}

export function summarize(app: Application): ApplicationSummary {
  return {
    code: app.code,
    version: app.window.version.data.version,
    name: app.version.data.name.vi,
    date: app.date,
    inForce: { from: app.window.from, until: app.window.until },
    channel: app.channel,
    facts: app.facts.settings,
    correction: app.correction ? correctionSummary(app.correction) : null,
    recordedAt: app.recordedAt ?? null,
    laterCorrections: app.laterCorrections.map(correctionSummary),
  };
}

/**
 * Resolves the version in force and checks the channel and facts. Anything that makes the question
 * unanswerable (unknown code, nothing in force, a channel not offered, unknown facts, wrong values)
 * raises a UsageError with one clear sentence.
 */
export function prepareApplication(catalogue: Catalogue, request: ApplicationRequest): Application {
  checkIsoDate(request.date, 'The date');
  if (request.recordedAt !== undefined) checkIsoDate(request.recordedAt, 'The as-recorded date');
  const resolution = resolve(catalogue, request.code, request.date, { recordedAt: request.recordedAt });
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
  return { code: data.code, date: request.date, version, window: resolution.window, correction: resolution.correction, laterCorrections: resolution.laterCorrections, recordedAt: request.recordedAt, channel, channelSpec, channelDefaulted, facts, feeRates: feeRatesOn(catalogue.registry, request.date) };
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
