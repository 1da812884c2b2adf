/**
 * The buttons of `/deal forget`'s prompt (the prompt itself is src/slack/forget/offer-forget.ts):
 * "Delete this channel's data" (behind Slack's confirmation dialog) runs the store's audited
 * `forget` for this channel only and posts a one-line result in the channel; "Cancel" says so in
 * place of the prompt.
 */
import { cancelledLine, forgottenLine } from "../blocks/forget-blocks.js";
import type { ButtonArgs } from "../buttons/clicked.js";
import type { SlackDeps } from "../deps.js";
import { clickedScope } from "../forget/clicked-scope.js";
import { logFailure } from "../log-failure.js";
import { failureMessage } from "../send/failure-message.js";
import { postMessage } from "../send/post.js";
import { replaceOriginal } from "../send/replace-original.js";

export function forgetConfirmHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const scope = await clickedScope(args, deps);
    const userId = args.body.user.id;
    if (!scope || !deps.store) {
      args.logger.warn("dealdesk: a forget click without a matching channel or store was ignored");
      return;
    }
    try {
      const deleted = await deps.store.forget(scope, { by: userId, at: deps.now() });
      deps.memory.forgetChannel(scope);
      const line = forgottenLine(userId, deleted);
      await replaceOriginal(args.respond, line);
      await postMessage(args.client, { channel: scope.channelId }, line).catch((error) =>
        // The requester has already seen the result in place of the prompt.
        logFailure(args.logger, "posting the forget result in the channel", error),
      );
    } catch (error) {
      logFailure(args.logger, "forgetting a channel", error);
      await replaceOriginal(args.respond, failureMessage(error)).catch(() => undefined);
    }
  };
}

export function forgetCancelHandler(_deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await replaceOriginal(args.respond, cancelledLine()).catch((error) =>
      logFailure(args.logger, "cancelling forget", error),
    );
  };
}
