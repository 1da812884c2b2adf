/**
 * The logger Bolt, its receivers and its Web API client are given. At debug level they log whole
 * request bodies, API results (files.info with previews, users with e-mail addresses) and
 * WebSocket payloads; at every level an error object can carry what a user typed. This wrapper
 * keeps each line's own words and withholds the content: anything after the first `: ` or
 * `(body`, any JSON, any object argument, and an Error's message (its class, code and frames
 * stay, as in log-failure.ts). Our own log lines are worded with ids and pass unchanged.
 */
import type { Logger, LogLevel } from "@slack/bolt";
import { describeError } from "./log-failure.js";

const WITHHELD = "(content withheld)";
/** Longest line kept; content-free lines are short, a long one is almost always a payload. */
const MAX = 300;

/** Where a library line's content starts: after a label such as `result: ` or `(body: `. */
const CONTENT_START = /: |\(body|[{[]/;

/** One argument as it may be logged. */
function safePart(part: unknown): string {
  if (part instanceof Error) return describeError(part);
  if (typeof part === "string") return safeText(part);
  if (typeof part === "number" || typeof part === "boolean") return String(part);
  return WITHHELD;
}

/** A library's text: its leading words, without what follows the first label. */
function safeText(text: string): string {
  // Our own lines ("dealdesk: … failed: TypeError (E_ROW)") are worded without content.
  if (text.startsWith("dealdesk: ")) return text.slice(0, MAX * 4);
  const at = text.search(CONTENT_START);
  const kept = at < 0 ? text : `${text.slice(0, at).trimEnd()}: ${WITHHELD}`;
  return kept.length > MAX ? `${kept.slice(0, MAX)}… ${WITHHELD}` : kept;
}

export function contentFreeLogger(inner: Logger): Logger {
  const line =
    (write: (...m: unknown[]) => void) =>
    (...parts: unknown[]) =>
      write(parts.map(safePart).join(" "));
  return {
    debug: line((...m) => inner.debug(...m)),
    info: line((...m) => inner.info(...m)),
    warn: line((...m) => inner.warn(...m)),
    error: line((...m) => inner.error(...m)),
    setLevel: (level: LogLevel) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name: string) => inner.setName(name),
  };
}
