/**
 * A CSV or XLSX shared where the bot is: checked (name, size, host), downloaded with the bot
 * token, checked by content, analysed, and answered in the file's thread — a progress message
 * first, updated in place, then replaced by the result. Problems go to the uploader alone.
 * With a job queue the receiving replica only checks the file's info, posts the progress message
 * and enqueues an `analyse-upload` job; src/slack/jobs/worker.ts does the rest on any replica.
 */
import type { webApi } from "@slack/bolt";
import type { CommandOutcome } from "../../commands/reply.js";
import { slackContext } from "../answering/slack-context.js";
import { noteUnreadDeal } from "../answering/unread-deal.js";
import { renderErrorBlocks, renderNotice, type SlackMessage } from "../blocks/reply-blocks.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";
import { Attempt } from "../exactly-once/attempt.js";
import { claimFileShare, type FileShare, shareTsOf } from "../exactly-once/file-claim.js";
import { claimAnswer, storedUploadOf } from "../jobs/answer-once.js";
import {
  ANALYSE_UPLOAD_JOB,
  ANALYSE_UPLOAD_SEND_OPTIONS,
  encodeAnalyseUploadJob,
} from "../jobs/payload.js";
import { logFailure } from "../log-failure.js";
import { saveAnalysedUpload } from "../saving/save.js";
import { resultMessage } from "../send/deliver.js";
import { failureMessage } from "../send/failure-message.js";
import { postEphemeral, postMessage, updateMessage, uploadFiles } from "../send/post.js";
import { acceptSpreadsheet, looksLikeSpreadsheetName } from "./accept-spreadsheet.js";
import { downloadSlackFile } from "./download.js";

type WebClient = webApi.WebClient;

export interface SharedFile extends FileShare {
  readonly userId: string;
  /** The file message's thread, when the event said; otherwise read from the file's shares. */
  readonly threadTs?: string;
}

export interface FileInfo {
  readonly name: string;
  readonly size: number;
  readonly url?: string;
  readonly threadTs?: string;
  /** The ts of each message that shared the file in the channel asked about. */
  readonly shares?: readonly string[];
}

/** The ts of each message that shared the file in this channel: a share's thread gets its answer. */
function sharesIn(file: Record<string, unknown>, channel: string): string[] {
  const shares = file.shares as Record<string, Record<string, { ts?: string }[]>> | undefined;
  return ["public", "private"].flatMap((kind) =>
    (shares?.[kind]?.[channel] ?? []).flatMap((s) => (typeof s.ts === "string" ? [s.ts] : [])),
  );
}

/** files.info: the file's name, size, download URL and the thread it was shared in. */
export async function fileInfo(
  client: WebClient,
  fileId: string,
  channel: string,
): Promise<FileInfo | undefined> {
  const res = await client.files.info({ file: fileId });
  const file = res.file as Record<string, unknown> | undefined;
  if (!file) return undefined;
  const url = file.url_private_download ?? file.url_private;
  const shares = sharesIn(file, channel);
  const ts = shares[0];
  return {
    name: typeof file.name === "string" ? file.name : fileId,
    size: typeof file.size === "number" ? file.size : 0,
    ...(typeof url === "string" ? { url } : {}),
    ...(ts ? { threadTs: ts } : {}),
    shares,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

type Failed = Extract<CommandOutcome, { ok: false }>;

function problem(code: string, message: string, hint: string): Failed {
  return { ok: false, command: "upload", issues: [{ code, message, hint }], usage: "help" };
}

/** What the uploader is told when a file is over the size limit (before any download). */
export function tooLargeMessage(info: FileInfo, maxBytes: number): SlackMessage {
  return renderErrorBlocks(
    problem(
      "upload.too_large",
      `${info.name} is ${megabytes(info.size)}; I read files up to ${megabytes(maxBytes)}`,
      "share a shorter period, or only the user, login and logout columns",
    ),
  );
}

export type FetchedFile =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: SlackMessage };

/**
 * Downloads the file from an allowed host with the bot token and checks it is a CSV or XLSX by
 * its content. A refusal comes back as the message for the uploader (and is logged by file id).
 */
export async function fetchCheckedFile(
  fileId: string,
  info: FileInfo & { readonly url: string },
  deps: SlackDeps,
): Promise<FetchedFile> {
  const { maxBytes } = deps.files;
  const download = await downloadSlackFile(info.url, {
    token: deps.files.botToken,
    allowedHosts: deps.files.allowedHosts,
    maxBytes,
    ...(deps.files.downloadTimeoutMs === undefined
      ? {}
      : { timeoutMs: deps.files.downloadTimeoutMs }),
  });
  if (!download.ok) {
    deps.logger.warn(`dealdesk: did not download ${fileId}: ${download.detail}`);
    const message =
      download.reason === "host"
        ? `I only download files stored on Slack, and ${info.name} is stored elsewhere, so I left it alone`
        : download.reason === "too_large"
          ? `${info.name} is larger than the ${megabytes(maxBytes)} I read`
          : download.reason === "slow"
            ? `Slack took too long to send me ${info.name}`
            : `I couldn't download ${info.name} from Slack`;
    // A slow host is no fault of the file: the same file, shared again, is likely to arrive.
    const hint =
      download.reason === "slow" ? "share it again" : "share the file again as a CSV or XLSX";
    return {
      ok: false,
      message: renderErrorBlocks(problem(`upload.download_${download.reason}`, message, hint)),
    };
  }
  const sniff = acceptSpreadsheet(info.name, download.bytes);
  if (!sniff.ok) {
    return {
      ok: false,
      message: renderErrorBlocks(
        problem(sniff.issue.code, sniff.issue.message, sniff.issue.hint ?? ""),
      ),
    };
  }
  return { ok: true, bytes: download.bytes };
}

/** The progress message while a queued file waits for a worker (on any replica). */
export function queuedText(name: string): string {
  return `Reading ${name} … (queued)`;
}

export async function handleSharedFile(
  shared: SharedFile,
  deps: SlackDeps,
  client: WebClient,
  attempt: Attempt = new Attempt(),
): Promise<void> {
  const { logger } = deps;
  const channel = shared.channelId;
  let threadTs = shared.threadTs;
  let progressTs: string | undefined;
  const tellUploader = async (message: SlackMessage) => {
    if (progressTs) await client.chat.delete({ channel, ts: progressTs }).catch(() => undefined);
    await postEphemeral(
      client,
      { channel, ...(threadTs ? { threadTs } : {}) },
      shared.userId,
      message,
    );
  };
  try {
    const info = await fileInfo(client, shared.fileId, channel);
    if (!info || !looksLikeSpreadsheetName(info.name)) return;
    // Once per share (src/slack/exactly-once/file-claim.ts): a second announcement stops here.
    const share = shareTsOf(shared, info.shares ?? []);
    if (!(await claimFileShare(deps, shared, share, attempt))) return;
    threadTs ??= share ?? info.threadTs;
    if (info.size > deps.files.maxBytes) {
      await tellUploader(tooLargeMessage(info, deps.files.maxBytes));
      return;
    }
    if (!info.url) {
      logger.warn(`dealdesk: file ${shared.fileId} has no download URL`);
      return;
    }
    const where = { channel, ...(threadTs ? { threadTs } : {}) };
    const scope = { teamId: shared.teamId, channelId: channel };
    if (deps.jobs) {
      // Acknowledged already; the analysis runs on whichever replica takes the job.
      progressTs = await postMessage(client, where, renderNotice(queuedText(info.name)));
      if (!progressTs) throw new Error("chat.postMessage returned no ts for the progress message");
      const deal = await deps.deals.get(scope);
      await deps.jobs.send(
        ANALYSE_UPLOAD_JOB,
        encodeAnalyseUploadJob({
          scope,
          fileId: shared.fileId,
          userId: shared.userId,
          ...(threadTs ? { threadTs } : {}),
          progressTs,
          ...(deal ? { deal } : {}),
        }),
        ANALYSE_UPLOAD_SEND_OPTIONS,
      );
      return;
    }
    progressTs = await postMessage(client, where, renderNotice(`Reading ${info.name} …`));
    const fetched = await fetchCheckedFile(shared.fileId, { ...info, url: info.url }, deps);
    if (!fetched.ok) {
      await tellUploader(fetched.message);
      return;
    }
    deps.memory.noteChannel(shared.userId, scope);
    await analyseInPlace(
      {
        fileId: shared.fileId,
        name: info.name,
        bytes: fetched.bytes,
        userId: shared.userId,
        scope,
        where,
        ...(progressTs ? { progressTs } : {}),
      },
      deps,
      client,
    );
  } catch (error) {
    logFailure(logger, `analysing file ${shared.fileId}`, error);
    await tellUploader(failureMessage(error)).catch((e) =>
      logFailure(logger, "reporting a failure", e),
    );
  }
}

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
    await deps.analyseUpload({ name: a.name, bytes: a.bytes }, ctx, progress),
    ctx,
  );
  // Given back at shutdown: the job runs again elsewhere, and that run answers.
  if (a.once?.signal?.aborted) return;
  if (!outcome.ok) {
    await client.chat.delete({ channel: a.where.channel, ts: progressTs }).catch(() => undefined);
    await postEphemeral(client, a.where, a.userId, renderErrorBlocks(outcome));
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
