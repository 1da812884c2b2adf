/**
 * `email`: a short counter-proposal e-mail to the vendor, built from the asks and the chosen
 * clauses. `email examples/deal.json --to Sam --from Alex`.
 */
import { formatMoney } from "../../core/money.js";
import { shippedCatalogue } from "../../drafting/catalogue.js";
import { buildEmail } from "../../drafting/email.js";
import { analyseDeal, type DealAnalysis } from "../../drafting/moves.js";
import { timingFor } from "../../drafting/timing.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import type { OptionSpec } from "../grammar/options.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { parseDealRequest } from "./brief.js";
import { dealData } from "./data.js";
import { readDealFile } from "./deal-file.js";
import { EMAIL_INFO, EMAIL_EXAMPLE as EXAMPLE } from "./info.js";

const NAME = EMAIL_INFO.name;

const OPTIONS: readonly OptionSpec[] = [
  { name: "to", bare: true },
  { name: "from", bare: true },
  { name: "today" },
];

function headline(vendor: string, asks: number, a: DealAnalysis): string {
  const w = a.waterfall;
  const price =
    w.totalAnnual.minor > 0
      ? `, bringing the subscription from ${formatMoney(w.offerAnnual)} to ${formatMoney(w.counterAnnual)} a year`
      : "";
  return `A counter-proposal to ${vendor} with ${asks} ask${asks === 1 ? "" : "s"}${price}.`;
}

async function run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  const request = parseDealRequest(text, OPTIONS, EXAMPLE, ctx.now);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  const { path, values, today } = request.value;
  const deal = await readDealFile(ctx, path);
  if (!deal.ok) return rejected(NAME, deal.issues, EXAMPLE);
  const analysis = analyseDeal(deal.value);
  const timing = deal.value.renewalDate
    ? timingFor(deal.value.renewalDate, deal.value.noticeDays, today)
    : undefined;
  // Ask for terms before the notice deadline, while not renewing is still an option.
  const replyBy = timing && timing.daysToNotice > 0 ? timing.noticeBy : undefined;
  const to = values.get("to");
  const from = values.get("from");
  const email = buildEmail(analysis, shippedCatalogue(), {
    ...(to ? { to } : {}),
    ...(from ? { from } : {}),
    ...(replyBy ? { replyBy } : {}),
  });
  const asks = analysis.moves.filter((m) => m.status === "against us" || m.status === "missing");
  return replied({
    command: NAME,
    headline: headline(deal.value.vendor, asks.length, analysis),
    tables: [],
    // The e-mail itself, ready to paste.
    body: `Subject: ${email.subject}\n\n${email.body}`,
    notes: [],
    working: [],
    next: [`brief ${path}`, `triage ${path}`],
    /** email data: dealData plus `{ subject, text (the body, plain text), replyBy (ISO or null) }`. */
    data: {
      ...dealData(analysis),
      subject: email.subject,
      text: email.body,
      replyBy: replyBy ?? null,
    },
  });
}

export const emailCommand: Command = {
  ...EMAIL_INFO,
  run,
};
