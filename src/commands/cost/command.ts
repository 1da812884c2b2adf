/**
 * `cost`: costs licensing plans typed mid-call and compares them with a baseline, showing where the
 * saving comes from (users covered, rates, the licensing model). Grammar: see grammar.ts.
 */

import { attribute } from "../../core/attribution.js";
import { costScenario, type ScenarioCost, savingAgainst } from "../../core/cost.js";
import { type LicenceLine, licenceLine, type Scenario, scenario } from "../../core/licence.js";
import { type CurrencyCode, fromMajorExact, toDecimal } from "../../core/money.js";
import { all, fail, type Issue, ok, type Result } from "../../core/result.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { chooseCurrency } from "../grammar/currency.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { type Comparison, type CostAnalysis, costData } from "./data.js";
import { COST_EXAMPLE, parseCostText, type TypedLine, type TypedScenario } from "./grammar.js";
import { kindOf, scenarioNames } from "./names.js";
import {
  attributionTable,
  comparisonTable,
  costHeadline,
  costNotes,
  costWorking,
  planTable,
} from "./reply.js";

const NAME = "cost";
const USAGE = `cost LINES [vs LINES ...] [for N users] [GBP] [--years N]   e.g. cost ${COST_EXAMPLE} GBP`;

function toLine(typed: TypedLine, code: CurrencyCode): Result<LicenceLine> {
  const price = fromMajorExact(typed.price.value, code);
  if (!price.ok) {
    const issue = price.issues[0];
    const what = `the price for ${typed.quantity} ${typed.type} (${typed.price.text})`;
    return issue?.code === "money.too_precise"
      ? fail(issue.code, `${what} has more decimals than ${code} allows`, issue.hint)
      : fail("money.too_large", `${what} is too large`);
  }
  return licenceLine({
    type: typed.type,
    quantity: typed.quantity,
    unitPrice: price.value,
    period: typed.period ?? "month",
  });
}

function toScenario(typed: TypedScenario, name: string, code: CurrencyCode): Result<Scenario> {
  const lines = all(typed.lines.map((l) => toLine(l, code)));
  if (!lines.ok) return lines;
  return scenario(name, lines.value, typed.usersCovered);
}

function analyse(text: string, ctx: CommandContext): Result<CostAnalysis> {
  const typed = parseCostText(text);
  if (!typed.ok) return typed;
  const { scenarios: plans, years } = typed.value;
  const currency = chooseCurrency(typed.value.signs, typed.value.codes, ctx.defaultCurrency);
  if (!currency.ok) return currency;
  const code = currency.value.code;
  const names = scenarioNames(plans.map((p) => kindOf(p.lines.map((l) => l.type))));
  const built = all(plans.map((p, i) => toScenario(p, names[i] ?? `plan ${i + 1}`, code)));
  if (!built.ok) return built;
  const costs = all(built.value.map((s) => costScenario(s, years)));
  if (!costs.ok) return costs;
  const baseline = costs.value[costs.value.length - 1] as ScenarioCost;
  const comparisons: Comparison[] = [];
  const issues: Issue[] = [];
  for (const option of costs.value.slice(0, -1)) {
    const attribution = attribute(option, baseline);
    if (attribution.ok) {
      comparisons.push({
        option,
        saving: savingAgainst(option, baseline),
        attribution: attribution.value,
      });
    } else {
      issues.push(...attribution.issues);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok({
    costs: costs.value,
    baseline,
    comparisons,
    currency: currency.value,
    years,
    monthAssumed: plans.some((p) => p.lines.some((l) => l.period === undefined)),
  });
}

/** Follow-ups: the same plans over a term, then the renewal of the plan the headline is about. */
function nextSteps(text: string, a: CostAnalysis): string[] {
  const next: string[] = [];
  if (a.years === 1) next.push(`cost ${text} --years 3`);
  if (a.comparisons.length === 0) next.push(`cost ${text} vs 500 named @ 100`);
  const plan = a.comparisons[0]?.option ?? a.baseline;
  const amount = toDecimal(plan.annual).replace(/\.0+$/, "");
  next.push(`renewal ${amount} ${a.currency.code} years ${Math.max(a.years, 3)} cap 3%`);
  return next;
}

export const costCommand: SyncCommand = {
  name: NAME,
  aliases: ["compare"],
  summary:
    "Cost licence plans and compare them with a baseline, showing where the saving comes from.",
  usage: USAGE,
  examples: [
    `cost ${COST_EXAMPLE} GBP`,
    "cost 400 named @ 100 vs 500 named @ 100",
    "cost 150 n @ 70, 100 c @ 1,680/yr for 350 users vs 500 n @ 100 --years 3",
    "cost 120 named at £85/mo",
  ],
  help: [
    "Plans are separated by vs; the LAST plan is the baseline and every other plan is compared with it. One plan alone is just costed.",
    "Lines in a plan are joined by +, `and` or a comma. A line is SEATS TYPE @ PRICE: 150 named @ 70, 150 named at £70/mo, 100 concurrent @ 140, 100 conc @ 140, 150 n @ 70, 100 c @ 1,680/yr, 150n@70.",
    "Types: named (n) or concurrent (conc, con, c). Words like seats, users or pool after the type are ignored.",
    "Prices are per user per month unless written /yr (or pa, per year, a year); /mo, pm or per month say it explicitly.",
    "End a plan with `for 350 users` to say how many people a plan with a concurrent pool serves. A named-only plan serves its named seats.",
    "Currency: a £, $ or € sign on a price, a code such as GBP anywhere, or --currency GBP; otherwise the default currency is assumed and the reply says so.",
    "--years N (or years N): also show figures over N years, flat (no uplift; the renewal command projects uplift).",
    "The saving is split into users covered (quantity), rates and the licensing model (mix), which add up exactly: one documented convention for the order of the parts — first rescale the baseline to the option's users, then price it at the option's average rate per licence type, then switch to the option's mix.",
    "If only one plan's user count is known, the other is assumed to cover the same users; if neither is known, seats are compared when both plans buy the same licence types, else the users are assumed equal. Each assumption is stated in the notes.",
  ],
  run(text: string, ctx: CommandContext): CommandOutcome {
    const analysis = analyse(text, ctx);
    if (!analysis.ok) return rejected(NAME, analysis.issues, USAGE);
    const a = analysis.value;
    const comparison = comparisonTable(a);
    return replied({
      command: NAME,
      headline: costHeadline(a),
      tables: [
        planTable(a),
        ...(comparison ? [comparison] : []),
        ...a.comparisons.map((c) => attributionTable(c, a)),
      ],
      notes: costNotes(a),
      working: costWorking(a),
      next: nextSteps(text.trim(), a),
      data: costData(a),
    });
  },
};
