/**
 * A document as DOCX (the `docx` package): real Word headings (so the navigation pane and a table
 * of contents work), real tables with a header row and right-aligned figures, and paragraphs.
 * The package writes the XML and escapes text, so user text cannot break the file.
 */
import type { Paragraph, Table, TableCell, TextRun } from "docx";
import type { Block, DocTable, DraftDocument } from "./document.js";

/** The docx package, loaded with the first document (it costs about 0.2 s, which no other command
 *  should pay) and handed to the builders below. */
type Docx = typeof import("docx");

function headings(d: Docx) {
  return {
    1: d.HeadingLevel.HEADING_1,
    2: d.HeadingLevel.HEADING_2,
    3: d.HeadingLevel.HEADING_3,
  } as const;
}

function borders(d: Docx) {
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: "999999" } as const;
  return { top: border, bottom: border, left: border, right: border };
}

function cell(d: Docx, text: string, align: "left" | "right", header: boolean): TableCell {
  const { TableCell, Paragraph, AlignmentType, TextRun } = d;
  return new TableCell({
    borders: borders(d),
    children: [
      new Paragraph({
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });
}

function docxTable(d: Docx, t: DocTable): (Paragraph | Table)[] {
  const { TableRow, Table, WidthType, Paragraph, TextRun } = d;
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c) => cell(d, c.header, c.align, true)),
  });
  const rows = t.rows.map(
    (r) => new TableRow({ children: t.columns.map((c, i) => cell(d, r[i] ?? "", c.align, false)) }),
  );
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows],
  });
  const title = t.title
    ? [new Paragraph({ children: [new TextRun({ text: t.title, bold: true })] })]
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

export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const d = await import("docx");
  const { Document, Paragraph, HeadingLevel, TextRun, Packer } = d;
  const file = new Document({
    title: doc.title,
    creator: "dealdesk",
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
          ...doc.blocks.flatMap((b) => blockDocx(d, b)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
