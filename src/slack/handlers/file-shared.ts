/** `file_shared`: a file shared in a channel or DM where the bot is. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { handleSharedFile } from "../uploads/handle-upload.js";

export function fileSharedHandler(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
  }: SlackEventMiddlewareArgs<"file_shared"> & AllMiddlewareArgs) => {
    await handleSharedFile(
      {
        fileId: event.file_id,
        channelId: event.channel_id,
        userId: event.user_id,
        teamId: body.team_id,
      },
      deps,
      client,
    );
  };
}
