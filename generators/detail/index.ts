import { addDays } from '../../rules/compute/dates.js';
import { formatDate, formatPeriod, PROCEDURE_KIND_VI } from '../../rules/text/vi.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { hasOnlineForm, href, PATHS } from '../engine/paths.js';
import type { Generator, OutputFile, Unit } from '../engine/unit.js';
import { governmentService, scriptSafeJson } from './jsonld.js';
import { changeBasis, procedureParts } from './parts.js';
import { page } from './templates/index.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.js';

/** Why the page is not simply "in force": not yet, repealed, lapsed, or about to change. */
export function banner(ctx: BuildContext, entry: ProcedureEntry): string | undefined {
  const w = entry.shownWindow;
  switch (entry.state) {
    case 'draft':
      return `Bản xem trước: thủ tục chưa được công bố. Nội dung dưới đây là ${entry.shown.data.status === 'proposed' ? 'bản trình' : 'dự thảo'} (phiên bản ${entry.shown.data.version}), chưa có giá trị áp dụng.`;
    case 'not-yet-in-force':
      return `Thủ tục chưa có hiệu lực: áp dụng từ ngày ${formatDate(w!.from)}.`;
    case 'repealed': {
      const by = entry.repealedBy ? changeBasis(ctx, entry.repealedBy.data) : [];
      const since = entry.repealedBy?.data.effective?.from;
      return `Thủ tục đã bị bãi bỏ${since ? ` từ ngày ${formatDate(since)}` : ''}${by.length > 0 ? ` theo ${by.join('; ')}` : ''}. Nội dung dưới đây là phiên bản cuối cùng trước khi bãi bỏ.`;
    }
    case 'lapsed':
      return `Thủ tục hết hiệu lực từ ngày ${formatDate(addDays(w!.until!, 1))}. Nội dung dưới đây là phiên bản cuối cùng.`;
    case 'in-force': {
      const next = w!.supersededBy;
      if (!next) return undefined;
      const from = next.data.effective!.from;
      return next.data.status === 'repealed'
        ? `Thủ tục sẽ bị bãi bỏ từ ngày ${formatDate(from)}.`
        : `Từ ngày ${formatDate(from)} thủ tục được sửa đổi, bổ sung (phiên bản ${next.data.version}).`;
    }
  }
}

/**
 * One row per version in force at some time (repeals included): its period and the document that
 * changed it; in a preview, the draft shown for an unpublished procedure.
 */
export function versionRows(ctx: BuildContext, entry: ProcedureEntry) {
  const rows = entry.windows.map((w) => {
    const d = w.version.data;
    const basis = changeBasis(ctx, d);
    return {
      loaded: w.version,
      version: d.status === 'repealed' ? `${d.version} (bãi bỏ)` : d.version,
      period: d.status === 'repealed' ? `Từ ngày ${formatDate(w.from)}` : formatPeriod(w.from, w.until),
      change: basis.length > 0 ? basis.join('; ') : d.supersedes ? '' : 'Ban hành lần đầu',
      current: w.version === entry.shown,
    };
  });
  if (entry.state === 'draft') {
    const d = entry.shown.data;
    rows.push({ loaded: entry.shown, version: `${d.version} (${d.status === 'proposed' ? 'bản trình' : 'dự thảo'})`, period: draftPeriod(d), change: '', current: true });
  }
  return rows;
}

/** A draft is in force at no time; what it proposes is said as proposed. */
function draftPeriod(v: ProcedureVersion): string {
  const kind = v.status === 'proposed' ? 'Bản trình' : 'Dự thảo';
  return v.effective ? `${kind}, chưa công bố (dự kiến: ${formatPeriod(v.effective.from, v.effective.until ?? null).replace(/^T/, 't')})` : `${kind}, chưa công bố`;
}

export function renderDetail(ctx: BuildContext, entry: ProcedureEntry): OutputFile {
  const v = entry.shown.data;
  const pagePath = PATHS.detail(entry.code);
  const link = (to: string) => href(pagePath, to);
  const meta: { term: string; value: string }[] = [];
  if (v.name.en) meta.push({ term: 'Tên tiếng Anh', value: v.name.en });
  if (v.field) meta.push({ term: 'Lĩnh vực', value: ctx.fieldName(v.field) });
  if (v.levels) meta.push({ term: 'Cấp thực hiện', value: v.levels.map((l) => ctx.levelName(l)).join(', ') });
  if (v.kind) meta.push({ term: 'Loại thủ tục', value: PROCEDURE_KIND_VI[v.kind] });
  meta.push({ term: 'Phiên bản', value: v.version });
  meta.push({ term: 'Hiệu lực', value: entry.shownWindow ? formatPeriod(entry.shownWindow.from, entry.shownWindow.until) : draftPeriod(v) });
  const change = changeBasis(ctx, v);
  if (change.length > 0) meta.push({ term: 'Văn bản sửa đổi, bổ sung', value: change.join('; ') });

  const notes = (v.notes ?? []).filter((n) => n.kind !== 'editorial').map((n) => (n.kind === 'uncertain' ? `Nội dung đang được kiểm tra lại: ${n.text}` : n.text));
  const versions = versionRows(ctx, entry).map((row) => ({ ...row, href: link(PATHS.apiVersion(entry.code, row.loaded.data.version)) }));
  const links = [{ href: link(PATHS.apiProcedure(entry.code)), text: 'Thủ tục và các phiên bản (JSON)' }];
  if (hasOnlineForm(v)) {
    links.push({ href: link(PATHS.formSchema(entry.code, v.version)), text: 'Lược đồ tờ khai trực tuyến (JSON Schema 2020-12)' });
    links.push({ href: link(PATHS.formTypes(entry.code, v.version)), text: 'Kiểu dữ liệu TypeScript của tờ khai' });
  }

  const html = page({
    code: entry.code,
    name: v.name.vi,
    css: link(PATHS.css),
    listingHref: link(PATHS.listing('html')),
    jsonLd: scriptSafeJson(governmentService(ctx, entry, pagePath)),
    banner: banner(ctx, entry),
    meta,
    parts: procedureParts(ctx, entry.shown),
    notes,
    versions,
    links,
  });
  return { path: pagePath, content: html };
}

export const generator: Generator = {
  id: 'detail',
  description: 'one HTML page per procedure, every part in the Phần II order, with schema.org JSON-LD',
  start: PATHS.detail('<code>'),
  plan(ctx) {
    return ctx.procedures.map(
      (entry): Unit => ({
        key: entry.code,
        inputs: hashParts([ctx.entryHash(entry), ctx.options.baseUrl ?? '']),
        render: () => [renderDetail(ctx, entry)],
      }),
    );
  },
};
