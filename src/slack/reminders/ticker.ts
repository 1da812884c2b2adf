/**
 * When due reminders are looked for: once a minute on every replica, on both engines.
 *
 * Why a timer and not pg-boss's schedule (or a pg-boss job per reminder with startAfter): what
 * makes a reminder post once is the claim in the reminders table (post-due.ts), not the queue.
 * pg-boss would only thin the sweeps from one per replica per minute to one per minute, and would
 * add a second record of what is due (a job to cancel when reminders are turned off or a date
 * moves) judged by the database's clock, which a test cannot fake. A sweep is one indexed query
 * (reminders_due_idx), so a timer per replica is the simplest thing that is never twice; and on
 * embedded PGlite, with one process, it is the same code. Sweeps never overlap on one replica.
 */
import type { Logger } from "@slack/bolt";
import { logFailure } from "../log-failure.js";

export const REMINDER_SWEEP_MS = 60_000;

export interface ReminderTicker {
  /** Sweeps now (after any sweep already running); resolves with how many it posted. */
  sweep(): Promise<number>;
  /** Stops the timer and waits for a running sweep. */
  stop(): Promise<void>;
}

export function startReminderTicker(
  sweepOnce: () => Promise<number>,
  logger: Logger,
  everyMs: number = REMINDER_SWEEP_MS,
): ReminderTicker {
  let chain: Promise<number> = Promise.resolve(0);
  const sweep = () => {
    chain = chain.catch(() => 0).then(sweepOnce);
    return chain;
  };
  const timer =
    everyMs > 0
      ? setInterval(() => {
          sweep().catch((error: unknown) => logFailure(logger, "the reminder sweep", error));
        }, everyMs)
      : undefined;
  timer?.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await chain.catch(() => 0);
    },
  };
}
