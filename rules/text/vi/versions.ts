/**
 * A procedure version named for readers (issue 18 point 11): by the date it takes effect and the
 * document that made it, never by its id ("v2023" is the catalogue's file name, not the law's).
 * "phiên bản có hiệu lực từ ngày 01/01/2026 (theo Nghị quyết số 66.7/2025/NQ-CP)".
 */
import type { LegalDocument } from '../../schema/types/registry.generated.js';
import type { ProcedureVersion } from '../../schema/types/procedure-version.generated.js';
import { citeDocumentShort } from './citations.js';
import { formatDate } from './dates.js';

type Named = Pick<ProcedureVersion, 'status' | 'effective' | 'changedBy' | 'proposal'>;

/** The documents that made the version, each once, by type and number: "Nghị quyết số 66.7/2025/NQ-CP". */
export function amendingDocuments(v: Named, lookup: (number: string) => LegalDocument | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of v.changedBy?.legalBasis ?? []) {
    if (seen.has(r.document)) continue;
    seen.add(r.document);
    out.push(citeDocumentShort(r.document, lookup(r.document)));
  }
  return out;
}

export function joinVi(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/**
 * "phiên bản có hiệu lực từ ngày 01/01/2026 (theo Nghị quyết số 66.7/2025/NQ-CP)"; a first version
 * without an amending document: "phiên bản có hiệu lực từ ngày 01/01/2016"; a draft "dự thảo, dự kiến
 * có hiệu lực từ ngày …"; a proposal "phương án “…” (dự kiến áp dụng từ ngày …)"; a repeal "bãi bỏ từ
 * ngày … (theo …)". With `amending: false`, the date alone.
 */
export function versionLabel(v: Named, lookup: (number: string) => LegalDocument | undefined, options: { amending?: boolean } = {}): string {
  const from = v.effective?.from;
  const by = options.amending === false ? [] : amendingDocuments(v, lookup);
  const theo = by.length > 0 ? ` (theo ${joinVi(by)})` : '';
  if (v.status === 'repealed') return `bãi bỏ${from ? ` từ ngày ${formatDate(from)}` : ''}${theo}`;
  // A simplification proposal by its title: what reviewers call it.
  if (v.proposal) return `phương án “${v.proposal.title}”${from ? ` (dự kiến áp dụng từ ngày ${formatDate(from)})` : ''}`;
  if (v.status === 'draft' || v.status === 'proposed') {
    const kind = v.status === 'draft' ? 'dự thảo' : 'bản trình';
    return `${kind}${from ? `, dự kiến có hiệu lực từ ngày ${formatDate(from)}` : ''}${theo}`;
  }
  return `phiên bản${from ? ` có hiệu lực từ ngày ${formatDate(from)}` : ''}${theo}`;
}
