/**
 * The brief's clauses quote the deal's own figures: a clause variable that declares `fromDeal`
 * (term, cap, renewal date…) takes the deal's value unless the deal's clause entry sets it. Each
 * expected sentence is read off the template's wording with the deal's value put in by hand.
 */
import { describe, expect, it } from "vitest";
import { buildBrief } from "../../src/drafting/brief.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { analyseDeal } from "../../src/drafting/moves.js";
import { renderMarkdown } from "../../src/drafting/render-markdown.js";
import { dealFrom, exampleJson, type LooseJson } from "./example-deal.js";

/** The Markdown of one clause in the brief's Clauses section, from its heading to the next. */
function clauseText(json: LooseJson, title: string): string {
  const b = buildBrief(analyseDeal(dealFrom(json)), shippedCatalogue(), "2026-06-01");
  if (!b.ok) throw new Error(b.issues.map((i) => i.message).join("\n"));
  const md = renderMarkdown(b.value.document);
  const section = md.slice(md.indexOf("\n## Clauses\n"), md.indexOf("\n## Leverage and timing\n"));
  const start = section.indexOf(`\n### ${title}`);
  if (start < 0) throw new Error(`no clause "${title}" in the Clauses section`);
  const end = section.indexOf("\n### ", start + 1);
  return section.slice(start, end < 0 ? undefined : end);
}

const RENEWAL_CAP = "Renewal uplift cap locked for the term (preferred)";
const TERM = (years: string) =>
  `the pricing in this clause holds for the whole Term of ${years} and for every renewal within it.`;
const CAP = (cap: string) => `(b) ${cap}. If the index falls, the Fees do not rise.`;

describe("the brief's clauses filled from the deal", () => {
  it("shows examples/deal.json's 3-year term and 3% cap in the renewal cap clause", () => {
    // deal.json: termYears 3, assumptions.askCap 3%, and the clause entry sets the same values.
    const text = clauseText(exampleJson(), RENEWAL_CAP);
    expect(text).toContain(TERM("3 years"));
    expect(text).toContain(CAP("3%"));
  });

  it("takes the term and the cap from the deal when the clause entry sets neither", () => {
    const json = exampleJson();
    json.termYears = 5;
    json.assumptions.askCap = "2.5%";
    json.clauses = [{ id: "renewal-cap", position: "preferred" }];
    // The template's defaults are 3 years and 3%; the deal's 5 and 2.5% must replace them.
    const text = clauseText(json, RENEWAL_CAP);
    expect(text).toContain(TERM("5 years"));
    expect(text).toContain(CAP("2.5%"));
    expect(text).not.toContain("3 years");
  });

  it("keeps a value the clause entry sets over the deal's", () => {
    const json = exampleJson();
    json.termYears = 5;
    json.clauses = [{ id: "renewal-cap", position: "preferred", set: { years: 4 } }];
    const text = clauseText(json, RENEWAL_CAP);
    expect(text).toContain(TERM("4 years"));
    expect(text).not.toContain("5 years");
  });

  it("dates the end of the agreement from the deal's renewal date", () => {
    const json = exampleJson();
    // Not the template's default (2027-03-31, which is also the example's own date).
    json.renewalDate = "2027-09-30";
    json.clauses = [{ id: "auto-renewal-notice", position: "preferred" }];
    const text = clauseText(json, "Auto-renewal and notice to end (preferred)");
    expect(text).toContain(
      "The Agreement does not renew automatically. It ends on 30 September 2027 unless both parties sign a renewal before then.",
    );
    expect(text).not.toContain("31 March 2027");
  });
});
