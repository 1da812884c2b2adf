/**
 * `brief`: the negotiation brief for a deal, as a DOCX file (default), Markdown or Slack text.
 * `brief examples/deal.json --format docx --out brief.docx`. Today's date, which gives the
 * "start by" countdown, is --today or the context's clock (drafting/ never reads a clock).
 */
import { fail, ok, type Result } from "../../core/result.js";
import { asksTable } from "../../drafting/asks.js";
import { waterfallTable } from "../../drafting/brief.js";
import { isIsoDate } from "../../drafting/dates.js";
import { timingNotes } from "../../drafting/timing.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { dealData } from "./data.js";
import { looksLikeJsonPath, readDealFile } from "./deal-file.js";
import { BRIEF_FORMATS, type BriefFormat, draftBrief } from "./draft-brief.js";
import { BRIEF_INFO, BRIEF_EXAMPLE as EXAMPLE } from "./info.js";

const NAME = BRIEF_INFO.name;

const OPTIONS: readonly OptionSpec[] = [
  { name: "format", bare: true },
  { name: "out", bare: true },
  { name: "today" },
];

/** The ISO date of `now` in UTC: the clock is read once, by the command, and passed down. */
export function isoToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface DealRequest {
  readonly path: string;
  readonly values: ReadonlyMap<string, string>;
  readonly today: string;
}

/** The path, the options and today's date, shared by brief and email. */
export function parseDealRequest(
  text: string,
  options: readonly OptionSpec[],
  example: string,
  clock: () => Date,
): Result<DealRequest> {
  const parsed = parseOptions(tokenize(text), [...options], example);
  if (!parsed.ok) return parsed;
  const { values, positional } = parsed.value;
  const [path, ...extra] = positional;
  if (!looksLikeJsonPath(path)) {
    return fail(
      "deal.no_file",
      path === undefined ? "give the deal file" : `"${path}" is not a .json deal file`,
      example,
    );
  }
  if (extra.length > 0)
    return fail("deal.unexpected_word", `I don't understand "${extra.join(" ")}"`, example);
  const today = values.get("today") ?? isoToday(clock());
  if (!isIsoDate(today)) {
    return fail(
      "deal.bad_today",
      `--today "${today}" is not a date written YYYY-MM-DD`,
      "e.g. --today 2026-06-01",
    );
  }
  return ok({ path, values, today });
}

async function run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  const request = parseDealRequest(text, OPTIONS, EXAMPLE, ctx.now);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  const { path, values, today } = request.value;
  const formatText = (values.get("format") ?? "docx")
    .toLowerCase()
    .replace(/^markdown$/, "md")
    .replace(/^mrkdwn$/, "slack");
  if (!(BRIEF_FORMATS as readonly string[]).includes(formatText)) {
    return rejected(
      NAME,
      [
        {
          code: "brief.bad_format",
          message: `--format ${formatText} is not one I write`,
          hint: "use --format docx, md or slack",
        },
      ],
      EXAMPLE,
    );
  }
  const format = formatText as BriefFormat;
  const deal = await readDealFile(ctx, path);
  if (!deal.ok) return rejected(NAME, deal.issues, EXAMPLE);
  const out = values.get("out");
  const drafted = await draftBrief(deal.value, { today, format, ...(out ? { out } : {}) });
  if (!drafted.ok) return rejected(NAME, drafted.issues, EXAMPLE);
  const { analysis, brief, file, text: textOut } = drafted.value;
  const { timing } = brief;
  const files = file ? [file] : [];
  return replied({
    command: NAME,
    headline: drafted.value.headline,
    tables: [waterfallTable(analysis), asksTable(analysis)],
    notes: [
      ...(timing ? timingNotes(timing) : ["No renewal date in the deal, so no start-by date."]),
      `${brief.clauses.length} clause${brief.clauses.length === 1 ? "" : "s"} included: ${brief.clauses.map((c) => `${c.meta.id} (${c.position})`).join(", ") || "none"}.`,
    ],
    // Markdown or Slack text asked for without --out: the document itself, to paste.
    ...(textOut !== undefined && out === undefined ? { body: textOut } : {}),
    working: [...drafted.value.working],
    next: [`email ${path}`, `triage ${path}`, `brief ${path} --format md --out brief.md`],
    /**
     * brief data: dealData (see data.ts) plus `{ format, today, startBy, noticeBy (ISO or
     * null), clauses: [{ id, position }], file (name, or null), text (Markdown or mrkdwn for
     * --format md|slack, else null) }`.
     */
    data: {
      ...dealData(analysis),
      format,
      today,
      startBy: timing?.startBy ?? null,
      noticeBy: timing?.noticeBy ?? null,
      clauses: brief.clauses.map((c) => ({ id: c.meta.id, position: c.position })),
      file: files[0]?.name ?? null,
      text: textOut ?? null,
    },
    ...(files.length > 0 ? { files } : {}),
  });
}

export const briefCommand: Command = {
  ...BRIEF_INFO,
  run,
};
