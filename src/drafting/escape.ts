/**
 * Keeping user-supplied text (vendor names, notes, clause variables) inert in every output format.
 * Templates produce plain text; each renderer escapes every text node for its own format, so no
 * value can open a link, start a heading or bold a phrase. (CSV cells: src/commands/reply-csv.ts.)
 */

/**
 * CommonMark: a backslash before any ASCII punctuation makes it literal. We escape the characters
 * that can start inline markup anywhere, and those that start a block only at the start of a line,
 * so figures like "3.5%" and "£40,320" stay readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/[\\`*_~[\]<>|&!]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([#+\-=>])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2"),
    )
    .join("\n");
}

/** Inside a GFM table cell: Markdown escaping, and line breaks become spaces (a row is one line). */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, " "));
}

/**
 * Slack's lookalikes for its formatting characters. mrkdwn has no backslash escape (Slack documents
 * only &, < and > as entities), so `*_~\`` are replaced by characters that look the same and can
 * never open bold, italic, strike or code.
 */
const SLACK_LOOKALIKES: Readonly<Record<string, string>> = {
  "*": "\u2217", // ∗ asterisk operator
  _: "\u02cd", // ˍ modifier letter low macron
  "~": "\u223c", // ∼ tilde operator
  "`": "\u02cb", // ˋ modifier letter grave accent
};

/** Text for Slack mrkdwn: entities for &, <, > (no links, mentions or quotes) and lookalikes for markup. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (c) => SLACK_LOOKALIKES[c] ?? c);
}

/** Inside a Slack code block: formatting is off, but ``` would close it and &<> still need entities. */
export function escapeMrkdwnCode(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/`/g, SLACK_LOOKALIKES["`"] ?? "'");
}
