/**
 * The simplification dashboard: the simplification report (generators/simplification-report) as
 * site pages, with its SVG charts and one more: the total cut against the target. Each proposal
 * gets a page with its diff against the baseline.
 */
import { diffVersions } from '../../rules/compute/diff/index.js';
import { findVersion } from '../../rules/compute/resolve.js';
import type { Catalogue } from '../../rules/model/catalogue.js';
import { escapeHtml, renderHtmlBlocks } from '../../rules/text/render/index.js';
import { formatPercent } from '../../rules/text/vi/numbers.js';
import { versionLabel } from '../../rules/text/vi/versions.js';
import { reportBlocks, selectProposals, simplificationReport } from '../simplification-report/index.js';
import { diffBlocks } from '../version-diff/index.js';
import { HOME_CRUMB, link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { article } from './templates.generated.js';

/** A bar from 0 to the larger of the cut and twice the target, with the target marked: "19,83% / 20%". */
export function targetChartSvg(cut: number | undefined, target: number): string {
  const width = 640;
  const scale = Math.max(target * 2, cut ?? 0, 1);
  const x = (v: number) => Math.round((Math.max(0, v) / scale) * (width - 40) * 10) / 10 + 20;
  const reached = cut !== undefined && cut >= target;
  const label = cut === undefined ? 'Chưa tính được' : `Đã cắt giảm ${formatPercent(cut)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="muc-tieu-t" width="${width}" height="96" viewBox="0 0 ${width} 96" font-family="sans-serif" font-size="13">`,
    `<title id="muc-tieu-t">${escapeHtml(`${label}; mục tiêu ${formatPercent(target)}`)}</title>`,
    `<rect x="20" y="30" width="${width - 40}" height="26" fill="#e4e7eb"/>`,
    cut === undefined ? '' : `<rect x="20" y="30" width="${x(cut) - 20}" height="26" fill="${reached ? '#2f7d4f' : '#b35c00'}"/>`,
    `<line x1="${x(target)}" y1="20" x2="${x(target)}" y2="66" stroke="#1a1a1a" stroke-width="3"/>`,
    `<text x="${x(target)}" y="16" text-anchor="middle">Mục tiêu ${escapeHtml(formatPercent(target))}</text>`,
    `<text x="20" y="84">${escapeHtml(label)}</text>`,
    `<text x="${width - 20}" y="84" text-anchor="end">${escapeHtml(formatPercent(scale))}</text>`,
    '</svg>',
  ].join('');
}

/** The dashboard pages; `hasPage` says which procedures have a site page to link to. */
export function renderDashboard(catalogue: Catalogue, hasPage: (code: string) => boolean): { path: string; content: string }[] {
  const report = simplificationReport(catalogue);
  const path = SITE_PATHS.dashboard;
  const blocks = reportBlocks(report);
  // The report's own title becomes the page heading; the target chart goes right after the verdict.
  const verdicts = report.verdict.groups.length || 1;
  const [, scope, ...others] = blocks;
  const verdict = others.slice(0, verdicts);
  const rest = others.slice(verdicts);
  // The target chart only for a target in force (percent of the yearly cost cut, one unit).
  const charts = report.verdict.groups
    .filter((g) => g.target !== null && g.cost.proposals > 0)
    .map((g) => `<figure>${targetChartSvg(g.cost.percent, g.target!.costCutPercent)}<figcaption>${escapeHtml(`Tỷ lệ cắt giảm tổng chi phí tuân thủ một năm so với mục tiêu (%): ${g.target!.label}`)}</figcaption></figure>`)
    .join('');
  const links = report.proposals.map((p) => `<li><a href="${escapeHtml(link(path, SITE_PATHS.proposal(p.code, p.version)))}">${escapeHtml(`${p.code}: ${p.title}`)}</a></li>`).join('');
  const html = `<h1>Kết quả đơn giản hóa thủ tục hành chính</h1>${renderHtmlBlocks([scope!, ...verdict])}${charts}${renderHtmlBlocks(rest)}${links ? `<h2>Chi tiết từng phương án</h2><ul>${links}</ul>` : ''}`;
  const files: { path: string; content: string }[] = [{ path, content: sitePage({ path, title: 'Kết quả đơn giản hóa thủ tục hành chính', crumbs: [HOME_CRUMB], body: article({ html }) }) }];

  for (const version of selectProposals(catalogue, {})) {
    const p = version.data.proposal!;
    const baseline = findVersion(catalogue, p.baseline.code, p.baseline.version);
    if (!baseline) continue;
    const diff = diffVersions(catalogue, { version: baseline, how: `${p.baseline.code}@${p.baseline.version}` }, { version, how: p.id });
    const page = SITE_PATHS.proposal(version.data.code, version.data.version);
    files.push({
      path: page,
      content: sitePage({
        path: page,
        title: `${p.title}`,
        crumbs: [HOME_CRUMB, { path, text: 'Đơn giản hóa' }],
        body: article({ lead: `Phương án đơn giản hóa · thủ tục ${version.data.code}`, html: `${hasPage(version.data.code) ? `<p><a href="${escapeHtml(link(page, SITE_PATHS.procedure(version.data.code)))}">Trang thủ tục hiện hành</a></p>` : ''}${renderHtmlBlocks(diffBlocks(diff, catalogue.registry, { before: versionLabel(baseline.data, (n) => catalogue.registry.legalDocuments.byId.get(n)), after: versionLabel(version.data, (n) => catalogue.registry.legalDocuments.byId.get(n)) }))}` }),
      }),
    });
  }
  return files;
}
