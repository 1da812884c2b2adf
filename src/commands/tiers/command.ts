/**
 * `tiers`: where a quantity sits in a vendor's volume price book, what the next break is worth,
 * whether buying up to it is cheaper than staying below it, and whether a growth forecast is
 * leverage to ask for the better rate now. Its words are read in grammar.ts, the tier list itself
 * in grammar/tier-list.ts.
 */
import { all, fail, ok, type Result } from "../../core/result.js";
import { analyseTiers, forecastTiers } from "../../core/tier-forecast.js";
import { priceBook } from "../../core/tiers.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { chooseCurrency } from "../grammar/currency.js";
import { parseOptions } from "../grammar/options.js";
import { parseTierList } from "../grammar/tier-list.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import {
  chooseMode,
  choosePeriod,
  classify,
  EXAMPLE,
  NAME,
  OPTIONS,
  parseForecast,
  parseQuantity,
  toTierInput,
  USAGE,
} from "./grammar.js";
import { type TiersAnalysis, tiersReply } from "./reply.js";

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
