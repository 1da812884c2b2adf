import { describe, expect, it } from "vitest";
import { buildBrief } from "../../src/drafting/brief.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { analyseDeal } from "../../src/drafting/moves.js";
import { renderMarkdown } from "../../src/drafting/render-markdown.js";
import { renderMrkdwn } from "../../src/drafting/render-mrkdwn.js";
import { dealFrom, exampleJson } from "./example-deal.js";

function brief(json: unknown, today = "2026-06-01") {
  return buildBrief(analyseDeal(dealFrom(json)), shippedCatalogue(), today);
}

describe("the brief", () => {
  it("includes the chosen clauses at the chosen positions with the deal's values", () => {
    const b = brief(exampleJson());
    expect(b.ok && b.value.clauses.map((c) => [c.meta.id, c.position])).toEqual([
      ["renewal-cap", "preferred"],
      ["fixed-price-implementation", "preferred"],
      ["concurrent-pool", "preferred"],
      ["named-reassignment", "preferred"],
      ["data-portability", "fallback"],
    ]);
    expect(b.ok && b.value.clauses[1]?.paragraphs[0]).toContain("for a fixed price of £72,000,");
    expect(b.ok && b.value.timing?.startBy).toBe("2026-10-02");
  });

  it("names the clause entry that is wrong", () => {
    const json = exampleJson();
    json.clauses = [{ id: "renewal-cap", position: "fallback-9", set: { cap: "lots" } }];
    const b = brief(json);
    expect(!b.ok && b.issues.map((i) => i.message)).toEqual([
      'clauses[0]: renewal-cap has no position "fallback-9"',
      'clauses[0]: cap (the yearly uplift cap we ask for) must be a percentage from 0% to 100%, like 3%, not "lots"',
    ]);
  });

  it("says there is no start-by date without a renewal date", () => {
    const json = exampleJson();
    delete json.renewalDate;
    const b = brief(json);
    expect(b.ok && renderMarkdown(b.value.document)).toContain(
      "- No renewal date given, so no start-by date: add renewalDate to the deal.",
    );
  });

  it("keeps a hostile vendor name and a formula-like note inert in Markdown and mrkdwn", () => {
    const json = exampleJson();
    json.vendor = "Acme *Bold* _x_ ~y~ <!channel> & Co";
    json.notes = ['=HYPERLINK("http://e.vil","click")', "# not a heading"];
    const b = brief(json);
    if (!b.ok) throw new Error("brief failed");
    const md = renderMarkdown(b.value.document);
    expect(md.split("\n")[0]).toBe(
      "# Negotiation brief: Acme \\*Bold\\* \\_x\\_ \\~y\\~ \\<\\!channel\\> \\& Co, HaloITSM",
    );
    expect(md).toContain("| vendor | Acme \\*Bold\\* \\_x\\_ \\~y\\~ \\<\\!channel\\> \\& Co |");
    expect(md).toContain('- \\=HYPERLINK("http://e.vil","click")');
    expect(md).toContain("- \\# not a heading");
    const slack = renderMrkdwn(b.value.document);
    expect(slack).toContain("Acme ∗Bold∗ ˍxˍ ∼y∼ &lt;!channel&gt; &amp; Co");
    expect(slack).not.toContain("<!channel>");
  });
});
