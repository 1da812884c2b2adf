/**
 * Sending to Slack: results in the channel or thread, errors to the requester alone (ephemeral),
 * files with files.uploadV2 in the result's thread. A failure of Slack itself is thrown to the
 * caller, which logs it with src/slack/log-failure.ts and never shows its internals.
 */
import type { types, webApi } from "@slack/bolt";
import type { ReplyFile } from "../../commands/reply.js";
import type { SlackMessage } from "../blocks/reply-blocks.js";
import type { Block } from "../blocks/types.js";

type WebClient = webApi.WebClient;

/** Our narrowly typed blocks are Block Kit JSON; Slack's types are wider and mutable. */
export function slackBlocks(blocks: readonly Block[]): types.KnownBlock[] {
  return blocks as unknown as types.KnownBlock[];
}

export interface Where {
  readonly channel: string;
  readonly threadTs?: string;
}

/** Where a message's files and follow-ups go: its own thread, else the thread of the message `ts`. */
export function threadOf(where: Where, ts: string | undefined): Where {
  const threadTs = where.threadTs ?? ts;
  return { channel: where.channel, ...(threadTs ? { threadTs } : {}) };
}

/** Posts a message and returns its ts (the thread for its files and follow-ups). */
export async function postMessage(
  client: WebClient,
  where: Where,
  message: SlackMessage,
): Promise<string | undefined> {
  const res = await client.chat.postMessage({
    channel: where.channel,
    text: message.text,
    blocks: slackBlocks(message.blocks),
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
  return res.ts;
}

export async function updateMessage(
  client: WebClient,
  channel: string,
  ts: string,
  message: SlackMessage,
): Promise<void> {
  await client.chat.update({
    channel,
    ts,
    text: message.text,
    blocks: slackBlocks(message.blocks),
  });
}

export async function postEphemeral(
  client: WebClient,
  where: Where,
  user: string,
  message: SlackMessage,
): Promise<void> {
  await client.chat.postEphemeral({
    channel: where.channel,
    user,
    text: message.text,
    blocks: slackBlocks(message.blocks),
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
}

/** Uploads a reply's files (DOCX, CSV, PNG, overflow text) into the thread of its message. */
export async function uploadFiles(
  client: WebClient,
  where: Where,
  files: readonly ReplyFile[],
): Promise<void> {
  if (files.length === 0) return;
  await client.files.uploadV2({
    channel_id: where.channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    file_uploads: files.map((f) => ({
      file: Buffer.from(f.content),
      filename: f.name,
      title: f.description,
    })),
  });
}

/** The Slack error code of a Web API failure (`not_in_channel`…), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}
