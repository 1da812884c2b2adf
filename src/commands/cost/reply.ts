/**
 * Turning a cost analysis into what the negotiator reads: the sentence to say out loud, the plan
 * and attribution tables, the assumptions, and the working behind every figure shown.
 */

import { type Attribution, factorText, rateChanges } from "../../core/attribution.js";
import type { ScenarioCost } from "../../core/cost.js";
import { formatMoney, fromMinorRatio, type Money, money } from "../../core/money.js";
import { formatPercent } from "../../core/percent.js";
import { div, type Ratio, ratio, toDecimalString } from "../../core/ratio.js";
import { column, type Table } from "../reply.js";
import type { Comparison, CostAnalysis } from "./data.js";
import { planObject, planSubject } from "./names.js";

const fmt = (m: Money): string => formatMoney(m);

function absMoney(m: Money): Money {
  return money(Math.abs(m.minor), m.currency);
}

function absRatio(r: Ratio): Ratio {
  return r.num < 0n ? ratio(-r.num, r.den) : r;
}

/** An exact figure shown to the penny, marked ≈ when it had to be rounded for display. */
function moneyFromRatio(minor: Ratio, a: CostAnalysis): string {
  const shown = fmt(fromMinorRatio(minor, a.currency.code));
  return minor.den === 1n ? shown : `≈${shown}`;
}

function seatsText(seats: Ratio): string {
  const shown = toDecimalString(seats, 2);
  return seats.den === 1n || toDecimalString(seats, 6) === shown ? shown : `≈${shown}`;
}

/** "£0 + £180,000 − £12,000": a sum of signed amounts, written the way people write it. */
function sumText(parts: readonly Money[]): string {
  return parts
    .map((m, i) => {
      if (i === 0) return fmt(m);
      return m.minor < 0 ? `− ${fmt(absMoney(m))}` : `+ ${fmt(m)}`;
    })
    .join(" ");
}

function yearsText(years: number): string {
  return `over ${years} years`;
}

/** "£306,000 less (51%)" or "£100,000 more (16.7%)": the magnitude, worded by direction. */
function savingPhrase(c: Comparison): string {
  const { annual, percent } = c.saving;
  if (annual.minor === 0) return "the same";
  const direction = annual.minor > 0 ? "less" : "more";
  return `${fmt(absMoney(annual))} ${direction} (${formatPercent(absRatio(percent))})`;
}

export function costHeadline(a: CostAnalysis): string {
  const [first, ...others] = a.comparisons;
  if (!first) {
    const c = a.baseline;
    const monthly = `${c.monthlyExact ? "" : "about "}${fmt(c.monthly)} a month`;
    const term = c.term ? `, ${fmt(c.term)} ${yearsText(a.years)}` : "";
    return `${planSubject(c.scenario.name)} costs ${fmt(c.annual)} a year (${monthly})${term}.`;
  }
  const subject = planSubject(first.option.scenario.name);
  const base = fmt(a.baseline.annual);
  let sentence =
    first.saving.annual.minor === 0
      ? `${subject} costs ${fmt(first.option.annual)} a year, the same as the baseline`
      : `${subject} costs ${fmt(first.option.annual)} a year against ${base}: ${savingPhrase(first)}`;
  if (first.saving.term && first.saving.annual.minor !== 0) {
    sentence += `, ${fmt(absMoney(first.saving.term))} ${yearsText(a.years)}`;
  }
  for (const o of others) {
    sentence += `; ${planObject(o.option.scenario.name)} ${fmt(o.option.annual)}, ${savingPhrase(o)}`;
  }
  return `${sentence}.`;
}

/** "named-only (baseline)"; no marker when the plan is called "baseline" or stands alone. */
function planLabel(c: ScenarioCost, a: CostAnalysis): string {
  const marked = c === a.baseline && a.comparisons.length > 0 && c.scenario.name !== "baseline";
  return `${c.scenario.name}${marked ? " (baseline)" : ""}`;
}

function lineLabel(c: ScenarioCost, type: string, a: CostAnalysis): string {
  const name = planLabel(c, a);
  if (c.lines.length === 1) return name;
  return `${name}: ${type === "concurrent" ? "concurrent pool" : type}`;
}

export function planTable(a: CostAnalysis): Table {
  const columns = [
    column("plan"),
    column("seats", "right"),
    column("rate/mo", "right"),
    column("annual", "right"),
    ...(a.years > 1 ? [column(`${a.years} years`, "right")] : []),
  ];
  const rows: string[][] = [];
  for (const c of a.costs) {
    for (const l of c.lines) {
      const perMonth = div(ratio(BigInt(l.seatAnnual.minor)), ratio(12n));
      const term = a.years > 1 ? [fmt(money(l.annual.minor * a.years, l.annual.currency))] : [];
      rows.push([
        lineLabel(c, l.line.type, a),
        String(l.line.quantity),
        moneyFromRatio(perMonth, a),
        fmt(l.annual),
        ...term,
      ]);
    }
    if (c.lines.length > 1) {
      const label = `${planLabel(c, a)}: total`;
      rows.push([label, "", "", fmt(c.annual), ...(c.term ? [fmt(c.term)] : [])]);
    }
  }
  return { title: "Plans", columns, rows };
}

/** Only with two or more options: the headline covers a single comparison on its own. */
export function comparisonTable(a: CostAnalysis): Table | undefined {
  if (a.comparisons.length < 2) return undefined;
  const term = a.years > 1;
  return {
    title: `Against ${planObject(a.baseline.scenario.name)} (${fmt(a.baseline.annual)} a year)`,
    columns: [
      column("plan"),
      column("annual", "right"),
      column("saving", "right"),
      column("saving %", "right"),
      ...(term ? [column(`saving over ${a.years} years`, "right")] : []),
    ],
    rows: a.comparisons.map((c) => [
      c.option.scenario.name,
      fmt(c.option.annual),
      fmt(c.saving.annual),
      formatPercent(c.saving.percent),
      ...(term && c.saving.term ? [fmt(c.saving.term)] : []),
    ]),
  };
}

/** Words for each part of the attribution, following the direction it moved. */
function partLabels(at: Attribution): { quantity: string; rate: string; mix: string } {
  const u = at.users;
  const quantity =
    u.option === undefined || u.baseline === undefined || u.option === u.baseline
      ? "users covered"
      : u.option < u.baseline
        ? "fewer users"
        : "more users";
  const changes = rateChanges(at);
  const types = changes.map((c) => c.type).join(" and ");
  const plural = changes.length > 1 ? "rates" : "rate";
  const rate =
    changes.length === 0
      ? "rates"
      : changes.every((c) => c.lower)
        ? `the lower ${types} ${plural}`
        : changes.every((c) => !c.lower)
          ? `the higher ${types} ${plural}`
          : "rate changes";
  return { quantity, rate, mix: "the licensing model" };
}

export function attributionTable(c: Comparison, a: CostAnalysis): Table {
  const at = c.attribution;
  const labels = partLabels(at);
  return {
    title: `Where the difference comes from: ${c.option.scenario.name} vs ${a.baseline.scenario.name} (saving; negative costs more)`,
    columns: [column("part"), column("saving", "right")],
    rows: [
      [`${labels.quantity} (quantity)`, fmt(at.quantity)],
      [`${labels.rate} (rate)`, fmt(at.rate)],
      [`${labels.mix} (mix)`, fmt(at.mix)],
      ["total", fmt(at.total)],
    ],
  };
}

/** "Where the saving comes from: the lower named rate £180,000 · the licensing model £126,000". */
export function attributionSentence(c: Comparison): string {
  const at = c.attribution;
  const labels = partLabels(at);
  const dearer = at.total.minor < 0;
  const parts = (
    [
      [labels.quantity, at.quantity],
      [labels.rate, at.rate],
      [labels.mix, at.mix],
    ] as const
  )
    .filter(([, m]) => m.minor !== 0)
    .map(([label, m]) => `${label} ${fmt(dearer ? money(-m.minor, m.currency) : m)}`);
  const what = dearer ? "extra cost" : "saving";
  const body = parts.length > 0 ? parts.join(" · ") : "nothing (the plans cost the same)";
  return `Where the ${what} of ${planObject(c.option.scenario.name)} comes from: ${body} (one documented convention for the order of the parts: users covered first, then rates, then the licensing model).`;
}

export function usersNote(c: Comparison, a: CostAnalysis): string | undefined {
  const u = c.attribution.users;
  const option = planObject(c.option.scenario.name);
  const base = planObject(a.baseline.scenario.name);
  const add = 'add "for N users" to a plan to change this';
  switch (u.basis) {
    case "both-known":
      return undefined;
    case "option-assumed":
      return `${planSubject(c.option.scenario.name)} doesn't say how many users it covers, so I assumed the same ${u.baseline} as ${base} (${add}).`;
    case "baseline-assumed":
      return `${planSubject(a.baseline.scenario.name)} doesn't say how many users it covers, so I assumed the same ${u.option} as ${option} (${add}).`;
    case "seats-counted":
      return `Neither ${option} nor ${base} says how many users it covers, so I compared seats: ${u.option} against ${u.baseline} (${add}).`;
    case "assumed-equal":
      return `Neither ${option} nor ${base} says how many users it covers, so I assumed both cover the same users and took no quantity effect (${add}).`;
  }
}

function scenarioWorking(c: ScenarioCost, a: CostAnalysis): string[] {
  const name = c.scenario.name;
  const lines = c.lines.map((l) => {
    const q = l.line.quantity;
    const sum =
      l.line.period === "month"
        ? `${q} × ${fmt(l.line.unitPrice)} × 12`
        : `${q} × ${fmt(l.line.unitPrice)}/yr`;
    const term =
      a.years > 1 && c.lines.length > 1
        ? `; × ${a.years} = ${fmt(money(l.annual.minor * a.years, l.annual.currency))} ${yearsText(a.years)}`
        : "";
    return `${name}, ${l.line.type}: ${sum} = ${fmt(l.annual)} a year${term}`;
  });
  if (c.lines.length > 1) {
    lines.push(
      `${name}: ${c.lines.map((l) => fmt(l.annual)).join(" + ")} = ${fmt(c.annual)} a year`,
    );
  }
  if (a.comparisons.length === 0) {
    const approx = c.monthlyExact ? "=" : "≈";
    lines.push(`${name}: ${fmt(c.annual)} ÷ 12 ${approx} ${fmt(c.monthly)} a month`);
  }
  if (c.term)
    lines.push(`${name}: ${fmt(c.annual)} × ${a.years} = ${fmt(c.term)} ${yearsText(a.years)}`);
  return lines;
}

function comparisonWorking(c: Comparison, a: CostAnalysis): string[] {
  const name = c.option.scenario.name;
  const b = a.baseline;
  const at = c.attribution;
  const out = [
    `${name} saving: ${fmt(b.annual)} − ${fmt(c.option.annual)} = ${fmt(c.saving.annual)}; ${fmt(c.saving.annual)} ÷ ${fmt(b.annual)} = ${formatPercent(c.saving.percent)}`,
  ];
  if (c.saving.term && b.term && c.option.term) {
    out.push(
      `${name} saving ${yearsText(a.years)}: ${fmt(b.term)} − ${fmt(c.option.term)} = ${fmt(c.saving.term)}`,
    );
  }
  const users =
    at.users.basis === "assumed-equal"
      ? "users: assumed equal"
      : `users: ${b.scenario.name} ${at.users.baseline}, ${name} ${at.users.option}`;
  out.push(`${name} attribution, ${users}`);
  out.push(
    `S1 (${b.scenario.name} rescaled to ${factorText(at.users)} of its users): ${fmt(b.annual)} × ${factorText(at.users)} = ${fmt(at.rescaledAnnual)}; quantity = ${fmt(b.annual)} − ${fmt(at.rescaledAnnual)} = ${fmt(at.quantity)}`,
  );
  const parts = at.repriced.map((r) => {
    const perMonth = div(r.seatAnnual, ratio(12n));
    const source = r.rateFrom === "option" ? `${name} rate` : `${b.scenario.name} rate kept`;
    return `${seatsText(r.seats)} ${r.type} × ${moneyFromRatio(perMonth, a)} × 12 (${source})`;
  });
  out.push(
    `S2 (S1 at ${planObject(name)}'s rates): ${parts.join(" + ")} = ${fmt(at.repricedAnnual)}; rate = ${fmt(at.rescaledAnnual)} − ${fmt(at.repricedAnnual)} = ${fmt(at.rate)}`,
  );
  out.push(
    `S3 (${name}): ${fmt(at.optionAnnual)}; licensing model = ${fmt(at.repricedAnnual)} − ${fmt(at.optionAnnual)} = ${fmt(at.mix)}`,
  );
  out.push(
    `check: ${sumText([at.quantity, at.rate, at.mix])} = ${fmt(at.total)} = ${fmt(b.annual)} − ${fmt(at.optionAnnual)}`,
  );
  return out;
}

export function costWorking(a: CostAnalysis): string[] {
  return [
    ...a.costs.flatMap((c) => scenarioWorking(c, a)),
    ...a.comparisons.flatMap((c) => comparisonWorking(c, a)),
  ];
}

export function costNotes(a: CostAnalysis): string[] {
  const notes: string[] = [];
  if (a.currency.assumed) {
    notes.push(
      `No currency was given, so I assumed ${a.currency.code} (add GBP, USD or EUR, or a £, $ or € sign).`,
    );
  }
  if (a.monthAssumed) notes.push("Prices without /mo or /yr are per user per month.");
  if (a.costs.some((c) => c.lines.some((l) => !l.monthlyExact))) {
    notes.push(
      "Monthly figures of yearly prices are rounded to the minor unit; annual figures are exact.",
    );
  }
  if (a.years > 1) {
    notes.push(
      `${a.years}-year figures are flat (${a.years} × the annual cost, no uplift); the renewal command projects uplift.`,
    );
  }
  for (const c of a.comparisons) {
    const users = usersNote(c, a);
    if (users) notes.push(users);
    notes.push(attributionSentence(c));
  }
  return notes;
}
