/**
 * `@dealdesk …` in a channel or thread, and direct messages: answered in the thread (a mention
 * works in threads where slash commands can't). A message that only carries files is left to the
 * upload handler.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { isForgetRequest } from "../blocks/forget-blocks.js";
import { readSlackText } from "../blocks/text.js";
import type { SlackDeps } from "../deps.js";
import { answerSafely, type Delivery } from "../send/deliver.js";
import { handleSharedFile } from "../uploads/handle-upload.js";
import { answerAndSave } from "./answer.js";
import { offerForget } from "./forget.js";

interface IncomingMessage {
  readonly text: string;
  readonly user: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly teamId: string;
  readonly fileIds: readonly string[];
  /** Channels thread the answer under the question; a DM answers inline unless in a thread. */
  readonly threadReply: boolean;
}

async function answerMessage(
  m: IncomingMessage,
  deps: SlackDeps,
  { client, logger }: AllMiddlewareArgs,
): Promise<void> {
  const scope = { teamId: m.teamId, channelId: m.channel };
  const threadTs = m.threadTs ?? (m.threadReply ? m.ts : undefined);
  for (const fileId of m.fileIds) {
    // Progress and results go in the file's own thread.
    await handleSharedFile(
      {
        fileId,
        channelId: m.channel,
        userId: m.user,
        teamId: m.teamId,
        threadTs: m.threadTs ?? m.ts,
      },
      deps,
      client,
    );
  }
  const text = readSlackText(m.text);
  if (text === "" && m.fileIds.length > 0) return;
  const delivery: Delivery = {
    client,
    logger,
    memory: deps.memory,
    where: { channel: m.channel, ...(threadTs ? { threadTs } : {}) },
    userId: m.user,
  };
  if (isForgetRequest(text)) {
    await offerForget(delivery, scope, deps);
    return;
  }
  await answerSafely(
    delivery,
    `message ${m.ts} from ${m.user} in ${m.channel}`,
    () => answerAndSave(text, scope, m.user, deps),
    {
      commandText: text,
    },
  );
}

function fileIdsOf(event: object): string[] {
  const files = (event as { files?: readonly { id?: unknown }[] }).files ?? [];
  return files.flatMap((f) => (typeof f.id === "string" ? [f.id] : []));
}

export function mentionHandler(deps: SlackDeps) {
  return async (
    args: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs,
  ): Promise<void> => {
    const { event, body } = args;
    if (!event.user) return;
    await answerMessage(
      {
        text: event.text,
        user: event.user,
        channel: event.channel,
        ts: event.ts,
        ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
        teamId: body.team_id,
        fileIds: fileIdsOf(event),
        threadReply: true,
      },
      deps,
      args,
    );
  };
}

/** Direct messages only: plain messages and file shares; edits, joins and bots are ignored. */
export function directMessageHandler(deps: SlackDeps) {
  return async (args: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    const { event, body } = args;
    if (event.channel_type !== "im") return;
    if (event.subtype !== undefined && event.subtype !== "file_share") return;
    if ("bot_id" in event && event.bot_id) return;
    if (!("user" in event) || typeof event.user !== "string") return;
    const text = "text" in event && typeof event.text === "string" ? event.text : "";
    const threadTs =
      "thread_ts" in event && typeof event.thread_ts === "string" ? event.thread_ts : undefined;
    await answerMessage(
      {
        text,
        user: event.user,
        channel: event.channel,
        ts: event.ts,
        ...(threadTs ? { threadTs } : {}),
        teamId: body.team_id,
        fileIds: fileIdsOf(event),
        threadReply: false,
      },
      deps,
      args,
    );
  };
}
