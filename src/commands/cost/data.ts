/** The `cost` command's stable JSON contract (`data` of its reply). */

import type { Attribution } from "../../core/attribution.js";
import type { LineCost, Saving, ScenarioCost } from "../../core/cost.js";
import { knownUsers } from "../../core/licence.js";
import { type Money, type MoneyJson, moneyJson } from "../../core/money.js";
import { percentNumber } from "../../core/percent.js";
import type { CurrencyChoice } from "../grammar/currency.js";

export interface Comparison {
  readonly option: ScenarioCost;
  readonly saving: Saving;
  readonly attribution: Attribution;
}

/** Everything the reply is built from; the last scenario in `costs` is the baseline. */
export interface CostAnalysis {
  readonly costs: readonly ScenarioCost[];
  readonly baseline: ScenarioCost;
  readonly comparisons: readonly Comparison[];
  readonly currency: CurrencyChoice;
  readonly years: number;
  /** True when at least one price had no /mo or /yr and was read as per month. */
  readonly monthAssumed: boolean;
}

function lineJson(l: LineCost) {
  return {
    type: l.line.type,
    quantity: l.line.quantity,
    unitPrice: moneyJson(l.line.unitPrice),
    period: l.line.period,
    monthly: moneyJson(l.monthly),
    annual: moneyJson(l.annual),
  };
}

function savingJson(s: Saving): { annual: MoneyJson; percent: number; term?: MoneyJson } {
  return {
    annual: moneyJson(s.annual),
    percent: percentNumber(s.percent),
    ...(s.term ? { term: moneyJson(s.term) } : {}),
  };
}

function optionalMoney(key: string, m: Money | undefined): Record<string, MoneyJson> {
  return m ? { [key]: moneyJson(m) } : {};
}

/**
 * The `data` contract:
 * - `currency`: ISO code; `currencyAssumed`: true when the text named none and the default was used.
 * - `periodAssumption`: "month" — a price without /mo or /yr is per user per month;
 *   `periodAssumed`: true when at least one price relied on it.
 * - `years`: the term (1 unless `--years N`); `term` amounts appear only when years > 1, flat.
 * - `baseline`: the name of the baseline plan (the last one typed).
 * - `scenarios[]`: `{ name, role: "baseline"|"option", usersCovered?, lines[], monthly, annual,
 *   term? }`; each line `{ type: "named"|"concurrent", quantity, unitPrice, period: "month"|"year",
 *   monthly, annual }`. `usersCovered` is present when known (named-only plans, or `for N users`).
 * - `comparisons[]`: one per option, `{ scenario, saving: { annual, percent, term? },
 *   attribution: { quantity, rate, mix, total, users: { basis, baseline?, option? },
 *   convention } }`. Savings are baseline − option (negative when the option costs more); percent
 *   is of the baseline's annual cost; quantity + rate + mix = total exactly.
 * - `saving`: the first option's saving against the baseline; absent when one plan was given.
 * Amounts are MoneyJson (`{ currency, minor, amount, text }`); percents are numbers (51 for 51%).
 */
export function costData(a: CostAnalysis): Record<string, unknown> {
  const first = a.comparisons[0];
  return {
    currency: a.currency.code,
    currencyAssumed: a.currency.assumed,
    periodAssumption: "month",
    periodAssumed: a.monthAssumed,
    years: a.years,
    baseline: a.baseline.scenario.name,
    scenarios: a.costs.map((c) => {
      const users = knownUsers(c.scenario);
      return {
        name: c.scenario.name,
        role: c === a.baseline ? "baseline" : "option",
        ...(users !== undefined ? { usersCovered: users } : {}),
        lines: c.lines.map(lineJson),
        monthly: moneyJson(c.monthly),
        annual: moneyJson(c.annual),
        ...optionalMoney("term", c.term),
      };
    }),
    comparisons: a.comparisons.map((cmp) => ({
      scenario: cmp.option.scenario.name,
      saving: savingJson(cmp.saving),
      attribution: {
        quantity: moneyJson(cmp.attribution.quantity),
        rate: moneyJson(cmp.attribution.rate),
        mix: moneyJson(cmp.attribution.mix),
        total: moneyJson(cmp.attribution.total),
        users: {
          basis: cmp.attribution.users.basis,
          ...(cmp.attribution.users.baseline !== undefined
            ? { baseline: cmp.attribution.users.baseline }
            : {}),
          ...(cmp.attribution.users.option !== undefined
            ? { option: cmp.attribution.users.option }
            : {}),
        },
        convention: "quantity, then rate, then mix",
      },
    })),
    ...(first ? { saving: savingJson(first.saving) } : {}),
  };
}
