/**
 * Compliance cost (chi phí tuân thủ), TT 02/2017/TT-VPCP Art. 27:
 *   one performance = Σ activity hours × hourly income + fees and charges + other required costs;
 *   one year        = one performance × times per year × subjects per year.
 * Arithmetic is exact (see exact.ts); each reported figure is rounded once, half away from zero, to
 * whole đồng. The hourly income and every estimation parameter come from the registry with their
 * sources, never from a constant in code.
 */
import type { Registries } from '../model/catalogue.js';
import type { ChannelKind, CostActivity, Document, Fee, ProcedureVersion, SourcedNumber } from '../schema/types/procedure-version.generated.js';
import type { CostEstimation, EstimationParameter, FeeRate, HourlyIncome } from '../schema/types/registry.generated.js';
import { defaultFacts, evaluateCondition, type Facts } from './conditions.js';
import type { IsoDate } from './dates.js';
import { amountAtRate, feeRatesOn, rateFor } from './fee-rates.js';
import { add, exact, mul, percent, safeNumber, sum, toNumber, toWhole, ZERO, type Exact } from './exact.js';
import { CHANNEL_VI } from '../text/vi/channels.js';
import { lowerFirst, upperFirst } from '../text/vi/words.js';
import { versionLabel } from '../text/vi/versions.js';

export type ActivityKind = CostActivity['activity'];
export type EstimationParameterName = keyof CostEstimation['parameters'];

/** Where a figure comes from: the spec itself, the version it is compared with, or an estimate. */
export type FigureOrigin = 'spec' | 'counterpart' | 'estimate';

export interface SourcedFigure {
  value: number;
  source: string;
  origin: FigureOrigin;
}

export interface ActivityLine {
  activity: ActivityKind;
  label?: string;
  hours: number;
  /** hours × hourly income, whole đồng. */
  cost: number;
  source: string;
  estimated: boolean;
}

export interface MoneyLine {
  /** Fee id for fees; a short key for estimated costs. */
  id?: string;
  label: string;
  /** Whole đồng per performance. */
  amount: number;
  source: string;
  estimated: boolean;
}

/** One estimation parameter that an estimated figure used, with its value and basis. */
export interface AssumptionUsed {
  parameter: EstimationParameterName | 'channelOrder';
  value: number | string;
  basis: string;
}

export interface ComplianceCost {
  code: string;
  version: string;
  /** The channel the figures assume (trips, forms and channel fees depend on it); undefined for a channel mix. */
  channel: ChannelKind | undefined;
  /** How the channel was chosen: asked for, the spec's channel mix, or the estimation's channel order. */
  channelBasis: 'given' | 'mix' | 'channel-order' | 'only-channel';
  /** The spec's channel mix, each channel's cost and share, when the figures are its weighted sum. */
  mix: { channel: ChannelKind; share: number; source: string; perPerformance: number; perYear: number | undefined }[] | undefined;
  /** The day whose fee rates were applied (registry feeRates), when one was given. */
  date: IsoDate | undefined;
  hourlyIncome: HourlyIncome;
  activities: ActivityLine[];
  /** Σ hours of one performance. */
  hours: number;
  /** Σ hours × hourly income, whole đồng. */
  timeCost: number;
  fees: MoneyLine[];
  feeTotal: number;
  otherCosts: MoneyLine[];
  otherTotal: number;
  /** Cost of one performance, whole đồng. */
  perPerformance: number;
  timesPerYear: SourcedFigure;
  subjectsPerYear: SourcedFigure | undefined;
  /** Cost in a year, whole đồng; undefined when the number of subjects is unknown. */
  perYear: number | undefined;
  /** True when any figure rests on an estimation parameter rather than on the spec. */
  estimated: boolean;
  /** The estimation set used, when any figure is estimated. */
  estimation: { id: string; source: string; date: string } | undefined;
  assumptions: AssumptionUsed[];
  /** What the figures leave out, and why (a fee in USD, a condition on an unknown fact). */
  caveats: string[];
}

export interface ComplianceCostOptions {
  /**
   * Volumes used where the version states none: those of the version it is compared with, since a
   * simplification does not change how many people are born.
   */
  fallback?: { subjectsPerYear?: SourcedNumber | undefined; timesPerYear?: SourcedNumber | undefined };
  /** Volumes that override the version's own (a variant's locality applied to its baseline); origin counterpart. */
  override?: { subjectsPerYear?: SourcedNumber | undefined };
  /** Estimate the activities and other costs even where the spec states them (to compare like with like). */
  estimate?: boolean;
  /**
   * The channel to cost. Without it, the spec's channel mix when it states one (the weighted sum of
   * each channel's cost), else the first channel of the estimation's channel order that it offers.
   */
  channel?: ChannelKind | undefined;
  /** The day the cost is for: temporary fee rates in force that day (registry feeRates) apply. */
  date?: IsoDate | undefined;
}

/** The cost cannot be computed from the catalogue: no hourly income, no estimation parameters. */
export class CostInputError extends Error {
  override name = 'CostInputError';
}

/** The entry marked default, or the only one; ties go to the latest date, then the id. */
function pickDefault<T extends { id: string; date: string; default?: boolean }>(entries: Iterable<T>): T | undefined {
  const all = [...entries];
  const pool = all.filter((e) => e.default);
  const candidates = pool.length > 0 ? pool : all.length === 1 ? all : [];
  return candidates.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1))[0];
}

export function hourlyIncomeFor(version: ProcedureVersion, registry: Registries): HourlyIncome {
  const id = version.complianceCost?.hourlyIncome;
  if (id) {
    const found = registry.hourlyIncomes.byId.get(id);
    if (!found) throw new CostInputError(`${version.code}@${version.version} names the hourly income "${id}", which is not in the registry (hourlyIncomes).`);
    return found;
  }
  const fallback = pickDefault(registry.hourlyIncomes.byId.values());
  if (!fallback) throw new CostInputError(`${version.code}@${version.version} names no hourly income and the registry has no default one: add an entry with "default": true to hourlyIncomes.`);
  return fallback;
}

export function defaultEstimation(registry: Registries): CostEstimation | undefined {
  return pickDefault(registry.costEstimations.byId.values());
}

/** The channel an estimate assumes: the first in the estimation's order that the version offers. */
export function costChannel(version: ProcedureVersion, order: readonly ChannelKind[]): ChannelKind | undefined {
  const offered = new Set((version.channels ?? []).map((c) => c.kind));
  return order.find((k) => offered.has(k)) ?? version.channels?.[0]?.kind;
}

const DEFAULT_CHANNEL_ORDER: readonly ChannelKind[] = ['in-person', 'postal', 'online'];

/** Documents the applicant must supply under the given facts: not looked up, and their condition holds. */
export function suppliedDocuments(version: ProcedureVersion, facts: Facts): { documents: Document[]; unknown: Document[] } {
  const documents: Document[] = [];
  const unknown: Document[] = [];
  for (const doc of version.dossier?.documents ?? []) {
    if (doc.lookup) continue;
    const holds = doc.when ? evaluateCondition(doc.when, facts) : true;
    if (holds === true) documents.push(doc);
    else if (holds === undefined) unknown.push(doc);
  }
  return { documents, unknown };
}

/** Fees due in VND for one performance under the given facts, with what had to be left out. */
export function feesDue(version: ProcedureVersion, facts: Facts, rates: readonly FeeRate[] = []): { lines: MoneyLine[]; caveats: string[] } {
  const lines: MoneyLine[] = [];
  const caveats: string[] = [];
  const channel = facts.get('channel');
  for (const fee of version.fees ?? []) {
    if (fee.channels && typeof channel === 'string' && !fee.channels.includes(channel as ChannelKind)) continue;
    const applies = fee.when ? evaluateCondition(fee.when, facts) : true;
    if (applies === undefined) {
      caveats.push(`Khoản “${fee.name}” phụ thuộc một dữ kiện không có giá trị mặc định; không được tính.`);
      continue;
    }
    if (!applies) continue;
    if (fee.exemptions?.some((e) => evaluateCondition(e.when, facts) === true)) continue;
    if ((fee.currency ?? 'VND') !== 'VND') {
      caveats.push(`Khoản “${fee.name}” tính bằng ${fee.currency}; không được cộng vào chi phí bằng đồng.`);
      continue;
    }
    if (fee.amount === undefined) {
      caveats.push(`Khoản “${fee.name}” không có mức thu chung (${fee.variable?.setBy === 'provincial-council' ? 'do Hội đồng nhân dân cấp tỉnh quy định' : 'chưa ghi nhận'}); không được tính.`);
      continue;
    }
    const quantity = feeQuantity(fee, facts, caveats, version);
    const rate = rateFor(fee, typeof channel === 'string' ? (channel as ChannelKind) : undefined, rates);
    const unit = rate ? amountAtRate(fee.amount, rate, 'VND') : fee.amount;
    if (quantity === 0 || unit === 0) continue;
    lines.push({ id: fee.id, label: rate ? `${fee.name} (${rate.percent}% theo ${rate.document})` : fee.name, amount: safeNumber(BigInt(unit) * BigInt(quantity), 'A fee'), source: rate ? rate.document : 'spec', estimated: false });
  }
  return { lines, caveats };
}

function feeQuantity(fee: Fee, facts: Facts, caveats: string[], version: ProcedureVersion): number {
  if (!fee.quantity) return 1;
  const value = facts.get(fee.quantity.fact);
  if (typeof value !== 'number') {
    caveats.push(`Khoản “${fee.name}” tính theo “${version.facts?.find((f) => f.id === fee.quantity!.fact)?.label ?? fee.quantity.fact}”, không có giá trị mặc định; tính một đơn vị.`);
    return 1;
  }
  return Math.max(fee.quantity.min ?? 0, value + (fee.quantity.offset ?? 0));
}

interface Estimator {
  estimation: CostEstimation;
  used: Map<string, AssumptionUsed>;
  param(name: EstimationParameterName): Exact;
}

function estimator(estimation: CostEstimation): Estimator {
  const used = new Map<string, AssumptionUsed>();
  return {
    estimation,
    used,
    param(name) {
      const p: EstimationParameter = estimation.parameters[name];
      used.set(name, { parameter: name, value: p.value, basis: p.basis });
      return exact(p.value);
    },
  };
}

function requireEstimation(version: ProcedureVersion, registry: Registries, what: string): CostEstimation {
  const estimation = defaultEstimation(registry);
  if (!estimation) throw new CostInputError(`${version.code}@${version.version} has no ${what} and the registry has no cost estimation parameters (costEstimations) to estimate them.`);
  return estimation;
}

interface ExactActivity {
  activity: ActivityKind;
  label?: string;
  hours: Exact;
  source: string;
  estimated: boolean;
}

interface ExactMoney {
  id?: string;
  label: string;
  amount: Exact;
  source: string;
  estimated: boolean;
}

/**
 * Estimates the activities and other costs of one performance from the spec: its forms and
 * form fields, the papers to supply, copies and certified copies, and the trips its channel needs.
 */
function estimateFromSpec(version: ProcedureVersion, channel: ChannelKind | undefined, facts: Facts, est: Estimator, caveats: string[]): { activities: ExactActivity[]; other: ExactMoney[] } {
  const source = est.estimation.id;
  const { documents, unknown } = suppliedDocuments(version, facts);
  for (const doc of unknown) caveats.push(`Giấy tờ “${doc.name}” chỉ yêu cầu theo điều kiện về một dữ kiện không có giá trị mặc định; ước tính không tính giấy tờ này.`);
  const forms = documents.filter((d) => d.form !== undefined).length;
  const papers = documents.length - forms;
  const fields = (version.formFields ?? []).filter((f) => !f.when || evaluateCondition(f.when, facts) === true).length;
  const copies = documents.reduce((n, d) => n + d.copies, 0);
  const certified = documents.reduce((n, d) => n + (d.certifiedCopy ? d.copies : 0), 0);
  const activities: ExactActivity[] = [];
  const other: ExactMoney[] = [];
  const activity = (kind: ActivityKind, hours: Exact, label: string) => {
    if (hours.units !== 0n) activities.push({ activity: kind, label, hours, source, estimated: true });
  };
  const times = (n: number, name: EstimationParameterName) => (n === 0 ? ZERO : mul(exact(n), est.param(name)));

  activity('learn', est.param('learnHours'), 'Tìm hiểu quy định');
  // The form is filled once, in the shape the channel takes: the paper form (hoursPerForm each) in
  // person or by post, the online form's fields (hoursPerFormField each) online. Counting both would
  // cost one declaration twice.
  if (channel === 'online' && fields > 0) activity('fill-forms', times(fields, 'hoursPerFormField'), `Điền tờ khai điện tử: ${fields} trường thông tin`);
  else activity('fill-forms', times(forms, 'hoursPerForm'), `Điền ${forms} tờ khai${channel === 'online' ? '' : ' giấy'}`);
  activity('collect-papers', times(papers, 'collectHoursPerDocument'), `Chuẩn bị ${papers} giấy tờ`);
  activity('photocopy', times(copies, 'photocopyHoursPerCopy'), `Sao chụp ${copies} bản sao`);
  activity('certify-copies', times(certified, 'certifyHoursPerCertifiedCopy'), `Chứng thực ${certified} bản sao`);

  const chosen = version.channels?.find((c) => c.kind === channel);
  const sameDay = (chosen?.timeLimit ?? version.timeLimit)?.value === 0;
  if (channel === 'in-person') {
    activity('travel-submit', est.param('tripHours'), 'Đi lại, chờ đợi để nộp hồ sơ');
    // A same-day procedure hands the result over at the same visit.
    if (!sameDay) activity('travel-result', est.param('tripHours'), 'Đi lại, chờ đợi để nhận kết quả');
  } else if (channel === 'postal') {
    activity('travel-submit', est.param('postOfficeTripHours'), 'Gửi hồ sơ qua bưu chính công ích');
  } else if (channel === 'online' && chosen?.onlineService !== 'full') {
    // Một phần: the applicant still goes to the desk once, for the result or to show originals.
    activity('travel-result', est.param('tripHours'), 'Đi lại để hoàn tất phần không trực tuyến');
  }

  if (copies > 0) other.push({ id: 'photocopy', label: `Sao chụp ${copies} bản`, amount: times(copies, 'photocopyCostPerCopy'), source, estimated: true });
  if (certified > 0) other.push({ id: 'certification', label: `Phí chứng thực ${certified} bản sao`, amount: times(certified, 'certificationFeePerCopy'), source, estimated: true });
  if (channel === 'postal') other.push({ id: 'postage', label: 'Cước bưu chính', amount: est.param('postageCostPerDossier'), source, estimated: true });
  return { activities, other };
}

function sourced(n: SourcedNumber | undefined, origin: FigureOrigin): SourcedFigure | undefined {
  return n ? { value: n.value, source: n.source, origin } : undefined;
}

/** The compliance cost of one version, per performance and per year, with every input's source. */
export function complianceCost(version: ProcedureVersion, registry: Registries, options: ComplianceCostOptions = {}): ComplianceCost {
  const stated = version.complianceCost ?? {};
  const offered = (version.channels ?? []).map((c) => c.kind);
  if (options.channel !== undefined && !offered.includes(options.channel)) {
    throw new CostInputError(`${version.code}@${version.version} cannot be filed ${options.channel}; it offers ${offered.join(', ') || 'no channel'}.`);
  }
  if (options.channel === undefined && stated.channelMix && stated.channelMix.length > 0) return mixedCost(version, registry, options, stated.channelMix);
  const inputs = options.estimate ? { ...stated, activities: undefined, otherCosts: undefined } : stated;
  const hourlyIncome = hourlyIncomeFor(version, registry);
  const caveats: string[] = [];
  const needsEstimate = inputs.activities === undefined || (inputs.timesPerYear === undefined && options.fallback?.timesPerYear === undefined);
  const est = needsEstimate ? estimator(requireEstimation(version, registry, inputs.activities === undefined ? 'activities (complianceCost.activities)' : 'times per year')) : undefined;
  const order = est?.estimation.channelOrder ?? DEFAULT_CHANNEL_ORDER;
  const channel = options.channel ?? costChannel(version, order);
  const channelBasis: ComplianceCost['channelBasis'] = options.channel !== undefined ? 'given' : offered.length <= 1 ? 'only-channel' : 'channel-order';
  if (est && inputs.activities === undefined && channelBasis === 'channel-order') est.used.set('channelOrder', { parameter: 'channelOrder', value: order.join(', '), basis: `Ước tính giả định người nộp dùng cách thức đầu tiên có trong thứ tự này: ${channel ? lowerFirst(CHANNEL_VI[channel]) : 'không có cách thức nào'}.` });
  const facts = defaultFacts(version, channel);

  let activities: ExactActivity[];
  let other: ExactMoney[];
  if (inputs.activities !== undefined) {
    activities = inputs.activities.map((a) => ({ activity: a.activity, ...(a.label ? { label: a.label } : {}), hours: exact(a.hours), source: a.source ?? 'spec', estimated: false }));
    other = (inputs.otherCosts ?? []).map((o) => ({ label: o.label, amount: exact(o.amount), source: o.source ?? 'spec', estimated: false }));
  } else {
    ({ activities, other } = estimateFromSpec(version, channel, facts, est!, caveats));
  }
  const fees = feesDue(version, facts, options.date ? feeRatesOn(registry, options.date) : []);
  caveats.push(...fees.caveats);

  const income = exact(hourlyIncome.amount);
  const hours = sum(activities.map((a) => a.hours));
  const timeCost = mul(hours, income);
  const feeTotal = sum(fees.lines.map((f) => exact(f.amount)));
  const otherTotal = sum(other.map((o) => o.amount));
  const perPerformance = add(add(timeCost, feeTotal), otherTotal);

  const timesPerYear: SourcedFigure = sourced(inputs.timesPerYear, 'spec') ??
    sourced(options.fallback?.timesPerYear, 'counterpart') ?? { value: estimationValue(est!, 'timesPerYear'), source: est!.estimation.id, origin: 'estimate' };
  const subjectsPerYear = sourced(options.override?.subjectsPerYear, 'counterpart') ?? sourced(inputs.subjectsPerYear, 'spec') ?? sourced(options.fallback?.subjectsPerYear, 'counterpart');
  if (!subjectsPerYear) caveats.push(`${upperFirst(versionLabel(version, (n) => registry.legalDocuments.byId.get(n)))} không nêu số đối tượng thực hiện một năm: chỉ tính được chi phí một lần thực hiện.`);
  const perYear = subjectsPerYear ? mul(mul(perPerformance, exact(timesPerYear.value)), exact(subjectsPerYear.value)) : undefined;

  const whole = (e: Exact, what: string) => safeNumber(toWhole(e), what);
  const estimated = activities.some((a) => a.estimated) || other.some((o) => o.estimated) || timesPerYear.origin === 'estimate';
  return {
    code: version.code,
    version: version.version,
    channel,
    channelBasis,
    mix: undefined,
    date: options.date,
    hourlyIncome,
    activities: activities.map((a) => ({ activity: a.activity, ...(a.label ? { label: a.label } : {}), hours: toNumber(a.hours), cost: whole(mul(a.hours, income), 'An activity cost'), source: a.source, estimated: a.estimated })),
    hours: toNumber(hours),
    timeCost: whole(timeCost, 'The time cost'),
    fees: fees.lines,
    feeTotal: whole(feeTotal, 'The fees'),
    otherCosts: other.map((o) => ({ ...(o.id ? { id: o.id } : {}), label: o.label, amount: whole(o.amount, 'A cost'), source: o.source, estimated: o.estimated })),
    otherTotal: whole(otherTotal, 'The other costs'),
    perPerformance: whole(perPerformance, 'The cost of one performance'),
    timesPerYear,
    subjectsPerYear,
    perYear: perYear ? whole(perYear, 'The annual cost') : undefined,
    estimated,
    estimation: estimated && est ? { id: est.estimation.id, source: est.estimation.source, date: est.estimation.date } : undefined,
    assumptions: estimated && est ? [...est.used.values()].sort((a, b) => (a.parameter < b.parameter ? -1 : 1)) : [],
    caveats,
  };
}

/**
 * The cost under the spec's channel mix: each channel costed on its own (whole đồng, as printed),
 * then weighted by its share, Σ share/100 × cost, and rounded to whole đồng, so the figure can be
 * recomputed by hand from the channels' printed costs. The activity lines belong to no single
 * channel, so they are left empty; `mix` holds each channel's figures.
 */
function mixedCost(version: ProcedureVersion, registry: Registries, options: ComplianceCostOptions, channelMix: NonNullable<NonNullable<ProcedureVersion['complianceCost']>['channelMix']>): ComplianceCost {
  const total = channelMix.reduce((n, m) => n + m.share, 0);
  if (Math.abs(total - 100) > 1e-9) throw new CostInputError(`${version.code}@${version.version}: the shares of complianceCost.channelMix add up to ${total}%, not 100%.`);
  const parts = channelMix.map((m) => ({ m, cost: complianceCost(version, registry, { ...options, channel: m.channel }) }));
  const weigh = (pick: (c: ComplianceCost) => number) => sum(parts.map(({ m, cost }) => mul(exact(pick(cost)), exact(m.share / 100))));
  const whole = (e: Exact, what: string) => safeNumber(toWhole(e), what);
  const first = parts[0]!.cost;
  const perYearKnown = parts.every(({ cost }) => cost.perYear !== undefined);
  const assumptions = new Map<string, AssumptionUsed>();
  for (const { cost } of parts) for (const a of cost.assumptions) assumptions.set(a.parameter, a);
  return {
    ...first,
    channel: undefined,
    channelBasis: 'mix',
    mix: parts.map(({ m, cost }) => ({ channel: m.channel, share: m.share, source: m.source, perPerformance: cost.perPerformance, perYear: cost.perYear })),
    activities: [],
    hours: toNumber(weigh((c) => c.hours)),
    timeCost: whole(weigh((c) => c.timeCost), 'The time cost'),
    fees: [],
    feeTotal: whole(weigh((c) => c.feeTotal), 'The fees'),
    otherCosts: [],
    otherTotal: whole(weigh((c) => c.otherTotal), 'The other costs'),
    perPerformance: whole(weigh((c) => c.perPerformance), 'The cost of one performance'),
    perYear: perYearKnown ? whole(weigh((c) => c.perYear!), 'The annual cost') : undefined,
    estimated: parts.some(({ cost }) => cost.estimated),
    assumptions: [...assumptions.values()].sort((a, b) => (a.parameter < b.parameter ? -1 : 1)),
    caveats: [...new Set(parts.flatMap(({ cost }) => cost.caveats))],
  };
}

function estimationValue(est: Estimator, name: EstimationParameterName): number {
  est.param(name);
  return est.estimation.parameters[name].value;
}

/** Before, after, saving and percent cut: the four numbers of a simplification plan. */
export interface CostComparison {
  before: number;
  after: number;
  /** before − after, whole đồng (negative when the cost grows). */
  saved: number;
  /** saved / before × 100, rounded half away from zero to 2 decimals; undefined when before is 0. */
  percent: number | undefined;
}

/**
 * Compares two whole-đồng costs. The saving and percent come from the rounded figures, so every
 * number in a report can be recomputed by hand from the numbers printed beside it.
 */
export function compareCosts(before: number, after: number): CostComparison {
  const saved = safeNumber(BigInt(before) - BigInt(after), 'The saving');
  return { before, after, saved, percent: percent(saved, before) };
}
