/**
 * The one way dealdesk logs a failure inside the Slack app, whatever failed (a reply, a button,
 * an upload, a queued job). The user only ever sees the one-line internal error; the log gets
 * what an operator needs and nothing personal: `what` names the work by ids (file, channel, user),
 * never by what someone typed, and the error is kept as its class, Slack's error code and its
 * stack frames. The error's message is left out because it can quote a file's rows, a user's name
 * or the text of a command.
 */
import type { Logger } from "@slack/bolt";
import { slackErrorCode } from "./send/post.js";

/** How many stack frames are kept: enough to find the line, not a wall of node internals. */
const FRAMES = 8;

/** An error for the log without personal data: its class, its code and its stack frames. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}`;
  const code = slackErrorCode(error) ?? (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, FRAMES)
    .map((line) => line.trim());
  return [`${error.name}${typeof code === "string" ? ` (${code})` : ""}`, ...frames].join("\n  ");
}

/** Logs that `what` (worded with ids only) failed, with the error described above. */
export function logFailure(logger: Logger, what: string, error: unknown): void {
  logger.error(`dealdesk: ${what} failed: ${describeError(error)}`);
}
