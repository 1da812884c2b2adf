/**
 * The rates a file analysis prices with: typed with the command (`--named 70 --concurrent 140`,
 * `--rate 70`), else the channel's deal (Slack `/deal set …`), else none — the reply then answers
 * the usage part and asks for them. Rates are never guessed. Everything is costed per year.
 */
import {
  type CurrencyCode,
  formatMoney,
  fromMajorExact,
  type Money,
  times,
  toDecimal,
} from "../../core/money.js";
import { ok, type Result } from "../../core/result.js";
import type { CommandContext } from "../context.js";
import type { TypedAmount } from "../grammar/amounts.js";
import { chooseCurrency } from "../grammar/currency.js";
import { type FileRequest, typedSigns } from "./request.js";

export interface RateUse {
  /** The rate as given, in its own period. */
  readonly given: Money;
  readonly period: "month" | "year";
  /** Per year: a monthly rate × 12. */
  readonly annual: Money;
  /** Typed with the command, or the channel's deal. */
  readonly source: "typed" | "channel";
}

export interface FileRates {
  readonly currency: CurrencyCode;
  /** True when nothing named a currency and the default was used (the reply says so). */
  readonly currencyAssumed: boolean;
  readonly named?: RateUse;
  readonly concurrent?: RateUse;
  /** Right-sizing's licence price: `--rate`, else the named rate. */
  readonly licence?: RateUse;
}

function fromTyped(typed: TypedAmount, code: CurrencyCode, label: string): Result<RateUse> {
  const given = fromMajorExact(typed.value, code);
  if (!given.ok) {
    const issue = given.issues[0];
    return {
      ok: false,
      issues: [
        {
          code: issue?.code ?? "money.invalid",
          message: `${label} ${typed.text}: ${issue?.message ?? "not an amount"}`,
          ...(issue?.hint ? { hint: issue.hint } : {}),
        },
      ],
    };
  }
  const period = typed.period ?? "month";
  return ok({
    given: given.value,
    period,
    annual: period === "month" ? times(given.value, 12) : given.value,
    source: "typed",
  });
}

function fromChannel(rate: Money | undefined, code: CurrencyCode): RateUse | undefined {
  if (!rate || rate.currency !== code || rate.minor <= 0) return undefined;
  return { given: rate, period: "month", annual: times(rate, 12), source: "channel" };
}

/**
 * The channel's deal rates (per month), as CommandContext carries them. Declared here too so this
 * module reads them whichever version of the shared context type it is compiled with.
 */
interface ChannelRates {
  readonly currency: CurrencyCode;
  readonly namedRate?: Money;
  readonly concurrentRate?: Money;
}

export function resolveRates(request: FileRequest, context: CommandContext): Result<FileRates> {
  const ctx = context as CommandContext & { readonly deal?: ChannelRates };
  const fallback = ctx.deal?.currency ?? ctx.defaultCurrency;
  const choice = chooseCurrency(typedSigns(request), request.currencyCodes ?? [], fallback);
  if (!choice.ok) return choice;
  const code = choice.value.code;
  const pick = (
    typed: TypedAmount | undefined,
    channel: Money | undefined,
    label: string,
  ): Result<RateUse | undefined> =>
    typed ? fromTyped(typed, code, label) : ok(fromChannel(channel, code));
  const named = pick(request.named, ctx.deal?.namedRate, "the named rate");
  if (!named.ok) return named;
  const concurrent = pick(request.concurrent, ctx.deal?.concurrentRate, "the concurrent rate");
  if (!concurrent.ok) return concurrent;
  const licence = request.rate
    ? fromTyped(request.rate, code, "the licence rate")
    : ok(named.value);
  if (!licence.ok) return licence;
  return ok({
    currency: code,
    currencyAssumed: choice.value.assumed && ctx.deal === undefined,
    ...(named.value ? { named: named.value } : {}),
    ...(concurrent.value ? { concurrent: concurrent.value } : {}),
    ...(licence.value ? { licence: licence.value } : {}),
  });
}

/** `118 × £70 × 12 = £99,120` or, for a yearly rate, `118 × £840 = £99,120`. */
export function costWorking(count: number, rate: RateUse, label: string): string {
  const total = times(rate.annual, count);
  const perPeriod =
    rate.period === "month" ? `${formatMoney(rate.given)} × 12` : `${formatMoney(rate.given)}/yr`;
  return `${label}: ${count.toLocaleString("en-US")} × ${perPeriod} = ${formatMoney(total)}`;
}

/** `£70/mo` or `£840/yr`, for notes. */
export function rateText(rate: RateUse): string {
  return `${formatMoney(rate.given)}/${rate.period === "month" ? "mo" : "yr"}`;
}

/** The rate as an option value to type again: `70`, `70.50` or `840/yr`. */
export function rateArg(rate: RateUse): string {
  const amount = toDecimal(rate.given).replace(/\.0+$/, "");
  return rate.period === "month" ? amount : `${amount}/yr`;
}
