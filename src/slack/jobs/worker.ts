/**
 * The `analyse-upload` worker, run by every replica that works jobs (and by the in-process queue
 * on PGlite): it reads the file's info and bytes from Slack with the bot token (files.info, then
 * the allow-listed download), analyses them, updates the progress message the receiving replica
 * posted, delivers the result in the file's thread and saves it — as the inline path does.
 *
 * It never throws: every failure is told to the uploader in one ephemeral line and logged by ids
 * only, and the job completes, so the queue retries only runs that were lost (a replica died, or
 * gave the job back at shutdown). A second run is safe: see answer-once.ts. A run given back at
 * shutdown tells nobody anything; the run that replaces it answers.
 */
import type { webApi } from "@slack/bolt";
import type { JobContext } from "../../store/jobs.js";
import { renderNotice, type SlackMessage } from "../blocks/reply-blocks.js";
import { chatContext, contextFor } from "../deal-context.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { postEphemeral, slackErrorCode, updateMessage } from "../send/post.js";
import { analyseInPlace } from "../uploads/analyse-in-place.js";
import { fetchCheckedFile, tooLargeMessage } from "../uploads/fetch-checked.js";
import { fileInfo } from "../uploads/file-info.js";
import { answeredBefore, answerKey } from "./answer-once.js";
import { type AnalyseUploadJob, decodeAnalyseUploadJob } from "./payload.js";

type WebClient = webApi.WebClient;

/** files.info's errors for a file deleted (or unshared) between the share and the job. */
const FILE_GONE = new Set(["file_not_found", "file_deleted"]);

/** The one line the uploader gets when a job fails inside dealdesk. */
export function jobFailedText(name: string | undefined): string {
  return `:warning: I couldn't finish analysing ${name ?? "your file"} because something went wrong inside dealdesk (the details are in its log); share the file again to retry.`;
}

/** The one line the uploader gets when the shared file can no longer be read from Slack. */
export function fileGoneText(): string {
  return ":warning: I couldn't read your file from Slack any more (was it deleted?); share it again to have it analysed.";
}

function jobRef(job: AnalyseUploadJob): string {
  return `file ${job.fileId} in ${job.scope.teamId}/${job.scope.channelId}`;
}

export function analyseUploadWorker(deps: SlackDeps, client: WebClient) {
  const { logger } = deps;
  return async (data: unknown, run?: JobContext): Promise<void> => {
    const job = decodeAnalyseUploadJob(data);
    if (!job) {
      // Nobody to tell: without a valid payload there is no channel or user to trust.
      logger.error("dealdesk: dropped an analyse-upload job whose payload is not valid");
      return;
    }
    const channel = job.scope.channelId;
    const where = { channel, ...(job.threadTs ? { threadTs: job.threadTs } : {}) };
    const signal = run?.signal;
    let resultPosted = false;
    let name: string | undefined;
    const tellUploader = async (message: SlackMessage) => {
      if (signal?.aborted) return;
      // The progress message goes; a posted result stays (its files may be what failed).
      if (!resultPosted)
        await client.chat.delete({ channel, ts: job.progressTs }).catch(() => undefined);
      await postEphemeral(client, where, job.userId, message);
    };
    const key = answerKey(job.fileId, job.progressTs);
    try {
      const quiet = await answeredBefore(deps, job.scope, key);
      const info = await fileInfo(client, job.fileId, channel).catch((error: unknown) => {
        if (FILE_GONE.has(slackErrorCode(error) ?? "")) return undefined;
        throw error;
      });
      if (!info?.url) {
        await tellUploader(renderNotice(fileGoneText()));
        return;
      }
      name = info.name;
      if (info.size > deps.files.maxBytes) {
        await tellUploader(tooLargeMessage(info, deps.files.maxBytes));
        return;
      }
      if (!quiet)
        await updateMessage(
          client,
          channel,
          job.progressTs,
          renderNotice(`Reading ${info.name} …`),
        );
      const fetched = await fetchCheckedFile(job.fileId, { ...info, url: info.url }, deps);
      if (!fetched.ok) {
        await tellUploader(fetched.message);
        return;
      }
      deps.memory.noteChannel(job.userId, job.scope);
      // The deal as it was when the file was shared, carried in the job.
      const base = contextFor(deps.baseContext, job.deal);
      const ctx: SlackCommandContext = {
        ...chatContext(base),
        scope: job.scope,
        userId: job.userId,
        ...(job.deal ? { deal: job.deal } : {}),
      };
      await analyseInPlace(
        {
          fileId: job.fileId,
          name: info.name,
          bytes: fetched.bytes,
          userId: job.userId,
          scope: job.scope,
          where,
          progressTs: job.progressTs,
          ctx,
          onResultPosted: () => {
            resultPosted = true;
          },
          once: { key, quiet, ...(signal ? { signal } : {}) },
        },
        deps,
        client,
      );
    } catch (error) {
      if (signal?.aborted) {
        // Given back at shutdown (the store may be closing under it): the next run answers.
        logger.warn(`dealdesk: analyse-upload job for ${jobRef(job)} was given back at shutdown`);
        return;
      }
      logFailure(logger, `analyse-upload job for ${jobRef(job)}`, error);
      await tellUploader(renderNotice(jobFailedText(name))).catch((e: unknown) =>
        logFailure(logger, `telling the uploader of ${jobRef(job)}`, e),
      );
    }
  };
}
