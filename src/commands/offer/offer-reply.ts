/** The replies of `offer`: a round recorded, our target or walk-away set, or nothing kept. */
import { formatMoney, moneyJson } from "../../core/money.js";
import { type Gap, type OfferHistory, offerHistory } from "../../core/offer-history.js";
import type { OfferLedger, OfferRound, OfferTerms } from "../../core/offer-terms.js";
import { formatPercent } from "../../core/percent.js";
import { ratio } from "../../core/ratio.js";
import { type CommandOutcome, column, replied } from "../reply.js";
import { LEVER_LABELS, partyPossessive, termsJson, termsLine, termsRows } from "./say.js";

const NO_BOOK =
  "this dealdesk has no database, so offer rounds, targets and walk-aways are not kept";

/** Without an offer book: what was read, and plainly that nothing was recorded. */
export function noBookReply(command: "offer" | "history", terms?: OfferTerms): CommandOutcome {
  return replied({
    command,
    headline:
      command === "offer" ? `Not recorded: ${NO_BOOK}.` : `No offer history here: ${NO_BOOK}.`,
    tables:
      terms === undefined
        ? []
        : [
            {
              title: "What I read (not saved)",
              columns: [column("lever"), column("value", "right")],
              rows: termsRows(terms),
            },
          ],
    notes: [
      "In Slack the rounds are kept per channel in dealdesk's database; the console keeps them in its embedded database (DEALDESK_DATA_DIR).",
    ],
    working: [],
    next: [],
    data: { recorded: false, reason: "no_store" },
  });
}

function sinceFirst(h: OfferHistory): string {
  const move = h.moves.find((m) => m.lever === "annual");
  if (h.rounds.length < 2 || move?.delta === undefined) return "";
  if (move.delta.minor === 0) return ", the same a year as round 1";
  const abs = move.delta.minor < 0 ? -move.delta.minor : move.delta.minor;
  const f = move.fraction;
  const pct =
    f === undefined ? "" : ` (${formatPercent(ratio(f.num < 0n ? -f.num : f.num, f.den))})`;
  return `, ${move.delta.minor < 0 ? "down" : "up"} ${formatMoney({ minor: abs, currency: move.delta.currency })}${pct} since round 1`;
}

export interface RoundNotes {
  /** Said first: the date that was assumed or looks wrong, the currency assumed. */
  readonly notes: readonly string[];
  readonly keptIn: string;
}

export function roundReply(
  saved: OfferRound,
  ledger: OfferLedger,
  extra: RoundNotes,
): CommandOutcome {
  const h = offerHistory({ ...ledger, rounds: [...ledger.rounds, saved] });
  const view = h.rounds[h.rounds.length - 1];
  const annual = view?.annual ? `, ${formatMoney(view.annual.annual)} a year` : "";
  const who = partyPossessive(saved.offeredBy);
  const whose = saved.offeredBy.kind === "named" ? who : who.toLowerCase();
  const carried = [...(view?.carried ?? [])];
  const rows = [
    ...termsRows(saved.terms).map(([l, v]) => [l ?? "", v ?? "", `round ${saved.round}`]),
    ...carried.map(([lever, from]) => [
      LEVER_LABELS[lever],
      termsRows({ [lever]: view?.terms[lever] } as OfferTerms)[0]?.[1] ?? "—",
      `round ${from}`,
    ]),
  ];
  return replied({
    command: "offer",
    headline: `Round ${saved.round} recorded: ${whose} offer of ${saved.date}${annual}${sinceFirst(h)}.`,
    tables: [
      {
        title: `Round ${saved.round} in force (rates per user per month)`,
        columns: [column("lever"), column("value", "right"), column("from")],
        rows,
      },
    ],
    notes: [
      ...extra.notes,
      ...(carried.length > 0
        ? [
            `Levers this round did not mention carry forward from earlier rounds (the "from" column).`,
          ]
        : []),
      // The arithmetic is a note, not `working`: Slack's "Show working" re-runs a command whose
      // answer it no longer holds, and re-running `offer` would record the round twice.
      ...(view?.annual
        ? [`A year: ${view.annual.working.join("; ")}.`]
        : ["No yearly figure: that needs seats and a rate (or tiers) for them."]),
      `Kept in ${extra.keptIn}. Type history to see what moved and what is left to our target.`,
    ],
    working: [],
    next: ["history"],
    data: {
      recorded: true,
      round: saved.round,
      date: saved.date,
      currency: saved.currency,
      stated: termsJson(saved.terms),
      inForce: termsJson(view?.terms ?? saved.terms),
      annual: view?.annual ? moneyJson(view.annual.annual) : null,
    },
  });
}

/** "round 3 is £20,160 a year above it": the latest round a year against the position set. */
function roundAgainst(n: number, g: Gap): string {
  const a =
    g.amount === undefined
      ? ""
      : formatMoney(g.amount.minor < 0 ? { ...g.amount, minor: -g.amount.minor } : g.amount);
  const where: Partial<Record<Gap["status"], string>> = {
    "to-go": `${a} a year above it`,
    met: "on it",
    beaten: `${a} a year below it`,
    over: `${a} a year over it`,
    at: "at it",
    inside: `${a} a year inside it`,
  };
  return `round ${n} is ${where[g.status] ?? g.text}`;
}

export function positionReply(
  kind: "target" | "walk-away",
  terms: OfferTerms,
  ledger: OfferLedger,
  extra: RoundNotes,
): CommandOutcome {
  const h = ledger.rounds.length > 0 ? offerHistory(ledger) : undefined;
  const gaps = kind === "target" ? h?.target : h?.walkAway;
  const annual = gaps?.gaps.find((g) => g.lever === "annual");
  const n = ledger.rounds.length;
  const against = annual === undefined ? "" : ` (${roundAgainst(n, annual)})`;
  return replied({
    command: "offer",
    headline: `Our ${kind} is ${termsLine(terms)}${against}.`,
    tables: [
      {
        title: `Our ${kind} (rates per user per month)`,
        columns: [
          column("lever"),
          column(kind, "right"),
          ...(gaps
            ? [column(`round ${n}`, "right"), column(`round ${n} to ${kind}`, "right")]
            : []),
        ],
        rows: termsRows(terms).map(([label, value]) => {
          const g = gaps?.gaps.find((x) => LEVER_LABELS[x.lever] === label);
          return [label ?? "", value ?? "", ...(gaps ? [g?.latest ?? "—", g?.text ?? "—"] : [])];
        }),
      },
    ],
    notes: [
      ...extra.notes,
      `Levers not given keep what was set before; the rest of our ${kind} is as shown.`,
      `Kept in ${extra.keptIn}.`,
    ],
    working: [],
    next: ["history"],
    data: { recorded: true, position: kind, terms: termsJson(terms) },
  });
}
