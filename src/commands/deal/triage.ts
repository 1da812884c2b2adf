/**
 * `triage`: the five moves checked against a vendor's offer in seconds, from a deal.json or from a
 * quote typed in chat (grammar in triage-quote.ts): each covered, missing or against us, with the
 * money at stake and the ask that fixes it, most valuable first.
 */
import { formatMoney } from "../../core/money.js";
import { formatPercent } from "../../core/percent.js";
import type { Result } from "../../core/result.js";
import { asksTable, triageTable } from "../../drafting/asks.js";
import { benchmarkNote } from "../../drafting/benchmark.js";
import { type Deal, parseDeal } from "../../drafting/deal-schema.js";
import { analyseDeal, byValue, type DealAnalysis, stakeText } from "../../drafting/moves.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, type Reply, type ReplyFile, rejected, replied } from "../reply.js";
import { toCsv } from "../reply-csv.js";
import { dealData } from "./data.js";
import { looksLikeJsonPath, readDealFile } from "./deal-file.js";
import { QUOTE_EXAMPLE, TRIAGE_INFO } from "./info.js";
import { parseQuote } from "./triage-quote.js";

const { name: NAME, usage: USAGE } = TRIAGE_INFO;

/** One sentence: how many moves the offer misses, and the biggest one with its money. */
export function triageHeadline(a: DealAnalysis): string {
  const open = a.moves.filter((m) => m.status === "against us" || m.status === "missing");
  const top = byValue(a.moves)[0];
  if (open.length === 0) {
    return `The offer from ${a.deal.vendor} covers every move that could be checked.`;
  }
  const biggest =
    top?.atStake && (top.status === "against us" || top.status === "missing")
      ? `; the biggest is ${top.step.toLowerCase()} at ${stakeText(top, a.deal.termYears)}`
      : "";
  return `The offer misses ${open.length} of the 5 moves${biggest}.`;
}

function notes(a: DealAnalysis, currencyAssumed: boolean): string[] {
  const d = a.deal;
  const list = byValue(a.moves).map((m) => `${m.step} (${m.status}): ${m.finding}`);
  if (d.offer.renewal.uplift.kind === "none" || d.offer.renewal.uplift.kind === "greater-of") {
    list.push(
      `With no cap, renewal rises are assumed at ${formatPercent(d.assumptions.listUplift, 2)} a year (assumptions.listUplift).`,
    );
  }
  if (d.offer.renewal.uplift.kind === "lesser-of") {
    list.push("A CPI-linked cap is valued at its full cap every year: the worst case.");
  }
  if (currencyAssumed) list.push(`No currency given, so ${d.currency} was assumed.`);
  list.push("Prices with no /mo or /yr are per user per month.");
  if (a.waterfall.totalAnnual.minor > 0) {
    list.push(
      `Together the priced asks take the subscription from ${formatMoney(a.waterfall.offerAnnual)} to ${formatMoney(a.waterfall.counterAnnual)} a year.`,
    );
  }
  const bench = benchmarkNote(a.waterfall, d.leverage.benchmarkRate);
  if (bench) list.push(bench);
  return list;
}

function csvFile(a: DealAnalysis): ReplyFile {
  const t = asksTable(a);
  // The deal's own notes ride along as rows, so the sheet is the whole working record; every
  // field, notes included, is neutralised against formulas by toCsv.
  const text = toCsv(
    t.columns.map((c) => c.header),
    [...t.rows, ...a.deal.notes.map((n) => ["note", n, "", ""])],
  );
  return {
    name: "asks.csv",
    mediaType: "text/csv",
    content: new TextEncoder().encode(text),
    description:
      "the five asks with the money at stake, and the deal's notes (formulas neutralised)",
  };
}

export function triageReply(
  a: DealAnalysis,
  source: string,
  currencyAssumed: boolean,
  csv: boolean,
): Reply {
  return {
    command: NAME,
    headline: triageHeadline(a),
    tables: [triageTable(a)],
    notes: notes(a, currencyAssumed),
    working: a.moves.flatMap((m) => m.working),
    next: source.endsWith(".json")
      ? [`brief ${source}`, `email ${source}`, "draft renewal-cap"]
      : ["draft renewal-cap", "draft fixed-price-implementation", "draft list"],
    data: { ...dealData(a), ranked: byValue(a.moves).map((m) => m.key) },
    ...(csv ? { files: [csvFile(a)] } : {}),
  };
}

async function readDeal(
  text: string,
  ctx: CommandContext,
): Promise<Result<{ deal: Deal; source: string; currencyAssumed: boolean; csv: boolean }>> {
  const tokens = tokenize(text);
  const path = tokens.find(looksLikeJsonPath);
  if (path !== undefined) {
    const extra = tokens.filter((t) => t !== path && t !== "--csv");
    if (extra.length > 0) {
      return {
        ok: false,
        issues: [
          {
            code: "triage.unexpected_word",
            message: `with a deal file, I don't understand "${extra.join(" ")}"`,
            hint: "triage examples/deal.json [--csv]",
          },
        ],
      };
    }
    const deal = await readDealFile(ctx, path);
    return deal.ok
      ? {
          ok: true,
          value: {
            deal: deal.value,
            source: path,
            currencyAssumed: false,
            csv: tokens.includes("--csv"),
          },
        }
      : deal;
  }
  const quote = parseQuote(text, ctx);
  if (!quote.ok) return quote;
  const deal = parseDeal(quote.value.deal);
  return deal.ok
    ? {
        ok: true,
        value: {
          deal: deal.value,
          source: "chat",
          currencyAssumed: quote.value.currencyAssumed,
          csv: quote.value.csv,
        },
      }
    : deal;
}

async function run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  if (text.trim() === "") {
    return rejected(
      NAME,
      [
        {
          code: "triage.nothing",
          message: "give a deal file or the vendor's quote",
          hint: QUOTE_EXAMPLE,
        },
      ],
      USAGE,
    );
  }
  const read = await readDeal(text, ctx);
  if (!read.ok) return rejected(NAME, read.issues, USAGE);
  const { deal, source, currencyAssumed, csv } = read.value;
  return replied(triageReply(analyseDeal(deal), source, currencyAssumed, csv));
}

export const triageCommand: Command = {
  ...TRIAGE_INFO,
  run,
};
