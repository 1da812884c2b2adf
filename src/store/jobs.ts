/**
 * Background jobs (long analyses). On a PostgreSQL server they go through pg-boss, a queue kept in
 * the same database, so any replica can pick up a job another replica enqueued. On embedded PGlite
 * they go through a queue table in PGlite itself (embedded-queue.ts), so a job survives a restart.
 *
 * Jobs run at least once (job-queue.ts): pg-boss runs a job again when its run was given back at
 * shutdown, or when its replica died and the run expired (`expireInSeconds`, noticed by pg-boss's
 * maintenance on any replica), as often as its `retryLimit` allows.
 */
import PgBoss from "pg-boss";
import type { Db } from "./db.js";
import { openEmbeddedQueue } from "./embedded-queue.js";
import {
  checkJobName,
  DEFAULT_GRACE_MS,
  type JobData,
  type JobHandler,
  type JobQueue,
  type QueueLogger,
  silentQueueLogger,
} from "./job-queue.js";
import type { StoreConfig } from "./open-db.js";
import { RunningJobs, whenAborted } from "./running-jobs.js";
import { isStorageUnavailable } from "./unavailable.js";

export type {
  JobContext,
  JobData,
  JobHandler,
  JobQueue,
  QueueLogger,
  SendOptions,
  StopOptions,
} from "./job-queue.js";

/** SQLSTATE deadlock_detected, and how often creating a queue is tried when it is the victim. */
const DEADLOCK = "40P01";
const CREATE_ATTEMPTS = 5;

/** Tries of one send: one per pooled connection (`max` below) that may be stale, and one more. */
const SEND_ATTEMPTS = 5;

export interface PgBossQueueOptions {
  /** Secret: may hold a password. */
  readonly connectionString: string;
  /** pg-boss's own schema (its tables live apart from dealdesk's). Default `dealdesk_jobs`. */
  readonly schema?: string;
  /** How often an idle worker looks for new jobs. pg-boss's minimum is 0.5 s; default 2 s. */
  readonly pollingIntervalSeconds?: number;
  /** How often some replica fails expired runs so they run again (pg-boss: 120 s; min 1 s). */
  readonly maintenanceIntervalSeconds?: number;
  /** The connections' application_name (default `dealdesk-jobs`). */
  readonly applicationName?: string;
  /** Where pg-boss's background errors go (lost connections, maintenance), redacted. */
  readonly logger?: QueueLogger;
}

export const DEFAULT_JOBS_SCHEMA = "dealdesk_jobs";

/** Time left, after the grace period, to record the jobs given back and close the pool. */
const RELEASE_MS = 2_000;

/**
 * One line for the log from a pg-boss or pg error: its code and first line, with the connection
 * string, its password and any URL taken out (a driver may echo them).
 */
export function describeQueueError(error: unknown, connectionString: string): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
  };
  let text = (typeof e.message === "string" ? e.message : String(error)).split("\n")[0] ?? "";
  const secrets = [connectionString];
  try {
    const password = new URL(connectionString).password;
    if (password !== "") secrets.push(password, decodeURIComponent(password));
  } catch {
    // Not a URL (key=value form): the whole string is taken out below.
  }
  for (const secret of secrets) if (secret !== "") text = text.split(secret).join("[secret]");
  text = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]").slice(0, 300);
  return typeof e.code === "string" && /^[A-Z0-9_]{1,20}$/.test(e.code)
    ? `${text} (${e.code})`
    : text;
}

/**
 * Starts pg-boss. Its start-up creates or upgrades its schema under its own advisory lock, so
 * several replicas may start at once. A database that goes away later is not fatal: pg-boss's
 * errors are logged, its workers keep polling, and the pool reconnects when the database is back.
 */
export async function openPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const polling = options.pollingIntervalSeconds ?? 2;
  const logger = options.logger ?? silentQueueLogger;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? DEFAULT_JOBS_SCHEMA,
    application_name: options.applicationName ?? "dealdesk-jobs",
    max: 4,
    ...(options.maintenanceIntervalSeconds === undefined
      ? {}
      : { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
  });
  // Without a listener Node would crash the replica on the first lost connection.
  boss.on("error", (error: unknown) => {
    logger.error(
      `dealdesk: the job queue reported an error: ${describeQueueError(error, options.connectionString)}`,
    );
  });
  await boss.start();
  const created = new Set<string>();
  const worked = new Set<string>();
  const running = new RunningJobs();
  let stopping: Promise<void> | undefined;
  const ensureQueue = async (name: string) => {
    checkJobName(name);
    if (created.has(name)) return;
    // Idempotent (ON CONFLICT DO NOTHING inside pg-boss), but two replicas starting at once on a
    // new database can deadlock creating the same queue: PostgreSQL aborts one, which tries again
    // once the other has committed (then the queue exists and nothing is left to do).
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name);
        break;
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS || (error as { code?: unknown }).code !== DEADLOCK)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
    created.add(name);
  };
  const stop = async (graceMs: number) => {
    // No new jobs from here; pg-boss's send still works until the pool closes below.
    await Promise.all([...worked].map((name) => boss.offWork(name)));
    const givenBack = await running.drain(Math.max(0, graceMs - RELEASE_MS));
    for (const job of givenBack) {
      // Failed with retries left = queued again at once; pg-boss fails it too (harmless twice).
      await boss.fail(job.name, job.id, { givenBack: true }).catch((error: unknown) => {
        logger.warn(
          `dealdesk: could not give back job ${job.id}; it runs again when it expires (${describeQueueError(error, options.connectionString)})`,
        );
      });
    }
    if (givenBack.length > 0)
      logger.warn(`dealdesk: gave back ${givenBack.length} running job(s) at shutdown`);
    await boss.stop({ graceful: true, wait: true, timeout: 1_000 });
  };
  return {
    kind: "pg-boss",
    async work(name, handler) {
      await ensureQueue(name);
      worked.add(name);
      await boss.work<JobData>(
        name,
        { pollingIntervalSeconds: polling, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            const signal = running.start(job.id, name);
            try {
              // Given back at shutdown: this run ends now (pg-boss fails it, so it runs again);
              // the handler itself may still be finishing its step and sees `signal.aborted`.
              await Promise.race([
                (handler as JobHandler<JobData>)(job.data, { id: job.id, signal }),
                whenAborted(signal),
              ]);
            } finally {
              running.finish(job.id);
            }
          }
        },
      );
    },
    async send(name, data, options = {}) {
      const sendOnce = async () => {
        await ensureQueue(name);
        return boss.send(
          name,
          { ...data },
          {
            ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
            ...(options.expireInSeconds === undefined
              ? {}
              : { expireInSeconds: options.expireInSeconds }),
          },
        );
      };
      // After a database restart the pool may still hold connections the server dropped: a
      // statement on one fails and the pool discards it. A few more tries reach a new one; a
      // database that is really down fails them all just as quickly.
      let id: string | null = null;
      for (let attempt = 1; ; attempt++) {
        try {
          id = await sendOnce();
          break;
        } catch (error) {
          if (attempt >= SEND_ATTEMPTS || !isStorageUnavailable(error)) throw error;
        }
      }
      if (id === null) throw new Error(`the job queue refused a ${name} job`);
      return id;
    },
    async everyMinute(name) {
      await ensureQueue(name);
      // Idempotent: every replica registers the same schedule; pg-boss's cron sends one job a
      // minute between them (its own singleton per minute).
      await boss.schedule(name, "* * * * *");
    },
    stop(options = {}) {
      stopping ??= stop(options.graceMs ?? DEFAULT_GRACE_MS);
      return stopping;
    },
  };
}

/**
 * Jobs in this process's memory, one at a time in the order sent, for tests that need no
 * database. A job sent before its handler is registered waits for it. A failed job is reported
 * to `onError`, never retried; nothing survives the process. `stop` lets the jobs already sent run.
 */
export function inProcessQueue(
  onError: (name: string, error: unknown) => void = () => {},
): JobQueue {
  const handlers = new Map<string, JobHandler<JobData>>();
  const waiting: { id: string; name: string; data: JobData }[] = [];
  const running = new RunningJobs();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let nextId = 1;

  const run = async (job: { id: string; name: string; data: JobData }) => {
    const handler = handlers.get(job.name);
    if (handler === undefined) return;
    const signal = running.start(job.id, job.name);
    try {
      await Promise.race([handler(job.data, { id: job.id, signal }), whenAborted(signal)]);
    } catch (error) {
      if (!signal.aborted) onError(job.name, error);
    } finally {
      running.finish(job.id);
    }
  };

  const pump = () => {
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i];
      if (job === undefined || !handlers.has(job.name)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      chain = chain.then(() => run(job));
    }
  };

  return {
    kind: "in-process",
    async work(name, handler) {
      checkJobName(name);
      handlers.set(name, handler as JobHandler<JobData>);
      pump();
    },
    async send(name, data) {
      checkJobName(name);
      if (stopped) throw new Error("the job queue is stopped");
      const id = String(nextId++);
      waiting.push({ id, name, data });
      pump();
      return id;
    },
    async stop(options = {}) {
      // Jobs already sent still run (tests rely on it), within the grace period.
      stopped = true;
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([
        chain.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), options.graceMs ?? DEFAULT_GRACE_MS);
        }),
      ]);
      clearTimeout(timer);
      if (late) await running.drain(0);
    },
  };
}

export interface OpenJobQueueOptions extends Omit<PgBossQueueOptions, "connectionString"> {
  /** The store's database: embedded PGlite keeps its queue there (required without a server). */
  readonly db?: Db;
}

/** pg-boss when the store is a PostgreSQL server, the PGlite queue table on embedded PGlite. */
export async function openJobQueue(
  config: StoreConfig,
  options: OpenJobQueueOptions = {},
): Promise<JobQueue> {
  const { db, ...boss } = options;
  if (config.databaseUrl !== undefined)
    return openPgBossQueue({ ...boss, connectionString: config.databaseUrl });
  if (db === undefined) throw new Error("the embedded job queue needs the store's database");
  return openEmbeddedQueue(db, boss.logger ? { logger: boss.logger } : {});
}
