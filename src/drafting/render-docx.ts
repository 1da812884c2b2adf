/**
 * A document as DOCX (the `docx` package): real Word headings (so the navigation pane and a table
 * of contents work), real tables with a header row and right-aligned figures, and paragraphs.
 * The package writes the XML and escapes text, so user text cannot break the file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, DocTable, DraftDocument } from "./document.js";

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" } as const;
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, align: "left" | "right", header: boolean): TableCell {
  return new TableCell({
    borders,
    children: [
      new Paragraph({
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });
}

function docxTable(t: DocTable): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c) => cell(c.header, c.align, true)),
  });
  const rows = t.rows.map(
    (r) => new TableRow({ children: t.columns.map((c, i) => cell(r[i] ?? "", c.align, false)) }),
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
function runs(text: string): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
}

function blockDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] })];
    case "paragraph":
      return [
        new Paragraph({
          children: [
            ...(b.label ? [new TextRun({ text: `${b.label} `, bold: true })] : []),
            ...runs(b.text),
          ],
        }),
      ];
    case "list":
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: runs(i) }));
    case "table":
      return docxTable(b.table);
  }
}

export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const file = new Document({
    title: doc.title,
    creator: "dealdesk",
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
          ...doc.blocks.flatMap(blockDocx),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
