/**
 * Taking and giving back claims: in the store when there is one (so replicas sharing the
 * database act once between them), else in this process's memory. A store that fails or takes
 * longer than CLAIM_WAIT_MS is not waited for: the claim is taken in memory instead, so the
 * request is still acknowledged in time and answered (once per replica at worst), and the
 * fallback is logged.
 */
import type { Logger } from "@slack/bolt";
import type { ClaimRepository } from "../../store/claims.js";
import type { Scope } from "../../store/scope.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import type { Attempt } from "./attempt.js";

/** Slack retries an event three times within about five minutes; an hour covers it well. */
export const DELIVERY_HOLD_MS = 60 * 60 * 1000;
/** A file share announced twice (file_shared, the DM's message, their retries): also an hour. */
export const FILE_HOLD_MS = 60 * 60 * 1000;
/** Slash commands must be acknowledged within 3 s, and the claim is taken before that. */
export const CLAIM_WAIT_MS = 1000;

export type ClaimDeps = Pick<SlackDeps, "store" | "memory" | "logger" | "now">;

class TooSlow extends Error {
  override readonly name = "TooSlow";
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TooSlow(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Takes `key` in `scope` for `holdForMs`; true when this call took it, so the caller acts. The
 * claim is noted on the attempt, which gives it back if acting fails before anything is sent.
 */
export async function claimOnce(
  deps: ClaimDeps,
  scope: Scope,
  key: string,
  holdForMs: number,
  attempt: Attempt,
): Promise<boolean> {
  const options = { now: deps.now(), holdForMs };
  let from: ClaimRepository = deps.store?.claims ?? deps.memory.claims;
  let taken: boolean;
  try {
    taken = await bounded(from.take(scope, key, options), CLAIM_WAIT_MS);
  } catch (error) {
    if (from === deps.memory.claims) throw error;
    if (error instanceof TooSlow) {
      // Busy rather than broken (embedded PGlite saving a large upload holds it for seconds).
      deps.logger.warn(
        `dealdesk: claiming ${key} in the store took over ${CLAIM_WAIT_MS} ms (claimed in this process instead)`,
      );
    } else {
      logFailure(
        deps.logger,
        `claiming ${key} in the store (claimed in this process instead)`,
        error,
      );
    }
    from = deps.memory.claims;
    taken = await from.take(scope, key, options);
  }
  if (taken) attempt.hold({ scope, key, from });
  return taken;
}

/** Gives back every claim the attempt took; a failure to is logged (the claim then expires). */
export async function releaseClaims(attempt: Attempt, logger: Logger): Promise<void> {
  for (const claim of attempt.claims()) {
    try {
      await claim.from.release(claim.scope, claim.key);
      // Debug: the failure itself was logged where it happened.
      logger.debug(`dealdesk: released ${claim.key} (nothing reached Slack), so a retry can act`);
    } catch (error) {
      logFailure(logger, `releasing ${claim.key}`, error);
    }
  }
}
