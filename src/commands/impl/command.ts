/**
 * `impl`: a fixed-price implementation against time and materials, with the first-year total cost
 * of ownership. `impl fixed 45k days 60 rate 1200 overrun 10-40% annual 294k GBP`.
 */
import {
  compareImplementation,
  type ImplementationComparison,
  type TimeAndMaterialsInput,
} from "../../core/implementation.js";
import { formatMoney, fromMajorExact, type Money, moneyJson, toDecimal } from "../../core/money.js";
import { formatPercent, percentNumber } from "../../core/percent.js";
import {
  add,
  mul,
  ONE,
  parseDecimal,
  type Ratio,
  ratio,
  toDecimalString,
  toNumber,
  ZERO,
} from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { type CurrencySign, parseAmount, type TypedAmount } from "../grammar/amounts.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, column, type Reply, rejected, replied } from "../reply.js";

const NAME = "impl";
const EXAMPLE = "impl --fixed 45k --days 60 --day-rate 1200 --overrun 10-40% --annual 294k GBP";

const OPTIONS: readonly OptionSpec[] = [
  { name: "currency", bare: true },
  { name: "fixed", aliases: ["fixed-price"], bare: true },
  { name: "days", bare: true },
  { name: "day-rate", aliases: ["rate", "dayrate"], bare: true },
  { name: "overrun", bare: true },
  { name: "annual", aliases: ["subscription"], bare: true },
];

interface ImplementationRequest {
  readonly fixed?: Money;
  readonly timeAndMaterials?: TimeAndMaterialsInput;
  readonly annualSubscription?: Money;
  /** Set when the subscription was typed per month and multiplied by 12. */
  readonly monthlySubscription?: Money;
  readonly overrunGiven: "range" | "single" | "none";
  readonly currencyAssumed: boolean;
}

const pct = (r: Ratio): string => formatPercent(r, 2);
const money = (m: Money): string => formatMoney(m);

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

function upTo(tm: NonNullable<ImplementationComparison["timeAndMaterials"]>): string {
  return tm.high.minor > tm.estimate.minor
    ? ` and up to ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun`
    : "";
}

function headline(c: ImplementationComparison): string {
  const { fixed, timeAndMaterials: tm, firstYearTco: tco, annualSubscription } = c;
  if (fixed && tm) {
    if (c.cheaper === "fixed") {
      return `Fixed price ${money(fixed)} caps the work; time and materials is ${money(tm.estimate)} at estimate${upTo(tm)}.`;
    }
    if (c.cheaper === "equal") {
      return `Fixed price ${money(fixed)} matches time and materials at estimate and caps the work${tm.high.minor > fixed.minor ? `; time and materials could reach ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun` : ""}.`;
    }
    const breakEven = c.breakEvenOverrun ? pct(c.breakEvenOverrun) : "";
    if (tm.high.minor > fixed.minor) {
      return `Time and materials is ${money(tm.estimate)} at estimate against a ${money(fixed)} fixed price, but up to ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun: past a ${breakEven} overrun the fixed price is cheaper.`;
    }
    return `Time and materials is cheaper even with a ${pct(tm.overrunHigh)} overrun: ${money(tm.estimate)} at estimate and at most ${money(tm.high)}, against a ${money(fixed)} fixed price.`;
  }
  if (fixed) {
    return tco?.fixed && annualSubscription
      ? `Fixed price ${money(fixed)} caps the work; with the ${money(annualSubscription)} subscription the first year costs ${money(tco.fixed)}.`
      : `Fixed price ${money(fixed)} caps the work.`;
  }
  if (tm) {
    return `Time and materials is ${money(tm.estimate)} at estimate${upTo(tm)}.`;
  }
  return "Nothing to compare.";
}

function overrunLabel(r: Ratio): string {
  return `T&M + ${pct(r)} overrun`;
}

function table(c: ImplementationComparison) {
  const tm = c.timeAndMaterials;
  const tco = c.firstYearTco;
  const rows: string[][] = [];
  const withTco = (label: string, cost: Money, total: Money | undefined) =>
    tco ? [label, money(cost), total ? money(total) : ""] : [label, money(cost)];
  if (c.fixed) rows.push(withTco("fixed price", c.fixed, tco?.fixed));
  if (tm) {
    rows.push(
      withTco(
        `T&M at estimate (${toDecimalString(tm.days)} days × ${money(tm.dayRate)})`,
        tm.estimate,
        tco?.tmEstimate,
      ),
    );
    if (tm.high.minor !== tm.estimate.minor) {
      rows.push(withTco(overrunLabel(tm.overrunLow), tm.low, tco?.tmLow));
      rows.push(withTco(overrunLabel(tm.overrunHigh), tm.high, tco?.tmHigh));
    }
  }
  return {
    title: "Implementation",
    columns: [
      column("option"),
      column("implementation", "right"),
      ...(tco ? [column("first-year total", "right")] : []),
    ],
    rows,
  };
}

function working(r: ImplementationRequest, c: ImplementationComparison): string[] {
  const lines: string[] = [];
  const tm = c.timeAndMaterials;
  if (tm) {
    lines.push(`${toDecimalString(tm.days)} days × ${money(tm.dayRate)} = ${money(tm.estimate)}`);
    if (tm.high.minor !== tm.estimate.minor) {
      for (const [rate, cost] of [
        [tm.overrunLow, tm.low],
        [tm.overrunHigh, tm.high],
      ] as const) {
        lines.push(
          `${money(tm.estimate)} × ${toDecimalString(add(ONE, rate), 8)} = ${money(cost)}`,
        );
      }
    }
  }
  if (c.breakEvenOverrun && c.fixed && tm) {
    lines.push(
      `Break-even overrun: ${money(c.fixed)} ÷ ${money(tm.estimate)} − 1 = ${pct(c.breakEvenOverrun)}`,
    );
  }
  if (r.monthlySubscription && c.annualSubscription) {
    lines.push(`${money(r.monthlySubscription)} × 12 = ${money(c.annualSubscription)} a year`);
  }
  const annual = c.annualSubscription;
  const tco = c.firstYearTco;
  if (annual && tco) {
    const pairs: [string, Money | undefined, Money | undefined][] = [
      ["fixed", c.fixed, tco.fixed],
      ["T&M at estimate", tm?.estimate, tco.tmEstimate],
      ["T&M low", tm?.low, tco.tmLow],
      ["T&M high", tm?.high, tco.tmHigh],
    ];
    for (const [label, cost, total] of pairs) {
      if (cost && total) {
        lines.push(`First year, ${label}: ${money(annual)} + ${money(cost)} = ${money(total)}`);
      }
    }
  }
  return lines;
}

function notes(r: ImplementationRequest, c: ImplementationComparison): string[] {
  const list: string[] = [];
  const currency = (c.fixed ?? c.timeAndMaterials?.dayRate ?? c.annualSubscription)?.currency;
  if (r.currencyAssumed && currency) list.push(`No currency given, so ${currency} was assumed.`);
  if (c.timeAndMaterials && r.overrunGiven === "none") {
    list.push("No overrun range given, so T&M is shown at estimate only; add --overrun 10-40%.");
  }
  if (c.timeAndMaterials && r.overrunGiven === "single") {
    list.push(
      `A single overrun was read as a range from 0% to ${pct(c.timeAndMaterials.overrunHigh)}.`,
    );
  }
  if (r.monthlySubscription) {
    list.push("The subscription was given per month, so the year is 12 times it.");
  }
  if (!c.annualSubscription) {
    list.push("Add --annual with the first-year subscription to see the first-year total cost.");
  }
  if (c.fixed) {
    list.push(
      "A fixed price caps the work only for the agreed scope: check the change-request day rate.",
    );
  }
  return list;
}

/**
 * The `data` contract of `impl`:
 * `{ currency, fixed?, timeAndMaterials?: { days (number), dayRate, estimate, low, high,
 * overrunLowPercent, overrunHighPercent }, annualSubscription?, firstYearTco?: { fixed?,
 * tmEstimate?, tmLow?, tmHigh? }, cheaper: "fixed" | "time-and-materials" | "equal" | null (null
 * when only one quote was given; compared at the T&M estimate), breakEvenOverrunPercent? (the
 * overrun at which T&M reaches the fixed price, when T&M is cheaper at estimate) }`.
 * Amounts are MoneyJson; percents are numbers (40 for 40%).
 */
export function implementationData(c: ImplementationComparison, currency: string) {
  const tm = c.timeAndMaterials;
  const tco = c.firstYearTco;
  const optional = (key: string, m: Money | undefined) => (m ? { [key]: moneyJson(m) } : {});
  return {
    currency,
    ...optional("fixed", c.fixed),
    ...(tm
      ? {
          timeAndMaterials: {
            days: toNumber(tm.days),
            dayRate: moneyJson(tm.dayRate),
            estimate: moneyJson(tm.estimate),
            low: moneyJson(tm.low),
            high: moneyJson(tm.high),
            overrunLowPercent: percentNumber(tm.overrunLow),
            overrunHighPercent: percentNumber(tm.overrunHigh),
          },
        }
      : {}),
    ...optional("annualSubscription", c.annualSubscription),
    ...(tco
      ? {
          firstYearTco: {
            ...optional("fixed", tco.fixed),
            ...optional("tmEstimate", tco.tmEstimate),
            ...optional("tmLow", tco.tmLow),
            ...optional("tmHigh", tco.tmHigh),
          },
        }
      : {}),
    cheaper: c.cheaper ?? null,
    ...(c.breakEvenOverrun ? { breakEvenOverrunPercent: percentNumber(c.breakEvenOverrun) } : {}),
  };
}

function next(text: string, c: ImplementationComparison): string[] {
  const annual = c.annualSubscription;
  const list: string[] = [];
  if (annual) {
    const base = toDecimal(annual).replace(/\.0+$/, "");
    list.push(`renewal ${base} ${annual.currency} years 3 cap 3% list 7%`);
  } else {
    list.push(`impl ${text.trim()} annual 294k`);
  }
  if (c.timeAndMaterials && !c.fixed) list.push(`impl ${text.trim()} fixed 45k`);
  return list;
}

function reply(text: string, r: ImplementationRequest, c: ImplementationComparison): Reply {
  const currency = (c.fixed ?? c.timeAndMaterials?.dayRate ?? c.annualSubscription)?.currency ?? "";
  return {
    command: NAME,
    headline: headline(c),
    tables: [table(c)],
    notes: notes(r, c),
    working: working(r, c),
    next: next(text, c),
    data: implementationData(c, currency),
  };
}

function run(text: string, ctx: CommandContext): CommandOutcome {
  const request = parseImplementation(text, ctx);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  const comparison = compareImplementation(request.value);
  if (!comparison.ok) return rejected(NAME, comparison.issues, EXAMPLE);
  return replied(reply(text, request.value, comparison.value));
}

export const implementationCommand: SyncCommand = {
  name: NAME,
  aliases: ["implementation"],
  summary: "Fixed-price implementation against time and materials, with the first-year total cost.",
  usage:
    "impl [--fixed PRICE] [--days N --day-rate RATE [--overrun LOW-HIGH%]] [--annual SUBSCRIPTION] [CURRENCY]",
  examples: [
    "impl fixed 45k days 60 rate 1200 overrun 10-40% annual 294k GBP",
    EXAMPLE,
    "impl days 40 rate $1,000 overrun 0-25%",
  ],
  help: [
    "--fixed PRICE: the vendor's fixed price for the implementation (45k, £45,000).",
    "--days N --day-rate RATE: time and materials; the estimate is days × day rate.",
    "--overrun LOW-HIGH%: how far T&M may run over the estimate, e.g. 10-40%; a single 30% means 0 to 30%.",
    "--annual AMOUNT: the first-year subscription (write /mo for a monthly figure), giving the first-year total cost of ownership.",
    "Which is cheaper is judged at the T&M estimate; the worst case is the high end of the overrun.",
    "Options work with or without dashes: `impl fixed 45k days 60 rate 1200 overrun 10-40%`. The currency comes from a £/$/€ sign, a code such as GBP, or --currency.",
  ],
  run,
};
