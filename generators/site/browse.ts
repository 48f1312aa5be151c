/**
 * Pages that list procedures without JavaScript: by field, by implementing agency, and the
 * legal-document registry (each document with the procedures that cite it). The home page links
 * to them, so everything search finds can also be reached by following links.
 */
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import type { LegalDocument } from '../../rules/schema/types/registry.generated.js';
import { legalRefs } from '../../rules/model/spec.js';
import { escapeHtml } from '../../rules/text/render/escape.js';
import { citeDocument, DOCUMENT_TYPE_VI } from '../../rules/text/vi/citations.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { compareVietnamese } from '../../rules/text/vi/words.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { isFree, timeLimitLines } from '../detail/parts.js';
import { HOME_CRUMB, link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { listing, article } from './templates.generated.js';
import { renderBlocks } from './procedure.js';

const STATE_VI = { 'in-force': '', 'not-yet-in-force': 'chưa có hiệu lực', repealed: 'đã bãi bỏ', lapsed: 'hết hiệu lực', draft: 'dự thảo, chưa công bố' } as const;

/** The facts of a procedure a listing row shows; also what its page depends on. */
export interface Row {
  code: string;
  name: string;
  state: string;
  levels: string;
  time: string;
  fee: string;
}

const rows = new WeakMap<ProcedureEntry, Row>();

/** A procedure's row, worked out once per build however many listings show it. */
export function rowOf(ctx: BuildContext, entry: ProcedureEntry): Row {
  let row = rows.get(entry);
  if (!row) {
    row = ctx.perProcedure('site/row', entry, isRow, () => computeRow(ctx, entry));
    rows.set(entry, row);
  }
  return row;
}

const ROW_KEYS = ['code', 'name', 'state', 'levels', 'time', 'fee'] as const;

function isRow(value: unknown): value is Row {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === ROW_KEYS.length && ROW_KEYS.every((k, i) => keys[i] === k && typeof (value as Record<string, unknown>)[k] === 'string');
}

/** The legal documents (by number) a procedure's shown version cites, in the order it first cites them. */
function citedDocuments(ctx: BuildContext, entry: ProcedureEntry): string[] {
  return ctx.perProcedure('site/cites', entry, isStringList, () => [...new Set(legalRefs(entry.shown.data).map((r) => r.ref.document))]);
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The row's text, for hashing the listings it appears in. */
export function rowKey(row: Row): string {
  return `${row.code}\n${row.name}\n${row.state}\n${row.levels}\n${row.time}\n${row.fee}`;
}

function computeRow(ctx: BuildContext, entry: ProcedureEntry): Row {
  const v = entry.shown.data;
  return {
    code: entry.code,
    name: v.name.vi,
    state: STATE_VI[entry.state],
    levels: (v.levels ?? []).map((l) => ctx.levelName(l)).join(', '),
    time: timeLimitLines(ctx, v).join('; '),
    fee: isFree(v) ? 'Miễn phí' : 'Có thu phí, lệ phí',
  };
}

function rowsHtml(path: string, rows: readonly Row[]) {
  return rows.map((r) => ({ ...r, href: link(path, SITE_PATHS.procedure(r.code)) }));
}

/** A group of procedures listed on one page, with the hash of what the page shows. */
export interface Group {
  id: string;
  name: string;
  rows: Row[];
}

export function groupsBy(ctx: BuildContext, key: (v: LoadedVersion) => readonly string[], name: (id: string) => string): Group[] {
  const groups = new Map<string, Row[]>();
  for (const entry of ctx.procedures) {
    for (const id of new Set(key(entry.shown))) {
      const rows = groups.get(id);
      const row = rowOf(ctx, entry);
      if (rows) rows.push(row);
      else groups.set(id, [row]);
    }
  }
  return [...groups.keys()].sort().map((id) => ({ id, name: name(id), rows: groups.get(id)! }));
}

export function groupHash(g: Group): string {
  return hashParts([g.id, g.name, ...g.rows.map(rowKey)]);
}

export function renderGroupPage(path: string, heading: string, lead: string, group: Group): { path: string; content: string } {
  return {
    path,
    content: sitePage({ path, title: heading, crumbs: [HOME_CRUMB], body: listing({ heading, lead, rows: rowsHtml(path, group.rows) }) }),
  };
}

export function renderFieldIndex(groups: readonly Group[]): { path: string; content: string } {
  const path = SITE_PATHS.fields;
  const links = [...groups].sort((a, b) => compareVietnamese(a.name, b.name)).map((g) => ({ href: link(path, SITE_PATHS.field(g.id)), text: g.name, count: g.rows.length }));
  return { path, content: sitePage({ path, title: 'Thủ tục theo lĩnh vực', crumbs: [HOME_CRUMB], body: listing({ heading: 'Thủ tục theo lĩnh vực', links }) }) };
}

// ---- legal documents ---------------------------------------------------------------------------

/** For each legal document number, the procedures whose shown version cites it, in code order. */
export function citingProcedures(ctx: BuildContext): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const entry of ctx.procedures) {
    for (const n of citedDocuments(ctx, entry)) {
      const list = out.get(n);
      if (list) list.push(rowOf(ctx, entry));
      else out.set(n, [rowOf(ctx, entry)]);
    }
  }
  return out;
}

export function renderLegalPage(doc: LegalDocument, rows: readonly Row[]): { path: string; content: string } {
  const path = SITE_PATHS.legal(doc.number);
  const facts: string[] = [`Số, ký hiệu: ${doc.number}`, `Loại văn bản: ${DOCUMENT_TYPE_VI[doc.type]}`, `Cơ quan ban hành: ${doc.issuer}`];
  if (doc.issued) facts.push(`Ngày ban hành: ${formatDate(doc.issued)}`);
  if (doc.effective) facts.push(`Ngày có hiệu lực: ${formatDate(doc.effective)}`);
  if (doc.repealed) facts.push(`Hết hiệu lực từ ngày ${formatDate(doc.repealed)}${doc.repealedBy ? ` (thay thế bởi ${doc.repealedBy})` : ''}`);
  if (doc.note) facts.push(doc.note);
  const blocks = [
    { list: facts, ordered: false },
    ...(doc.url ? [{ list: [{ text: 'Toàn văn văn bản (trang ngoài)', href: doc.url }], ordered: false }] : []),
  ];
  const lead = rows.length > 0 ? `Các thủ tục hành chính viện dẫn văn bản này (${rows.length}):` : 'Chưa có thủ tục nào trong danh mục viện dẫn văn bản này.';
  const body = article({ lead: 'Văn bản quy phạm pháp luật', html: `<h1>${escapeHtml(citeDocument(doc))}</h1>${renderBlocks(blocks)}` }) + listing({ heading: '', lead, rows: rowsHtml(path, rows) }).replace('<h1></h1>\n', '');
  return { path, content: sitePage({ path, title: citeDocument(doc), crumbs: [HOME_CRUMB, { path: SITE_PATHS.legalIndex, text: 'Văn bản pháp luật' }], body }) };
}

export function renderLegalIndex(docs: readonly LegalDocument[], citing: ReadonlyMap<string, Row[]>): { path: string; content: string } {
  const path = SITE_PATHS.legalIndex;
  const links = docs.map((d) => ({ href: link(path, SITE_PATHS.legal(d.number)), text: citeDocument(d), count: citing.get(d.number)?.length ?? 0 }));
  return { path, content: sitePage({ path, title: 'Văn bản pháp luật', crumbs: [HOME_CRUMB], body: listing({ heading: 'Văn bản quy phạm pháp luật', lead: 'Các văn bản làm căn cứ pháp lý của thủ tục hành chính, kèm số thủ tục viện dẫn.', links }) }) };
}
