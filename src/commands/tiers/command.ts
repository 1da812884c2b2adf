/**
 * `tiers`: where a quantity sits in a vendor's volume price book, what the next break is worth,
 * whether buying up to it is cheaper than staying below it, and whether a growth forecast is
 * leverage to ask for the better rate now. Reading the tier list itself: see tier-list.ts.
 */
import { type CurrencyCode, fromMajorExact } from "../../core/money.js";
import { all, fail, ok, type Result } from "../../core/result.js";
import { analyseTiers, forecastTiers } from "../../core/tier-forecast.js";
import { priceBook, type RatePeriod, type TierInput, type TierMode } from "../../core/tiers.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { parseOptions } from "../grammar/options.js";
import { parseTierList, type TypedTier } from "../grammar/tier-list.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { type TiersAnalysis, tiersReply } from "./reply.js";

const NAME = "tiers";
const EXAMPLE = 'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units';
const USAGE =
  'tiers SEATS --tiers "FROM-TO @ RATE, …, FROM+ @ RATE" [--mode all-units|graduated] [--forecast SEATS --within MONTHS] [--currency GBP]';

const OPTIONS = [
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
function classify(positional: readonly string[], quantityGiven: boolean): Result<Words> {
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

function chooseMode(modeOption: string | undefined, bare: readonly TierMode[]): Result<TierMode> {
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
function choosePeriod(typed: readonly TypedTier[]): Result<RatePeriod> {
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

function parseQuantity(token: string | undefined): Result<number> {
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

function parseForecast(
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

function toTierInput(typed: TypedTier, code: CurrencyCode): Result<TierInput> {
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

function analyse(text: string, ctx: CommandContext): Result<TiersAnalysis> {
  const options = parseOptions(tokenize(text), OPTIONS, EXAMPLE);
  if (!options.ok) return options;
  const { values, positional } = options.value;
  const seatsOption = values.get("seats");
  const words = classify(positional, seatsOption !== undefined);
  if (!words.ok) return words;
  const tiersOption = values.get("tiers");
  if (tiersOption !== undefined && words.value.tierText !== "") {
    return fail(
      "input.unexpected",
      `I didn't understand "${words.value.tierText}" (the tiers are already given with --tiers)`,
      EXAMPLE,
    );
  }
  const quantity = parseQuantity(seatsOption ?? words.value.quantity);
  if (!quantity.ok) return quantity;
  const mode = chooseMode(values.get("mode"), words.value.modes);
  if (!mode.ok) return mode;
  const typed = parseTierList(tiersOption ?? words.value.tierText);
  if (!typed.ok) return typed;
  const period = choosePeriod(typed.value);
  if (!period.ok) return period;
  const signs = typed.value.flatMap((t) => (t.rate.sign ? [t.rate.sign] : []));
  const currency = chooseCurrency(
    signs,
    words.value.codes,
    ctx.defaultCurrency,
    values.get("currency"),
  );
  if (!currency.ok) return currency;
  const inputs = all(typed.value.map((t) => toTierInput(t, currency.value.code)));
  if (!inputs.ok) return inputs;
  const book = priceBook(inputs.value, mode.value, period.value, currency.value.code);
  if (!book.ok) return book;
  const position = analyseTiers(book.value, quantity.value);
  if (!position.ok) return position;
  const forecastAsked = parseForecast(values.get("forecast"), values.get("within"));
  if (!forecastAsked.ok) return forecastAsked;
  const f = forecastAsked.value;
  const forecast = f ? forecastTiers(position.value, f.quantity, f.withinMonths) : undefined;
  if (forecast && !forecast.ok) return forecast;
  return ok({
    position: position.value,
    ...(forecast ? { forecast: forecast.value } : {}),
    assumed: {
      mode: values.get("mode") === undefined && words.value.modes.length === 0,
      currency: currency.value.assumed,
      period: typed.value.every((t) => t.rate.period === undefined),
    },
  });
}

export const tiersCommand: SyncCommand = {
  name: NAME,
  aliases: ["tier", "breaks", "volume"],
  summary:
    "Price a quantity on a volume price book: the next break, what to ask for, and whether buying up is cheaper.",
  usage: USAGE,
  examples: [
    EXAMPLE,
    "tiers 240 1-99@75, 100-249@70, 250+@62 graduated GBP",
    'tiers 95 --tiers "1-99 @ 50, 100+ @ 45" --currency USD',
    "tiers 240 1-99@75, 100-249@70, 250+@62 GBP forecast 260 in 6 months",
  ],
  help: [
    "The quantity comes first: the number of seats priced today (or --seats 240).",
    'Tiers: FROM-TO @ RATE separated by commas, the last one may be open: 250+ @ 62. Also 1-99@75 (no spaces), `1 to 99 at £75`, `250 and up @ 62`, `;` between tiers. Give them with --tiers "…" or just after the quantity.',
    "Tiers must be in order from the smallest quantity, touch without gaps or overlaps, and have rates above zero; only the last may be open-ended (250+). A quantity above a closed last tier is an error. An all-units book may start above 1 (a minimum purchase); a graduated one starts at 1.",
    "Rates are per user per month unless written /yr (then every rate must be /yr).",
    "--mode all-units (default; the whole population at the rate of the tier reached) or graduated (each band at its own rate, like tax bands). Bare words work too: `graduated`, `all-units`.",
    "The ask: the next tier's rate granted without buying up. Under all-units that prices every seat at the next rate; under graduated it prices your current band (from the start of your tier to your quantity) at the next rate, lower bands unchanged.",
    "Buying up: the cost of buying exactly up to the next break. Under all-units it can be cheaper than staying; the buy-up point is the smallest quantity from which it costs no more. Under graduated it never is.",
    "--forecast 260 --within 6 (or `forecast 260 in 6 months`): if the forecast crosses a break, the reply recommends asking for that tier's rate now and says what it saves on today's quantity.",
    "The headline is the ask when a forecast crosses a break to a lower rate, else the buy-up when buying up is strictly cheaper, else the cost and the distance to the next break; the other sentences lead the notes.",
    "Currency: a £, $ or € sign on a rate, a code such as GBP anywhere, or --currency GBP; otherwise the default currency is assumed and the reply says so.",
  ],
  run(text: string, ctx: CommandContext): CommandOutcome {
    const analysis = analyse(text, ctx);
    if (!analysis.ok) return rejected(NAME, analysis.issues, USAGE);
    return replied(tiersReply(analysis.value));
  },
};
