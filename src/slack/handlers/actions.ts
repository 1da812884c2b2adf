/**
 * The buttons under a result. Each acknowledges at once, then answers in the result's thread;
 * anything that can't be done is said to the clicker alone.
 */
import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  types,
} from "@slack/bolt";
import { decodeValue } from "../blocks/buttons.js";
import { ratesModal } from "../blocks/rates-modal.js";
import { renderNotice, renderWorkingBlocks } from "../blocks/reply-blocks.js";
import type { SlackDeps } from "../deps.js";
import { answerAndSave, answerText, slackContext } from "./answer.js";
import { answerSafely, type Delivery, deliverError } from "./deliver.js";
import { logFailure, postMessage, uploadFiles } from "./post.js";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** What the drafting buttons run, once the drafting commands exist (issue 4). */

interface Clicked {
  readonly value: ReturnType<typeof decodeValue>;
  readonly scope: { teamId: string; channelId: string };
  readonly delivery: Delivery;
}

function clicked(args: ButtonArgs, deps: SlackDeps): Clicked | undefined {
  const { body, action, client, logger } = args;
  const channel = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channel || !teamId) return undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts;
  return {
    value: decodeValue(action.value),
    scope: { teamId, channelId: channel },
    delivery: {
      client,
      logger,
      memory: deps.memory,
      where: { channel, ...(threadTs ? { threadTs } : {}) },
      userId: body.user.id,
    },
  };
}

export function showWorkingHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args, deps);
    if (!c) return;
    try {
      let reply = deps.memory.reply(c.value.r);
      if (!reply && c.value.t) {
        // Calculators are deterministic: running the command again gives the same working.
        const outcome = await answerText(c.value.t, c.scope, c.delivery.userId, deps);
        if (outcome.ok) reply = outcome.reply;
      }
      if (!reply) {
        await deliverError(
          c.delivery,
          renderNotice(
            "I no longer have that answer (dealdesk restarted): run the command again to see its working.",
          ),
        );
        return;
      }
      const message = renderWorkingBlocks(reply);
      const ts = await postMessage(c.delivery.client, c.delivery.where, message);
      if (message.overflow) {
        await uploadFiles(
          c.delivery.client,
          { channel: c.delivery.where.channel, threadTs: c.delivery.where.threadTs ?? ts },
          [message.overflow],
        );
      }
    } catch (error) {
      logFailure(args.logger, "Show working", error);
    }
  };
}

/** A follow-up command suggested under a result, run in its thread. */
export function nextCommandHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args, deps);
    const text = c?.value.t;
    if (!c || !text) return;
    await answerSafely(
      c.delivery,
      `button ${text}`,
      () => answerAndSave(text, c.scope, c.delivery.userId, deps),
      {
        commandText: text,
      },
    );
  };
}

export function openRatesHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args, deps);
    if (!c) return;
    try {
      const ctx = await slackContext(deps, c.scope, c.delivery.userId);
      const view = ratesModal(
        {
          ...c.scope,
          ...(c.delivery.where.threadTs ? { threadTs: c.delivery.where.threadTs } : {}),
          ...(c.value.f ? { fileId: c.value.f } : {}),
        },
        ctx.deal,
        ctx.defaultCurrency,
      );
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: view as unknown as types.ModalView,
      });
    } catch (error) {
      logFailure(args.logger, "opening the rates form", error);
    }
  };
}
