/**
 * When due reminders are looked for: once a minute. With a job queue (start.ts) the minute comes
 * from the queue — pg-boss's cron schedule on PostgreSQL (one sweep a minute between all
 * replicas), a timer queueing into the embedded queue on PGlite; without one, from this timer.
 *
 * Why a periodic sweep and not a pg-boss job per reminder (send with startAfter): what makes a
 * reminder post once is the claim in the reminders table (post-due.ts), not the queue, and a job
 * per reminder would be a second record of what is due — one to cancel when reminders are turned
 * off or a date moves — judged by the database's clock, which a test cannot fake. The sweep asks
 * the table with the injected clock; it is one indexed query (reminders_due_idx). Sweeps never
 * overlap on one replica, and two replicas sweeping at once still post each reminder once.
 */
import type { Logger } from "@slack/bolt";
import { logFailure } from "../log-failure.js";

export const REMINDER_SWEEP_MS = 60_000;
/** The job the queue sends once a minute; its handler sweeps (no data). */
export const REMINDER_SWEEP_JOB = "post-due-reminders";

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
