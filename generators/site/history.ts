/**
 * Version history, on the procedure page itself: the versions of a procedure with their periods,
 * and for each change its readable diff (rules/compute/diff through the version-diff blocks: cuts,
 * additions, and the word-level text diff of reworded parts) in a collapsed section whose anchor
 * (#thay-doi-<from>--<to>) replaces the separate diff page it used to be. Proposals are diffed
 * against their baseline on the dashboard instead.
 */
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import { diffVersions } from '../../rules/compute/diff/index.js';
import { contentOn, correctionsOf, findVersion } from '../../rules/compute/resolve.js';
import { addDays } from '../../rules/compute/dates.js';
import type { Block } from '../../rules/text/render/blocks.js';
import { renderHtmlBlocks } from '../../rules/text/render/index.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { amendingDocuments, joinVi, versionLabel } from '../../rules/text/vi/versions.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { versionRows } from '../detail/index.js';
import { assumptionValue, diffBlocks, PARAMETER_VI } from '../version-diff/index.js';
import type { ComplianceCost } from '../../rules/compute/compliance-cost.js';
import { escapeHtml } from '../../rules/text/render/escape.js';
import { formatVnd } from '../../rules/text/vi/numbers.js';
import { CHANNEL_VI } from '../../rules/text/vi/channels.js';
import { lowerFirst } from '../../rules/text/vi/words.js';
import { HOME_CRUMB, sitePage } from './layout.js';
import { link } from './layout.js';
import { SITE_PATHS } from './paths.js';

const LEGEND = '<p class="legend">Trong phần chi tiết của mỗi thay đổi, chữ <del>gạch ngang trên nền đỏ</del> là nội dung bị bỏ, chữ <ins>gạch chân trên nền xanh</ins> là nội dung được thêm.</p>';

/** Consecutive versions in force that can be compared (a repeal is a tombstone with no parts). */
export function versionPairs(entry: ProcedureEntry): { before: LoadedVersion; after: LoadedVersion }[] {
  const pairs: { before: LoadedVersion; after: LoadedVersion }[] = [];
  for (let i = 1; i < entry.windows.length; i++) {
    const before = entry.windows[i - 1]!.version;
    const after = entry.windows[i]!.version;
    if (before.data.status !== 'repealed' && after.data.status !== 'repealed') pairs.push({ before, after });
  }
  return pairs;
}

/**
 * The diff's own title becomes the section's summary line, and its headings move under the
 * page's "Lịch sử thay đổi" (h2), so the page keeps one h1 and no skipped level.
 */
function underHistory(blocks: readonly Block[]): Block[] {
  const out = blocks[0]?.kind === 'heading' && blocks[0].level === 1 ? blocks.slice(1) : [...blocks];
  return out.map((b) => (b.kind === 'heading' ? { ...b, level: (b.level + 1) as 1 | 2 | 3 } : b));
}

/** The id of the history's closing section on how compliance costs are estimated. */
export const METHOD_ANCHOR = 'cach-uoc-tinh';
const METHOD_TITLE = '“Cách ước tính chi phí tuân thủ”';
const METHOD_POINTER = `mục ${METHOD_TITLE}`;

const startsWith = (b: Block, text: string) => b.kind === 'paragraph' && typeof b.content[0] === 'object' && 'text' in b.content[0] && b.content[0].text === text;

/**
 * Takes out of a change's blocks what is the same for every change of the catalogue: the hourly
 * income and the estimation assumptions behind the cost section (about 2.7 KB each time). The page
 * states them once, at the end of the history; the change points there.
 */
function takeMethod(blocks: readonly Block[], method: Map<string, Block>): Block[] {
  const out: Block[] = [];
  let taken = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (startsWith(b, 'Thu nhập bình quân một giờ: ') || startsWith(b, 'Giả định ước tính đã dùng')) {
      const group = [b];
      if (startsWith(b, 'Giả định ước tính đã dùng') && blocks[i + 1]?.kind === 'list') group.push(blocks[++i]!);
      for (const g of group) method.set(JSON.stringify(g), g);
      if (!taken) out.push({ kind: 'paragraph', content: [`Thu nhập bình quân một giờ và các giả định ước tính: xem ${METHOD_POINTER} ở cuối phần lịch sử.`] });
      taken = true;
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * The page's own closing note on the estimates: the figures its changes used (hourly income, each
 * assumption's value), each once, and a link to the site's one page with their bases and sources
 * (site/uoc-tinh.html). Those texts are the same for every procedure: stated on every page with a
 * change they were 1.8 KB of each page on average (issue 15).
 */
function methodSummary(path: string, costs: readonly ComplianceCost[]): string {
  const incomes = [...new Map(costs.map((c) => [c.hourlyIncome.id, c.hourlyIncome])).values()];
  const assumptions = new Map<string, string>();
  for (const c of costs) for (const a of c.assumptions) assumptions.set(a.parameter, `${PARAMETER_VI[a.parameter] ?? a.parameter}: ${assumptionValue(a)}`);
  const sets = [...new Map(costs.flatMap((c) => (c.estimation ? [[c.estimation.id, c.estimation] as const] : []))).values()];
  const page = link(path, METHOD_PAGE);
  const lines = [
    `<p><strong>Thu nhập bình quân một giờ: </strong>${incomes.map((h) => `<a href="${page}#${escapeHtml(h.id)}">${escapeHtml(formatVnd(h.amount))}/giờ</a>`).join('; ')}.</p>`,
    ...(assumptions.size > 0
      ? [`<p><strong>Giả định ước tính đã dùng</strong> (${sets.map((e) => `<a href="${page}#${escapeHtml(e.id)}">căn cứ của từng giả định</a>`).join('; ')}):</p>`, `<ul>${[...assumptions.keys()].sort().map((k) => `<li>${escapeHtml(assumptions.get(k)!)}.</li>`).join('')}</ul>`]
      : []),
  ];
  return `<h3 id="${METHOD_ANCHOR}">Cách ước tính chi phí tuân thủ</h3>\n${lines.join('\n')}\n`;
}

/** The site's one page on how compliance costs are estimated: every hourly income and estimation set of the registry, with bases and sources. */
export const METHOD_PAGE = 'site/uoc-tinh.html';

export function renderMethodPage(ctx: BuildContext): { path: string; content: string } {
  const r = ctx.catalogue.registry;
  const incomes = [...r.hourlyIncomes.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sets = [...r.costEstimations.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const e = escapeHtml;
  const body = [
    '<h1>Cách ước tính chi phí tuân thủ</h1>',
    '<p>Chi phí tuân thủ của mỗi thay đổi trên trang thủ tục được tính theo Điều 27 Thông tư 02/2017/TT-VPCP: số giờ thực hiện nhân với thu nhập bình quân một giờ, cộng phí, lệ phí và các chi phí khác. Khi đặc tả chưa có số liệu, các con số được ước tính theo các giả định dưới đây và được ghi là ước tính.</p>',
    '<h2>Thu nhập bình quân một giờ</h2>',
    ...incomes.map((h) => `<h3 id="${e(h.id)}">${e(formatVnd(h.amount))}/giờ (số liệu ngày ${e(formatDate(h.date))})</h3>\n<p>${e(h.basis)}</p>\n<p><strong>Nguồn: </strong>${e(String(h.source))}</p>`),
    '<h2>Giả định ước tính</h2>',
    ...sets.map((c) => {
      const params = Object.entries(c.parameters as Record<string, { value: number | string; basis: string }>)
        .map(([k, p]) => `<li>${e(`${PARAMETER_VI[k as keyof typeof PARAMETER_VI] ?? k}: ${assumptionValue({ parameter: k as never, value: p.value, basis: p.basis })}. ${p.basis}`)}</li>`);
      const order = c.channelOrder.map((k) => lowerFirst(CHANNEL_VI[k])).join(', ');
      return `<h3 id="${e(c.id)}">${e(`${c.source} (${formatDate(c.date)})`)}</h3>\n<ul>\n<li>${e(`${PARAMETER_VI.channelOrder}: ${order}. Ước tính giả định người nộp dùng cách thức đầu tiên có trong thứ tự này mà thủ tục cho phép.`)}</li>\n${params.join('\n')}\n</ul>${c.note ? `\n<p>${e(c.note)}</p>` : ''}`;
    }),
  ].join('\n');
  return { path: METHOD_PAGE, content: sitePage({ path: METHOD_PAGE, title: 'Cách ước tính chi phí tuân thủ', crumbs: [HOME_CRUMB], body }) };
}

export interface HistoryModel {
  versions: (ReturnType<typeof versionRows>[number] & { summary: string | undefined; previous: string | undefined; diffHref: string | undefined; note: string })[];
  changes: { id: string; title: string; html: string }[];
  legend: string | undefined;
  /** The hourly incomes and estimation assumptions of every change above, each once (HTML), or undefined. */
  method: string | undefined;
  proposals: { href: string; text: string }[];
}

/**
 * A change named as readers know it (issue 18 point 11): by the date it applies from and the document
 * that made it, against the version before by its date. "Thay đổi áp dụng từ ngày 01/01/2026 theo Nghị
 * quyết số 66.7/2025/NQ-CP, so với phiên bản có hiệu lực từ ngày 01/01/2023".
 */
function changeTitle(ctx: BuildContext, before: LoadedVersion['data'], after: LoadedVersion['data']): string {
  const from = after.effective?.from;
  const by = amendingDocuments(after, (n) => ctx.legalDocument(n));
  return `Thay đổi${from ? ` áp dụng từ ngày ${formatDate(from)}` : ''}${by.length > 0 ? ` theo ${joinVi(by)}` : ''}, so với ${versionLabel(before, (n) => ctx.legalDocument(n), { amending: false })}`;
}

/** The history section of the procedure page at `path`: the versions table, each change, the proposals. */
export function historySection(ctx: BuildContext, entry: ProcedureEntry, path: string): HistoryModel {
  const lookup = (n: string) => ctx.legalDocument(n);
  const pairs = versionPairs(entry);
  // The latest change first: it is the one a reader of the version in force asks about.
  const method = new Map<string, Block>();
  const costs: ComplianceCost[] = [];
  const changes = [...pairs].reverse().map(({ before, after }) => {
    const diff = diffVersions(ctx.catalogue, { version: before, how: `${entry.code}@${before.data.version}` }, { version: after, how: `${entry.code}@${after.data.version}` });
    if (diff.cost.detail) costs.push(diff.cost.detail.before, diff.cost.detail.after);
    const from = after.data.effective?.from;
    return {
      id: SITE_PATHS.changeAnchor(before.data.version, after.data.version),
      title: changeTitle(ctx, before.data, after.data),
      html: renderHtmlBlocks(takeMethod(underHistory(diffBlocks(diff, ctx.catalogue.registry, { before: versionLabel(before.data, lookup), after: versionLabel(after.data, lookup) })), method)).replace(METHOD_POINTER, `mục <a href="#${METHOD_ANCHOR}">${METHOD_TITLE}</a>`),
    };
  });
  // Each correction (đính chính): what it changed in the content recorded before, for the days it covers.
  const corrected: typeof changes = [];
  for (const w of [...entry.windows].reverse()) {
    for (const c of [...correctionsOf(entry.versions, w.version)].reverse()) {
      const k = c.data.corrects!;
      // Against the content as recorded the day before: for a second correction, the first one's content, not the original's.
      const before = k.recorded ? contentOn(entry.versions, w.version, k.from, addDays(k.recorded, -1)) : undefined;
      const base = before?.correction ?? w.version;
      const diff = diffVersions(ctx.catalogue, { version: base, how: `${entry.code}@${base.data.version}` }, { version: c, how: `${entry.code}@${c.data.version}` });
      corrected.push({
        id: SITE_PATHS.changeAnchor(w.version.data.version, c.data.version),
        title: `Đính chính ghi nhận ngày ${formatDate(k.recorded ?? k.from)} của ${versionLabel(w.version.data, lookup, { amending: false })}${k.from === w.from ? '' : `, cho nội dung từ ngày ${formatDate(k.from)}`}, so với nội dung đã ghi trước ngày ${formatDate(k.recorded ?? k.from)}`,
        html:
          renderHtmlBlocks([{ kind: 'paragraph', content: [`Lý do đính chính: ${k.reason}`] }]) +
          renderHtmlBlocks(takeMethod(underHistory(diffBlocks(diff, ctx.catalogue.registry, { before: `nội dung đã ghi trước ngày ${formatDate(k.recorded ?? k.from)}`, after: `nội dung đính chính từ ngày ${formatDate(k.from)}` })), method)).replace(METHOD_POINTER, `mục <a href="#${METHOD_ANCHOR}">${METHOD_TITLE}</a>`),
      });
    }
  }
  // Corrections first, the latest first: they change what the page shows.
  changes.unshift(...corrected);
  const versions = versionRows(ctx, entry).map((row, i) => {
    const d = row.loaded.data;
    const pair = pairs.find((p) => p.after === row.loaded);
    const recorded = (row.correctedBy ?? []).map((c) => formatDate(c.data.corrects!.recorded ?? c.data.corrects!.from));
    if (row.corrects) {
      return {
        ...row,
        summary: d.corrects!.reason,
        previous: `nội dung đã ghi trước ngày ${formatDate(d.corrects!.recorded ?? d.corrects!.from)}`,
        diffHref: link(path, SITE_PATHS.diff(entry.code, row.corrects.data.version, d.version)),
        note: '',
      };
    }
    const asRecorded = recorded.length > 0 ? `Nội dung như đã ghi trước ngày ${recorded[0]}, được đính chính (xem dòng dưới).` : undefined;
    return {
      ...row,
      summary: [d.changedBy?.summary, asRecorded].filter((x) => x !== undefined).join(' ') || undefined,
      previous: pair ? versionLabel(pair.before.data, lookup, { amending: false }) : undefined,
      diffHref: pair ? link(path, SITE_PATHS.diff(entry.code, pair.before.data.version, d.version)) : undefined,
      note: d.status === 'draft' || d.status === 'proposed' ? 'Chưa công bố' : i === 0 ? 'Phiên bản đầu tiên' : d.status === 'repealed' ? 'Thủ tục bị bãi bỏ' : '',
    };
  });
  const proposals = entry.versions
    .filter((v) => v.data.proposal && findVersion(ctx.catalogue, v.data.proposal.baseline.code, v.data.proposal.baseline.version))
    .map((v) => ({ href: link(path, SITE_PATHS.proposal(v.data.code, v.data.version)), text: `${v.data.proposal!.title} (so với ${versionLabel(findVersion(ctx.catalogue, v.data.proposal!.baseline.code, v.data.proposal!.baseline.version)!.data, lookup, { amending: false })})` }));
  const methodHtml = method.size > 0 ? methodSummary(path, costs) : undefined;
  return { versions, changes, legend: changes.length > 0 ? LEGEND : undefined, method: methodHtml, proposals };
}
