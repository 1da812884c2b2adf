/**
 * Analysing a file where it was shared: progress in the file's thread, updated in place, then the
 * result in that same message, with its files attached first (so its buttons show only once the
 * analysis is complete). Used inline, by the queue's worker and by "Change rates".
 */
import type { webApi } from "@slack/bolt";
import type { DayMonthReply } from "../../commands/date-order-reply.js";
import { slackContext } from "../answering/slack-context.js";
import { noteUnreadDeal } from "../answering/unread-deal.js";
import { renderErrorBlocks, renderNotice } from "../blocks/reply-blocks.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";
import { claimAnswer, storedUploadOf } from "../jobs/answer-once.js";
import { logFailure } from "../log-failure.js";
import { saveAnalysedUpload } from "../saving/save.js";
import { resultMessage } from "../send/deliver.js";
import { postEphemeral, postMessage, updateMessage, uploadFiles } from "../send/post.js";
import { askInThread, rememberDateQuestion } from "./date-question.js";

type WebClient = webApi.WebClient;

export interface InPlaceAnalysis {
  /** The Slack file id, or the stored upload's id when "Change rates" re-runs a stored one. */
  readonly fileId: string;
  /** The stored upload being analysed again; a new upload is saved when absent. */
  readonly storedUploadId?: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly userId: string;
  readonly scope: { readonly teamId: string; readonly channelId: string };
  readonly where: { readonly channel: string; readonly threadTs?: string };
  /** The progress message to update; one is posted when missing. */
  readonly progressTs?: string;
  /** The context to analyse with (a queued job's deal at share time); else the channel's now. */
  readonly ctx?: SlackCommandContext;
  /** Called once the result has replaced the progress message. */
  readonly onResultPosted?: () => void;
  /** A queued job's answer, which may run twice: see src/slack/jobs/answer-once.ts. */
  readonly once?: AnswerOnce;
  /** The day/month order given by a `dates` reply to the question this file asked. */
  readonly dateFormat?: DayMonthReply;
}

export interface AnswerOnce {
  /** The claim the first run takes before saving (answerKey). */
  readonly key: string;
  /** Aborted when the job is given back at shutdown: this run then stops before answering. */
  readonly signal?: AbortSignal;
  /** An earlier run reached its answer: no progress updates over the posted result. */
  readonly quiet?: boolean;
}

/** Runs the analyser with progress in the thread, then replaces the progress with the result. */
export async function analyseInPlace(
  a: InPlaceAnalysis,
  deps: SlackDeps,
  client: WebClient,
): Promise<void> {
  const progressTs =
    a.progressTs ?? (await postMessage(client, a.where, renderNotice(`Reading ${a.name} …`)));
  if (!progressTs) throw new Error("chat.postMessage returned no ts for the progress message");
  const ctx = a.ctx ?? (await slackContext(deps, a.scope, a.userId));
  const progress = async (text: string) => {
    if (a.once?.quiet || a.once?.signal?.aborted) return;
    await updateMessage(client, a.where.channel, progressTs, renderNotice(text));
  };
  const outcome = noteUnreadDeal(
    await deps.analyseUpload(
      { name: a.name, bytes: a.bytes },
      ctx,
      progress,
      a.dateFormat ? { read: { dateFormat: a.dateFormat } } : undefined,
    ),
    ctx,
  );
  // Given back at shutdown: the job runs again elsewhere, and that run answers.
  if (a.once?.signal?.aborted) return;
  if (!outcome.ok) {
    await client.chat.delete({ channel: a.where.channel, ts: progressTs }).catch(() => undefined);
    const { fileId, name, bytes, userId, scope, where } = a;
    const asks = rememberDateQuestion(outcome, { fileId, name, bytes, userId, scope, where }, deps);
    const shown = asks ? askInThread(outcome, a.where.channel) : outcome;
    await postEphemeral(client, a.where, a.userId, renderErrorBlocks(shown));
    return;
  }
  if (a.once && !(await claimAnswer(deps, a.scope, a.once.key))) {
    // An earlier run of this job took the claim: it saved and attached; this run only makes sure
    // the result replaced the progress message (the same message, so never a second answer).
    const uploadKey = (await storedUploadOf(deps, a.scope, a.bytes)) ?? a.fileId;
    rememberResult(a, deps, uploadKey);
    await updateMessage(
      client,
      a.where.channel,
      progressTs,
      resultMessage(outcome, deps.memory, deps.binder, { uploadId: uploadKey, scope: a.scope }),
    );
    a.onResultPosted?.();
    return;
  }
  // With a store, "Change rates" carries the stored upload's id, so it works after a restart.
  const storedId = await saveAnalysedUpload(deps, {
    name: a.name,
    bytes: a.bytes,
    scope: a.scope,
    userId: a.userId,
    ctx,
    reply: outcome.reply,
    ...(a.storedUploadId ? { storedUploadId: a.storedUploadId } : {}),
  });
  const uploadKey = storedId ?? a.fileId;
  rememberResult(a, deps, uploadKey);
  const message = resultMessage(outcome, deps.memory, deps.binder, {
    uploadId: uploadKey,
    scope: a.scope,
  });
  // The files go up before the result replaces the progress message: once its buttons show, the
  // analysis has finished, so a click (Brief as DOCX) never interleaves with the analysis's uploads.
  const files = [...(outcome.reply.files ?? []), ...(message.overflow ? [message.overflow] : [])];
  const attached = await uploadFiles(
    client,
    { channel: a.where.channel, threadTs: a.where.threadTs ?? progressTs },
    files,
  ).then(
    () => true,
    (error: unknown) => {
      logFailure(deps.logger, `attaching the files of ${a.fileId}`, error);
      return false;
    },
  );
  // A long button state kept in the store is written before anyone can click it (on any replica).
  await deps.binder.settled();
  await updateMessage(client, a.where.channel, progressTs, message);
  a.onResultPosted?.();
  deps.memory.noteAnalysis(a.userId, {
    scope: a.scope,
    headline: outcome.reply.headline,
    at: deps.now(),
  });
  if (!attached) {
    await postEphemeral(client, a.where, a.userId, renderNotice(filesNotAttachedText(files)));
  }
}

/** This replica's memory of the file, so the result's buttons work here without the store. */
function rememberResult(a: InPlaceAnalysis, deps: SlackDeps, uploadKey: string): void {
  deps.memory.rememberUpload(uploadKey, {
    scope: a.scope,
    name: a.name,
    bytes: a.bytes,
    ...(a.where.threadTs ? { threadTs: a.where.threadTs } : {}),
  });
}

/** What the uploader is told when the result is posted but its files could not be attached. */
export function filesNotAttachedText(files: readonly { readonly name: string }[]): string {
  const names = files.map((f) => f.name).join(", ");
  return `The result is posted, but I couldn't attach its files (${names}). Share the file again to get them.`;
}
