/**
 * The parts of one procedure version in the order of Phần II of the announcement layout, as
 * structured Vietnamese text: paragraphs, lists and tables of plain strings. Renderers (the HTML
 * detail page here; Markdown or DOCX elsewhere) escape the strings for their format; nothing in
 * this model is markup.
 */
import type { LoadedVersion } from '../../rules/load/catalogue.js';
import type { Channel, ChannelKind, Fee, LegalRef, ProcedureVersion } from '../../rules/schema/types/procedure-version.js';
import {
  AGENCY_ROLE_VI,
  CHANNEL_VI,
  citeDocument,
  citeDocuments,
  citeRef,
  formatCase,
  formatDocumentQuantity,
  formatDuration,
  formatExemptions,
  formatFeeAmount,
  formatFeeLine,
  formatFormName,
  formatSubject,
  formatTimeLimit,
  formatTimeLimitWithCases,
  formatValidity,
  formatWhere,
  lowerFirst,
  ONLINE_SERVICE_VI,
  PART_TITLES_VI,
  PORTAL_VI,
  twoDigits,
  upperFirst,
  type PartId,
} from '../../rules/text/vi.js';
import { linesInline, type Block as MarkupBlock } from '../../rules/text/markup.js';
import type { BuildContext } from '../engine/context.js';

/** A block of text. Table cells are lists of lines. */
export type Block = { paragraph: string } | { list: string[]; ordered: boolean } | { table: { headers: string[]; rows: string[][][] } };

export interface ProcedurePart {
  id: PartId;
  /** 1-based position in the Phần II order. */
  number: number;
  title: string;
  blocks: Block[];
}

const ORDER: readonly PartId[] = ['steps', 'channels', 'dossier', 'timeLimit', 'subjects', 'agencies', 'results', 'fees', 'forms', 'requirements', 'legalBasis'];

/** The citations of an item as a closing sentence: ". Căn cứ: khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13". */
function cited(ctx: BuildContext, refs: readonly LegalRef[] | undefined): string {
  if (!refs || refs.length === 0) return '';
  return `. Căn cứ: ${refs.map((r) => citeRef(r, ctx.legalDocument(r.document))).join('; ')}`;
}

/** The time limit that applies on a channel: its own, or the statutory one. */
export function channelTimeLimit(v: ProcedureVersion, channel: Channel) {
  return channel.timeLimit ?? v.timeLimit;
}

/** No fee or charge at all (a fee whose amount each province sets is not free). */
export function isFree(v: ProcedureVersion): boolean {
  return (v.fees ?? []).every((f) => f.amount === 0);
}

/** The online service level of the online channel ("partial" when unstated), or undefined when there is none. */
export function onlineServiceOf(v: ProcedureVersion): 'full' | 'partial' | undefined {
  const online = (v.channels ?? []).find((c) => c.kind === 'online');
  return online ? (online.onlineService ?? 'partial') : undefined;
}

/** The fees charged on a channel. */
export function channelFees(v: ProcedureVersion, kind: ChannelKind): Fee[] {
  return (v.fees ?? []).filter((f) => !f.channels || f.channels.includes(kind));
}

/** One line per fee charged on a channel, without repeating the channel; "Miễn phí" when there is none. */
export function channelFeeLines(ctx: BuildContext, v: ProcedureVersion, kind: ChannelKind): string[] {
  const facts = ctx.facts(v);
  const fees = channelFees(v, kind);
  if (fees.length === 0) return ['Miễn phí'];
  return fees.map((f) => {
    const when = f.when ? ` (${lowerFirst(formatCase(f.when, facts))})` : '';
    return `${f.name}: ${formatFeeAmount(f, facts)}${when}${formatExemptions(f)}`;
  });
}

/** What the channel is, for the description column: where, which portals, the online service level, payment. */
export function channelDescription(channel: Channel): string[] {
  const lines: string[] = [];
  if (channel.where) lines.push(channel.where);
  if (channel.kind === 'online') {
    if (channel.portals && channel.portals.length > 0) lines.push(`Nộp qua: ${channel.portals.map((p) => PORTAL_VI[p]).join('; ')}`);
    if (channel.onlineService) lines.push(ONLINE_SERVICE_VI[channel.onlineService]);
    if (channel.onlinePayment) lines.push('Thanh toán phí, lệ phí trực tuyến');
  } else if (channel.kind === 'postal' && !channel.where) {
    lines.push('Qua dịch vụ bưu chính công ích');
  }
  if (channel.note) lines.push(channel.note);
  return lines;
}

/** The parts of a version, every one present, in the Phần II order. */
export function procedureParts(ctx: BuildContext, version: LoadedVersion): ProcedurePart[] {
  const v = version.data;
  const facts = ctx.facts(v);
  const blocks: Record<PartId, Block[]> = {
    steps: [],
    channels: [],
    dossier: [],
    timeLimit: [],
    subjects: [],
    agencies: [],
    results: [],
    fees: [],
    forms: [],
    requirements: [],
    legalBasis: [],
  };

  const steps = (v.steps ?? []).map((s, i) => {
    let text = `Bước ${i + 1}${s.agency ? ` (${ctx.agencyName(s.agency)})` : ''}: ${s.action}`;
    if (s.duration) text += ` Thời gian thực hiện: ${s.duration.value === 0 ? 'ngay trong ngày' : formatDuration(s.duration)}.`;
    return text;
  });
  blocks.steps.push(steps.length > 0 ? { list: steps, ordered: false } : { paragraph: 'Không quy định.' });

  if ((v.channels ?? []).length > 0) {
    blocks.channels.push({
      table: {
        headers: ['Hình thức nộp', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Mô tả'],
        rows: v.channels!.map((c) => {
          const limit = channelTimeLimit(v, c);
          return [[CHANNEL_VI[c.kind]], limit ? [formatTimeLimitWithCases(limit, facts)] : [''], channelFeeLines(ctx, v, c.kind), channelDescription(c)];
        }),
      },
    });
  } else blocks.channels.push({ paragraph: 'Không quy định.' });

  const documents = v.dossier?.documents ?? [];
  const submitted = documents.filter((d) => !d.lookup);
  const looked = documents.filter((d) => d.lookup);
  const formName = (id: string | undefined) => {
    const form = id ? (v.forms ?? []).find((f) => f.id === id) : undefined;
    return form ? [formatFormName(form)] : [];
  };
  if (submitted.length > 0) {
    blocks.dossier.push({
      table: {
        headers: ['Tên thành phần hồ sơ', 'Mẫu đơn, tờ khai', 'Số lượng'],
        rows: submitted.map((d) => [[d.name, ...(d.when ? [`${formatCase(d.when, facts)}.`] : []), ...(d.note ? [d.note] : [])], formName(d.form), [formatDocumentQuantity(d)]]),
      },
    });
  } else blocks.dossier.push({ paragraph: 'Không phải nộp giấy tờ.' });
  if (looked.length > 0) {
    blocks.dossier.push({ paragraph: 'Giấy tờ không phải nộp, cơ quan giải quyết khai thác thông tin từ cơ sở dữ liệu:' });
    blocks.dossier.push({
      list: looked.map((d) => `${d.name}: khai thác từ ${ctx.database(d.lookup!.database)?.name ?? d.lookup!.database}${cited(ctx, d.lookup!.legalBasis)}.`),
      ordered: false,
    });
  }
  blocks.dossier.push({ paragraph: `Số lượng hồ sơ: ${twoDigits(v.dossier?.sets ?? 1)} bộ.` });
  if (v.dossier?.note) blocks.dossier.push({ paragraph: v.dossier.note });

  if (v.timeLimit) {
    blocks.timeLimit.push({ paragraph: `${formatTimeLimit(v.timeLimit)}.` });
    const cases = (v.timeLimit.cases ?? []).map((c) => `${c.label ? upperFirst(c.label) : formatCase(c.when, facts)}: ${formatDuration(c)}${cited(ctx, c.legalBasis)}.`);
    const own = (v.channels ?? []).filter((c) => c.timeLimit).map((c) => `Nộp ${lowerFirst(CHANNEL_VI[c.kind])}: ${formatTimeLimitWithCases(c.timeLimit!, facts)}.`);
    if (cases.length + own.length > 0) blocks.timeLimit.push({ list: [...cases, ...own], ordered: false });
    if (v.timeLimit.note) blocks.timeLimit.push({ paragraph: v.timeLimit.note });
  }

  const subjects = (v.subjects ?? []).map(formatSubject);
  blocks.subjects.push(subjects.length > 0 ? { list: subjects, ordered: false } : { paragraph: 'Không quy định.' });

  const agencyLines: string[] = [];
  for (const role of ['competent', 'implementing', 'delegated', 'coordinating'] as const) {
    const ids = v.agencies?.[role] ?? [];
    if (ids.length > 0) agencyLines.push(`${AGENCY_ROLE_VI[role]}: ${ids.map((id) => ctx.agencyName(id)).join('; ')}.`);
  }
  blocks.agencies.push({ list: agencyLines, ordered: false });

  const results = (v.results ?? []).map((r) => {
    const extra = [`Thời hạn hiệu lực: ${lowerFirst(formatValidity(r.validity))}`];
    if (r.electronic) extra.push('có bản điện tử');
    const form = formName(r.form)[0];
    if (form) extra.push(`theo ${lowerFirst(form)}`);
    return `${r.name}. ${extra.join('; ')}${cited(ctx, r.legalBasis)}.`;
  });
  blocks.results.push(results.length > 0 ? { list: results, ordered: false } : { paragraph: 'Không quy định.' });

  const fees = (v.fees ?? []).map((f) => `${formatFeeLine(f, facts).replace(/\.$/, '')}${cited(ctx, f.legalBasis)}.`);
  blocks.fees.push(fees.length > 0 ? { list: fees, ordered: false } : { paragraph: 'Miễn phí.' });

  const forms = (v.forms ?? []).map((f) => `${formatFormName(f)}${cited(ctx, f.legalBasis)}.`);
  blocks.forms.push(forms.length > 0 ? { list: forms, ordered: false } : { paragraph: 'Không quy định.' });

  const requirements = (v.requirements ?? []).map((r) => `${r.text.replace(/\.$/, '')}${cited(ctx, r.legalBasis)}.`);
  blocks.requirements.push(requirements.length > 0 ? { list: requirements, ordered: false } : { paragraph: 'Không.' });

  const basis = citeDocuments(v.legalBasis ?? [], (n) => ctx.legalDocument(n)).map((c) => `${c}.`);
  blocks.legalBasis.push(basis.length > 0 ? { list: basis, ordered: false } : { paragraph: 'Không quy định.' });

  return ORDER.map((id, i) => ({ id, number: i + 1, title: PART_TITLES_VI[id], blocks: blocks[id] }));
}

/** The amending (or abolishing) documents of a version, cited in full. */
export function changeBasis(ctx: BuildContext, v: ProcedureVersion): string[] {
  return (v.changedBy?.legalBasis ?? []).map((r) => {
    const doc = ctx.legalDocument(r.document);
    return r.article ? citeRef(r, doc) : doc ? citeDocument(doc) : r.document;
  });
}

/** Where to file, per channel, for a listing cell: "Trực tiếp: Bộ phận Một cửa …". */
export function whereLines(v: ProcedureVersion): string[] {
  return (v.channels ?? []).map((c) => {
    const where = formatWhere(c);
    return where ? `${CHANNEL_VI[c.kind]}: ${where}` : CHANNEL_VI[c.kind];
  });
}

/**
 * The time limit per channel for a listing cell. Channels with the same limit share a line:
 * "Trực tiếp, trực tuyến: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ".
 */
export function timeLimitLines(ctx: BuildContext, v: ProcedureVersion): string[] {
  const facts = ctx.facts(v);
  const byText = new Map<string, ChannelKind[]>();
  for (const c of v.channels ?? []) {
    const limit = channelTimeLimit(v, c);
    if (!limit) continue;
    const text = formatTimeLimitWithCases(limit, facts);
    const kinds = byText.get(text);
    if (kinds) kinds.push(c.kind);
    else byText.set(text, [c.kind]);
  }
  if (byText.size === 0) return v.timeLimit ? [formatTimeLimitWithCases(v.timeLimit, facts)] : [];
  return [...byText].map(([text, kinds]) => `${upperFirst(kinds.map((k) => lowerFirst(CHANNEL_VI[k])).join(', '))}: ${text}`);
}

/**
 * The parts as the shared document model (rules/text/markup.ts), each under its Phần II heading, so a
 * caller renders them to Markdown, HTML or DOCX without a second description of the parts.
 */
export function partBlocksOf(blocks: readonly Block[]): MarkupBlock[] {
  return blocks.map((b): MarkupBlock => {
    if ('paragraph' in b) return { kind: 'paragraph', align: 'justify', content: [b.paragraph] };
    if ('list' in b) return { kind: 'list', items: b.list.map((item) => [item]) };
    return { kind: 'table', head: b.table.headers, rows: b.table.rows.map((r) => r.map((lines) => linesInline(lines))) };
  });
}

export function partsToBlocks(parts: readonly ProcedurePart[], headingLevel: 1 | 2 | 3 = 2): MarkupBlock[] {
  return parts.flatMap((p) => [{ kind: 'heading', level: headingLevel, text: `${p.number}. ${p.title}` } as MarkupBlock, ...partBlocksOf(p.blocks)]);
}
