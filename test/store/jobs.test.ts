/**
 * Jobs. In-process (the embedded default) always; on the server, two app instances sharing one
 * database: both start (dealdesk migrations + pg-boss's own schema) at once, and a job one
 * enqueues is done exactly once by the other. pg-boss gets a schema unique to this run, dropped
 * afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.js";
import {
  describeQueueError,
  inProcessQueue,
  type JobContext,
  type JobQueue,
  openJobQueue,
  openPgBossQueue,
} from "../../src/store/jobs.js";
import { migrate } from "../../src/store/migrate.js";
import { onServer, serverBackend, serverUrl, type TestDb, uniqueName } from "./backends.js";

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("in-process jobs (embedded PGlite)", () => {
  it("runs jobs in the order sent, including ones sent before the handler was registered", async () => {
    const queue = inProcessQueue();
    const done: string[] = [];
    await queue.send("analyse-upload", { uploadId: "u1" });
    await queue.work<{ uploadId: string }>("analyse-upload", async (data) => {
      done.push(data.uploadId);
    });
    await queue.send("analyse-upload", { uploadId: "u2" });
    await queue.stop();
    expect(done).toEqual(["u1", "u2"]);
  });

  it("reports a failed job and carries on with the next", async () => {
    const failures: string[] = [];
    const queue = inProcessQueue((name, error) => failures.push(`${name}: ${String(error)}`));
    const done: number[] = [];
    await queue.work<{ n: number }>("count", async ({ n }) => {
      if (n === 1) throw new Error("boom");
      done.push(n);
    });
    await queue.send("count", { n: 1 });
    await queue.send("count", { n: 2 });
    await queue.stop();
    expect(failures).toEqual(["count: Error: boom"]);
    expect(done).toEqual([2]);
    await expect(queue.send("count", { n: 3 })).rejects.toThrow("the job queue is stopped");
  });

  it("never retries a failed job, whatever retryLimit it was sent with", async () => {
    const queue = inProcessQueue();
    let runs = 0;
    await queue.work("flaky", async () => {
      runs++;
      throw new Error("boom");
    });
    await queue.send("flaky", {}, { retryLimit: 2 });
    await queue.stop();
    expect(runs).toBe(1);
  });

  it("without DATABASE_URL the queue is kept in the store's PGlite, so it needs the store's db", async () => {
    // (test/store/embedded-queue.test.ts opens it on a real PGlite.)
    await expect(openJobQueue({ dataDir: "./unused" })).rejects.toThrow(
      "the embedded job queue needs the store's database",
    );
  });

  it("refuses a job name that is not lower-case words joined by -", async () => {
    await expect(inProcessQueue().send("Analyse Upload", {})).rejects.toThrow(
      "job names are lower-case words joined by -",
    );
  });
});

describe("describeQueueError", () => {
  it("keeps the code and first line and takes out the connection string, its password and URLs", () => {
    const url = "postgres://dealdesk:s3cr%3Dt@db.internal:5432/prod";
    const error = Object.assign(
      new Error(`could not reach ${url} (password s3cr=t)\n    at Pool.connect`),
      { code: "ECONNREFUSED" },
    );
    const line = describeQueueError(error, url);
    expect(line).toBe("could not reach [secret] (password [secret]) (ECONNREFUSED)");
    expect(describeQueueError(new Error("see postgresql://x:y@h/db now"), "other")).toBe(
      "see [url] now",
    );
  });
});

/** Resolves when the returned function has been called `count` times. */
function counter(count: number) {
  let n = 0;
  let done = () => {};
  const reached = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    reached,
    tick() {
      if (++n >= count) done();
    },
  };
}

const server = serverBackend();
if (server !== undefined) {
  describe("two app instances sharing one PostgreSQL database", () => {
    const bossSchema = uniqueName("dealdesk_jobs_test");
    let test: TestDb;
    let second: Db;
    let instanceA: JobQueue;
    let instanceB: JobQueue;

    beforeAll(async () => {
      test = await server.open();
      second = server.openAnother?.(test.schema) ?? test.db;
      const options = {
        connectionString: serverUrl ?? "",
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
      };
      // Both instances start at once, as two replicas behind a load balancer would.
      const [migratedA, migratedB, queueA, queueB] = await Promise.all([
        migrate(test.db),
        migrate(second),
        openPgBossQueue(options),
        openPgBossQueue(options),
      ]);
      expect([migratedA.applied.length > 0, migratedB.applied.length > 0].sort()).toEqual([
        false,
        true,
      ]);
      instanceA = queueA;
      instanceB = queueB;
      await test.db.exec("CREATE TABLE job_runs (job text NOT NULL, instance text NOT NULL)");
    }, 60_000);

    afterAll(async () => {
      await Promise.all([instanceA?.stop(), instanceB?.stop()]);
      await second?.close();
      await test?.dispose();
      await onServer(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    }, 30_000);

    async function runs(): Promise<{ job: string; instance: string }[]> {
      const r = await test.db.query("SELECT job, instance FROM job_runs ORDER BY job");
      return r.rows.map((row) => ({ job: String(row.job), instance: String(row.instance) }));
    }

    it("a job enqueued by one instance is done once, by the other", async () => {
      await instanceB.work<{ uploadId: string }>("analyse-upload", async (data) => {
        await second.query("INSERT INTO job_runs (job, instance) VALUES ($1, 'B')", [
          data.uploadId,
        ]);
      });
      const id = await instanceA.send("analyse-upload", { uploadId: "upload-1" });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await eventually(async () => (await runs()).length > 0);
      // Give a duplicate delivery time to show up before asserting there was none.
      await new Promise((r) => setTimeout(r, 1_200));
      expect(await runs()).toEqual([{ job: "upload-1", instance: "B" }]);
    }, 30_000);

    it("with both instances working the same queue, each of several jobs runs exactly once", async () => {
      const handler = (instance: string, db: Db) => async (data: { n: number }) => {
        await db.query("INSERT INTO job_runs (job, instance) VALUES ($1, $2)", [
          `split-${data.n}`,
          instance,
        ]);
      };
      await instanceA.work("split", handler("A", test.db));
      await instanceB.work("split", handler("B", second));
      for (let n = 1; n <= 6; n++) await instanceA.send("split", { n });
      const splitRuns = async () => (await runs()).filter((r) => r.job.startsWith("split-"));
      await eventually(async () => (await splitRuns()).length >= 6);
      await new Promise((r) => setTimeout(r, 1_200));
      expect((await splitRuns()).map((r) => r.job)).toEqual([
        "split-1",
        "split-2",
        "split-3",
        "split-4",
        "split-5",
        "split-6",
      ]);
    }, 30_000);

    it("a job still running when its instance stops past the grace period is run by the other", async () => {
      const leaving = await openPgBossQueue({
        connectionString: serverUrl ?? "",
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
      });
      const entered = counter(1);
      let first: JobContext | undefined;
      await leaving.work<{ key: string }>("given-back", async (_data, job) => {
        first = job;
        entered.tick();
        await new Promise(() => {}); // a run that never ends by itself
      });
      const id = await instanceA.send("given-back", { key: "gb-1" }, { retryLimit: 1 });
      await entered.reached;
      // The grace period is what is tested: the run never ends, however loaded the machine.
      await leaving.stop({ graceMs: 500 });
      expect(first?.signal.aborted).toBe(true);
      const rerun = counter(1);
      let again: JobContext | undefined;
      await instanceB.work<{ key: string }>("given-back", async (data, job) => {
        again = job;
        await second.query("INSERT INTO job_runs (job, instance) VALUES ($1, 'B')", [data.key]);
        rerun.tick();
      });
      await rerun.reached;
      expect(again?.id).toBe(id);
      expect(first?.id).toBe(id);
      expect((await runs()).filter((r) => r.job === "gb-1")).toEqual([
        { job: "gb-1", instance: "B" },
      ]);
    }, 30_000);

    it("connections the server drops are logged, redacted, and the queue carries on", async () => {
      const applicationName = uniqueName("dealdesk-jobs-test").replace(/_/g, "-");
      const lines: string[] = [];
      const queue = await openPgBossQueue({
        connectionString: serverUrl ?? "",
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
        applicationName,
        logger: { warn: (m) => lines.push(m), error: (m) => lines.push(m) },
      });
      try {
        const ran = counter(1);
        await queue.work("after-drop", async () => ran.tick());
        // As a database restart would: every connection of this queue is cut.
        await onServer(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${applicationName}'`,
        );
        await eventually(async () => lines.length > 0);
        expect(lines[0]).toMatch(/^dealdesk: the job queue reported an error: .*terminat/);
        expect(lines.join("\n")).not.toMatch(/postgres(ql)?:\/\/|127\.0\.0\.1:5432/);
        // New connections replace the dropped ones.
        await queue.send("after-drop", {});
        await ran.reached;
      } finally {
        await queue.stop();
      }
    }, 30_000);

    it("a failed job is run again only as often as its retryLimit says", async () => {
      // Each job fails every time it runs; retryLimit 0 → 1 run, retryLimit 1 → 1 + 1 = 2 runs.
      await instanceB.work<{ key: string }>("always-fails", async (data) => {
        await second.query("INSERT INTO job_runs (job, instance) VALUES ($1, 'B')", [data.key]);
        throw new Error("boom");
      });
      await instanceA.send("always-fails", { key: "fail-once" }, { retryLimit: 0 });
      await instanceA.send("always-fails", { key: "fail-retry" }, { retryLimit: 1 });
      const failRuns = async () => (await runs()).filter((r) => r.job.startsWith("fail-"));
      await eventually(async () => (await failRuns()).length >= 3);
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await failRuns()).map((r) => r.job)).toEqual([
        "fail-once",
        "fail-retry",
        "fail-retry",
      ]);
    }, 30_000);

    it("replicas starting at once on a new database both create the same queue and start", async () => {
      // The bench saw one of two replicas die with "deadlock detected" in 2 of 6 starts.
      for (let trial = 0; trial < 3; trial++) {
        const schema = uniqueName("dealdesk_jobs_race");
        const options = { connectionString: serverUrl ?? "", schema, pollingIntervalSeconds: 0.5 };
        const queues = await Promise.all([openPgBossQueue(options), openPgBossQueue(options)]);
        try {
          const handled = counter(1);
          await Promise.all(queues.map((q) => q.work("race", async () => handled.tick())));
          await queues[0]?.send("race", {});
          await handled.reached;
        } finally {
          await Promise.all(queues.map((q) => q.stop()));
          await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      }
    }, 60_000);
  });
}
