/**
 * "Cost per vendor per year": grouped bars, one group per year of the term and one bar per vendor
 * in each, so a dearer year 1 (implementation) or a steeper uplift shows at a glance. The subtitle
 * gives each vendor's total and marks the cheapest.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatMoney, type Money, toDecimal } from "../core/money.js";
import { currencyPrefix } from "./cost-chart.js";
import { chartFrame } from "./theme.js";

export interface CompareChartVendor {
  readonly name: string;
  /** Each year's cost: subscription plus that year's one-off charges. */
  readonly years: readonly Money[];
  readonly tco: Money;
  readonly cheapest: boolean;
}

export interface CompareChartInput {
  readonly vendors: readonly CompareChartVendor[];
  readonly years: number;
}

/** Colour-blind-safe and distinct in print; more vendors than colours reuse them in order. */
const VENDOR_COLOURS = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2"];

export function compareSpec(input: CompareChartInput): TopLevelSpec {
  const values = input.vendors.flatMap((v) =>
    v.years.map((cost, i) => ({
      vendor: v.name,
      year: `Year ${i + 1}`,
      cost: Number(toDecimal(cost)),
      label: formatMoney(cost),
    })),
  );
  const first = input.vendors[0]?.tco;
  const prefix = first ? currencyPrefix(first) : "";
  const totals = input.vendors
    .map((v) => `${v.name} ${formatMoney(v.tco)}${v.cheapest ? " (cheapest)" : ""}`)
    .join(" · ");
  const order = input.vendors.map((v) => v.name);
  const yearOrder = Array.from({ length: input.years }, (_, i) => `Year ${i + 1}`);
  return {
    ...chartFrame,
    title: {
      text: "Cost per vendor per year",
      subtitle: [
        `Each bar is one year's subscription plus that year's one-off charges (implementation, fees in year 1)`,
        `Total over ${input.years} year${input.years === 1 ? "" : "s"}: ${totals}`,
      ],
    },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "year",
        type: "nominal",
        sort: yearOrder,
        axis: { title: null, labelAngle: 0 },
      },
      xOffset: { field: "vendor", type: "nominal", sort: order },
      y: {
        field: "cost",
        type: "quantitative",
        axis: {
          title: "cost that year",
          labelExpr: `${JSON.stringify(prefix)} + format(datum.value, ',')`,
        },
      },
      color: {
        field: "vendor",
        type: "nominal",
        sort: order,
        scale: { domain: order, range: VENDOR_COLOURS.slice(0, Math.max(1, order.length)) },
        legend: { title: null, orient: "top" },
      },
      tooltip: [{ field: "vendor" }, { field: "year" }, { field: "label", title: "cost" }],
    },
  } as TopLevelSpec;
}
