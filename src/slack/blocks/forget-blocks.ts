/**
 * `/deal forget`: the prompt shown to the requester alone (what would be deleted in this channel,
 * with a danger button behind Slack's own confirmation dialog, and Cancel), and the one-line
 * results. Counts only: the prompt never shows names, files' contents or figures.
 */
import type { ForgetResult } from "../../store/forget.js";
import type { SlackMessage } from "./reply-blocks.js";
import { type ActionsBlock, type Block, mrkdwn, plain, section } from "./types.js";

export const FORGET_ACTIONS = {
  confirm: "dealdesk.forget.confirm",
  cancel: "dealdesk.forget.cancel",
} as const;

/** `forget`, `/deal forget`, `forget this channel`: the words that ask for the prompt. */
export function isForgetRequest(text: string): boolean {
  return /^(?:\/deal\s+)?forget(?:\s+(?:this\s+channel|channel|everything|all))?\s*[.!]?$/i.test(
    text.trim(),
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** "1 deal, 2 uploads (with 40 raw rows), 3 analyses and 0 drafts". */
export function describeCounts(c: ForgetResult): string {
  const uploads = `${plural(c.uploads, "upload", "uploads")}${c.rawRows > 0 ? ` (with ${plural(c.rawRows, "raw row", "raw rows")} of names and sessions)` : ""}`;
  const drafts = plural(c.drafts, "draft", "drafts");
  // Offer history (rounds, target, walk-away) is named only when there is some.
  const rest =
    c.offers > 0
      ? `${drafts} and ${plural(c.offers, "offer record", "offer records")} (rounds, target, walk-away)`
      : `and ${drafts}`;
  return `${plural(c.deals, "deal", "deals")}, ${uploads}, ${plural(c.analyses, "analysis", "analyses")}${c.offers > 0 ? ", " : " "}${rest}`;
}

export function isEmpty(c: ForgetResult): boolean {
  return c.deals + c.uploads + c.rawRows + c.analyses + c.drafts + c.offers === 0;
}

/**
 * The prompt; the buttons carry `value`: the channel, sealed to it and to the requester
 * (src/slack/forget/forget-seal.ts), so a click is checked against where and by whom.
 */
export function forgetPrompt(channelId: string, counts: ForgetResult, value: string): SlackMessage {
  const what = describeCounts(counts);
  const buttons: ActionsBlock = {
    type: "actions",
    block_id: "dealdesk.forget",
    elements: [
      {
        type: "button",
        action_id: FORGET_ACTIONS.confirm,
        text: plain("Delete this channel's data"),
        style: "danger",
        value,
        confirm: {
          title: plain("Delete this channel's data?"),
          text: plain(
            `This deletes ${what} that dealdesk stored for this channel. It can't be undone.`,
          ),
          confirm: plain("Delete"),
          deny: plain("Keep it"),
          style: "danger",
        },
      },
      {
        type: "button",
        action_id: FORGET_ACTIONS.cancel,
        text: plain("Cancel"),
        value,
      },
    ],
  };
  const blocks: Block[] = [
    section(
      `*Forget this channel?* dealdesk has stored for <#${channelId}>: ${what}. Deleting removes all of it; other channels keep theirs.`,
    ),
    {
      type: "context",
      elements: [
        mrkdwn(
          "The audit trail keeps a line saying who deleted it and when (counts only, no data).",
        ),
      ],
    },
    buttons,
  ];
  return { text: `Forget this channel? Stored: ${what}.`, blocks };
}

export function nothingStored(channelId: string): SlackMessage {
  const text = `dealdesk has nothing stored for <#${channelId}>: no deal, uploads, analyses, drafts or offers.`;
  return { text, blocks: [section(text)] };
}

export function noStore(): SlackMessage {
  const text =
    "This dealdesk keeps no stored data: no database is configured, so the channel's deal lives in memory only and is gone when dealdesk restarts. There is nothing to forget.";
  return { text, blocks: [section(text)] };
}

/** The one-line result posted in the channel. */
export function forgottenLine(userId: string, deleted: ForgetResult): SlackMessage {
  const text = `<@${userId}> deleted dealdesk's data for this channel: ${describeCounts(deleted)}.`;
  return { text, blocks: [section(text)] };
}

export function cancelledLine(): SlackMessage {
  const text = "Cancelled: nothing was deleted.";
  return { text, blocks: [section(text)] };
}
