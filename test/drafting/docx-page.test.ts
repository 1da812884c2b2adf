/**
 * The DOCX brief's page and table furniture, read back from the package's XML so it is checked
 * without LibreOffice: styles with fonts and outline levels, fixed column widths that fill the
 * page, rows that never split, header rows that repeat, and the header and footer on every page.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { briefCommand } from "../../src/commands/deal/brief.js";
import { asksTable } from "../../src/drafting/asks.js";
import { buildBrief } from "../../src/drafting/brief.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { fontMeasure } from "../../src/drafting/docx/metrics.js";
import { analyseDeal } from "../../src/drafting/moves.js";
import { renderDocx } from "../../src/drafting/render-docx.js";
import { testContext } from "../commands/context.js";
import { dealFrom, EXAMPLE_PATH, exampleJson } from "./example-deal.js";

/** A4 (11906 twips) less two 2 cm margins (1134 twips each): 11906 − 2268 = 9638. */
const TEXT_WIDTH = 9638;

async function briefPackage(date = "2026-06-01") {
  const analysis = analyseDeal(dealFrom(exampleJson()));
  const brief = buildBrief(analysis, shippedCatalogue(), "2026-06-01");
  if (!brief.ok) throw new Error(brief.issues.map((i) => i.message).join("\n"));
  const zip = await JSZip.loadAsync(await renderDocx(brief.value.document, { date }));
  const part = async (name: string) => {
    const xml = await zip.file(name)?.async("string");
    if (xml === undefined) throw new Error(`no ${name} in the package`);
    return xml;
  };
  return { analysis, part };
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[0]);
const tablesOf = (xml: string) => all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
const rowsOf = (tbl: string) => all(tbl, /<w:tr[ >][\s\S]*?<\/w:tr>/g);
const numbers = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => Number(m[1]));

function style(styles: string, id: string): string {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
  if (!found) throw new Error(`no style ${id}`);
  return found[0];
}

describe("DOCX brief pages", () => {
  it("sets the fonts and the heading outline in the styles, not on each run", async () => {
    const { part } = await briefPackage();
    const styles = await part("word/styles.xml");
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    expect(defaults).toContain('w:ascii="Liberation Sans"');
    expect(defaults).toContain('<w:sz w:val="20"/>'); // 10 pt body, in half-points
    expect(style(styles, "Title")).toContain('w:ascii="Liberation Serif"');
    expect(style(styles, "Heading1")).toContain('<w:outlineLvl w:val="0"/>');
    expect(style(styles, "Heading1")).toContain('w:ascii="Liberation Serif"');
    expect(style(styles, "Heading2")).toContain('<w:outlineLvl w:val="1"/>');
    expect(style(styles, "TableText")).toContain('<w:sz w:val="18"/>'); // 9 pt
    expect(style(styles, "TableHeader")).toContain('<w:basedOn w:val="TableText"/>');
    const body = await part("word/document.xml");
    expect(body).not.toContain("<w:rFonts");
  });

  it("makes every row unsplittable and repeats only each table's first row", async () => {
    const { part } = await briefPackage();
    const tables = tablesOf(await part("word/document.xml"));
    expect(tables).toHaveLength(3); // the deal, the waterfall, the asks
    for (const t of tables) {
      const rows = rowsOf(t);
      expect(rows.length).toBeGreaterThan(1);
      for (const r of rows) expect(r).toContain("<w:cantSplit/>");
      expect(rows[0]).toContain("<w:tblHeader/>");
      for (const r of rows.slice(1)) expect(r).not.toContain("<w:tblHeader/>");
    }
  });

  it("fixes each table's column widths to fill the text width, the same in grid and cells", async () => {
    const { part } = await briefPackage();
    for (const t of tablesOf(await part("word/document.xml"))) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
      const grid = numbers(t, /<w:gridCol w:w="(\d+)"\/>/g);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      for (const r of rowsOf(t))
        expect(numbers(r, /<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)).toEqual(grid);
    }
  });

  it("gives the asks' figure column room for its longest figure on one line", async () => {
    const { analysis, part } = await briefPackage();
    const asks = tablesOf(await part("word/document.xml"))[2] ?? "";
    const worthWidth = numbers(asks, /<w:gridCol w:w="(\d+)"\/>/g)[3] ?? 0;
    // The widest worth cell, "£19,373.76 over 3 years", in 9 pt, plus two 85-twip cell margins
    // and a half-point border (10 twips); the old equal split gave each of four columns 2409.
    const cells = asksTable(analysis).rows.map((r) => r[3] ?? "");
    expect(cells).toContain("£19,373.76 over 3 years");
    const widest = Math.max(...cells.map((c) => fontMeasure(9)(c, false)));
    expect(worthWidth).toBeGreaterThanOrEqual(Math.ceil(widest) + 2 * 85 + 10);
    // and the ask column, the long text, is the widest of the four.
    const grid = numbers(asks, /<w:gridCol w:w="(\d+)"\/>/g);
    expect(Math.max(...grid)).toBe(grid[1]);
  });

  it("marks every page confidential with the brief's date, and numbers it Page X of Y", async () => {
    const { part } = await briefPackage("2026-06-15");
    const body = await part("word/document.xml");
    // One section, with a default header and footer: the ones Word uses on every page.
    expect(all(body, /<w:sectPr>/g)).toHaveLength(1);
    expect(body).toMatch(/<w:headerReference w:type="default" r:id="\w+"\/>/);
    expect(body).toMatch(/<w:footerReference w:type="default" r:id="\w+"\/>/);
    expect(body).not.toContain("<w:titlePg/>"); // no different first page without the marking
    const header = await part("word/header1.xml");
    expect(header).toContain("Confidential — contains our positions");
    expect(header).toContain("15 June 2026");
    const footer = await part("word/footer1.xml");
    expect(footer).toMatch(
      /Page <\/w:t><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*? of <\/w:t><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/,
    );
    expect(body).toContain("Prepared on 15 June 2026");
  });

  it("dates the brief from the command's clock, or --today when given", async () => {
    const ctx = testContext({ now: () => new Date("2026-07-04T23:30:00Z") });
    const headerOf = async (text: string) => {
      const outcome = await briefCommand.run(text, ctx);
      if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join("; "));
      const zip = await JSZip.loadAsync(outcome.reply.files?.[0]?.content ?? new Uint8Array());
      return (await zip.file("word/header1.xml")?.async("string")) ?? "";
    };
    // The clock's UTC date, 4 July 2026, is the one the start-by countdown also uses.
    expect(await headerOf(EXAMPLE_PATH)).toContain("4 July 2026");
    expect(await headerOf(`${EXAMPLE_PATH} --today 2026-06-01`)).toContain("1 June 2026");
  });
});
