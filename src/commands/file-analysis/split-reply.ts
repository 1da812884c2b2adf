/**
 * The split part of the reply to a file dropped into a channel: the best plan said out
 * loud with how close to optimal it is, the saving against naming everyone, every comparison plan,
 * what smaller pools would have refused, the working and named-users.csv.
 */
import { add, formatMoney, type Money, moneyJson, sub, times } from "../../core/money.js";
import { formatPercent, percentNumber, shareOf } from "../../core/percent.js";
import { type Ratio, ratio } from "../../core/ratio.js";
import type { ReplayOutcome } from "../../core/replay.js";
import { type SplitPlan, type SplitReport, WALL_CAP_FACTOR } from "../../core/split/optimise.js";
import { column, type ReplyFile, type Table } from "../reply.js";
import { csvFile } from "../reply-csv.js";
import { count, duration, plural, span } from "./format.js";
import { policiesData, policyNotes, type ResolvedPolicies } from "./policies.js";
import { type RateUse, rateText } from "./rates.js";
import type { Headroom } from "./request.js";

export interface SplitView {
  readonly report: SplitReport;
  readonly named: RateUse;
  readonly concurrent: RateUse;
  /** Replays of the optimum's pooled users at pool sizes around its pool, largest first. */
  readonly refusals: readonly ReplayOutcome[];
  /** First login to last logout, for "in these 4 weeks". */
  readonly logSpanMs: number;
  readonly headroom?: Headroom;
  /** The licence policies applied (forced named / concurrent, by source). */
  readonly policies?: ResolvedPolicies;
  /** A user key → the id as written in the file (the key itself when left out). */
  readonly showUser?: (key: string) => string;
}

const BASE_LABELS: Readonly<Record<string, string>> = {
  named_only: "named-only",
  all_concurrent: "all-concurrent (pool = peak)",
  hours_ranking: "ranking by hours online",
  optimum: "optimum",
};

export function planLabel(plan: SplitPlan, report: SplitReport): string {
  if (plan.label === "rule_of_thumb") {
    return `rule of thumb (online > ${formatPercent(report.breakEven)} of peak time)`;
  }
  return BASE_LABELS[plan.label] ?? plan.label;
}

/** Pool sizes worth replaying around the optimum's pool: it, and a few and ~10–20% below. */
export function refusalPoolSizes(pool: number): number[] {
  const sizes = [
    pool,
    pool - 1,
    pool - 2,
    pool - Math.max(3, Math.round(pool * 0.1)),
    Math.round(pool * 0.8),
  ];
  return [...new Set(sizes.filter((k) => k >= 0))].sort((a, b) => b - a);
}

function plan(named: number, pool: number): string {
  if (pool === 0) return `${count(named)} named, no pool`;
  if (named === 0) return `a pool of ${count(pool)} concurrent, nobody named`;
  return `${count(named)} named + a pool of ${count(pool)} concurrent`;
}

/** `Best plan: 118 named + a pool of 33 concurrent = £154,560 a year — proven optimal.` */
export function splitHeadline(v: SplitView): string {
  const { optimum, provenOptimal, gap } = v.report;
  const closeness = provenOptimal
    ? "proven optimal"
    : `within ${gapWithin(gap)} of the proven minimum`;
  return `Best plan: ${plan(optimum.namedCount, optimum.pool)} = ${formatMoney(optimum.cost)} a year — ${closeness}.`;
}

/**
 * A gap as "within X%": rounded up to a tenth of a percent, so a gap that is not zero never reads
 * as 0% and the figure is never below the true gap (0.43% → 0.5%, 0.004% → 0.1%).
 */
export function gapWithin(gap: Ratio): string {
  if (gap.num <= 0n) return "0%";
  const tenths = (gap.num * 1000n + gap.den - 1n) / gap.den;
  const decimal = tenths % 10n === 0n ? `${tenths / 10n}` : `${tenths / 10n}.${tenths % 10n}`;
  return `${decimal}%`;
}

/** A gap to two decimals for the working; a gap that is not zero never shows as 0%. */
function gapExact(gap: Ratio): string {
  const shown = formatPercent(gap, 2);
  return gap.num > 0n && shown === "0%" ? "under 0.01%" : shown;
}

/** What stopped the solver before it proved the plan optimal, when a limit did. */
function limitNote(r: SplitReport): string | undefined {
  if (r.provenOptimal || r.solver.stoppedBy === undefined) return undefined;
  const limit = r.solver.timeLimitSeconds;
  const longer = `--time-limit ${Math.max(30, Math.ceil(limit * 3))} to give it longer`;
  const within = `the plan is within ${gapWithin(r.gap)} of the proven minimum (${gapExact(r.gap)})`;
  if (r.solver.stoppedBy === "work") {
    return `The solver's time limit bound: it used the whole budget of work that --time-limit ${limit} allows (counted in LP iterations, not seconds, so a busy machine gives the same answer) before proving the plan optimal; ${within}. ${capitalise(longer)}.`;
  }
  return `The solver's time limit bound: the machine was busy and the wall-clock cap (${count(Math.round(limit * WALL_CAP_FACTOR))} s, ${WALL_CAP_FACTOR} times --time-limit ${limit}) stopped it before its budget of work was used; ${within}, and a rerun on a quieter machine may find a cheaper plan (${longer}).`;
}

const capitalise = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function namedOnlyPlan(r: SplitReport): SplitPlan | undefined {
  return r.baselines.find((b) => b.label === "named_only");
}

/** `That is £171,360 (53%) less than naming everyone.` */
export function savingLine(r: SplitReport): string {
  const base = namedOnlyPlan(r);
  if (!base) return "";
  const saving = sub(base.cost, r.optimum.cost);
  const share = shareOf(saving.minor, base.cost.minor);
  if (saving.minor <= 0) return "Naming everyone is already the cheapest plan.";
  return `That is ${formatMoney(saving)} (${share ? formatPercent(share, 0) : "–"}) less than naming everyone.`;
}

export function plansTable(v: SplitView): Table {
  const r = v.report;
  const rows = [...r.baselines, r.optimum].map((p) => {
    const over = sub(p.cost, r.optimum.cost);
    return [
      planLabel(p, r),
      count(p.namedCount),
      count(p.pool),
      formatMoney(p.cost),
      p === r.optimum ? "" : over.minor === 0 ? "same" : `+${formatMoney(over)}`,
    ];
  });
  return {
    title: savingLine(r),
    columns: [
      column("plan"),
      column("named", "right"),
      column("pool", "right"),
      column("annual", "right"),
      column("vs optimum", "right"),
    ],
    rows,
  };
}

function refusalPhrase(o: ReplayOutcome): string {
  if (o.refusedLogins === 0) return `${count(o.poolSize)} would have refused none`;
  return `${count(o.poolSize)} would have refused ${count(o.refusedLogins)} (${plural(o.usersAffected, "person", "people")}, ${duration(o.refusedMs)})`;
}

/** `A pool of 33 would have refused 0 logins in these 4 weeks; 30 would have refused 41 (…).` */
export function refusalsLine(v: SplitView): string {
  const [atPool, ...smaller] = v.refusals;
  if (!atPool) return "";
  const below = smaller.find((o) => o.refusedLogins > 0) ?? smaller[smaller.length - 1];
  const first = `A pool of ${count(atPool.poolSize)} would have refused ${plural(atPool.refusedLogins, "login", "logins")} ${span(v.logSpanMs)}`;
  return below ? `${first}; ${refusalPhrase(below)}.` : `${first}.`;
}

export function refusalsTable(v: SplitView): Table | undefined {
  if (v.report.optimum.pool === 0 || v.refusals.length === 0) return undefined;
  return {
    title: refusalsLine(v),
    columns: [
      column("pool", "right"),
      column("refused logins", "right"),
      column("people", "right"),
      column("time refused", "right"),
    ],
    rows: v.refusals.map((o) => [
      count(o.poolSize),
      count(o.refusedLogins),
      count(o.usersAffected),
      duration(o.refusedMs),
    ]),
  };
}

function planCost(p: SplitPlan, v: SplitView): string[] {
  const namedCost = times(v.named.annual, p.namedCount);
  const poolCost = times(v.concurrent.annual, p.pool);
  const term = (n: number, rate: RateUse): string =>
    `${count(n)} × ${formatMoney(rate.given)}${rate.period === "month" ? " × 12" : "/yr"}`;
  const label = planLabel(p, v.report);
  if (p.pool === 0) return [`${label}: ${term(p.namedCount, v.named)} = ${formatMoney(namedCost)}`];
  if (p.namedCount === 0)
    return [`${label}: ${term(p.pool, v.concurrent)} = ${formatMoney(poolCost)}`];
  return [
    `${label}: ${term(p.namedCount, v.named)} + ${term(p.pool, v.concurrent)} = ${formatMoney(namedCost)} + ${formatMoney(poolCost)} = ${formatMoney(add(namedCost, poolCost))}`,
  ];
}

function headroomText(h: Headroom | undefined): string | undefined {
  if (!h || (!h.percent && !h.seats)) return undefined;
  const parts = [
    h.percent ? `+ ${formatPercent(h.percent)}` : "",
    h.seats ? `+ ${h.seats} seats` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

export function splitWorking(v: SplitView): string[] {
  const r = v.report;
  const lines = [...r.baselines, r.optimum].flatMap((p) => planCost(p, v));
  const room = headroomText(v.headroom);
  lines.push(
    `optimum pool: the most pooled people online at once = ${count(r.optimum.pooledPeak)}${room ? ` ${room} headroom (rounded up) = ${count(r.optimum.pool)}` : ""}`,
  );
  const base = namedOnlyPlan(r);
  if (base) {
    const saving = sub(base.cost, r.optimum.cost);
    const share = shareOf(saving.minor, base.cost.minor);
    lines.push(
      `saving: ${formatMoney(base.cost)} − ${formatMoney(r.optimum.cost)} = ${formatMoney(saving)}; ÷ ${formatMoney(base.cost)} = ${share ? formatPercent(share) : "–"}`,
    );
  }
  lines.push(
    `gap: (cost − proven lower bound) ÷ cost = (${formatMoney(r.optimum.cost)} − ${formatMoney(r.lowerBound)}) ÷ ${formatMoney(r.optimum.cost)} = ${gapExact(r.gap)}`,
  );
  lines.push(
    `break-even: ${formatMoney(v.named.annual)} ÷ ${formatMoney(v.concurrent.annual)} = ${formatPercent(r.breakEven)} of peak time (at least ${count(r.peakLevel)} online = ${duration(r.peakTimeMs)})`,
  );
  return lines;
}

export function splitNotes(v: SplitView): string[] {
  const r = v.report;
  const notes = [
    `Rates: ${rateText(v.named)} named, ${rateText(v.concurrent)} concurrent${v.named.source === "channel" && v.concurrent.source === "channel" ? " (the channel's deal)" : ""}.`,
  ];
  const limit = limitNote(r);
  if (limit) notes.push(limit);
  if (v.policies) notes.push(...policyNotes(v.policies));
  return notes;
}

function peakShareText(share: Ratio | undefined): string {
  return share ? formatPercent(share) : "";
}

/**
 * named-users.csv: the optimum's named users (ids as written in the file, via `showUser`), why,
 * and how much of the peak time they were on.
 */
export function namedUsersFile(
  r: SplitReport,
  showUser: (key: string) => string = (key) => key,
): ReplyFile {
  return csvFile(
    "named-users.csv",
    `The ${plural(r.optimum.namedCount, "named user", "named users")} of the best plan, with why and their share of peak time online`,
    ["user", "reason", "share of peak time online", "hours online"],
    r.namedUsers.map((u) => [
      showUser(u.user),
      u.reason === "forced" ? "named by policy" : "cheaper named than pooled",
      peakShareText(u.peakShare),
      String(Math.round((u.onlineMs / 3_600_000) * 10) / 10),
    ]),
  );
}

const money = (m: Money) => moneyJson(m);

/**
 * The `split` block of the JSON contract:
 * - `named` (count), `namedUsers` (the optimum's named users' ids as first written in the file,
 *   padding trimmed — the same as named-users.csv — in the order of their matching keys (trimmed,
 *   lower case); the user's own data returned to them: never logged, never sent to a model), `concurrent` (pool size), `annualCost`,
 *   `lowerBound` (a proven minimum of any plan, per year), `gap` (percent: (cost − bound) ÷ cost),
 *   `provenOptimal`;
 * - `savingVsNamedOnly` (money) and `savingPercent`;
 * - `rates`: `{ named, concurrent }` per year (money), `breakEven` (percent of peak time);
 * - `headroom`: `{ percent, seats }` (percent as a number or null);
 * - `plans`: `[{ plan, label, named, pool, annual }]` — every comparison plan then `optimum`;
 * - `refusals`: `[{ pool, refusedLogins, usersAffected, refusedMinutes }]` for the optimum's
 *   pooled people at pool sizes around its pool;
 * - `solver`: `{ status, seconds, timeLimitSeconds, work, workBudget, stoppedBy }` (status
 *   "skipped" when the starting plan met the bound or, with stoppedBy set, no budget was left; work in units of LP iterations × thousands of
 *   nonzeros; stoppedBy "work" when the time limit's budget of work ran out, "time" when the
 *   wall-clock cap did, else null);
 * - `policies`: `{ vipPolicy, named: { total, sources }, concurrent: { total, sources } }`, counts
 *   per policy and no ids (see `policiesData` in policies.ts).
 */
export function splitData(v: SplitView): Record<string, unknown> {
  const r = v.report;
  const base = namedOnlyPlan(r);
  const saving = base ? sub(base.cost, r.optimum.cost) : undefined;
  return {
    named: r.optimum.namedCount,
    namedUsers: r.namedUsers.map((u) => (v.showUser ? v.showUser(u.user) : u.user)),
    concurrent: r.optimum.pool,
    annualCost: money(r.optimum.cost),
    lowerBound: money(r.lowerBound),
    // Two decimals, but a gap that is not zero never reads as 0.
    gap: r.gap.num > 0n ? Math.max(0.01, percentNumber(r.gap)) : 0,
    provenOptimal: r.provenOptimal,
    savingVsNamedOnly: saving ? money(saving) : null,
    savingPercent:
      saving && base && base.cost.minor > 0
        ? percentNumber(ratio(saving.minor, base.cost.minor))
        : null,
    rates: { named: money(v.named.annual), concurrent: money(v.concurrent.annual) },
    breakEven: percentNumber(r.breakEven),
    headroom: {
      percent: v.headroom?.percent ? percentNumber(v.headroom.percent) : null,
      seats: v.headroom?.seats ?? 0,
    },
    plans: [...r.baselines, r.optimum].map((p) => ({
      plan: p.label,
      label: planLabel(p, r),
      named: p.namedCount,
      pool: p.pool,
      annual: money(p.cost),
    })),
    refusals: v.refusals.map((o) => ({
      pool: o.poolSize,
      refusedLogins: o.refusedLogins,
      usersAffected: o.usersAffected,
      refusedMinutes: Math.round((o.refusedMs / 60_000) * 100) / 100,
    })),
    solver: {
      status: r.solver.mip,
      seconds: Math.round(r.solver.seconds * 1000) / 1000,
      timeLimitSeconds: r.solver.timeLimitSeconds,
      work: r.solver.work,
      workBudget: r.solver.workLimit,
      stoppedBy: r.solver.stoppedBy ?? null,
    },
    policies: policiesData(v.policies),
  };
}
