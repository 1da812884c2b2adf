/**
 * The chat answer to "Is 03/04/2026 the 3rd of April or the 4th of March?": the negotiator replies
 * `dates dd/mm` or `dates mm/dd` and the command that asked runs again with `--date-format` added,
 * so nobody has to retype a long upload line during a call.
 */
import type { CommandOutcome } from "./reply.js";

export type DayMonthReply = "dd/mm" | "mm/dd";

/** Issue codes that mean "the file's dates read two ways: say which order". */
const DATE_ORDER_QUESTIONS = new Set(["dates.ambiguous", "dates.mixed_order"]);

export const DATE_REPLY_PROMPT =
  'Reply "dates dd/mm" or "dates mm/dd" and I\'ll read the file that way.';

/** Whether a failed outcome is the date-order question, so a `dates` reply can answer it. */
export function asksDateOrder(outcome: CommandOutcome): boolean {
  return !outcome.ok && outcome.issues.some((i) => DATE_ORDER_QUESTIONS.has(i.code));
}

export type DatesWord =
  | { readonly kind: "not-dates" }
  | { readonly kind: "order"; readonly order: DayMonthReply }
  | { readonly kind: "unreadable"; readonly text: string };

/** Reads `dates dd/mm`, `/dates MM/DD`, `date dd/mm`; anything else starting with dates is unreadable. */
export function readDatesReply(line: string): DatesWord {
  const match = /^\/?dates?(?:\s+(.*))?$/i.exec(line.trim());
  if (!match) return { kind: "not-dates" };
  const arg = (match[1] ?? "").trim().toLowerCase();
  if (arg === "dd/mm" || arg === "mm/dd") return { kind: "order", order: arg };
  return { kind: "unreadable", text: line.trim() };
}

/** The command to run for the reply: the line that asked, with the order the reply gave. */
export function withDateOrder(askingLine: string, order: DayMonthReply): string {
  return `${askingLine} --date-format ${order}`;
}

export function unreadableDatesReply(text: string): string {
  return `"${text}" is not an order I know. Reply dates dd/mm (25/03/2026 is 25 March) or dates mm/dd (03/25/2026).\n`;
}

export const NO_DATE_QUESTION =
  "There is no date question to answer. To set the order for a file, add --date-format dd/mm or --date-format mm/dd to its command.\n";
