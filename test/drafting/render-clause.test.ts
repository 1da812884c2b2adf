import { describe, expect, it } from "vitest";
import { currency } from "../../src/core/money.js";
import { type Catalogue, loadCatalogue, shippedCatalogue } from "../../src/drafting/catalogue.js";
import { renderClause } from "../../src/drafting/render-clause.js";
import { SAMPLE_BODY, sampleMeta, templateDir } from "./fixtures.js";

const GBP = currency("GBP");
const USD = currency("USD");

function sample(): Catalogue {
  const c = loadCatalogue(templateDir({ "sample.json": sampleMeta(), "sample.hbs": SAMPLE_BODY }));
  if (!c.ok) throw new Error(c.issues.map((i) => i.message).join("\n"));
  return c.value;
}

function issuesOf(given: Record<string, unknown>, position = "preferred", code = GBP) {
  const r = renderClause(sample(), "sample", position, given, code);
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, message: i.message, hint: i.hint }));
}

describe("rendering with helpers", () => {
  it("formats money from minor units, percent, plural, date and choice", () => {
    const r = renderClause(
      sample(),
      "sample",
      "preferred",
      { vendor: "Acme Ltd", fee: "45k", cap: "3.5%" },
      GBP,
    );
    expect(r.ok && r.value.text).toBe("Clause.\n\nAcme Ltd charges £45,000, rising by 3.5%.");
    const f = renderClause(
      sample(),
      "sample",
      "fallback",
      { vendor: "Acme", years: "1", fee: "$1,250.50" },
      USD,
    );
    expect(f.ok && f.value.paragraphs[1]).toBe("Acme charges $1,250.50 for 1 year.");
    const w = renderClause(
      sample(),
      "sample",
      "walk-away",
      { vendor: "Acme", basis: "CPI", start: "2027-03-31" },
      GBP,
    );
    expect(w.ok && w.value.paragraphs[1]).toBe("CPI-linked from 31 March 2027.");
  });

  it("says which variables took their defaults", () => {
    const r = renderClause(sample(), "sample", "preferred", { vendor: "Acme" }, GBP);
    expect(r.ok && r.value.defaulted).toEqual(["fee", "cap", "years", "start", "basis"]);
  });

  it("renders a shipped clause with --set values", () => {
    const r = renderClause(
      shippedCatalogue(),
      "breach-notification",
      "walk-away",
      { walkHours: "48" },
      GBP,
    );
    expect(r.ok && r.value.paragraphs[0]).toBe(
      "1. The Supplier notifies the Customer of any actual security breach affecting the Customer's data without undue delay and in any event within 48 hours of becoming aware of it.",
    );
  });
});

describe("validation errors, one per kind", () => {
  it("a required variable with no value", () => {
    expect(issuesOf({})).toEqual([
      {
        code: "draft.variable_missing",
        message: "sample needs vendor: text of 1 to 200 characters (the vendor's legal name)",
        hint: "add --set vendor=…",
      },
    ]);
  });

  it("a variable the template does not have", () => {
    expect(issuesOf({ vendor: "A", colour: "red" })).toEqual([
      {
        code: "draft.variable_unknown",
        message: "sample has no variable colour",
        hint: "its variables are vendor, fee, cap, years, start, basis",
      },
    ]);
  });

  it.each([
    [
      "fee",
      "lots",
      'fee (the fee) must be an amount like 45000 or 45k, not "lots"',
      "e.g. --set fee=45000",
    ],
    [
      "fee",
      "€45000",
      'fee (the fee) must be an amount like 45000 or 45k, not "€45000": it is written in € but the currency is GBP',
      "e.g. --set fee=45000",
    ],
    [
      "fee",
      "45000.123",
      'fee (the fee) must be an amount like 45000 or 45k, not "45000.123": it has more decimals than GBP allows',
      "e.g. --set fee=45000",
    ],
    [
      "cap",
      "150%",
      'cap (the cap) must be a percentage from 0% to 100%, like 3%, not "150%"',
      "e.g. --set cap=3%",
    ],
    [
      "years",
      "11",
      'years (the term) must be a whole number from 1 to 10, not "11"',
      "e.g. --set years=3",
    ],
    [
      "years",
      "2.5",
      'years (the term) must be a whole number from 1 to 10, not "2.5"',
      "e.g. --set years=3",
    ],
    [
      "start",
      "2026-02-30",
      'start (the start date) must be a date written YYYY-MM-DD, not "2026-02-30"',
      "e.g. --set start=2026-12-31",
    ],
    [
      "basis",
      "floating",
      'basis (the basis) must be one of fixed, cpi, not "floating"',
      "e.g. --set basis=fixed",
    ],
    [
      "vendor",
      "x".repeat(201),
      `vendor (the vendor's legal name) must be text of 1 to 200 characters, not "${"x".repeat(201)}"`,
      'e.g. --set vendor="Example Ltd"',
    ],
  ])("%s = %j", (name, value, message, hint) => {
    const given = { vendor: "Acme", [name]: value };
    expect(issuesOf(given)).toEqual([{ code: "draft.variable_invalid", message, hint }]);
  });

  it("a value of the wrong JSON type (from deal.json)", () => {
    expect(issuesOf({ vendor: "Acme", years: true })).toEqual([
      {
        code: "draft.variable_invalid",
        message: "years must be a whole number from 1 to 10 (the term)",
        hint: "e.g. --set years=3",
      },
    ]);
  });

  it("a position the template does not have", () => {
    expect(issuesOf({ vendor: "Acme" }, "fallback-2")).toEqual([
      {
        code: "draft.unknown_position",
        message: 'sample has no position "fallback-2"',
        hint: "its positions are preferred, fallback, walk-away",
      },
    ]);
  });

  it("every problem at once, so one correction fixes them all", () => {
    expect(issuesOf({ cap: "x", colour: "red" }, "middle").map((i) => i.code)).toEqual([
      "draft.unknown_position",
      "draft.variable_missing",
      "draft.variable_unknown",
      "draft.variable_invalid",
    ]);
  });

  it("a template that does not exist, with a suggestion", () => {
    const r = renderClause(shippedCatalogue(), "renewal-capp", "preferred", {}, GBP);
    expect(!r.ok && r.issues[0]).toEqual({
      code: "draft.unknown_template",
      message: 'there is no clause template called "renewal-capp"',
      hint: "did you mean renewal-cap? (draft list shows them all)",
    });
  });
});
