/**
 * The negotiation brief: one document per deal with the facts, the savings waterfall, the asks,
 * the chosen clauses at the chosen positions, and leverage and timing notes. Built as blocks of
 * plain text; renderers produce Markdown, mrkdwn or DOCX from the same blocks.
 */
import { formatMoney, type Money, sub } from "../core/money.js";
import { formatPercent } from "../core/percent.js";
import { div, ratio } from "../core/ratio.js";
import { type Issue, ok, type Result } from "../core/result.js";
import { asksTable } from "./asks.js";
import { benchmarkNote } from "./benchmark.js";
import type { Catalogue } from "./catalogue.js";
import { formatDate } from "./dates.js";
import type { Deal } from "./deal-schema.js";
import {
  type Block,
  type DocTable,
  type DraftDocument,
  heading,
  list,
  paragraph,
  table,
} from "./document.js";
import type { DealAnalysis } from "./moves.js";
import { describePlan } from "./plans.js";
import { type RenderedClause, renderDealClause } from "./render-clause.js";
import { type Timing, timingFor, timingNotes } from "./timing.js";

const column = (header: string, align: "left" | "right" = "left") => ({ header, align });

/** In the document the section heading names the table, so the table itself carries no title. */
function untitled(t: DocTable): DocTable {
  return { columns: t.columns, rows: t.rows };
}

export interface Brief {
  readonly document: DraftDocument;
  readonly clauses: readonly RenderedClause[];
  readonly timing?: Timing;
}

function implementationText(d: Deal): string {
  const i = d.offer.implementation;
  if (!i) return "not quoted";
  if (i.kind === "fixed")
    return `fixed price ${i.fixedPrice ? formatMoney(i.fixedPrice) : ""}`.trim();
  const overrun = i.overrunHigh ? `, up to ${formatPercent(i.overrunHigh, 2)} overrun` : "";
  return `time and materials: ${i.days} days at ${i.dayRate ? formatMoney(i.dayRate) : "?"} a day${overrun}`;
}

function riseText(u: Deal["offer"]["renewal"]["uplift"]): string {
  switch (u.kind) {
    case "none":
      return "no cap stated";
    case "cap":
      return `capped at ${formatPercent(u.cap, 2)} a year`;
    case "lesser-of":
      return `the lesser of CPI and ${formatPercent(u.cap, 2)}`;
    case "greater-of":
      return `the greater of CPI and ${formatPercent(u.minimum, 2)}`;
    case "list":
      return `${formatPercent(u.uplift, 2)} a year`;
  }
}

function renewalText(d: Deal): string {
  const r = d.offer.renewal;
  return `${riseText(r.uplift)}; ${r.lockedForTerm ? "locked for the term" : "not locked for the term"}; ${r.exitRights ? "exit right" : "no exit right"}`;
}

export function factsTable(a: DealAnalysis): DocTable {
  const d = a.deal;
  const u = d.usage;
  const rows: [string, string][] = [
    ["vendor", d.vendor],
    ["product", d.product],
    ["offer", describePlan(a.waterfall.offer)],
    ["offer, per year", formatMoney(a.waterfall.offerAnnual)],
    [
      "active fulfillers",
      u.activeFulfillers === undefined ? "not given" : String(u.activeFulfillers),
    ],
    ...(u.fullTimeAgents !== undefined
      ? ([["online most of the day", String(u.fullTimeAgents)]] as [string, string][])
      : []),
    ...(u.occasionalPeak !== undefined
      ? ([["occasional users online at peak", String(u.occasionalPeak)]] as [string, string][])
      : []),
    ["term", `${d.termYears} year${d.termYears === 1 ? "" : "s"}`],
    ["renewal date", d.renewalDate ? formatDate(d.renewalDate) : "not given"],
    ["notice period", `${d.noticeDays} days`],
    ["implementation", implementationText(d)],
    ["renewal terms offered", renewalText(d)],
  ];
  return { title: "The deal", columns: [column("fact"), column("value")], rows };
}

export function waterfallTable(a: DealAnalysis): DocTable {
  const w = a.waterfall;
  const rows: string[][] = [["Vendor's offer", "", formatMoney(w.offerAnnual)]];
  for (const s of w.steps) rows.push([s.label, formatMoney(s.saving), formatMoney(s.afterAnnual)]);
  rows.push(["Counter-proposal", formatMoney(w.totalAnnual), formatMoney(w.counterAnnual)]);
  if (a.renewalSaving) {
    rows.push([`Renewal cap, over ${a.deal.termYears} years`, formatMoney(a.renewalSaving), ""]);
  }
  return {
    title: "Savings waterfall (per year unless stated)",
    columns: [column("step"), column("saving", "right"), column("annual cost after", "right")],
    rows,
  };
}

function share(part: Money, whole: Money): string {
  return whole.minor === 0 ? "0%" : formatPercent(div(ratio(part.minor), ratio(whole.minor)));
}

export function waterfallSentence(a: DealAnalysis): string {
  const w = a.waterfall;
  const renewal = a.renewalSaving
    ? `, plus ${formatMoney(a.renewalSaving)} over ${a.deal.termYears} years from the renewal cap`
    : "";
  return `The counter-proposal costs ${formatMoney(w.counterAnnual)} a year against the offer's ${formatMoney(w.offerAnnual)}: ${formatMoney(w.totalAnnual)} less (${share(w.totalAnnual, w.offerAnnual)})${renewal}.`;
}

function leverageNotes(a: DealAnalysis): string[] {
  const d = a.deal;
  const notes: string[] = [];
  const l = d.leverage;
  if (l.competitorAnnual) {
    const gap = sub(a.waterfall.offerAnnual, l.competitorAnnual);
    const who = l.competitor ?? "a competitor";
    notes.push(
      gap.minor > 0
        ? `A like-for-like quote from ${who} at ${formatMoney(l.competitorAnnual)} a year is ${formatMoney(gap)} below the offer: share that it exists, not the figure.`
        : `The quote from ${who} (${formatMoney(l.competitorAnnual)} a year) is not cheaper than the offer; use it as evidence the market is tiered, not as a price.`,
    );
  }
  const bench = benchmarkNote(a.waterfall, l.benchmarkRate);
  if (bench) notes.push(bench);
  if (d.forecast) {
    const within = d.forecast.withinMonths ? ` within ${d.forecast.withinMonths} months` : "";
    notes.push(
      `Growth to ${d.forecast.seats} seats${within} is leverage: the vendor will earn the better tier soon, so ask for its rate now.`,
    );
  }
  notes.push(
    "Settle the licence count and the licensing model before discussing the rate: a wrong model costs more than any discount recovers.",
  );
  notes.push(
    "Take a multi-year term only with the renewal cap and the exit right in the same agreement.",
  );
  return notes;
}

function clauseBlocks(c: RenderedClause): Block[] {
  return [
    heading(3, `${c.meta.title} (${c.positionLabel})`),
    paragraph(c.meta.protects, "Protects against:"),
    paragraph(c.rationale, "Why this position:"),
    ...c.paragraphs.map((p) => paragraph(p)),
  ];
}

/** Renders the deal's chosen clauses; a bad id, position or variable is an issue naming `clauses[i]`. */
export function chosenClauses(deal: Deal, catalogue: Catalogue): Result<RenderedClause[]> {
  const rendered: RenderedClause[] = [];
  const issues: Issue[] = [];
  deal.clauses.forEach((c, i) => {
    const r = renderDealClause(catalogue, c, deal);
    if (r.ok) rendered.push(r.value);
    else issues.push(...r.issues.map((x) => ({ ...x, message: `clauses[${i}]: ${x.message}` })));
  });
  return issues.length > 0 ? { ok: false, issues } : ok(rendered);
}

export function buildBrief(a: DealAnalysis, catalogue: Catalogue, today: string): Result<Brief> {
  const d = a.deal;
  const clauses = chosenClauses(d, catalogue);
  if (!clauses.ok) return clauses;
  const timing = d.renewalDate ? timingFor(d.renewalDate, d.noticeDays, today) : undefined;
  const blocks: Block[] = [
    paragraph(waterfallSentence(a)),
    heading(2, "The deal"),
    table(untitled(factsTable(a))),
    heading(2, "Savings waterfall"),
    table(untitled(waterfallTable(a))),
    heading(2, "The asks"),
    table(untitled(asksTable(a))),
    ...a.moves.map((m) => paragraph(m.finding, `${m.step}:`)),
    heading(2, "Clauses"),
    ...(clauses.value.length > 0
      ? clauses.value.flatMap(clauseBlocks)
      : [
          paragraph(
            "No clauses chosen: add them to clauses in deal.json (draft list shows them all).",
          ),
        ]),
    heading(2, "Leverage and timing"),
    list([
      ...(timing
        ? timingNotes(timing)
        : ["No renewal date given, so no start-by date: add renewalDate to the deal."]),
      ...leverageNotes(a),
    ]),
    ...(d.notes.length > 0 ? [heading(2, "Notes"), list(d.notes)] : []),
    heading(2, "Working"),
    list([
      ...a.waterfall.steps.flatMap((s) => s.working),
      ...a.moves
        .filter((m) => m.key === "implementation" || m.key === "renewal")
        .flatMap((m) => m.working),
    ]),
  ];
  return ok({
    document: { title: `Negotiation brief: ${d.vendor}, ${d.product}`, blocks },
    clauses: clauses.value,
    ...(timing ? { timing } : {}),
  });
}
