/**
 * The vendor e-mail: a short counter-proposal built from the asks. It states what we want and the
 * price that results; it never shows our money-at-stake figures, fallbacks or walk-away positions.
 */
import { formatMoney } from "../core/money.js";
import type { Catalogue } from "./catalogue.js";
import { formatDate } from "./dates.js";
import type { DealAnalysis } from "./moves.js";

export interface EmailOptions {
  readonly to?: string;
  readonly from?: string;
  /** Reply-by date (ISO), usually the start-by or notice date. */
  readonly replyBy?: string;
}

export interface VendorEmail {
  readonly subject: string;
  readonly body: string;
}

export function buildEmail(a: DealAnalysis, catalogue: Catalogue, o: EmailOptions): VendorEmail {
  const d = a.deal;
  const asks = a.moves.filter((m) => m.status === "against us" || m.status === "missing");
  const clauseTitles = d.clauses
    .map((c) => catalogue.templates.get(c.id)?.meta.title)
    .filter((t): t is string => t !== undefined);
  const lines: string[] = [
    `Hello ${o.to ?? "team"},`,
    "",
    `Thank you for your proposal for ${d.product}. We have compared it with how our service desk actually works, and this is what we need to reach an agreement:`,
    "",
    ...asks.map((m, i) => `${i + 1}. ${m.ask}.`),
  ];
  if (a.waterfall.steps.length > 0) {
    lines.push(
      "",
      `On these terms the annual subscription comes to ${formatMoney(a.waterfall.counterAnnual)}, against ${formatMoney(a.waterfall.offerAnnual)} in your proposal.`,
    );
  }
  if (clauseTitles.length > 0) {
    lines.push(
      "",
      "We will also need the agreement to cover:",
      ...clauseTitles.map((t) => `- ${t}`),
    );
  }
  lines.push(
    "",
    o.replyBy
      ? `We would like to agree terms by ${formatDate(o.replyBy)}. Could you send a revised proposal before then?`
      : "Could you send a revised proposal on this basis?",
    "",
    "Kind regards,",
    o.from ?? "",
  );
  return {
    subject: `${d.product}: our counter-proposal`,
    body: `${lines.join("\n").trimEnd()}\n`,
  };
}
