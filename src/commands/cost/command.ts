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
import { parseCostText, type TypedLine, type TypedScenario } from "./grammar.js";
import { COST_INFO, NAME, USAGE } from "./info.js";
import { kindOf, scenarioNames } from "./names.js";
import {
  attributionTable,
  comparisonTable,
  costHeadline,
  costNotes,
  costWorking,
  planTable,
} from "./reply.js";

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
  ...COST_INFO,
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
