/** Replacing a message through a response URL, the only way to change an ephemeral message. */
import type { RespondFn } from "@slack/bolt";
import type { SlackMessage } from "../blocks/reply-blocks.js";
import { slackBlocks } from "./post.js";

/** Replaces the message the click came from (the requester's ephemeral prompt) with `message`. */
export async function replaceOriginal(respond: RespondFn, message: SlackMessage): Promise<void> {
  await respond({
    replace_original: true,
    response_type: "ephemeral",
    text: message.text,
    blocks: slackBlocks(message.blocks),
  });
}
