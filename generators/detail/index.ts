/**
 * What the public procedure page (generators/site) and the API share about a procedure: the note
 * on why the page is not simply "in force", and the rows of its version history. This folder no
 * longer writes a page of its own: procedures/<code>.html duplicated the site's procedure page and
 * is dropped (issue 15); parts.ts (the Phần II model) and jsonld.ts serve the site, the API, the
 * announcement and `tthc show`.
 */
import { addDays } from '../../rules/compute/dates.js';
import { formatDate, formatPeriod } from '../../rules/text/vi/dates.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { changeBasis } from './parts.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { versionLabel } from '../../rules/text/vi/versions.js';
import { correctionsOf } from '../../rules/compute/resolve.js';
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import { citeRef } from '../../rules/text/vi/citations.js';

/** Why the page is not simply "in force": not yet, repealed, lapsed, or about to change. */
export function banner(ctx: BuildContext, entry: ProcedureEntry): string | undefined {
  const w = entry.shownWindow;
  switch (entry.state) {
    case 'draft':
      return `Bản xem trước: thủ tục chưa được công bố. Nội dung dưới đây là ${versionLabel(entry.shown.data, (n) => ctx.legalDocument(n))}, chưa có giá trị áp dụng.`;
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
        : `Từ ngày ${formatDate(from)} thủ tục được sửa đổi, bổ sung${next.data.changedBy ? ` theo ${changeBasis(ctx, next.data).join('; ')}` : ''}.`;
    }
  }
}

/**
 * One row per version in force at some time (repeals included): its period and the document that
 * changed it; in a preview, the draft shown for an unpublished procedure.
 */
export function versionRows(ctx: BuildContext, entry: ProcedureEntry) {
  const rows: { loaded: LoadedVersion; period: string; change: string; current: boolean; corrects?: LoadedVersion; correctedBy?: LoadedVersion[] }[] = [];
  for (const w of entry.windows) {
    const d = w.version.data;
    const basis = changeBasis(ctx, d);
    const corrections = correctionsOf(entry.versions, w.version);
    // Named by its period, never by its id (issue 18 point 11): the period is the row's first column.
    rows.push({
      loaded: w.version,
      period: d.status === 'repealed' ? `Bãi bỏ từ ngày ${formatDate(w.from)}` : formatPeriod(w.from, w.until),
      change: basis.length > 0 ? basis.join('; ') : d.supersedes ? '' : 'Ban hành lần đầu',
      current: w.version === entry.shown,
      correctedBy: corrections,
    });
    // Each correction (đính chính) of it follows, with the days it covers and the day it was recorded.
    for (const c of corrections) {
      const k = c.data.corrects!;
      const cited = k.legalBasis.map((r) => citeRef(r, ctx.legalDocument(r.document)));
      rows.push({
        loaded: c,
        period: `Đính chính nội dung ${formatPeriod(k.from, w.until).replace(/^T/, 't')}`,
        change: `Ghi nhận ngày ${formatDate(k.recorded ?? k.from)}; căn cứ: ${cited.join('; ')}`,
        current: entry.shown !== w.version && entry.shown.file === c.file,
        corrects: w.version,
      });
    }
  }
  if (entry.state === 'draft') {
    const d = entry.shown.data;
    rows.push({ loaded: entry.shown, period: draftPeriod(d), change: '', current: true });
  }
  return rows;
}

/** A draft is in force at no time; what it proposes is said as proposed. */
function draftPeriod(v: ProcedureVersion): string {
  const kind = v.status === 'proposed' ? 'Bản trình' : 'Dự thảo';
  return v.effective ? `${kind}, chưa công bố (dự kiến: ${formatPeriod(v.effective.from, v.effective.until ?? null).replace(/^T/, 't')})` : `${kind}, chưa công bố`;
}
