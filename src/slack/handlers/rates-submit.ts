/**
 * Submitting the "Change rates" form: each field validated (the message appears under the field),
 * the channel's deal updated, a confirmation posted in the thread, and the upload's analysis run
 * again with the new rates when dealdesk still has the file (src/slack/uploads/rerun-upload.ts).
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeDeal } from "../../commands/deal/set.js";
import { logRefusal } from "../action-state/refuse.js";
import { FIELDS } from "../blocks/rates-modal.js";
import { escapeMrkdwn } from "../blocks/text.js";
import { section } from "../blocks/types.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { openRatesOrigin } from "../rates/rates-origin.js";
import { readRatesForm } from "../rates/read-rates-form.js";
import { failureMessage } from "../send/failure-message.js";
import { postEphemeral, postMessage } from "../send/post.js";
import { rerunUpload } from "../uploads/rerun-upload.js";

const NOT_YOUR_FORM =
  "This form can't be saved: it was opened by someone else or elsewhere. Close it and click Change rates again.";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function ratesSubmitHandler(deps: SlackDeps) {
  return async ({ ack, view, body, client, logger }: SubmitArgs): Promise<void> => {
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    // Checked before the fields: a form opened by someone else, elsewhere, changes nothing.
    const origin = await openRatesOrigin(deps.binder, view.private_metadata, {
      teamId,
      userId,
    });
    if (!origin) {
      logRefusal(logger, {
        action: "the rates form",
        teamId,
        channelId: "unknown",
        userId,
      });
      await ack({ response_action: "errors", errors: { [FIELDS.vendor]: NOT_YOUR_FORM } });
      return;
    }
    const form = readRatesForm(view.state.values);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    await ack();
    const scope = { teamId: origin.teamId, channelId: origin.channelId };
    const where = {
      channel: origin.channelId,
      ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    };
    try {
      await deps.deals.set(scope, form.deal, userId);
      const line = `set this channel's deal: ${describeDeal(form.deal)}.`;
      await postMessage(client, where, {
        // The vendor is typed text: the notification text is escaped like the block.
        text: escapeMrkdwn(line),
        blocks: [section(`<@${userId}> ${escapeMrkdwn(line)}`)],
      });
      if (origin.fileId) await rerunUpload(origin.fileId, scope, where, userId, deps, client);
    } catch (error) {
      logFailure(logger, "saving the rates form", error);
      await postEphemeral(client, where, userId, failureMessage(error)).catch(() => undefined);
    }
  };
}
