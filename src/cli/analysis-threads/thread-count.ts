/**
 * How many analysis threads: DEALDESK_ANALYSIS_THREADS, else one per core but one, which is left
 * to the receiver (and at least one, so a 1-core machine still analyses off the receiver's thread).
 */
import { availableParallelism } from "node:os";

export const THREADS_VARIABLE = "DEALDESK_ANALYSIS_THREADS";
const MAX_THREADS = 64;

export type ThreadCount =
  | { readonly ok: true; readonly threads: number }
  | { readonly ok: false; readonly message: string };

export function analysisThreadCount(
  env: Readonly<Record<string, string | undefined>>,
  parallelism: number = availableParallelism(),
): ThreadCount {
  const text = env[THREADS_VARIABLE]?.trim();
  if (text === undefined || text === "") {
    return { ok: true, threads: Math.max(1, parallelism - 1) };
  }
  const threads = Number(text);
  if (!/^\d+$/.test(text) || threads < 1 || threads > MAX_THREADS) {
    return {
      ok: false,
      message: `${THREADS_VARIABLE} must be a whole number of threads from 1 to ${MAX_THREADS} (got "${text}")`,
    };
  }
  return { ok: true, threads };
}
