/**
 * Version history: the versions of a procedure with their periods, and for each change a readable
 * diff page (rules/compute/diff through the version-diff blocks: cuts, additions, and the
 * word-level text diff of reworded parts). Proposals are diffed against their baseline on the
 * dashboard instead.
 */
import type { LoadedVersion } from '../../rules/load/catalogue.js';
import { diffVersions } from '../../rules/compute/diff/index.js';
import { findVersion } from '../../rules/compute/resolve.js';
import { renderHtmlBlocks } from '../../rules/text/markup.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { versionRows } from '../detail/index.js';
import { diffBlocks } from '../version-diff/index.js';
import { HOME_CRUMB, link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { article, history } from './templates/index.js';

const LEGEND = '<p class="legend">Trong phần chi tiết, chữ <del>gạch ngang trên nền đỏ</del> là nội dung bị bỏ, chữ <ins>gạch chân trên nền xanh</ins> là nội dung được thêm.</p>';

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

export function renderHistory(ctx: BuildContext, entry: ProcedureEntry): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  const path = SITE_PATHS.history(entry.code);
  const name = entry.shown.data.name.vi;
  const pairs = versionPairs(entry);
  const procedureCrumb = { path: SITE_PATHS.procedure(entry.code), text: name };
  for (const { before, after } of pairs) {
    const diffPath = SITE_PATHS.diff(entry.code, before.data.version, after.data.version);
    const diff = diffVersions(ctx.catalogue, { version: before, how: `${entry.code}@${before.data.version}` }, { version: after, how: `${entry.code}@${after.data.version}` });
    files.push({
      path: diffPath,
      content: sitePage({
        path: diffPath,
        title: `Thay đổi của phiên bản ${after.data.version}: ${name}`,
        crumbs: [HOME_CRUMB, procedureCrumb, { path, text: 'Các phiên bản' }],
        body: article({ lead: `Mã thủ tục: ${entry.code}`, html: LEGEND + renderHtmlBlocks(diffBlocks(diff, ctx.catalogue.registry)) }),
      }),
    });
  }
  const versions = versionRows(ctx, entry).map((row, i) => {
    const d = row.loaded.data;
    const pair = pairs.find((p) => p.after === row.loaded);
    return {
      ...row,
      summary: d.changedBy?.summary,
      previous: pair?.before.data.version,
      diffHref: pair ? link(path, SITE_PATHS.diff(entry.code, pair.before.data.version, d.version)) : undefined,
      note: d.status === 'draft' || d.status === 'proposed' ? 'Chưa công bố' : i === 0 ? 'Phiên bản đầu tiên' : d.status === 'repealed' ? 'Thủ tục bị bãi bỏ' : '',
    };
  });
  const proposals = entry.versions
    .filter((v) => v.data.proposal && findVersion(ctx.catalogue, v.data.proposal.baseline.code, v.data.proposal.baseline.version))
    .map((v) => ({ href: link(path, SITE_PATHS.proposal(v.data.code, v.data.version)), text: `${v.data.proposal!.title} (so với phiên bản ${v.data.proposal!.baseline.version})` }));
  files.push({
    path,
    content: sitePage({
      path,
      title: `Các phiên bản: ${name}`,
      crumbs: [HOME_CRUMB, procedureCrumb],
      body: history({ code: entry.code, name, versions, proposals, procedureHref: link(path, SITE_PATHS.procedure(entry.code)) }),
    }),
  });
  return files;
}
