/**
 * A vendor's quote pasted as prose (`Rival: 260 agents at £62 per agent per month, 3 year term,
 * 5% annual uplift, implementation £12,000`), read by the quote reader (commands/quote/) when the
 * compare grammar can't read it. Only what a like-for-like comparison can use is taken: the
 * per-seat prices, tiers, term, uplift rule and a fixed implementation price. The quote's own seat
 * count is not used (every quote is priced on the same usage) and the reply says so; anything the
 * reader could not place, or a figure compare cannot price (a total, T&M days, a discount), is
 * refused rather than left out.
 */
import { parseDecimal, type Ratio } from "../../core/ratio.js";
import { all, fail, failAll, ok, type Result } from "../../core/result.js";
import type { TypedAmount } from "../grammar/amounts.js";
import { parsePercent } from "../grammar/amounts.js";
import { parseTierList } from "../grammar/tier-list.js";
import type { QuoteMoney } from "../quote/money-text.js";
import type { Quote } from "../quote/quote.js";
import { readQuote } from "../quote/read.js";
import type { PriceWords, QuoteWords, UpliftWords } from "./quote-words.js";

function amountOf(m: QuoteMoney, period: "month" | "year" | undefined): TypedAmount {
  const value = parseDecimal(m.amount);
  if (!value) throw new RangeError(`quote reader amount ${m.amount} is not a decimal`);
  return { value, ...(period ? { period } : {}), text: m.text };
}

function refuse(vendor: string, what: string): Result<never> {
  return fail(
    "compare.pasted_unpriceable",
    `${vendor}'s quote gives ${what}, which I can't price like for like`,
    "give per-seat prices: named £70, concurrent £140 (or tiers), with the term, uplift and implementation",
  );
}

function uplift(vendor: string, q: Quote): Result<UpliftWords> {
  const parts: [keyof UpliftWords, string | undefined][] = [
    ["list", q.list],
    ["cap", q.cap],
    ["lesser", q.lesserOf],
    ["greater", q.greaterOf],
    ["floor", q.floor],
  ];
  const out: Record<string, Ratio | readonly Ratio[]> = {};
  for (const [key, text] of parts) {
    if (text === undefined) continue;
    const r = parsePercent(text, `${vendor}'s ${key}`);
    if (!r.ok) return r;
    out[key] = r.value;
  }
  if (q.cpi) {
    const cpi = all(q.cpi.map((c) => parsePercent(c, `${vendor}'s CPI value`)));
    if (!cpi.ok) return cpi;
    out.cpi = cpi.value;
  }
  return ok(out as UpliftWords);
}

function prices(vendor: string, q: Quote): Result<{ named?: PriceWords; concurrent?: PriceWords }> {
  const out: { named?: PriceWords; concurrent?: PriceWords } = {};
  for (const line of q.lines) {
    if (out[line.type]) {
      return fail(
        "compare.pasted_two_prices",
        `${vendor}'s quote gives two ${line.type} prices`,
        "give one price per licence type, or its tiers: named 1-99@75, 100-249@70, 250+@62",
      );
    }
    out[line.type] = { kind: "flat", amount: amountOf(line.price, line.period) };
  }
  if (q.tiers && q.tiers.length > 0) {
    const type = q.seats?.type ?? "named";
    if (out[type]) {
      return fail(
        "compare.pasted_two_prices",
        `${vendor}'s quote gives both a ${type} price and tiers`,
        "give one of them",
      );
    }
    const tiers = parseTierList(q.tiers.join(", "));
    if (!tiers.ok) return tiers;
    out[type] = { kind: "tiers", tiers: tiers.value };
  }
  return ok(out);
}

export interface PastedQuote {
  readonly words: QuoteWords;
  /** What was read and what of it was not used, for the reply's notes. */
  readonly notes: readonly string[];
}

/** The quote read as prose, or undefined when the reader finds no per-seat quote in it. */
export function readPastedQuote(vendor: string, text: string): Result<PastedQuote> | undefined {
  const reading = readQuote(text);
  if (!reading.isQuote) return undefined;
  if (reading.questions.length > 0) {
    return failAll(reading.questions.map((i) => ({ ...i, message: `${vendor}: ${i.message}` })));
  }
  if (reading.unused.length > 0) {
    const list = reading.unused.map((u) => `"${u.text}" (${u.why})`).join(", ");
    return fail(
      "compare.pasted_unused",
      `in ${vendor}'s quote I couldn't place ${list}`,
      "give that figure in the compare form (named £70 3y uplift 5% impl £12,000), or leave it out",
    );
  }
  const q = reading.quote;
  // No per-seat price at all: not a pasted quote after all, so the grammar's own error stands.
  if (q.lines.length === 0 && (q.tiers ?? []).length === 0) return undefined;
  if (q.periodTotal || q.termTotal) return refuse(vendor, "a total rather than per-seat prices");
  if (q.implementation?.days !== undefined || q.implementation?.dayRate !== undefined) {
    return refuse(
      vendor,
      "time-and-materials implementation (use impl for that; give compare the price)",
    );
  }
  if (q.discount !== undefined) return refuse(vendor, `a ${q.discount}% multi-year discount`);
  const priced = prices(vendor, q);
  if (!priced.ok) return priced;
  const rule = uplift(vendor, q);
  if (!rule.ok) return rule;
  const notes = [`Read from ${vendor}'s pasted quote: ${reading.read.join(", ")}.`];
  const seats = q.seats?.quantity ?? q.lines[0]?.quantity;
  if (seats !== undefined) {
    notes.push(
      `${vendor}'s quote is for ${seats} seats; like every quote it is priced on the shared usage instead.`,
    );
  }
  if (q.active !== undefined) notes.push(`${vendor}'s ${q.active} active users are not used here.`);
  notes.push(...reading.assumed.map((a) => `${vendor}: ${a}`));
  const fixed = q.implementation?.fixed;
  return ok({
    words: {
      name: vendor,
      ...priced.value,
      ...(q.years !== undefined ? { term: q.years } : {}),
      uplift: rule.value,
      ...(fixed ? { implementation: amountOf(fixed, undefined) } : {}),
      fees: [],
      codes: q.currency ? [q.currency] : [],
      modes: [],
    },
    notes,
  });
}
