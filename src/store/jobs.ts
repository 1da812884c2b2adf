/**
 * Background jobs (long analyses). On a PostgreSQL server they go through pg-boss, a queue kept in
 * the same database, so any replica can pick up a job another replica enqueued and each job runs
 * once. On embedded PGlite (one process) they simply run in-process, in order.
 *
 * Job data is ids and settings (team, channel, upload id), never personal data: it sits in the
 * queue table and pg-boss may log it on failure.
 */
import PgBoss from "pg-boss";
import type { StoreConfig } from "./open-db.js";

export type JobData = Readonly<Record<string, string | number | boolean | null>>;
export type JobHandler<T extends JobData> = (data: T) => Promise<void>;

export interface SendOptions {
  /**
   * How many times pg-boss runs a failed (thrown or expired) job again; pg-boss's default is 2.
   * In-process jobs are never retried.
   */
  readonly retryLimit?: number;
}

export interface JobQueue {
  readonly kind: "pg-boss" | "in-process";
  /** Runs jobs of this name on this instance with `handler` (one handler per name). */
  work<T extends JobData>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Enqueues a job and returns its id; it runs once, on whichever instance works that name. */
  send(name: string, data: JobData, options?: SendOptions): Promise<string>;
  /** Stops taking jobs and waits for running ones to finish. */
  stop(): Promise<void>;
}

const JOB_NAME = /^[a-z][a-z0-9-]{0,62}$/;

function checkName(name: string): void {
  if (!JOB_NAME.test(name)) throw new RangeError("job names are lower-case words joined by -");
}

export interface PgBossQueueOptions {
  /** Secret: may hold a password. */
  readonly connectionString: string;
  /** pg-boss's own schema (its tables live apart from dealdesk's). Default `dealdesk_jobs`. */
  readonly schema?: string;
  /** How often an idle worker looks for new jobs. pg-boss's minimum is 0.5 s; default 2 s. */
  readonly pollingIntervalSeconds?: number;
}

export const DEFAULT_JOBS_SCHEMA = "dealdesk_jobs";

/**
 * Starts pg-boss. Its start-up creates or upgrades its schema under its own advisory lock, so
 * several replicas may start at once.
 */
export async function openPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const polling = options.pollingIntervalSeconds ?? 2;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? DEFAULT_JOBS_SCHEMA,
    application_name: "dealdesk-jobs",
    max: 4,
  });
  // pg-boss reports background errors (maintenance, lost connections) as events; without a
  // listener Node would crash the replica. They are not logged: messages can echo connection data.
  boss.on("error", () => {});
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    checkName(name);
    if (created.has(name)) return;
    await boss.createQueue(name); // idempotent: ON CONFLICT DO NOTHING inside pg-boss
    created.add(name);
  };
  return {
    kind: "pg-boss",
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<JobData>(name, { pollingIntervalSeconds: polling }, async (jobs) => {
        for (const job of jobs) await handler(job.data as Parameters<typeof handler>[0]);
      });
    },
    async send(name, data, options = {}) {
      await ensureQueue(name);
      const id = await boss.send(
        name,
        { ...data },
        options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit },
      );
      if (id === null) throw new Error(`the job queue refused a ${name} job`);
      return id;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * The embedded default: jobs run in this process, one at a time in the order sent. A job sent
 * before its handler is registered waits for it. A failed job is reported to `onError`, never
 * retried.
 */
export function inProcessQueue(
  onError: (name: string, error: unknown) => void = () => {},
): JobQueue {
  const handlers = new Map<string, JobHandler<JobData>>();
  const waiting: { name: string; data: JobData }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let nextId = 1;

  const pump = () => {
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i];
      const handler = job === undefined ? undefined : handlers.get(job.name);
      if (job === undefined || handler === undefined) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      chain = chain
        .then(() => handler(job.data))
        .catch((error: unknown) => onError(job.name, error));
    }
  };

  return {
    kind: "in-process",
    async work(name, handler) {
      checkName(name);
      handlers.set(name, handler as JobHandler<JobData>);
      pump();
    },
    async send(name, data) {
      checkName(name);
      if (stopped) throw new Error("the job queue is stopped");
      waiting.push({ name, data });
      pump();
      return String(nextId++);
    },
    async stop() {
      stopped = true;
      await chain;
    },
  };
}

/** pg-boss when the store is a PostgreSQL server, in-process jobs on embedded PGlite. */
export async function openJobQueue(
  config: StoreConfig,
  options: Omit<PgBossQueueOptions, "connectionString"> = {},
): Promise<JobQueue> {
  if (config.databaseUrl === undefined) return inProcessQueue();
  return openPgBossQueue({ ...options, connectionString: config.databaseUrl });
}
