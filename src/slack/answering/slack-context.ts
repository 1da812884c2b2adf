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
import { channelReminders } from "../reminders/channel-reminders.js";

/** Analyses looked through for the newest split or rightsize; a channel rarely has more. */
const LAST_ANALYSIS_LIMIT = 50;
const USAGE_KINDS = new Set(["split", "rightsize"]);

/**
 * The outputs of the channel's newest saved split or rightsize, for `compare` to price quotes on
 * measured usage; undefined when there is none or the store can't be read (compare then asks).
 */
function lastAnalysis(deps: SlackDeps, scope: DealScope): (() => Promise<unknown>) | undefined {
  const store = deps.store;
  if (!store) return undefined;
  return async () => {
    try {
      const saved = await store.analyses.list(scope, { limit: LAST_ANALYSIS_LIMIT });
      return saved.find((a) => USAGE_KINDS.has(a.kind))?.outputs;
    } catch (error) {
      if (isStorageUnavailable(error)) return undefined;
      throw error;
    }
  };
}

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
  const analysis = lastAnalysis(deps, scope);
  return {
    ...chatContext(contextFor(deps.baseContext, deal)),
    scope,
    userId,
    ...(deal ? { deal } : {}),
    ...("unread" in read ? { dealUnread: true as const } : {}),
    ...(analysis ? { lastAnalysis: analysis } : {}),
    ...(deps.store ? { reminders: channelReminders(deps.store, scope, userId, deps.now) } : {}),
    // The channel's offer history (`offer`, `history`), audited as this user; none without a store.
    ...(deps.store
      ? { offers: channelOfferBook(deps.store.offers, scope, userId, deps.now, OFFERS_KEPT_IN) }
      : {}),
  };
}

/** Where Slack keeps a channel's offers, as the replies say it. */
export const OFFERS_KEPT_IN = "this channel's store (/deal forget deletes it)";
