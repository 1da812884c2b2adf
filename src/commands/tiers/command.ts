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
  OPTIONS,
  parseForecast,
  parseQuantity,
  toTierInput,
} from "./grammar.js";
import { EXAMPLE, NAME, TIERS_INFO, USAGE } from "./info.js";
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
  ...TIERS_INFO,
  run(text: string, ctx: CommandContext): CommandOutcome {
    const analysis = analyse(text, ctx);
    if (!analysis.ok) return rejected(NAME, analysis.issues, USAGE);
    return replied(tiersReply(analysis.value));
  },
};
