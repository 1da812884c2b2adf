/**
 * The context a command or file analysis runs with in a channel: the chat-safe part of the base
 * context, the channel's deal (its currency as the default) and who asked where. When the store
 * is unavailable the deal can't be read; the command still runs, on what was typed, and the
 * context says the deal was not read so the answer can say so.
 */
import { channelOfferBook } from "../../store/offers.js";
import { isStorageUnavailable } from "../../store/unavailable.js";
import type { DealScope } from "../deal-context.js";
import { chatContext, contextFor } from "../deal-context.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";

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
    // The channel's offer history (`offer`, `history`), audited as this user; none without a store.
    ...(deps.store
      ? { offers: channelOfferBook(deps.store.offers, scope, userId, deps.now, OFFERS_KEPT_IN) }
      : {}),
  };
}

/** Where Slack keeps a channel's offers, as the replies say it. */
export const OFFERS_KEPT_IN = "this channel's store (/deal forget deletes it)";
