/** Words and JSON shared by the `offer` and `history` replies: lever names, parties, terms. */
import { formatMoney, type Money, moneyJson } from "../../core/money.js";
import { type Lever, show } from "../../core/offer-history.js";
import type { OfferParty, OfferTerms } from "../../core/offer-terms.js";
import { LEVERS } from "../../core/offer-terms.js";

export const LEVER_LABELS: Readonly<Record<Lever, string>> = {
  namedSeats: "named seats",
  namedRate: "named rate",
  concurrentSeats: "concurrent seats",
  concurrentRate: "concurrent rate",
  tiers: "tiers",
  cap: "renewal cap",
  termYears: "term",
  implementation: "implementation (one-off)",
  annual: "subscription a year",
};

/** "vendor", "us", or the name typed after `by`. */
export function partyText(party: OfferParty): string {
  return party.kind === "named" ? party.name : party.kind;
}

/** "The vendor's", "Our", "Acme's": the start of a sentence about a round. */
export function partyPossessive(party: OfferParty): string {
  if (party.kind === "us") return "Our";
  if (party.kind === "vendor") return "The vendor's";
  return `${party.name}'s`;
}

/** One row per lever the terms state: [label, value]. */
export function termsRows(terms: OfferTerms): string[][] {
  return LEVERS.filter((l) => terms[l] !== undefined).map((l) => [
    LEVER_LABELS[l],
    show(l, terms[l]),
  ]);
}

/** One line: "named 240 @ £72/mo, cap 3%, term 3 years". */
export function termsLine(terms: OfferTerms): string {
  return termsRows(terms)
    .map(([label, value]) => `${label} ${value}`)
    .join(", ");
}

/** The `data` shape of terms: money as MoneyJson, the rest as stored. */
export function termsJson(terms: OfferTerms): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const lever of LEVERS) {
    const value = terms[lever];
    if (value === undefined) continue;
    if (lever === "namedRate" || lever === "concurrentRate" || lever === "implementation") {
      out[lever] = moneyJson(value as Money);
    } else if (lever === "tiers" && terms.tiers) {
      out.tiers = {
        ...terms.tiers,
        tiers: terms.tiers.tiers.map((t) => ({ ...t, rate: moneyJson(t.rate) })),
      };
    } else out[lever] = value;
  }
  return out;
}

export function money(m: Money | undefined): string {
  return m === undefined ? "—" : formatMoney(m);
}
