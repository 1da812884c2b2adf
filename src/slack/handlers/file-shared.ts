/**
 * `file_shared`: a file shared in a channel or DM where the bot is. The bot's own uploads (its
 * named-users.csv, flagged-users.csv, charts) announce themselves the same way; analysing them
 * would answer with more uploads, in a loop, so they are ignored.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { attemptOf, trackedClient } from "../exactly-once/attempt.js";
import { handleSharedFile } from "../uploads/handle-upload.js";

export function fileSharedHandler(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<"file_shared"> & AllMiddlewareArgs) => {
    if (context.botUserId !== undefined && event.user_id === context.botUserId) return;
    const attempt = attemptOf(context);
    await handleSharedFile(
      {
        fileId: event.file_id,
        channelId: event.channel_id,
        userId: event.user_id,
        teamId: body.team_id,
        eventTs: event.event_ts,
        eventId: body.event_id,
      },
      deps,
      trackedClient(client, attempt),
      attempt,
    );
  };
}
