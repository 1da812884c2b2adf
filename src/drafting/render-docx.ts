/**
 * A document as DOCX (the `docx` package): real Word headings (so the navigation pane and a table
 * of contents work), tables sized from their content with a repeating header row and rows that
 * never split across pages, right-aligned figures, and a header and footer on every page with the
 * confidential marking, the date and "Page X of Y". Fonts and sizes live in the styles
 * (docx/styles.ts). The package writes the XML and escapes text, so user text cannot break the file.
 */
import type { Paragraph, Table, TableCell, TextRun } from "docx";
import { formatDate } from "./dates.js";
import type { Block, DocTable, DraftDocument } from "./document.js";
import { fontMeasure } from "./docx/metrics.js";
import { pageFooter, pageHeader, pageProperties, TEXT_WIDTH_TWIPS } from "./docx/page.js";
import { briefStyles, HEADER_ROW_SHADE, RULE_COLOUR, STYLE, TABLE_PT } from "./docx/styles.js";
import { columnWidths } from "./docx/widths.js";

/** The docx package, loaded with the first document (it costs about 0.2 s, which no other command
 *  should pay) and handed to the builders below. */
type Docx = typeof import("docx");

export interface DocxOptions {
  /** The document's date, ISO (YYYY-MM-DD): the caller's clock, so the renderer never reads one. */
  readonly date: string;
}

/** Left and right cell margins in twips (0.15 cm); the column maths counts them and the border. */
const CELL_MARGIN = 85;
const BORDER_SIZE = 4;

/**
 * The document's title is Markdown's "#", so its sections start at level 2; Word keeps Title
 * outside the outline, so level 2 becomes Heading 1 and level 3 Heading 2. A level-1 heading in
 * the body (none today) ranks with the sections.
 */
function headings(d: Docx) {
  return {
    1: d.HeadingLevel.HEADING_1,
    2: d.HeadingLevel.HEADING_1,
    3: d.HeadingLevel.HEADING_2,
  } as const;
}

function borders(d: Docx) {
  const border = { style: d.BorderStyle.SINGLE, size: BORDER_SIZE, color: RULE_COLOUR } as const;
  return { top: border, bottom: border, left: border, right: border };
}

function cell(
  d: Docx,
  text: string,
  align: "left" | "right",
  header: boolean,
  width: number,
): TableCell {
  const { TableCell, Paragraph, AlignmentType, WidthType, ShadingType } = d;
  return new TableCell({
    borders: borders(d),
    width: { size: width, type: WidthType.DXA },
    ...(header
      ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_ROW_SHADE } }
      : {}),
    children: [
      new Paragraph({
        style: header ? STYLE.tableHeader : STYLE.tableText,
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        text,
      }),
    ],
  });
}

function docxTable(d: Docx, t: DocTable): (Paragraph | Table)[] {
  const { TableRow, Table, WidthType, TableLayoutType, Paragraph, TextRun } = d;
  const widths = columnWidths(t, {
    totalTwips: TEXT_WIDTH_TWIPS,
    measure: fontMeasure(TABLE_PT),
    // Both side margins and one border's width (eighths of a point, 20 twips a point).
    cellPaddingTwips: 2 * CELL_MARGIN + (BORDER_SIZE / 8) * 20,
  });
  const at = (i: number) => widths[i] ?? 0;
  // The header row repeats at the top of every page the table runs onto; no row splits across two.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(d, c.header, c.align, true, at(i))),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => cell(d, r[i] ?? "", c.align, false, at(i))),
      }),
  );
  // Fixed layout: Word and LibreOffice both use the widths given instead of re-guessing them.
  const table = new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    rows: [header, ...rows],
  });
  const title = t.title
    ? [new Paragraph({ keepNext: true, children: [new TextRun({ text: t.title, bold: true })] })]
    : [];
  // An empty paragraph after a table keeps the next heading from sticking to it in Word.
  return [...title, table, new Paragraph({})];
}

/** Each line of a paragraph becomes a run with a break before it, as typed. */
function runs(d: Docx, text: string): TextRun[] {
  const { TextRun } = d;
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
}

function blockDocx(d: Docx, b: Block): (Paragraph | Table)[] {
  const { Paragraph, TextRun } = d;
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: headings(d)[b.level], children: [new TextRun(b.text)] })];
    case "paragraph":
      return [
        new Paragraph({
          children: [
            ...(b.label ? [new TextRun({ text: `${b.label} `, bold: true })] : []),
            ...runs(d, b.text),
          ],
        }),
      ];
    case "list":
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: runs(d, i) }));
    case "table":
      return docxTable(d, b.table);
  }
}

export async function renderDocx(doc: DraftDocument, options: DocxOptions): Promise<Uint8Array> {
  const d = await import("docx");
  const { Document, Paragraph, HeadingLevel, TextRun, Packer } = d;
  const date = formatDate(options.date);
  const file = new Document({
    title: doc.title,
    creator: "dealdesk",
    styles: briefStyles,
    sections: [
      {
        properties: pageProperties(),
        headers: { default: pageHeader(d, date) },
        footers: { default: pageFooter(d, doc.title) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
          new Paragraph({ style: STYLE.dateLine, children: [new TextRun(`Prepared on ${date}`)] }),
          ...doc.blocks.flatMap((b) => blockDocx(d, b)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
