import { describe, expect, it } from "vitest";
import { compareSpec } from "../../src/charts/compare-chart.js";
import { renderChart } from "../../src/charts/render.js";
import { currency, major } from "../../src/core/money.js";

const GBP = currency("GBP");
const input = {
  years: 2,
  vendors: [
    {
      name: "Halo",
      years: [major(213_600, GBP), major(211_680, GBP)],
      tco: major(425_280, GBP),
      cheapest: false,
    },
    {
      name: "Rival",
      years: [major(123_800, GBP), major("103824.5", GBP)],
      tco: major("227624.5", GBP),
      cheapest: true,
    },
  ],
};

describe("compareSpec: cost per vendor per year", () => {
  it("has one bar per vendor per year, grouped by year, vendors in quote order", () => {
    const spec = compareSpec(input) as unknown as {
      data: { values: { vendor: string; year: string; cost: number; label: string }[] };
      encoding: { xOffset: { sort: string[] }; x: { sort: string[] } };
      title: { subtitle: string[] };
    };
    expect(spec.data.values).toEqual([
      { vendor: "Halo", year: "Year 1", cost: 213600, label: "£213,600" },
      { vendor: "Halo", year: "Year 2", cost: 211680, label: "£211,680" },
      { vendor: "Rival", year: "Year 1", cost: 123800, label: "£123,800" },
      { vendor: "Rival", year: "Year 2", cost: 103824.5, label: "£103,824.50" },
    ]);
    expect(spec.encoding.x.sort).toEqual(["Year 1", "Year 2"]);
    expect(spec.encoding.xOffset.sort).toEqual(["Halo", "Rival"]);
    expect(spec.title.subtitle[1]).toBe(
      "Total over 2 years: Halo £425,280 · Rival £227,624.50 (cheapest)",
    );
  });

  it("draws a PNG", async () => {
    const chart = await renderChart(compareSpec(input));
    expect([...chart.png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(chart.width).toBeGreaterThan(0);
  });
});
