/**
 * `@dealdesk …` in a channel or thread, and direct messages: both answered by answerMessage
 * (src/slack/answering/answer-message.ts).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerMessage, fileIdsOf } from "../answering/answer-message.js";
import type { SlackDeps } from "../deps.js";
import { analyseInPlace } from "../uploads/analyse-in-place.js";
import { answerDatesReply, type ThreadReply } from "../uploads/date-question.js";

/**
 * A `dates dd/mm` reply to the day/month question analyses the waiting file again; true when the
 * message was such a reply (answered here, not as a question).
 */
async function answeredDates(
  m: ThreadReply & { readonly teamId: string; readonly fileIds: readonly string[] },
  deps: SlackDeps,
  args: AllMiddlewareArgs,
): Promise<boolean> {
  if (m.fileIds.length > 0) return false;
  return answerDatesReply(m, deps, args.client, async (question, order, userId) => {
    const { fileId, name, bytes, scope, where } = question;
    await analyseInPlace(
      { fileId, name, bytes, scope, where, userId, dateFormat: order },
      deps,
      args.client,
    );
  });
}

export function mentionHandler(deps: SlackDeps) {
  return async (
    args: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs,
  ): Promise<void> => {
    const { event, body } = args;
    if (!event.user) return;
    const message = {
      text: event.text,
      user: event.user,
      channel: event.channel,
      ts: event.ts,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
      teamId: body.team_id,
      fileIds: fileIdsOf(event),
    };
    if (await answeredDates(message, deps, args)) return;
    await answerMessage({ ...message, eventId: body.event_id, threadReply: true }, deps, args);
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
    const message = {
      text,
      user: event.user,
      channel: event.channel,
      ts: event.ts,
      ...(threadTs ? { threadTs } : {}),
      teamId: body.team_id,
      fileIds: fileIdsOf(event),
    };
    if (await answeredDates(message, deps, args)) return;
    await answerMessage({ ...message, eventId: body.event_id, threadReply: false }, deps, args);
  };
}
