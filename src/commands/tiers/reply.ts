/**
 * The reply of `tiers`: the sentence to say (a rate to ask for, a buy-up that pays, or where the
 * quantity sits), the price book and the options as tables, and the working behind every figure.
 */
import { formatMoney, type Money, moneyJson, negate, times } from "../../core/money.js";
import type { TierForecast, TierPosition } from "../../core/tier-forecast.js";
import {
  askBands,
  type BandCost,
  bandCosts,
  type MonthAndYear,
  type PriceBook,
  ratesFall,
  type Tier,
  tierLabel,
} from "../../core/tiers.js";
import { column, type Reply, type Table } from "../reply.js";

export interface TiersAnalysis {
  readonly position: TierPosition;
  readonly forecast?: TierForecast;
  /** What the text did not say and was assumed; each assumption becomes a note. */
  readonly assumed: {
    readonly mode: boolean;
    readonly currency: boolean;
    readonly period: boolean;
  };
}

const counts = new Intl.NumberFormat("en-GB");
const count = (n: number): string => counts.format(n);
const seats = (n: number): string => `${count(n)} ${n === 1 ? "seat" : "seats"}`;
const months = (n: number): string => `${n} ${n === 1 ? "month" : "months"}`;
const money = (m: Money): string => formatMoney(m);

function rateText(rate: Money, book: PriceBook): string {
  return book.period === "month" ? money(rate) : `${money(rate)}/yr`;
}

/** "£16,800 a month (£201,600 a year)", led by the period the rates were given in. */
function costPhrase(both: MonthAndYear, book: PriceBook): string {
  return book.period === "month"
    ? `${money(both.monthly)} a month (${money(both.annual)} a year)`
    : `${money(both.annual)} a year (${money(both.monthly)} a month)`;
}

/** The saving in the book's own period: "$250 a month", "£3,000 a year". */
function periodAmount(both: MonthAndYear, book: PriceBook): string {
  return book.period === "month"
    ? `${money(both.monthly)} a month`
    : `${money(both.annual)} a year`;
}

function positionSentence(p: TierPosition): string {
  const { book } = p;
  const own = p.bands[p.bands.length - 1] as BandCost;
  const rate = `the ${tierLabel(p.tier)} rate of ${rateText(p.tier.rate, book)}`;
  const where = p.bands.length > 1 ? `, the last ${count(own.seats)} at ${rate}` : ` at ${rate}`;
  const verb = p.quantity === 1 ? "costs" : "cost";
  const after = p.nextBreak
    ? `the ${tierLabel(p.nextBreak.tier)} break is ${seats(p.nextBreak.seatsAway)} away`
    : "that is the top tier";
  return `${seats(p.quantity)} ${verb} ${costPhrase(p, book)}${where}; ${after}.`;
}

function buyUpSentence(p: TierPosition): string | undefined {
  const nb = p.nextBreak;
  if (!nb?.buyUpCheaper) return undefined;
  const { book } = p;
  return `Buy up: ${seats(nb.tier.from)} at ${rateText(nb.tier.rate, book)} cost ${periodAmount(nb.buyUpSaving, book)} less than ${count(p.quantity)} at ${rateText(p.tier.rate, book)}.`;
}

function forecastSentence(f: TierForecast, p: TierPosition): string {
  const { book } = p;
  const within = f.withinMonths === undefined ? "" : ` within ${months(f.withinMonths)}`;
  const label = tierLabel(f.tier);
  const start = `Your forecast of ${count(f.quantity)}`;
  if (!f.crossesBreak) {
    return `${start} stays in the ${label} tier${within}, so growth alone gives no break to ask for.`;
  }
  if (!f.recommend) {
    return `${start} reaches the ${label} tier${within}, but its rate of ${rateText(f.tier.rate, book)} is not lower than today's ${rateText(p.tier.rate, book)}: nothing to ask for.`;
  }
  const band = book.mode === "graduated" ? ` on your ${tierLabel(p.tier)} band` : "";
  return `${start} reaches the ${label} break${within}: ask for ${rateText(f.tier.rate, book)}${band} now; on ${seats(p.quantity)} that is ${money(f.saving.annual)} a year.`;
}

/** The headline first; the other key sentences lead the notes so nothing said is lost. */
function sentences(a: TiersAnalysis): { headline: string; others: string[] } {
  const p = a.position;
  const ordered = [
    a.forecast?.recommend ? forecastSentence(a.forecast, p) : undefined,
    buyUpSentence(p),
    positionSentence(p),
    a.forecast && !a.forecast.recommend ? forecastSentence(a.forecast, p) : undefined,
  ].filter((s): s is string => s !== undefined);
  const [headline, ...others] = ordered;
  return { headline: headline ?? positionSentence(p), others };
}

function bookTable(p: TierPosition): Table {
  const { book } = p;
  const per = book.period === "month" ? "mo" : "yr";
  const used = new Map(p.bands.map((b) => [b.tier, b]));
  const rows = book.tiers.map((t) => {
    const b = used.get(t);
    return [tierLabel(t), rateText(t.rate, book), b ? count(b.seats) : "", b ? money(b.cost) : ""];
  });
  if (p.bands.length > 1) rows.push(["total", "", count(p.quantity), money(p.cost)]);
  return {
    title: `Price book (${book.mode}, per user per ${book.period})`,
    columns: [
      column("tier"),
      column(`rate/${per}`, "right"),
      column("seats", "right"),
      column(`cost/${per}`, "right"),
    ],
    rows,
  };
}

function optionRow(name: string, quantity: number, cost: MonthAndYear, saving?: MonthAndYear) {
  return [
    name,
    count(quantity),
    money(cost.monthly),
    money(cost.annual),
    saving ? money(saving.monthly) : "",
    saving ? money(saving.annual) : "",
  ];
}

function optionsTable(a: TiersAnalysis): Table | undefined {
  const p = a.position;
  const nb = p.nextBreak;
  const f = a.forecast?.crossesBreak ? a.forecast : undefined;
  if (!nb && !f) return undefined;
  const rows = [optionRow(`stay at ${count(p.quantity)}`, p.quantity, p)];
  if (nb) {
    rows.push(optionRow(`ask: ${tierLabel(nb.tier)} rate now`, p.quantity, nb.ask, nb.askSaving));
    rows.push(
      optionRow(`buy up to ${count(nb.tier.from)}`, nb.tier.from, nb.buyUp, nb.buyUpSaving),
    );
  }
  if (f && f.tierIndex !== nb?.tierIndex) {
    rows.push(optionRow(`ask: ${tierLabel(f.tier)} rate now`, p.quantity, f.ask, f.saving));
  }
  return {
    title: "Options (saving against staying; negative costs more)",
    columns: [
      column("option"),
      column("seats", "right"),
      column("monthly", "right"),
      column("annual", "right"),
      column("saving/mo", "right"),
      column("saving/yr", "right"),
    ],
    rows,
  };
}

/** "99 × £75 + 141 × £70 = £17,295 a month" and the conversion to the other period. */
function costWorking(
  what: string,
  bands: readonly BandCost[],
  both: MonthAndYear,
  book: PriceBook,
): string[] {
  const expression = bands.map((b) => `${count(b.seats)} × ${money(b.rate)}`).join(" + ");
  if (book.period === "month") {
    return [
      `${what}: ${expression} = ${money(both.monthly)} a month`,
      `${what}: ${money(both.monthly)} × 12 = ${money(both.annual)} a year`,
    ];
  }
  return [
    `${what}: ${expression} = ${money(both.annual)} a year`,
    `${what}: ${money(both.annual)} ÷ 12 = ${money(both.monthly)} a month (rounded to the ${book.currency} minor unit)`,
  ];
}

function savingWorking(what: string, from: MonthAndYear, to: MonthAndYear, saving: MonthAndYear) {
  return `${what}: ${money(from.monthly)} − ${money(to.monthly)} = ${money(saving.monthly)} a month; ${money(from.annual)} − ${money(to.annual)} = ${money(saving.annual)} a year`;
}

function buyUpPointWorking(p: TierPosition): string[] {
  const nb = p.nextBreak;
  if (nb?.buyUpPoint === undefined) return [];
  const point = nb.buyUpPoint;
  const target = times(nb.tier.rate, nb.tier.from);
  const at = (n: number) => `${count(n)} × ${money(p.tier.rate)} = ${money(times(p.tier.rate, n))}`;
  const lines = [
    `buy-up point ${count(point)}: ${at(point)} ≥ ${count(nb.tier.from)} × ${money(nb.tier.rate)} = ${money(target)}`,
  ];
  if (point > p.tier.from)
    lines.push(`buy-up point: one seat fewer, ${at(point - 1)} < ${money(target)}`);
  return lines;
}

function working(a: TiersAnalysis): string[] {
  const p = a.position;
  const { book } = p;
  const lines = costWorking(`${seats(p.quantity)}`, p.bands, p, book);
  const nb = p.nextBreak;
  if (nb) {
    const ask = askBands(book, p.quantity, p.tierIndex, nb.tierIndex);
    lines.push(...costWorking(`ask at the ${tierLabel(nb.tier)} rate`, ask, nb.ask, book));
    lines.push(savingWorking("ask saving", p, nb.ask, nb.askSaving));
    const up = bandCosts(book, nb.tier.from, nb.tierIndex);
    lines.push(...costWorking(`buy up to ${count(nb.tier.from)}`, up, nb.buyUp, book));
    lines.push(savingWorking("buy-up saving", p, nb.buyUp, nb.buyUpSaving));
    lines.push(...buyUpPointWorking(p));
  }
  const f = a.forecast;
  if (f) {
    lines.push(`forecast: ${seats(f.quantity)} fall in the ${tierLabel(f.tier)} tier`);
    if (f.crossesBreak && f.tierIndex !== nb?.tierIndex) {
      const ask = askBands(book, p.quantity, p.tierIndex, f.tierIndex);
      lines.push(...costWorking(`ask at the ${tierLabel(f.tier)} rate`, ask, f.ask, book));
      lines.push(savingWorking("forecast ask saving", p, f.ask, f.saving));
    } else if (f.crossesBreak) {
      lines.push(
        `forecast: the ${tierLabel(f.tier)} rate is the ask above, saving ${money(f.saving.annual)} a year`,
      );
    }
  }
  return lines;
}

function buyUpNote(p: TierPosition): string | undefined {
  const nb = p.nextBreak;
  if (!nb) return undefined;
  const { book } = p;
  const label = tierLabel(p.tier);
  if (book.mode === "graduated") {
    return "Under graduated pricing buying up never costs less: each extra seat adds its band's rate.";
  }
  const point = nb.buyUpPoint;
  if (point === undefined) {
    return `Buying up to ${count(nb.tier.from)} costs more than staying anywhere in ${label}.`;
  }
  if (nb.buyUpCheaper) {
    return `The buy-up point is ${seats(point)}: from there, buying up to ${count(nb.tier.from)} costs no more than staying.`;
  }
  if (p.quantity >= point) {
    return `Buying up to ${count(nb.tier.from)} costs the same as staying at ${count(p.quantity)}: ${seats(nb.seatsAway)} more for nothing.`;
  }
  return `From ${seats(point)}, buying up to ${count(nb.tier.from)} costs no more than staying; at ${count(p.quantity)} it costs ${periodAmount(negateBoth(nb.buyUpSaving), book)} more.`;
}

function negateBoth(both: MonthAndYear): MonthAndYear {
  return { monthly: negate(both.monthly), annual: negate(both.annual) };
}

function notes(a: TiersAnalysis, others: readonly string[]): string[] {
  const p = a.position;
  const { book } = p;
  const nb = p.nextBreak;
  const first = book.tiers[0] as Tier;
  const result = [...others];
  if (a.assumed.mode) {
    result.push(
      "Mode all-units assumed: every seat is priced at the rate of the tier reached; add `graduated` if each band has its own rate.",
    );
  }
  if (a.assumed.period) result.push("Rates are per user per month (none was written /yr).");
  if (a.assumed.currency) {
    result.push(
      `Currency ${book.currency} assumed; add a code such as USD or a £, $ or € sign to change it.`,
    );
  }
  if (nb && book.mode === "graduated") {
    const own = p.bands[p.bands.length - 1] as BandCost;
    result.push(
      `Under graduated pricing the ask prices your ${tierLabel(p.tier)} band (${seats(own.seats)}) at the ${tierLabel(nb.tier)} rate; lower bands keep their rates.`,
    );
  }
  const buyUp = buyUpNote(p);
  if (buyUp) result.push(buyUp);
  if (!ratesFall(book)) result.push("The rates do not fall at every break; check the price book.");
  if (first.from > 1) {
    result.push(`The price book starts at ${seats(first.from)} (a minimum purchase).`);
  }
  return result;
}

function bookText(book: PriceBook): string {
  const suffix = book.period === "year" ? "/yr" : "";
  return book.tiers
    .map((t) => `${tierLabel(t)} @ ${moneyJson(t.rate).amount.replace(/\.0+$/, "")}${suffix}`)
    .join(", ");
}

function nextSteps(a: TiersAnalysis): string[] {
  const p = a.position;
  const { book } = p;
  const other = book.mode === "all-units" ? "graduated" : "all-units";
  const base = (q: number, mode: string) =>
    `tiers ${q} --tiers "${bookText(book)}" --mode ${mode} --currency ${book.currency}`;
  const next: string[] = [];
  const nb = p.nextBreak;
  if (nb && !a.forecast)
    next.push(`${base(p.quantity, book.mode)} --forecast ${nb.tier.from} --within 12`);
  next.push(base(p.quantity, other));
  if (nb) next.push(base(nb.tier.from, book.mode));
  return next.slice(0, 3);
}

function tierJson(t: Tier) {
  return { from: t.from, to: t.to ?? null, rate: moneyJson(t.rate), label: tierLabel(t) };
}

/**
 * The `data` contract of `tiers` (amounts are MoneyJson: { currency, minor, amount, text }):
 * - currency, mode ("all-units" | "graduated"), period ("month" | "year": the rates' period),
 *   quantity (seats priced today);
 * - tiers: [{ from, to (null when open), rate, label }]; current: the quantity's tier, same shape;
 * - monthly, annual: today's cost; bands: [{ from, to, seats, rate, cost }] the bands carrying it
 *   (one under all-units), cost per period;
 * - nextBreak (absent in the last tier): { from, to, label, rate, seatsAway,
 *   askMonthly, askAnnual, askSavingMonthly, askSavingAnnual (the next rate granted without buying
 *   up; under graduated it prices the current band at that rate),
 *   buyUpMonthly, buyUpAnnual, buyUpSavingMonthly, buyUpSavingAnnual (negative: buying up costs
 *   more), buyUpCheaper, buyUpPoint? (all-units only: the smallest quantity from which buying up
 *   costs no more) };
 * - forecast (when asked): { quantity, withinMonths (null when not given), tier, crossesBreak,
 *   askMonthly, askAnnual, savingMonthly, savingAnnual, recommend, sentence };
 * - assumed: { mode, currency, period } — true where the text did not say and a default was used.
 */
export function tiersData(a: TiersAnalysis): Record<string, unknown> {
  const p = a.position;
  const { book } = p;
  const nb = p.nextBreak;
  const f = a.forecast;
  return {
    currency: book.currency,
    mode: book.mode,
    period: book.period,
    quantity: p.quantity,
    tiers: book.tiers.map(tierJson),
    current: tierJson(p.tier),
    monthly: moneyJson(p.monthly),
    annual: moneyJson(p.annual),
    bands: p.bands.map((b) => ({
      from: b.tier.from,
      to: b.tier.to ?? null,
      seats: b.seats,
      rate: moneyJson(b.rate),
      cost: moneyJson(b.cost),
    })),
    ...(nb
      ? {
          nextBreak: {
            ...tierJson(nb.tier),
            seatsAway: nb.seatsAway,
            askMonthly: moneyJson(nb.ask.monthly),
            askAnnual: moneyJson(nb.ask.annual),
            askSavingMonthly: moneyJson(nb.askSaving.monthly),
            askSavingAnnual: moneyJson(nb.askSaving.annual),
            buyUpMonthly: moneyJson(nb.buyUp.monthly),
            buyUpAnnual: moneyJson(nb.buyUp.annual),
            buyUpSavingMonthly: moneyJson(nb.buyUpSaving.monthly),
            buyUpSavingAnnual: moneyJson(nb.buyUpSaving.annual),
            buyUpCheaper: nb.buyUpCheaper,
            ...(nb.buyUpPoint === undefined ? {} : { buyUpPoint: nb.buyUpPoint }),
          },
        }
      : {}),
    ...(f
      ? {
          forecast: {
            quantity: f.quantity,
            withinMonths: f.withinMonths ?? null,
            tier: tierJson(f.tier),
            crossesBreak: f.crossesBreak,
            askMonthly: moneyJson(f.ask.monthly),
            askAnnual: moneyJson(f.ask.annual),
            savingMonthly: moneyJson(f.saving.monthly),
            savingAnnual: moneyJson(f.saving.annual),
            recommend: f.recommend,
            sentence: forecastSentence(f, p),
          },
        }
      : {}),
    assumed: { ...a.assumed },
  };
}

export function tiersReply(a: TiersAnalysis): Reply {
  const { headline, others } = sentences(a);
  const options = optionsTable(a);
  return {
    command: "tiers",
    headline,
    tables: [bookTable(a.position), ...(options ? [options] : [])],
    notes: notes(a, others),
    working: working(a),
    next: nextSteps(a),
    data: tiersData(a),
  };
}
