/**
 * The offer history of a deal: what moved on each lever from the first round to the latest, and
 * what is left between the latest round and our target, and between it and our walk-away.
 *
 * Conventions (each said in the reply): a round's terms are its own plus what earlier rounds said
 * and it did not restate; rates, the renewal cap, the implementation fee and the yearly cost are
 * better for us when lower; seats and term are compared without a better side. A rate's gap is
 * also given a year on the latest round's seats of that licence (gap × seats × 12).
 */
import { type CurrencyCode, compareMoney, formatMoney, type Money, sub, times } from "./money.js";
import {
  type AnnualCost,
  annualCost,
  effectiveTerms,
  LEVERS,
  type LeverKey,
  type OfferCap,
  type OfferLedger,
  type OfferPosition,
  type OfferRound,
  type OfferTerms,
  type OfferTiers,
  overlay,
} from "./offer-terms.js";
import { formatPercent } from "./percent.js";
import { div, parseDecimal, type Ratio, ratio, sub as rsub, toDecimalString } from "./ratio.js";
import { tierLabel } from "./tiers.js";

export type Lever = LeverKey | "annual";

export interface Move {
  readonly lever: Lever;
  /** Display values in the first and the latest round ("—" when not stated yet). */
  readonly first: string;
  readonly latest: string;
  /** "−£8 (−10%)", "no move", "+10", "new in round 3". */
  readonly change: string;
  /** For money levers: latest − first. */
  readonly delta?: Money;
  /** For money levers: delta ÷ first. */
  readonly fraction?: Ratio;
}

export type GapStatus =
  | "to-go"
  | "met"
  | "beaten"
  | "over"
  | "inside"
  | "at"
  | "differs"
  | "same"
  | "not-offered";

export interface Gap {
  readonly lever: Lever;
  readonly latest: string;
  readonly position: string;
  readonly status: GapStatus;
  /** Money levers: latest − position, per unit (a rate per user per month). */
  readonly amount?: Money;
  /** Rates: amount × the latest round's seats × 12. The yearly cost: the amount itself. */
  readonly perYear?: Money;
  readonly text: string;
}

export interface PositionGaps {
  readonly gaps: readonly Gap[];
  /** The latest round with this position's levers laid on it, priced a year (when it can be). */
  readonly annual?: AnnualCost;
}

export interface OfferHistory {
  readonly currency: CurrencyCode;
  readonly rounds: readonly {
    readonly round: OfferRound;
    readonly terms: OfferTerms;
    readonly annual?: AnnualCost;
    readonly carried: ReadonlyMap<LeverKey, number>;
  }[];
  readonly moves: readonly Move[];
  readonly target?: PositionGaps;
  readonly walkAway?: PositionGaps;
}

const MONEY_LEVERS = new Set<Lever>(["namedRate", "concurrentRate", "implementation", "annual"]);
const PRICE_LEVERS: readonly LeverKey[] = [
  "namedSeats",
  "namedRate",
  "concurrentSeats",
  "concurrentRate",
  "tiers",
];

/** Requires at least one round; all rounds and positions in one currency (the store checks it). */
export function offerHistory(ledger: OfferLedger): OfferHistory {
  const first = ledger.rounds[0];
  if (first === undefined) throw new RangeError("an offer history needs at least one round");
  const code = first.currency;
  const effective = effectiveTerms(ledger.rounds);
  const rounds = ledger.rounds.map((round, i) => {
    const e = effective[i] as (typeof effective)[number];
    const annual = annualCost(e.terms, code);
    return { round, terms: e.terms, carried: e.carried, ...(annual ? { annual } : {}) };
  });
  const firstRound = rounds[0] as (typeof rounds)[number];
  const latest = rounds[rounds.length - 1] as (typeof rounds)[number];
  const moves = movesBetween(firstRound, latest);
  const gapsTo = (p: OfferPosition | undefined, kind: "target" | "walk-away") =>
    p === undefined ? undefined : positionGaps(latest.terms, latest.annual, p, kind, code);
  const target = gapsTo(ledger.target, "target");
  const walkAway = gapsTo(ledger.walkAway, "walk-away");
  return {
    currency: code,
    rounds,
    moves,
    ...(target ? { target } : {}),
    ...(walkAway ? { walkAway } : {}),
  };
}

type Priced = {
  readonly terms: OfferTerms;
  readonly annual?: AnnualCost;
  readonly round: OfferRound;
};

function movesBetween(first: Priced, latest: Priced): Move[] {
  const moves: Move[] = [];
  for (const lever of [...LEVERS, "annual"] as const) {
    const a = leverValue(first, lever);
    const b = leverValue(latest, lever);
    if (a === undefined && b === undefined) continue;
    const shown = { lever, first: show(lever, a), latest: show(lever, b) };
    if (a === undefined) {
      moves.push({ ...shown, change: `new in round ${latest.round.round}` });
    } else if (b === undefined) {
      moves.push({ ...shown, change: "no longer priced" });
    } else moves.push({ ...shown, ...change(lever, a, b) });
  }
  return moves;
}

type Value = Money | number | OfferCap | OfferTiers;

function leverValue(
  p: { terms: OfferTerms; annual?: AnnualCost },
  lever: Lever,
): Value | undefined {
  return lever === "annual" ? p.annual?.annual : p.terms[lever];
}

function change(lever: Lever, a: Value, b: Value): Omit<Move, "lever" | "first" | "latest"> {
  if (MONEY_LEVERS.has(lever)) {
    const from = a as Money;
    const delta = sub(b as Money, from);
    if (delta.minor === 0) return { change: "no move", delta };
    if (from.minor === 0) return { change: signedMoney(delta), delta };
    const fraction = div(ratio(delta.minor), ratio(from.minor));
    return { change: `${signedMoney(delta)} (${signedPercent(fraction)})`, delta, fraction };
  }
  if (lever === "cap") return { change: capChange(a as OfferCap, b as OfferCap) };
  if (lever === "tiers") return { change: tiersChange(a as OfferTiers, b as OfferTiers) };
  const d = (b as number) - (a as number);
  if (d === 0) return { change: "no move" };
  return { change: `${d > 0 ? "+" : "−"}${Math.abs(d)}${lever === "termYears" ? " years" : ""}` };
}

function capPoints(a: OfferCap, b: OfferCap): Ratio | undefined {
  const x = parseDecimal(a.percent);
  const y = parseDecimal(b.percent);
  return x && y && a.kind === b.kind ? rsub(y, x) : undefined;
}

function capChange(a: OfferCap, b: OfferCap): string {
  const points = capPoints(a, b);
  if (points === undefined) return "a different rule";
  if (points.num === 0n) return "no move";
  return `${points.num > 0n ? "+" : "−"}${pointsText(points)}`;
}

/** "1 point", "0.5 points": the size of a change in a percentage, without its sign. */
function pointsText(points: Ratio): string {
  const abs = points.num < 0n ? ratio(-points.num, points.den) : points;
  const text = toDecimalString(abs, 2);
  return `${text} ${text === "1" ? "point" : "points"}`;
}

function sameBands(a: OfferTiers, b: OfferTiers): boolean {
  return (
    a.mode === b.mode &&
    a.period === b.period &&
    a.tiers.length === b.tiers.length &&
    a.tiers.every((t, i) => t.from === b.tiers[i]?.from && t.to === b.tiers[i]?.to)
  );
}

function tiersChange(a: OfferTiers, b: OfferTiers): string {
  if (!sameBands(a, b)) return "different bands";
  const parts = b.tiers.flatMap((t, i) => {
    const before = a.tiers[i];
    if (before === undefined) return [];
    const d = sub(t.rate, before.rate);
    return d.minor === 0 ? [] : [`${tierLabel(t)} ${signedMoney(d)}`];
  });
  return parts.length === 0 ? "no move" : parts.join(", ");
}

function positionGaps(
  latest: OfferTerms,
  latestAnnual: AnnualCost | undefined,
  position: OfferPosition,
  kind: "target" | "walk-away",
  code: CurrencyCode,
): PositionGaps {
  const gaps: Gap[] = [];
  for (const lever of LEVERS) {
    const want = position.terms[lever];
    if (want === undefined) continue;
    const have = latest[lever];
    const base = { lever, latest: show(lever, have), position: show(lever, want) };
    if (have === undefined) {
      gaps.push({ ...base, status: "not-offered", text: "not offered yet" });
      continue;
    }
    gaps.push({ ...base, ...gap(lever, have, want, kind, seatsFor(lever, latest)) });
  }
  const namesPrice = PRICE_LEVERS.some((l) => position.terms[l] !== undefined);
  const annual = namesPrice ? annualCost(overlay(latest, position.terms), code) : undefined;
  if (annual !== undefined && latestAnnual !== undefined) {
    const base = {
      lever: "annual" as const,
      latest: formatMoney(latestAnnual.annual),
      position: formatMoney(annual.annual),
    };
    const g = gap("annual", latestAnnual.annual, annual.annual, kind, undefined);
    gaps.push({ ...base, ...g });
  }
  return { gaps, ...(annual ? { annual } : {}) };
}

function seatsFor(lever: LeverKey, latest: OfferTerms): number | undefined {
  if (lever === "namedRate") return latest.namedSeats;
  if (lever === "concurrentRate") return latest.concurrentSeats;
  return undefined;
}

function gap(
  lever: Lever,
  have: Value,
  want: Value,
  kind: "target" | "walk-away",
  seats: number | undefined,
): Pick<Gap, "status" | "text" | "amount" | "perYear"> {
  if (MONEY_LEVERS.has(lever)) {
    const amount = sub(have as Money, want as Money);
    const perYear =
      lever === "annual" ? amount : seats === undefined ? undefined : times(amount, seats * 12);
    const yearly =
      lever !== "annual" && perYear !== undefined
        ? ` (${formatMoney(absolute(perYear))} a year)`
        : "";
    const status = moneyStatus(compareMoney(amount, { minor: 0, currency: amount.currency }), kind);
    const text = statusText(status, formatMoney(absolute(amount)), yearly);
    return { status, text, amount, ...(perYear ? { perYear } : {}) };
  }
  if (lever === "cap") {
    const points = capPoints(want as OfferCap, have as OfferCap);
    if (points === undefined) return { status: "differs", text: "a different rule" };
    const status = moneyStatus(points.num > 0n ? 1 : points.num < 0n ? -1 : 0, kind);
    return { status, text: statusText(status, pointsText(points), "") };
  }
  if (lever === "tiers") {
    const same =
      sameBands(have as OfferTiers, want as OfferTiers) &&
      tiersChange(want as OfferTiers, have as OfferTiers) === "no move";
    return same ? { status: "same", text: "the same" } : { status: "differs", text: "differs" };
  }
  const d = (have as number) - (want as number);
  if (d === 0) return { status: "same", text: "the same" };
  const unit = lever === "termYears" ? (Math.abs(d) === 1 ? " year" : " years") : "";
  return {
    status: "differs",
    text: `${Math.abs(d)}${unit} ${d > 0 ? (lever === "termYears" ? "longer" : "more") : lever === "termYears" ? "shorter" : "fewer"}`,
  };
}

/** `sign` of latest − position: above a target is still to go; above a walk-away is over it. */
function moneyStatus(sign: -1 | 0 | 1, kind: "target" | "walk-away"): GapStatus {
  if (kind === "target") return sign > 0 ? "to-go" : sign === 0 ? "met" : "beaten";
  return sign > 0 ? "over" : sign === 0 ? "at" : "inside";
}

function statusText(status: GapStatus, amount: string, yearly: string): string {
  switch (status) {
    case "to-go":
      return `${amount} to go${yearly}`;
    case "met":
      return "met";
    case "beaten":
      return `beaten by ${amount}${yearly}`;
    case "over":
      return `${amount} over${yearly}`;
    case "at":
      return "at the walk-away";
    case "inside":
      return `${amount} inside${yearly}`;
    default:
      return amount;
  }
}

function absolute(m: Money): Money {
  return m.minor < 0 ? { minor: -m.minor, currency: m.currency } : m;
}

/** "+£2" or "−£8" (a true minus sign, as the replies print). */
export function signedMoney(m: Money): string {
  return `${m.minor < 0 ? "−" : "+"}${formatMoney(absolute(m))}`;
}

function signedPercent(fraction: Ratio): string {
  const abs = fraction.num < 0n ? ratio(-fraction.num, fraction.den) : fraction;
  return `${fraction.num < 0n ? "−" : "+"}${formatPercent(abs)}`;
}

/** How a lever's value reads in a table cell. */
export function show(lever: Lever, value: Value | undefined): string {
  if (value === undefined) return "—";
  if (lever === "namedSeats" || lever === "concurrentSeats") return String(value);
  if (lever === "termYears") return `${value} ${value === 1 ? "year" : "years"}`;
  if (lever === "namedRate" || lever === "concurrentRate")
    return `${formatMoney(value as Money)}/mo`;
  if (lever === "implementation" || lever === "annual") return formatMoney(value as Money);
  if (lever === "cap") return capText(value as OfferCap);
  return tiersText(value as OfferTiers);
}

export function capText(cap: OfferCap): string {
  if (cap.kind === "cap") return `${cap.percent}%`;
  return `${cap.kind === "lesser-of" ? "lesser" : "greater"} of CPI and ${cap.percent}%`;
}

export function tiersText(tiers: OfferTiers): string {
  const per = tiers.period === "month" ? "" : "/yr";
  const bands = tiers.tiers.map((t) => `${tierLabel(t)} @ ${formatMoney(t.rate)}${per}`);
  return `${bands.join(", ")}${tiers.mode === "graduated" ? " graduated" : ""}`;
}
