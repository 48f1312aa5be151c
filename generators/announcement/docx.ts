/**
 * The shared document model (rules/text/render/blocks.ts) as a Word document, laid out as Nghị định
 * 30/2020/NĐ-CP (Phụ lục I) sets administrative documents: A4 paper; margins top 20 mm, bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; body text 14 pt, justified, first line indented 1 cm, at
 * least 6 pt between paragraphs and line spacing between single and 1.5 lines; the page number centred
 * in the top margin from the second page; the masthead (issuer and national motto with the short rules
 * under them) and the recipients list (Nơi nhận) in the sizes their cells give. Tables have single black borders and
 * repeat their header row on each page; an annex page may be landscape for its wide tables.
 *
 * The output is byte-for-byte deterministic: the document properties carry the given date, and the
 * zip entries a fixed time, so the same draft gives the same file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeHtml as escapeXml, type Align, type Block, type Inline, type LayoutCell } from '../../rules/text/render/index.js';

const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt tables and layout cells unless a cell sets its lines' sizes. */
const SIZE = { body: 28, table: 26, layout: 26 } as const;
const MM = 56.6929; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM), header: Math.round(10 * MM), footer: Math.round(10 * MM) };
const FIRST_LINE = Math.round(10 * MM);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

type Orientation = 'portrait' | 'landscape';

function textWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - MARGIN.left - MARGIN.right;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function runs(content: readonly Inline[], size: number, base: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return content.map((i) => {
    if (typeof i === 'string') return new TextRun({ text: i, font: FONT, size, ...base });
    if ('break' in i) return new TextRun({ break: 1, font: FONT, size });
    return new TextRun({
      text: i.text,
      font: FONT,
      size,
      bold: base.bold || i.style === 'strong' || i.style === 'strong-em' || i.style === 'ins',
      italics: base.italics || i.style === 'em' || i.style === 'strong-em',
      strike: i.style === 'del',
    });
  });
}

function paragraph(content: readonly Inline[], options: { size?: number; align?: Align | undefined; indent?: boolean | undefined; after?: number; bold?: boolean } & Pick<IParagraphOptions, 'heading' | 'keepNext'> = {}): Paragraph {
  const size = options.size ?? SIZE.body;
  return new Paragraph({
    children: runs(content, size, options.bold ? { bold: true } : {}),
    ...(options.align ? { alignment: ALIGN[options.align] } : {}),
    ...(options.indent ? { indent: { firstLine: FIRST_LINE } } : {}),
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    spacing: { after: options.after ?? 120, line: 276 },
  });
}

/** The short line under the issuer's name, the motto and the subject line: a top border on a paragraph `percent` of the cell wide, centred. */
function rule(cellWidth: number, percent = 40): Paragraph {
  const side = Math.round((cellWidth * (1 - percent / 100)) / 2);
  return new Paragraph({ children: [], indent: { left: side, right: side }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, spacing: { after: 0, line: 240 } });
}

function widthsOf(count: number, percents: readonly number[] | undefined, total: number): number[] {
  const given = percents && percents.length === count ? percents : Array.from({ length: count }, () => 100 / count);
  const sum = given.reduce((a, b) => a + b, 0);
  return given.map((p) => Math.floor((p / sum) * total));
}

function cellParagraphs(content: readonly Inline[], size: number, align?: Align, bold = false): Paragraph[] {
  return [new Paragraph({ children: runs(content, size, bold ? { bold: true } : {}), ...(align ? { alignment: ALIGN[align] } : {}), spacing: { after: 0, line: 240 } })];
}

function dataTable(b: Extract<Block, { kind: 'table' }>, orientation: Orientation): Table {
  const widths = widthsOf(b.head.length, b.widths, textWidth(orientation));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.head.map((h, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: cellParagraphs([h], SIZE.table, 'center', true) })),
  });
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        children: r.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: cellParagraphs(c, SIZE.table, b.align?.[i]) })),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    columnWidths: widths,
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function layoutCellChildren(cell: LayoutCell, width: number): Paragraph[] {
  const children = cell.lines.map((line, i) => {
    if (line === 'rule') return rule(width, cell.ruleWidths?.[i]);
    const points = cell.sizes?.[i];
    return new Paragraph({ children: runs(line, points ? points * 2 : SIZE.layout), ...(cell.align ? { alignment: ALIGN[cell.align] } : {}), spacing: { after: 0, line: 240 } });
  });
  return children.length > 0 ? children : [new Paragraph({ children: [] })];
}

function layoutTable(b: Extract<Block, { kind: 'columns' }>, orientation: Orientation): Table {
  const count = Math.max(1, ...b.rows.map((r) => r.length));
  const widths = widthsOf(count, b.widths, textWidth(orientation));
  return new Table({
    rows: b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: layoutCellChildren(c, widths[i]!) })) })),
    columnWidths: widths,
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })] });
}

function section(children: (Paragraph | Table)[], orientation: Orientation, first: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: A4.width, height: A4.height, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
        margin: MARGIN,
      },
      // No number on the first page of the document (Nghị định 30/2020/NĐ-CP, Phụ lục I).
      ...(first ? { titlePage: true } : {}),
    },
    headers: first ? { default: pageNumberHeader(), first: new Header({ children: [] }) } : { default: pageNumberHeader() },
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  };
}

const HEADING = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;

function coreXml(title: string, date: string): string {
  const stamp = `${date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>tthc</dc:creator><cp:lastModifiedBy>tthc</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Rewrites the package with fixed properties and entry times, keeping the entries' order ([Content_Types].xml first). */
function deterministic(bytes: Uint8Array, title: string, date: string): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const out: Zippable = {};
  for (const name of names) out[name] = name === 'docProps/core.xml' ? new TextEncoder().encode(coreXml(title, date)) : files[name]!;
  // Zip entry times are local wall-clock fields: a local midnight reads the same in every time zone.
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zipSync(out, { level: 6, mtime: new Date(y, m - 1, d) });
}

/** Renders blocks as a .docx file. A 'page' block starts a new section (portrait or landscape). */
export async function renderDocx(blocks: readonly Block[], options: { title: string; date: string }): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  let orientation: Orientation = 'portrait';
  let children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(paragraph([b.text], { align: b.align, bold: true, heading: HEADING[b.level], keepNext: true, after: 120 }));
        break;
      case 'paragraph':
        children.push(paragraph(b.content, { align: b.align, indent: b.indent, keepNext: b.keepNext ?? false }));
        break;
      case 'list':
        for (const item of b.items) children.push(new Paragraph({ children: runs(['- ', ...item], SIZE.body), alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { after: 60, line: 276 } }));
        break;
      case 'table':
        children.push(dataTable(b, orientation), new Paragraph({ children: [], spacing: { after: 120 } }));
        break;
      case 'columns':
        children.push(layoutTable(b, orientation), new Paragraph({ children: [], spacing: { after: 120 } }));
        break;
      case 'bars':
        children.push(dataTable({ kind: 'table', head: ['', b.series[0], b.series[1]], rows: b.rows.map((r) => [[r.label], [r.text[0]], [r.text[1]]]) }, orientation));
        break;
      case 'page':
        sections.push(section(children, orientation, sections.length === 0));
        children = [];
        orientation = b.orientation;
        break;
    }
  }
  sections.push(section(children, orientation, sections.length === 0));

  const heading = (id: string, name: string) => ({ id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: SIZE.body, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 120 } } });
  const doc = new Document({
    title: options.title,
    creator: 'tthc',
    styles: {
      default: { document: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { after: 120, line: 276 } } } },
      paragraphStyles: [heading('Heading1', 'Heading 1'), heading('Heading2', 'Heading 2'), heading('Heading3', 'Heading 3')],
    },
    sections,
  });
  return deterministic(new Uint8Array(await Packer.toBuffer(doc)), options.title, options.date);
}
