/**
 * The job queue on embedded PGlite: jobs are rows of `job_queue` (migration 0004) in the store's
 * own database, so a job sent before a crash or a restart runs after it. PGlite belongs to one
 * process, so there is one runner: jobs run one at a time, in the order sent. A job found `active`
 * at start was running when the process died; it is queued again (that run counts as an attempt,
 * so a job that kills the process every time is dropped after its retries).
 */
import type { Db } from "./db.js";
import {
  checkJobName,
  DEFAULT_GRACE_MS,
  type JobData,
  type JobHandler,
  type JobQueue,
  type QueueLogger,
  silentQueueLogger,
} from "./job-queue.js";
import { RunningJobs, whenAborted } from "./running-jobs.js";

interface QueuedJob {
  readonly id: string;
  readonly name: string;
  readonly data: JobData;
  readonly attempts: number;
  readonly retryLimit: number;
}

function isJobData(value: unknown): value is JobData {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJob(row: Readonly<Record<string, unknown>>): QueuedJob | undefined {
  const data: unknown = JSON.parse(String(row.data));
  if (!isJobData(data)) return undefined;
  return {
    id: String(row.id),
    name: String(row.name),
    data,
    attempts: Number(row.attempts),
    retryLimit: Number(row.retry_limit),
  };
}

export interface EmbeddedQueueOptions {
  readonly logger?: QueueLogger;
  /** How often `everyMinute` queues its job (default 60 s; tests shorten it). */
  readonly minuteMs?: number;
}

export async function openEmbeddedQueue(
  db: Db,
  options: EmbeddedQueueOptions = {},
): Promise<JobQueue> {
  const logger = options.logger ?? silentQueueLogger;
  const recovered = await db.query(
    "UPDATE job_queue SET state = 'queued' WHERE state = 'active' RETURNING id",
  );
  if (recovered.rowCount > 0)
    logger.warn(
      `dealdesk: ${recovered.rowCount} job(s) were running when dealdesk last stopped; they run again`,
    );
  const handlers = new Map<string, JobHandler<JobData>>();
  const running = new RunningJobs();
  let pumping: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const minuteJobs: string[] = [];

  const next = async (): Promise<QueuedJob | undefined> => {
    // One statement takes the oldest queued job this instance has a handler for.
    const r = await db.query(
      `UPDATE job_queue SET state = 'active', attempts = attempts + 1
       WHERE id = (SELECT id FROM job_queue
                   WHERE state = 'queued' AND name IN (SELECT jsonb_array_elements_text($1::jsonb))
                   ORDER BY id LIMIT 1)
       RETURNING id, name, data::text AS data, attempts, retry_limit`,
      [JSON.stringify([...handlers.keys()])],
    );
    const row = r.rows[0];
    return row === undefined ? undefined : readJob(row);
  };

  const runOne = async (job: QueuedJob, handler: JobHandler<JobData>) => {
    const signal = running.start(job.id, job.name);
    try {
      await Promise.race([handler(job.data, { id: job.id, signal }), whenAborted(signal)]);
      await db.query("DELETE FROM job_queue WHERE id = $1", [job.id]);
    } catch (error) {
      if (signal.aborted) return; // given back by stop(), which queued it again
      if (job.attempts <= job.retryLimit) {
        await db.query("UPDATE job_queue SET state = 'queued' WHERE id = $1", [job.id]);
        return;
      }
      await db.query("DELETE FROM job_queue WHERE id = $1", [job.id]);
      logger.error(
        `dealdesk: job ${job.name} ${job.id} failed after ${job.attempts} run(s) and was dropped (${error instanceof Error ? error.name : "error"})`,
      );
    } finally {
      running.finish(job.id);
    }
  };

  const giveBack = (id: string) =>
    // Given back, not failed: the run does not count against its retries.
    db.query("UPDATE job_queue SET state = 'queued', attempts = attempts - 1 WHERE id = $1", [id]);

  const pump = async () => {
    try {
      do {
        again = false;
        while (!stopped) {
          const job = await next();
          if (job === undefined) break;
          const handler = handlers.get(job.name);
          if (stopped || handler === undefined) {
            await giveBack(job.id);
            break;
          }
          await runOne(job, handler);
        }
      } while (again && !stopped);
    } catch (error) {
      // The database went away (closed or broken): the jobs stay in the table for the next start.
      logger.error(
        `dealdesk: the embedded job queue stopped running jobs (${error instanceof Error ? error.message.split("\n")[0] : "error"})`,
      );
    } finally {
      pumping = undefined;
    }
  };
  const kick = () => {
    if (stopped) return;
    if (pumping) again = true;
    else pumping = pump();
  };

  return {
    kind: "embedded",
    async work(name, handler) {
      checkJobName(name);
      handlers.set(name, handler as JobHandler<JobData>);
      kick();
    },
    async send(name, data, options = {}) {
      checkJobName(name);
      if (stopped) throw new Error("the job queue is stopped");
      const r = await db.query(
        "INSERT INTO job_queue (name, data, retry_limit) VALUES ($1, $2::jsonb, $3) RETURNING id",
        [name, JSON.stringify(data), options.retryLimit ?? 0],
      );
      kick();
      return String(r.rows[0]?.id);
    },
    async everyMinute(name) {
      checkJobName(name);
      const queueOne = async () => {
        if (stopped) return;
        // One waiting at a time: a sweep held up behind a long analysis is not queued twice.
        await db.query(
          `INSERT INTO job_queue (name, data) SELECT $1, '{}'::jsonb
           WHERE NOT EXISTS (SELECT 1 FROM job_queue WHERE name = $1 AND state = 'queued')`,
          [name],
        );
        kick();
      };
      const timer = setInterval(() => {
        queueOne().catch(() => logger.warn(`dealdesk: could not queue the ${name} job`));
      }, options.minuteMs ?? 60_000);
      timer.unref();
      timers.push(timer);
      minuteJobs.push(name);
    },
    async stop(options = {}) {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      const givenBack = await running.drain(options.graceMs ?? DEFAULT_GRACE_MS);
      for (const job of givenBack)
        await giveBack(job.id).catch(() =>
          logger.warn(`dealdesk: job ${job.id} runs again at the next start`),
        );
      // The runner ends at its next step; after this the database may be closed.
      await pumping;
      // A minute's job still waiting is not work to keep: the next start queues its own.
      if (minuteJobs.length > 0)
        await db
          .query(
            `DELETE FROM job_queue WHERE state = 'queued'
             AND name IN (SELECT jsonb_array_elements_text($1::jsonb))`,
            [JSON.stringify(minuteJobs)],
          )
          .catch(() => undefined);
      if (givenBack.length > 0)
        logger.warn(`dealdesk: gave back ${givenBack.length} running job(s) at shutdown`);
    },
  };
}
