import { describe, expect, it } from "vitest";
import { parseDeal } from "../../src/drafting/deal-schema.js";
import { dealFrom, exampleJson, type LooseJson } from "./example-deal.js";

function messages(json: unknown): string[] {
  const r = parseDeal(json);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe("deal.json", () => {
  it("reads the example deal with exact money and defaults filled", () => {
    const d = dealFrom(exampleJson());
    expect(d.offer.named).toEqual({ seats: 260, rate: { minor: 6200, currency: "GBP" } });
    expect(d.offer.implementation?.dayRate).toEqual({ minor: 120000, currency: "GBP" });
    expect(d.assumptions.listUplift).toEqual({ num: 7n, den: 100n });
    expect(d.offer.implementation?.acceptanceCriteria).toBe(false);
    expect(d.clauses[3]).toEqual({ id: "named-reassignment", position: "preferred", set: {} });
  });

  it("reads a JSON number amount exactly (70.1 is 7010 pence, not a float)", () => {
    const json = exampleJson();
    json.offer.named.rate = 70.1;
    expect(dealFrom(json).offer.named.rate.minor).toBe(7010);
  });

  it("names a missing field and what it expects", () => {
    const json = exampleJson();
    delete json.vendor;
    expect(messages(json)).toEqual(["vendor is missing: expected the vendor's name"]);
  });

  it("names a wrong type with the value found", () => {
    const json = exampleJson();
    json.usage.activeFulfillers = "212";
    expect(messages(json)).toEqual([
      'usage.activeFulfillers: expected active fulfillers: a whole number, like 212, not "212"',
    ]);
  });

  it("names an unknown field", () => {
    const json = exampleJson();
    json.offer.discount = "10%";
    expect(messages(json)).toEqual(["offer has a field I don't know: discount"]);
  });

  it.each([
    [
      "currency",
      (j: LooseJson) => {
        j.currency = "POUNDS";
      },
      'currency: expected an ISO currency code, like "GBP", not "POUNDS"',
    ],
    [
      "renewal date",
      (j: LooseJson) => {
        j.renewalDate = "31/03/2027";
      },
      'renewalDate: expected the renewal date: a real date written "YYYY-MM-DD", like "2027-03-31", not "31/03/2027"',
    ],
    [
      "rate",
      (j: LooseJson) => {
        j.offer.named.rate = "0";
      },
      'offer.named.rate: expected the named rate per seat: an amount above zero, like "70" or 70.5, not "0"',
    ],
    [
      "percentage",
      (j: LooseJson) => {
        j.assumptions.askCap = "three";
      },
      'assumptions.askCap: expected the renewal cap we ask for: a percentage from "0%" to "100%", like "3%", not "three"',
    ],
    [
      "uplift kind",
      (j: LooseJson) => {
        j.offer.renewal.uplift = { kind: "cpi" };
      },
      'offer.renewal.uplift.kind: expected the renewal rise: kind "none", "cap", "lesser-of", "greater-of" or "list", not "cpi"',
    ],
    [
      "tier seat",
      (j: LooseJson) => {
        j.offer.tiers.bands[1].from = 0;
      },
      "offer.tiers.bands[1].from: expected the first seat of the tier: at least 1, not 0",
    ],
    [
      "too many decimals",
      (j: LooseJson) => {
        j.offer.named.rate = "62.123";
      },
      "offer.named.rate: 62.123 has more decimals than GBP allows (2)",
    ],
    [
      "T&M without a day rate",
      (j: LooseJson) => {
        delete j.offer.implementation.dayRate;
      },
      "offer.implementation: time and materials needs days and dayRate",
    ],
    [
      "fixed without a price",
      (j: LooseJson) => {
        j.offer.implementation = { kind: "fixed" };
      },
      "offer.implementation: a fixed-price implementation needs fixedPrice",
    ],
    [
      "more full-time agents than active",
      (j: LooseJson) => {
        j.usage.fullTimeAgents = 300;
      },
      "usage.fullTimeAgents (300) is more than usage.activeFulfillers (212)",
    ],
  ])("rejects a bad %s", (_what, change, message) => {
    const json = exampleJson();
    change(json);
    expect(messages(json)).toEqual([message]);
  });

  it("gives every issue the deal.invalid code and a pointer to the example", () => {
    const r = parseDeal({});
    expect(
      !r.ok &&
        r.issues.every(
          (i) => i.code === "deal.invalid" && i.hint === "see examples/deal.json for every field",
        ),
    ).toBe(true);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      "vendor is missing: expected the vendor's name",
      'currency is missing: expected an ISO currency code, like "GBP"',
      'offer is missing: expected the offer: at least { "named": { "seats": 260, "rate": "62" } }',
    ]);
  });
});
