/**
 * The buttons under a result. Each acknowledges at once, then answers in the result's thread;
 * anything that can't be done is said to the clicker alone.
 */
import type { types } from "@slack/bolt";
import { type Reply, replied } from "../../commands/reply.js";
import type { Deal } from "../../drafting/deal-schema.js";
import { answerAndSave, answerText } from "../answering/answer-text.js";
import { slackContext } from "../answering/slack-context.js";
import { ratesModal } from "../blocks/rates-modal.js";
import { renderNotice, renderWorkingBlocks } from "../blocks/reply-blocks.js";
import { type ButtonArgs, clicked } from "../buttons/clicked.js";
import type { SlackDeps } from "../deps.js";
import { asksReply, briefReply, dealForClick } from "../drafting/draft-replies.js";
import { logFailure } from "../log-failure.js";
import { sealRatesOrigin } from "../rates/rates-origin.js";
import { answerSafely, deliver, deliverError } from "../send/deliver.js";
import { failureMessage } from "../send/failure-message.js";
import { postMessage, threadOf, uploadFiles } from "../send/post.js";

export function showWorkingHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = await clicked(args, deps);
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
        await uploadFiles(c.delivery.client, threadOf(c.delivery.where, ts), [message.overflow]);
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
    const c = await clicked(args, deps);
    const text = c?.value.t;
    if (!c || !text) return;
    await answerSafely(
      c.delivery,
      `a follow-up button from ${c.delivery.userId} in ${c.scope.channelId}`,
      () => answerAndSave(text, c.scope, c.delivery.userId, deps),
      { commandText: text, scope: c.scope },
    );
  };
}

export function openRatesHandler(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = await clicked(args, deps);
    if (!c) return;
    try {
      const ctx = await slackContext(deps, c.scope, c.delivery.userId);
      const origin = {
        ...c.scope,
        ...(c.delivery.where.threadTs ? { threadTs: c.delivery.where.threadTs } : {}),
        ...(c.value.f ? { fileId: c.value.f } : {}),
      };
      const view = ratesModal(
        sealRatesOrigin(deps.binder, origin, c.delivery.userId),
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

/**
 * A drafting button: the clicked analysis and the channel's deal made into a Deal, then `draft`'s
 * reply posted in the thread. Anything missing is one line to the clicker alone.
 */
function draftingHandler(
  deps: SlackDeps,
  what: string,
  draft: (deal: Deal) => Promise<Reply | string>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const c = await clicked(args, deps);
    if (!c) return;
    try {
      const source = await dealForClick(deps, c.scope, c.value);
      const answer = source.ok ? await draft(source.deal) : source.line;
      if (typeof answer === "string") {
        await deliverError(c.delivery, renderNotice(answer));
        return;
      }
      await deliver(c.delivery, replied(answer), { scope: c.scope });
    } catch (error) {
      logFailure(args.logger, what, error);
      await deliverError(c.delivery, failureMessage(error)).catch((e) =>
        logFailure(args.logger, `${what}: telling the user`, e),
      );
    }
  };
}

/** "Draft the asks": the five moves with the asks and the money, in the result's thread. */
export function draftAsksHandler(deps: SlackDeps) {
  return draftingHandler(deps, "Draft the asks", async (deal) => asksReply(deal));
}

/** "Brief as DOCX": the brief's headline in the thread with the Word file uploaded under it. */
export function briefDocxHandler(deps: SlackDeps) {
  return draftingHandler(deps, "Brief as DOCX", (deal) => briefReply(deal, deps.now()));
}
