/**
 * The `analyse-upload` job: what a worker on any replica needs to analyse a shared file, and
 * nothing more. It holds Slack ids and timestamps plus the channel's deal rates at share time —
 * never the file's contents or name, nor anyone's name or e-mail: the payload sits in the queue
 * table (and pg-boss's archive) long after the answer, and pg-boss may log it on failure.
 */
import { z } from "zod";
import type { ChannelDeal } from "../../commands/deal/set.js";
import { money, parseCurrency } from "../../core/money.js";
import type { JobData, SendOptions } from "../../store/jobs.js";
import type { DealScope } from "../deal-context.js";

export const ANALYSE_UPLOAD_JOB = "analyse-upload";

/**
 * Runs again after a lost run (its replica died, or gave it back at shutdown): the answer is
 * idempotent (answer-once.ts), so a second run replaces the same message and saves nothing twice.
 * A worker that fails for a reason of its own tells the uploader and completes the job, so these
 * retries are spent only on lost runs.
 */
export const ANALYSE_UPLOAD_RETRY_LIMIT = 3;

/**
 * A run still going after this long is taken to be lost (its replica died) and the job runs again.
 * A 16 MB session log takes seconds; five minutes leaves room for a loaded machine.
 */
export const ANALYSE_UPLOAD_EXPIRE_SECONDS = 300;

export const ANALYSE_UPLOAD_SEND_OPTIONS: SendOptions = {
  retryLimit: ANALYSE_UPLOAD_RETRY_LIMIT,
  expireInSeconds: ANALYSE_UPLOAD_EXPIRE_SECONDS,
};

export interface AnalyseUploadJob {
  readonly scope: DealScope;
  readonly fileId: string;
  /** The uploader: errors go to them alone, and the saved analysis says who ran it. */
  readonly userId: string;
  /** The thread of the message that shared the file, when known. */
  readonly threadTs?: string;
  /** The progress message the receiving replica posted; the worker updates it in place. */
  readonly progressTs: string;
  /** The channel's deal when the file was shared; absent when the channel has none. */
  readonly deal?: ChannelDeal;
}

const SLACK_ID = z.string().regex(/^[A-Z0-9]{2,32}$/);
const SLACK_TS = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
const MINOR = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable();

/** The stored shape (flat, version 1). */
const payloadSchema = z.object({
  v: z.literal(1),
  teamId: SLACK_ID,
  channelId: SLACK_ID,
  fileId: SLACK_ID,
  userId: SLACK_ID,
  threadTs: SLACK_TS.nullable(),
  progressTs: SLACK_TS,
  dealVendor: z.string().min(1).max(200).nullable(),
  dealCurrency: z.string().nullable(),
  namedRateMinor: MINOR,
  concurrentRateMinor: MINOR,
});

export function encodeAnalyseUploadJob(job: AnalyseUploadJob): JobData {
  return {
    v: 1,
    teamId: job.scope.teamId,
    channelId: job.scope.channelId,
    fileId: job.fileId,
    userId: job.userId,
    threadTs: job.threadTs ?? null,
    progressTs: job.progressTs,
    dealVendor: job.deal?.vendor ?? null,
    dealCurrency: job.deal?.currency ?? null,
    namedRateMinor: job.deal?.namedRate?.minor ?? null,
    concurrentRateMinor: job.deal?.concurrentRate?.minor ?? null,
  };
}

/** Validates a payload read back from the queue (like any other input); undefined if unusable. */
export function decodeAnalyseUploadJob(data: unknown): AnalyseUploadJob | undefined {
  const parsed = payloadSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  let deal: ChannelDeal | undefined;
  if (p.dealVendor !== null && p.dealCurrency !== null) {
    const code = parseCurrency(p.dealCurrency);
    if (!code.ok) return undefined;
    deal = {
      vendor: p.dealVendor,
      currency: code.value,
      ...(p.namedRateMinor === null ? {} : { namedRate: money(p.namedRateMinor, code.value) }),
      ...(p.concurrentRateMinor === null
        ? {}
        : { concurrentRate: money(p.concurrentRateMinor, code.value) }),
    };
  }
  return {
    scope: { teamId: p.teamId, channelId: p.channelId },
    fileId: p.fileId,
    userId: p.userId,
    ...(p.threadTs === null ? {} : { threadTs: p.threadTs }),
    progressTs: p.progressTs,
    ...(deal ? { deal } : {}),
  };
}
