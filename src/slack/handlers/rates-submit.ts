/**
 * Submitting the "Change rates" form: each field validated (the message appears under the field),
 * the channel's deal updated, a confirmation posted in the thread, and the upload's analysis run
 * again with the new rates when the file is still in memory.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { type ChannelDeal, describeDeal, parseRate } from "../../commands/deal/set.js";
import { type CurrencyCode, type Money, parseCurrency } from "../../core/money.js";
import { ratesOriginSchema, ratesStateSchema } from "../blocks/rates-modal.js";
import { renderInternalError } from "../blocks/reply-blocks.js";
import { escapeMrkdwn } from "../blocks/text.js";
import { section } from "../blocks/types.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { isStoredUploadId, loadStoredFile } from "../saving/save.js";
import { postEphemeral, postMessage } from "../send/post.js";
import { analyseInPlace } from "../uploads/handle-upload.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export type RatesForm =
  | { readonly ok: true; readonly deal: ChannelDeal }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Validates the four fields; every bad one gets its own message. */
export function readRatesForm(values: unknown): RatesForm {
  const parsed = ratesStateSchema.safeParse(values);
  if (!parsed.success)
    return { ok: false, errors: { vendor: "The form was incomplete: open it again." } };
  const v = parsed.data;
  const errors: Record<string, string> = {};
  const vendor = (v.vendor.vendor.value ?? "").trim();
  if (vendor === "") errors.vendor = "Enter the vendor, e.g. HaloITSM.";
  else if (vendor.length > 80) errors.vendor = "Keep the vendor name under 80 characters.";
  const currencyText = (v.currency.currency.value ?? "").trim();
  const code = parseCurrency(currencyText);
  if (!code.ok)
    errors.currency = `"${currencyText}" is not a currency I know: use an ISO code such as GBP, USD or EUR.`;
  const currency = code.ok ? code.value : ("GBP" as CurrencyCode);
  const rates: { namedRate?: Money; concurrentRate?: Money } = {};
  for (const [field, label] of [
    ["named", "The named rate"],
    ["concurrent", "The concurrent rate"],
  ] as const) {
    const text = (field === "named" ? v.named.named.value : v.concurrent.concurrent.value) ?? "";
    const r = parseRate(text.trim(), label, currency);
    if (!r.ok) errors[field] = `${r.issue.message}${r.issue.hint ? ` — e.g. ${r.issue.hint}` : ""}`;
    else rates[field === "named" ? "namedRate" : "concurrentRate"] = r.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, deal: { vendor, currency, ...rates } };
}

/**
 * Runs the upload's analysis again with the new rates: from memory when the file is still there,
 * else from the store's raw rows (after a restart), else says why it can't.
 */
async function rerun(
  fileId: string,
  scope: { teamId: string; channelId: string },
  where: { channel: string; threadTs?: string },
  userId: string,
  deps: SlackDeps,
  client: SubmitArgs["client"],
): Promise<void> {
  const stored = isStoredUploadId(fileId) && deps.store ? fileId : undefined;
  const base = { fileId, userId, scope, where, ...(stored ? { storedUploadId: stored } : {}) };
  const remembered = deps.memory.upload(fileId);
  if (remembered && remembered.scope.channelId === scope.channelId) {
    await analyseInPlace({ ...base, name: remembered.name, bytes: remembered.bytes }, deps, client);
    return;
  }
  const file = stored && deps.store ? await loadStoredFile(deps.store, scope, stored) : undefined;
  if (file?.ok) {
    await analyseInPlace({ ...base, name: file.name, bytes: file.bytes }, deps, client);
    return;
  }
  const text =
    file?.reason === "rows_deleted"
      ? `The rows of ${file.name ?? "that file"} were deleted after the retention period, so I can't run it again: share the file again to see it with the new rates.`
      : "I no longer have that file, so I can't run it again: share it again to see it with the new rates.";
  await postEphemeral(client, where, userId, { text, blocks: [section(escapeMrkdwn(text))] });
}

export function ratesSubmitHandler(deps: SlackDeps) {
  return async ({ ack, view, body, client, logger }: SubmitArgs): Promise<void> => {
    const form = readRatesForm(view.state.values);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    await ack();
    let origin: ReturnType<typeof ratesOriginSchema.parse>;
    try {
      origin = ratesOriginSchema.parse(JSON.parse(view.private_metadata));
    } catch (error) {
      logFailure(logger, "reading the rates form's origin", error);
      return;
    }
    const scope = { teamId: origin.teamId, channelId: origin.channelId };
    const where = {
      channel: origin.channelId,
      ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    };
    const userId = body.user.id;
    try {
      await deps.deals.set(scope, form.deal, userId);
      const line = `set this channel's deal: ${describeDeal(form.deal)}.`;
      await postMessage(client, where, {
        text: line,
        blocks: [section(`<@${userId}> ${escapeMrkdwn(line)}`)],
      });
      if (origin.fileId) await rerun(origin.fileId, scope, where, userId, deps, client);
    } catch (error) {
      logFailure(logger, "saving the rates form", error);
      await postEphemeral(client, where, userId, renderInternalError()).catch(() => undefined);
    }
  };
}
