/**
 * The first step of `/deal forget` (or a mention saying "forget"): the requester alone sees what
 * dealdesk stored for this channel and is asked to confirm. Without a store there is nothing to
 * delete, and it says so.
 */
import { forgetPrompt, isEmpty, noStore, nothingStored } from "../blocks/forget-blocks.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { type Delivery, deliverError } from "../send/deliver.js";
import { failureMessage } from "../send/failure-message.js";
import { sealForget } from "./forget-seal.js";

/** Answers a forget request: the prompt with counts, or a plain line when there is nothing. */
export async function offerForget(d: Delivery, scope: DealScope, deps: SlackDeps): Promise<void> {
  try {
    deps.memory.noteChannel(d.userId, scope);
    if (!deps.store) {
      await deliverError(d, noStore());
      return;
    }
    const counts = await deps.store.countChannel(scope);
    const message = isEmpty(counts)
      ? nothingStored(scope.channelId)
      : forgetPrompt(scope.channelId, counts, sealForget(deps.binder, scope, d.userId));
    await deliverError(d, message);
  } catch (error) {
    logFailure(d.logger, "offering to forget a channel", error);
    await deliverError(d, failureMessage(error)).catch(() => undefined);
  }
}
