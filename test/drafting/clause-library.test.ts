/**
 * The clause library as a whole: how many clauses, that each renders at every position for a real
 * deal with nothing left unfilled, that variables are typed, and that a variable declaring
 * `fromDeal` takes the deal's own figure (a --set still wins; a deal without the figure leaves the
 * default, and the clause says it was defaulted).
 */
import { describe, expect, it } from "vitest";
import { loadCatalogue, shippedCatalogue } from "../../src/drafting/catalogue.js";
import { dealValues } from "../../src/drafting/deal-values.js";
import { renderDealClause } from "../../src/drafting/render-clause.js";
import { positionIds, VARIABLE_TYPES } from "../../src/drafting/template-meta.js";
import { dealFrom, exampleJson } from "./example-deal.js";
import { SAMPLE_BODY, sampleMeta, templateDir } from "./fixtures.js";

/** The ten clauses issue 14 adds, one per topic it names. */
const ADDED = [
  "data-residency",
  "customisation-ownership",
  "non-human-accounts",
  "deployment-rights",
  "licence-mobility",
  "liability-cap",
  "price-benchmark",
  "auto-renewal-notice",
  "module-price-hold",
  "escrow-insolvency",
];

const catalogue = shippedCatalogue();
const ids = [...catalogue.templates.keys()];

/** Example deals of different shapes: the shipped one, a yearly-rate US deal, a bare one. */
function deals() {
  const yearly = exampleJson();
  yearly.currency = "USD";
  yearly.termYears = 5;
  yearly.renewalDate = "2028-06-30";
  yearly.offer.ratePeriod = "year";
  yearly.leverage.benchmarkRate = "690.50";
  yearly.offer.implementation = { kind: "fixed", fixedPrice: "84000" };
  yearly.offer.concurrent = { seats: 40, rate: "1400" };
  const bare = exampleJson();
  delete bare.renewalDate;
  bare.leverage = {};
  delete bare.offer.implementation;
  return { example: dealFrom(exampleJson()), yearly: dealFrom(yearly), bare: dealFrom(bare) };
}

function render(id: string, position: string, deal = deals().example, set = {}) {
  const r = renderDealClause(catalogue, { id, position, set }, deal);
  if (!r.ok) throw new Error(`${id} ${position}: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.value;
}

describe("the clause library", () => {
  it("has 32 clauses, the ten added ones among them", () => {
    expect(ids).toHaveLength(32);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const id of ADDED) expect(ids).toContain(id);
  });

  it.each(ids)("%s renders at every position for each sample deal, nothing left unfilled", (id) => {
    const meta = catalogue.templates.get(id)?.meta;
    expect(meta).toBeDefined();
    for (const deal of Object.values(deals())) {
      for (const p of positionIds(meta ?? ({} as never))) {
        const text = render(id, p, deal).text;
        expect(text.length).toBeGreaterThan(100);
        expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|\[object|null/);
      }
    }
  });

  it("types every variable, with a default, and bounds every count", () => {
    for (const t of catalogue.templates.values()) {
      for (const [name, v] of Object.entries(t.meta.variables)) {
        expect(VARIABLE_TYPES, `${t.meta.id}.${name}`).toContain(v.type);
        expect(v.default, `${t.meta.id}.${name}`).toBeDefined();
        if (v.type === "integer") {
          expect([v.min, v.max], `${t.meta.id}.${name}`).not.toContain(undefined);
        }
      }
    }
  });

  it("gives every added clause typed variables, covering money, percent, days, dates and text", () => {
    const types = new Set<string>();
    for (const id of ADDED) {
      const vars = Object.values(catalogue.templates.get(id)?.meta.variables ?? {});
      expect(vars.length, id).toBeGreaterThan(0);
      for (const v of vars) types.add(v.type);
    }
    for (const t of ["money", "percent", "integer", "text", "date"]) expect(types).toContain(t);
  });

  it("gives every added clause at least one fallback, and distinct wording at each position", () => {
    for (const id of ADDED) {
      const meta = catalogue.templates.get(id)?.meta;
      const texts = positionIds(meta ?? ({} as never)).map((p) => render(id, p).text);
      expect(new Set(texts).size, id).toBe(texts.length);
      expect(texts.length, id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("variables filled from the deal", () => {
  it("takes the benchmark rate and rate period from the example deal (£58 a month)", () => {
    const c = render("price-benchmark", "walk-away");
    expect(c.paragraphs[0]).toBe(
      "1. The per-licence rate is no higher than £58 a month, which is the benchmark the Customer has shown the Supplier, and if a later independent benchmark finds the rate more than 5% above the market rate, the parties review the rate at the next renewal.",
    );
    expect(c.defaulted).toEqual(["gap"]);
  });

  it("takes a yearly benchmark with cents in the deal's currency ($690.50 a year)", () => {
    const c = render("price-benchmark", "walk-away", deals().yearly);
    expect(c.paragraphs[0]).toMatch(
      /^1\. The per-licence rate is no higher than \$690\.50 a year,/,
    );
  });

  it("takes the renewal date, the term, the ask cap, the fixed price, the pool and the day rate", () => {
    const { example, yearly } = deals();
    expect(render("auto-renewal-notice", "preferred").paragraphs[0]).toContain(
      "It ends on 31 March 2027 unless",
    );
    expect(render("auto-renewal-notice", "fallback", yearly).paragraphs[0]).toMatch(
      /^1\. The Agreement renews on 30 June 2028 /,
    );
    expect(render("renewal-cap", "preferred", yearly).paragraphs[0]).toContain(
      "the whole Term of 5 years",
    );
    const cap = exampleJson();
    cap.assumptions.askCap = "2.5%";
    expect(render("renewal-cap", "fallback", dealFrom(cap)).paragraphs[1]).toBe(
      "2. Once in each Contract Year after the first, the Supplier may raise the Fees by no more than 2.5%.",
    );
    expect(render("fixed-price-implementation", "preferred", yearly).text).toContain("$84,000");
    expect(dealValues(catalogue.templates.get("concurrent-pool")?.meta as never, yearly)).toEqual({
      poolSize: 40,
    });
    expect(
      dealValues(catalogue.templates.get("transition-assistance")?.meta as never, example),
    ).toEqual({ dayRate: "1200.00" });
  });

  it("lets a set value win over the deal's figure", () => {
    const c = render("price-benchmark", "walk-away", deals().example, { benchmarkRate: "55" });
    expect(c.paragraphs[0]).toContain("no higher than £55 a month");
  });

  it("falls back to the default, and says so, when the deal lacks the figure", () => {
    const { bare } = deals();
    const c = render("auto-renewal-notice", "preferred", bare);
    expect(c.paragraphs[0]).toContain("It ends on 31 March 2027 unless");
    expect(c.defaulted).toContain("renewalDate");
    expect(render("price-benchmark", "walk-away", bare).defaulted).toContain("benchmarkRate");
  });

  it("refuses a template whose fromDeal field gives another type, naming the variable", () => {
    const meta = JSON.parse(sampleMeta());
    meta.variables.cap.fromDeal = "termYears";
    const c = loadCatalogue(
      templateDir({ "sample.json": JSON.stringify(meta), "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues.map((i) => i.message)).toEqual([
      "sample.json: variables.cap: termYears gives a integer, not a percent",
    ]);
  });

  it("refuses a rate-period choice that lacks month or year", () => {
    const meta = JSON.parse(sampleMeta());
    meta.variables.basis.fromDeal = "ratePeriod";
    const c = loadCatalogue(
      templateDir({ "sample.json": JSON.stringify(meta), "sample.hbs": SAMPLE_BODY }),
    );
    expect(!c.ok && c.issues.map((i) => i.message)).toEqual([
      "sample.json: variables.basis: ratePeriod needs options month, year",
    ]);
  });
});
