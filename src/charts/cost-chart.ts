/**
 * "Annual cost vs number of named seats", the second chart under a file's answer: each point
 * names that many users (the plan's first) and pools the rest with the exact pool they need; the
 * plan is marked and labelled.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CostCurve, CostPoint } from "../core/chart-data.js";
import { formatMoney, type Money, money, toDecimal } from "../core/money.js";
import { COLOURS, chartFrame } from "./theme.js";

export interface CostChartInput {
  readonly curve: CostCurve;
  /** What the marked plan is called, e.g. "best plan". */
  readonly planName?: string;
}

/** "£" from "£0", "CHF " from "CHF 0": what goes before an amount on the axis. */
export function currencyPrefix(m: Money): string {
  return formatMoney(money(0, m.currency)).replace(/0$/, "");
}

export function planLabel(point: CostPoint, name: string): string {
  const pool = point.pool === 0 ? "no pool" : `a pool of ${point.pool}`;
  return `${name}: ${point.named} named + ${pool} = ${formatMoney(point.cost)} a year`;
}

export function costSpec(input: CostChartInput): TopLevelSpec {
  const { points, planIndex } = input.curve;
  const first = points[0];
  const last = points[points.length - 1];
  const values = points.map((p) => ({
    named: p.named,
    pool: p.pool,
    cost: Number(toDecimal(p.cost)),
  }));
  const prefix = first ? currencyPrefix(first.cost) : "";
  const plan = planIndex === undefined ? undefined : points[planIndex];
  const planName = input.planName ?? "best plan";
  const lastNamed = last?.named ?? 0;
  // The label reads away from the nearer edge, so it is never cut off; it sits below the point,
  // where a cheapest plan leaves the chart empty.
  const rightHalf =
    plan !== undefined && plan.named - (first?.named ?? 0) > (lastNamed - (first?.named ?? 0)) / 2;
  // Below the point unless that would reach the axis (a plan far cheaper than the dearest one).
  const dearest = Math.max(0, ...values.map((v) => v.cost));
  const planCost = plan ? Number(toDecimal(plan.cost)) : 0;
  const below = planCost >= 0.15 * dearest;
  const planPoint = plan
    ? [{ ...values[planIndex as number], label: planLabel(plan, planName) }]
    : [];
  const ends: string[] = [];
  if (last) ends.push(`everyone named: ${formatMoney(last.cost)}`);
  if (first) {
    const fewest =
      first.named === 0 ? "all concurrent" : `${first.named} named by policy, the rest pooled`;
    ends.push(`${fewest}: ${formatMoney(first.cost)}`);
  }
  if (plan) ends.push(`${planName}: ${formatMoney(plan.cost)}`);
  const x = {
    field: "named",
    type: "quantitative" as const,
    scale: { nice: false },
    axis: {
      title: "named seats (everyone else shares a pool sized to their peak)",
      tickMinStep: 1,
      format: "d",
      labelFlush: true,
    },
  };
  const y = {
    field: "cost",
    type: "quantitative" as const,
    axis: {
      title: "annual cost",
      labelExpr: `${JSON.stringify(prefix)} + format(datum.value, ',')`,
    },
  };
  return {
    ...chartFrame,
    title: {
      text: "Annual cost against the number of named seats",
      subtitle: [
        "Each point names that many users (the plan's first, then by share of peak time) and pools the rest",
        ends.join(" · "),
      ],
    },
    layer: [
      {
        data: { values },
        mark: { type: "line", color: COLOURS.cost, strokeWidth: 2.5, interpolate: "linear" },
        encoding: { x, y },
      },
      ...(plan
        ? [
            {
              data: { values: planPoint },
              mark: {
                type: "point" as const,
                filled: true,
                size: 220,
                color: COLOURS.plan,
                opacity: 1,
              },
              encoding: { x, y },
            },
            {
              data: { values: planPoint },
              mark: {
                type: "text" as const,
                align: rightHalf ? ("right" as const) : ("left" as const),
                baseline: below ? ("top" as const) : ("bottom" as const),
                dx: rightHalf ? -4 : 4,
                dy: below ? 16 : -16,
                fontSize: 16,
                fontWeight: "bold" as const,
                color: COLOURS.plan,
              },
              encoding: { x, y, text: { field: "label" } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}
