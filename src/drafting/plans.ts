/**
 * Licence plans along the savings chain, costed exactly with the cost calculator. A plan is named
 * seats at one rate plus an optional concurrent pool at its rate; rates are per seat per the
 * offer's period (month or year).
 */
import { costScenario } from "../core/cost.js";
import type { LicenceLine, PricePeriod } from "../core/licence.js";
import { formatMoney, type Money, zero } from "../core/money.js";

export interface Plan {
  readonly named: number;
  readonly namedRate: Money;
  readonly concurrent: number;
  readonly concurrentRate?: Money;
  readonly period: PricePeriod;
}

export function planLines(p: Plan): LicenceLine[] {
  const lines: LicenceLine[] = [];
  if (p.named > 0) {
    lines.push({ type: "named", quantity: p.named, unitPrice: p.namedRate, period: p.period });
  }
  if (p.concurrent > 0 && p.concurrentRate) {
    lines.push({
      type: "concurrent",
      quantity: p.concurrent,
      unitPrice: p.concurrentRate,
      period: p.period,
    });
  }
  return lines;
}

/** The plan's annual cost, exact (seats × rate × 12 for monthly rates). */
export function planAnnual(p: Plan): Money {
  const lines = planLines(p);
  if (lines.length === 0) return zero(p.namedRate.currency);
  const cost = costScenario({ name: "plan", lines }, 1);
  // Deal counts are capped at 1,000,000 seats, far inside the calculator's exact range.
  if (!cost.ok) throw new RangeError(cost.issues[0]?.message ?? "plan cannot be costed");
  return cost.value.annual;
}

/** "212 named × £70 × 12 + 30 concurrent × £140 × 12 = £…": the working line for a plan. */
export function planWorking(p: Plan): string {
  const months = p.period === "month" ? " × 12" : "";
  const parts = planLines(p).map(
    (l) => `${l.quantity} ${l.type} × ${formatMoney(l.unitPrice)}${months}`,
  );
  return `${parts.join(" + ") || "no licences"} = ${formatMoney(planAnnual(p))}`;
}

/** "212 named at £70/mo + a pool of 30 concurrent at £140/mo" */
export function describePlan(p: Plan): string {
  const per = p.period === "month" ? "/mo" : "/yr";
  const named = `${p.named} named at ${formatMoney(p.namedRate)}${per}`;
  return p.concurrent > 0 && p.concurrentRate
    ? `${named} + a pool of ${p.concurrent} concurrent at ${formatMoney(p.concurrentRate)}${per}`
    : named;
}
