import { describe, expect, it } from "vitest";
import { canonical, checkGrounding, figuresIn } from "../../src/assistant/grounding.js";

const values = (text: string) => figuresIn(text).map((f) => f.value);

describe("figuresIn", () => {
  it("reads money with signs, separators, decimals and k/m suffixes as plain values", () => {
    // £294,000 → 294000; $2m → 2 × 10^6; £1.2m → 1.2 × 10^6 = 1200000; 294k → 294 × 10^3;
    // €311,904.60 → 311904.6 (trailing zero dropped); 1.5 million → 1500000
    expect(values("£294,000 or $2m or £1.2m or 294k or €311,904.60 or 1.5 million")).toEqual([
      "294000",
      "2000000",
      "1200000",
      "294000",
      "311904.6",
      "1500000",
    ]);
  });

  it("reads percentages, ranges, ordinals and multipliers as their numbers", () => {
    expect(values("51% · 10-40% · the 2nd year · 3x · 3 per cent")).toEqual([
      "51",
      "10",
      "40",
      "2",
      "3",
      "3",
    ]);
  });

  it("reads number words: small numbers, hyphenated tens and hundreds/thousands/millions", () => {
    // twenty-five = 25; two hundred = 2 × 100; a million = 10^6
    expect(values("three years, twenty-five seats, two hundred agents, a million pounds")).toEqual([
      "3",
      "25",
      "200",
      "1000000",
    ]);
  });

  it("ignores numbers fused to letters, list markers and the word one", () => {
    expect(values("1. Ask gpt-4o about S1 and Q3\n2) pick the cheaper one")).toEqual([]);
  });
});

describe("canonical", () => {
  it("shifts the decimal point for a magnitude and trims zeros", () => {
    expect(canonical("1", "25", 6)).toBe("1250000");
    expect(canonical("0", "5", 0)).toBe("0.5");
    expect(canonical("1,680", "00", 0)).toBe("1680");
    expect(canonical("007", "", 0)).toBe("7");
  });
});

describe("checkGrounding", () => {
  const question =
    "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?";
  const toolResult = JSON.stringify({
    headline: "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).",
    working: ["mixed, named: 150 × £70 × 12 = £126,000 a year"],
  });

  it("accepts a reply whose figures all come from the tool result or the question", () => {
    const reply =
      "The mix of 150 named and 100 concurrent costs £294k a year against $600,000.00, saving £306,000 (51%).";
    expect(checkGrounding(reply, [question, toolResult])).toEqual({ grounded: true });
  });

  it("rejects a reply with an invented figure and names it", () => {
    // £350,000 and 58% appear nowhere in the question or the tool result.
    const reply = "The mixed plan costs £294,000, about £350,000 less than list, a 58% saving.";
    expect(checkGrounding(reply, [question, toolResult])).toEqual({
      grounded: false,
      figures: ["£350,000", "58%"],
    });
  });

  it("rejects a rounded figure: £0.3m is not £306,000", () => {
    expect(checkGrounding("You save about £0.3m.", [toolResult])).toEqual({
      grounded: false,
      figures: ["£0.3m"],
    });
  });

  it("rejects a number word the evidence does not hold", () => {
    expect(checkGrounding("Over five years it adds up.", [toolResult])).toEqual({
      grounded: false,
      figures: ["five"],
    });
  });

  it("accepts a reply with no figures at all", () => {
    expect(checkGrounding("Concurrent suits occasional users.", [])).toEqual({ grounded: true });
  });
});
