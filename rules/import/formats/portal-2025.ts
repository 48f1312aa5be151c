/**
 * The 2025 National Public Service Portal detail pages: one string per section, with the cells of
 * each table glued together (`Trực tiếp60 Ngày làm việcKhông có thông tinThời hạn …`).
 */
import type { ChannelKind } from '../../schema/types/procedure-version.generated.js';
import { RecordBuilder, type ChannelInput, type DocumentInput, type LegalInput } from '../builder.js';
import { countsOfToken, PORTAL_COUNT, splitDocumentChunk } from '../documents.js';
import { amountsInNote, parseAmount, readPortalFees, type Currency } from '../fees.js';
import { findNumbers, splitPortalLegalBasis } from '../legal.js';
import type { RecordOutcome } from '../model.js';
import { cleanText, oneLine, valueOf } from '../text.js';
import { findTimes, parseTimeCell, type TimeCell } from '../time.js';

type Obj = Record<string, unknown>;

export function isPortal2025Record(data: unknown): boolean {
  // Recognised by its shape: the code and a few of the page's other fields, whichever are left.
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('ma_thu_tuc' in data)) return false;
  return FIELDS.filter((k) => k in data).length >= 2;
}

const FIELDS = [
  'ma_thu_tuc',
  'detail_url',
  'formality_id',
  'ten_thu_tuc',
  'so_quyet_dinh',
  'cap_thuc_hien',
  'loai_thu_tuc',
  'linh_vuc',
  'doi_tuong_thuc_hien',
  'co_quan_co_tham_quyen',
  'dia_chi_tiep_nhan',
  'co_quan_duoc_uy_quyen',
  'co_quan_phoi_hop',
  'thu_tuc_lien_quan',
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'can_cu_phap_ly',
  'co_quan_thuc_hien',
  'yeu_cau_dieu_kien',
  'ket_qua_xu_ly',
  'raw_text',
];

/** Labels of the page that raw_text strings between the field values. */
const RAW_TEXT_LABELS = [
  'Tên thủ tục',
  'Mã thủ tục',
  'Số quyết định',
  'Cấp thực hiện',
  'Loại thủ tục',
  'Lĩnh vực',
  'Đối tượng thực hiện',
  'Cơ quan có thẩm quyền',
  'Địa chỉ tiếp nhận HS',
  'Cơ quan được ủy quyền',
  'Cơ quan phối hợp',
  'Thủ tục hành chính liên quan',
  'Trình Tự Thực Hiện',
  'Cách Thức Thực Hiện',
  'Thành phần hồ sơ',
  'Căn cứ pháp lý',
  'Cơ quan thực hiện',
  'Yêu cầu, điều kiện thực hiện',
  'Kết quả xử lý',
];

const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const CHANNEL_WORDS: [string, ChannelKind][] = [
  ['Dịch vụ bưu chính', 'postal'],
  ['Trực tuyến', 'online'],
  ['Trực tiếp', 'in-person'],
];

interface Segment {
  kind: ChannelKind;
  start: number;
  time: TimeCell;
  timeRaw: string | undefined;
  feeStart: number;
  /** Glued bare time and fee amount: the digits, and the currency text that follows them. */
  glued?: { digits: string; currency: Currency };
}

/** The time at the start of a channel segment, and where the fee begins. */
function readTime(text: string): { time: TimeCell; raw: string | undefined; length: number; glued?: { digits: string; currency: Currency } } | undefined {
  for (const word of ['Không có thông tin', 'Không quy định']) {
    if (text.startsWith(word)) return { time: parseTimeCell(word), raw: word, length: word.length };
  }
  const unit = /^(\d+(?:[.,]\d+)?) (Ngày làm việc|Ngày|Giờ|Tháng)/u.exec(text);
  if (unit) return { time: parseTimeCell(unit[0]), raw: unit[0], length: unit[0].length };
  const bare = /^(\d+(?:[.,]\d+)?)(?=Miễn phí|Không có thông tin)/u.exec(text);
  if (bare) return { time: parseTimeCell(bare[1]), raw: bare[1], length: bare[1]!.length };
  const glued = /^(\d[\d,.]*)\s*(Việt Nam Đồng|VNĐ|USD)/u.exec(text);
  if (glued) return { time: { kind: 'none' }, raw: undefined, length: 0, glued: { digits: glued[1]!, currency: glued[2] === 'USD' ? 'USD' : 'VND' } };
  return undefined;
}

interface Split {
  time: number;
  amount: number;
  amountText: string;
}

/** Every way glued digits split into a bare time and a well-formed amount: `120` → 1|20, 12|0. */
function splitsOf(digits: string, currency: Currency): Split[] {
  const out: Split[] = [];
  for (let k = 1; k < digits.length; k++) {
    const timeText = digits.slice(0, k);
    const amountText = digits.slice(k);
    if (!/^\d+$/.test(timeText) || (amountText.length > 1 && amountText.startsWith('0')) || /^[.,]/.test(amountText)) continue;
    const amount = parseAmount(amountText, currency);
    if (amount !== undefined) out.push({ time: Number(timeText), amount, amountText });
  }
  return out;
}

export interface PortalChannel {
  input: Omit<ChannelInput, 'field'>;
}

/**
 * Splits the glued channel table. A channel starts where a channel name is followed by a time and a
 * fee; a channel name inside a description ("Trực tuyến: nộp hồ sơ …") is not followed by both.
 */
export function splitPortalChannels(raw: string): { channels: Omit<ChannelInput, 'field'>[]; rest: string } {
  const text = raw.startsWith(CHANNEL_HEADER) ? raw.slice(CHANNEL_HEADER.length) : raw;
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = CHANNEL_WORDS.find(([w]) => text.startsWith(w, i));
    if (!hit) continue;
    const after = i + hit[0].length;
    const time = readTime(text.slice(after));
    if (!time) continue;
    const feeStart = after + time.length;
    if (!readPortalFees(text.slice(feeStart))) continue;
    const seg: Segment = { kind: hit[1], start: i, time: time.time, timeRaw: time.raw, feeStart };
    if (time.glued) seg.glued = time.glued;
    segments.push(seg);
    i = feeStart - 1;
  }
  const rest = segments.length > 0 ? text.slice(0, segments[0]!.start) : text;
  const known = segments.flatMap((s) => (s.time.kind === 'bare' || s.time.kind === 'time' ? [s.time.value] : []));
  const channels = segments.map((seg, n): Omit<ChannelInput, 'field'> => {
    const end = segments[n + 1]?.start ?? text.length;
    let feeText = text.slice(seg.feeStart, end);
    let time = seg.time;
    let timeRaw = seg.timeRaw;
    let splitGuess: string | undefined;
    if (seg.glued) {
      const { digits, currency } = seg.glued;
      const fee = readPortalFees(feeText)!;
      const note = fee.cell.kind === 'items' ? fee.cell.items[0]?.note : undefined;
      const descriptionText = text.slice(seg.feeStart + fee.length, end);
      const options = splitsOf(digits, currency);
      const noted = amountsInNote(note);
      const inDescription = findTimes(descriptionText).map((t) => t.value);
      const pick =
        options.find((o) => noted.includes(o.amount)) ??
        options.find((o) => noted.includes(o.amount * 1000)) ??
        options.find((o) => known.includes(o.time)) ??
        options.find((o) => inDescription.includes(o.time));
      const chosen = pick ?? options[0];
      if (chosen) {
        time = { kind: 'bare', value: chosen.time };
        timeRaw = String(chosen.time);
        feeText = feeText.slice(digits.length - chosen.amountText.length);
        if (!pick || options.length > 1) {
          const others = options.filter((o) => o !== chosen).map((o) => `${o.time} + ${o.amountText}`);
          if (!pick) splitGuess = `"${digits}" glues a time with no unit to the fee amount and splits several ways (${[`${chosen.time} + ${chosen.amountText}`, ...others].join(', ')}); the first is a guess.`;
        }
      }
    }
    const fee = readPortalFees(feeText);
    const description = oneLine(feeText.slice(fee?.length ?? 0)) || undefined;
    const feeRaw = fee ? feeText.slice(0, fee.length) : undefined;
    const channel: Omit<ChannelInput, 'field'> = { kind: seg.kind, timeRaw, time, feeRaw, fee: fee?.cell ?? { kind: 'none' }, description: description && !/^Không có thông tin$/u.test(description) ? description : undefined };
    if (splitGuess) channel.splitGuess = splitGuess;
    return channel;
  });
  return { channels, rest: oneLine(rest) };
}

const DOSSIER_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

function groupTitle(text: string): string | undefined {
  const t = oneLine(text).replace(/^-+$/, '').replace(/^--/, '').trim();
  return t === '' ? undefined : t.replace(/:\s*$/, '');
}

/** Splits the glued dossier table into documents, by their count tokens, grouped under headings. */
export function splitPortalDossier(raw: string): { documents: Omit<DocumentInput, 'field'>[]; trailing: string | undefined; parsed: boolean } {
  // Without the table header the field is prose ("… nộp 02 bản chính tờ khai …"), not cells: it is not split.
  if (!raw.includes(DOSSIER_HEADER)) return { documents: [], trailing: undefined, parsed: false };
  const parts = raw.split(DOSSIER_HEADER);
  const documents: Omit<DocumentInput, 'field'>[] = [];
  let title = parts.length > 1 ? groupTitle(parts[0]!) : undefined;
  let trailing: string | undefined;
  let anyCount = false;
  const bodies = parts.length > 1 ? parts.slice(1) : parts;
  bodies.forEach((body, g) => {
    const present = !!title && /xuất trình/iu.test(title) && !/nộp\s*\/\s*xuất trình/iu.test(title);
    let from = 0;
    let previousToken = '';
    for (const m of body.matchAll(PORTAL_COUNT)) {
      anyCount = true;
      const chunk = body.slice(from, m.index);
      const last = documents[documents.length - 1];
      if (/^[\s;,.]*$/u.test(chunk) && last && from > 0) {
        // "…: 01 bản chính1 bản chính": the first count was part of the name; the second is the cell.
        last.name = `${last.name}${body.slice(from - previousToken.length, m.index)}`.trim();
        last.counts = countsOfToken(m);
        previousToken = m[0];
        from = m.index + m[0].length;
        continue;
      }
      previousToken = m[0];
      const split = splitDocumentChunk(chunk);
      const doc: Omit<DocumentInput, 'field'> = { name: split.name, counts: countsOfToken(m), forms: split.forms };
      if (split.formsGlued) doc.formsGlued = true;
      if (present) doc.present = true;
      if (title) doc.group = title;
      documents.push(doc);
      from = m.index + m[0].length;
    }
    const after = body.slice(from);
    if (g < bodies.length - 1) title = groupTitle(after);
    else trailing = groupTitle(after);
  });
  return { documents, trailing, parsed: anyCount };
}

/** The page's own controls, scraped along with the results: not part of the record. */
const RESULT_CHROME = /Chọn cơ quan thực hiệnTỉnh\/ Thành phốBộ ngành--.*Nộp hồ sơ$/su;

export function splitPortalResults(raw: string): { results: { name: string; code?: string }[]; keywords?: string; description?: string; rest?: string } {
  let text = raw.replace(RESULT_CHROME, '');
  const out: { results: { name: string; code?: string }[]; keywords?: string; description?: string; rest?: string } = { results: [] };
  const kw = /Từ khóa([\s\S]*?)Mô tả([\s\S]*)$/u.exec(text);
  if (kw) {
    const k = valueOf(kw[1]);
    const d = valueOf(kw[2]);
    if (k) out.keywords = k;
    if (d) out.description = d;
    text = text.slice(0, kw.index);
  }
  let from = 0;
  for (const m of text.matchAll(/Mã:\s*([A-Z0-9][A-Z0-9.-]*\d)/gu)) {
    const name = oneLine(text.slice(from, m.index));
    if (name) out.results.push({ name, code: m[1]! });
    else if (out.results.length > 0) out.rest = `${out.rest ?? ''}Mã: ${m[1]}`;
    from = m.index + m[0].length;
  }
  const tail = oneLine(text.slice(from));
  if (tail) {
    if (out.results.length === 0) out.results.push({ name: tail });
    else out.rest = tail;
  }
  return out;
}

export function parsePortal2025(data: unknown, record: string, file: string): RecordOutcome {
  const o = Object.fromEntries(Object.entries(data as Obj).map(([k, v]) => [k.normalize('NFC'), v]));
  const b = new RecordBuilder('portal-2025', record);
  const v = (k: string) => valueOf(o[k]);
  const rawCode = v('ma_thu_tuc');
  if (!rawCode || !b.setCode(rawCode, 'ma_thu_tuc')) {
    return { status: 'rejected', record, format: 'portal-2025', reason: `No usable procedure code (found "${rawCode ?? ''}").`, name: v('ten_thu_tuc'), source: data };
  }
  for (const [k, val] of Object.entries(o)) {
    if (FIELDS.includes(k)) continue;
    const text = typeof val === 'string' ? cleanText(val) : JSON.stringify(val);
    if (text) b.warn('source-field-unknown', k, `Unknown source field "${k}"; kept as raw text.`, text);
  }
  b.setName(v('ten_thu_tuc'), rawCode, 'ten_thu_tuc');
  b.setKind(v('loai_thu_tuc'), 'loai_thu_tuc');
  b.setField(v('linh_vuc'));
  b.setLevels(v('cap_thuc_hien'), 'cap_thuc_hien');
  b.setSubjects(v('doi_tuong_thuc_hien'));

  b.setAgencies({ implementing: valueOf(o.co_quan_thuc_hien), competent: valueOf(o.co_quan_co_tham_quyen), delegated: valueOf(o.co_quan_duoc_uy_quyen), coordinating: valueOf(o.co_quan_phoi_hop) }, 'co_quan_thuc_hien');

  b.setSteps(v('trinh_tu_thuc_hien'), 'trinh_tu_thuc_hien');

  const methodRaw = v('cach_thuc_thuc_hien');
  const { channels, rest } = methodRaw ? splitPortalChannels(methodRaw) : { channels: [], rest: '' };
  if (methodRaw && channels.length === 0) b.warn('channel-unparsed', 'cach_thuc_thuc_hien', 'No channel could be read from the glued table.', methodRaw);
  else if (rest) b.warn('channel-unparsed', 'cach_thuc_thuc_hien', `Text before the first channel: "${rest.slice(0, 120)}".`, rest);
  b.setChannels(
    channels.map((c, i) => ({ ...c, field: `cach_thuc_thuc_hien[${i}]` })),
    v('dia_chi_tiep_nhan'),
  );

  const dossierRaw = v('thanh_phan_ho_so');
  if (dossierRaw) {
    const { documents, trailing, parsed } = splitPortalDossier(dossierRaw);
    if (!parsed) {
      b.warn('dossier-unparsed', 'thanh_phan_ho_so', 'No document with a copy count could be read; the text is kept as the dossier note.', dossierRaw);
      b.setDossier([], dossierRaw);
    } else b.setDossier(documents.map((d, i) => ({ ...d, field: `thanh_phan_ho_so[${i}]` })), trailing);
  } else b.setDossier([]);

  const results = v('ket_qua_xu_ly');
  if (results) {
    const r = splitPortalResults(cleanText(o.ket_qua_xu_ly as string));
    b.setResults(r.results);
    if (r.keywords) b.note('info', `Từ khóa: ${r.keywords}`);
    if (r.description) b.note('info', `Mô tả: ${r.description}`);
    if (r.rest) b.warn('result-unparsed', 'ket_qua_xu_ly', `Text after the last result: "${r.rest.slice(0, 120)}".`, r.rest);
  } else b.setResults([]);
  b.setRequirements(v('yeu_cau_dieu_kien'));

  const legalRaw = v('can_cu_phap_ly');
  const legal: LegalInput[] = [];
  if (legalRaw) {
    const { entries, rest: legalRest } = splitPortalLegalBasis(legalRaw);
    entries.forEach((e, i) => {
      const input: LegalInput = { field: `can_cu_phap_ly[${i}]`, number: e.number, title: e.title, rank: 2 };
      if (e.glued) {
        b.warn('legal-basis-glued', input.field, `The title before ${e.number} has a glued cell in it and may hold another entry: "${e.title.slice(0, 120)}".`);
        input.raw = e.title;
      }
      legal.push(input);
    });
    if (legalRest && legalRest !== 'Tên văn bản pháp lýMã văn bản') {
      // Text after the last number cell: its numbers sit inside a title, so each is cited from there.
      const field = `can_cu_phap_ly[${entries.length}]`;
      const inside = findNumbers(legalRest);
      if (inside.length > 0) b.warn('legal-number-from-title', field, `No number cell after "${legalRest.slice(0, 80)}"; cited ${inside.map((n) => n.number).join(', ')} from the text.`, legalRest);
      for (const n of inside) legal.push({ field, number: n.number, title: inside.length === 1 ? legalRest : undefined, rank: 1 });
      if (inside.length === 0) legal.push({ field, number: undefined, title: legalRest, rank: 2, raw: legalRest });
    }
  }
  b.setLegalBasis(legal);

  const related = v('thu_tuc_lien_quan');
  if (related) b.note('info', `Thủ tục hành chính liên quan: ${related}`);
  const formality = v('formality_id');
  if (formality) b.keepRaw('formality_id', formality);

  const rawText = typeof o.raw_text === 'string' ? cleanText(o.raw_text) : '';
  if (rawText) {
    const residue = rawTextResidue(rawText, o);
    if (residue) b.warn('raw-text-residue', 'raw_text', `The page text holds words that are in no field: "${residue.slice(0, 120)}"; it is kept raw.`, rawText);
  }

  const extra: { url?: string; announcedBy?: string } = {};
  const url = v('detail_url');
  if (url) extra.url = url;
  const announcedBy = v('so_quyet_dinh');
  if (announcedBy) extra.announcedBy = announcedBy;
  return b.finish(data, file, extra);
}

/**
 * What raw_text holds beyond the record's fields and the page labels. raw_text is the page read as
 * one string; when every part of it is a field value or a label, it adds nothing and is not kept.
 */
export function rawTextResidue(rawText: string, record: Obj): string {
  let rest = rawText;
  const values = FIELDS.filter((k) => k !== 'raw_text')
    .map((k) => (typeof record[k] === 'string' ? cleanText(record[k] as string) : ''))
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const value of values) rest = rest.split(value).join('\u0000');
  for (const label of RAW_TEXT_LABELS) rest = rest.split(label).join('\u0000');
  return oneLine(rest.replace(/\u0000/g, ' '));
}
