/**
 * Rendering the model's references into code-written figures, and refusing a reply that restates a
 * figure's unit, period or currency, flips its direction, swaps parts, or cites nothing.
 */
import { describe, expect, it } from "vitest";
import { costFigures } from "../../../src/assistant/figures/cost.js";
import type { LabelledFigure } from "../../../src/assistant/figures/figure.js";
import { renderFinalText } from "../../../src/assistant/figures/render.js";
import { renewalFigures } from "../../../src/assistant/figures/renewal.js";

function money(minor: number) {
  return { currency: "GBP", minor };
}

// The cost calculator's data for 150 named @ £70 + 100 concurrent @ £140 vs 500 named @ £100:
// option 150 × 70 × 12 + 100 × 140 × 12 = 126,000 + 168,000 = £294,000 a year; baseline
// 500 × 100 × 12 = £600,000; saving 600,000 − 294,000 = £306,000 = 51% of 600,000. Parts, in
// the calculator's order (users, then rate, then mix): users 0 (both plans serve 500 people);
// rate 500 × (100 − 70) × 12 = £180,000; mix 500 × 70 × 12 − 294,000 = £126,000; 180 + 126 = 306.
const COST_DATA = {
  years: 1,
  scenarios: [
    { role: "option", annual: money(29_400_000) },
    { role: "baseline", annual: money(60_000_000) },
  ],
  comparisons: [
    {
      saving: { annual: money(30_600_000), percent: 51 },
      attribution: { quantity: money(0), rate: money(18_000_000), mix: money(12_600_000) },
    },
  ],
};

function labelled(label: string, specs: ReturnType<typeof costFigures>): LabelledFigure[] {
  return specs.map((f) => ({ ...f, ref: `${label}.${f.name}` }));
}

const COST = labelled("cost", costFigures(COST_DATA));

describe("renderFinalText", () => {
  it("renders each reference exactly, with unit and period, from the tool result", () => {
    const out = renderFinalText(
      "The mixed plan costs {{cost.optionAnnual}} against {{cost.baselineAnnual}}, saving {{cost.saving}} ({{cost.savingPercent}}).",
      COST,
    );
    expect(out).toEqual({
      ok: true,
      text: "The mixed plan costs £294,000 a year against £600,000 a year, saving £306,000 a year (51%).",
      used: ["cost.optionAnnual", "cost.baselineAnnual", "cost.saving", "cost.savingPercent"],
    });
  });

  it("accepts a reply with no figures at all", () => {
    expect(renderFinalText("Concurrent suits occasional users.", [])).toMatchObject({ ok: true });
  });

  it("renders the parts of a saving when each is named for what it is", () => {
    const out = renderFinalText(
      "The lower rate saves {{cost.savingFromRate}} and the licensing model saves {{cost.savingFromModel}}.",
      COST,
    );
    expect(out).toMatchObject({
      ok: true,
      text: "The lower rate saves £180,000 a year and the licensing model saves £126,000 a year.",
    });
  });

  it("renders a second result of the same tool under its own label", () => {
    const second = labelled("cost#2", costFigures(COST_DATA));
    expect(renderFinalText("It saves {{cost#2.saving}}.", [...COST, ...second])).toMatchObject({
      ok: true,
      text: "It saves £306,000 a year.",
    });
  });

  const refused: readonly (readonly [string, string, string])[] = [
    ["an unknown figure name", "It saves {{cost.total}}.", "unknown-figure"],
    ["a tool that never ran", "Over the term you pay {{renewal.termTotal}}.", "unknown-figure"],
    ["a knowledge-base figure", "Caps are usually {{kb:renewal-caps#1}}.", "unknown-figure"],
    ["a half-written reference", "It saves {cost.saving}.", "unknown-figure"],
    ["another period after an annual figure", "It saves {{cost.saving}} a month.", "unit-added"],
    ["per month", "It saves {{cost.saving}} per month.", "unit-added"],
    ["for each agent", "It saves {{cost.saving}} for each agent.", "unit-added"],
    ["the term after an annual figure", "It saves {{cost.saving}} over the term.", "unit-added"],
    ["a slash period", "It saves {{cost.saving}}/month.", "unit-added"],
    ["another currency before", "It saves USD {{cost.saving}}.", "unit-added"],
    ["another currency after", "It saves {{cost.saving}} dollars.", "unit-added"],
    ["a currency sign", "It saves $" + "{{cost.saving}}.", "figure-symbol"],
    ["a per-cent sign", "It saves {{cost.savingPercent}}%.", "figure-symbol"],
    ["a saving said to cost more", "The mixed plan costs {{cost.saving}} more.", "misattributed"],
    [
      "the baseline's cost given as the option's",
      "The mixed plan costs {{cost.baselineAnnual}} against {{cost.optionAnnual}}.",
      "misattributed",
    ],
    [
      "the rate part given to the model",
      "The licensing model saves {{cost.savingFromRate}}.",
      "misattributed",
    ],
    [
      "the model part given to the rate",
      "The lower rate saves {{cost.savingFromModel}}.",
      "misattributed",
    ],
    ["a figure of its own beside a reference", "It saves {{cost.saving}}, about 300k.", "numeral"],
  ];

  it.each(refused)("refuses %s", (_name, text, problem) => {
    const out = renderFinalText(text, COST);
    expect(out.ok).toBe(false);
    expect(out.ok ? [] : out.problems).toContain(problem);
  });

  it("refuses the capped total said to be the uncapped one, and the reverse", () => {
    // 294,000 at a 3% cap over 3 years: 294,000 + 302,820 + 311,904.60 = £908,724.60; with a 7%
    // list uplift 294,000 + 314,580 + 336,600.60 = £945,180.60; difference £36,456.
    const figures = labelled(
      "renewal",
      renewalFigures({
        years: 3,
        base: money(29_400_000),
        total: money(90_872_460),
        rows: [],
        uncapped: { total: money(94_518_060), difference: money(3_645_600) },
        policy: { capPercent: 3 },
      }),
    );
    expect(
      renderFinalText("With the cap the term costs {{renewal.termTotal}}.", figures),
    ).toMatchObject({ ok: true, text: "With the cap the term costs £908,724.60 over 3 years." });
    expect(renderFinalText("Uncapped you would pay {{renewal.termTotal}}.", figures)).toMatchObject(
      { ok: false, problems: ["misattributed"] },
    );
    expect(
      renderFinalText("Under the cap you pay {{renewal.uncappedTotal}}.", figures),
    ).toMatchObject({ ok: false, problems: ["misattributed"] });
    expect(
      renderFinalText("The cap saves {{renewal.capSaving}} against the list uplift.", figures),
    ).toMatchObject({
      ok: true,
      text: "The cap saves £36,456 over 3 years against the list uplift.",
    });
  });
});
