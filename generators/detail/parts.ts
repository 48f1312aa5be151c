/**
 * The parts of one procedure version in the order of Phần II of the announcement layout, as
 * structured Vietnamese text: paragraphs, lists and tables of plain strings. Renderers (the HTML
 * detail page here; Markdown or DOCX elsewhere) escape the strings for their format; nothing in
 * this model is markup.
 */
import type { LoadedVersion } from '../../rules/model/catalogue.js';
import type { Channel, ChannelKind, Fee, LegalRef, ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { CHANNEL_VI, formatWhere, ONLINE_SERVICE_VI, PORTAL_VI } from '../../rules/text/vi/channels.js';
import { citeDocument, citeDocuments, citeRef, DOCUMENT_TYPE_VI } from '../../rules/text/vi/citations.js';
import { formatCase } from '../../rules/text/vi/conditions.js';
import { formatDocumentQuantity, formatFormName } from '../../rules/text/vi/dossier.js';
import { formatExemptions, formatFeeAmount, formatFeeLine } from '../../rules/text/vi/fees.js';
import { twoDigits } from '../../rules/text/vi/numbers.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { AGENCY_ROLE_VI, formatSubject, PART_TITLES_VI, type PartId } from '../../rules/text/vi/procedure.js';
import { formatDuration, formatTimeLimit, formatTimeLimitWithCases, formatValidity } from '../../rules/text/vi/time-limits.js';
import { lowerFirst, upperFirst } from '../../rules/text/vi/words.js';
import { linesInline, type Block as MarkupBlock } from '../../rules/text/render/index.js';
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
function citedText(ctx: BuildContext, refs: readonly LegalRef[] | undefined): string {
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

export interface PartsOptions {
  /**
   * Phần II of an announcement decision (issue 18): each part's content only, as a signed decision
   * gives it. No "Căn cứ:" after items (the legal basis is part l), the time limit stated once (part
   * d; the channel table keeps a time or fee column only where channels differ), forms cited as
   * "Mẫu … ban hành kèm theo Thông tư số …", and the spec's free-text notes left to the drafting notes.
   */
  decision?: boolean;
  /** How a date is written in a citation (the decision writes "28/5/2020"). */
  citeDate?: (iso: string) => string;
}

/** "(Mẫu CT01 ban hành kèm theo Thông tư số 56/2021/TT-BCA ngày 15/5/2021 của Bộ trưởng Bộ Công an)", from the form's first cited document. */
export function formAnnexText(ctx: BuildContext, form: { code?: string | undefined; legalBasis?: readonly LegalRef[] | undefined }, citeDate: (iso: string) => string): string | undefined {
  const ref = form.legalBasis?.[0];
  if (!ref) return form.code ? `Mẫu ${form.code.replace(/^mẫu\s*/i, '')}` : undefined;
  const doc = ctx.legalDocument(ref.document);
  const mau = form.code ? `Mẫu ${form.code.replace(/^mẫu\s*/i, '')}` : 'Mẫu';
  if (!doc) return `${mau} ban hành kèm theo văn bản số ${ref.document}`;
  // A circular or decision of a ministry is signed by its minister: "của Bộ trưởng Bộ Tư pháp".
  const by = (doc.type === 'circular' || doc.type === 'decision') && /^bộ\s/i.test(doc.issuer) ? `Bộ trưởng ${doc.issuer}` : doc.issuer;
  const typeWord = DOCUMENT_TYPE_VI[doc.type];
  if (doc.type === 'law' || doc.type === 'ordinance') return `${mau} ban hành kèm theo ${citeDocument(doc)}`;
  return `${mau} ban hành kèm theo ${typeWord} số ${doc.number}${doc.issued ? ` ngày ${citeDate(doc.issued)}` : ''} của ${by}`;
}

/** The parts of a version, every one present, in the Phần II order. */
export function procedureParts(ctx: BuildContext, version: LoadedVersion, options: PartsOptions = {}): ProcedurePart[] {
  const v = version.data;
  const facts = ctx.facts(v);
  const decision = options.decision ?? false;
  const cited = (c: BuildContext, refs: readonly LegalRef[] | undefined) => (decision ? '' : citedText(c, refs));
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
    const channels = v.channels!;
    const limitOf = (c: Channel) => {
      const limit = channelTimeLimit(v, c);
      return limit ? [formatTimeLimitWithCases(limit, facts)] : [''];
    };
    const same = (f: (c: Channel) => string[]) => new Set(channels.map((c) => f(c).join('\n'))).size === 1;
    // The decision states the time limit in part d and the fees in part h: a column here only where channels differ.
    const withTime = !decision || !same(limitOf);
    const withFees = !decision || !same((c) => channelFeeLines(ctx, v, c.kind));
    const headers = ['Hình thức nộp', ...(withTime ? ['Thời hạn giải quyết'] : []), ...(withFees ? ['Phí, lệ phí'] : []), 'Mô tả'];
    blocks.channels.push({
      table: {
        headers,
        rows: channels.map((c) => [[CHANNEL_VI[c.kind]], ...(withTime ? [limitOf(c)] : []), ...(withFees ? [channelFeeLines(ctx, v, c.kind)] : []), channelDescription(c)]),
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

  if (v.timeLimit && decision) {
    // Once: the statutory limit with its cases, and a channel's own limit where it has one.
    const own = (v.channels ?? []).filter((c) => c.timeLimit).map((c) => `nộp ${lowerFirst(CHANNEL_VI[c.kind])}: ${formatTimeLimitWithCases(c.timeLimit!, facts)}`);
    blocks.timeLimit.push({ paragraph: `${[formatTimeLimitWithCases(v.timeLimit, facts), ...own].join('; ')}.` });
  } else if (v.timeLimit) {
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

  const citeDate = options.citeDate ?? formatDate;
  const forms = (v.forms ?? []).map((f) => {
    if (!decision) return `${formatFormName(f)}${cited(ctx, f.legalBasis)}.`;
    const annex = formAnnexText(ctx, f, citeDate);
    return `${f.name}${annex ? ` (${annex})` : ''}.`;
  });
  blocks.forms.push(forms.length > 0 ? { list: forms, ordered: false } : { paragraph: 'Không quy định.' });

  const requirements = (v.requirements ?? []).map((r) => `${r.text.replace(/\.$/, '')}${cited(ctx, r.legalBasis)}.`);
  blocks.requirements.push(requirements.length > 0 ? { list: requirements, ordered: false } : { paragraph: 'Không.' });

  const basis = citeDocuments(v.legalBasis ?? [], (n) => ctx.legalDocument(n), citeDate).map((c) => `${c}.`);
  blocks.legalBasis.push(basis.length > 0 ? { list: basis, ordered: false } : { paragraph: 'Không quy định.' });

  return ORDER.map((id, i) => ({ id, number: i + 1, title: PART_TITLES_VI[id], blocks: blocks[id] }));
}

/** The amending (or abolishing) documents of a version, cited in full. */
export function changeBasis(ctx: BuildContext, v: ProcedureVersion, date: (iso: string) => string = formatDate): string[] {
  return (v.changedBy?.legalBasis ?? []).map((r) => {
    const doc = ctx.legalDocument(r.document);
    return r.article ? citeRef(r, doc, date) : doc ? citeDocument(doc, date) : r.document;
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
 * The parts as the shared document model (rules/text/render/blocks.ts), each under its Phần II heading, so a
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
