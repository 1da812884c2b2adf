/**
 * The PNG under a comparison: cost per vendor per year. A chart that cannot be drawn costs the
 * reply its picture, never its answer: the failure becomes a note.
 */
import type { Comparison } from "../../core/compare/compare.js";
import type { ReplyFile } from "../reply.js";

export const COMPARE_PNG = "cost-per-vendor-per-year.png";

export interface CompareChart {
  readonly files: readonly ReplyFile[];
  readonly notes: readonly string[];
}

export async function compareChart(c: Comparison): Promise<CompareChart> {
  try {
    // Loaded here, not at import: vega and resvg cost half a second that a refusal never needs.
    const [{ compareSpec }, { renderChart }] = await Promise.all([
      import("../../charts/compare-chart.js"),
      import("../../charts/render.js"),
    ]);
    const spec = compareSpec({
      years: c.years,
      vendors: c.vendors.map((v, i) => ({
        name: v.offer.name,
        years: v.years.map((y) => y.total),
        tco: v.tco,
        cheapest: c.cheapest.includes(i),
      })),
    });
    const chart = await renderChart(spec);
    const file: ReplyFile = {
      name: COMPARE_PNG,
      mediaType: "image/png",
      content: chart.png,
      description: "Cost per vendor per year",
    };
    return { files: [file], notes: [] };
  } catch {
    return {
      files: [],
      notes: ["The chart could not be drawn this time; every figure above stands without it."],
    };
  }
}
