/**
 * Turns what someone typed (slash command, mention, DM) into an outcome: `set` goes to the
 * channel's deal, a known command to the command layer with the channel's currency, and any
 * other text to `ask` (a question in plain words) when that command is present.
 */
import type { ChannelDeal } from "../../commands/deal/set.js";
import type { CommandOutcome } from "../../commands/reply.js";
import type { DealScope } from "../deal-context.js";
import { runSet } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { rescheduleReminders } from "../reminders/channel-reminders.js";
import { saveTypedAnalysis } from "../saving/save.js";
import { slackContext } from "./slack-context.js";
import { noteUnreadDeal } from "./unread-deal.js";

const HELP_WORDS = new Set(["help", "h", "?", "--help"]);

export async function answerText(
  text: string,
  scope: DealScope,
  userId: string,
  deps: SlackDeps,
): Promise<CommandOutcome> {
  const trimmed = text.trim().replace(/^\/deal(?:\s+|$)/i, "");
  deps.memory.noteChannel(userId, scope);
  const first = (/^\S+/.exec(trimmed)?.[0] ?? "help").toLowerCase();
  if (first === "set") {
    // The user rides along so the store's audit trail says who set the deal.
    const deals = {
      get: deps.deals.get.bind(deps.deals),
      set: (s: DealScope, deal: ChannelDeal) => deps.deals.set(s, deal, userId),
    };
    const outcome = await runSet(trimmed.slice(3), scope, deals, deps.baseContext);
    // A new renewal date or notice period plans the channel's reminders again.
    if (!outcome.ok || deps.store === undefined || !/\b(renews|notice)\b/i.test(trimmed))
      return outcome;
    const note = await rescheduleReminders(deps.store, scope, userId, deps.now());
    if (note === undefined) return outcome;
    return { ...outcome, reply: { ...outcome.reply, notes: [...outcome.reply.notes, note] } };
  }
  const ctx = await slackContext(deps, scope, userId);
  const word = first.replace(/^--?/, "");
  const direct =
    trimmed === "" || HELP_WORDS.has(first) || deps.hasCommand(word) || !deps.hasCommand("ask");
  return noteUnreadDeal(await deps.dispatch(direct ? trimmed : `ask ${trimmed}`, ctx), ctx);
}

/**
 * What was typed, answered, and saved as an analysis of this channel when there is a store (a
 * calculation, not help or the deal). "Show working" re-runs use answerText, so they save nothing.
 */
export async function answerAndSave(
  text: string,
  scope: DealScope,
  userId: string,
  deps: SlackDeps,
): Promise<CommandOutcome> {
  const outcome = await answerText(text, scope, userId, deps);
  if (outcome.ok) await saveTypedAnalysis(deps, scope, userId, text.trim(), outcome.reply);
  return outcome;
}
