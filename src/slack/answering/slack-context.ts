/**
 * The context a command or file analysis runs with in a channel: the chat-safe part of the base
 * context, the channel's deal (its currency as the default) and who asked where.
 */
import type { DealScope } from "../deal-context.js";
import { chatContext, contextFor } from "../deal-context.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";

export async function slackContext(
  deps: SlackDeps,
  scope: DealScope,
  userId: string,
): Promise<SlackCommandContext> {
  const deal = await deps.deals.get(scope);
  return {
    ...chatContext(contextFor(deps.baseContext, deal)),
    scope,
    userId,
    ...(deal ? { deal } : {}),
  };
}
