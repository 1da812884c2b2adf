/**
 * Delivers an outcome where it was asked for: a result as a message with its buttons and files,
 * an error to the requester alone.
 */
import type { Logger, webApi } from "@slack/bolt";
import type { CommandOutcome } from "../../commands/reply.js";
import type { ActionBinder } from "../action-state/binder.js";
import { resultSeal } from "../action-state/result-seal.js";
import type { ButtonOrigin } from "../blocks/buttons.js";
import { renderErrorBlocks, renderReplyBlocks, type SlackMessage } from "../blocks/reply-blocks.js";
import { logFailure } from "../log-failure.js";
import type { SlackMemory } from "../memory.js";
import { failureMessage } from "./failure-message.js";
import { postEphemeral, postMessage, threadOf, uploadFiles, type Where } from "./post.js";

type WebClient = webApi.WebClient;

export interface Delivery {
  readonly client: WebClient;
  readonly logger: Logger;
  readonly memory: SlackMemory;
  /** Seals the result's buttons to where they are posted. */
  readonly binder: ActionBinder;
  readonly where: Where;
  readonly userId: string;
  /** Posts where chat.postMessage can't (a slash command in a channel the bot isn't in). */
  readonly respond?: (
    message: SlackMessage,
    visibility: "in_channel" | "ephemeral",
  ) => Promise<void>;
}

export function resultMessage(
  outcome: Extract<CommandOutcome, { ok: true }>,
  memory: SlackMemory,
  binder: ActionBinder,
  origin: Omit<ButtonOrigin, "replyId">,
): SlackMessage {
  const replyId = memory.rememberReply(outcome.reply);
  return renderReplyBlocks(outcome.reply, { ...origin, replyId, ...resultSeal(binder, origin) });
}

/** Shows an error to the requester alone; falls back to the response URL when there is one. */
export async function deliverError(d: Delivery, message: SlackMessage): Promise<void> {
  try {
    await postEphemeral(d.client, d.where, d.userId, message);
  } catch (error) {
    if (!d.respond) throw error;
    logFailure(d.logger, "chat.postEphemeral (falling back to the response URL)", error);
    await d.respond(message, "ephemeral");
  }
}

export async function deliver(
  d: Delivery,
  outcome: CommandOutcome,
  origin: Omit<ButtonOrigin, "replyId"> = {},
): Promise<void> {
  if (!outcome.ok) {
    await deliverError(d, renderErrorBlocks(outcome));
    return;
  }
  const message = resultMessage(outcome, d.memory, d.binder, origin);
  // A long button state kept in the store is written before anyone can click it.
  await d.binder.settled();
  let ts: string | undefined;
  try {
    ts = await postMessage(d.client, d.where, message);
  } catch (error) {
    if (!d.respond) throw error;
    logFailure(d.logger, "chat.postMessage (falling back to the response URL)", error);
    await d.respond(message, "in_channel");
    return;
  }
  const files = [...(outcome.reply.files ?? []), ...(message.overflow ? [message.overflow] : [])];
  await uploadFiles(d.client, threadOf(d.where, ts), files);
}

/**
 * Runs `work` and delivers its outcome; anything thrown becomes one line for the requester
 * ("storage is unavailable" when the database can't be reached, else the internal error).
 * `what` names the work in the log by ids (message ts, user, channel), never by what was typed.
 */
export async function answerSafely(
  d: Delivery,
  what: string,
  work: () => Promise<CommandOutcome>,
  origin: Omit<ButtonOrigin, "replyId"> = {},
): Promise<void> {
  try {
    await deliver(d, await work(), origin);
  } catch (error) {
    logFailure(d.logger, what, error);
    try {
      await deliverError(d, failureMessage(error));
    } catch (again) {
      logFailure(d.logger, `${what}: telling the user`, again);
    }
  }
}
