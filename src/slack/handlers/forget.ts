/**
 * `/deal forget` (or a mention saying "forget"): shows the requester alone what dealdesk stored
 * for this channel and asks for confirmation; "Delete this channel's data" (behind Slack's
 * confirmation dialog) runs the store's audited `forget` for this channel only and posts a
 * one-line result in the channel. Without a store there is nothing to delete, and it says so.
 */
import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  RespondFn,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import { z } from "zod";
import {
  cancelledLine,
  forgetPrompt,
  forgottenLine,
  isEmpty,
  noStore,
  nothingStored,
} from "../blocks/forget-blocks.js";
import { renderInternalError, type SlackMessage } from "../blocks/reply-blocks.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { type Delivery, deliverError } from "../send/deliver.js";
import { postMessage, slackBlocks } from "../send/post.js";

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
      : forgetPrompt(scope.channelId, counts);
    await deliverError(d, message);
  } catch (error) {
    logFailure(d.logger, "offering to forget a channel", error);
    await deliverError(d, renderInternalError()).catch(() => undefined);
  }
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const valueSchema = z.object({ c: z.string().min(1).max(64) });

/** The channel the click came from, when it matches the channel the prompt was made for. */
function clickedScope(args: ButtonArgs): DealScope | undefined {
  const { body, action } = args;
  const channelId = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !teamId) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(action.value ?? "");
  } catch {
    return undefined;
  }
  const parsed = valueSchema.safeParse(value);
  if (!parsed.success || parsed.data.c !== channelId) return undefined;
  return { teamId, channelId };
}

/** Replaces the requester's prompt (an ephemeral message only the response URL can change). */
async function replacePrompt(respond: RespondFn, message: SlackMessage): Promise<void> {
  await respond({
    replace_original: true,
    response_type: "ephemeral",
    text: message.text,
    blocks: slackBlocks(message.blocks),
  });
}

export function forgetConfirmHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const scope = clickedScope(args);
    const userId = args.body.user.id;
    if (!scope || !deps.store) {
      args.logger.warn("dealdesk: a forget click without a matching channel or store was ignored");
      return;
    }
    try {
      const deleted = await deps.store.forget(scope, { by: userId, at: deps.now() });
      deps.memory.forgetChannel(scope);
      const line = forgottenLine(userId, deleted);
      await replacePrompt(args.respond, line);
      await postMessage(args.client, { channel: scope.channelId }, line).catch((error) =>
        // The requester has already seen the result in place of the prompt.
        logFailure(args.logger, "posting the forget result in the channel", error),
      );
    } catch (error) {
      logFailure(args.logger, "forgetting a channel", error);
      await replacePrompt(args.respond, renderInternalError()).catch(() => undefined);
    }
  };
}

export function forgetCancelHandler(_deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await replacePrompt(args.respond, cancelledLine()).catch((error) =>
      logFailure(args.logger, "cancelling forget", error),
    );
  };
}
