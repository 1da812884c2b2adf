/**
 * How many analysis threads: DEALDESK_ANALYSIS_THREADS, else one per core but one, which is left
 * to the receiver (and at least one, so a 1-core machine still analyses off the receiver's thread).
 */
import { availableParallelism } from "node:os";
import { wholeNumberFromEnv } from "../env-number.js";

export const THREADS_VARIABLE = "DEALDESK_ANALYSIS_THREADS";
const MAX_THREADS = 64;

export type ThreadCount =
  | { readonly ok: true; readonly threads: number }
  | { readonly ok: false; readonly message: string };

export function analysisThreadCount(
  env: Readonly<Record<string, string | undefined>>,
  parallelism: number = availableParallelism(),
): ThreadCount {
  const read = wholeNumberFromEnv(env, THREADS_VARIABLE, {
    unit: "threads",
    min: 1,
    max: MAX_THREADS,
    fallback: Math.max(1, parallelism - 1),
  });
  return read.ok ? { ok: true, threads: read.value } : read;
}
