/**
 * A message to dealdesk (a mention in a channel or thread, or a DM) answered: in the thread when
 * in a channel (a mention works in threads where slash commands can't). A message that only
 * carries files is left to the upload handler.
 */
import type { AllMiddlewareArgs } from "@slack/bolt";
import { isForgetRequest } from "../blocks/forget-blocks.js";
import { readSlackText } from "../blocks/text.js";
import type { SlackDeps } from "../deps.js";
import { attemptOf, trackedClient } from "../exactly-once/attempt.js";
import { offerForget } from "../forget/offer-forget.js";
import { answerSafely, type Delivery } from "../send/deliver.js";
import { handleSharedFile } from "../uploads/handle-upload.js";
import { answerAndSave } from "./answer-text.js";

export interface IncomingMessage {
  readonly text: string;
  readonly user: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly teamId: string;
  readonly fileIds: readonly string[];
  /** The delivery's event id (a file share's claim falls back to it). */
  readonly eventId?: string;
  /** Channels thread the answer under the question; a DM answers inline unless in a thread. */
  readonly threadReply: boolean;
}

/**
 * Answers a mention or DM: its files analysed in their thread, a forget request offered, and any
 * other text answered (and saved) where the message asked.
 */
export async function answerMessage(
  m: IncomingMessage,
  deps: SlackDeps,
  args: AllMiddlewareArgs,
): Promise<void> {
  const { logger } = args;
  // Sends are noted on the delivery's attempt, so a failure before any answer frees its claim.
  const attempt = attemptOf(args.context);
  const client = trackedClient(args.client, attempt);
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
        // This message is the share: file_shared for the same share agrees on its ts.
        shareTs: m.ts,
        ...(m.eventId ? { eventId: m.eventId } : {}),
      },
      deps,
      client,
      attempt,
    );
  }
  const text = readSlackText(m.text);
  if (text === "" && m.fileIds.length > 0) return;
  const delivery: Delivery = {
    client,
    logger,
    memory: deps.memory,
    binder: deps.binder,
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
    { commandText: text, scope },
  );
}

/** The ids of the files a message carries (a mention or DM can share files with its text). */
export function fileIdsOf(event: object): string[] {
  const files = (event as { files?: readonly { id?: unknown }[] }).files ?? [];
  return files.flatMap((f) => (typeof f.id === "string" ? [f.id] : []));
}
