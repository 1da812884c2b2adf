/**
 * The job queue's contract, shared by its three implementations: pg-boss on a PostgreSQL server
 * (jobs.ts), the embedded queue kept in PGlite (embedded-queue.ts) and the in-memory one for tests
 * (jobs.ts). Jobs run at least once: a job whose replica dies or gives it back at shutdown runs
 * again, so a handler must be safe to run twice (the analyse-upload worker claims its answer).
 *
 * Job data is ids and settings (team, channel, upload id), never personal data: it sits in a queue
 * table and may be logged on failure.
 */

export type JobData = Readonly<Record<string, string | number | boolean | null>>;

export interface JobContext {
  /** The queue's id for this job (the same on every run of it). */
  readonly id: string;
  /**
   * Aborted when this instance gives the job back at shutdown: it runs again elsewhere (or after
   * a restart), so the handler should stop at its next step and tell nobody anything.
   */
  readonly signal: AbortSignal;
}

export type JobHandler<T extends JobData> = (data: T, job: JobContext) => Promise<void>;

export interface SendOptions {
  /**
   * How many times a job is run again after a failed (thrown, expired or given back) run;
   * pg-boss's default is 2. The in-memory queue never retries.
   */
  readonly retryLimit?: number;
  /**
   * pg-boss: how long a run may last before the job counts as lost (its replica died) and is run
   * again; default 15 minutes. The embedded queue needs none: one process, so a job left running
   * by a kill is simply run again at the next start.
   */
  readonly expireInSeconds?: number;
}

export interface StopOptions {
  /** How long running jobs get to finish before they are given back (default 25 s). */
  readonly graceMs?: number;
}

export const DEFAULT_GRACE_MS = 25_000;

export interface JobQueue {
  readonly kind: "pg-boss" | "embedded" | "in-process";
  /** Runs jobs of this name on this instance with `handler` (one handler per name). */
  work<T extends JobData>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Enqueues a job and returns its id; it runs on whichever instance works that name. */
  send(name: string, data: JobData, options?: SendOptions): Promise<string>;
  /**
   * Sends a job of this name (with no data) once a minute, for whichever instance works it
   * (renewal reminders' due sweep). pg-boss: its cron schedule, kept in the database, so the
   * replicas between them get one job a minute; embedded: a timer in this process that queues
   * one unless one is already waiting. The in-memory queue has none.
   */
  everyMinute?(name: string): Promise<void>;
  /**
   * Stops taking jobs, lets running ones finish within the grace period and gives back the rest
   * (they run again on another instance or after a restart). Resolves within the grace period
   * plus a moment; the store the handlers use may be closed after it.
   */
  stop(options?: StopOptions): Promise<void>;
}

/** Where a queue reports what goes wrong in the background (Bolt's Logger fits). */
export interface QueueLogger {
  warn(message: string): void;
  error(message: string): void;
}

export const silentQueueLogger: QueueLogger = { warn() {}, error() {} };

const JOB_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function checkJobName(name: string): void {
  if (!JOB_NAME.test(name)) throw new RangeError("job names are lower-case words joined by -");
}
