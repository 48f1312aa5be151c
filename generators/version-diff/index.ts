/**
 * Renders a version diff (rules/compute/diff) for reviewers, Markdown or HTML, with a summary table
 * at the top, or as JSON for machines. Pure functions: data in, text out.
 */
import type { Registries } from '../../rules/model/catalogue.js';
import type { AssumptionUsed, ComplianceCost } from '../../rules/compute/compliance-cost.js';
import type { ChannelKind } from '../../rules/schema/types/procedure-version.generated.js';
import { lowerFirst } from '../../rules/text/vi/words.js';
import type { Change, TimeComparison, VersionDiff } from '../../rules/compute/diff/index.js';
import type { LegalRef } from '../../rules/schema/types/procedure-version.generated.js';
import { percent } from '../../rules/compute/exact.js';
import { renderHtml, renderMarkdown, toJson, type Block, type Inline } from '../../rules/text/render/index.js';
import { AREA_VI, CLASSIFICATION_VI } from '../../rules/text/vi/changes.js';
import { CHANNEL_VI, formatOnlineService } from '../../rules/text/vi/channels.js';
import { citeRef } from '../../rules/text/vi/citations.js';
import { ACTIVITY_VI } from '../../rules/text/vi/compliance-cost.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { formatHours, formatNumber, formatPercent, formatVnd } from '../../rules/text/vi/numbers.js';
import { STATUS_VI } from '../../rules/text/vi/procedure.js';
import { formatTimeLimit, UNIT_VI } from '../../rules/text/vi/time-limits.js';

export type DiffFormat = 'md' | 'html' | 'json';

const RELATION_VI = {
  proposal: 'phương án đơn giản hóa so với phiên bản chuẩn',
  variant: 'biến thể địa phương so với phiên bản chuẩn',
  successor: 'phiên bản thay thế so với phiên bản trước',
  other: 'so sánh hai phiên bản',
} as const;

export function citeAll(refs: readonly LegalRef[], registry: Registries): string {
  return refs.map((r) => citeRef(r, registry.legalDocuments.byId.get(r.document))).join('; ');
}

export function num(n: number | undefined, format: (n: number) => string = formatNumber): string {
  return n === undefined ? '—' : format(n);
}

export function pct(n: number | undefined): string {
  return n === undefined ? '—' : formatPercent(n);
}

/** A row of a before/after table: the cut is before − after, the percent exact to 2 decimals. */
export function countRow(label: string, before: number | undefined, after: number | undefined): Inline[][] {
  const cut = before !== undefined && after !== undefined ? before - after : undefined;
  return [[label], [num(before)], [num(after)], [num(cut)], [pct(cut !== undefined && before !== undefined ? percent(cut, before) : undefined)]];
}

/** The before/after table that opens both the diff and the report. */
export function comparisonTable(rows: Inline[][][]): Block {
  return { kind: 'table', head: ['Chỉ tiêu', 'Trước', 'Sau', 'Cắt giảm', 'Tỷ lệ cắt giảm'], align: ['left', 'right', 'right', 'right', 'right'], rows };
}

function timeRow(label: string, t: TimeComparison): Inline[][] {
  if (t.unit === undefined) {
    return [[label], [t.limits.before ? formatTimeLimit(t.limits.before) : '—'], [t.limits.after ? formatTimeLimit(t.limits.after) : '—'], ['không quy đổi được'], ['—']];
  }
  return [[`${label} (${UNIT_VI[t.unit]})`], [num(t.before)], [num(t.after)], [num(t.saved)], [pct(t.percent)]];
}

/**
 * How a page for the public names the two sides (issue 18 point 11): by what they are ("phiên bản có
 * hiệu lực từ ngày 01/01/2023", "phương án …"), with no `code@version` reference, which is for the
 * reviewer who types it at the command line.
 */
export interface SideNames {
  before: string;
  after: string;
}

function sideLine(label: string, side: VersionDiff['before'], named?: string): Inline[] {
  if (named !== undefined) return [{ text: label, style: 'strong' }, `: ${named} — ${side.name}.`];
  const effective = side.effective ? `, hiệu lực từ ${formatDate(side.effective.from)}` : '';
  return [{ text: label, style: 'strong' }, `: ${side.code}@${side.version} (${STATUS_VI[side.status]}${effective}) — ${side.name}. Tham chiếu: `, { text: side.reference, style: 'code' }];
}

function textDiffInline(change: Change): Inline[] {
  return (change.textDiff ?? []).map((t) => (t.op === 'equal' ? t.text : { text: t.text, style: t.op === 'delete' ? 'del' : 'ins' }));
}

/** The blocks of a diff report: header, summary table, time and online levels, changes, cost. */
export function diffBlocks(diff: VersionDiff, registry: Registries, names?: SideNames): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', level: 1, text: names ? `So sánh ${names.after} với ${names.before}` : `So sánh ${diff.after.code}@${diff.after.version} với ${diff.before.code}@${diff.before.version}` });
  blocks.push({ kind: 'paragraph', content: [`${diff.after.name} — ${RELATION_VI[diff.relation]}.`] });
  blocks.push({ kind: 'list', items: [sideLine('Trước', diff.before, names?.before), sideLine('Sau', diff.after, names?.after)] });

  const costLabel = `Chi phí tuân thủ ${diff.cost.basis === 'per-year' ? 'một năm' : 'một lần thực hiện'} (đồng)${diff.cost.estimated ? ' — ước tính' : ''}`;
  blocks.push({ kind: 'heading', level: 2, text: 'Tóm tắt' });
  blocks.push(
    comparisonTable([
      countRow('Thành phần hồ sơ phải cung cấp', diff.documents.before, diff.documents.after),
      countRow('Số bước thực hiện', diff.steps.before, diff.steps.after),
      timeRow('Thời hạn giải quyết', diff.time),
      countRow('Phí, lệ phí (đồng)', diff.fees.before, diff.fees.after),
      diff.cost.unavailable ? [[costLabel], ['—'], ['—'], ['—'], ['không tính được']] : countRow(costLabel, diff.cost.before, diff.cost.after),
    ]),
  );
  const c = diff.counts;
  const verdict: Inline[] = [`Thay đổi: ${c.cut} cắt giảm, ${c.tightening} thắt chặt so với chuẩn, ${c.addition} bổ sung gánh nặng, ${c.editorial} biên tập. `];
  if (diff.regression) verdict.push({ text: 'Hồi quy: phương án/biến thể bổ sung gánh nặng so với phiên bản chuẩn.', style: 'strong' });
  else if (diff.relation === 'proposal' || diff.relation === 'variant') verdict.push('Không bổ sung gánh nặng so với phiên bản chuẩn.');
  blocks.push({ kind: 'paragraph', content: verdict });
  if (diff.changeBasis.length > 0) blocks.push({ kind: 'paragraph', content: [{ text: 'Căn cứ thay đổi: ', style: 'strong' }, citeAll(diff.changeBasis, registry)] });

  if (diff.time.channels.length > 0 || diff.channels.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Cách thức thực hiện' });
    blocks.push({
      kind: 'table',
      head: ['Cách thức', 'Thời hạn trước', 'Thời hạn sau', 'Giảm', 'Tỷ lệ', 'Phí trước (đồng)', 'Phí sau (đồng)', 'Trực tuyến trước', 'Trực tuyến sau'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
      rows: diff.channels.map((ch) => {
        const t = diff.time.channels.find((x) => x.scope === ch.kind);
        const fee = diff.fees.channels.find((f) => f.kind === ch.kind);
        const limit = (l: VersionDiff['channels'][number]['before']) => (l ? (l.timeLimit ? formatTimeLimit(l.timeLimit) : '—') : 'không có');
        const online = (l: VersionDiff['channels'][number]['before']) => (l ? `${ch.kind === 'online' ? formatOnlineService(l.onlineService) : '—'}${l.onlinePayment ? '; thanh toán trực tuyến' : ''}` : 'không có');
        return [[CHANNEL_VI[ch.kind]], [limit(ch.before)], [limit(ch.after)], [t?.saved !== undefined && t.unit ? `${formatNumber(t.saved)} ${UNIT_VI[t.unit]}` : '—'], [pct(t?.percent)], [num(fee?.before)], [num(fee?.after)], [online(ch.before)], [online(ch.after)]];
      }),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Các thay đổi' });
  if (diff.changes.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có thay đổi.'] });
  const areas = [...new Set(diff.changes.map((x) => x.area))];
  for (const area of areas) {
    blocks.push({ kind: 'heading', level: 3, text: AREA_VI[area] });
    blocks.push({
      kind: 'list',
      items: diff.changes
        .filter((x) => x.area === area)
        .map((x) => {
          const item: Inline[] = [{ text: CLASSIFICATION_VI[x.classification], style: 'strong' }, ` — ${x.summary}`];
          if (x.review) item.push(' ', { text: '(cần người thẩm định xem xét)', style: 'em' });
          if (x.textDiff) item.push(' Chi tiết: ', ...textDiffInline(x));
          if (x.legalBasis.length > 0) item.push(` Căn cứ: ${citeAll(x.legalBasis, registry)}.`);
          return item;
        }),
    });
  }

  blocks.push(...costBlocks(diff));
  return blocks;
}

/** The cost section: inputs side by side, their sources, and every estimation assumption. */
export function costBlocks(diff: Pick<VersionDiff, 'cost'>): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Chi phí tuân thủ (Điều 27 Thông tư 02/2017/TT-VPCP)' }];
  if (!diff.cost.detail) {
    blocks.push({ kind: 'paragraph', content: [`Không tính được: ${diff.cost.unavailable ?? 'thiếu số liệu'}`] });
    return blocks;
  }
  const { before, after } = diff.cost.detail;
  if (diff.cost.estimated) blocks.push({ kind: 'paragraph', content: [{ text: 'Ước tính: ', style: 'strong' }, 'một số số liệu dưới đây được ước tính từ đặc tả theo các giả định liệt kê ở cuối mục, không phải số liệu khảo sát.'] });
  const kinds = [...new Set([...before.activities, ...after.activities].map((a) => a.activity))];
  const hoursOf = (c: ComplianceCost, k: string) => c.activities.filter((a) => a.activity === k).reduce((n, a) => n + a.hours, 0);
  const costOf = (c: ComplianceCost, k: string) => c.activities.filter((a) => a.activity === k).reduce((n, a) => n + a.cost, 0);
  const mark = (c: ComplianceCost, k: string) => (c.activities.some((a) => a.activity === k && a.estimated) ? ' (ước tính)' : '');
  blocks.push({
    kind: 'table',
    head: ['Khoản', 'Trước', 'Sau'],
    align: ['left', 'right', 'right'],
    rows: [
      ...kinds.map((k): Inline[][] => [[ACTIVITY_VI[k]], [`${formatHours(hoursOf(before, k))} · ${formatVnd(costOf(before, k))}${mark(before, k)}`], [`${formatHours(hoursOf(after, k))} · ${formatVnd(costOf(after, k))}${mark(after, k)}`]]),
      [['Tổng thời gian × thu nhập bình quân một giờ'], [`${formatHours(before.hours)} × ${formatVnd(before.hourlyIncome.amount)} = ${formatVnd(before.timeCost)}`], [`${formatHours(after.hours)} × ${formatVnd(after.hourlyIncome.amount)} = ${formatVnd(after.timeCost)}`]],
      [['Phí, lệ phí'], [formatVnd(before.feeTotal)], [formatVnd(after.feeTotal)]],
      [['Chi phí khác'], [`${formatVnd(before.otherTotal)}${before.otherCosts.some((o) => o.estimated) ? ' (ước tính)' : ''}`], [`${formatVnd(after.otherTotal)}${after.otherCosts.some((o) => o.estimated) ? ' (ước tính)' : ''}`]],
      [[{ text: 'Chi phí một lần thực hiện', style: 'strong' }], [formatVnd(before.perPerformance)], [formatVnd(after.perPerformance)]],
      [['Số lần thực hiện một năm'], [volume(before.timesPerYear)], [volume(after.timesPerYear)]],
      [['Số đối tượng một năm'], [volume(before.subjectsPerYear)], [volume(after.subjectsPerYear)]],
      [[{ text: 'Chi phí một năm', style: 'strong' }], [before.perYear === undefined ? '—' : formatVnd(before.perYear)], [after.perYear === undefined ? '—' : formatVnd(after.perYear)]],
    ],
  });
  const incomes = [...new Map([before.hourlyIncome, after.hourlyIncome].map((h) => [h.id, h])).values()];
  blocks.push({ kind: 'paragraph', content: [{ text: 'Thu nhập bình quân một giờ: ', style: 'strong' }, incomes.map((h) => `${formatVnd(h.amount)}/giờ (${h.basis}; nguồn: ${h.source}; số liệu ngày ${formatDate(h.date)})`).join(' ')] });
  blocks.push(...assumptionBlocks([before, after]));
  return blocks;
}

function volume(v: ComplianceCost['timesPerYear'] | undefined): string {
  if (!v) return 'không rõ';
  // An estimate names no registry id: its basis is the assumptions list below (issue 18 point 11).
  if (v.origin === 'estimate') return `${formatNumber(v.value)} (ước tính)`;
  const origin = v.origin === 'counterpart' ? 'theo phiên bản so sánh' : 'theo đặc tả';
  return `${formatNumber(v.value)} (${origin}: ${v.source})`;
}

/** The assumptions and caveats behind a set of costs, each listed once. */
/** The estimation parameters as readers know them (issue 18 point 11: no registry field names in the text). */
export const PARAMETER_VI: Record<AssumptionUsed['parameter'], string> = {
  learnHours: 'Số giờ tìm hiểu quy định',
  hoursPerForm: 'Số giờ điền một tờ khai',
  hoursPerFormField: 'Số giờ cho một trường thông tin của tờ khai điện tử',
  collectHoursPerDocument: 'Số giờ chuẩn bị một giấy tờ',
  photocopyHoursPerCopy: 'Số giờ sao chụp một bản',
  certifyHoursPerCertifiedCopy: 'Số giờ chứng thực một bản sao',
  tripHours: 'Số giờ một lần đi lại, chờ đợi tại Bộ phận Một cửa',
  postOfficeTripHours: 'Số giờ một lần đến bưu cục gửi hồ sơ',
  photocopyCostPerCopy: 'Chi phí sao chụp một bản (đồng)',
  certificationFeePerCopy: 'Phí chứng thực một bản sao (đồng)',
  postageCostPerDossier: 'Cước gửi hồ sơ và nhận kết quả qua bưu chính (đồng)',
  timesPerYear: 'Số lần thực hiện một năm',
  channelOrder: 'Thứ tự cách thức nộp được giả định',
};

export function assumptionValue(a: AssumptionUsed): string {
  if (typeof a.value === 'number') return formatNumber(a.value);
  // The channel order is stored as channel ids: name them.
  return a.parameter === 'channelOrder' ? a.value.split(/,\s*/).map((k) => lowerFirst(CHANNEL_VI[k as ChannelKind] ?? k)).join(', ') : a.value;
}

export function assumptionBlocks(costs: readonly ComplianceCost[]): Block[] {
  const blocks: Block[] = [];
  const assumptions = new Map<string, string>();
  for (const c of costs) for (const a of c.assumptions) assumptions.set(a.parameter, `${PARAMETER_VI[a.parameter] ?? a.parameter}: ${assumptionValue(a)}. ${a.basis}`);
  if (assumptions.size > 0) {
    const sets = [...new Set(costs.flatMap((c) => (c.estimation ? [`${c.estimation.source} (${formatDate(c.estimation.date)})`] : [])))];
    blocks.push({ kind: 'paragraph', content: [{ text: 'Giả định ước tính đã dùng', style: 'strong' }, ` — ${sets.join('; ')}:`] });
    blocks.push({ kind: 'list', items: [...assumptions.keys()].sort().map((k) => [assumptions.get(k)!]) });
  }
  const caveats = [...new Set(costs.flatMap((c) => c.caveats))];
  if (caveats.length > 0) {
    blocks.push({ kind: 'paragraph', content: [{ text: 'Lưu ý', style: 'strong' }] });
    blocks.push({ kind: 'list', items: caveats.map((x) => [x]) });
  }
  return blocks;
}

/** Renders a diff in one of the formats. JSON carries the whole structured result. */
export function renderDiff(diff: VersionDiff, format: DiffFormat, registry: Registries): string {
  if (format === 'json') return toJson(diff);
  const blocks = diffBlocks(diff, registry);
  if (format === 'md') return renderMarkdown(blocks);
  return renderHtml(`So sánh ${diff.after.code}@${diff.after.version} với ${diff.before.code}@${diff.before.version}`, blocks);
}
