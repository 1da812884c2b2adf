/**
 * The brief's look, set once in the document's styles (not on each run), so a reader who restyles
 * it in Word changes one place. Both fonts ship with LibreOffice's usual fonts (Debian's
 * fonts-liberation2) and are metric-compatible with Arial and Times New Roman, so the page breaks
 * a reader sees in Word match the ones the LibreOffice test measures.
 */
import type { IStylesOptions } from "docx";

export const BODY_FONT = "Liberation Sans";
export const HEADING_FONT = "Liberation Serif";

/** Point sizes; Word stores half-points. */
export const BODY_PT = 10;
export const TABLE_PT = 9;
const FURNITURE_PT = 8;
const half = (pt: number) => pt * 2;

/** The one accent colour: headings and the header row's rule. */
const ACCENT = "1F3864";
const GREY = "595959";

/** Custom paragraph style ids, referenced by the renderer. */
export const STYLE = {
  tableText: "TableText",
  tableHeader: "TableHeader",
  furniture: "PageFurniture",
  dateLine: "BriefDate",
} as const;

/** Twentieths of a point: `after: 120` is 6 pt of space after a paragraph. */
export const briefStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: BODY_FONT, size: half(BODY_PT) },
      paragraph: { spacing: { after: 120, line: 264, lineRule: "auto" } },
    },
    title: {
      run: { font: HEADING_FONT, size: half(24), bold: true, color: ACCENT },
      paragraph: { spacing: { after: 60 }, keepNext: true },
    },
    // Outline levels put the headings in Word's navigation pane and LibreOffice's navigator.
    heading1: {
      run: { font: HEADING_FONT, size: half(15), bold: true, color: ACCENT },
      paragraph: {
        spacing: { before: 280, after: 100 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
      },
    },
    heading2: {
      run: { font: HEADING_FONT, size: half(12), bold: true, color: ACCENT },
      paragraph: {
        spacing: { before: 200, after: 80 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 1,
      },
    },
    heading3: {
      run: { font: HEADING_FONT, size: half(11), bold: true, italics: true, color: ACCENT },
      paragraph: {
        spacing: { before: 160, after: 60 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 2,
      },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.tableText,
      name: "Table Text",
      basedOn: "Normal",
      quickFormat: true,
      run: { size: half(TABLE_PT) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: "auto" } },
    },
    {
      id: STYLE.tableHeader,
      name: "Table Header",
      basedOn: STYLE.tableText,
      quickFormat: true,
      run: { bold: true },
    },
    {
      id: STYLE.furniture,
      name: "Page Furniture",
      basedOn: "Normal",
      run: { size: half(FURNITURE_PT), color: GREY },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    {
      id: STYLE.dateLine,
      name: "Brief Date",
      basedOn: "Normal",
      next: "Normal",
      run: { color: GREY },
      paragraph: { spacing: { after: 240 } },
    },
  ],
};

export const HEADER_ROW_SHADE = "DCE3EE";
export const RULE_COLOUR = "A6A6A6";
