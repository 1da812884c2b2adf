/**
 * How long running analyses get at shutdown before they are given back to the queue:
 * DEALDESK_SHUTDOWN_GRACE_SECONDS, default 25 (orchestrators commonly kill 30 s after SIGTERM, so
 * set it a few seconds under yours).
 */
import { type EnvNumber, wholeNumberFromEnv } from "./env-number.js";

export const GRACE_VARIABLE = "DEALDESK_SHUTDOWN_GRACE_SECONDS";
export const DEFAULT_GRACE_SECONDS = 25;

export function shutdownGraceSeconds(env: Readonly<Record<string, string | undefined>>): EnvNumber {
  return wholeNumberFromEnv(env, GRACE_VARIABLE, {
    unit: "seconds",
    min: 0,
    max: 3600,
    fallback: DEFAULT_GRACE_SECONDS,
  });
}
