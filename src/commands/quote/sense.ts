/**
 * From what the patterns found to a quote the calculators can trust, or questions back. The rules
 * that decide between a figure and a question live here, each stated once:
 *
 * - A unit price above £1,000 per agent per month (or £12,000 a year) is not an ITSM agent price:
 *   it is a question ("is £1.2m the price per agent?"), never multiplied out.
 * - A price with no period is per agent per month when it is at most £250 (every agent price we
 *   have seen), and the reply says so; between £250 and £12,000 it could be either, so we ask.
 * - A total smaller than £1 per agent per month of the term reads like a unit price: we ask.
 * - Two terms, two seat counts or two currencies that disagree: we ask which.
 */
import type { Issue } from "../../core/result.js";
import type { Unused } from "./claims.js";
import type { Draft } from "./draft.js";
import { type QuoteMoney, roughValue, showMoney } from "./money-text.js";
import type { Period, Quote, QuoteReading, SeatLine } from "./quote.js";

export const MAX_UNIT_PRICE: Readonly<Record<Period, number>> = { month: 1000, year: 12000 };
/** The largest price without a period that is read as monthly rather than asked about. */
export const ASSUME_MONTHLY_UP_TO = 250;
/** Terms the renewal calculator projects. */
const MAX_YEARS = 10;

interface Extra {
  readonly notQuote: readonly Unused[];
  readonly unused: readonly Unused[];
  readonly currencies: readonly string[];
}

function question(code: string, message: string, hint: string): Issue {
  return { code: `quote.${code}`, message, hint };
}

const perSeat = (p: Period | undefined) => (p === "year" ? "/agent/year" : "/agent/month");

/** The one unit price per line the calculators get, or a question about it. */
function checkPrice(line: SeatLine, assumed: string[], questions: Issue[]): SeatLine {
  const value = roughValue(line.price);
  const shown = showMoney(line.price);
  if (line.period !== undefined) {
    if (value > MAX_UNIT_PRICE[line.period]) {
      questions.push(
        question(
          "implausible_price",
          `${shown} per agent per ${line.period} is far above any agent price I know, so I have not multiplied it out. Is ${shown} the total for all ${line.quantity} seats, or for the whole term?`,
          `say which, e.g. "${shown} for 3 years" for a term total, or give the price per agent such as "£62 per agent per month"`,
        ),
      );
    }
    return line;
  }
  if (value <= ASSUME_MONTHLY_UP_TO) {
    assumed.push(
      `${shown} is per agent per month: the quote did not say, and that is how agent prices are usually given. Write "${shown} a year" if it is annual.`,
    );
    return { ...line, period: "month" };
  }
  if (value <= MAX_UNIT_PRICE.year) {
    questions.push(
      question(
        "period_unclear",
        `Is ${shown} per agent per month or per agent per year? The quote does not say, and at ${shown} either is possible.`,
        `add the period, e.g. "${shown} per agent per year" or "${shown} pm"`,
      ),
    );
    return line;
  }
  questions.push(
    question(
      "implausible_price",
      `${shown} per agent is far above any agent price I know, so I have not multiplied it out. Is ${shown} a total?`,
      `write a total with its term, e.g. "${shown} for 3 years", or give the price per agent such as "£62 per agent per month"`,
    ),
  );
  return line;
}

function oneTerm(d: Draft, questions: Issue[]): number | undefined {
  const years = new Set(d.terms);
  for (const months of d.monthTerms) {
    if (months % 12 === 0) years.add(months / 12);
    else {
      questions.push(
        question(
          "term_months",
          `A ${months}-month term is not a whole number of years, and renewal terms are priced by the year.`,
          "give the term in years, e.g. 3 years or 36 months",
        ),
      );
    }
  }
  if (years.size > 1) {
    questions.push(
      question(
        "term_conflict",
        `The quote gives more than one term (${[...years].map((y) => `${y} years`).join(", ")}): which one is it?`,
        "keep one term, e.g. 3 years",
      ),
    );
    return undefined;
  }
  const [only] = [...years];
  if (only !== undefined && (only < 1 || only > MAX_YEARS)) {
    questions.push(
      question(
        "term_range",
        `A ${only}-year term is outside the 1 to ${MAX_YEARS} years I can project.`,
        "give a term from 1 to 10 years",
      ),
    );
    return undefined;
  }
  return only;
}

/** Pairs a lone seat count with a lone price (or asks), when no "N agents at £X" line was found. */
function pairSeatsAndPrice(d: Draft, assumed: string[], questions: Issue[]): SeatLine[] {
  if (d.lines.length > 0) return d.lines;
  const counts = [...new Set(d.seatCounts.map((s) => s.quantity))];
  const prices = d.prices;
  const seats = d.seatCounts[0];
  if (
    prices.length === 0 &&
    d.bareAmounts.length === 1 &&
    seats &&
    d.periodTotals.length === 0 &&
    d.termTotals.length === 0 &&
    !d.tiers
  ) {
    const price = d.bareAmounts.shift() as QuoteMoney; // length checked just above
    prices.push({ money: price, perSeat: false });
  }
  if (prices.length === 0 || !seats || d.tiers) return [];
  if (counts.length > 1) {
    questions.push(
      question(
        "seats_conflict",
        `The quote gives more than one seat count (${counts.join(", ")}): which one is priced?`,
        'say e.g. "260 agents at £62 per agent per month"',
      ),
    );
    return [];
  }
  const seatPrices = prices.filter(
    (p) => p.perSeat || p.period === undefined || roughValue(p.money) <= MAX_UNIT_PRICE[p.period],
  );
  if (seatPrices.length > 1) {
    questions.push(
      question(
        "price_conflict",
        `The quote gives more than one price (${seatPrices.map((p) => showMoney(p.money)).join(", ")}): which one is per agent?`,
        'say e.g. "260 agents at £62 per agent per month"',
      ),
    );
    return [];
  }
  const price = seatPrices[0];
  // A periodic amount too big to be per agent ("260 agents, £16,120 a month") is the whole bill.
  for (const p of prices) {
    if (p !== price && p.period) d.periodTotals.push({ money: p.money, period: p.period });
  }
  if (!price) return [];
  if (!price.perSeat && price.period) {
    assumed.push(
      `${showMoney(price.money)} a ${price.period} is per agent: the quote did not say "per agent", and it is too small to be the bill for ${seats.quantity} seats.`,
    );
  }
  return [
    {
      quantity: seats.quantity,
      type: seats.type,
      typeStated: seats.typed,
      price: price.money,
      ...(price.period ? { period: price.period } : {}),
    },
  ];
}

function policyPhrases(q: Draft, assumed: string[]): string[] {
  const out: string[] = [];
  if (q.list) out.push(`${q.list}% a year uplift`);
  if (q.cap) out.push(`${q.cap}% a year cap`);
  if (q.lesserOf) out.push(`lesser of CPI and ${q.lesserOf}%`);
  if (q.greaterOf) out.push(`greater of CPI and ${q.greaterOf}%`);
  if (q.cpi && q.cpi.length > 0) out.push(`CPI ${q.cpi.map((c) => `${c}%`).join(", ")}`);
  if (q.floor) out.push(`${q.floor}% floor`);
  if (q.discount) out.push(`${q.discount}% discount`);
  if (q.lesserOf && !(q.cpi && q.cpi.length > 0)) {
    assumed.push(
      `No CPI figures were given, so the lesser of CPI and ${q.lesserOf}% is shown at its worst case: ${q.lesserOf}% every year.`,
    );
  }
  return out;
}

function cpiSeries(d: Draft, years: number | undefined, assumed: string[]): string[] | undefined {
  if (!d.cpi || d.cpi.length === 0 || years === undefined) return d.cpi;
  const [first] = d.cpi;
  if (d.cpi.length === 1 && first !== undefined && years > 2) {
    assumed.push(`CPI ${first}% is used for every year of the term: one figure was given.`);
    return Array.from({ length: years - 1 }, () => first);
  }
  return d.cpi;
}

export function checkQuote(d: Draft, extra: Extra): QuoteReading {
  const assumed: string[] = [];
  const questions: Issue[] = [];
  const unused: Unused[] = [...extra.unused];
  const years = oneTerm(d, questions);
  // No seats anywhere: "£2,500 a month" is what the whole subscription costs, not a unit price.
  if (d.seatCounts.length === 0 && d.lines.length === 0 && !d.tiers) {
    for (const p of d.prices.filter((p) => !p.perSeat && p.period)) {
      if (p.period) d.periodTotals.push({ money: p.money, period: p.period });
    }
    d.prices = d.prices.filter((p) => p.perSeat || !p.period);
  }
  const lineCounts = new Set(d.lines.map((l) => l.quantity));
  const strayCounts = d.seatCounts.filter((s) => d.lines.length > 0 && !lineCounts.has(s.quantity));
  if (strayCounts.length > 0) {
    const counts = [...new Set([...lineCounts, ...strayCounts.map((s) => s.quantity)])];
    questions.push(
      question(
        "seats_conflict",
        `The quote gives more than one seat count (${counts.join(", ")}): which one is priced?`,
        'say e.g. "260 agents at £62 per agent per month"',
      ),
    );
  }
  const lines = pairSeatsAndPrice(d, assumed, questions).map((l) =>
    checkPrice(l, assumed, questions),
  );
  const seats =
    d.seatCounts[0] ??
    (lines.length === 1 && lines[0]
      ? { quantity: lines[0].quantity, type: lines[0].type }
      : undefined);
  const hasPolicy = Boolean(
    d.list || d.cap || d.lesserOf || d.greaterOf || (d.cpi && d.cpi.length > 0),
  );
  const periodTotal = d.periodTotals[0];
  const termTotal = d.termTotals[0];
  const impl = d.implementation;
  const hasImplementation = impl.fixed !== undefined || impl.dayRate !== undefined;

  // An amount with no label and no seats: the annual base of a renewal question, when there is one.
  let base = periodTotal;
  for (const amount of d.bareAmounts) {
    if (!base && lines.length === 0 && !d.tiers && years !== undefined && hasPolicy) {
      base = { money: amount, period: "year" };
      assumed.push(
        `${showMoney(amount)} is the year-1 annual amount: the quote did not say a month or a year.`,
      );
    } else {
      unused.push({
        text: amount.text,
        why: "an amount I could not place: not a price per agent, a total or a fee",
      });
    }
  }
  for (const extraTotal of d.periodTotals.slice(1)) {
    unused.push({ text: extraTotal.money.text, why: "a second total; only the first is used" });
  }
  for (const extraTotal of d.termTotals.slice(1)) {
    unused.push({
      text: extraTotal.money.text,
      why: "a second term total; only the first is used",
    });
  }

  const isQuote =
    lines.length > 0 ||
    d.prices.length > 0 ||
    d.tiers !== undefined ||
    termTotal !== undefined ||
    hasImplementation ||
    (base !== undefined && (years !== undefined || hasPolicy));
  if (!isQuote) {
    return {
      quote: { lines: [] },
      read: [],
      assumed,
      unused,
      notQuote: extra.notQuote,
      questions: [],
      isQuote: false,
    };
  }

  if (extra.currencies.length > 1) {
    questions.push(
      question(
        "currency_mixed",
        `The quote has amounts in ${extra.currencies.join(" and ")}: which currency is the deal in?`,
        "use one currency for every amount",
      ),
    );
  }
  if (d.tiers && !seats) {
    questions.push(
      question(
        "tiers_no_seats",
        "I read a tier list but no seat count: how many seats are priced?",
        'add e.g. "240 agents"',
      ),
    );
  }
  if (lines.length === 0 && d.prices.length > 0 && !seats && !d.tiers) {
    questions.push(
      question(
        "no_seats",
        `I read a price of ${d.prices.map((p) => showMoney(p.money)).join(", ")} but no number of seats: how many agents is it for?`,
        'add e.g. "260 agents"',
      ),
    );
  }
  if (hasPolicy && years === undefined && questions.length === 0) {
    questions.push(
      question(
        "term_missing",
        "I read an uplift or cap but no term: how many years does the quote run?",
        'add e.g. "3 year term"',
      ),
    );
  }
  if (d.greaterOf && !(d.cpi && d.cpi.length > 0)) {
    questions.push(
      question(
        "cpi_missing",
        `The greater of CPI and ${d.greaterOf}% has no ceiling, so I need CPI figures to price it: what CPI should I use for each year after the first?`,
        'add e.g. "CPI 4.1%, 3.2%"',
      ),
    );
  }
  if (termTotal && lines.length === 0 && !base && !d.tiers) {
    const seatCount = seats?.quantity;
    const months = (termTotal.years ?? years ?? 1) * 12;
    const readsLikeUnitPrice =
      seatCount !== undefined && roughValue(termTotal.money) < seatCount * months;
    questions.push(
      readsLikeUnitPrice
        ? question(
            "total_looks_like_unit_price",
            `${showMoney(termTotal.money)} as the total for ${seatCount} seats would be under £1 per agent a month: is ${showMoney(termTotal.money)} the price per agent?`,
            `write e.g. "${seatCount} agents at ${showMoney(termTotal.money)} per agent per month"`,
          )
        : question(
            "total_only",
            `I read ${showMoney(termTotal.money)} as the total for ${termTotal.years ?? years ?? "the"} ${(termTotal.years ?? years) ? "years" : "term"}, not a price per agent. To work the figures out I need the price per agent or the year-1 annual amount.`,
            'add e.g. "£62 per agent per month" or "£193,440 a year"',
          ),
    );
  }
  if (lines[0] && termTotal && seats) {
    const months = (termTotal.years ?? years ?? 1) * 12;
    if (roughValue(termTotal.money) < seats.quantity * months) {
      questions.push(
        question(
          "total_looks_like_unit_price",
          `${showMoney(termTotal.money)} as the total for ${seats.quantity} seats would be under £1 per agent a month: is it a price per agent?`,
          'give the total with its term, e.g. "£609,819.60 for 3 years"',
        ),
      );
    }
  }

  const cpi = cpiSeries(d, years, assumed);
  const read: string[] = [];
  for (const l of lines) {
    const type = l.typeStated ? `${l.type} ` : "";
    read.push(`${l.quantity} ${type}seats`, `${showMoney(l.price)}${perSeat(l.period)}`);
  }
  if (lines.length === 0 && seats) read.push(`${seats.quantity} seats`);
  if (d.tiers) read.push(`tiers ${d.tiers.join(", ")}`);
  if (base) read.push(`${showMoney(base.money)} a ${base.period}`);
  if (years !== undefined) read.push(`${years} year${years === 1 ? "" : "s"}`);
  read.push(...policyPhrases(d, assumed));
  if (termTotal)
    read.push(
      `quoted total ${showMoney(termTotal.money)}${termTotal.years ? ` for ${termTotal.years} years` : ""}`,
    );
  for (const f of d.yearFigures) read.push(`quoted year ${f.year} ${showMoney(f.money)}`);
  if (d.active !== undefined) read.push(`${d.active} active`);
  if (impl.fixed) read.push(`implementation ${showMoney(impl.fixed)}`);
  if (impl.days !== undefined && impl.dayRate)
    read.push(`${impl.days} days at ${showMoney(impl.dayRate)} a day`);
  if (impl.overrun) read.push(`overrun ${impl.overrun}`);

  const quote: Quote = {
    lines,
    ...(seats ? { seats: { quantity: seats.quantity, type: seats.type } } : {}),
    ...(years !== undefined ? { years } : {}),
    ...(d.list ? { list: d.list } : {}),
    ...(d.cap ? { cap: d.cap } : {}),
    ...(d.lesserOf ? { lesserOf: d.lesserOf } : {}),
    ...(d.greaterOf ? { greaterOf: d.greaterOf } : {}),
    ...(d.floor ? { floor: d.floor } : {}),
    ...(d.discount ? { discount: d.discount } : {}),
    ...(cpi && cpi.length > 0 ? { cpi } : {}),
    ...(d.tiers ? { tiers: d.tiers } : {}),
    ...(base ? { periodTotal: base } : {}),
    ...(termTotal ? { termTotal } : {}),
    ...(hasImplementation || impl.overrun ? { implementation: impl } : {}),
    ...(d.yearFigures.length > 0 ? { yearFigures: d.yearFigures } : {}),
    ...(d.active !== undefined ? { active: d.active } : {}),
    ...(extra.currencies.length === 1 ? { currency: extra.currencies[0] } : {}),
  };
  return { quote, read, assumed, unused, notQuote: extra.notQuote, questions, isQuote: true };
}
