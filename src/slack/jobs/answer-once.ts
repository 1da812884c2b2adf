/**
 * A queued analysis runs at least once (src/store/job-queue.ts), so its answer is made idempotent
 * here. What holds when a job runs twice (a replica died, or gave the job back at shutdown):
 *
 * - The result goes to ONE Slack message: the progress message posted when the file was shared,
 *   replaced with chat.update on its ts. A second run replaces it again with the same result; it
 *   never posts a new message.
 * - The stored upload and analysis, and the attached files (CSVs, charts), come from the run that
 *   first takes the claim `answer:<file>:<progress ts>` (held for a week), just before it saves:
 *   at most once. A later run finds the claim held, saves and attaches nothing, and points the
 *   result's buttons at the stored upload of the same bytes.
 * - Not guaranteed: if a replica dies after taking the claim and before its save finishes (a few
 *   milliseconds), the re-run still posts the result but nothing is stored and no files attach.
 *   A failure (a bad file) is told to the uploader by each run that reaches it, so twice only when
 *   a replica died right after telling them.
 */
import { createHash } from "node:crypto";
import type { Scope } from "../../store/scope.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";

/** Longer than any retry of a job can come (pg-boss keeps a job's retries within hours). */
export const ANSWER_HOLD_MS = 7 * 24 * 60 * 60 * 1000;

/** The claim a job's answer is saved under: the file and the progress message it replaces. */
export function answerKey(fileId: string, progressTs: string): string {
  return `answer:${fileId}:${progressTs}`;
}

/** Whether an earlier run of the job already reached its answer (then this run stays quiet). */
export async function answeredBefore(deps: SlackDeps, scope: Scope, key: string): Promise<boolean> {
  if (!deps.store) return false;
  return deps.store.claims.held(scope, key, deps.now()).catch((error: unknown) => {
    logFailure(deps.logger, `reading the claim ${key}`, error);
    return false;
  });
}

/**
 * True when this run is the first to answer: it saves and attaches. Without a store, or when the
 * store can't be read, it answers as the first (a duplicate save is better than no answer).
 */
export async function claimAnswer(deps: SlackDeps, scope: Scope, key: string): Promise<boolean> {
  if (!deps.store) return true;
  return deps.store.claims
    .take(scope, key, { now: deps.now(), holdForMs: ANSWER_HOLD_MS })
    .catch((error: unknown) => {
      logFailure(deps.logger, `taking the claim ${key}`, error);
      return true;
    });
}

/** The stored upload an earlier run saved for these bytes, for the result's buttons. */
export async function storedUploadOf(
  deps: SlackDeps,
  scope: Scope,
  bytes: Uint8Array,
): Promise<string | undefined> {
  if (!deps.store) return undefined;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const upload = await deps.store.uploads.findBySha256(scope, sha256).catch(() => undefined);
  return upload?.id;
}
