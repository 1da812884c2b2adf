/**
 * What "Draft the asks" and "Brief as DOCX" answer with: the channel's deal and the clicked file
 * analysis made into a Deal (src/drafting/deal-from-analysis.ts), then the triage reply or the
 * DOCX brief built from it by the same functions the triage and brief commands use.
 */
import { isoToday } from "../../commands/deal/brief.js";
import { dealData } from "../../commands/deal/data.js";
import { draftBrief } from "../../commands/deal/draft-brief.js";
import { triageReply } from "../../commands/deal/triage.js";
import type { Reply } from "../../commands/reply.js";
import { analysisFigures, dealFromAnalysis } from "../../drafting/deal-from-analysis.js";
import type { Deal } from "../../drafting/deal-schema.js";
import { analyseDeal } from "../../drafting/moves.js";
import type { ButtonValue } from "../blocks/buttons.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { findAnalysisData } from "./find-analysis.js";

/** The Deal to draft from, or the one line telling the clicker why there is none. */
export type DraftSource =
  | { readonly ok: true; readonly deal: Deal }
  | { readonly ok: false; readonly line: string };

export const LOST_ANALYSIS =
  "I no longer have that analysis (dealdesk restarted): share the file again to draft from it.";

export async function dealForClick(
  deps: SlackDeps,
  scope: DealScope,
  value: ButtonValue,
): Promise<DraftSource> {
  const data = await findAnalysisData(deps, scope, value);
  const figures = data === undefined ? undefined : analysisFigures(data);
  if (!figures) return { ok: false, line: LOST_ANALYSIS };
  const channel = await deps.deals.get(scope);
  if (!channel) {
    return {
      ok: false,
      line: "This channel has no deal any more: /deal set vendor HaloITSM currency GBP named 70 concurrent 140, then share the file again.",
    };
  }
  const deal = dealFromAnalysis(channel, figures);
  if (!deal.ok) {
    const first = deal.issues[0];
    const text = first ? `${first.message}${first.hint ? ` — ${first.hint}` : ""}` : "";
    return { ok: false, line: `:warning: I can't draft from that: ${text}` };
  }
  return { ok: true, deal: deal.value };
}

/** The triage reply (the five moves with the asks and the money), led by the deal's assumptions. */
export function asksReply(deal: Deal): Reply {
  const reply = triageReply(analyseDeal(deal), "slack", false, false);
  return { ...reply, notes: [...deal.notes, ...reply.notes] };
}

/**
 * The DOCX brief as a reply carrying the file, drafted by the brief command's builder (one
 * headline, one file name). `data`: dealData (src/commands/deal/data.ts) plus `{ today, file }`.
 */
export async function briefReply(deal: Deal, now: Date): Promise<Reply | string> {
  const today = isoToday(now);
  const drafted = await draftBrief(deal, { today, format: "docx" });
  // The deal chooses no clauses, so building cannot fail on them; say so if it ever does.
  if (!drafted.ok) {
    return `:warning: I couldn't build the brief: ${drafted.issues[0]?.message ?? ""}`;
  }
  const { analysis, file, headline, working } = drafted.value;
  const files = file ? [file] : [];
  return {
    command: "brief",
    headline,
    tables: [],
    notes: [...deal.notes, ...files.map((f) => `The brief is attached as ${f.name}.`)],
    working: [...working],
    next: [],
    data: { ...dealData(analysis), today, file: file?.name ?? null },
    files,
  };
}
