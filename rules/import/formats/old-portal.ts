/**
 * The 2021 scrape of the old portal (a MongoDB export: an array of records). The records carry no
 * procedure code and some HTML leftovers; the importer finds a code by the exact name, or rejects.
 */
import { RecordBuilder, type ChannelInput, type DocumentInput } from '../builder.js';
import { parseLabelledCounts } from '../documents.js';
import { parseLabelledFees } from '../fees.js';
import type { RecordOutcome } from '../model.js';
import { cleanText, valueOf } from '../text.js';
import { parseTimeCell } from '../time.js';
import { channelKind } from '../vocabulary.js';

type Obj = Record<string, unknown>;

export function isOldPortalFile(data: unknown): boolean {
  return Array.isArray(data) && data.length > 0 && data.every((r) => !!r && typeof r === 'object' && 'title' in r && 'Cách thức thực hiện' in r);
}

const KNOWN = ['_id', 'title', 'Trình tự thực hiện', 'Cách thức thực hiện', 'Thành phần hồ sơ', 'Cơ quan thực hiện'];

/** Tags left over from the HTML page (`</p>`, `<br>`). */
export function stripHtml(text: string): string {
  return text.replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '\n').replace(/\n{3,}/g, '\n\n');
}

function v(o: Obj, k: string): string | undefined {
  const raw = o[k];
  return typeof raw === 'string' ? valueOf(stripHtml(raw)) : undefined;
}

export interface OldPortalParsed {
  outcome: RecordOutcome;
  /** Assigns the code found by name; returns false when it is not a valid code. */
  assignCode: (code: string, how: string) => boolean;
  name: string | undefined;
}

export function parseOldPortal(data: Obj, record: string, file: string): OldPortalParsed {
  const o = Object.fromEntries(Object.entries(data).map(([k, val]) => [k.normalize('NFC'), val]));
  const b = new RecordBuilder('old-portal', record);
  const name = v(o, 'title');
  for (const [k, val] of Object.entries(o)) {
    if (KNOWN.includes(k)) continue;
    const text = typeof val === 'string' ? cleanText(val) : JSON.stringify(val);
    if (text) b.warn('source-field-unknown', k, `Unknown source field "${k}"; kept as raw text.`, text);
  }
  const id = (o._id as Obj | undefined)?.$oid;
  if (typeof id === 'string') b.keepRaw('_id', id);
  b.setName(name, record, 'title');
  // The old portal states no kind, field or level: the schema needs them, so they are flagged.
  b.setKind(undefined, 'title');
  b.setSubjects(undefined);
  const agencyText = v(o, 'Cơ quan thực hiện');
  const implementing = b.agencies(agencyText);
  if (implementing.length === 0) b.warn('agency-missing', 'Cơ quan thực hiện', 'No implementing agency is stated.');
  b.inferLevels(agencyText ? agencyText.split('\n') : [], 'Cơ quan thực hiện');
  b.spec.agencies = { implementing };
  b.setSteps(v(o, 'Trình tự thực hiện'), 'Trình tự thực hiện');

  const channels: ChannelInput[] = [];
  const rows = Array.isArray(o['Cách thức thực hiện']) ? (o['Cách thức thực hiện'] as Obj[]) : [];
  rows.forEach((row, i) => {
    const field = `Cách thức thực hiện[${i}]`;
    const kindText = v(row, 'Hình thức nộp');
    const kind = kindText ? channelKind(kindText) : undefined;
    if (!kind) {
      b.warn('channel-unparsed', `${field}.Hình thức nộp`, `Unknown channel "${kindText ?? ''}"; the row is kept as raw text.`, JSON.stringify(row));
      return;
    }
    const timeRaw = v(row, 'Thời hạn giải quyết');
    const feeRaw = v(row, 'Phí, lệ phí');
    const { cell, unparsedLines } = parseLabelledFees(feeRaw);
    const input: ChannelInput = { kind, field, timeRaw, time: parseTimeCell(timeRaw), feeRaw, fee: cell, description: v(row, 'Mô tả') };
    if (unparsedLines.length > 0) input.feeUnparsed = unparsedLines;
    channels.push(input);
  });
  b.setChannels(channels);

  const docs = Array.isArray(o['Thành phần hồ sơ']) ? (o['Thành phần hồ sơ'] as Obj[]) : [];
  b.setDossier(
    docs.map((row, i): DocumentInput => {
      const countsRaw = v(row, 'Số lượng - bản chính');
      const counts = parseLabelledCounts(countsRaw);
      const form = v(row, 'Mẫu đơn, tờ khai');
      // A download link with an empty id (`…?ma=`) points at no form; it is kept raw, not as a form.
      const emptyLink = form !== undefined && /[?&]ma=$/.test(form);
      if (emptyLink) b.keepRaw(`Thành phần hồ sơ[${i}].Mẫu đơn, tờ khai`, form);
      const input: DocumentInput = { field: `Thành phần hồ sơ[${i}]`, name: v(row, 'Tên giấy tờ') ?? '', counts, forms: form && !emptyLink ? [form] : [] };
      if (!counts && countsRaw) input.countsRaw = countsRaw;
      return input;
    }),
  );
  b.setResults([]);
  b.note('uncertain', 'Nguồn (Cổng DVC cũ, 2021) không có kết quả, lĩnh vực, cấp thực hiện, đối tượng và căn cứ pháp lý.');
  b.setLegalBasis([]);

  let outcome: RecordOutcome = { status: 'rejected', record, format: 'old-portal', reason: 'The old portal export carries no procedure code, and the name matches no record with a code.', source: data };
  if (name) outcome.name = name;
  const result: OldPortalParsed = {
    outcome,
    name,
    assignCode: (code, how) => {
      if (!b.setCode(code, 'title')) return false;
      b.warn('code-from-name', 'title', `The record has no code; ${code} was taken from ${how} with the same name.`);
      outcome = b.finish(data, file);
      result.outcome = outcome;
      return true;
    },
  };
  return result;
}
