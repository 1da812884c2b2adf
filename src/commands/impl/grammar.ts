/**
 * Reading the `impl` command's text: a fixed price, time and materials (days, day rate, overrun)
 * and the first-year subscription, typed the way people say them.
 */
import type { TimeAndMaterialsInput } from "../../core/implementation.js";
import { fromMajorExact, type Money } from "../../core/money.js";
import { mul, parseDecimal, type Ratio, ratio, ZERO } from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { CommandContext } from "../context.js";
import { type CurrencySign, parseAmount, type TypedAmount } from "../grammar/amounts.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { EXAMPLE } from "./info.js";

const OPTIONS: readonly OptionSpec[] = [
  { name: "currency", bare: true },
  { name: "fixed", aliases: ["fixed-price"], bare: true },
  { name: "days", bare: true },
  { name: "day-rate", aliases: ["rate", "dayrate"], bare: true },
  { name: "overrun", bare: true },
  { name: "annual", aliases: ["subscription"], bare: true },
];

export interface ImplementationRequest {
  readonly fixed?: Money;
  readonly timeAndMaterials?: TimeAndMaterialsInput;
  readonly annualSubscription?: Money;
  /** Set when the subscription was typed per month and multiplied by 12. */
  readonly monthlySubscription?: Money;
  readonly overrunGiven: "range" | "single" | "none";
  readonly currencyAssumed: boolean;
}

/** `10-40%`, `10%-40%`, `10–40%` → [10%, 40%]; a single `30%` means 0 to 30%. */
export function parseOverrun(text: string): Result<{ low: Ratio; high: Ratio; single: boolean }> {
  const range = /^(\d+(?:\.\d+)?)%?\s*[-–—]\s*(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  const single = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  const hundredth = ratio(1n, 100n);
  const read = (s: string | undefined) => mul(parseDecimal(s ?? "") ?? ZERO, hundredth);
  if (range) return ok({ low: read(range[1]), high: read(range[2]), single: false });
  if (single) return ok({ low: ZERO, high: read(single[1]), single: true });
  return fail(
    "impl.overrun_not_a_range",
    `the overrun "${text}" is not a range of percentages`,
    "write it like --overrun 10-40%",
  );
}

function parseDays(text: string): Result<Ratio> {
  const days = parseDecimal(text.replace(/d(ays?)?$/i, ""));
  return days
    ? ok(days)
    : fail(
        "impl.days_not_a_number",
        `the number of days "${text}" is not a number`,
        "write it like --days 60",
      );
}

/** An amount option; `oneOff` refuses /mo and /yr, which make no sense on a price for a job. */
function amountOption(
  text: string | undefined,
  label: string,
  oneOff: boolean,
): Result<TypedAmount | undefined> {
  if (text === undefined) return ok(undefined);
  const amount = parseAmount(text, label);
  if (!amount.ok) return amount;
  if (oneOff && amount.value.period) {
    return fail(
      "impl.period_not_allowed",
      `${label} "${text}" is not a monthly or yearly figure`,
      `drop the /${amount.value.period === "month" ? "mo" : "yr"}`,
    );
  }
  return amount;
}

function toMoney(amount: TypedAmount | undefined, code: Money["currency"]) {
  return amount === undefined ? ok(undefined) : fromMajorExact(amount.value, code);
}

export function parseImplementation(
  text: string,
  ctx: CommandContext,
): Result<ImplementationRequest> {
  const parsed = parseOptions(tokenize(text), OPTIONS, EXAMPLE);
  if (!parsed.ok) return parsed;
  const { values, positional } = parsed.value;
  const codes = positional.filter(looksLikeCurrencyCode);
  const stray = positional.find((w) => !looksLikeCurrencyCode(w));
  if (stray !== undefined) {
    return fail("impl.unexpected_word", `I don't understand "${stray}"`, EXAMPLE);
  }
  const fixed = amountOption(values.get("fixed"), "the fixed price", true);
  if (!fixed.ok) return fixed;
  const rate = amountOption(values.get("day-rate"), "the day rate", true);
  if (!rate.ok) return rate;
  const annual = amountOption(values.get("annual"), "the annual subscription", false);
  if (!annual.ok) return annual;
  const daysText = values.get("days");
  const days = daysText === undefined ? ok(undefined) : parseDays(daysText);
  if (!days.ok) return days;
  if (days.value !== undefined && rate.value === undefined) {
    return fail(
      "impl.day_rate_missing",
      `time and materials needs a day rate as well as ${daysText} days`,
      "add --day-rate 1200",
    );
  }
  if (rate.value !== undefined && days.value === undefined) {
    return fail(
      "impl.days_missing",
      "time and materials needs a number of days as well as the day rate",
      "add --days 60",
    );
  }
  const overrunText = values.get("overrun");
  const overrun = overrunText === undefined ? ok(undefined) : parseOverrun(overrunText);
  if (!overrun.ok) return overrun;
  if (overrun.value !== undefined && days.value === undefined) {
    return fail(
      "impl.overrun_without_days",
      "an overrun range needs days and a day rate to apply to",
      "impl --days 60 --day-rate 1200 --overrun 10-40%",
    );
  }

  const signs = [fixed.value, rate.value, annual.value].flatMap((a): CurrencySign[] =>
    a?.sign ? [a.sign] : [],
  );
  const currencyOption = values.get("currency");
  const choice = chooseCurrency(signs, codes, ctx.defaultCurrency, currencyOption);
  if (!choice.ok) return choice;
  const code = choice.value.code;
  const fixedMoney = toMoney(fixed.value, code);
  if (!fixedMoney.ok) return fixedMoney;
  const rateMoney = toMoney(rate.value, code);
  if (!rateMoney.ok) return rateMoney;
  const typedAnnual = toMoney(annual.value, code);
  if (!typedAnnual.ok) return typedAnnual;
  const monthly = annual.value?.period === "month";
  const annualMoney =
    monthly && annual.value
      ? fromMajorExact(mul(annual.value.value, ratio(12n)), code)
      : typedAnnual;
  if (!annualMoney.ok) return annualMoney;

  return ok({
    ...(fixedMoney.value ? { fixed: fixedMoney.value } : {}),
    ...(days.value !== undefined && rateMoney.value
      ? {
          timeAndMaterials: {
            days: days.value,
            dayRate: rateMoney.value,
            overrunLow: overrun.value?.low ?? ZERO,
            overrunHigh: overrun.value?.high ?? ZERO,
          },
        }
      : {}),
    ...(annualMoney.value ? { annualSubscription: annualMoney.value } : {}),
    ...(monthly && typedAnnual.value ? { monthlySubscription: typedAnnual.value } : {}),
    overrunGiven: overrun.value === undefined ? "none" : overrun.value.single ? "single" : "range",
    currencyAssumed: choice.value.assumed,
  });
}
