/** The JSON shapes shared by triage, brief and email: the moves and the waterfall, documented once. */
import { moneyJson } from "../../core/money.js";
import type { DealAnalysis } from "../../drafting/moves.js";

/**
 * `{ vendor, product, currency, offerAnnual, counterAnnual, totalAnnual (offer − counter, per year),
 * renewalSaving (over the term, or null), termYears, waterfall: [{ key, label, saving, afterAnnual }],
 * moves: [{ key, step, status ("against us" | "missing" | "not checked" | "not needed" | "covered"),
 * atStake (MoneyJson or null), per ("year" | "term" | "one-off"), ask, finding }] }`.
 * Moves are in playbook order; triage also gives `ranked`, the keys most valuable first.
 */
export function dealData(a: DealAnalysis) {
  const w = a.waterfall;
  return {
    vendor: a.deal.vendor,
    product: a.deal.product,
    currency: a.deal.currency,
    termYears: a.deal.termYears,
    offerAnnual: moneyJson(w.offerAnnual),
    counterAnnual: moneyJson(w.counterAnnual),
    totalAnnual: moneyJson(w.totalAnnual),
    renewalSaving: a.renewalSaving ? moneyJson(a.renewalSaving) : null,
    waterfall: w.steps.map((s) => ({
      key: s.key,
      label: s.label,
      saving: moneyJson(s.saving),
      afterAnnual: moneyJson(s.afterAnnual),
    })),
    moves: a.moves.map((m) => ({
      key: m.key,
      step: m.step,
      status: m.status,
      atStake: m.atStake ? moneyJson(m.atStake) : null,
      per: m.per,
      ask: m.ask,
      finding: m.finding,
    })),
  };
}
