import { describe, expect, it } from "vitest";
import { findTool, modelTools } from "../../src/assistant/tools/index.js";
import type { ToolOutput } from "../../src/assistant/tools/tool.js";
import { testContext } from "../commands/context.js";

const ctx = testContext();

async function call(name: string, args: unknown): Promise<ToolOutput> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.call(typeof args === "string" ? args : JSON.stringify(args), ctx);
}

function content(out: ToolOutput): Record<string, unknown> {
  return JSON.parse(out.content) as Record<string, unknown>;
}

describe("model tools", () => {
  it("offers cost, tiers, renewal, impl and search_knowledge with object JSON Schemas", () => {
    expect(modelTools.map((t) => t.name)).toEqual([
      "cost",
      "tiers",
      "renewal",
      "impl",
      "search_knowledge",
    ]);
    for (const t of modelTools) {
      expect(t.parameters.type).toBe("object");
      expect("$schema" in t.parameters).toBe(false);
    }
  });

  it("cost: runs the calculator on its text grammar and gives the model the figures", async () => {
    const out = await call("cost", {
      plans: [
        {
          lines: [
            { seats: 150, type: "named", price: 70 },
            { seats: 100, type: "concurrent", price: 140 },
          ],
        },
        { lines: [{ seats: 500, type: "named", price: 100, period: "month" }] },
      ],
      currency: "gbp",
    });
    const c = content(out);
    expect(c.command).toBe(
      "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100/mo --currency GBP",
    );
    // 150 × 70 × 12 = 126,000; 100 × 140 × 12 = 168,000; total 294,000 against 500 × 100 × 12 = 600,000
    expect(c.headline).toBe(
      "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).",
    );
    // Money reaches the model as its text, not as { minor, amount, … } objects.
    expect(out.content).toContain('"annual":"£294,000"');
    expect(out.content).not.toContain("minor");
    expect(out.calculation?.command).toBe(c.command);
  });

  it("cost: a year price and users covered go into the grammar", async () => {
    const out = await call("cost", {
      plans: [
        {
          lines: [{ seats: 100, type: "concurrent", price: 1680, period: "year" }],
          usersCovered: 350,
        },
        { lines: [{ seats: 350, type: "named", price: 100 }] },
      ],
      years: 3,
    });
    expect(content(out).command).toBe(
      "cost 100 concurrent @ 1680/yr for 350 users vs 350 named @ 100 --years 3",
    );
  });

  it("tiers: builds the tier list, mode and forecast", async () => {
    const out = await call("tiers", {
      seats: 240,
      tiers: [
        { from: 1, to: 99, rate: 75 },
        { from: 100, to: 249, rate: 70 },
        { from: 250, rate: 62 },
      ],
      mode: "all-units",
      forecastSeats: 260,
      forecastMonths: 6,
    });
    const c = content(out);
    expect(c.command).toBe(
      'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units --forecast 260 --within 6',
    );
    expect(c.ok).toBe(true);
  });

  it("renewal: a 3% cap on £294,000 over 3 years", async () => {
    const c = content(await call("renewal", { annualAmount: 294000, years: 3, capPercent: 3 }));
    expect(c.command).toBe("renewal 294000 --years 3 --cap 3%");
    // 294,000 + 294,000 × 1.03 (302,820) + 302,820 × 1.03 (311,904.60) = 908,724.60
    expect(c.headline).toBe("Over 3 years at a 3% cap you pay £908,724.60.");
  });

  it("renewal: CPI values and the lesser-of rule", async () => {
    const c = content(
      await call("renewal", {
        annualAmount: 2000000,
        years: 3,
        cpiPercents: [4.1, 3.2],
        lesserOfPercent: 3,
        currency: "USD",
      }),
    );
    expect(c.command).toBe("renewal 2000000 --years 3 --cpi 4.1,3.2 --lesser-of 3% --currency USD");
    expect(c.ok).toBe(true);
  });

  it("impl: fixed price against time and materials", async () => {
    const c = content(
      await call("impl", {
        fixedPrice: 45000,
        days: 60,
        dayRate: 1200,
        overrunLowPercent: 10,
        overrunHighPercent: 40,
      }),
    );
    expect(c.command).toBe("impl --fixed 45000 --days 60 --day-rate 1200 --overrun 10-40%");
    // 60 × 1,200 = 72,000; × 1.4 = 100,800
    expect(c.headline).toBe(
      "Fixed price £45,000 caps the work; time and materials is £72,000 at estimate and up to £100,800 with a 40% overrun.",
    );
  });

  it("a calculator's own complaint goes back to the model as issues, without a calculation", async () => {
    const out = await call("tiers", {
      seats: 400,
      tiers: [
        { from: 1, to: 99, rate: 75 },
        { from: 100, to: 249, rate: 70 },
      ],
    });
    const c = content(out);
    expect(c.ok).toBe(false);
    expect(Array.isArray(c.issues)).toBe(true);
    expect(out.calculation).toBeUndefined();
  });

  it("rejects arguments that fail the schema, naming the field", async () => {
    const c = content(
      await call("cost", { plans: [{ lines: [{ seats: -5, type: "named", price: 70 }] }] }),
    );
    expect(c).toEqual({
      ok: false,
      error: "invalid arguments",
      issues: ["plans.0.lines.0.seats: Too small: expected number to be >0"],
    });
  });

  it("rejects unknown fields and arguments that are not JSON", async () => {
    expect(content(await call("renewal", { annualAmount: 1, years: 3, bogus: 1 })).issues).toEqual([
      'arguments: Unrecognized key: "bogus"',
    ]);
    expect(content(await call("renewal", "{not json"))).toEqual({
      ok: false,
      error: "the arguments are not valid JSON",
    });
  });

  it("search_knowledge: passages with their articles, and the articles as sources", async () => {
    const out = await call("search_knowledge", { query: "renewal cap", limit: 2 });
    const c = content(out) as { ok: boolean; passages: { article: string; title: string }[] };
    expect(c.ok).toBe(true);
    expect(c.passages).toHaveLength(2);
    expect(c.passages[0]?.article).toBe("renewal-caps");
    expect(out.sources?.[0]).toEqual({ id: "renewal-caps", title: c.passages[0]?.title });
  });
});
