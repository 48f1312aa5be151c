/**
 * The simplification report (báo cáo phương án đơn giản hóa): per proposal the four numbers of an
 * official plan (compliance cost before, after, saved, percent cut) with documents and days cut;
 * totals; a verdict against a target; and the procedure-side indicators before and after.
 * simplificationReport() computes the data; the render functions turn it into Markdown, HTML or JSON.
 */
import type { Catalogue, LoadedVersion } from '../../rules/load/catalogue.js';
import type { AssumptionUsed, ComplianceCost } from '../../rules/compute/compliance-cost.js';
import { compareCosts, type CostComparison } from '../../rules/compute/compliance-cost.js';
import { diffVersions, type Classification, type VersionDiff } from '../../rules/compute/diff/index.js';
import { percent } from '../../rules/compute/exact.js';
import { findVersion } from '../../rules/compute/resolve.js';
import { UsageError } from '../../rules/errors.js';
import type { ProcedureVersion, TimeUnit, VersionStatus } from '../../rules/schema/types/procedure-version.js';
import { didYouMean } from '../../rules/schema/validators.js';
import { renderHtml, renderMarkdown, toJson, type Block, type Inline } from '../../rules/text/markup.js';
import { formatNumber, formatPercent, formatVnd, UNIT_VI, STATUS_VI } from '../../rules/text/vi.js';
import { assumptionBlocks, comparisonTable, countRow, num, pct } from '../version-diff/index.js';

export interface SimplificationReportOptions {
  /** Only proposals whose procedure involves this agency (any role) or that it proposes. */
  agency?: string | undefined;
  /** Only proposals in this field (lĩnh vực). */
  field?: string | undefined;
  /** Only proposals performed at this level. */
  level?: string | undefined;
  /** The cut in compliance cost the selection must reach, in percent; 20 by Nghị quyết 68/NQ-CP. */
  targetCostCut?: number | undefined;
}

export const DEFAULT_TARGET_COST_CUT = 20;

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
  /** Whether this proposal alone cuts at least the target; undefined when its cost is unknown. */
  meetsTarget: boolean | undefined;
}

export interface Share {
  count: number;
  total: number;
  /** count / total × 100, 2 decimals; undefined when total is 0. */
  percent: number | undefined;
}

export interface SimplificationReport {
  target: { costCutPercent: number; source: string };
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
  verdict: { meets: boolean | undefined; percent: number | undefined; target: number };
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

function workingDays(t: VersionDiff['time']): number {
  if (t.saved === undefined) return 0;
  if (t.unit === 'working-days') return t.saved;
  if (t.unit === 'hours') return t.saved / 8;
  return 0;
}

/** The report's data. Deterministic: proposals in code then version order. */
export function simplificationReport(catalogue: Catalogue, options: SimplificationReportOptions = {}): SimplificationReport {
  const target = options.targetCostCut ?? DEFAULT_TARGET_COST_CUT;
  if (!Number.isFinite(target) || target < 0 || target > 100) throw new UsageError(`The target cost cut must be a percent from 0 to 100, got ${target}.`);
  const rows: ProposalRow[] = [];
  const costs: ComplianceCost[] = [];
  const excluded: SimplificationReport['totals']['excluded'] = [];
  const baselines: ProcedureVersion[] = [];
  const proposals: ProcedureVersion[] = [];
  const times: VersionDiff['time'][] = [];
  for (const version of selectProposals(catalogue, options)) {
    const p = version.data.proposal!;
    const baseline = findVersion(catalogue, p.baseline.code, p.baseline.version);
    if (!baseline) {
      excluded.push({ code: version.data.code, version: version.data.version, reason: `baseline ${p.baseline.code}@${p.baseline.version} is not in the catalogue` });
      continue;
    }
    baselines.push(baseline.data);
    proposals.push(version.data);
    const diff = diffVersions(catalogue, { version: baseline, how: `${p.baseline.code}@${p.baseline.version}` }, { version, how: p.id });
    if (diff.cost.detail) costs.push(diff.cost.detail.before, diff.cost.detail.after);
    if (diff.cost.unavailable) excluded.push({ code: version.data.code, version: version.data.version, reason: diff.cost.unavailable });
    else if (diff.cost.basis !== 'per-year') excluded.push({ code: version.data.code, version: version.data.version, reason: 'số đối tượng thực hiện một năm chưa được nêu: chỉ có chi phí một lần thực hiện' });
    rows.push({
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
      meetsTarget: diff.cost.percent === undefined ? undefined : diff.cost.percent >= target,
    });
    times.push(diff.time);
  }
  const costed = rows.filter((r) => !r.cost.unavailable && r.cost.basis === 'per-year');
  const before = costed.reduce((n, r) => n + r.cost.before!, 0);
  const after = costed.reduce((n, r) => n + r.cost.after!, 0);
  const total = compareCosts(before, after);
  const workingDaysCut = times.reduce((n, t) => n + workingDays(t), 0);
  const calendarDaysCut = times.reduce((n, t) => n + (t.unit === 'days' && t.saved !== undefined ? t.saved : 0), 0);
  const assumptions = new Map<string, AssumptionUsed>();
  for (const c of costs) for (const a of c.assumptions) assumptions.set(a.parameter, a);
  return {
    target: { costCutPercent: target, source: 'Nghị quyết 68/NQ-CP ngày 12/5/2020 của Chính phủ: cắt giảm, đơn giản hóa ít nhất 20% chi phí tuân thủ quy định kinh doanh giai đoạn 2020–2025' },
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
    verdict: { meets: costed.length === 0 || total.percent === undefined ? undefined : total.percent >= target, percent: total.percent, target },
    indicators: {
      fullyOnline: { before: share(baselines, fullyOnline), after: share(proposals, fullyOnline) },
      onlinePayment: { before: share(baselines, paysOnline, hasFinancialObligation), after: share(proposals, paysOnline, hasFinancialObligation) },
    },
    estimated: rows.some((r) => r.cost.estimated),
    assumptions: [...assumptions.values()].sort((a, b) => (a.parameter < b.parameter ? -1 : 1)),
    caveats: [...new Set(costs.flatMap((c) => c.caveats))],
    costs,
  };
}

// ---------------------------------------------------------------- rendering

const money = (n: number | undefined) => num(n);

function shareText(s: Share): string {
  return `${s.count}/${s.total} (${pct(s.percent)})`;
}

function verdictText(r: SimplificationReport): Inline[] {
  const { meets, percent: p, target } = r.verdict;
  if (meets === undefined) return [{ text: 'Chưa đánh giá được', style: 'strong' }, ` mục tiêu cắt giảm ${formatPercent(target)} chi phí tuân thủ: chưa có phương án nào tính được chi phí một năm.`];
  return [{ text: meets ? 'Đạt mục tiêu' : 'Chưa đạt mục tiêu', style: 'strong' }, `: tổng chi phí tuân thủ cắt giảm ${pct(p)}, mục tiêu ${meets ? '≥' : 'là'} ${formatPercent(target)} (${r.target.source}).`];
}

/** The report as blocks, shared by the Markdown and HTML renderers. */
export function reportBlocks(r: SimplificationReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Báo cáo phương án đơn giản hóa thủ tục hành chính' }];
  const selection = [r.selection.agency && `cơ quan ${r.selection.agency}`, r.selection.field && `lĩnh vực ${r.selection.field}`, r.selection.level && `cấp ${r.selection.level}`].filter(Boolean).join(', ');
  blocks.push({ kind: 'paragraph', content: [`Phạm vi: ${selection || 'toàn bộ danh mục'}; ${r.totals.proposals} phương án.${r.estimated ? ' Một số số liệu chi phí là ước tính (xem giả định ở cuối báo cáo).' : ''}`] });
  blocks.push({ kind: 'paragraph', content: verdictText(r) });
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
    blocks.push({ kind: 'list', items: t.excluded.map((e) => [`${e.code}@${e.version}: ${e.reason}`]) });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Từng phương án' });
  blocks.push({
    kind: 'table',
    head: ['Mã TTHC', 'Phương án', 'Chi phí trước (đồng/năm)', 'Chi phí sau (đồng/năm)', 'Tiết kiệm (đồng/năm)', 'Tỷ lệ', 'Hồ sơ cắt giảm', 'Thời hạn cắt giảm', 'Đánh giá'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    rows: r.proposals.map((p) => {
      const perf = p.cost.basis === 'per-performance' && !p.cost.unavailable ? ' (một lần)' : '';
      const est = p.cost.estimated ? ' (ước tính)' : '';
      const days = p.time.saved !== undefined && p.time.unit ? `${formatNumber(p.time.saved)} ${UNIT_VI[p.time.unit]} (${pct(p.time.percent)})` : '—';
      const assessment: Inline[] = p.regression ? [{ text: 'Hồi quy', style: 'strong' }, ': bổ sung gánh nặng'] : p.meetsTarget === undefined ? ['—'] : [p.meetsTarget ? 'Đạt' : 'Chưa đạt'];
      return [[`${p.code}@${p.version}`], [`${p.title} (${p.proposalId}, ${STATUS_VI[p.status]})`], [money(p.cost.before) + perf + est], [money(p.cost.after) + perf + est], [money(p.cost.saved)], [pct(p.cost.percent)], [`${p.documents.cut}/${p.documents.before}`], [days], assessment];
    }),
  });
  const charted = r.proposals.filter((p) => p.cost.before !== undefined && p.cost.after !== undefined);
  if (charted.length > 0) {
    blocks.push({
      kind: 'bars',
      title: 'Chi phí tuân thủ trước và sau',
      unit: 'đồng',
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
    title: 'Chỉ số trước và sau (%)',
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
export function renderReportJson(r: SimplificationReport): string {
  const { costs: _details, ...rest } = r;
  return toJson(rest);
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
  return (['md', 'html', 'json'] as const).map((format) => ({ path: `reports/simplification.${format}`, contents: renderReport(report, format) }));
}
