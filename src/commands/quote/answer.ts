/**
 * A read quote answered: the calculators run on what was read (cost, right-sizing through cost,
 * tiers, renewal, impl), and the reply starts with what was read, then the figures, then every
 * number that was not used. Every figure shown is a calculator's; this module only picks them out
 * of the calculators' `data` and compares the quote's own totals with them (equal or not).
 */
import { compare, parseDecimal } from "../../core/ratio.js";
import type { Issue } from "../../core/result.js";
import type { CommandContext } from "../context.js";
import { type CommandOutcome, type Reply, rejected, replied } from "../reply.js";
import type { Unused } from "./claims.js";
import {
  costCommand,
  implementationCommand,
  periodTotalText,
  renewalCommand,
  tiersCommand,
} from "./commands.js";
import { showMoney } from "./money-text.js";
import type { QuoteReading } from "./quote.js";

export type RunCommand = (text: string, ctx: CommandContext) => Promise<CommandOutcome>;

interface Ran {
  readonly command: string;
  readonly reply: Reply;
}

const NAME = "ask";
const USAGE = 'ask "260 agents at £62 per agent per month, 3 year term, 5% annual uplift"';

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** A calculator's MoneyJson, as its `amount` (plain decimal) and `text` (formatted). */
function moneyOf(value: unknown): { amount: string; text: string } | undefined {
  const amount = field(value, "amount");
  const text = field(value, "text");
  return typeof amount === "string" && typeof text === "string" ? { amount, text } : undefined;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function unusedLine(label: string, items: readonly Unused[]): string[] {
  if (items.length === 0) return [];
  return [`${label}: ${items.map((u) => `${u.text} (${u.why})`).join("; ")}`];
}

function notUsedIssue(reading: QuoteReading): Issue[] {
  const items = [...reading.unused, ...reading.notQuote];
  if (items.length === 0) return [];
  return [{ code: "quote.not_used", message: unusedLine("I did not use", items)[0] ?? "" }];
}

/** "The quote's total … matches" or "differs": an equality test, never a subtraction. */
function totalCheck(
  label: string,
  quoted: string,
  computed: { amount: string; text: string } | undefined,
): string[] {
  const a = parseDecimal(quoted);
  const b = computed === undefined ? undefined : parseDecimal(computed.amount);
  if (!a || !b || !computed) return [];
  return compare(a, b) === 0
    ? [`The quote's own ${label} matches the calculation: ${computed.text}.`]
    : [
        `The quote's own ${label} does not match the ${computed.text} worked out from its seats and prices: ask the vendor which is right.`,
      ];
}

function renewalLines(reply: Reply, years: number): string[] {
  const rows = listOf(reply.data.rows);
  const byYear = rows
    .map((r) => {
      const year = field(r, "year");
      const net = moneyOf(field(r, "net"));
      return typeof year === "number" && net ? `Year ${year}: ${net.text}` : undefined;
    })
    .filter((s): s is string => s !== undefined);
  const total = moneyOf(reply.data.total);
  const discount = field(field(reply.data, "policy"), "discountPercent");
  const after =
    typeof discount === "number" && discount > 0 ? ` after the ${discount}% discount` : "";
  return [
    byYear.join(" · "),
    ...(total ? [`Term total over ${years} years${after}: ${total.text}`] : []),
  ];
}

/** The baseline plan of a cost reply (the quote as given; the right-sized plan is the option). */
function costBaseline(reply: Reply): unknown {
  return listOf(reply.data.scenarios).find((s) => field(s, "role") === "baseline");
}

export async function answerQuote(
  reading: QuoteReading,
  ctx: CommandContext,
  run: RunCommand,
): Promise<CommandOutcome> {
  if (reading.questions.length > 0) {
    return rejected(NAME, [...reading.questions, ...notUsedIssue(reading)], USAGE);
  }
  const q = reading.quote;
  const ran: Ran[] = [];
  const figures: string[] = [];
  const checks: string[] = [];
  const step = async (text: string | undefined): Promise<Reply | CommandOutcome | undefined> => {
    if (text === undefined) return undefined;
    const outcome = await run(text, ctx);
    if (!outcome.ok) return outcome;
    ran.push({ command: text, reply: outcome.reply });
    return outcome.reply;
  };
  const isFailure = (
    r: Reply | CommandOutcome | undefined,
  ): r is Extract<CommandOutcome, { ok: false }> => r !== undefined && "ok" in r && r.ok === false;

  let annual: { amount: string; text: string } | undefined;
  const cost = await step(costCommand(q));
  if (isFailure(cost)) return cost;
  if (cost && !("ok" in cost)) {
    const baseline = costBaseline(cost);
    annual = moneyOf(field(baseline, "annual"));
    const monthly = moneyOf(field(baseline, "monthly"));
    const term = moneyOf(field(baseline, "term"));
    // With an uplift the renewal's year-by-year lines say this; without one, it is the answer.
    if (annual && renewalCommand(q, annual.amount) === undefined) {
      figures.push(`Per year: ${annual.text} (${monthly?.text ?? "?"} a month)`);
    }
    if (term && q.years !== undefined)
      figures.push(`Over ${q.years} years with no uplift: ${term.text}`);
    // No uplift: every year of the term costs the annual figure.
    if (renewalCommand(q, annual?.amount ?? "0") === undefined && q.active === undefined) {
      for (const f of q.yearFigures ?? []) {
        const label = `year ${f.year} figure of ${showMoney(f.money)}`;
        checks.push(...totalCheck(label, f.money.amount, annual));
      }
    }
    if (q.active !== undefined)
      figures.push(`Right-sized to ${q.active} active seats: ${cost.headline}`);
    if (q.periodTotal && annual) {
      const label = q.periodTotal.period === "year" ? "annual total" : "monthly total";
      const computed = q.periodTotal.period === "year" ? annual : monthly;
      checks.push(
        ...totalCheck(
          `${label} of ${showMoney(q.periodTotal.money)}`,
          q.periodTotal.money.amount,
          computed,
        ),
      );
    }
    if (q.termTotal && term && !q.list && !q.cap) {
      checks.push(
        ...totalCheck(`total of ${showMoney(q.termTotal.money)}`, q.termTotal.money.amount, term),
      );
    }
  }
  const tiers = await step(tiersCommand(q));
  if (isFailure(tiers)) return tiers;
  if (tiers && !("ok" in tiers)) {
    annual = moneyOf(tiers.data.annual);
    figures.push(tiers.headline);
  }
  const base = annual?.amount ?? periodTotalText(q);
  const renewal = await step(renewalCommand(q, base));
  if (isFailure(renewal)) return renewal;
  if (renewal && !("ok" in renewal) && q.years !== undefined) {
    figures.push(...renewalLines(renewal, q.years));
    const rows = listOf(renewal.data.rows);
    for (const f of q.yearFigures ?? []) {
      const row = rows.find((r) => field(r, "year") === f.year);
      const label = `year ${f.year} figure of ${showMoney(f.money)}`;
      checks.push(...totalCheck(label, f.money.amount, moneyOf(field(row, "net"))));
    }
    if (q.termTotal) {
      checks.push(
        ...totalCheck(
          `total of ${showMoney(q.termTotal.money)}`,
          q.termTotal.money.amount,
          moneyOf(renewal.data.total),
        ),
      );
    }
  }
  const impl = await step(implementationCommand(q, base));
  if (isFailure(impl)) return impl;
  if (impl && !("ok" in impl)) {
    figures.push(impl.headline);
    // The fixed-price headline already gives the first year; time and materials' does not.
    const tco = moneyOf(field(impl.data.firstYearTco, "tmEstimate"));
    if (tco && q.implementation?.fixed === undefined) {
      figures.push(`First year with time and materials at estimate: ${tco.text}`);
    }
  }

  if (ran.length === 0) {
    const issue: Issue = {
      code: "quote.nothing_to_work_out",
      message: `I read ${reading.read.join(" · ")}, but that is not enough to work a figure out: I need seats and a price per agent, a tier list and a seat count, or a yearly amount with a term.`,
      hint: "e.g. 260 agents at £62 per agent per month, 3 year term",
    };
    return rejected(NAME, [issue, ...notUsedIssue(reading)], USAGE);
  }
  const headline = `I read: ${reading.read.join(" · ")}.`;
  const [first] = ran;
  return replied({
    command: NAME,
    headline,
    read: {
      lines: [
        ...figures,
        ...checks,
        ...unusedLine("I did not use", reading.unused),
        ...unusedLine("Not part of the deal", reading.notQuote),
      ],
      assumed: reading.assumed,
    },
    tables: ran.flatMap((r) => r.reply.tables),
    notes: [
      ...ran.flatMap((r) => r.reply.notes),
      ...ran.map((r) => `Worked out with: ${r.command}`),
    ],
    working: ran.flatMap((r) => r.reply.working),
    next: [...new Set(ran.flatMap((r) => r.reply.next))].slice(0, 3),
    data: {
      answer: headline,
      sources: [],
      noAnswer: false,
      ...(first ? { routedTo: first.command, result: first.reply.data } : {}),
      quote: {
        read: reading.read,
        figures,
        checks,
        assumed: reading.assumed,
        unused: reading.unused,
        notQuote: reading.notQuote,
      },
      calculations: ran.map((r) => ({ command: r.command, result: r.reply.data })),
    },
  });
}
