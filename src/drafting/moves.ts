/**
 * The five moves of the playbook checked against the vendor's offer: right-size agents, licensing
 * model, volume break, implementation, renewal. Each is covered (the offer already gives it),
 * missing (the offer is silent), against us (the offer does the opposite), not needed (nothing to
 * gain) or not checked (the deal lacks the data), with the money at stake and the ask that fixes it.
 */
import { compareImplementation } from "../core/implementation.js";
import { formatMoney, type Money, sub, times, zero } from "../core/money.js";
import { formatPercent } from "../core/percent.js";
import { compare, parseDecimal, type Ratio } from "../core/ratio.js";
import { projectRenewal } from "../core/renewal.js";
import { describePolicy, type UpliftPolicy } from "../core/uplift.js";
import type { Deal } from "./deal-schema.js";
import { buildWaterfall, type StepKey, type Waterfall } from "./waterfall.js";

export type MoveKey =
  | "right-size"
  | "licensing-model"
  | "volume-break"
  | "implementation"
  | "renewal";
export type MoveStatus = "against us" | "missing" | "not checked" | "not needed" | "covered";

export interface Move {
  readonly key: MoveKey;
  /** The playbook's name for the step: "Right-size agents". */
  readonly step: string;
  readonly status: MoveStatus;
  /** The money the ask is worth, when it can be priced. */
  readonly atStake?: Money;
  readonly per: "year" | "term" | "one-off";
  /** Value over the whole term, for ranking: annual × years, the term figure, or the one-off. */
  readonly termValue: Money;
  /** What we ask for, with the deal's numbers. */
  readonly ask: string;
  /** Why this status, in one sentence. */
  readonly finding: string;
  readonly working: readonly string[];
}

export interface DealAnalysis {
  readonly deal: Deal;
  readonly waterfall: Waterfall;
  readonly moves: readonly Move[];
  /** The renewal saving over the term (uncapped or the offer's rise vs our cap), when priced. */
  readonly renewalSaving?: Money;
}

type ChainKey = Exclude<MoveKey, "implementation" | "renewal">;

const STEP_OF: Readonly<Record<ChainKey, StepKey>> = {
  "right-size": "right-sizing",
  "licensing-model": "licensing-model",
  "volume-break": "volume-break",
};

/**
 * The other way round, total over the steps: a waterfall step with no move would change the
 * counter figure with no ask to show for it, so adding a step key without its move fails to compile.
 */
export const MOVE_OF_STEP: Readonly<Record<StepKey, ChainKey>> = {
  "right-sizing": "right-size",
  "licensing-model": "licensing-model",
  "volume-break": "volume-break",
};

const STEP_NAMES: Readonly<Record<MoveKey, string>> = {
  "right-size": "Right-size agents",
  "licensing-model": "Licensing model",
  "volume-break": "Volume break",
  implementation: "Implementation",
  renewal: "Renewal",
};

function chainMove(deal: Deal, w: Waterfall, key: ChainKey): Move {
  const s = w.steps.find((x) => MOVE_OF_STEP[x.key] === key);
  const none = zero(deal.currency);
  if (s) {
    const status: MoveStatus = key === "right-size" ? "against us" : "missing";
    const finding =
      key === "right-size"
        ? `The offer licenses ${s.before.named} named seats for ${s.after.named} active fulfillers.`
        : key === "licensing-model"
          ? `The offer is named-only, but ${s.before.named - s.after.named} of the ${s.before.named} agents work occasionally.`
          : `${s.before.named} named seats are priced at ${formatMoney(s.before.namedRate)}, but ${(s.working[0] ?? "").replace(/^Why: /, "")}.`;
    return {
      key,
      step: STEP_NAMES[key],
      status,
      atStake: s.saving,
      per: "year",
      termValue: times(s.saving, deal.termYears),
      ask: s.ask,
      finding,
      working: s.working,
    };
  }
  const why = w.skipped[STEP_OF[key]] ?? "";
  const notChecked = /^(no |needs )/.test(why);
  const covered =
    (key === "licensing-model" && why.startsWith("the offer already")) ||
    (key === "right-size" && why.startsWith("the offer's"));
  return {
    key,
    step: STEP_NAMES[key],
    status: notChecked ? "not checked" : covered ? "covered" : "not needed",
    per: "year",
    termValue: none,
    ask: notChecked ? `Add the data: ${why.replace(/^(no |needs )/, "")}` : "Nothing to ask",
    finding: `${why.charAt(0).toUpperCase()}${why.slice(1)}.`,
    working: [],
  };
}

function implementationMove(deal: Deal): Move {
  const impl = deal.offer.implementation;
  const none = zero(deal.currency);
  const base = {
    key: "implementation" as const,
    step: STEP_NAMES.implementation,
    per: "one-off" as const,
  };
  if (!impl) {
    return {
      ...base,
      status: "not checked",
      termValue: none,
      ask: "Add the implementation quote (offer.implementation)",
      finding: "The deal has no implementation quote.",
      working: [],
    };
  }
  if (impl.kind === "fixed") {
    const gaps = [
      ...(impl.acceptanceCriteria ? [] : ["acceptance criteria"]),
      ...(impl.migrationPlan ? [] : ["a data-migration plan"]),
    ];
    return {
      ...base,
      status: gaps.length === 0 ? "covered" : "missing",
      termValue: none,
      ask:
        gaps.length === 0
          ? "Nothing to ask"
          : `Add ${gaps.join(" and ")} to the ${impl.fixedPrice ? formatMoney(impl.fixedPrice) : ""} fixed price`.replace(
              "  ",
              " ",
            ),
      finding:
        gaps.length === 0
          ? "The implementation is fixed-scope, fixed-price with acceptance criteria and a migration plan."
          : `The price is fixed but the quote has no ${gaps.map((g) => g.replace(/^a /, "")).join(" or ")}, so the scope can still grow.`,
      working: [],
    };
  }
  const days = parseDecimal(String(impl.days ?? 0));
  const cmp =
    days && impl.dayRate
      ? compareImplementation({
          timeAndMaterials: {
            days,
            dayRate: impl.dayRate,
            overrunLow: { num: 0n, den: 1n },
            overrunHigh: impl.overrunHigh ?? { num: 0n, den: 1n },
          },
          ...(impl.fixedPrice ? { fixed: impl.fixedPrice } : {}),
        })
      : undefined;
  const tm = cmp?.ok ? cmp.value.timeAndMaterials : undefined;
  if (!tm) {
    return {
      ...base,
      status: "against us",
      termValue: none,
      ask: "Fix the scope and the price",
      finding: "The implementation is open time and materials.",
      working: [],
    };
  }
  // What the open scope can cost beyond a known price: the worst case over the fixed price when
  // the vendor quoted one, else the overrun beyond the estimate.
  const anchor = impl.fixedPrice ?? tm.estimate;
  const exposure = sub(tm.high, anchor);
  const working = [
    `${impl.days} days × ${formatMoney(impl.dayRate ?? anchor)} = ${formatMoney(tm.estimate)}`,
    ...(compare(tm.overrunHigh, { num: 0n, den: 1n }) > 0
      ? [`Worst case with a ${formatPercent(tm.overrunHigh, 2)} overrun: ${formatMoney(tm.high)}`]
      : []),
    `At stake: ${formatMoney(tm.high)} − ${formatMoney(anchor)} = ${formatMoney(exposure)}`,
  ];
  const askPrice = impl.fixedPrice ?? tm.estimate;
  return {
    ...base,
    status: "against us",
    ...(exposure.minor > 0 ? { atStake: exposure } : {}),
    termValue: exposure.minor > 0 ? exposure : none,
    ask: `Fixed scope and a fixed price of ${formatMoney(askPrice)}, with acceptance criteria and a data-migration plan`,
    finding: `The implementation is open time and materials: ${formatMoney(tm.estimate)} at estimate${exposure.minor > 0 ? `, up to ${formatMoney(tm.high)}` : ""}, with no ceiling.`,
    working,
  };
}

function offerPolicy(deal: Deal): { policy: UpliftPolicy; assumed: boolean } {
  const u = deal.offer.renewal.uplift;
  const list = deal.assumptions.listUplift;
  switch (u.kind) {
    case "none":
      return { policy: { kind: "list", uplift: list }, assumed: true };
    case "list":
      return { policy: { kind: "list", uplift: u.uplift }, assumed: false };
    case "cap":
    case "lesser-of":
      // Worst case: the vendor applies the full cap every year (CPI is not forecast here).
      return { policy: { kind: "cap", cap: u.cap }, assumed: u.kind === "lesser-of" };
    case "greater-of":
      return {
        policy: { kind: "list", uplift: compare(u.minimum, list) > 0 ? u.minimum : list },
        assumed: true,
      };
  }
}

function renewalMove(deal: Deal, counterAnnual: Money): { move: Move; saving?: Money } {
  const r = deal.offer.renewal;
  const askCap: Ratio = deal.assumptions.askCap;
  const base = { key: "renewal" as const, step: STEP_NAMES.renewal, per: "term" as const };
  const { policy, assumed } = offerPolicy(deal);
  const years = deal.termYears;
  const ask = `Cap the yearly rise at the lesser of CPI and ${formatPercent(askCap, 2)}, locked for ${years} year${years === 1 ? "" : "s"}, with the right to leave if it is exceeded`;
  const theirs = projectRenewal({ base: counterAnnual, years, policy });
  const ours = projectRenewal({ base: counterAnnual, years, policy: { kind: "cap", cap: askCap } });
  const saving = theirs.ok && ours.ok ? sub(theirs.value.total, ours.value.total) : undefined;
  const working =
    theirs.ok && ours.ok && saving
      ? [
          `Over ${years} years from ${formatMoney(counterAnnual)}: ${describePolicy(policy)}${assumed ? " (assumed)" : ""} totals ${formatMoney(theirs.value.total)}; a ${formatPercent(askCap, 2)} cap totals ${formatMoney(ours.value.total)}`,
          `At stake: ${formatMoney(theirs.value.total)} − ${formatMoney(ours.value.total)} = ${formatMoney(saving)}`,
        ]
      : [];
  const capOk =
    (r.uplift.kind === "cap" || r.uplift.kind === "lesser-of") &&
    compare(r.uplift.cap, askCap) <= 0;
  const status: MoveStatus =
    r.uplift.kind === "greater-of" || r.uplift.kind === "list"
      ? "against us"
      : capOk && r.lockedForTerm && r.exitRights
        ? "covered"
        : "missing";
  const gaps = [
    ...(r.uplift.kind === "none" ? ["no cap on the yearly rise"] : []),
    ...((r.uplift.kind === "cap" || r.uplift.kind === "lesser-of") && !capOk
      ? [`a cap of ${formatPercent(r.uplift.cap, 2)}, above our ${formatPercent(askCap, 2)}`]
      : []),
    ...(r.uplift.kind === "greater-of"
      ? [`a rise of at least ${formatPercent(r.uplift.minimum, 2)} whatever CPI does`]
      : []),
    ...(r.uplift.kind === "list"
      ? [`a ${formatPercent(r.uplift.uplift, 2)} list rise every year`]
      : []),
    ...(r.lockedForTerm ? [] : ["nothing locking the cap for the term"]),
    ...(r.exitRights ? [] : ["no exit right"]),
  ];
  const priced = status !== "covered" && saving !== undefined && saving.minor > 0;
  const move: Move = {
    ...base,
    status,
    ...(priced && saving ? { atStake: saving } : {}),
    termValue: priced && saving ? saving : zero(deal.currency),
    ask: status === "covered" ? "Nothing to ask" : ask,
    finding:
      status === "covered"
        ? "The renewal rise is capped, locked for the term and comes with an exit right."
        : `The renewal has ${gaps.join(", ")}.`,
    working,
  };
  return saving && priced ? { move, saving } : { move };
}

const STATUS_ORDER: readonly MoveStatus[] = [
  "against us",
  "missing",
  "not checked",
  "not needed",
  "covered",
];

/** Most valuable first: by value over the term, then by how bad the status is. */
export function byValue(moves: readonly Move[]): Move[] {
  return [...moves].sort(
    (a, b) =>
      b.termValue.minor - a.termValue.minor ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
}

export function analyseDeal(deal: Deal): DealAnalysis {
  const waterfall = buildWaterfall(deal);
  const renewal = renewalMove(deal, waterfall.counterAnnual);
  const moves = [
    chainMove(deal, waterfall, "right-size"),
    chainMove(deal, waterfall, "licensing-model"),
    chainMove(deal, waterfall, "volume-break"),
    implementationMove(deal),
    renewal.move,
  ];
  return {
    deal,
    waterfall,
    moves,
    ...(renewal.saving ? { renewalSaving: renewal.saving } : {}),
  };
}

/** "£40,320 a year", "£52,000 over 3 years", "£19,200 one-off", or "—". */
export function stakeText(m: Move, years: number): string {
  if (!m.atStake) return "—";
  const amount = formatMoney(m.atStake);
  if (m.per === "year") return `${amount} a year`;
  if (m.per === "term") return `${amount} over ${years} year${years === 1 ? "" : "s"}`;
  return `${amount} one-off`;
}
