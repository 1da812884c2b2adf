import { describe, expect, it } from "vitest";
import { fallbackNote, sentencesOf } from "../../../src/commands/ask/presentation.js";

describe("sentencesOf", () => {
  it("splits at sentence ends but not inside figures", () => {
    expect(sentencesOf("It costs £1.2m a year.  That is 3.5% more.\nAsk for a cap!")).toEqual([
      "It costs £1.2m a year.",
      "That is 3.5% more.",
      "Ask for a cap!",
    ]);
  });
});

describe("fallbackNote", () => {
  it("says which path answered and why", () => {
    expect(
      fallbackNote({
        ok: false,
        reason: "timeout",
        detail: "the model did not answer within 300 ms",
      }),
    ).toBe("Answered from the knowledge base: the model did not answer within 300 ms.");
    expect(
      fallbackNote({
        ok: false,
        reason: "ungrounded",
        detail: "the model's reply quoted figures that no calculator or source produced (£1)",
        figures: ["£1"],
      }),
    ).toBe(
      "Answered from the knowledge base: the model's reply quoted figures that no calculator or source produced (£1), so its reply was not used.",
    );
  });
});
