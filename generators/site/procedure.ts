/**
 * The procedure page for citizens and businesses: the parts of Phần II in the official order
 * (procedureParts), with what to bring laid out as a checklist, legal documents linked to the
 * registry pages, the due-date calculator under the time limit, and the version history with each
 * change (history.ts): one page per procedure, nothing else per procedure. Plain precompiled templates:
 * spec text is never Markdown, so no remark here.
 */
import { notesAbout } from '../../rules/compute/spec-notes.js';
import { escapeHtml } from '../../rules/text/render/escape.js';
import type { ProcedureVersion, TimeLimit } from '../../rules/schema/types/procedure-version.generated.js';
import { CHANNEL_VI, ONLINE_SERVICE_VI } from '../../rules/text/vi/channels.js';
import { citeDocument } from '../../rules/text/vi/citations.js';
import { formatCase } from '../../rules/text/vi/conditions.js';
import { formatFormName } from '../../rules/text/vi/dossier.js';
import { formatFees } from '../../rules/text/vi/fees.js';
import { formatDuration, formatTimeLimit } from '../../rules/text/vi/time-limits.js';
import { lowerFirst, upperFirst } from '../../rules/text/vi/words.js';
import { legalRefs } from '../../rules/model/spec.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hasOnlineForm } from '../engine/paths.js';
import { banner } from '../detail/index.js';
import { governmentService, scriptSafeJson } from '../detail/jsonld.js';
import { channelTimeLimit, isFree, procedureParts, timeLimitLines, type Block, type ProcedurePart } from '../detail/parts.js';
import { historySection } from './history.js';
import { HOME_CRUMB, link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { blocks as blocksTemplate, calculator, form as formTemplate, procedure as procedureTemplate } from './templates.generated.js';
import { formSchema } from '../form-schemas/schema.js';
import { versionLabel } from '../../rules/text/vi/versions.js';

/** A table cell line or list item: plain text, a link, or a small tag. */
type Item = string | { text: string; href: string } | { tag: string; cond?: boolean };
type SiteBlock = { paragraph: string } | { list: Item[]; ordered: boolean } | { table: { caption?: string; headers: string[]; rows: Item[][][] } };

export function renderBlocks(blocks: readonly (Block | SiteBlock)[]): string {
  return blocksTemplate(blocks);
}

/** What to bring: papers to hand in or show, with counts, conditions and forms; then those the office looks up. */
function dossierBlocks(ctx: BuildContext, v: ProcedureVersion, formHref: string | undefined): SiteBlock[] {
  const facts = ctx.facts(v);
  const documents = v.dossier?.documents ?? [];
  const bring = documents.filter((d) => !d.lookup);
  const looked = documents.filter((d) => d.lookup);
  const out: SiteBlock[] = [];
  if (bring.length > 0) {
    out.push({
      table: {
        caption: 'Giấy tờ cần chuẩn bị',
        headers: ['Giấy tờ', 'Bản chính', 'Bản sao', 'Ghi chú'],
        rows: bring.map((d) => {
          const notes: Item[] = [];
          if (d.when) notes.push({ tag: 'Tùy trường hợp', cond: true }, `${upperFirst(formatCase(d.when, facts))}.`);
          if (d.submission === 'present') notes.push({ tag: 'Chỉ xuất trình, không nộp' });
          if (d.certifiedCopy) notes.push('Bản sao phải có chứng thực (hoặc bản sao kèm bản chính để đối chiếu).');
          const form = d.form ? (v.forms ?? []).find((f) => f.id === d.form) : undefined;
          if (form) notes.push(`Theo ${lowerFirst(formatFormName(form))}.`);
          if (d.note) notes.push(d.note);
          return [[d.name], [String(d.originals)], [String(d.copies)], notes.length > 0 ? notes : ['']];
        }),
      },
    });
  } else out.push({ paragraph: 'Không phải nộp hay xuất trình giấy tờ.' });
  out.push({ paragraph: `Số bộ hồ sơ: ${String(v.dossier?.sets ?? 1).padStart(2, '0')} bộ.` });
  if (looked.length > 0) {
    out.push({ paragraph: 'Không cần mang những giấy tờ sau: cơ quan giải quyết tự tra cứu thông tin trong cơ sở dữ liệu.' });
    out.push({
      list: looked.map((d) => {
        const db = ctx.database(d.lookup!.database)?.name ?? d.lookup!.database;
        const note = d.lookup!.note ?? d.note;
        return `${d.name}: cơ quan khai thác từ ${db}.${note ? ` ${note}` : ''}`;
      }),
      ordered: false,
    });
  }
  if (v.dossier?.note) out.push({ paragraph: v.dossier.note });
  if (formHref) out.push({ list: [{ text: 'Xem trước tờ khai trực tuyến và thử điền', href: formHref }], ordered: false });
  return out;
}

/** Every legal document the version cites, once, linked to its registry page when the registry has it. */
function legalBasisBlocks(ctx: BuildContext, v: ProcedureVersion, pagePath: string): SiteBlock[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  const add = (number: string) => {
    if (seen.has(number)) return;
    seen.add(number);
    const doc = ctx.legalDocument(number);
    items.push(doc ? { text: `${citeDocument(doc)}.`, href: link(pagePath, SITE_PATHS.legal(number)) } : `${number}.`);
  };
  for (const ref of v.legalBasis ?? []) add(ref.document);
  const main = items.length;
  for (const { ref } of legalRefs(v)) add(ref.document);
  if (items.length === 0) return [{ paragraph: 'Không quy định.' }];
  const out: SiteBlock[] = [{ list: items.slice(0, main), ordered: false }];
  if (items.length > main) out.push({ paragraph: 'Văn bản được viện dẫn ở từng phần của thủ tục:' }, { list: items.slice(main), ordered: false });
  if (main === 0) out.shift();
  return out;
}

/** The calculator's periods: each published version's window with its limits; a repeal as a period with none. */
function calculatorVersions(ctx: BuildContext, entry: ProcedureEntry): { version: string; from: string; until: string | null; repealed: boolean; options: LimitOption[] }[] {
  return entry.windows.map((w) => ({ version: w.version.data.version, from: w.from, until: w.until, repealed: w.version.data.status === 'repealed', options: w.version.data.status === 'repealed' ? [] : limitOptions(ctx, w.version.data) }));
}

/** One option of the calculator: a channel, or one of its time-limit cases. */
interface LimitOption {
  label: string;
  value: number;
  unit: TimeLimit['unit'];
  text: string;
}

/**
 * The time limits the calculator offers: per channel, its own limit or the procedure's (the same
 * choice as the CLI's applicableTimeLimit), then each of its cases. The count itself runs in the
 * browser on rules/compute/deadlines.ts.
 */
export function limitOptions(ctx: BuildContext, v: ProcedureVersion): LimitOption[] {
  const facts = ctx.facts(v);
  const out: LimitOption[] = [];
  for (const c of v.channels ?? []) {
    const limit = channelTimeLimit(v, c);
    if (!limit) continue;
    out.push({ label: CHANNEL_VI[c.kind], value: limit.value, unit: limit.unit, text: formatTimeLimit(limit) });
    for (const k of limit.cases ?? []) {
      out.push({ label: `${CHANNEL_VI[c.kind]}, ${lowerFirst(k.label ?? formatCase(k.when, facts))}`, value: k.value, unit: k.unit, text: formatDuration(k) });
    }
  }
  return out;
}

const RULE_VI: Record<TimeLimit['unit'], string> = {
  'working-days': 'tính theo ngày làm việc, không tính ngày tiếp nhận hồ sơ, bỏ qua thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.',
  days: 'tính theo ngày lịch kể từ ngày sau ngày tiếp nhận; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc tiếp theo.',
  hours: 'tính theo giờ hành chính (08:00–12:00, 13:00–17:00) của các ngày làm việc.',
  months: 'tính theo tháng kể từ ngày sau ngày tiếp nhận; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc tiếp theo.',
};

function summary(ctx: BuildContext, v: ProcedureVersion): { term: string; lines: string[] }[] {
  const facts = ctx.facts(v);
  const out: { term: string; lines: string[] }[] = [];
  const time = timeLimitLines(ctx, v);
  if (time.length > 0) out.push({ term: 'Thời hạn giải quyết', lines: time });
  out.push({ term: 'Phí, lệ phí', lines: isFree(v) ? ['Miễn phí'] : formatFees(v.fees, facts) });
  const channels = (v.channels ?? []).map((c) => (c.kind === 'online' && c.onlineService ? `${CHANNEL_VI[c.kind]} (${lowerFirst(ONLINE_SERVICE_VI[c.onlineService])})` : CHANNEL_VI[c.kind]));
  if (channels.length > 0) out.push({ term: 'Cách nộp hồ sơ', lines: channels });
  const documents = v.dossier?.documents ?? [];
  const bring = documents.filter((d) => !d.lookup);
  const always = bring.filter((d) => !d.when).length;
  const lines = [`${always} giấy tờ bắt buộc${bring.length > always ? `, ${bring.length - always} giấy tờ tùy trường hợp` : ''}`];
  const looked = documents.length - bring.length;
  if (looked > 0) lines.push(`${looked} giấy tờ không cần mang (cơ quan tự tra cứu)`);
  out.push({ term: 'Giấy tờ', lines });
  const implementing = v.agencies?.implementing ?? [];
  if (implementing.length > 0) out.push({ term: 'Cơ quan thực hiện', lines: implementing.map((id) => ctx.agencyName(id)) });
  if (v.levels && v.levels.length > 0) out.push({ term: 'Cấp thực hiện', lines: [upperFirst(v.levels.map((l) => ctx.levelName(l)).join(', '))] });
  return out;
}

export interface CalendarRef {
  id: string;
  /** The years the calendar covers (its `supported`): the calculator's date picker offers only these. */
  from: number;
  to: number;
}

/**
 * The form preview section (#to-khai) of a version that can be filed online: the schema the page's
 * script renders and checks (without its example, which is the API's), and the fields without script.
 * It was a page of its own, site/forms/<code>--<version>.html, before issue 15: one file and a page
 * header per procedure more, and ajv with 'unsafe-eval' on those pages.
 */
function formPreview(v: ProcedureVersion): string {
  const { examples: _example, ...schema } = formSchema(v);
  const fieldsSchema = (schema.properties as { fields: { properties: Record<string, { title: string; description?: string }>; required?: string[] } }).fields;
  const fields = Object.entries(fieldsSchema.properties).map(([id, s]) => ({ title: s.title, description: s.description, required: (fieldsSchema.required ?? []).includes(id) }));
  return formTemplate({ version: versionLabel(v, () => undefined, { amending: false }), fields, schema: scriptSafeJson(schema) });
}

/** The procedure page: site/procedures/<code>.html. */
export function renderProcedurePage(ctx: BuildContext, entry: ProcedureEntry, calendar: CalendarRef | undefined): { path: string; content: string } {
  const v = entry.shown.data;
  const path = SITE_PATHS.procedure(entry.code);
  const formHref = hasOnlineForm(v) ? `#${SITE_PATHS.formAnchor}` : undefined;
  const parts = procedureParts(ctx, entry.shown);
  const sections = parts.map((part: ProcedurePart) => {
    let html: string;
    switch (part.id) {
      case 'dossier':
        html = renderBlocks(dossierBlocks(ctx, v, formHref));
        break;
      case 'legalBasis':
        html = renderBlocks(legalBasisBlocks(ctx, v, path));
        break;
      case 'timeLimit': {
        html = renderBlocks(part.blocks.length > 0 ? part.blocks : [{ paragraph: 'Không quy định.' }]);
        const options = limitOptions(ctx, v);
        if (calendar && options.length > 0) {
          html += calculator({
            calendarHref: link(path, SITE_PATHS.calendar(calendar.id)),
            minDate: `${calendar.from}-01-01`,
            maxDate: `${calendar.to}-12-31`,
            options,
            rule: RULE_VI[options[0]!.unit],
            // Every version's period and limits (issue 18 point 7): the browser counts with the version in force on the filing date, as `tthc due` does.
            limits: scriptSafeJson({ code: entry.code, version: v.version, options, versions: calculatorVersions(ctx, entry) }),
          });
        }
        break;
      }
      case 'forms':
        html = renderBlocks(formHref ? [...part.blocks, { list: [{ text: 'Xem trước tờ khai trực tuyến', href: formHref }], ordered: false }] : part.blocks);
        break;
      default:
        html = renderBlocks(part.blocks);
    }
    // The spec's own notes on this part (what it does not model or has not confirmed), beside its figures.
    for (const n of notesAbout(v, [`/${part.id}`]).filter((x) => x.pointer !== null)) html += `<p class="note" role="note">${escapeHtml(`${n.kind === 'uncertain' ? 'Nội dung đang được kiểm tra lại: ' : ''}${n.text}`)}</p>`;
    return { id: part.id, title: `${part.number}. ${part.title}`, html };
  });
  const body = procedureTemplate({
    code: entry.code,
    name: v.name.vi,
    field: v.field ? { href: link(path, SITE_PATHS.field(v.field)), text: ctx.fieldName(v.field) } : undefined,
    banner: banner(ctx, entry),
    summary: summary(ctx, v),
    // Notes on the version as a whole (the detail page used to list them); those on one part sit under that part.
    notes: (v.notes ?? []).filter((n) => n.kind !== 'editorial' && n.pointer === undefined).map((n) => (n.kind === 'uncertain' ? `Nội dung đang được kiểm tra lại: ${n.text}` : n.text)),
    sections,
    form: formHref ? formPreview(v) : undefined,
    ...historySection(ctx, entry, path),
  });
  const crumbs = [HOME_CRUMB, ...(v.field ? [{ path: SITE_PATHS.field(v.field), text: ctx.fieldName(v.field) }] : [])];
  return {
    path,
    content: sitePage({
      path,
      title: v.name.vi,
      description: `${v.name.vi} (mã ${entry.code}): giấy tờ cần chuẩn bị, các bước, nơi nộp, thời hạn, phí và lệ phí.`,
      crumbs,
      body,
      scripts: [...(calendar && limitOptions(ctx, v).length > 0 ? ['calculator'] : []), ...(formHref ? ['form'] : [])],
      jsonLd: scriptSafeJson(governmentService(ctx, entry, path)),
    }),
  };
}

