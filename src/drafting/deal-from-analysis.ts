/**
 * A Deal for triage, the asks and the brief, built from a channel's deal (vendor, currency, monthly
 * rates) and a file analysis's `data` (split or rightsize). The file shows usage, not the vendor's
 * quote, so the offer is assumed to be what naming everyone costs, and the deal's notes say so.
 * What a file cannot show (renewal date, cap, implementation, term) is left out: the drafting then
 * marks those moves not checked or prices them on its stated defaults. Pure: no I/O, no clock.
 */
import { z } from "zod";
import {
  type CurrencyCode,
  formatMoney,
  type Money,
  parseCurrency,
  times,
  toDecimal,
} from "../core/money.js";
import type { Issue, Result } from "../core/result.js";
import { type Deal, type DealInput, parseDeal } from "./deal-schema.js";

/** The channel's deal as the Slack app keeps it: rates per user (or pool seat) per month. */
export interface ChannelDealRates {
  readonly vendor: string;
  readonly currency: CurrencyCode;
  readonly namedRate?: Money;
  readonly concurrentRate?: Money;
}

/** The figures of a priced file analysis that a Deal needs; rates as the analysis used them, per year. */
export type AnalysisFigures =
  | {
      readonly kind: "split";
      /** People with sessions in the log. */
      readonly people: number;
      /** The cheapest split's named users and pool size. */
      readonly named: number;
      readonly pool: number;
      readonly namedAnnual: Money;
      readonly concurrentAnnual: Money;
    }
  | {
      readonly kind: "rightsize";
      readonly provisioned: number;
      /** Users with no flag at all. */
      readonly active: number;
      /** Provisioned minus the licences that can go (occasional users keep access). */
      readonly recommended: number;
      readonly annualRate: Money;
    };

const count = z.number().int().min(0);
const moneyJson = z.object({ currency: z.string(), minor: z.number().int() });

const splitShape = z.object({
  concurrency: z.object({ users: count }),
  split: z.object({
    named: count,
    concurrent: count,
    rates: z.object({ named: moneyJson, concurrent: moneyJson }),
  }),
});

const rightsizeShape = z.object({
  rightsize: z.object({
    provisioned: count,
    active: count,
    recommended: count,
    annualRate: moneyJson,
  }),
});

function toMoney(m: z.infer<typeof moneyJson>): Money | undefined {
  const code = parseCurrency(m.currency);
  return code.ok ? { minor: m.minor, currency: code.value } : undefined;
}

/**
 * Reads a file analysis's `data` (a reply's, or a saved analysis's outputs, which lack only the
 * named list). Undefined when it is not a priced split or rightsize: nothing to draft from.
 */
export function analysisFigures(data: unknown): AnalysisFigures | undefined {
  const split = splitShape.safeParse(data);
  if (split.success) {
    const s = split.data.split;
    const namedAnnual = toMoney(s.rates.named);
    const concurrentAnnual = toMoney(s.rates.concurrent);
    if (!namedAnnual || !concurrentAnnual) return undefined;
    return {
      kind: "split",
      people: split.data.concurrency.users,
      named: s.named,
      pool: s.concurrent,
      namedAnnual,
      concurrentAnnual,
    };
  }
  const right = rightsizeShape.safeParse(data);
  if (right.success) {
    const r = right.data.rightsize;
    const annualRate = toMoney(r.annualRate);
    if (!annualRate || annualRate.minor <= 0) return undefined;
    return {
      kind: "rightsize",
      provisioned: r.provisioned,
      active: r.active,
      recommended: r.recommended,
      annualRate,
    };
  }
  return undefined;
}

const HINT_RATES = "/deal set named 70 concurrent 140, then share the file again";

function issue(code: string, message: string, hint: string): Issue {
  return { code, message, hint };
}

const sameMoney = (a: Money, b: Money) => a.currency === b.currency && a.minor === b.minor;

/**
 * The analysis was priced with per-year rates; the channel's monthly rates × 12 must still be the
 * same, else its counts (the cheapest split depends on the rates) no longer fit the deal.
 */
function rateChanged(label: string, monthly: Money, annualUsed: Money): Issue | undefined {
  const annual = times(monthly, 12);
  if (sameMoney(annual, annualUsed)) return undefined;
  return issue(
    "draft.rates_changed",
    `this analysis used ${formatMoney(annualUsed)} a year per ${label}, but the channel's ${label} rate is now ${formatMoney(monthly)}/mo (${formatMoney(annual)} a year)`,
    "click Change rates (or share the file again) and draft from the new result",
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

const NOT_IN_FILE =
  "Not in the file, so not given here: the renewal date, the renewal cap (treated as no cap, so the renewal move assumes the vendor's usual yearly rise), the implementation and the term (the default 3 years). Add them from the vendor's quote.";

/** The deal.json input for a split: everyone in the log named is the assumed offer. */
function splitInput(
  channel: ChannelDealRates,
  named: Money,
  concurrent: Money,
  f: Extract<AnalysisFigures, { kind: "split" }>,
): DealInput {
  const occasional = f.people - f.named;
  return baseInput(
    channel,
    f.people,
    named,
    concurrent,
    {
      activeFulfillers: f.people,
      fullTimeAgents: f.named,
      occasionalPeak: f.pool,
    },
    [
      `Assumed offer: the vendor licenses all ${plural(f.people, "person", "people")} in the session log as named users at ${formatMoney(named)}/mo (the channel's named rate). The file shows usage, not the quote: replace it with the real offer.`,
      `Usage from the session log: the cheapest split names ${f.named} and shares a pool of ${f.pool} concurrent licences at ${formatMoney(concurrent)}/mo among the other ${occasional}.`,
      NOT_IN_FILE,
    ],
  );
}

function rightsizeInput(
  channel: ChannelDealRates,
  named: Money,
  f: Extract<AnalysisFigures, { kind: "rightsize" }>,
): DealInput {
  const occasional = f.recommended - f.active;
  return baseInput(
    channel,
    f.provisioned,
    named,
    channel.concurrentRate,
    {
      activeFulfillers: f.recommended,
    },
    [
      `Assumed offer: the vendor licenses all ${plural(f.provisioned, "provisioned user", "provisioned users")} in the roster as named users at ${formatMoney(named)}/mo (the channel's named rate). The roster shows usage, not the quote: replace it with the real offer.`,
      `Usage from the roster: ${f.recommended} licences match real use (${f.active} active, ${occasional} occasional); ${f.provisioned - f.recommended} can go. Share a session log to size a concurrent pool for the occasional users.`,
      NOT_IN_FILE,
    ],
  );
}

function baseInput(
  channel: ChannelDealRates,
  seats: number,
  named: Money,
  concurrent: Money | undefined,
  usage: DealInput["usage"],
  notes: string[],
): DealInput {
  return {
    vendor: channel.vendor,
    product: "ITSM licences",
    currency: channel.currency,
    termYears: 3,
    noticeDays: 90,
    offer: {
      ratePeriod: "month",
      named: { seats, rate: toDecimal(named) },
      ...(concurrent ? { concurrentRate: toDecimal(concurrent) } : {}),
      renewal: { uplift: { kind: "none" }, lockedForTerm: false, exitRights: false },
    },
    usage,
    assumptions: { listUplift: "7%", askCap: "3%" },
    leverage: {},
    clauses: [],
    notes,
  };
}

/**
 * The Deal for a channel and one of its file analyses, or why it can't be built: no named rate,
 * another currency, or rates changed since the analysis. The amounts go through parseDeal, so the
 * result is exactly what a deal.json with the same figures would give.
 */
export function dealFromAnalysis(channel: ChannelDealRates, f: AnalysisFigures): Result<Deal> {
  const named = channel.namedRate;
  if (!named || named.currency !== channel.currency) {
    return {
      ok: false,
      issues: [
        issue(
          "draft.no_named_rate",
          "the channel's deal has no named rate to price the offer with",
          HINT_RATES,
        ),
      ],
    };
  }
  if (f.kind === "split") {
    const concurrent = channel.concurrentRate;
    if (!concurrent || concurrent.currency !== channel.currency) {
      return {
        ok: false,
        issues: [
          issue(
            "draft.no_concurrent_rate",
            "the channel's deal has no concurrent rate for the pool",
            HINT_RATES,
          ),
        ],
      };
    }
    const changed = [
      rateChanged("named user", named, f.namedAnnual),
      rateChanged("concurrent seat", concurrent, f.concurrentAnnual),
    ].filter((i): i is Issue => i !== undefined);
    if (changed.length > 0) return { ok: false, issues: changed };
    return parseDeal(splitInput(channel, named, concurrent, f));
  }
  const changed = rateChanged("named user", named, f.annualRate);
  if (changed) return { ok: false, issues: [changed] };
  return parseDeal(rightsizeInput(channel, named, f));
}
