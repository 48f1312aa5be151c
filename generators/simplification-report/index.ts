/**
 * The simplification report (báo cáo phương án đơn giản hóa): per proposal the four numbers of an
 * official plan (compliance cost before, after, saved, percent cut) with documents and days cut;
 * totals; a verdict against a target; and the procedure-side indicators before and after.
 * simplificationReport() computes the data; the render functions turn it into Markdown, HTML or JSON.
 */
import type { Catalogue, LoadedVersion } from '../../rules/model/catalogue.js';
import type { AssumptionUsed, ComplianceCost } from '../../rules/compute/compliance-cost.js';
import { compareCosts, type CostComparison } from '../../rules/compute/compliance-cost.js';
import { costDate, costFigure, costPair, diffVersions, type Classification, type VersionDiff } from '../../rules/compute/diff/index.js';
import type { ChannelKind } from '../../rules/schema/types/procedure-version.generated.js';
import type { SimplificationTarget } from '../../rules/schema/types/registry.generated.js';
import { CHANNEL_VI } from '../../rules/text/vi/channels.js';
import { exact, percent } from '../../rules/compute/exact.js';
import { findVersion } from '../../rules/compute/resolve.js';
import { UsageError } from '../../rules/errors.js';
import type { ProcedureVersion, TimeUnit, VersionStatus } from '../../rules/schema/types/procedure-version.generated.js';
import { didYouMean } from '../../rules/schema/validators.js';
import { renderHtml, renderMarkdown, toJson, type Block, type Inline } from '../../rules/text/render/index.js';
import { formatNumber, formatPercent, formatVnd } from '../../rules/text/vi/numbers.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { STATUS_VI } from '../../rules/text/vi/procedure.js';
import { UNIT_VI } from '../../rules/text/vi/time-limits.js';
import { assumptionBlocks, comparisonTable, countRow, num, pct } from '../version-diff/index.js';
import { href, PATHS } from '../engine/paths.js';

export interface SimplificationReportOptions {
  /** Only proposals whose procedure involves this agency (any role) or that it proposes. */
  agency?: string | undefined;
  /** Only proposals in this field (lĩnh vực). */
  field?: string | undefined;
  /** Only proposals performed at this level. */
  level?: string | undefined;
  /**
   * A cut in compliance cost to judge every proposal against, in percent, instead of the registry's
   * targets (simplificationTargets), which are used when this is absent.
   */
  targetCostCut?: number | undefined;
}

/** The target a proposal is judged against: a registry entry, or the one given on the command line. */
export interface AppliedTarget {
  id: string;
  /** The document that sets it; null for a target given on the command line. */
  document: string | null;
  scope: SimplificationTarget['scope'] | null;
  period: { from: string; until: string | null } | null;
  costCutPercent: number;
  /** The cut in processing time the programme also requires, in percent; null when it sets none. */
  timeCutPercent: number | null;
  /** How the target reads in the verdict: "Nghị quyết 68/NQ-CP (quy định kinh doanh, 12/05/2020–31/12/2025): ≥ 20%". */
  label: string;
  source: string;
}

/** One channel's cost before and after (issue 18: a proposal may change one channel only). */
export interface ChannelCost extends CostComparison {
  channel: ChannelKind;
  basis: 'per-year' | 'per-performance';
}

export interface ProposalRow {
  code: string;
  version: string;
  status: VersionStatus;
  proposalId: string;
  title: string;
  name: string;
  baseline: { code: string; version: string };
  cost: { [K in keyof CostComparison]: CostComparison[K] | undefined } & { basis: 'per-year' | 'per-performance'; estimated: boolean; unavailable: string | undefined };
  documents: VersionDiff['documents'];
  time: { unit: TimeUnit | undefined; before: number | undefined; after: number | undefined; saved: number | undefined; percent: number | undefined };
  fees: { before: number; after: number };
  counts: Record<Classification, number>;
  regression: boolean;
  /**
   * Whether this proposal alone cuts at least its target: its cost, and its processing time when the
   * target sets a time cut; undefined when its cost is unknown or no target applies.
   */
  meetsTarget: boolean | undefined;
  /** Whether its processing time is cut at least the target's time cut; undefined when the target sets none or the time is not comparable. */
  meetsTimeTarget: boolean | undefined;
  /** business when its subjects include enterprises (quy định kinh doanh), else citizen. */
  scope: SimplificationTarget['scope'];
  /** The day the proposal would take effect (proposal.target, else effective.from): the day its target must be in force. */
  effectiveDate: string | undefined;
  /** The target in force that day for its scope; null when none is (then it is not judged). */
  target: AppliedTarget | null;
  /** Which channel the headline cost is for: one channel, or the spec's channel mix. */
  costChannel: { channel: ChannelKind | undefined; basis: 'given' | 'mix' | 'channel-order' | 'only-channel' } | undefined;
  /** The cost of each channel both versions offer, before and after. */
  channels: ChannelCost[];
  /** Why the headline saving is zero, in a sentence for the proposal's own line; undefined when it is not. */
  zeroReason: string | undefined;
}

/** The verdict for the proposals judged against one target (or against none). */
export interface VerdictGroup {
  target: AppliedTarget | null;
  proposals: string[];
  /** Sums over the group's proposals whose annual cost is known on both sides. */
  cost: CostComparison & { proposals: number };
  /**
   * Processing time summed over the group's proposals whose limits compare, in working days (hours
   * counted as 8 a day) and in calendar days apart: the two are never added together.
   */
  time: { workingDays: TimeSum | null; calendarDays: TimeSum | null };
  /** The cost cut reaches the target, and so does every time sum when the target sets a time cut. */
  meets: boolean | undefined;
}

export interface TimeSum {
  before: number;
  after: number;
  saved: number;
  percent: number | undefined;
  proposals: number;
}

export interface Share {
  count: number;
  total: number;
  /** count / total × 100, 2 decimals; undefined when total is 0. */
  percent: number | undefined;
}

export interface SimplificationReport {
  /** Where the targets came from: the registry (by date and scope), or the command line. */
  targets: {
    from: 'registry' | 'option';
    note: string;
    /** Every target in the registry, latest-starting first: what an unjudged proposal was checked against. */
    registry: AppliedTarget[];
  };
  selection: { agency: string | null; field: string | null; level: string | null };
  proposals: ProposalRow[];
  totals: {
    proposals: number;
    /** Sums over the proposals whose annual cost is known on both sides. */
    cost: CostComparison & { proposals: number };
    documents: { before: number; after: number; cut: number };
    /** Working days cut, summed over proposals whose limits are in working days or hours. */
    workingDaysCut: number;
    /** Calendar days cut, summed over proposals whose limits are in calendar days. */
    calendarDaysCut: number;
    /** Proposals left out of the cost totals, and why. */
    excluded: { code: string; version: string; reason: string }[];
  };
  /**
   * meets: false when any group misses its target, true when every group with a target reaches it,
   * undefined when no proposal has a target in force or none could be costed a year. percent is the
   * total cut; target the percent when one target applies to every judged proposal.
   */
  verdict: { meets: boolean | undefined; percent: number | undefined; target: number | undefined; groups: VerdictGroup[] };
  indicators: {
    /** Procedures offered entirely online (toàn trình), target > 40%. */
    fullyOnline: { before: Share; after: Share };
    /** Procedures with a financial obligation that can be paid online, target > 60%. */
    onlinePayment: { before: Share; after: Share };
  };
  estimated: boolean;
  assumptions: AssumptionUsed[];
  caveats: string[];
  /** The cost details, for the assumptions section. */
  costs: ComplianceCost[];
}

function checkId(kind: string, id: string | undefined, known: Iterable<string>): void {
  if (id === undefined) return;
  const ids = [...known];
  if (!ids.includes(id)) throw new UsageError(`Unknown ${kind} "${id}".${didYouMean(id, ids)}`);
}

function involves(v: ProcedureVersion, agency: string): boolean {
  const a = v.agencies;
  return [a?.implementing, a?.competent, a?.delegated, a?.coordinating].some((list) => list?.includes(agency)) || v.proposal?.proposer === agency;
}

/** Every version with a proposal block, in code then version order, that matches the selection. */
export function selectProposals(catalogue: Catalogue, options: SimplificationReportOptions): LoadedVersion[] {
  checkId('agency', options.agency, catalogue.registry.agencies.byId.keys());
  checkId('field', options.field, catalogue.registry.fields.byId.keys());
  checkId('level', options.level, catalogue.registry.levels.byId.keys());
  return catalogue.versions.filter((v) => {
    const d = v.data;
    if (!d.proposal) return false;
    if (options.agency && !involves(d, options.agency)) return false;
    if (options.field && d.field !== options.field) return false;
    if (options.level && !d.levels?.includes(options.level)) return false;
    return true;
  });
}

function share(versions: readonly ProcedureVersion[], counted: (v: ProcedureVersion) => boolean, eligible: (v: ProcedureVersion) => boolean = () => true): Share {
  const pool = versions.filter(eligible);
  const count = pool.filter(counted).length;
  return { count, total: pool.length, percent: percent(count, pool.length) };
}

const fullyOnline = (v: ProcedureVersion) => (v.channels ?? []).some((c) => c.kind === 'online' && c.onlineService === 'full');
const paysOnline = (v: ProcedureVersion) => (v.channels ?? []).some((c) => c.kind === 'online' && c.onlinePayment === true);
const hasFinancialObligation = (v: ProcedureVersion) => (v.fees ?? []).some((f) => f.amount === undefined || f.amount > 0);

/** The processing time of the rows whose limits compare, summed in working days (hours / 8) or in calendar days; null when none. */
function timeSum(rows: readonly ProposalRow[], kind: 'working' | 'calendar'): TimeSum | null {
  const inKind = rows.filter((r) => r.time.before !== undefined && r.time.after !== undefined && (kind === 'working' ? r.time.unit === 'working-days' || r.time.unit === 'hours' : r.time.unit === 'days'));
  if (inKind.length === 0) return null;
  const before = inKind.reduce((n, r) => n + inDays(r.time.unit, r.time.before!), 0);
  const after = inKind.reduce((n, r) => n + inDays(r.time.unit, r.time.after!), 0);
  const saved = before - after;
  return { before, after, saved, percent: before > 0 ? percent(exact(saved), exact(before)) : undefined, proposals: inKind.length };
}

/** A limit in hours as working days (8 hours a day); any other unit as it is. */
const inDays = (unit: TimeUnit | undefined, value: number) => (unit === 'hours' ? value / 8 : value);

function workingDays(t: VersionDiff['time']): number {
  if (t.saved === undefined || (t.unit !== 'working-days' && t.unit !== 'hours')) return 0;
  return inDays(t.unit, t.saved);
}

const CHANNEL_PHRASE: Record<ChannelKind, string> = { 'in-person': 'nộp trực tiếp', online: 'nộp trực tuyến', postal: 'gửi qua dịch vụ bưu chính' };
const SCOPE_VI = { business: 'quy định kinh doanh', citizen: 'thủ tục của công dân' } as const;

/** business when the procedure's subjects include enterprises (a business regulation), else citizen. */
export function scopeOf(v: ProcedureVersion): SimplificationTarget['scope'] {
  return (v.subjects ?? []).some((s) => s.kind === 'enterprise') ? 'business' : 'citizen';
}

function registryTarget(t: SimplificationTarget): AppliedTarget {
  const until = t.period.until ?? null;
  return {
    id: t.id,
    document: t.document,
    scope: t.scope,
    period: { from: t.period.from, until },
    costCutPercent: t.costCutPercent,
    timeCutPercent: t.timeCutPercent ?? null,
    label: `${t.document} (${SCOPE_VI[t.scope]}, ${periodText(t.period.from, until)}): cắt giảm ${cutsText(t.costCutPercent, t.timeCutPercent ?? null)}`,
    source: t.source,
  };
}

/** A target's period as the report writes it: 26/03/2025–31/12/2025, or open-ended with "…". */
const periodText = (from: string, until: string | null) => `${formatDate(from)}–${until ? formatDate(until) : '…'}`;
/** The cuts a target requires: "≥ 30,00% chi phí tuân thủ, ≥ 30,00% thời gian giải quyết". */
const cutsText = (cost: number, time: number | null) => `≥ ${formatPercent(cost)} chi phí tuân thủ${time !== null ? `, ≥ ${formatPercent(time)} thời gian giải quyết` : ''}`;

/** The registry's targets latest-starting first, then by id: the first in force is the one that applies. */
function targetsLatestFirst(catalogue: Catalogue): SimplificationTarget[] {
  return [...catalogue.registry.simplificationTargets.byId.values()].sort((a, b) => (a.period.from !== b.period.from ? (a.period.from < b.period.from ? 1 : -1) : a.id < b.id ? -1 : 1));
}

/** Every registry target, latest-starting first (then by id), as the report names them. */
function registryTargets(catalogue: Catalogue): AppliedTarget[] {
  return targetsLatestFirst(catalogue).map(registryTarget);
}

/** The registry's target in force on a day for a scope: the latest-starting one; undefined when none is. */
export function targetInForce(catalogue: Catalogue, scope: SimplificationTarget['scope'], date: string | undefined): SimplificationTarget | undefined {
  if (date === undefined) return undefined;
  return targetsLatestFirst(catalogue).find((t) => t.scope === scope && t.period.from <= date && (t.period.until === undefined || t.period.until === null || date <= t.period.until));
}

/** Why a proposal's headline saving is zero, for its own line. */
function zeroReasonOf(row: Pick<ProposalRow, 'costChannel' | 'channels'>, time: VersionDiff['time']): string {
  const basis = row.costChannel;
  const costedOn = basis?.basis === 'mix' ? 'theo tỷ lệ các cách thức nộp mà đặc tả nêu' : basis?.channel ? `cho cách thức ${CHANNEL_PHRASE[basis.channel]}${basis.basis === 'channel-order' ? ' (giả định theo thứ tự cách thức của bộ tham số ước tính)' : ''}` : '';
  const changed = row.channels.filter((c) => c.saved !== 0);
  if (changed.length > 0) {
    const list = changed.map((c) => `khi ${CHANNEL_PHRASE[c.channel]}: ${formatVnd(c.before)} → ${formatVnd(c.after)}${c.basis === 'per-performance' ? ' một lần' : ' một năm'} (${c.percent === undefined ? '—' : pct(c.percent)})`).join('; ');
    return `Tỷ lệ 0% vì chi phí được tính ${costedOn}, cách thức mà phương án không thay đổi; phương án giảm chi phí ${list}.`;
  }
  const days = time.saved !== undefined && time.saved > 0 ? ' Rút ngắn thời hạn giải quyết không làm giảm số giờ người thực hiện phải bỏ ra (Điều 27 Thông tư 02/2017/TT-VPCP không tính thời gian chờ cơ quan giải quyết, không tính chi phí cơ hội).' : '';
  return `Tỷ lệ 0% vì phương án không thay đổi giấy tờ, biểu mẫu, phí, lệ phí hay số lượt đi lại ở cách thức nộp nào.${days}`;
}

/** The report's data. Deterministic: proposals in code then version order. */
export function simplificationReport(catalogue: Catalogue, options: SimplificationReportOptions = {}): SimplificationReport {
  const given = options.targetCostCut;
  if (given !== undefined && (!Number.isFinite(given) || given < 0 || given > 100)) throw new UsageError(`The target cost cut must be a percent from 0 to 100, got ${given}.`);
  const optionTarget: AppliedTarget | null =
    given === undefined ? null : { id: 'tham-so-dong-lenh', document: null, scope: null, period: null, costCutPercent: given, timeCutPercent: null, label: `mục tiêu cắt giảm ≥ ${formatPercent(given)} chi phí tuân thủ (tham số --target-cost-cut)`, source: 'Nhập khi chạy báo cáo (--target-cost-cut), thay cho các mục tiêu trong danh mục.' };
  const rows: ProposalRow[] = [];
  const costs: ComplianceCost[] = [];
  /** Each channel's cost details, for the assumptions they used. */
  const channelDetails: ComplianceCost[] = [];
  const excluded: SimplificationReport['totals']['excluded'] = [];
  const baselines: ProcedureVersion[] = [];
  const proposals: ProcedureVersion[] = [];
  const times: VersionDiff['time'][] = [];
  for (const version of selectProposals(catalogue, options)) {
    const p = version.data.proposal!;
    const baseline = findVersion(catalogue, p.baseline.code, p.baseline.version);
    if (!baseline) {
      excluded.push({ code: version.data.code, version: version.data.version, reason: `phiên bản chuẩn ${p.baseline.code}@${p.baseline.version} không có trong danh mục` });
      continue;
    }
    baselines.push(baseline.data);
    proposals.push(version.data);
    const diff = diffVersions(catalogue, { version: baseline, how: `${p.baseline.code}@${p.baseline.version}` }, { version, how: p.id });
    if (diff.cost.detail) costs.push(diff.cost.detail.before, diff.cost.detail.after);
    if (diff.cost.unavailable) excluded.push({ code: version.data.code, version: version.data.version, reason: diff.cost.unavailable });
    else if (diff.cost.basis !== 'per-year') excluded.push({ code: version.data.code, version: version.data.version, reason: 'số đối tượng thực hiện một năm chưa được nêu: chỉ có chi phí một lần thực hiện' });
    // Each channel both versions offer, costed on its own.
    const offeredBefore = new Set((baseline.data.channels ?? []).map((c) => c.kind));
    const channels: ChannelCost[] = [];
    for (const kind of ['in-person', 'postal', 'online'] as const) {
      if (!offeredBefore.has(kind) || !(version.data.channels ?? []).some((c) => c.kind === kind)) continue;
      const pair = costPair(catalogue, baseline.data, version.data, diff.relation, { channel: kind });
      if (!pair.detail) continue;
      channels.push({ channel: kind, basis: pair.basis, ...compareCosts(costFigure(pair.detail.before, pair.basis), costFigure(pair.detail.after, pair.basis)) });
      channelDetails.push(pair.detail.before, pair.detail.after);
    }
    const scope = scopeOf(version.data);
    const effectiveDate = costDate(version.data);
    const inForce = targetInForce(catalogue, scope, effectiveDate);
    const target = optionTarget ?? (inForce ? registryTarget(inForce) : null);
    const meetsTimeTarget = target?.timeCutPercent == null || diff.time.percent === undefined ? undefined : diff.time.percent >= target.timeCutPercent;
    const after = diff.cost.detail?.after;
    const costChannel = after ? { channel: after.channel, basis: after.channelBasis } : undefined;
    const row: ProposalRow = {
      code: version.data.code,
      version: version.data.version,
      status: version.data.status,
      proposalId: p.id,
      title: p.title,
      name: version.data.name.vi,
      baseline: p.baseline,
      cost: { before: diff.cost.before, after: diff.cost.after, saved: diff.cost.saved, percent: diff.cost.percent, basis: diff.cost.basis, estimated: diff.cost.estimated, unavailable: diff.cost.unavailable },
      documents: diff.documents,
      time: { unit: diff.time.unit, before: diff.time.before, after: diff.time.after, saved: diff.time.saved, percent: diff.time.percent },
      fees: { before: diff.fees.before, after: diff.fees.after },
      counts: diff.counts,
      regression: diff.regression,
      meetsTarget: diff.cost.percent === undefined || target === null ? undefined : diff.cost.percent >= target.costCutPercent && meetsTimeTarget !== false,
      meetsTimeTarget,
      scope,
      effectiveDate,
      target,
      costChannel,
      channels,
      zeroReason: undefined,
    };
    if (diff.cost.saved === 0) row.zeroReason = zeroReasonOf(row, diff.time);
    rows.push(row);
    times.push(diff.time);
  }
  const costed = rows.filter((r) => !r.cost.unavailable && r.cost.basis === 'per-year');
  const before = costed.reduce((n, r) => n + r.cost.before!, 0);
  const after = costed.reduce((n, r) => n + r.cost.after!, 0);
  const total = compareCosts(before, after);
  // One verdict per target applied (and one for the proposals no target applies to), in the rows' order.
  const groups: VerdictGroup[] = [];
  for (const r of rows) {
    const key = r.target?.id ?? null;
    let g = groups.find((x) => (x.target?.id ?? null) === key);
    if (!g) groups.push((g = { target: r.target, proposals: [], cost: { before: 0, after: 0, saved: 0, percent: undefined, proposals: 0 }, time: { workingDays: null, calendarDays: null }, meets: undefined }));
    g.proposals.push(`${r.code}@${r.version}`);
  }
  for (const g of groups) {
    const members = rows.filter((r) => g.proposals.includes(`${r.code}@${r.version}`));
    const mine = members.filter((r) => costed.includes(r));
    const c = compareCosts(mine.reduce((n, r) => n + r.cost.before!, 0), mine.reduce((n, r) => n + r.cost.after!, 0));
    g.cost = { ...c, proposals: mine.length };
    g.time = { workingDays: timeSum(members, 'working'), calendarDays: timeSum(members, 'calendar') };
    const timeTarget = g.target?.timeCutPercent ?? null;
    const timeSums = [g.time.workingDays, g.time.calendarDays].filter((t): t is TimeSum => t !== null);
    const timeMeets = timeTarget === null || timeSums.length === 0 ? true : timeSums.every((t) => t.percent !== undefined && t.percent >= timeTarget);
    g.meets = g.target === null || mine.length === 0 || c.percent === undefined ? undefined : c.percent >= g.target.costCutPercent && timeMeets;
  }
  const judged = groups.filter((g) => g.meets !== undefined);
  const meets = judged.length === 0 ? undefined : judged.every((g) => g.meets === true);
  const targetsUsed = [...new Set(groups.filter((g) => g.target).map((g) => g.target!.costCutPercent))];
  const workingDaysCut = times.reduce((n, t) => n + workingDays(t), 0);
  const calendarDaysCut = times.reduce((n, t) => n + (t.unit === 'days' && t.saved !== undefined ? t.saved : 0), 0);
  const assumptions = new Map<string, AssumptionUsed>();
  for (const c of [...costs, ...channelDetails]) for (const a of c.assumptions) assumptions.set(a.parameter, a);
  return {
    targets: optionTarget
      ? { from: 'option', note: optionTarget.source, registry: registryTargets(catalogue) }
      : { from: 'registry', note: 'Mỗi phương án được đánh giá theo mục tiêu trong danh mục (simplificationTargets) có hiệu lực vào ngày phương án dự kiến có hiệu lực, cho phạm vi của thủ tục (quy định kinh doanh khi đối tượng thực hiện có doanh nghiệp, thủ tục của công dân trong các trường hợp khác).', registry: registryTargets(catalogue) },
    selection: { agency: options.agency ?? null, field: options.field ?? null, level: options.level ?? null },
    proposals: rows,
    totals: {
      proposals: rows.length,
      cost: { ...total, proposals: costed.length },
      documents: { before: rows.reduce((n, r) => n + r.documents.before, 0), after: rows.reduce((n, r) => n + r.documents.after, 0), cut: rows.reduce((n, r) => n + r.documents.cut, 0) },
      workingDaysCut,
      calendarDaysCut,
      excluded,
    },
    verdict: { meets, percent: total.percent, target: targetsUsed.length === 1 && judged.length === groups.length ? targetsUsed[0] : undefined, groups },
    indicators: {
      fullyOnline: { before: share(baselines, fullyOnline), after: share(proposals, fullyOnline) },
      onlinePayment: { before: share(baselines, paysOnline, hasFinancialObligation), after: share(proposals, paysOnline, hasFinancialObligation) },
    },
    estimated: rows.some((r) => r.cost.estimated),
    assumptions: [...assumptions.values()].sort((a, b) => (a.parameter < b.parameter ? -1 : 1)),
    caveats: [...new Set([...costs, ...channelDetails].flatMap((c) => c.caveats))],
    costs: [...costs, ...channelDetails],
  };
}

// ---------------------------------------------------------------- rendering

const money = (n: number | undefined) => num(n);

function shareText(s: Share): string {
  return `${s.count}/${s.total} (${pct(s.percent)})`;
}

/** The verdict: per target applied (named, with its period), and for proposals no target applies to, say so. */
function verdictText(r: SimplificationReport): Block[] {
  const out: Block[] = [];
  for (const g of r.verdict.groups) {
    // Proposals by the code of their procedure, not "code@pa-…" (issue 18 point 11).
    const codes = g.proposals.map((p) => p.split('@')[0]!);
    const who = g.proposals.length <= 5 ? `${g.proposals.length} phương án (${codes.map((c) => `thủ tục ${c}`).join(', ')})` : `${g.proposals.length} phương án`;
    if (g.target === null) {
      const known = r.targets.registry.map((t) => `${t.document} (${t.scope ? SCOPE_VI[t.scope] : '—'}, ${t.period ? periodText(t.period.from, t.period.until) : '—'}, ${cutsText(t.costCutPercent, t.timeCutPercent)})`);
      const registry = known.length > 0 ? `; danh mục chỉ có các mục tiêu: ${known.join('; ')}` : '; danh mục chưa có mục tiêu nào';
      out.push({ kind: 'paragraph', content: [{ text: 'Không đánh giá theo mục tiêu', style: 'strong' }, `: ${who} — không có mục tiêu cắt giảm chi phí tuân thủ nào trong danh mục có hiệu lực vào ngày phương án dự kiến có hiệu lực cho phạm vi của thủ tục${registry}. Báo cáo không đánh giá theo một mục tiêu đã hết thời hạn hay của phạm vi khác.${g.cost.proposals > 0 ? ` Tổng chi phí tuân thủ của các phương án này cắt giảm ${pct(g.cost.percent)}.` : ''}`] });
      continue;
    }
    if (g.meets === undefined) {
      out.push({ kind: 'paragraph', content: [{ text: 'Chưa đánh giá được', style: 'strong' }, ` ${who} theo ${g.target.label}: chưa có phương án nào tính được chi phí một năm.`] });
      continue;
    }
    const timeTarget = g.target.timeCutPercent;
    const timeParts = timeTarget === null ? [] : [
      ...(g.time.workingDays ? [`thời gian giải quyết tính theo ngày làm việc cắt giảm ${pct(g.time.workingDays.percent)} (${formatNumber(g.time.workingDays.before)} → ${formatNumber(g.time.workingDays.after)} ngày làm việc)`] : []),
      ...(g.time.calendarDays ? [`thời gian giải quyết tính theo ngày cắt giảm ${pct(g.time.calendarDays.percent)} (${formatNumber(g.time.calendarDays.before)} → ${formatNumber(g.time.calendarDays.after)} ngày)`] : []),
    ];
    const time = timeTarget === null ? '' : timeParts.length > 0 ? `; ${timeParts.join('; ')}, mục tiêu ≥ ${formatPercent(timeTarget)}` : `; không so sánh được thời gian giải quyết, mục tiêu thời gian ≥ ${formatPercent(timeTarget)} chưa đánh giá`;
    out.push({ kind: 'paragraph', content: [{ text: g.meets ? 'Đạt mục tiêu' : 'Chưa đạt mục tiêu', style: 'strong' }, `: ${who}, tổng chi phí tuân thủ cắt giảm ${pct(g.cost.percent)}, mục tiêu ${g.meets ? '≥' : 'là'} ${formatPercent(g.target.costCutPercent)}${time} (${g.target.label}; ${g.target.source.replace(/\.$/, '')}).`] });
  }
  if (out.length === 0) out.push({ kind: 'paragraph', content: [{ text: 'Không có phương án nào', style: 'strong' }, ' trong phạm vi đã chọn.'] });
  return out;
}

/** "8.070.000.000 đồng/năm", "284.688 đồng/lần". */
function costCell(n: number | undefined, basis: 'per-year' | 'per-performance', estimated: boolean): string {
  if (n === undefined) return '—';
  return `${money(n)} ${basis === 'per-year' ? 'đồng/năm' : 'đồng/lần'}${estimated ? ' (ước tính)' : ''}`;
}

/** The report as blocks, shared by the Markdown and HTML renderers. */
export function reportBlocks(r: SimplificationReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Báo cáo phương án đơn giản hóa thủ tục hành chính' }];
  const selection = [r.selection.agency && `cơ quan ${r.selection.agency}`, r.selection.field && `lĩnh vực ${r.selection.field}`, r.selection.level && `cấp ${r.selection.level}`].filter(Boolean).join(', ');
  blocks.push({ kind: 'paragraph', content: [`Phạm vi: ${selection || 'toàn bộ danh mục'}; ${r.totals.proposals} phương án.${r.estimated ? ' Một số số liệu chi phí là ước tính (xem giả định ở cuối báo cáo).' : ''}`] });
  blocks.push(...verdictText(r));
  const t = r.totals;
  blocks.push({ kind: 'heading', level: 2, text: 'Tổng hợp' });
  blocks.push(
    comparisonTable([
      countRow(`Chi phí tuân thủ một năm (đồng), ${t.cost.proposals} phương án${r.estimated ? ' — có ước tính' : ''}`, t.cost.before, t.cost.after),
      countRow('Thành phần hồ sơ phải cung cấp', t.documents.before, t.documents.after),
      [['Ngày làm việc cắt giảm (tổng)'], ['—'], ['—'], [formatNumber(t.workingDaysCut)], ['—']],
      ...(t.calendarDaysCut !== 0 ? [[['Ngày (lịch) cắt giảm (tổng)'], ['—'], ['—'], [formatNumber(t.calendarDaysCut)], ['—']] as Inline[][]] : []),
    ]),
  );
  if (t.excluded.length > 0) {
    blocks.push({ kind: 'paragraph', content: ['Không cộng vào tổng chi phí:'] });
    // Each by its procedure and title, as the table below names it, not by its id (issue 18 point 11).
    const named = (e: { code: string; version: string }) => {
      const p = r.proposals.find((x) => x.code === e.code && x.version === e.version);
      return p ? `Thủ tục ${e.code}, phương án “${p.title}”` : `Thủ tục ${e.code}`;
    };
    blocks.push({ kind: 'list', items: t.excluded.map((e) => [`${named(e)}: ${e.reason}`]) });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Từng phương án' });
  blocks.push({
    kind: 'table',
    head: ['Mã TTHC', 'Phương án', 'Cách thức tính', 'Chi phí trước', 'Chi phí sau', 'Tiết kiệm', 'Tỷ lệ', 'Hồ sơ cắt giảm', 'Thời hạn cắt giảm', 'Mục tiêu', 'Đánh giá'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
    rows: r.proposals.map((p) => {
      const basis = p.cost.basis;
      const days = p.time.saved !== undefined && p.time.unit ? `${formatNumber(p.time.saved)} ${UNIT_VI[p.time.unit]} (${pct(p.time.percent)})` : '—';
      const assessment: Inline[] = p.regression ? [{ text: 'Hồi quy', style: 'strong' }, ': bổ sung gánh nặng'] : p.meetsTarget === undefined ? [p.target === null ? 'Không có mục tiêu có hiệu lực' : '—'] : [p.meetsTarget ? 'Đạt' : 'Chưa đạt'];
      const channel = p.costChannel?.basis === 'mix' ? 'Theo tỷ lệ cách thức nộp' : p.costChannel?.channel ? `${CHANNEL_VI[p.costChannel.channel]}${p.costChannel.basis === 'channel-order' ? ' (giả định)' : ''}` : '—';
      // The proposal by its title and status, not its id (issue 18 point 11).
      const title: Inline[] = [`${p.title} (${STATUS_VI[p.status]})`];
      if (p.zeroReason) title.push(` ${p.zeroReason}`);
      return [[p.code], title, [channel], [costCell(p.cost.before, basis, p.cost.estimated)], [costCell(p.cost.after, basis, p.cost.estimated)], [costCell(p.cost.saved, basis, false)], [pct(p.cost.percent)], [`${p.documents.cut}/${p.documents.before}`], [days], [p.target ? p.target.label : `Không có (${p.scope === 'business' ? 'quy định kinh doanh' : 'thủ tục của công dân'}, hiệu lực ${p.effectiveDate ? formatDate(p.effectiveDate) : '—'})`], assessment];
    }),
  });
  const byChannel = r.proposals.filter((p) => p.channels.length > 0);
  if (byChannel.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Chi phí theo từng cách thức nộp' });
    blocks.push({
      kind: 'table',
      head: ['Mã TTHC', 'Cách thức', 'Chi phí trước', 'Chi phí sau', 'Tiết kiệm', 'Tỷ lệ'],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: byChannel.flatMap((p) => p.channels.map((c) => [[p.code], [CHANNEL_VI[c.channel]], [costCell(c.before, c.basis, p.cost.estimated)], [costCell(c.after, c.basis, p.cost.estimated)], [costCell(c.saved, c.basis, false)], [pct(c.percent)]] as Inline[][])),
    });
  }
  // One chart per unit: a yearly cost and a per-filing cost never share an axis.
  for (const [basis, title, unit] of [
    ['per-year', 'Chi phí tuân thủ một năm, trước và sau', 'đồng/năm'],
    ['per-performance', 'Chi phí tuân thủ một lần thực hiện, trước và sau', 'đồng/lần'],
  ] as const) {
    const charted = r.proposals.filter((p) => p.cost.basis === basis && p.cost.before !== undefined && p.cost.after !== undefined);
    if (charted.length === 0) continue;
    blocks.push({
      kind: 'bars',
      title,
      unit,
      series: ['Trước', 'Sau'],
      rows: charted.map((p) => ({ label: `${p.code} ${p.title}`, values: [p.cost.before!, p.cost.after!], text: [formatVnd(p.cost.before!), formatVnd(p.cost.after!)] })),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Chỉ số dịch vụ công trực tuyến' });
  const ind = r.indicators;
  blocks.push({
    kind: 'table',
    head: ['Chỉ số', 'Trước', 'Sau', 'Mục tiêu'],
    align: ['left', 'right', 'right', 'right'],
    rows: [
      [['Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình'], [shareText(ind.fullyOnline.before)], [shareText(ind.fullyOnline.after)], ['> 40%']],
      [['Tỷ lệ thủ tục có nghĩa vụ tài chính được thanh toán trực tuyến'], [shareText(ind.onlinePayment.before)], [shareText(ind.onlinePayment.after)], ['> 60%']],
    ],
  });
  blocks.push({
    kind: 'bars',
    title: 'Chỉ số dịch vụ công trực tuyến, trước và sau',
    unit: '%',
    series: ['Trước', 'Sau'],
    rows: [
      { label: 'Toàn trình', values: [ind.fullyOnline.before.percent ?? 0, ind.fullyOnline.after.percent ?? 0], text: [pct(ind.fullyOnline.before.percent), pct(ind.fullyOnline.after.percent)] },
      { label: 'Thanh toán trực tuyến', values: [ind.onlinePayment.before.percent ?? 0, ind.onlinePayment.after.percent ?? 0], text: [pct(ind.onlinePayment.before.percent), pct(ind.onlinePayment.after.percent)] },
    ],
  });

  const notes = assumptionBlocks(r.costs);
  if (notes.length > 0) blocks.push({ kind: 'heading', level: 2, text: 'Giả định và lưu ý' }, ...notes);
  blocks.push({ kind: 'paragraph', content: ['Chi phí tuân thủ tính theo Điều 27 Thông tư 02/2017/TT-VPCP: chi phí một lần thực hiện = Σ (số giờ × thu nhập bình quân một giờ) + phí, lệ phí + chi phí khác; chi phí một năm = chi phí một lần × số lần một năm × số đối tượng một năm; tỷ lệ cắt giảm = tiết kiệm / chi phí trước × 100, làm tròn 2 chữ số thập phân.'] });
  return blocks;
}

export type ReportFormat = 'md' | 'html' | 'json';

/** The report's JSON: the data without the per-version cost details (the assumptions are kept). */
/** The report as JSON; `schema`, when given, is its `$schema` (the built file names the published schema). */
export function renderReportJson(r: SimplificationReport, schema?: string): string {
  const { costs: _details, ...rest } = r;
  return toJson(schema === undefined ? rest : { $schema: schema, ...rest });
}

export function renderReport(r: SimplificationReport, format: ReportFormat): string {
  if (format === 'json') return renderReportJson(r);
  const blocks = reportBlocks(r);
  return format === 'md' ? renderMarkdown(blocks) : renderHtml('Báo cáo phương án đơn giản hóa thủ tục hành chính', blocks);
}

/**
 * The files `tthc build` writes for the report, paths relative to the output folder. Pure: the
 * caller writes them.
 */
export function simplificationReportFiles(catalogue: Catalogue, options: SimplificationReportOptions = {}): { path: string; contents: string }[] {
  const report = simplificationReport(catalogue, options);
  return (['md', 'html', 'json'] as const).map((format) => {
    const file = `reports/simplification.${format}`;
    return { path: file, contents: format === 'json' ? renderReportJson(report, href(file, PATHS.apiSchema('simplification-report'))) : renderReport(report, format) };
  });
}
