import { describe, expect, it } from "vitest";
import { concurrencySpec, poolLabel } from "../../src/charts/concurrency-chart.js";
import { costSpec, currencyPrefix } from "../../src/charts/cost-chart.js";
import { renderChart } from "../../src/charts/render.js";
import { costByNamedSeats, onlineOverTime } from "../../src/core/chart-data.js";
import { currency, money } from "../../src/core/money.js";
import type { Session } from "../../src/core/usage.js";

const M = 60_000;
const GBP = currency("GBP");
const s = (user: string, from: number, to: number): Session => ({
  user,
  start: Date.UTC(2026, 8, 7) + from * M,
  end: Date.UTC(2026, 8, 7) + to * M,
});
// a 0–60, b 30–90, c 45–50 and 70–75 (minutes after midnight, 7 Sep 2026): peak 3.
const sessions = [s("a", 0, 60), s("b", 30, 90), s("c", 45, 50), s("c", 70, 75)];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk: bytes 16–19 and 20–23, big-endian. */
function ihdrSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("renderChart: people online over time", () => {
  it("draws a 1000 × 500 PNG with the title and the pool line's label", async () => {
    const series = onlineOverTime(sessions, { named: new Set(["a"]), bucketMs: 15 * M });
    const chart = await renderChart(
      concurrencySpec({ series, pool: 2, utcOffsetMinutes: 60, timeZone: "Europe/London" }),
    );
    expect([...chart.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(chart.png)).toEqual({ width: 1000, height: 500 });
    expect([chart.width, chart.height]).toEqual([1000, 500]);
    expect(chart.svg).toContain("People online over time");
    expect(chart.svg).toContain("pool of 2");
    // A log of 90 minutes reads by the clock; 00:00 UTC is 01:00 at UTC+1.
    expect(chart.svg).toContain("time (Europe/London)");
    expect(chart.svg).toContain(">01:00</text>");
    // Peak 3; b and c (not named) peak at 2 (45–50).
    expect(chart.svg).toContain("peak 3 · the people not named peak at 2, so the pool is 2");
    // Measured with the font's widths, the legend fits its label whole (no "…").
    expect(chart.svg).toContain("online and not named: what the pool must carry");
    expect(chart.svg).not.toContain("…");
  });

  it("draws no pool line or pooled series without a plan", async () => {
    const series = onlineOverTime(sessions, { bucketMs: 15 * M });
    const chart = await renderChart(
      concurrencySpec({ series, utcOffsetMinutes: 0, timeZone: "UTC" }),
    );
    expect(ihdrSize(chart.png)).toEqual({ width: 1000, height: 500 });
    expect(chart.svg).toContain("Most people online at once in each 15-minute slot · peak 3");
    expect(chart.svg).not.toContain("pool of");
    expect(chart.svg).not.toContain("not named");
  });
});

describe("concurrencySpec", () => {
  it("says when headroom makes the pool bigger than the pooled peak", () => {
    // b and c (not named) peak at 2; a pool of 3 is 1 seat of headroom.
    const series = onlineOverTime(sessions, { named: new Set(["a"]), bucketMs: 15 * M });
    const spec = concurrencySpec({ series, pool: 3, utcOffsetMinutes: 0, timeZone: "UTC" });
    expect(JSON.stringify(spec)).toContain(
      "the people not named peak at 2; with headroom the pool is 3",
    );
  });

  it("reads a longer log by the date", () => {
    // Two sessions three days apart: more than 36 hours, so the axis shows dates.
    const series = onlineOverTime([s("a", 0, 60), s("a", 3 * 1440, 3 * 1440 + 60)]);
    const spec = JSON.stringify(concurrencySpec({ series, utcOffsetMinutes: 0, timeZone: "UTC" }));
    expect(spec).toContain('"title":"date (UTC)","format":"%-d %b"');
  });

  it("labels an empty pool as no pool", () => {
    expect(poolLabel(0)).toBe("no pool");
    expect(poolLabel(7)).toBe("pool of 7");
  });
});

describe("renderChart: cost against named seats", () => {
  it("marks and labels the plan, with currency on the cost axis", async () => {
    // Yearly £100 named, £150 a pool seat. Plan {a}: b and c pooled, peak 2 →
    // 1 × £100 + 2 × £150 = £400. Everyone named 3 × £100 = £300; all concurrent 3 × £150 = £450.
    const curve = costByNamedSeats(sessions, {
      named: ["a"],
      namedRate: money(10_000, GBP),
      concurrentRate: money(15_000, GBP),
    });
    const chart = await renderChart(costSpec({ curve }));
    expect([...chart.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(chart.png)).toEqual({ width: 1000, height: 500 });
    expect(chart.svg).toContain("Annual cost against the number of named seats");
    expect(chart.svg).toContain("best plan: 1 named + a pool of 2 = £400 a year");
    expect(chart.svg).toContain("everyone named: £300 · all concurrent: £450 · best plan: £400");
    expect(chart.svg).toMatch(/£\d/);
  });

  it("takes the currency's own prefix for the axis", () => {
    expect(currencyPrefix(money(1, GBP))).toBe("£");
    expect(currencyPrefix(money(1, currency("USD")))).toBe("$");
    expect(currencyPrefix(money(1, currency("EUR")))).toBe("€");
  });
});
