/**
 * The `history` reply: the one line to say (the latest offer a year, against our target and
 * walk-away, and how far it came since the first), then the rounds, what moved, what is left.
 */
import { formatMoney, type Money, moneyJson } from "../../core/money.js";
import {
  type Gap,
  type Move,
  type OfferHistory,
  type PositionGaps,
  show,
  signedMoney,
} from "../../core/offer-history.js";
import type { LeverKey, OfferTerms } from "../../core/offer-terms.js";
import { formatPercent } from "../../core/percent.js";
import { ratio } from "../../core/ratio.js";
import { type Column, column, type Reply, type Table } from "../reply.js";
import { LEVER_LABELS, partyPossessive, partyText, termsJson } from "./say.js";

type RoundView = OfferHistory["rounds"][number];

function abs(m: Money): Money {
  return m.minor < 0 ? { minor: -m.minor, currency: m.currency } : m;
}

function annualGap(p: PositionGaps | undefined): Gap | undefined {
  return p?.gaps.find((g) => g.lever === "annual");
}

function targetPhrase(g: Gap | undefined, p: PositionGaps | undefined): string | undefined {
  if (g?.amount !== undefined) {
    const a = formatMoney(abs(g.amount));
    if (g.status === "to-go") return `${a} a year above our target`;
    if (g.status === "met") return "on our target";
    return `${a} a year below our target`;
  }
  if (p === undefined || p.gaps.length === 0) return undefined;
  const short = p.gaps.filter((x) => x.status === "to-go" || x.status === "not-offered").length;
  return short === 0
    ? "meeting every lever of our target"
    : `short of our target on ${short} of ${p.gaps.length} levers`;
}

function walkPhrase(g: Gap | undefined, p: PositionGaps | undefined): string | undefined {
  if (g?.amount !== undefined) {
    const a = formatMoney(abs(g.amount));
    if (g.status === "over") return `${a} a year over our walk-away`;
    if (g.status === "at") return "at our walk-away";
    return `${a} a year inside our walk-away`;
  }
  if (p === undefined || p.gaps.length === 0) return undefined;
  const over = p.gaps.filter((x) => x.status === "over").length;
  return over === 0
    ? "inside our walk-away on every lever it names"
    : `over our walk-away on ${over} of ${p.gaps.length} levers`;
}

function sincePhrase(h: OfferHistory): string | undefined {
  if (h.rounds.length < 2) return undefined;
  const annual = h.moves.find((m) => m.lever === "annual");
  if (annual?.delta !== undefined) {
    if (annual.delta.minor === 0) return "no change a year since round 1";
    const pct =
      annual.fraction === undefined ? "" : ` (${formatPercent(absRatio(annual.fraction))})`;
    return `${annual.delta.minor < 0 ? "down" : "up"} ${formatMoney(abs(annual.delta))}${pct} since round 1`;
  }
  const moved = h.moves.filter((m) => m.change !== "no move").length;
  return `${moved} ${moved === 1 ? "lever" : "levers"} moved since round 1`;
}

function absRatio(r: { num: bigint; den: bigint }) {
  return r.num < 0n ? ratio(-r.num, r.den) : ratio(r.num, r.den);
}

export function historyHeadline(h: OfferHistory): string {
  const latest = h.rounds[h.rounds.length - 1] as RoundView;
  const who = partyPossessive(latest.round.offeredBy);
  const cost = latest.annual ? ` is ${formatMoney(latest.annual.annual)} a year` : "";
  const parts = [
    targetPhrase(annualGap(h.target), h.target),
    walkPhrase(annualGap(h.walkAway), h.walkAway),
    sincePhrase(h),
  ].filter((p): p is string => p !== undefined);
  const start = `${who} latest offer (round ${latest.round.round}, ${latest.round.date})${cost}`;
  return `${start}${parts.length > 0 ? `${cost ? ":" : ""} ${parts.join(", ")}` : ""}.`;
}

/** "240 @ £72", with a value carried from an earlier round in brackets. */
function seatsCell(r: RoundView, seatsKey: LeverKey, rateKey: LeverKey): string {
  const mark = (key: LeverKey, text: string) => (r.carried.has(key) ? `(${text})` : text);
  const seats = r.terms[seatsKey];
  const rate = r.terms[rateKey] as Money | undefined;
  const parts = [
    ...(seats === undefined ? [] : [mark(seatsKey, String(seats))]),
    ...(rate === undefined ? [] : [`@ ${mark(rateKey, formatMoney(rate))}`]),
  ];
  return parts.length === 0 ? "—" : parts.join(" ");
}

function cell(r: RoundView, lever: LeverKey): string {
  const value = r.terms[lever] as Parameters<typeof show>[1];
  const text = show(lever, value);
  return value !== undefined && r.carried.has(lever) ? `(${text})` : text;
}

/** The rounds table, without the lever columns no round has a value in (narrower on a phone). */
function roundsTable(h: OfferHistory): Table {
  const levers: readonly [string, (r: RoundView) => string][] = [
    ["named", (r) => seatsCell(r, "namedSeats", "namedRate")],
    ["concurrent", (r) => seatsCell(r, "concurrentSeats", "concurrentRate")],
    ["tiers", (r) => cell(r, "tiers")],
    ["cap", (r) => cell(r, "cap")],
    ["term", (r) => cell(r, "termYears")],
    ["impl", (r) => cell(r, "implementation")],
  ];
  const shown = levers.filter(([, read]) => h.rounds.some((r) => read(r) !== "—"));
  const columns: Column[] = [
    column("round", "right"),
    column("date"),
    column("by"),
    ...shown.map(([name]) => column(name, name === "impl" ? "right" : "left")),
    column("a year", "right"),
  ];
  return {
    title: "Rounds (rates per user per month; brackets: carried from an earlier round)",
    columns,
    rows: h.rounds.map((r) => [
      String(r.round.round),
      r.round.date,
      partyText(r.round.offeredBy),
      ...shown.map(([, read]) => read(r)),
      r.annual ? formatMoney(r.annual.annual) : "—",
    ]),
  };
}

function movesTable(h: OfferHistory): Table {
  const n = h.rounds.length;
  return {
    title: `What moved from round 1 to round ${n}`,
    columns: [
      column("lever"),
      column("round 1", "right"),
      column(`round ${n}`, "right"),
      column("change", "right"),
    ],
    rows: h.moves.map((m) => [LEVER_LABELS[m.lever], m.first, m.latest, m.change]),
  };
}

function gapsTable(h: OfferHistory): Table | undefined {
  const levers = [
    ...new Set([...(h.target?.gaps ?? []), ...(h.walkAway?.gaps ?? [])].map((g) => g.lever)),
  ];
  if (levers.length === 0) return undefined;
  const n = h.rounds.length;
  const find = (p: PositionGaps | undefined, lever: string) =>
    p?.gaps.find((g) => g.lever === lever);
  const sides = (
    [
      ["target", h.target],
      ["walk-away", h.walkAway],
    ] as const
  ).filter(([, p]) => p !== undefined);
  const names = sides.map(([name]) => (name === "target" ? "our target" : "our walk-away"));
  return {
    title: `What is left between round ${n} and ${names.join(" and ")} (lower is better on money)`,
    columns: [
      column("lever"),
      column(`round ${n}`, "right"),
      ...sides.flatMap(([name]) => [column(name, "right"), column(`to ${name}`, "right")]),
    ],
    rows: levers.map((lever) => {
      const latest = sides.map(([, p]) => find(p, lever)?.latest).find((x) => x !== undefined);
      return [
        LEVER_LABELS[lever],
        latest ?? "—",
        ...sides.flatMap(([, p]) => {
          const g = find(p, lever);
          return [g?.position ?? "—", g?.text ?? "—"];
        }),
      ];
    }),
  };
}

function working(h: OfferHistory): string[] {
  const lines: string[] = [];
  for (const r of h.rounds) {
    for (const w of r.annual?.working ?? []) lines.push(`round ${r.round.round} ${w}`);
  }
  const latest = h.rounds[h.rounds.length - 1] as RoundView;
  const annualMove = h.moves.find((m) => m.lever === "annual");
  if (h.rounds.length > 1 && annualMove?.delta !== undefined) {
    lines.push(
      `since round 1: ${annualMove.latest} − ${annualMove.first} = ${signedMoney(annualMove.delta)} a year`,
    );
  }
  const positions = [
    ["target", h.target],
    ["walk-away", h.walkAway],
  ] as const;
  for (const [name, p] of positions) {
    if (p === undefined) continue;
    for (const w of p.annual?.working ?? [])
      lines.push(`${name} on round ${latest.round.round}'s seats, ${w}`);
    for (const g of p.gaps) {
      if (g.amount === undefined) continue;
      const seats =
        g.lever === "namedRate" ? latest.terms.namedSeats : latest.terms.concurrentSeats;
      const yearly =
        g.perYear !== undefined && g.lever !== "annual" && seats !== undefined
          ? `; ${signedMoney(g.amount)} × ${seats} × 12 = ${signedMoney(g.perYear)} a year`
          : "";
      lines.push(
        `${LEVER_LABELS[g.lever]} to ${name}: ${g.latest} − ${g.position} = ${signedMoney(g.amount)}${yearly}`,
      );
    }
  }
  return lines;
}

function notes(h: OfferHistory, keptIn: string): string[] {
  const out: string[] = [];
  const latest = h.rounds[h.rounds.length - 1] as RoundView;
  if (latest.carried.size > 0) {
    const bySource = new Map<number, string[]>();
    for (const [lever, from] of latest.carried) {
      bySource.set(from, [...(bySource.get(from) ?? []), LEVER_LABELS[lever]]);
    }
    const carried = [...bySource].map(([from, levers]) => `${levers.join(", ")} (round ${from})`);
    out.push(`Round ${latest.round.round} did not restate ${carried.join("; ")}, so those stand.`);
  }
  const pricedOnTiers = h.rounds.some(
    (r) => r.terms.namedRate === undefined && r.terms.tiers !== undefined && r.annual,
  );
  if (pricedOnTiers) out.push("Named seats without a named rate are priced on the round's tiers.");
  out.push(
    "A year = seats × rate per month × 12; the implementation fee is one-off and not in it.",
  );
  if (h.target || h.walkAway) {
    out.push(
      `The target and walk-away are priced on round ${latest.round.round} with their own levers laid on it (its seats unless they name seats).`,
    );
  }
  if (!h.target) out.push("No target set: `offer target named @ £65 cap 2%` sets one.");
  if (!h.walkAway) out.push("No walk-away set: `offer walk-away named @ £75` sets one.");
  out.push(`Kept in ${keptIn}.`);
  return out;
}

function gapJson(p: PositionGaps | undefined) {
  if (p === undefined) return null;
  return {
    annual: p.annual ? moneyJson(p.annual.annual) : null,
    gaps: p.gaps.map((g) => ({
      lever: g.lever,
      latest: g.latest,
      position: g.position,
      status: g.status,
      amount: g.amount ? moneyJson(g.amount) : null,
      perYear: g.perYear ? moneyJson(g.perYear) : null,
      text: g.text,
    })),
  };
}

function moveJson(m: Move) {
  return {
    lever: m.lever,
    first: m.first,
    latest: m.latest,
    change: m.change,
    delta: m.delta ? moneyJson(m.delta) : null,
  };
}

function roundJson(r: RoundView, terms: OfferTerms) {
  return {
    round: r.round.round,
    date: r.round.date,
    offeredBy: partyText(r.round.offeredBy),
    stated: termsJson(r.round.terms),
    inForce: termsJson(terms),
    annual: r.annual ? moneyJson(r.annual.annual) : null,
  };
}

/**
 * `data` contract: `currency`, `rounds` (round, date, offeredBy, stated and inForce terms, annual
 * MoneyJson or null), `moves` (lever, first, latest, change, delta), `target` and `walkAway`
 * (annual, gaps with lever, status, amount, perYear, text) or null.
 */
export function historyReply(h: OfferHistory, keptIn: string): Reply {
  const gaps = gapsTable(h);
  return {
    command: "history",
    headline: historyHeadline(h),
    tables: [
      roundsTable(h),
      ...(h.rounds.length > 1 ? [movesTable(h)] : []),
      ...(gaps ? [gaps] : []),
    ],
    notes: notes(h, keptIn),
    working: working(h),
    next: ["help offer"],
    data: {
      currency: h.currency,
      rounds: h.rounds.map((r) => roundJson(r, r.terms)),
      moves: h.moves.map(moveJson),
      target: gapJson(h.target),
      walkAway: gapJson(h.walkAway),
    },
  };
}
