/**
 * Any seats × price × term written in one of the ways vendors write it is read back exactly, and
 * the cost calculator's year-1 figure is seats × price × 12 (monthly) or seats × price (yearly),
 * to the penny.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askCommand } from "../../../src/commands/ask/command.js";
import { readQuote } from "../../../src/commands/quote/read.js";
import { testContext } from "../context.js";

const MONTH_WORDS = ["per agent per month", "pm", "/user/month", "a month", "per user per month"];
const YEAR_WORDS = ["per agent per year", "pa", "per user per annum", "a year"];
const SEAT_WORDS = ["agents", "users", "seats", "named agents", "licences"];

const quoteParts = fc.record({
  seats: fc.integer({ min: 1, max: 5000 }),
  pounds: fc.integer({ min: 1, max: 999 }),
  pence: fc.integer({ min: 0, max: 99 }),
  monthly: fc.boolean(),
  years: fc.integer({ min: 1, max: 10 }),
  periodWord: fc.nat(),
  seatWord: fc.nat(),
  signature: fc.boolean(),
});

type Parts = typeof quoteParts extends fc.Arbitrary<infer T> ? T : never;

function sentence(p: Parts): string {
  const words = p.monthly ? MONTH_WORDS : YEAR_WORDS;
  const period = words[p.periodWord % words.length] ?? "pm";
  const seatWord = SEAT_WORDS[p.seatWord % SEAT_WORDS.length] ?? "agents";
  const price = p.pence === 0 ? `£${p.pounds}` : `£${p.pounds}.${String(p.pence).padStart(2, "0")}`;
  const sep =
    period.startsWith("/") || /^p[ma]$/.test(period) ? (p.pence % 2 === 0 ? "" : " ") : " ";
  const sign = p.signature ? "\nThanks,\nJane\n+44 20 7946 0958" : "";
  return `Hi Sam, ${p.seats} ${seatWord} at ${price}${sep}${period}, ${p.years} year term.${sign}`;
}

describe("the quote reader, on generated quotes", () => {
  it("reads back the seats, the exact price, the period and the term, and uses every number", () => {
    fc.assert(
      fc.property(quoteParts, (p) => {
        const r = readQuote(sentence(p));
        const [line] = r.quote.lines;
        const amount =
          p.pence === 0 ? String(p.pounds) : `${p.pounds}.${String(p.pence).padStart(2, "0")}`;
        expect(r.questions).toEqual([]);
        expect(line?.quantity).toBe(p.seats);
        expect(line?.price.amount).toBe(amount);
        expect(line?.period).toBe(p.monthly ? "month" : "year");
        expect(r.quote.years).toBe(p.years);
        expect(r.unused).toEqual([]);
        expect(r.notQuote.map((n) => n.why)).toEqual(p.signature ? ["a phone number"] : []);
      }),
      { numRuns: 300 },
    );
  });

  it("gets the calculator's year-1 figure to the penny", async () => {
    const ctx = testContext();
    await fc.assert(
      fc.asyncProperty(quoteParts, async (p) => {
        const out = await askCommand.run(sentence(p), ctx);
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const [first] = out.reply.data.calculations as {
          result: { scenarios: { annual: { minor: number } }[] };
        }[];
        const priceMinor = p.pounds * 100 + p.pence;
        // monthly: seats × price × 12; yearly: seats × price (in pence)
        const expected = p.seats * priceMinor * (p.monthly ? 12 : 1);
        expect(first?.result.scenarios[0]?.annual.minor).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});
