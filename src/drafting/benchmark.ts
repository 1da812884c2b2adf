/**
 * What a benchmark rate is worth to us, said once for triage and the brief. It is leverage, not an
 * ask: the asks already name a rate (the offer's, or the next tier's), and asking for two rates at
 * once would contradict ourselves. So it never moves the counter figure; the note says how far
 * below the asked rate it is and what matching it would be worth, so the negotiator can press.
 */
import { formatMoney, type Money, sub } from "../core/money.js";
import { planAnnual } from "./plans.js";
import type { Waterfall } from "./waterfall.js";

/** The note on the benchmark rate, or undefined when the deal gives none. */
export function benchmarkNote(w: Waterfall, benchmarkRate: Money | undefined): string | undefined {
  if (!benchmarkRate) return undefined;
  const plan = w.counter;
  const per = `per named seat per ${plan.period}`;
  const bench = `The benchmark rate of ${formatMoney(benchmarkRate)} ${per}`;
  if (plan.named === 0) return `${bench} is not used: the counter-proposal has no named seats.`;
  if (benchmarkRate.minor >= plan.namedRate.minor) {
    return `${bench} is not below the ${formatMoney(plan.namedRate)} the asks name, so it adds nothing to them.`;
  }
  const gap = sub(plan.namedRate, benchmarkRate);
  const further = sub(planAnnual(plan), planAnnual({ ...plan, namedRate: benchmarkRate }));
  const months = plan.period === "month" ? " × 12" : "";
  return `${bench} is leverage, not an ask: ${formatMoney(gap)} below the ${formatMoney(plan.namedRate)} the asks name, it would be worth a further ${formatMoney(further)} a year if matched (${plan.named} × ${formatMoney(gap)}${months}). The counter figure does not count on it.`;
}
