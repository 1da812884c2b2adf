/**
 * A reply as terminal text, in the order a negotiator reads it: the sentence to say out loud, the
 * tables that back it, the notes, then (on request) the working and what to try next.
 */
import { type CommandOutcome, type Reply, readBlockLines } from "./reply.js";
import { renderTable } from "./reply-table.js";
import { wrapHanging, wrapProse } from "./text-layout/wrap-text.js";

export interface TextOptions {
  /** Show the arithmetic behind each figure. */
  readonly working: boolean;
  /** How the user asks for the working in this front end, for the closing hint. */
  readonly workingHint?: string;
  /**
   * The terminal's width in columns: tables are fitted and prose wrapped at spaces to it. Without
   * it, lines are as long as their content (what Slack and the tests of other front ends expect).
   */
  readonly width?: number;
}

/** Prose wrapped to the width, when there is one. */
function wrapTo(text: string, width: number | undefined): string {
  return width === undefined ? text : wrapProse(text, width);
}

export function renderReplyText(reply: Reply, options: TextOptions): string {
  const { width } = options;
  // Tables are fitted by renderTable; every other part is prose, wrapped at spaces.
  const parts: string[] = [wrapTo(reply.headline, width)];
  const add = (text: string) => parts.push(wrapTo(text, width));
  const read = readBlockLines(reply.read);
  if (read.length > 0) add(read.join("\n"));
  for (const t of reply.tables) parts.push(renderTable(t, width));
  if (reply.body) add(reply.body.trimEnd());
  if (reply.notes.length > 0) add(reply.notes.map((n) => `• ${n}`).join("\n"));
  if (options.working && reply.working.length > 0) {
    add(["Working:", ...reply.working.map((w) => `  ${w}`)].join("\n"));
  }
  const hints: string[] = [];
  if (!options.working && reply.working.length > 0 && options.workingHint) {
    hints.push(options.workingHint);
  }
  if (reply.next.length > 0) hints.push(`Next: ${reply.next.join("  ·  ")}`);
  if (hints.length > 0) add(hints.join("\n"));
  return `${parts.join("\n\n")}\n`;
}

export interface ErrorTextOptions {
  /** The terminal's width: a long problem wraps, its continuation indented under it. */
  readonly width?: number;
}

/**
 * One line per problem: what is wrong, then what a correct input looks like. Given a width, a
 * problem longer than it wraps onto indented continuation lines.
 */
export function renderErrorText(
  outcome: Extract<CommandOutcome, { ok: false }>,
  options: ErrorTextOptions = {},
): string {
  const lines = outcome.issues.map((i) => {
    const line = `${outcome.command}: ${i.message}${i.hint ? ` — ${i.hint}` : ""}`;
    return options.width === undefined ? line : hangTwo(line, options.width);
  });
  return `${lines.join("\n")}\n`;
}

/** A problem's continuation lines indented two spaces, so each problem still reads as one. */
function hangTwo(line: string, width: number): string {
  return wrapHanging(line, width, width - 2)
    .map((l, i) => (i === 0 ? l : `  ${l}`))
    .join("\n");
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
