/**
 * The context a command or file analysis runs with in a channel: the chat-safe part of the base
 * context, the channel's deal (its currency as the default) and who asked where. When the store
 * is unavailable the deal can't be read; the command still runs, on what was typed, and the
 * context says the deal was not read so the answer can say so.
 */
import { isStorageUnavailable } from "../../store/unavailable.js";
import type { DealScope } from "../deal-context.js";
import { chatContext, contextFor } from "../deal-context.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";
import { channelReminders } from "../reminders/channel-reminders.js";

export async function slackContext(
  deps: SlackDeps,
  scope: DealScope,
  userId: string,
): Promise<SlackCommandContext> {
  const read = await deps.deals.get(scope).then(
    (deal) => ({ deal }),
    (error: unknown) => {
      if (!isStorageUnavailable(error)) throw error;
      return { unread: true as const };
    },
  );
  const deal = "deal" in read ? read.deal : undefined;
  return {
    ...chatContext(contextFor(deps.baseContext, deal)),
    scope,
    userId,
    ...(deal ? { deal } : {}),
    ...("unread" in read ? { dealUnread: true as const } : {}),
    ...(deps.store ? { reminders: channelReminders(deps.store, scope, userId, deps.now) } : {}),
  };
}
