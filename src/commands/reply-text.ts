/**
 * A reply as terminal text, in the order a negotiator reads it: the sentence to say out loud, the
 * tables that back it, the notes, then (on request) the working and what to try next.
 */
import { type CommandOutcome, type Reply, readBlockLines } from "./reply.js";
import { renderTable } from "./reply-table.js";

export interface TextOptions {
  /** Show the arithmetic behind each figure. */
  readonly working: boolean;
  /** How the user asks for the working in this front end, for the closing hint. */
  readonly workingHint?: string;
}

export function renderReplyText(reply: Reply, options: TextOptions): string {
  const parts: string[] = [reply.headline];
  const read = readBlockLines(reply.read);
  if (read.length > 0) parts.push(read.join("\n"));
  for (const t of reply.tables) parts.push(renderTable(t));
  if (reply.body) parts.push(reply.body.trimEnd());
  if (reply.notes.length > 0) parts.push(reply.notes.map((n) => `• ${n}`).join("\n"));
  if (options.working && reply.working.length > 0) {
    parts.push(["Working:", ...reply.working.map((w) => `  ${w}`)].join("\n"));
  }
  const hints: string[] = [];
  if (!options.working && reply.working.length > 0 && options.workingHint) {
    hints.push(options.workingHint);
  }
  if (reply.next.length > 0) hints.push(`Next: ${reply.next.join("  ·  ")}`);
  if (hints.length > 0) parts.push(hints.join("\n"));
  return `${parts.join("\n\n")}\n`;
}

/** One line per problem: what is wrong, then what a correct input looks like. */
export function renderErrorText(outcome: Extract<CommandOutcome, { ok: false }>): string {
  const lines = outcome.issues.map(
    (i) => `${outcome.command}: ${i.message}${i.hint ? ` — ${i.hint}` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** The `--json` contract: the reply as data, or the issues. Documented in the README. */
export function outcomeJson(outcome: CommandOutcome): Record<string, unknown> {
  if (!outcome.ok) {
    return {
      ok: false,
      command: outcome.command,
      issues: outcome.issues,
      usage: outcome.usage,
    };
  }
  const r = outcome.reply;
  const reserved = new Set([
    "ok",
    "command",
    "headline",
    "body",
    "notes",
    "working",
    "next",
    "tables",
  ]);
  const data = Object.fromEntries(Object.entries(r.data).filter(([k]) => !reserved.has(k)));
  return {
    ok: true,
    command: r.command,
    headline: r.headline,
    ...data,
    // A file reply's assumptions go with the facts of its read block, under `read`.
    ...(r.read === undefined ? {} : { read: { ...asObject(data.read), assumed: r.read.assumed } }),
    ...(r.body === undefined ? {} : { body: r.body }),
    notes: r.notes,
    working: r.working,
    next: r.next,
    tables: r.tables,
  };
}
