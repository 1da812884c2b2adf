/**
 * `compare`: competing quotes side by side. Reads typed quotes (grammar.ts) or a JSON file
 * (file.ts), the usage typed or from the channel's last analysis (usage.ts), prices every quote on
 * that usage in core/compare, and answers with the line to say, the tables and a chart.
 */
import { compareOffers } from "../../core/compare/compare.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { buildOffers } from "./build.js";
import { compareChart } from "./chart.js";
import { type QuotesFile, readQuotesFile } from "./file.js";
import { parseQuotes, vendorName } from "./grammar.js";
import { COMPARE_INFO, EXAMPLE, NAME, USAGE } from "./info.js";
import { compareReply } from "./reply.js";
import { noUsage, resolveUsage } from "./usage.js";

const OPTIONS = [
  { name: "users", aliases: ["people", "agents"] },
  { name: "pool" },
  { name: "split" },
  { name: "over", aliases: ["years"] },
  { name: "for", aliases: ["vendor", "chosen"] },
  { name: "currency" },
];

const NO_USAGE = {
  code: "compare.no_usage",
  message:
    "to compare like for like I need the usage every quote is priced on: how many people, the concurrent pool, and the named + pool split for a vendor that sells both",
  hint: "add --users 240 --pool 60 --split 150+25 (or share the session log and run split first; in Slack its result is used)",
};

/** `compare 150 named @ 70 vs 500 named @ 100` was `cost` before `compare` was its own command. */
function looksLikeCostPlans(positional: readonly string[]): boolean {
  return (
    positional.some((t) => t.toLowerCase() === "vs") &&
    !positional.some((t) => vendorName(t.replace(/[,;]+$/, "")) !== undefined)
  );
}

async function readInput(
  positional: readonly string[],
  ctx: CommandContext,
): Promise<Result<QuotesFile>> {
  const first = positional[0];
  if (first !== undefined && /\.json$/i.test(first)) {
    if (positional.length > 1) {
      return fail(
        "compare.file_and_quotes",
        `give the quotes in ${first} or typed, not both (I didn't understand "${positional.slice(1).join(" ")}")`,
        "compare quotes.json --users 240 --pool 60",
      );
    }
    return readQuotesFile(ctx, first);
  }
  if (positional.length === 0) {
    return fail("compare.no_quotes", "give two or more quotes to compare", EXAMPLE);
  }
  const quotes = parseQuotes(positional);
  if (!quotes.ok) return quotes;
  return ok({ quotes: quotes.value.quotes, usage: {}, notes: quotes.value.notes });
}

/** A value typed on the command line wins over the file's; both given is fine, the typed one is used. */
function pick(typed: string | undefined, file: string | undefined): string | undefined {
  return typed ?? file;
}

async function run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  const options = parseOptions(tokenize(text), OPTIONS, EXAMPLE);
  if (!options.ok) return rejected(NAME, options.issues, USAGE);
  const { values, positional } = options.value;
  if (looksLikeCostPlans(positional)) {
    const { costCommand } = await import("../cost/command.js");
    return costCommand.run(text, ctx);
  }
  const input = await readInput(positional, ctx);
  if (!input.ok) return rejected(NAME, input.issues, USAGE);
  const file = input.value;
  const built = buildOffers(
    file.quotes,
    pick(values.get("currency"), file.currency),
    ctx.defaultCurrency,
  );
  if (!built.ok) return rejected(NAME, built.issues, USAGE);
  const typedUsage = {
    ...optional("users", pick(values.get("users"), file.usage.users)),
    ...optional("pool", pick(values.get("pool"), file.usage.pool)),
    ...optional("split", pick(values.get("split"), file.usage.split)),
  };
  const usage = await resolveUsage(typedUsage, ctx);
  if (!usage.ok) return rejected(NAME, usage.issues, USAGE);
  if (noUsage(usage.value.usage)) return rejected(NAME, [NO_USAGE], USAGE);
  const overText = pick(values.get("over"), file.over);
  const over = overText === undefined ? undefined : parseYears(overText);
  if (over !== undefined && !over.ok) return rejected(NAME, over.issues, USAGE);
  const chosen = pick(values.get("for"), file.chosen);
  const comparison = compareOffers({
    offers: built.value.offers,
    usage: usage.value.usage,
    ...(over?.ok ? { over: over.value } : {}),
    ...(chosen !== undefined ? { chosen } : {}),
  });
  if (!comparison.ok) return rejected(NAME, comparison.issues, USAGE);
  const chart = await compareChart(comparison.value);
  return replied(
    compareReply(
      comparison.value,
      [...usage.value.sources, ...(file.notes ?? []), ...built.value.notes],
      chart,
    ),
  );
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function parseYears(text: string): Result<number> {
  const m = /^(\d+)\s*(?:y|yr|yrs|years?)?$/i.exec(text.trim());
  if (!m?.[1]) {
    return fail("compare.over_not_years", `--over "${text}" is not a number of years`, "--over 5");
  }
  return ok(Number(m[1]));
}

export const compareCommand: Command = {
  ...COMPARE_INFO,
  run,
};
