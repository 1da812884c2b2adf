/**
 * A Reply as Block Kit, the Slack twin of src/commands/reply-text.ts: the headline as a section, the
 * tables (the first that fits as a `table` block, others as preformatted text), notes as context,
 * then the buttons. Output that would break Slack's limits splits into more blocks, and beyond 50
 * blocks the rest moves to a text file attached to the reply.
 */

import {
  type CommandOutcome,
  type Reply,
  type ReplyFile,
  readBlockLines,
  type Table,
} from "../../commands/reply.js";
import { renderTable } from "../../commands/reply-table.js";
import { renderReplyText } from "../../commands/reply-text.js";
import { type ButtonOrigin, resultButtons } from "./buttons.js";
import { LIMITS } from "./limits.js";
import { chunkLines, clip, escapeMrkdwn } from "./text.js";
import { type ActionsBlock, type Block, mrkdwn, section, type TableBlock } from "./types.js";

export interface SlackMessage {
  /** The notification and screen-reader text. */
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Output that did not fit in the blocks, to upload with the message. */
  readonly overflow?: ReplyFile;
}

const FENCE = "```";

/** Long text as sections of at most 3,000 characters. */
export function textSections(text: string): Block[] {
  return chunkLines(escapeMrkdwn(text).split("\n"), LIMITS.sectionText).map(section);
}

/** Preformatted lines (a table drawn in text, the working) as fenced sections within the limit. */
export function preformatted(lines: readonly string[]): Block[] {
  return chunkLines(lines.map(escapeMrkdwn), LIMITS.sectionText, FENCE.length * 2 + 2).map((c) =>
    section(`${FENCE}\n${c}\n${FENCE}`),
  );
}

function fitsTableBlock(t: Table): boolean {
  return (
    t.rows.length + 1 <= LIMITS.tableRows &&
    t.columns.length <= LIMITS.tableColumns &&
    t.columns.length > 0 &&
    t.rows.every((r) => r.every((c) => c.length <= LIMITS.tableCell))
  );
}

function tableBlock(t: Table): TableBlock {
  const cell = (text: string) => ({ type: "raw_text" as const, text: text === "" ? " " : text });
  return {
    type: "table",
    column_settings: t.columns.map((c) => ({ align: c.align })),
    rows: [
      t.columns.map((c) => cell(c.header)),
      ...t.rows.map((r) => t.columns.map((_, i) => cell(r[i] ?? ""))),
    ],
  };
}

/**
 * Slack allows one table block per message, so only the first table that fits becomes one; the
 * rest are drawn as text, the same way the terminal draws them.
 */
function tableBlocks(tables: readonly Table[]): Block[] {
  const blocks: Block[] = [];
  let tableUsed = false;
  for (const t of tables) {
    if (!tableUsed && fitsTableBlock(t)) {
      tableUsed = true;
      if (t.title) blocks.push(section(`*${escapeMrkdwn(clip(t.title, 2900))}*`));
      blocks.push(tableBlock(t));
    } else {
      blocks.push(...preformatted(renderTable(t).split("\n")));
    }
  }
  return blocks;
}

function noteBlocks(notes: readonly string[]): Block[] {
  return chunkLines(
    notes.map((n) => `• ${escapeMrkdwn(n)}`),
    LIMITS.sectionText,
  ).map((c) => ({ type: "context", elements: [mrkdwn(c)] }));
}

/** A file reply's "what I read" lines as context under the headline, the same lines as the terminal's. */
function readBlocks(read: Reply["read"]): Block[] {
  const lines = readBlockLines(read);
  if (lines.length === 0) return [];
  return chunkLines(lines.map(escapeMrkdwn), LIMITS.sectionText).map((c) => ({
    type: "context",
    elements: [mrkdwn(c)],
  }));
}

/** The top-level `text` (notifications, screen readers): escaped like every block, so it cannot ping. */
export function fallbackText(headline: string): string {
  return escapeMrkdwn(clip(headline, LIMITS.fallbackText));
}

/** Fits the body and the actions into 50 blocks, moving the whole answer to a file if needed. */
function withinLimit(
  body: readonly Block[],
  actions: ActionsBlock | undefined,
  fullText: () => string,
  fileName: string,
): { blocks: Block[]; overflow?: ReplyFile } {
  const tail = actions ? [actions] : [];
  if (body.length + tail.length <= LIMITS.messageBlocks) return { blocks: [...body, ...tail] };
  const notice = section(
    "_The answer is longer than a Slack message allows: the rest is in the attached file._",
  );
  const room = LIMITS.messageBlocks - tail.length - 1;
  return {
    blocks: [...body.slice(0, room), notice, ...tail],
    overflow: {
      name: fileName,
      mediaType: "text/plain",
      content: new TextEncoder().encode(fullText()),
      description: "The full answer as text",
    },
  };
}

export function renderReplyBlocks(reply: Reply, origin: ButtonOrigin = {}): SlackMessage {
  const body: Block[] = [
    ...textSections(reply.headline),
    ...readBlocks(reply.read),
    ...tableBlocks(reply.tables),
    ...(reply.body ? textSections(reply.body) : []),
    ...noteBlocks(reply.notes),
  ];
  const fitted = withinLimit(
    body,
    resultButtons(reply, origin),
    () => renderReplyText(reply, { working: true }),
    `${reply.command}-answer.txt`,
  );
  return { text: fallbackText(reply.headline), ...fitted };
}

/** "Show working": the arithmetic behind every figure, preformatted, or as a file if very long. */
export function renderWorkingBlocks(reply: Reply): SlackMessage {
  const text = `Working behind: ${reply.headline}`;
  if (reply.working.length === 0) {
    return { text, blocks: [section("That answer has no arithmetic to show.")] };
  }
  const body: Block[] = [section("*Working*"), ...preformatted(reply.working)];
  return {
    text: fallbackText(text),
    ...withinLimit(body, undefined, () => reply.working.join("\n"), `${reply.command}-working.txt`),
  };
}

/**
 * An error the requester sees alone: what is wrong and the fix, one line each, then a correct
 * example. Never internal details.
 */
export function renderErrorBlocks(outcome: Extract<CommandOutcome, { ok: false }>): SlackMessage {
  const lines = outcome.issues.map(
    (i) => `:warning: ${outcome.command}: ${i.message}${i.hint ? ` — ${i.hint}` : ""}`,
  );
  const first = lines[0] ?? `${outcome.command}: that didn't work`;
  const blocks: Block[] = [
    ...chunkLines(lines.map(escapeMrkdwn), LIMITS.sectionText).map(section),
    {
      type: "context",
      elements: [mrkdwn(`Try: \`/deal ${escapeMrkdwn(clip(outcome.usage, 2800))}\``)],
    },
  ];
  return { text: fallbackText(first), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

export const INTERNAL_ERROR =
  "Something went wrong inside dealdesk, so I have no answer for that. The details are in dealdesk's log; try again, or type /deal help.";

export function renderInternalError(): SlackMessage {
  return { text: INTERNAL_ERROR, blocks: [section(`:warning: ${INTERNAL_ERROR}`)] };
}

export function renderNotice(text: string): SlackMessage {
  return { text: fallbackText(text), blocks: textSections(text).slice(0, LIMITS.messageBlocks) };
}
