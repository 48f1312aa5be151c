/**
 * The import report for people, in Vietnamese (tthc import; English is rules/import/report.ts's
 * formatReport). Worded from the report's data, the same figures in the same order; the JSON
 * report written beside the catalogue is the same in every language.
 */
import type { ImportReport, QualityCheck, QualityCheckId } from '../rules/import/report.js';

/** The quality bar's checks, by id (rules/import/report.ts): what each checks, in Vietnamese. */
const CHECKS_VI: Record<QualityCheckId, string> = {
  'no-internal-errors': 'mọi bản ghi được nhập mà không gặp lỗi nội bộ',
  'some-imported': 'có ít nhất một bản ghi được nhập',
  'specs-validate': 'các đặc tả đã nhập qua tthc validate không có lỗi',
  'time-limits-parsed': 'thời hạn giải quyết theo cách thức nộp được đọc ở nơi có nêu',
  'fees-parsed': 'phí, lệ phí theo cách thức nộp được đọc ở nơi có nêu',
  'copy-counts-match': 'số lượng bản của giấy tờ khớp với nguồn',
  'source-kept': 'mọi trường có nội dung của nguồn được giữ lại',
  'import-time': 'thời gian nhập',
};

/** A decimal number as Vietnamese writes it: a comma before the decimals. */
const decimalVi = (n: number, digits?: number) => (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');

/** A check's measured figure and its target, worded in Vietnamese from the numbers the report carries. */
function qualityVi(q: QualityCheck): { measured: string; target: string } {
  const f = q.figures;
  switch (q.id) {
    case 'no-internal-errors':
      return { measured: `${f.count} lỗi nội bộ`, target: '0 lỗi nội bộ' };
    case 'some-imported':
      return { measured: `${f.count}/${f.of} bản ghi`, target: 'ít nhất một bản ghi, khi đầu vào có bản ghi chi tiết' };
    case 'import-time':
      return { measured: `${decimalVi(f.seconds ?? 0, 2)} giây`, target: `dưới ${f.threshold} giây` };
    default: {
      const assumed = q.id === 'time-limits-parsed' ? `; ${f.unitAssumed} giả định đơn vị` : '';
      return { measured: `${decimalVi(f.percent ?? 0)}% (${f.count}/${f.of}${assumed})`, target: f.threshold === 100 ? '100%' : `≥ ${f.threshold}%` };
    }
  }
}

const ROLE_VI: Record<string, string> = { code: 'mã TTHC', localCode: 'mã nội bộ', name: 'tên thủ tục', nationalName: 'tên thủ tục quốc gia', field: 'lĩnh vực', agency: 'cơ quan thực hiện', onlineLevel: 'mức độ dịch vụ công trực tuyến', decision: 'quyết định công bố' };

const LIST_WARNING_VI: Record<string, string> = {
  'list-code-repaired': 'mã được sửa (list-code-repaired)',
  'list-internal-code': 'chỉ có mã nội bộ, để riêng (list-internal-code)',
  'list-no-code': 'không có mã, để riêng (list-no-code)',
  'list-test-row': 'dòng thử nghiệm, để riêng (list-test-row)',
  'list-duplicate': 'mã lặp lại (list-duplicate)',
  'list-line-joined': 'bản ghi bị ngắt dòng, đã nối lại (list-line-joined)',
  'list-name-joined': 'tên bị ngắt sang dòng sau, đã nối lại (list-name-joined)',
  'list-code-from-local': 'mã quốc gia lấy từ cột mã nội bộ (list-code-from-local)',
  'list-level-unknown': 'mức độ DVC không nhận ra (list-level-unknown)',
  'list-fragment': 'mảnh bản ghi không có tên và mã, bỏ qua (list-fragment)',
};

export function formatImportReportVi(r: ImportReport): string {
  const lines: string[] = [];
  const pct = (s: { percent: number; parsed: number; stated: number }) => `${decimalVi(s.percent)}% (${s.parsed}/${s.stated})`;
  lines.push(`Đã nhập ${r.records.total - r.records.rejected}/${r.records.total} bản ghi vào ${r.out}: ${r.records.clean} không có cảnh báo, ${r.records.withWarnings} có cảnh báo, ${r.records.rejected} bị từ chối.`);
  lines.push(`Phiên bản: ${r.versions.created} tạo mới, ${r.versions.newVersions} phiên bản mới được đề xuất, ${r.versions.unchanged} không đổi.`);
  lines.push(`Bổ sung vào danh mục dùng chung: ${r.registryAdded.legalDocuments} văn bản quy phạm pháp luật, ${r.registryAdded.agencies} cơ quan, ${r.registryAdded.fields} lĩnh vực, ${r.registryAdded.levels} cấp thực hiện.`);
  lines.push('');
  lines.push('Đọc được thành giá trị có cấu trúc, ở nơi nguồn có nêu:');
  lines.push(`  thời hạn theo cách thức nộp  ${pct(r.shares.timeLimits)}; giả định đơn vị cho ${r.shares.timeLimits.unitAssumed} con số không kèm đơn vị; ${r.shares.timeLimits.notRegulated} "Không quy định"`);
  lines.push(`  phí, lệ phí theo cách thức   ${pct(r.shares.fees)}`);
  lines.push(`  số lượng bản giấy tờ          ${pct(r.shares.documentCounts)}; ${r.shares.documentCounts.notesFromDocuments} "giấy tờ" được chuyển thành ghi chú`);
  lines.push('');
  lines.push('Cảnh báo theo loại:');
  for (const [kind, n] of Object.entries(r.warningsByKind)) lines.push(`  ${String(n).padStart(6)}  ${kind}`);
  if (r.rejected.length > 0) {
    lines.push('');
    const reasons = new Map<string, number>();
    for (const x of r.rejected) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    lines.push('Bị từ chối:');
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(6)}  ${reason}`);
  }
  if (r.crossCheck.listRows > 0) {
    lines.push('');
    lines.push(
      `Danh mục dạng bảng: ${r.crossCheck.listRows} dòng, ${r.crossCheck.listCodes} mã; ${r.crossCheck.inListNotInDetail.length} mã có trong danh mục nhưng không có bản ghi chi tiết, ${r.crossCheck.inDetailNotInList.length} bản ghi chi tiết không thuộc danh mục nào, ${r.crossCheck.listCodeProblems.length} dòng có mã không dùng được.`,
    );
  }
  if (r.crossCheck.problems.length > 0) {
    lines.push('');
    lines.push('Danh mục, trang tính không đọc được:');
    for (const p of r.crossCheck.problems) lines.push(`  ${p.record}: ${p.reason}`);
  }
  for (const l of r.lists) {
    lines.push('');
    lines.push(`Danh mục TTHC của tỉnh ${l.record} → ${l.path}${l.province ? ` (mã tỉnh ${l.province})` : ''}: ${l.rows} dòng có mã TTHC quốc gia, ${l.internal} dòng chỉ có mã nội bộ, ${l.tests} dòng thử nghiệm, ${l.duplicates} mã được liệt kê nhiều lần.`);
    lines.push(`  đọc theo bảng mã ${l.encoding}${l.delimiter ? `, dấu phân cách ${JSON.stringify(l.delimiter)}` : ''}, ${l.headerLine ? `dòng tiêu đề ${l.headerLine}` : 'không có dòng tiêu đề (nhận cột theo nội dung)'}`);
    for (const c of l.columns) lines.push(`  cột ${c.column}${c.header ? ` "${c.header}"` : ''} → ${ROLE_VI[c.role] ?? c.role} (${c.by === 'header' ? 'theo tiêu đề' : 'theo nội dung'})`);
    for (const [kind, n] of Object.entries(l.warningsByKind)) lines.push(`  ${String(n).padStart(6)}  ${LIST_WARNING_VI[kind] ?? kind}`);
  }
  if (r.newVersions.length > 0) {
    lines.push('');
    lines.push('Phiên bản mới được đề xuất (dự thảo, thay thế phiên bản mới nhất):');
    for (const v of r.newVersions) {
      lines.push(`  ${v.code}@${v.version} thay thế ${v.supersedes}: ${v.changes.length} thay đổi`);
      for (const c of v.changes.slice(0, 8)) lines.push(`    ${c}`);
      if (v.changes.length > 8) lines.push(`    … và ${v.changes.length - 8} thay đổi khác trong báo cáo JSON`);
    }
  }
  lines.push('');
  lines.push('Tiêu chí chất lượng:');
  for (const q of r.quality) {
    const vi = qualityVi(q);
    lines.push(`  ${q.pass ? 'đạt' : q.setsExitCode ? 'KHÔNG ĐẠT' : 'chậm'}  ${CHECKS_VI[q.id]}: ${vi.measured} (chỉ tiêu ${vi.target}${q.setsExitCode ? '' : '; đo thời gian, không tính vào mã thoát'})`);
  }
  if (r.validation && Object.keys(r.validation.errorsByRule).length > 0) {
    lines.push(`  lỗi trong các đặc tả đã nhập, theo quy tắc: ${Object.entries(r.validation.errorsByRule).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  lines.push(`Thời gian nhập ${decimalVi(r.timings.importMs / 1000, 2)} giây; kiểm tra ${decimalVi(r.timings.validateMs / 1000, 2)} giây.`);
  return lines.join('\n') + '\n';
}
