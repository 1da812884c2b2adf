/**
 * The one brief builder: a Deal and today's date become the brief's document, rendered as a Word
 * file, Markdown or Slack text, with the one headline and the one file name. The `brief` command
 * and Slack's "Brief as DOCX" button both draft through here.
 */

import { formatMoney } from "../../core/money.js";
import { ok, type Result } from "../../core/result.js";
import { type Brief, buildBrief } from "../../drafting/brief.js";
import { shippedCatalogue } from "../../drafting/catalogue.js";
import { formatDate } from "../../drafting/dates.js";
import type { Deal } from "../../drafting/deal-schema.js";
import type { DealAnalysis } from "../../drafting/moves.js";
import { analyseDeal } from "../../drafting/moves.js";
import { renderDocx } from "../../drafting/render-docx.js";
import { renderMarkdown } from "../../drafting/render-markdown.js";
import { renderMrkdwn } from "../../drafting/render-mrkdwn.js";
import { nameFromOut } from "../out-name.js";
import type { ReplyFile } from "../reply.js";

export const BRIEF_FORMATS = ["docx", "md", "slack"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

const MEDIA: Readonly<Record<BriefFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown",
  slack: "text/plain",
};

const DESCRIBED: Readonly<Record<BriefFormat, string>> = {
  docx: "Word",
  md: "Markdown",
  slack: "Slack text",
};

const EXTENSION: Readonly<Record<BriefFormat, string>> = { docx: "docx", md: "md", slack: "txt" };

export interface BriefRequest {
  /** ISO date the start-by countdown is measured from. */
  readonly today: string;
  readonly format: BriefFormat;
  /** The file's name; Markdown and Slack text become a file only when one is given. */
  readonly out?: string;
}

export interface DraftedBrief {
  readonly analysis: DealAnalysis;
  readonly brief: Brief;
  /** The sentence to say: the counter against the offer, and when to start. */
  readonly headline: string;
  /** The waterfall's arithmetic and the implementation and renewal moves'. */
  readonly working: readonly string[];
  /** The Word file always; Markdown or Slack text only with `out`. */
  readonly file?: ReplyFile;
  /** The Markdown or Slack text of the brief (not for DOCX). */
  readonly text?: string;
}

/** A file name from a vendor's name: `Halo Service Solutions Ltd` → `halo-service-solutions-ltd`. */
export function briefSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "deal"
  );
}

function headlineOf(deal: Deal, analysis: DealAnalysis, brief: Brief): string {
  const w = analysis.waterfall;
  const start = brief.timing ? `; start by ${formatDate(brief.timing.startBy)}` : "";
  return `Brief for ${deal.vendor}: counter at ${formatMoney(w.counterAnnual)} a year against ${formatMoney(w.offerAnnual)}, ${formatMoney(w.totalAnnual)} less${start}.`;
}

export async function draftBrief(deal: Deal, request: BriefRequest): Promise<Result<DraftedBrief>> {
  const analysis = analyseDeal(deal);
  const built = buildBrief(analysis, shippedCatalogue(), request.today);
  if (!built.ok) return built;
  const brief = built.value;
  const { format, out } = request;
  const ownName = `${briefSlug(deal.vendor)}-brief.${EXTENSION[format]}`;
  // --out may be a path or a folder: the file is named from it, and saved where it says.
  const name = out === undefined ? ownName : nameFromOut(out, ownName);
  const description = `negotiation brief for ${deal.vendor} (${DESCRIBED[format]})`;
  const text =
    format === "md"
      ? renderMarkdown(brief.document)
      : format === "slack"
        ? renderMrkdwn(brief.document)
        : undefined;
  const content =
    format === "docx"
      ? await renderDocx(brief.document, { date: request.today })
      : text !== undefined && out !== undefined
        ? new TextEncoder().encode(text)
        : undefined;
  const w = analysis.waterfall;
  return ok({
    analysis,
    brief,
    headline: headlineOf(deal, analysis, brief),
    working: [
      ...w.steps.flatMap((s) => s.working),
      ...analysis.moves
        .filter((m) => m.key === "implementation" || m.key === "renewal")
        .flatMap((m) => m.working),
    ],
    ...(content
      ? {
          file: {
            name,
            mediaType: MEDIA[format],
            content,
            description,
            ...(out === undefined ? {} : { saveTo: out }),
          },
        }
      : {}),
    ...(text !== undefined ? { text } : {}),
  });
}
