/**
 * `@dealdesk …` in a channel or thread, and direct messages: both answered by answerMessage
 * (src/slack/answering/answer-message.ts).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerMessage, fileIdsOf } from "../answering/answer-message.js";
import type { SlackDeps } from "../deps.js";

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
        eventId: body.event_id,
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
        eventId: body.event_id,
        threadReply: false,
      },
      deps,
      args,
    );
  };
}
