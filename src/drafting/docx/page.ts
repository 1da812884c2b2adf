/**
 * The page every brief is printed on: A4 with 2 cm margins, a header that marks it confidential
 * with the brief's date, and a footer with "Page X of Y". The marking is on every page because a
 * brief holds our walk-away positions and the competitor's figure, and pages get forwarded alone.
 */
import type { Footer, Header, ISectionPropertiesOptions } from "docx";
import { STYLE } from "./styles.js";

type Docx = typeof import("docx");

export const CONFIDENTIAL_MARKING = "Confidential — contains our positions";

/** A4 in twips (210 × 297 mm), with 2 cm (1134 twips) margins all round. */
const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = 1134;

/** The width tables and right tab stops fill: the page less both side margins. */
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * MARGIN;

export function pageProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: {
        top: MARGIN,
        bottom: MARGIN,
        left: MARGIN,
        right: MARGIN,
        header: 567,
        footer: 567,
      },
    },
  };
}

function furnitureLine(d: Docx, left: string, right: (string | "CURRENT" | "TOTAL_PAGES")[]) {
  const { Paragraph, TextRun, TabStopType, Tab } = d;
  return new Paragraph({
    style: STYLE.furniture,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
    children: [new TextRun(left), new TextRun({ children: [new Tab(), ...right] })],
  });
}

/** "Confidential — contains our positions" left, the brief's date right, on every page. */
export function pageHeader(d: Docx, date: string): Header {
  return new d.Header({ children: [furnitureLine(d, CONFIDENTIAL_MARKING, [date])] });
}

/** The document's title left, "Page X of Y" right, on every page (Word fills in the numbers). */
export function pageFooter(d: Docx, title: string): Footer {
  const { PageNumber } = d;
  return new d.Footer({
    children: [
      furnitureLine(d, title, ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES]),
    ],
  });
}
