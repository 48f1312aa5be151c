/**
 * The reconciliation of a province's list (tthc reconcile) for people: Markdown and HTML from the
 * shared block model, a CSV of the findings one per row (for a spreadsheet), and JSON. Vietnamese
 * throughout; the figures are summed at the top, then each kind of finding in its own section.
 */
import type { ReconcileReport, RowProblem } from '../../rules/compute/reconcile.js';
import { renderHtml, renderMarkdown, toJson, type Block } from '../../rules/text/render/index.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { formatNumber } from '../../rules/text/vi/numbers.js';

export type ReconcileFormat = 'md' | 'html' | 'csv' | 'json';
export const RECONCILE_FORMATS: readonly ReconcileFormat[] = ['md', 'html', 'csv', 'json'];

const LEVEL_VI: Record<string, string> = { central: 'trung ương', province: 'tỉnh', district: 'huyện', commune: 'xã' };
const WHAT_VI = { name: 'Tên thủ tục', field: 'Lĩnh vực', onlineLevel: 'Mức độ DVC trực tuyến' } as const;

/** Why a row names no procedure in force, in words. */
export function rowProblemVi(p: RowProblem): string {
  switch (p.kind) {
    case 'unknown-code':
      return 'không có thủ tục quốc gia mã này trong danh mục dùng để đối chiếu';
    case 'repealed':
      return `đã bị bãi bỏ từ ngày ${formatDate(p.since!)}${p.by ? ` (${p.by.join(', ')})` : ''}`;
    case 'lapsed':
      return `hết hiệu lực từ ngày ${formatDate(p.since!)}, không có phiên bản thay thế đang có hiệu lực`;
    case 'not-yet-in-force':
      return `chưa có hiệu lực (có hiệu lực từ ngày ${formatDate(p.since!)})`;
    case 'no-published-version':
      return 'chỉ có dự thảo, chưa có phiên bản được công bố';
    case 'other-province':
      return `mã của tỉnh khác (${p.detail})`;
  }
}

function announcedVi(m: ReconcileReport['missing'][number]): string {
  const a = m.announced;
  if (a.dateFrom === 'decision') return `${a.decision}, ngày ${formatDate(a.date)}`;
  return a.decision ? `${a.decision} (chưa ghi ngày ban hành); có hiệu lực ${formatDate(a.date)}` : `chưa ghi quyết định; có hiệu lực ${formatDate(a.date)}`;
}

const n = (x: number) => formatNumber(x);

export function reconcileBlocks(r: ReconcileReport): Block[] {
  const t = r.totals;
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', level: 1, text: `Đối chiếu danh mục thủ tục hành chính${r.province ? ` của tỉnh ${r.province}` : ''}` });
  blocks.push({ kind: 'paragraph', content: [`Danh mục: ${r.source}. Ngày đối chiếu: ${formatDate(r.date)}.`] });
  const findings = t.rowProblems + t.missing + t.differences + t.noDecision + t.duplicates + t.internal + t.tests;
  blocks.push({
    kind: 'paragraph',
    content: [{ text: r.complete ? 'Danh mục đầy đủ và cập nhật.' : `Danh mục chưa đầy đủ hoặc chưa cập nhật: ${n(findings)} phát hiện.`, style: 'strong' }],
  });
  blocks.push({
    kind: 'table',
    head: ['Nội dung', 'Số lượng'],
    align: ['left', 'right'],
    rows: [
      ['Dòng trong danh mục', t.rows],
      ['Dòng khớp một thủ tục quốc gia đang có hiệu lực', t.matched],
      ['Dòng không có thủ tục quốc gia, hoặc thủ tục không còn (chưa có) hiệu lực', t.rowProblems],
      ['Thủ tục quốc gia tỉnh thực hiện (cấp tỉnh, cấp xã) nhưng thiếu trong danh mục', t.missing],
      ['Khác biệt về tên, lĩnh vực, mức độ DVC trực tuyến', t.differences],
      ['Dòng không nêu quyết định công bố', t.noDecision],
      ['Mã được liệt kê nhiều lần', t.duplicates],
      ['Dòng chỉ có mã nội bộ (không đối chiếu được)', t.internal],
      ['Dòng thử nghiệm', t.tests],
    ].map(([label, count]) => [[String(label)], [n(count as number)]]),
  });

  blocks.push({ kind: 'heading', level: 2, text: '1. Thủ tục trong danh mục không có thủ tục quốc gia, hoặc không còn hiệu lực' });
  if (r.rowProblems.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else blocks.push({ kind: 'table', head: ['Dòng', 'Mã', 'Tên thủ tục', 'Tình trạng'], rows: r.rowProblems.map((p) => [[String(p.line)], [p.code], [p.name], [rowProblemVi(p)]]) });

  blocks.push({ kind: 'heading', level: 2, text: '2. Thủ tục quốc gia tỉnh thực hiện nhưng thiếu trong danh mục' });
  blocks.push({
    kind: 'paragraph',
    content: [
      `Hạn công bố của tỉnh: chậm nhất ${r.deadlineWorkingDays} ngày làm việc trước ngày văn bản quy định thủ tục có hiệu lực (Nghị định 63/2010/NĐ-CP, Điều 15; Văn phòng Chính phủ chấm điểm ${r.deadlineWorkingDays} ngày làm việc đối với tỉnh), tính lùi từ ngày có hiệu lực của phiên bản đang áp dụng theo lịch làm việc. Số ngày trễ tính từ hạn đó đến ngày đối chiếu.`,
    ],
  });
  if (r.announcedFromEffective > 0) {
    blocks.push({
      kind: 'paragraph',
      content: [`${n(r.announcedFromEffective)} thủ tục chưa có quyết định công bố của bộ có ghi ngày ban hành trong danh mục văn bản dùng chung (registry, trường announces của legalDocuments): ngày bộ công bố được lấy bằng ngày có hiệu lực của phiên bản.`],
    });
  }
  if (r.missing.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else {
    blocks.push({
      kind: 'table',
      head: ['Mã', 'Tên thủ tục', 'Cấp thực hiện', 'Bộ công bố', 'Có hiệu lực', 'Hạn công bố của tỉnh', 'Trễ'],
      rows: r.missing.map((m) => [
        [`${m.code}@${m.version}`],
        [m.name],
        [m.levels.map((l) => LEVEL_VI[l] ?? l).join(', ')],
        [announcedVi(m)],
        [formatDate(m.effective)],
        [formatDate(m.deadline)],
        [m.daysLate > 0 ? `${n(m.daysLate)} ngày (${n(m.workingDaysLate)} ngày làm việc)` : 'chưa đến hạn'],
      ]),
    });
  }

  if (r.ministryAnnounced.length > 0) {
    const byMinistry = new Map<string, string[]>();
    for (const x of r.ministryAnnounced) byMinistry.set(x.ministryName, [...(byMinistry.get(x.ministryName) ?? []), `${x.code}@${x.version} ${x.name}`]);
    blocks.push({
      kind: 'paragraph',
      content: [
        `Không tính là thiếu: ${n(r.ministryAnnounced.length)} thủ tục thực hiện tại địa phương thuộc lĩnh vực tổ chức theo ngành dọc, do Bộ trưởng tự công bố, Chủ tịch Ủy ban nhân dân cấp tỉnh không công bố lại: ${[...byMinistry].map(([ministry, items]) => `${ministry} (${items.join('; ')})`).join('; ')}.`,
      ],
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: '3. Khác biệt so với thủ tục quốc gia' });
  if (r.differences.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else blocks.push({ kind: 'table', head: ['Dòng', 'Mã', 'Nội dung', 'Trong danh mục', 'Thủ tục quốc gia'], rows: r.differences.map((d) => [[String(d.line)], [d.code], [WHAT_VI[d.what]], [d.list], [`${d.national} (${d.version})`]]) });

  blocks.push({ kind: 'heading', level: 2, text: '4. Dòng không nêu quyết định công bố' });
  if (r.noDecision.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else if (r.noDecisionColumn) blocks.push({ kind: 'paragraph', content: [`Danh mục không có cột quyết định công bố: cả ${n(r.noDecision.length)} dòng có mã quốc gia đều không nêu quyết định công bố.`] });
  else blocks.push({ kind: 'paragraph', content: [`${n(r.noDecision.length)} dòng: ${r.noDecision.join(', ')}.`] });

  blocks.push({ kind: 'heading', level: 2, text: '5. Mã được liệt kê nhiều lần' });
  if (r.duplicates.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else blocks.push({ kind: 'table', head: ['Mã', 'Số lần', 'Dòng', 'Ghi chú'], rows: r.duplicates.map((d) => [[d.code], [String(d.lines.length)], [d.lines.join(', ')], [d.perAgency ? 'mỗi lần một cơ quan thực hiện' : 'trùng lặp']]) });

  blocks.push({ kind: 'heading', level: 2, text: '6. Dòng để riêng: mã nội bộ, dòng thử nghiệm' });
  const apart = [...r.internal.map((e) => ({ e, why: e.localCode ? `mã nội bộ ${e.localCode}, không có mã quốc gia` : 'không có mã' })), ...r.tests.map((e) => ({ e, why: 'dòng thử nghiệm' }))].sort((a, b) => a.e.line - b.e.line);
  if (apart.length === 0) blocks.push({ kind: 'paragraph', content: ['Không có.'] });
  else blocks.push({ kind: 'table', head: ['Dòng', 'Tên', 'Lý do'], rows: apart.map(({ e, why }) => [[String(e.line)], [e.name], [why]]) });
  return blocks;
}

/** A CSV field, always quoted (RFC 4180): the names carry commas. */
function field(value: string | number): string {
  return `"${String(value).replace(/"/g, '""')}"`;
}

export function reconcileCsv(r: ReconcileReport): string {
  const rows: (string | number)[][] = [['loại', 'dòng', 'mã', 'tên', 'nội dung', 'trong danh mục', 'quốc gia', 'có hiệu lực', 'hạn công bố của tỉnh', 'số ngày trễ', 'số ngày làm việc trễ']];
  for (const p of r.rowProblems) rows.push(['không có hoặc không còn hiệu lực', p.line, p.code, p.name, rowProblemVi(p), '', '', '', '', '', '']);
  for (const m of r.missing) rows.push(['thiếu trong danh mục', '', `${m.code}@${m.version}`, m.name, announcedVi(m), '', '', m.effective, m.deadline, m.daysLate, m.workingDaysLate]);
  for (const x of r.ministryAnnounced) rows.push(['do bộ công bố, không tính là thiếu', '', `${x.code}@${x.version}`, x.name, `${x.ministryName} tự công bố (ngành dọc)`, '', '', '', '', '', '']);
  for (const d of r.differences) rows.push(['khác biệt', d.line, d.code, '', WHAT_VI[d.what], d.list, `${d.national} (${d.version})`, '', '', '', '']);
  for (const line of r.noDecision) rows.push(['không nêu quyết định công bố', line, '', '', '', '', '', '', '', '', '']);
  for (const d of r.duplicates) rows.push(['mã lặp lại', d.lines.join(' '), d.code, '', d.perAgency ? 'mỗi lần một cơ quan thực hiện' : 'trùng lặp', '', '', '', '', '', '']);
  for (const e of r.internal) rows.push(['mã nội bộ', e.line, e.localCode ?? '', e.name, '', '', '', '', '', '', '']);
  for (const e of r.tests) rows.push(['dòng thử nghiệm', e.line, e.localCode ?? e.code ?? '', e.name, '', '', '', '', '', '', '']);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function renderReconcile(r: ReconcileReport, format: ReconcileFormat): string {
  if (format === 'json') return toJson(r);
  if (format === 'csv') return reconcileCsv(r);
  const blocks = reconcileBlocks(r);
  return format === 'md' ? renderMarkdown(blocks) : renderHtml(`Đối chiếu danh mục thủ tục hành chính${r.province ? ` của tỉnh ${r.province}` : ''}`, blocks);
}

