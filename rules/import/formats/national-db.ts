/**
 * The national TTHC database's "Chi tiết TTHC" Word export, parsed to JSON: `metadata`, `content`
 * and `tables` (one row per channel, per document, per legal document).
 */
import { RecordBuilder, type ChannelInput, type DocumentInput, type LegalInput } from '../builder.js';
import { parseLabelledCounts } from '../documents.js';
import { parseLabelledFees } from '../fees.js';
import { findNumbers, parseVnDate } from '../legal.js';
import type { RecordOutcome } from '../model.js';
import { cleanText, valueOf } from '../text.js';
import { parseTimeCell } from '../time.js';
import { channelKind } from '../vocabulary.js';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function rows(v: unknown): Obj[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

/** Keys may themselves be decomposed (NFD); look them up normalised. */
function normaliseKeys(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.normalize('NFC'), v]));
}

export function isNationalDbRecord(data: unknown): boolean {
  // Recognised by its shape, not by every part being there: an export may leave out a section.
  const o = obj(data);
  if (Array.isArray(data)) return false;
  const sections = ['metadata', 'content', 'tables'].filter((k) => o[k] !== null && typeof o[k] === 'object' && !Array.isArray(o[k])).length;
  return sections >= 2 || (sections === 1 && ('thu_tuc_id' in o || 'source_file' in o)) || ('thu_tuc_id' in o && 'source_file' in o);
}

/** The keys this parser reads; anything else is kept raw with a warning, never dropped. */
const KNOWN = {
  top: ['thu_tuc_id', 'source_file', 'metadata', 'content', 'tables'],
  metadata: ['mã_thủ_tục', 'tên_thủ_tục', 'số_quyết_định', 'cấp_thực_hiện', 'loại_thủ_tục', 'lĩnh_vực'],
  content: [
    'trình_tự_thực_hiện',
    'cách_thức_thực_hiện',
    'đối_tượng_thực_hiện',
    'cơ_quan_thực_hiện',
    'cơ_quan_có_thẩm_quyền',
    'cơ_quan_được_ủy_quyền',
    'cơ_quan_phối_hợp',
    'địa_chỉ_tiếp_nhận_hs',
    'kết_quả_thực_hiện',
    'yêu_cầu_điều_kiện_thực_hiện',
    'từ_khóa',
    'mô_tả',
  ],
  tables: ['hinh_thuc_nop', 'thanh_phan_ho_so', 'can_cu_phap_ly'],
};

function keepUnknown(b: RecordBuilder, o: Obj, known: string[], prefix: string): void {
  for (const [k, v] of Object.entries(o)) {
    if (known.includes(k)) continue;
    const text = typeof v === 'string' ? cleanText(v) : JSON.stringify(v);
    if (text && text !== '""' && text !== '[]' && text !== '{}') b.warn('source-field-unknown', `${prefix}${k}`, `Unknown source field "${prefix}${k}"; kept as raw text.`, text);
  }
}

export function parseNationalDb(data: unknown, record: string, file: string): RecordOutcome {
  const top = normaliseKeys(obj(data));
  const meta = normaliseKeys(obj(top.metadata));
  const content = normaliseKeys(obj(top.content));
  const tables = normaliseKeys(obj(top.tables));
  const b = new RecordBuilder('national-db-export', record);

  const rawCode = valueOf(meta['mã_thủ_tục']) ?? valueOf(top.thu_tuc_id);
  if (!rawCode || !b.setCode(rawCode, 'metadata.mã_thủ_tục')) {
    return { status: 'rejected', record, format: 'national-db-export', reason: `No usable procedure code (found "${rawCode ?? ''}").`, source: data };
  }
  const idCode = valueOf(top.thu_tuc_id);
  if (idCode && idCode !== rawCode) b.warn('code-mismatch', 'thu_tuc_id', `thu_tuc_id "${idCode}" differs from mã_thủ_tục "${rawCode}"; the latter is used.`, idCode);
  const sourceFile = valueOf(top.source_file);
  if (sourceFile && sourceFile !== `ChiTietTTHC_${rawCode}.doc`) b.keepRaw('source_file', sourceFile);
  keepUnknown(b, top, KNOWN.top, '');
  keepUnknown(b, meta, KNOWN.metadata, 'metadata.');
  keepUnknown(b, content, KNOWN.content, 'content.');
  keepUnknown(b, tables, KNOWN.tables, 'tables.');

  const name = valueOf(meta['tên_thủ_tục']);
  b.setName(name, rawCode, 'metadata.tên_thủ_tục');
  b.setKind(valueOf(meta['loại_thủ_tục']), 'metadata.loại_thủ_tục');
  b.setField(valueOf(meta['lĩnh_vực']));
  b.setLevels(valueOf(meta['cấp_thực_hiện']), 'metadata.cấp_thực_hiện');
  b.setSubjects(valueOf(content['đối_tượng_thực_hiện']));

  b.setAgencies({ implementing: valueOf(content['cơ_quan_thực_hiện']), competent: valueOf(content['cơ_quan_có_thẩm_quyền']), delegated: valueOf(content['cơ_quan_được_ủy_quyền']), coordinating: valueOf(content['cơ_quan_phối_hợp']) }, 'content.cơ_quan_thực_hiện');

  b.setSteps(valueOf(content['trình_tự_thực_hiện']), 'content.trình_tự_thực_hiện');

  const method = valueOf(content['cách_thức_thực_hiện']);
  if (method) b.note('info', `Cách thức thực hiện: ${method}`, '/channels');
  const channels: ChannelInput[] = [];
  rows(tables.hinh_thuc_nop).forEach((row, i) => {
    const field = `tables.hinh_thuc_nop[${i}]`;
    const kindText = valueOf(row.hinh_thuc);
    const kind = kindText ? channelKind(kindText) : undefined;
    if (!kind) {
      b.warn('channel-unparsed', `${field}.hinh_thuc`, `Unknown channel "${kindText ?? ''}"; the row is kept as raw text.`, JSON.stringify(row));
      return;
    }
    const timeRaw = valueOf(row.thoi_han_giai_quyet);
    const feeRaw = valueOf(row.phi_le_phi);
    const { cell, unparsedLines } = parseLabelledFees(feeRaw);
    const input: ChannelInput = { kind, field, timeRaw, time: parseTimeCell(timeRaw), feeRaw, fee: cell, description: valueOf(row.mo_ta) };
    if (unparsedLines.length > 0) input.feeUnparsed = unparsedLines;
    channels.push(input);
  });
  b.setChannels(channels, valueOf(content['địa_chỉ_tiếp_nhận_hs']));

  const documents: DocumentInput[] = rows(tables.thanh_phan_ho_so).map((row, i) => {
    const field = `tables.thanh_phan_ho_so[${i}]`;
    const countsRaw = valueOf(row.ghi_chu);
    const counts = parseLabelledCounts(countsRaw);
    const form = valueOf(row.so_luong);
    const input: DocumentInput = { field, name: valueOf(row.ten_giay_to) ?? '', counts, forms: form ? [form] : [] };
    if (!counts && countsRaw) input.countsRaw = countsRaw;
    return input;
  });
  b.setDossier(documents);

  const result = valueOf(content['kết_quả_thực_hiện']);
  b.setResults(result ? [{ name: result }] : []);
  b.setRequirements(valueOf(content['yêu_cầu_điều_kiện_thực_hiện']));

  const legal: LegalInput[] = rows(tables.can_cu_phap_ly).map((row, i) => {
    const field = `tables.can_cu_phap_ly[${i}]`;
    const dateRaw = valueOf(row.ngay_ban_hanh);
    const issued = parseVnDate(dateRaw);
    if (dateRaw && !issued) b.warn('legal-date-unparsed', `${field}.ngay_ban_hanh`, `The date "${dateRaw}" could not be read.`, dateRaw);
    const title = valueOf(row.trich_yeu);
    // Spaces around the hyphens go (`26/2019/NĐ - CP`); split and trim is one pass, where /\s*-\s*/g was quadratic on long runs of spaces.
    const cell = valueOf(row.so_ky_hieu)?.split('-').map((part) => part.trim()).join('-');
    let number = cell ? findNumbers(cell)[0]?.number : undefined;
    if (!number && cell) {
      // "12" or "BỘ LUẬT HÀNG HẢI VIỆT NAM": the full number may be in the title.
      const inTitle = findNumbers(title ?? '');
      const match = /^\d+(?:\/\d{4})?$/.test(cell) ? inTitle.find((n) => n.number.startsWith(`${cell}/`)) : inTitle.length === 1 ? inTitle[0] : undefined;
      if (match) {
        number = match.number;
        b.warn('legal-number-from-title', `${field}.so_ky_hieu`, `The number cell "${cell}" is incomplete; ${number} was read from the title.`, cell);
      }
    }
    const input: LegalInput = { field, number, title, rank: 3 };
    if (!number) input.raw = [cell, title, dateRaw, valueOf(row.co_quan_ban_hanh)].filter(Boolean).join(' | ');
    if (issued) input.issued = issued;
    const issuer = valueOf(row.co_quan_ban_hanh);
    if (issuer) input.issuer = issuer;
    return input;
  });
  b.setLegalBasis(legal);

  const keywords = valueOf(content['từ_khóa']);
  if (keywords) b.note('info', `Từ khóa: ${keywords}`);
  const description = valueOf(content['mô_tả']);
  if (description) b.note('info', `Mô tả: ${description}`);

  const extra: { announcedBy?: string } = {};
  const announcedBy = valueOf(meta['số_quyết_định']);
  if (announcedBy) extra.announcedBy = announcedBy;
  return b.finish(data, file, extra);
}
