/** Text helpers for Block Kit: escaping for mrkdwn and splitting long text within a limit. */

/**
 * Control characters (but tab and line breaks) and the bidirectional overrides and isolates, which
 * can make a figure or a file name read differently from what it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/**
 * For plain_text and input values, which Slack shows literally (no mentions, no entities): only
 * the invisible characters above are dropped.
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * Slack's mrkdwn reserves &, < and > (`<!channel>` would ping everyone); everything else a reply
 * says is shown as typed, less the invisible characters above.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Undoes Slack's escaping of what a user typed, and reduces links and mentions to their text. */
export function readSlackText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<(?:https?:|mailto:)[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?:|mailto:)[^>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits lines into chunks of at most `limit` characters (counting the `wrap` overhead), breaking
 * between lines, and inside a line only when one line alone is too long.
 */
export function chunkLines(lines: readonly string[], limit: number, overhead = 0): string[] {
  const room = limit - overhead;
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") chunks.push(current);
    current = "";
  };
  for (const line of lines) {
    const pieces: string[] = [];
    for (let i = 0; i < Math.max(line.length, 1); i += room) pieces.push(line.slice(i, i + room));
    for (const piece of pieces) {
      const next = current === "" ? piece : `${current}\n${piece}`;
      if (next.length > room) {
        flush();
        current = piece;
      } else {
        current = next;
      }
    }
  }
  flush();
  return chunks;
}

/** Shortens text to `limit` characters with an ellipsis. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
