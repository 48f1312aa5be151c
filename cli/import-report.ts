/**
 * The import report for people, in Vietnamese (tthc import; English is rules/import/report.ts's
 * formatReport). Worded from the report's data, the same figures in the same order; the JSON
 * report written beside the catalogue is the same in every language.
 */
import type { ImportReport } from '../rules/import/report.js';

/** The quality bar's checks by their English name (rules/import/report.ts). */
const CHECKS_VI: Record<string, string> = {
  'every record imports without a crash': 'mọi bản ghi được nhập mà không gặp lỗi nội bộ',
  'some record imported': 'có ít nhất một bản ghi được nhập',
  'imported specs pass tthc validate without errors': 'các đặc tả đã nhập qua tthc validate không có lỗi',
  'channel time limits parsed where stated': 'thời hạn giải quyết theo cách thức nộp được đọc ở nơi có nêu',
  'channel fees parsed where stated': 'phí, lệ phí theo cách thức nộp được đọc ở nơi có nêu',
  'document copy counts match the source': 'số lượng bản của giấy tờ khớp với nguồn',
  'every non-empty source field kept': 'mọi trường có nội dung của nguồn được giữ lại',
  'import time': 'thời gian nhập',
};

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

/** The English fragments of a measured value or target, in Vietnamese; numbers stay as they are. */
function figureVi(text: string): string {
  return text
    .replace(/(\d+) internal errors?/, '$1 lỗi nội bộ')
    .replace(/with the unit assumed/, 'giả định đơn vị')
    .replace(/(\d+(?:\.\d+)?) s\b/g, (_, n: string) => `${n.replace('.', ',')} giây`)
    .replace(/^< /, 'dưới ');
}

export function formatImportReportVi(r: ImportReport): string {
  const lines: string[] = [];
  const pct = (s: { percent: number; parsed: number; stated: number }) => `${String(s.percent).replace('.', ',')}% (${s.parsed}/${s.stated})`;
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
  for (const q of r.quality) lines.push(`  ${q.pass ? 'đạt' : 'KHÔNG ĐẠT'}  ${CHECKS_VI[q.name] ?? q.name}: ${figureVi(q.measured)} (chỉ tiêu ${figureVi(q.target)})`);
  if (r.validation && Object.keys(r.validation.errorsByRule).length > 0) {
    lines.push(`  lỗi trong các đặc tả đã nhập, theo quy tắc: ${Object.entries(r.validation.errorsByRule).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  lines.push(`Thời gian nhập ${(r.timings.importMs / 1000).toFixed(2).replace('.', ',')} giây; kiểm tra ${(r.timings.validateMs / 1000).toFixed(2).replace('.', ',')} giây.`);
  return lines.join('\n') + '\n';
}
