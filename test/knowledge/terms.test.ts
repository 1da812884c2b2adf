import { describe, expect, it } from "vitest";
import { stem } from "../../src/knowledge/stem.js";
import { termsOf } from "../../src/knowledge/terms.js";

describe("stem", () => {
  it.each([
    [["cap", "caps", "capped", "capping"], "cap"],
    [["negotiate", "negotiated", "negotiation", "negotiating"], "negotiat"],
    [["renew", "renewal", "renewals", "renewing"], "renew"],
    [["licence", "licences", "license", "licensing"], "licenc"],
    [["optimise", "optimize", "optimised"], "optimis"],
  ])("folds %j onto one stem", (words, expected) => {
    expect(words.map(stem)).toEqual(words.map(() => expected));
  });

  it("leaves short words and numbers alone", () => {
    expect(["sla", "hr", "4.1", "2026"].map(stem)).toEqual(["sla", "hr", "4.1", "2026"]);
  });
});

describe("termsOf", () => {
  it("drops stop words and bare numbers", () => {
    expect(termsOf("What is the cap for 3 years?")).toEqual(["cap", "year"]);
  });

  it("folds synonyms onto one term", () => {
    expect(termsOf("floating")).toEqual(termsOf("concurrent"));
    expect(termsOf("shared")).toEqual(termsOf("concurrent"));
    expect(termsOf("dedicated")).toEqual(termsOf("named"));
    expect(termsOf("escalator")).toEqual(termsOf("uplift"));
    expect(termsOf("increase")).toEqual(termsOf("uplift"));
    expect(termsOf("ceiling")).toEqual(termsOf("cap"));
  });

  it("joins phrases written several ways", () => {
    expect(termsOf("true-up")).toEqual(["trueup"]);
    expect(termsOf("true up")).toEqual(["trueup"]);
    expect(termsOf("right-sizing")).toEqual(termsOf("rightsize"));
    expect(termsOf("multi-year")).toEqual(termsOf("multiyear"));
    expect(termsOf("24/7")).toEqual(termsOf("follow-the-sun"));
  });

  it("keeps a share price apart from shared licences", () => {
    expect(termsOf("share price")).not.toContain(termsOf("concurrent")[0]);
  });

  it("keeps a leaver apart from annual leave, and a time-out apart from real time", () => {
    expect(termsOf("leavers")).toEqual(termsOf("departed"));
    expect(termsOf("annual leave")).not.toContain(termsOf("leaver")[0]);
    expect(termsOf("the session times out")).toContain("timeout");
    expect(termsOf("time out")).toEqual(["timeout"]);
    expect(termsOf("in real time")).not.toContain("timeout");
  });

  it("folds the everyday words for notify, change, cancel and acquire", () => {
    expect(termsOf("telling")).toEqual(termsOf("notify"));
    expect(termsOf("swap")).toEqual(termsOf("change"));
    expect(termsOf("cancelling")).toEqual(termsOf("terminate"));
    expect(termsOf("bought")).toEqual(termsOf("acquisition"));
    expect(termsOf("log off")).toEqual(termsOf("logging out"));
  });

  it("drops filler words such as actually, still and someone", () => {
    expect(termsOf("do we actually still need someone")).toEqual([]);
  });

  it("reads curly apostrophes like straight ones", () => {
    expect(termsOf("what\u2019s a sane cap")).toEqual(termsOf("what's a sane cap"));
  });
});
