import { describe, expect, it } from "vitest";
import { expandAmount, routeQuestion } from "../../../src/commands/ask/route.js";

describe("routeQuestion", () => {
  it.each([
    [
      "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?",
      "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    ],
    [
      "is 150 named seats at £70/mo or 200 named at £65 cheaper over 3 years GBP",
      "cost 150 named @ £70/mo vs 200 named @ £65 --years 3 --currency GBP",
    ],
    ["how much is 80 floating licences at $1,680 a year?", "cost 80 concurrent @ $1680/yr"],
    [
      "what does 240 seats cost with tiers 1-99 at 75, 100-249 at 70, 250+ at 62",
      'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62"',
    ],
    [
      "What's 300 agents on 1 to 99 at $80, 100 to 249 at $72, 250 and up at $65?",
      'tiers 300 --tiers "1-99 @ $80, 100-249 @ $72, 250+ @ $65"',
    ],
    ["renew 294k at a 3% cap for 3 years", "renewal 294000 --years 3 --cap 3%"],
    [
      "294k with a 5% uplift for 3 years, what if we cap it at 3%?",
      "renewal 294000 --years 3 --cap 3% --list 5%",
    ],
    [
      "renewal of £1.2m over three years with CPI 4.1%, 3.2% and the lesser of CPI and 3%",
      "renewal £1200000 --years 3 --cpi 4.1,3.2 --lesser-of 3%",
    ],
    [
      "We pay 2,500 a month; renewal cap of 4% over a 5-year term",
      "renewal 2500/mo --years 5 --cap 4%",
    ],
    [
      "3 year renewal on 500k EUR, greater of CPI and 2.5%, CPI 3.1 and 2.2, floor 1%",
      "renewal 500000 --years 3 --cpi 3.1,2.2 --greater-of 2.5% --floor 1% --currency EUR",
    ],
  ])("routes %j", (question, text) => {
    expect(routeQuestion(question)?.text).toBe(text);
  });

  it("names the calculator it routes to", () => {
    expect(routeQuestion("renew 294k at a 3% cap for 3 years")?.command).toBe("renewal");
    expect(routeQuestion("150 named at 70 vs 500 named at 100")?.command).toBe("cost");
  });

  it.each([
    "Is a 3% cap reasonable?",
    "we have 500 agents, is concurrent cheaper?",
    "what's a sane renewal cap on a 294k deal?",
    "What's the difference between all-units and graduated tiers?",
    "We're at 240 and the next price band starts at 250, what should we ask for?",
    "lesser of CPI and 3% on 294k over 3 years?",
    "what's the weather in Leeds",
  ])("leaves %j to retrieval: too few numbers for a calculation", (question) => {
    expect(routeQuestion(question)).toBeUndefined();
  });
});

describe("expandAmount", () => {
  it.each([
    ["294k", "294000"],
    ["£1.2m", "£1200000"],
    ["2.5k", "2500"],
    ["1,250k", "1250000"],
    ["0.5k", "500"],
    ["2,500", "2500"],
    ["$70", "$70"],
  ])("%s → %s", (text, expected) => {
    expect(expandAmount(text)).toBe(expected);
  });
});
