/**
 * The DOCX brief for the example deal, opened as a zip and read back from word/document.xml.
 * Checked structurally, without LibreOffice (headings by Word style, real tables, figures in
 * cells); docx-libreoffice.test.ts prints it to PDF where LibreOffice is installed.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildBrief } from "../../src/drafting/brief.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { analyseDeal } from "../../src/drafting/moves.js";
import { renderDocx } from "../../src/drafting/render-docx.js";
import { dealFrom, exampleJson } from "./example-deal.js";

async function documentXml(json: unknown): Promise<string> {
  const brief = buildBrief(analyseDeal(dealFrom(json)), shippedCatalogue(), "2026-06-01");
  if (!brief.ok) throw new Error(brief.issues.map((i) => i.message).join("\n"));
  const bytes = await renderDocx(brief.value.document, { date: "2026-06-01" });
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (xml === undefined) throw new Error("no word/document.xml");
  return xml;
}

/** XML text back to characters (the five predefined entities). */
function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of each paragraph with its style, in order. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? "",
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1] ?? ""))
      .join(""),
  }));
}

/** Each table as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((x) => unescapeXml(x[1] ?? ""))
          .join(""),
      ),
    ),
  );
}

describe("DOCX brief", () => {
  it("has the title and section headings as Word headings, sections at Heading 1", async () => {
    const p = paragraphs(await documentXml(exampleJson()));
    expect(p[0]).toEqual({
      style: "Title",
      text: "Negotiation brief: Halo Service Solutions Ltd, HaloITSM",
    });
    // Word keeps Title out of the navigation pane, so the sections are Heading 1 and clauses 2.
    expect(p.filter((x) => x.style === "Heading1").map((x) => x.text)).toEqual([
      "The deal",
      "Savings waterfall",
      "The asks",
      "Clauses",
      "Leverage and timing",
      "Notes",
      "Working",
    ]);
    expect(p.filter((x) => x.style === "Heading2").map((x) => x.text)).toContain(
      "Renewal uplift cap locked for the term (preferred)",
    );
  });

  it("has real tables with the waterfall figures and right-aligned amounts", async () => {
    const xml = await documentXml(exampleJson());
    const [facts, waterfall, asks] = tables(xml);
    expect(facts?.[4]).toEqual(["offer, per year", "£193,440"]);
    expect(waterfall).toEqual([
      ["step", "saving", "annual cost after"],
      ["Vendor's offer", "", "£193,440"],
      ["Right-sizing", "£15,360", "£178,080"],
      ["Licensing model", "£5,520", "£172,560"],
      ["Volume break", "£16,320", "£156,240"],
      ["Counter-proposal", "£37,200", "£156,240"],
      ["Renewal cap, over 3 years", "£19,373.76", ""],
    ]);
    expect(asks?.[1]).toEqual([
      "Right-size agents",
      "Licence 212 active fulfillers, not 260 provisioned",
      "against us",
      "£15,360 a year",
    ]);
    expect(xml).toContain('<w:jc w:val="right"/>');
  });

  it("carries the start-by date and the key sentence", async () => {
    const text = paragraphs(await documentXml(exampleJson())).map((p) => p.text);
    expect(text).toContain(
      "The counter-proposal costs £156,240 a year against the offer's £193,440: £37,200 less (19.2%), plus £19,373.76 over 3 years from the renewal cap.",
    );
    expect(text.some((t) => t.startsWith("Start by 2 October 2026 (123 days from today)"))).toBe(
      true,
    );
  });

  it("keeps a hostile vendor name and note as plain text in the XML", async () => {
    const json = exampleJson();
    json.vendor = "Acme *_~<b>&</b>";
    json.notes = ['=HYPERLINK("http://e.vil")'];
    const xml = await documentXml(json);
    expect(xml).toContain("Acme *_~&lt;b&gt;&amp;&lt;/b&gt;");
    expect(xml).not.toContain("<b>");
    expect(paragraphs(xml).map((p) => p.text)).toContain('=HYPERLINK("http://e.vil")');
  });
});
