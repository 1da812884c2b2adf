/**
 * A CSV or XLSX shared where the bot is: claimed once per channel and share, checked by its info,
 * then analysed in the file's thread (analyse-in-place.ts). Problems go to the uploader alone.
 * With a job queue the receiving replica only checks the file's info, posts the progress message
 * and enqueues an `analyse-upload` job; src/slack/jobs/worker.ts does the rest on any replica.
 */
import type { webApi } from "@slack/bolt";
import { renderNotice, type SlackMessage } from "../blocks/reply-blocks.js";
import type { SlackDeps } from "../deps.js";
import { Attempt } from "../exactly-once/attempt.js";
import { claimFileShare, type FileShare, shareTsOf } from "../exactly-once/file-claim.js";
import {
  ANALYSE_UPLOAD_JOB,
  ANALYSE_UPLOAD_SEND_OPTIONS,
  encodeAnalyseUploadJob,
} from "../jobs/payload.js";
import { logFailure } from "../log-failure.js";
import { failureMessage } from "../send/failure-message.js";
import { postEphemeral, postMessage } from "../send/post.js";
import { looksLikeSpreadsheetName } from "./accept-spreadsheet.js";
import { analyseInPlace } from "./analyse-in-place.js";
import { fetchCheckedFile, tooLargeMessage } from "./fetch-checked.js";
import { fileInfo } from "./file-info.js";

type WebClient = webApi.WebClient;

export interface SharedFile extends FileShare {
  readonly userId: string;
  /** The file message's thread, when the event said; otherwise read from the file's shares. */
  readonly threadTs?: string;
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
