/**
 * `/deal …`: acknowledged at once (Slack allows 3 s), then answered in the channel. Slash
 * commands can't be used in threads, so the answer is a top-level message with its own thread.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerAndSave } from "../answering/answer-text.js";
import { isForgetRequest } from "../blocks/forget-blocks.js";
import { readSlackText } from "../blocks/text.js";
import type { SlackDeps } from "../deps.js";
import { attemptOf, trackedClient } from "../exactly-once/attempt.js";
import { offerForget } from "../forget/offer-forget.js";
import { answerSafely, type Delivery } from "../send/deliver.js";
import { slackBlocks } from "../send/post.js";

export function dealCommandHandler(deps: SlackDeps) {
  return async ({
    command,
    ack,
    client: boltClient,
    respond,
    logger,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Sends are noted on the delivery's attempt, so a failure before any answer frees its claim.
    const attempt = attemptOf(context);
    const client = trackedClient(boltClient, attempt);
    // Let the acknowledgement (and those of requests already queued) go out before the work.
    await new Promise((resolve) => setImmediate(resolve));
    const text = readSlackText(command.text);
    const scope = { teamId: command.team_id, channelId: command.channel_id };
    const delivery: Delivery = {
      client,
      logger,
      memory: deps.memory,
      binder: deps.binder,
      where: { channel: command.channel_id },
      userId: command.user_id,
      respond: async (message, visibility) => {
        await respond({
          response_type: visibility,
          text: message.text,
          blocks: slackBlocks(message.blocks),
        }).catch((error: unknown) => {
          attempt.failure();
          throw error;
        });
        if (visibility === "in_channel") attempt.delivered();
      },
    };
    if (isForgetRequest(text)) {
      await offerForget(delivery, scope, deps);
      return;
    }
    await answerSafely(
      delivery,
      `/deal from ${command.user_id} in ${command.channel_id}`,
      () => answerAndSave(text, scope, command.user_id, deps),
      { commandText: text, scope },
    );
  };
}
