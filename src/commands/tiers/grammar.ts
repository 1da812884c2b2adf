/**
 * Reading the `tiers` command's words: the quantity, the price book (typed or with --tiers), the
 * all-units or graduated mode, the period and a forecast, each with its own error.
 */
import { type CurrencyCode, fromMajorExact } from "../../core/money.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { RatePeriod, TierInput, TierMode } from "../../core/tiers.js";
import { looksLikeCurrencyCode } from "../grammar/currency.js";
import type { TypedTier } from "../grammar/tier-list.js";
import { EXAMPLE } from "./info.js";

export const OPTIONS = [
  { name: "tiers", aliases: ["book", "prices", "price-book"] },
  { name: "mode", bare: true },
  { name: "forecast", aliases: ["grow", "growth"], bare: true },
  { name: "within", aliases: ["in"], bare: true },
  { name: "currency", aliases: ["cur"], bare: true },
  { name: "seats", aliases: ["quantity", "qty", "users"] },
];

const MODES: Readonly<Record<string, TierMode>> = {
  "all-units": "all-units",
  "all-unit": "all-units",
  allunits: "all-units",
  all_units: "all-units",
  graduated: "graduated",
  grad: "graduated",
  banded: "graduated",
  incremental: "graduated",
  marginal: "graduated",
};
const MODE_HINT =
  "use all-units (everyone at the reached tier's rate) or graduated (each band at its own rate)";

/** Words that only make the text read naturally: `240 seats`, `in 6 months`. */
const FILLER = new Set(["seats", "seat", "users", "user", "agents", "licences", "licenses"]);
const MONTH_WORDS = new Set(["months", "month", "mos", "mo"]);
/** Words a tier list may contain: `1 to 99 at 75`, `250 and up`, `250 or more`. */
const TIER_WORDS = new Set(["to", "at", "and", "up", "over", "above", "or", "more"]);

const NUMBER = /^[+-]?(?:\d[\d,]*)?(?:\.\d+)?$/;

function isNumberWord(token: string): boolean {
  return NUMBER.test(token) && /\d/.test(token);
}

function toNumber(token: string): number {
  return Number(token.replace(/,/g, ""));
}

interface Words {
  readonly quantity?: string;
  readonly modes: readonly TierMode[];
  readonly codes: readonly string[];
  readonly tierText: string;
}

/** Sorts the words that are not options into the quantity, mode, currency and the tier list. */
export function classify(positional: readonly string[], quantityGiven: boolean): Result<Words> {
  let quantity: string | undefined;
  const modes: TierMode[] = [];
  const codes: string[] = [];
  const tierWords: string[] = [];
  for (let i = 0; i < positional.length; i++) {
    const token = positional[i] as string;
    const lower = token.toLowerCase();
    const mode = MODES[lower];
    if (i === 0 && !quantityGiven && isNumberWord(token)) quantity = token;
    else if (mode) modes.push(mode);
    else if (lower === "all" && /^units?$/i.test(positional[i + 1] ?? "")) {
      modes.push("all-units");
      i++;
    } else if (looksLikeCurrencyCode(token)) codes.push(token);
    else if (FILLER.has(lower) || MONTH_WORDS.has(lower)) continue;
    else if (/^[a-z]+$/i.test(token) && !TIER_WORDS.has(lower)) {
      return fail(
        "input.unknown_word",
        `I don't know what "${token}" means here`,
        `modes are all-units or graduated, currencies are codes like GBP; e.g. ${EXAMPLE}`,
      );
    } else tierWords.push(token);
  }
  return ok({
    ...(quantity === undefined ? {} : { quantity }),
    modes,
    codes,
    tierText: tierWords.join(" "),
  });
}

export function chooseMode(
  modeOption: string | undefined,
  bare: readonly TierMode[],
): Result<TierMode> {
  const chosen = [...bare];
  if (modeOption !== undefined) {
    const mode = MODES[modeOption.toLowerCase()];
    if (!mode)
      return fail("tiers.mode_unknown", `I don't know the mode "${modeOption}"`, MODE_HINT);
    chosen.push(mode);
  }
  const unique = [...new Set(chosen)];
  if (unique.length > 1) {
    return fail("tiers.mode_conflict", "the text names both all-units and graduated", MODE_HINT);
  }
  return ok(unique[0] ?? "all-units");
}

/** One period for the book: every rate /yr, or none (per month, the default, or /mo). */
export function choosePeriod(typed: readonly TypedTier[]): Result<RatePeriod> {
  const periods = new Set(typed.map((t) => t.rate.period));
  if (periods.has("year") && periods.size > 1) {
    return fail(
      "tiers.mixed_period",
      "some rates are per year (/yr) and others are not",
      "write every rate /yr, or none of them (per month)",
    );
  }
  return ok(periods.has("year") ? "year" : "month");
}

export function parseQuantity(token: string | undefined): Result<number> {
  if (token === undefined) {
    return fail("quantity.missing", "how many seats? Put the quantity first", EXAMPLE);
  }
  if (!isNumberWord(token)) {
    return fail(
      "quantity.not_a_number",
      `the quantity "${token}" is not a number of seats`,
      "write it like 240",
    );
  }
  return ok(toNumber(token));
}

export function parseForecast(
  seats: string | undefined,
  within: string | undefined,
): Result<{ quantity: number; withinMonths?: number } | undefined> {
  if (seats === undefined) {
    if (within === undefined) return ok(undefined);
    return fail(
      "forecast.within_without_forecast",
      `"within ${within}" needs a forecast to go with it`,
      "e.g. --forecast 260 --within 6",
    );
  }
  if (!isNumberWord(seats)) {
    return fail(
      "forecast.not_a_number",
      `the forecast "${seats}" is not a number of seats`,
      "e.g. --forecast 260 --within 6",
    );
  }
  if (within === undefined) return ok({ quantity: toNumber(seats) });
  const months = /^([+-]?\d+(?:\.\d+)?)\s*(?:m|mo|mos|months?)?$/i.exec(within);
  if (!months?.[1]) {
    return fail(
      "forecast.months_not_a_number",
      `the forecast horizon "${within}" is not a number of months`,
      "e.g. --within 6",
    );
  }
  return ok({ quantity: toNumber(seats), withinMonths: Number(months[1]) });
}

export function toTierInput(typed: TypedTier, code: CurrencyCode): Result<TierInput> {
  const rate = fromMajorExact(typed.rate.value, code);
  if (!rate.ok) {
    const first = rate.issues[0];
    return fail(
      first?.code ?? "money.invalid",
      `the rate ${typed.rate.text} in "${typed.text}" ${first?.code === "money.too_precise" ? `has more decimals than ${code} allows` : "is too large"}`,
      first?.hint ?? "write it like 70 or 70.50",
    );
  }
  return ok({ from: typed.from, to: typed.to, rate: rate.value });
}
