/**
 * When the channel's deal could not be read (the store was unavailable), the answer says so and
 * states what it assumed instead: only what was typed or shared, in the default currency. A
 * figure that silently ignored the channel's rates or currency would be a confident wrong one.
 */
import type { CommandOutcome } from "../../commands/reply.js";
import type { SlackCommandContext } from "../deps.js";

export function unreadDealNote(currency: string): string {
  return `I couldn't read this channel's deal because dealdesk's storage is unavailable, so this uses only what was typed or shared, and amounts without a currency are taken as ${currency}.`;
}

export function noteUnreadDeal(outcome: CommandOutcome, ctx: SlackCommandContext): CommandOutcome {
  if (!ctx.dealUnread) return outcome;
  const note = unreadDealNote(ctx.defaultCurrency);
  if (outcome.ok) {
    return { ...outcome, reply: { ...outcome.reply, notes: [note, ...outcome.reply.notes] } };
  }
  return {
    ...outcome,
    issues: [...outcome.issues, { code: "deal.unread", message: note }],
  };
}
