import { CHANNEL_VI } from '../../rules/text/vi/channels.js';
import { citeDocuments } from '../../rules/text/vi/citations.js';
import { formatFees } from '../../rules/text/vi/fees.js';
import { compareVietnamese } from '../../rules/text/vi/words.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { href, PATHS } from '../engine/paths.js';
import { timeLimitLines, whereLines, channelFeeLines } from '../detail/parts.js';

/** The columns of the public listing (domain.md §5, the provincial list layout), after STT, code and name. */
export const CELL_COLUMNS = ['Thời hạn giải quyết', 'Địa điểm thực hiện', 'Phí, lệ phí', 'Căn cứ pháp lý', 'Cơ quan thực hiện'] as const;

export interface ListingRow {
  /** STT, counted within the field section. */
  number: number;
  code: string;
  name: string;
  /** Link from the listing files to the detail page. */
  href: string;
  /** One list of lines per CELL_COLUMNS entry. */
  cells: string[][];
}

export interface AgencyGroup {
  id: string;
  heading: string;
  rows: ListingRow[];
}

/** One field within one level: the unit of the listing that is rendered and cached on its own. */
export interface Section {
  levelId: string;
  fieldId: string;
  fieldName: string;
  /** "I. Lĩnh vực Hộ tịch". */
  heading: string;
  /** Anchor id. */
  id: string;
  entries: { entry: ProcedureEntry; agencies: string[] }[];
  /** Content hash of everything the section shows. */
  inputs: string;
}

export interface LevelGroup {
  id: string;
  /** "A. Cấp xã". */
  heading: string;
  name: string;
  sections: Section[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

function letter(i: number): string {
  return i < LETTERS.length ? LETTERS[i]! : `${LETTERS[Math.floor(i / LETTERS.length) - 1]}${LETTERS[i % LETTERS.length]}`;
}

/**
 * Groups the procedures in force (and, in a preview, the unpublished drafts) by level, then field, then agency, as official lists do. A
 * procedure performed at several levels is listed under each; under a level it names the
 * implementing agencies of that level (all of them when none belongs to a level).
 */
export function planSections(ctx: BuildContext): LevelGroup[] {
  const byLevel = new Map<string, Map<string, { entry: ProcedureEntry; agencies: string[] }[]>>();
  for (const entry of ctx.procedures) {
    // A preview lists the drafts of unpublished procedures too, marked as drafts in their rows.
    if (entry.state !== 'in-force' && entry.state !== 'draft') continue;
    const v = entry.shown.data;
    const implementing = v.agencies?.implementing ?? [];
    for (const levelId of v.levels ?? []) {
      const atLevel = implementing.filter((id) => ctx.agency(id)?.level === levelId);
      const agencies = atLevel.length > 0 ? atLevel : implementing;
      const fieldId = v.field ?? '';
      let fields = byLevel.get(levelId);
      if (!fields) byLevel.set(levelId, (fields = new Map()));
      let list = fields.get(fieldId);
      if (!list) fields.set(fieldId, (list = []));
      list.push({ entry, agencies });
    }
  }
  const levelOrder = [...byLevel.keys()].sort((a, b) => (ctx.level(a)?.order ?? 999) - (ctx.level(b)?.order ?? 999) || compareVietnamese(ctx.levelName(a), ctx.levelName(b)));
  return levelOrder.map((levelId, li) => {
    const fields = byLevel.get(levelId)!;
    const fieldOrder = [...fields.keys()].sort((a, b) => compareVietnamese(ctx.fieldName(a), ctx.fieldName(b)) || (a < b ? -1 : 1));
    const sections = fieldOrder.map((fieldId, fi): Section => {
      const entries = fields.get(fieldId)!;
      const heading = `${roman(fi + 1)}. Lĩnh vực ${ctx.fieldName(fieldId) || 'khác'}`;
      return {
        levelId,
        fieldId,
        fieldName: ctx.fieldName(fieldId),
        heading,
        id: `${levelId}--${fieldId || 'khac'}`,
        entries,
        inputs: hashParts([levelId, heading, ...entries.flatMap((e) => [ctx.entryHash(e.entry), ...e.agencies])]),
      };
    });
    return { id: levelId, name: ctx.levelName(levelId), heading: `${letter(li)}. Thủ tục hành chính ${lowerLevel(ctx.levelName(levelId))}`, sections };
  });
}

function lowerLevel(name: string): string {
  return name.length > 0 ? name[0]!.toLocaleLowerCase('vi') + name.slice(1) : name;
}

/** A row of the listing before it is numbered: what depends on the procedure alone. */
export type RowContent = Omit<ListingRow, 'number'>;

/** A row's content, with every cell in Vietnamese. */
export function rowContent(ctx: BuildContext, entry: ProcedureEntry, agencies: readonly string[]): RowContent {
  const v = entry.shown.data;
  const fees = (v.channels ?? []).length > 1 && (v.fees ?? []).some((f) => f.channels) ? feesByChannel(ctx, entry) : formatFees(v.fees, ctx.facts(v));
  return {
    code: entry.code,
    name: entry.state === 'draft' ? `${v.name.vi} (dự thảo)` : v.name.vi,
    href: href(PATHS.listing('html'), PATHS.page(entry.code)),
    cells: [timeLimitLines(ctx, v), whereLines(v), fees, citeDocuments(v.legalBasis ?? [], (n) => ctx.legalDocument(n)), agencies.map((a) => ctx.agencyName(a))],
  };
}

/** The agency group a section's entry is listed under: its first implementing agency at that level. */
export function agencyGroupOf(e: { agencies: readonly string[] }): string {
  return e.agencies[0] ?? '';
}

/**
 * The agency groups and rows of a section, sorted and numbered. Only run when the section is
 * rendered; `content` gives each row's content (by default computed, see rowContent).
 */
export function sectionRows(ctx: BuildContext, section: Section, content: (entry: ProcedureEntry, agencies: string[]) => RowContent = (entry, agencies) => rowContent(ctx, entry, agencies)): AgencyGroup[] {
  const groups = new Map<string, { entry: ProcedureEntry; agencies: string[] }[]>();
  for (const e of section.entries) {
    const key = agencyGroupOf(e);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const order = [...groups.keys()].sort((a, b) => compareVietnamese(ctx.agencyName(a), ctx.agencyName(b)) || (a < b ? -1 : 1));
  let number = 0;
  return order.map((id) => {
    const rows = groups
      .get(id)!
      .map(({ entry, agencies }) => content(entry, agencies))
      .sort((a, b) => compareVietnamese(a.name, b.name) || (a.code < b.code ? -1 : 1));
    return { id, heading: `Cơ quan thực hiện: ${id ? ctx.agencyName(id) : 'không xác định'}`, rows: rows.map((row) => ({ number: ++number, ...row })) };
  });
}

/** Fees that differ by channel, one line per channel: "Trực tuyến: Lệ phí …: 4.000 đồng". */
function feesByChannel(ctx: BuildContext, entry: ProcedureEntry): string[] {
  const v = entry.shown.data;
  return (v.channels ?? []).map((c) => `${CHANNEL_VI[c.kind]}: ${channelFeeLines(ctx, v, c.kind).join('; ')}`);
}
