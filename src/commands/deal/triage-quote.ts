/**
 * A vendor's quote typed in chat, read into the same deal description as deal.json, so triage
 * runs the same checks on both. The grammar, every part optional but the first:
 *
 *   260 @ 62                 seats and rate per seat (per month unless /yr); or --seats 260 --rate 62
 *   active 212               active fulfillers
 *   core 170 peak 20         agents online most of the day; occasional users online at once at peak
 *   pool-rate 124            the concurrent rate on the price list
 *   tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" [graduated]
 *   days 60 day-rate 1200 overrun 40%    a time-and-materials implementation
 *   fixed 45k [acceptance] [migration]   a fixed-price implementation (and what it includes)
 *   cap none | 5% | cpi-3% | min-3% | list-7%   the renewal rise offered
 *   [locked] [exit]          the cap is locked for the term; there is an exit right
 *   years 3  renews 2027-03-31  notice 90  forecast 250  bench 58  vendor "Halo"  GBP
 */
import { type Ratio, toDecimalString } from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { CommandContext } from "../context.js";
import {
  type CurrencySign,
  parseAmount,
  parseCount,
  type TypedAmount,
} from "../grammar/amounts.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { parseTierList } from "../grammar/tier-list.js";
import { tokenize } from "../grammar/tokens.js";
import { QUOTE_EXAMPLE } from "./info.js";

export const QUOTE_OPTIONS: readonly OptionSpec[] = [
  { name: "seats", bare: true },
  { name: "rate", bare: true },
  { name: "active", bare: true },
  { name: "core", aliases: ["full-time"], bare: true },
  { name: "peak", bare: true },
  { name: "pool-rate", aliases: ["concurrent-rate"], bare: true },
  { name: "tiers", bare: true },
  { name: "graduated", flag: true, bare: true },
  { name: "days", bare: true },
  { name: "day-rate", bare: true },
  { name: "overrun", bare: true },
  { name: "fixed", bare: true },
  { name: "acceptance", flag: true, bare: true },
  { name: "migration", flag: true, bare: true },
  { name: "cap", bare: true },
  { name: "locked", flag: true, bare: true },
  { name: "exit", flag: true, bare: true },
  { name: "years", bare: true },
  { name: "renews", aliases: ["renewal"], bare: true },
  { name: "notice", bare: true },
  { name: "forecast", bare: true },
  { name: "bench", aliases: ["benchmark"], bare: true },
  { name: "vendor", bare: true },
  { name: "currency", bare: true },
  { name: "csv", flag: true },
];

const decimal = (r: Ratio): string => toDecimalString(r, 6);

function upliftOf(text: string): Result<Record<string, string>> {
  const t = text.toLowerCase();
  if (t === "none" || t === "no") return ok({ kind: "none" });
  const m = /^(?:(cpi|min|list)-)?(\d+(?:\.\d+)?)%$/.exec(t);
  if (!m) {
    return fail(
      "triage.cap_unknown",
      `the renewal cap "${text}" is not one I know`,
      "write cap none, cap 5% (fixed), cap cpi-3% (lesser of CPI and 3%), cap min-3% (greater of CPI and 3%) or cap list-7%",
    );
  }
  const pct = `${m[2]}%`;
  switch (m[1]) {
    case "cpi":
      return ok({ kind: "lesser-of", cap: pct });
    case "min":
      return ok({ kind: "greater-of", minimum: pct });
    case "list":
      return ok({ kind: "list", uplift: pct });
    default:
      return ok({ kind: "cap", cap: pct });
  }
}

/** `260 @ 62`, `260@62`, `260 named @ £62`, `260 at 62/mo` → the seats and the rate words. */
function seatsAndRate(words: readonly string[]): Result<{ seats?: string; rate?: string }> {
  const joined = words
    .join(" ")
    .replace(/\s*@\s*/g, " @ ")
    .replace(/\bnamed\b/i, "")
    .trim();
  if (joined === "") return ok({});
  const m = /^(\S+)\s+(?:@|at)\s+(\S+)$/i.exec(joined.replace(/\s+/g, " "));
  if (!m?.[1] || !m[2]) {
    return fail("triage.unexpected_word", `I don't understand "${words.join(" ")}"`, QUOTE_EXAMPLE);
  }
  return ok({ seats: m[1], rate: m[2] });
}

export interface TypedQuote {
  /** A deal.json-shaped object, checked by the same schema as a file. */
  readonly deal: Record<string, unknown>;
  readonly currencyAssumed: boolean;
  readonly csv: boolean;
}

export function parseQuote(text: string, ctx: CommandContext): Result<TypedQuote> {
  const parsed = parseOptions(tokenize(text), QUOTE_OPTIONS, QUOTE_EXAMPLE);
  if (!parsed.ok) return parsed;
  const { values, flags, positional } = parsed.value;
  const codes = positional.filter(looksLikeCurrencyCode);
  const head = seatsAndRate(positional.filter((w) => !looksLikeCurrencyCode(w)));
  if (!head.ok) return head;
  const seatsText = head.value.seats ?? values.get("seats");
  const rateText = head.value.rate ?? values.get("rate");
  if (seatsText === undefined || rateText === undefined) {
    return fail("triage.no_offer", "give the offer's seats and rate per seat", QUOTE_EXAMPLE);
  }
  const signs: CurrencySign[] = [];
  const amount = (t: string | undefined, label: string): Result<TypedAmount | undefined> => {
    if (t === undefined) return ok(undefined);
    const a = parseAmount(t, label);
    if (a.ok && a.value.sign) signs.push(a.value.sign);
    return a;
  };
  const counts: Record<string, number> = {};
  for (const [key, label] of [
    ["seats", "the seats"],
    ["active", "active fulfillers"],
    ["core", "full-time agents"],
    ["peak", "the occasional peak"],
    ["years", "the term in years"],
    ["notice", "the notice period in days"],
    ["forecast", "the forecast"],
  ] as const) {
    const t = key === "seats" ? seatsText : values.get(key);
    if (t === undefined) continue;
    const c = parseCount(t, label);
    if (!c.ok) return c;
    counts[key] = c.value;
  }
  const rate = amount(rateText, "the rate per seat");
  if (!rate.ok) return rate;
  const poolRate = amount(values.get("pool-rate"), "the concurrent rate");
  if (!poolRate.ok) return poolRate;
  const dayRate = amount(values.get("day-rate"), "the day rate");
  if (!dayRate.ok) return dayRate;
  const fixed = amount(values.get("fixed"), "the fixed price");
  if (!fixed.ok) return fixed;
  const bench = amount(values.get("bench"), "the benchmark rate");
  if (!bench.ok) return bench;
  const tiersText = values.get("tiers");
  const tiers = tiersText === undefined ? ok(undefined) : parseTierList(tiersText);
  if (!tiers.ok) return tiers;
  for (const t of tiers.value ?? []) if (t.rate.sign) signs.push(t.rate.sign);
  const cap = upliftOf(values.get("cap") ?? "none");
  if (!cap.ok) return cap;
  const currencyOption = values.get("currency");
  const choice = chooseCurrency(signs, codes, ctx.defaultCurrency, currencyOption);
  if (!choice.ok) return choice;

  const daysText = values.get("days");
  const overrun = values.get("overrun");
  const implementation =
    daysText !== undefined || dayRate.value
      ? {
          kind: "time-and-materials",
          days: Number(daysText?.replace(/d(ays?)?$/i, "") ?? Number.NaN),
          ...(dayRate.value ? { dayRate: decimal(dayRate.value.value) } : {}),
          ...(overrun ? { overrunHigh: overrun.endsWith("%") ? overrun : `${overrun}%` } : {}),
          ...(fixed.value ? { fixedPrice: decimal(fixed.value.value) } : {}),
        }
      : fixed.value
        ? {
            kind: "fixed",
            fixedPrice: decimal(fixed.value.value),
            acceptanceCriteria: flags.has("acceptance"),
            migrationPlan: flags.has("migration"),
          }
        : undefined;
  const yearly = rate.value?.period === "year";
  const deal: Record<string, unknown> = {
    vendor: values.get("vendor") ?? "the vendor",
    currency: choice.value.code,
    ...(counts.years !== undefined ? { termYears: counts.years } : {}),
    ...(counts.notice !== undefined ? { noticeDays: counts.notice } : {}),
    ...(values.get("renews") ? { renewalDate: values.get("renews") } : {}),
    offer: {
      ratePeriod: yearly ? "year" : "month",
      named: { seats: counts.seats, rate: rate.value ? decimal(rate.value.value) : "" },
      ...(poolRate.value ? { concurrentRate: decimal(poolRate.value.value) } : {}),
      ...(tiers.value
        ? {
            tiers: {
              mode: flags.has("graduated") ? "graduated" : "all-units",
              bands: tiers.value.map((t) => ({
                from: t.from,
                ...(t.to === undefined ? {} : { to: t.to }),
                rate: decimal(t.rate.value),
              })),
            },
          }
        : {}),
      ...(implementation ? { implementation } : {}),
      renewal: {
        uplift: cap.value,
        lockedForTerm: flags.has("locked"),
        exitRights: flags.has("exit"),
      },
    },
    usage: {
      ...(counts.active !== undefined ? { activeFulfillers: counts.active } : {}),
      ...(counts.core !== undefined ? { fullTimeAgents: counts.core } : {}),
      ...(counts.peak !== undefined ? { occasionalPeak: counts.peak } : {}),
    },
    ...(counts.forecast !== undefined ? { forecast: { seats: counts.forecast } } : {}),
    ...(bench.value ? { leverage: { benchmarkRate: decimal(bench.value.value) } } : {}),
  };
  return ok({ deal, currencyAssumed: choice.value.assumed, csv: flags.has("csv") });
}
