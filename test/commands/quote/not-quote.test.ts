/** Numbers in an e-mail that are not the deal's: recognised, never read as seats or prices, and named. */
import { describe, expect, it } from "vitest";
import { readQuote } from "../../../src/commands/quote/read.js";

const QUOTE = "260 agents at £62 per agent per month.";

describe("numbers that are not part of the quote", () => {
  it.each([
    ["Call me on +44 20 7946 0958", "+44 20 7946 0958", "a phone number"],
    ["Call me on 0044 20 7946 0958", "0044 20 7946 0958", "a phone number"],
    ["Tel: (020) 7946 0958", "(020) 7946 0958", "a phone number"],
    ["Ask the switchboard for ext 214", "ext 214", "a phone number"],
    ["Valid until 31 March 2026", "31 March 2026", "a date"],
    ["Valid until 31/03/2026", "31/03/2026", "a date"],
    ["Go-live in Q3 2026", "Q3 2026", "a date"],
    ["Let's talk at 10:30", "10:30", "a time"],
    ["Quote number 55012", "Quote number 55012", "a reference number"],
    ["Our ref: HALO-2291", "ref: HALO-2291", "a reference number"],
    ["Registered office: London EC1A 1BB", "EC1A 1BB", "a postcode"],
    ["99.9% uptime guaranteed", "99.9% uptime", "a service level, not a price"],
    ["24/7 support included", "24/7", "service hours"],
    ["ISO 27001 certified", "ISO 27001", "a standard's name"],
  ])("%j: %s is %s", (extra, text, why) => {
    const r = readQuote(`${QUOTE}\n${extra}`);
    expect(r.notQuote).toEqual([{ text, why }]);
    expect(r.unused).toEqual([]);
    // 260 seats at £62 a month are still read; the extra number changed nothing.
    expect(r.quote.lines).toEqual([
      {
        quantity: 260,
        type: "named",
        typeStated: false,
        price: { amount: "62", code: "GBP", text: "£62" },
        period: "month",
      },
    ]);
  });

  it("is not a quote when nothing but a signature has numbers", () => {
    const r = readQuote("Thanks Sam, speak soon.\nJane | +44 20 7946 0958");
    expect(r.isQuote).toBe(false);
  });

  it.each([
    "Is a 3% cap reasonable?",
    "we have 500 agents, is concurrent cheaper?",
    "What's the difference between all-units and graduated tiers?",
  ])("leaves %j to the knowledge base: no price, no total", (question) => {
    expect(readQuote(question).isQuote).toBe(false);
  });
});
