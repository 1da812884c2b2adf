/**
 * The embedded job queue keeps its jobs in PGlite: a job sent before a restart (or running when
 * the process died) runs after it, jobs run in the order sent, a failed job is retried as often
 * as its retryLimit says, and stop() lets a running job finish or gives it back.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedQueue } from "../../src/store/embedded-queue.js";
import type { JobContext, JobQueue } from "../../src/store/jobs.js";
import { openJobQueue } from "../../src/store/jobs.js";
import { openStore, type Store } from "../../src/store/store.js";

/** A promise and its resolve, to hold a job mid-run until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Resolves once `count` values have been pushed to `into`. */
function collector<T>(count: number) {
  const into: T[] = [];
  let done = () => {};
  const full = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    into,
    full,
    push(value: T) {
      into.push(value);
      if (into.length >= count) done();
    },
  };
}

async function rows(store: Store) {
  const r = await store.db.query("SELECT name, state, attempts FROM job_queue ORDER BY id");
  return r.rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

describe("the embedded job queue on a file-backed PGlite", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dealdesk-queue-"));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("runs after a restart a job sent before it, and one that was running when the process died", async () => {
    const first = await openStore({ dataDir });
    const before = await openJobQueue({ dataDir }, { db: first.db });
    expect(before.kind).toBe("embedded");
    const held = gate();
    const entered = gate();
    await before.work<{ n: number }>("count", async () => {
      entered.open();
      await held.opened; // never let go: the process "dies" mid-run
    });
    await before.send("count", { n: 1 });
    await before.send("count", { n: 2 });
    await entered.opened;
    expect(await rows(first)).toEqual([
      { name: "count", state: "active", attempts: 1 },
      { name: "count", state: "queued", attempts: 0 },
    ]);
    await first.close(); // without stopping the queue, as a kill would

    const second = await openStore({ dataDir });
    try {
      const warnings: string[] = [];
      const after = await openEmbeddedQueue(second.db, {
        logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
      });
      const ran = collector<number>(2);
      await after.work<{ n: number }>("count", async ({ n }) => ran.push(n));
      await ran.full;
      await after.stop();
      expect(ran.into).toEqual([1, 2]);
      expect(await rows(second)).toEqual([]);
      expect(warnings).toEqual([
        "dealdesk: 1 job(s) were running when dealdesk last stopped; they run again",
      ]);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe("the embedded job queue", () => {
  let store: Store;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dealdesk-queue-"));
    store = await openStore({ dataDir });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await store.db.query("DELETE FROM job_queue");
  });

  it("runs jobs one at a time in the order sent, including ones sent before the handler", async () => {
    const queue = await openEmbeddedQueue(store.db);
    await queue.send("order", { n: 1 });
    await queue.send("order", { n: 2 });
    const ran = collector<number>(3);
    let running = 0;
    let most = 0;
    await queue.work<{ n: number }>("order", async ({ n }) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      running--;
      ran.push(n);
    });
    await queue.send("order", { n: 3 });
    await ran.full;
    await queue.stop();
    expect(ran.into).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    await expect(queue.send("order", { n: 4 })).rejects.toThrow("the job queue is stopped");
  });

  it("runs a failed job again as often as its retryLimit says, then drops and reports it", async () => {
    const errors: string[] = [];
    const queue = await openEmbeddedQueue(store.db, {
      logger: { warn: () => {}, error: (m) => errors.push(m) },
    });
    const runs = collector<string>(4);
    await queue.work<{ key: string }>("flaky", async ({ key }) => {
      runs.push(key);
      throw new Error("boom");
    });
    const once = await queue.send("flaky", { key: "never-again" });
    await queue.send("flaky", { key: "twice-more" }, { retryLimit: 2 });
    await runs.full;
    await queue.stop();
    expect(runs.into).toEqual(["never-again", "twice-more", "twice-more", "twice-more"]);
    expect(errors[0]).toBe(
      `dealdesk: job flaky ${once} failed after 1 run(s) and was dropped (Error)`,
    );
    expect(errors).toHaveLength(2);
    expect(await rows(store)).toEqual([]);
  });

  it("stop() lets a running job finish within the grace period", async () => {
    const queue = await openEmbeddedQueue(store.db);
    const entered = gate();
    const held = gate();
    const finished: string[] = [];
    await queue.work("slow", async () => {
      entered.open();
      await held.opened;
      finished.push("slow");
    });
    await queue.send("slow", {});
    await entered.opened;
    const stopped = queue.stop({ graceMs: 60_000 });
    held.open();
    await stopped;
    expect(finished).toEqual(["slow"]);
    expect(await rows(store)).toEqual([]);
  });

  it("stop() gives back a job that outlasts the grace period: aborted, queued again, run at the next start", async () => {
    const queue = await openEmbeddedQueue(store.db);
    const entered = gate();
    let seen: JobContext | undefined;
    await queue.work("stuck", async (_data, job) => {
      seen = job;
      entered.open();
      await new Promise(() => {}); // never finishes
    });
    await queue.send("stuck", {});
    await entered.opened;
    // The grace period is what is tested: the job never finishes, however loaded the machine.
    await queue.stop({ graceMs: 200 });
    expect(seen?.signal.aborted).toBe(true);
    expect(await rows(store)).toEqual([{ name: "stuck", state: "queued", attempts: 0 }]);

    const restarted: JobQueue = await openEmbeddedQueue(store.db);
    const ran = collector<string>(1);
    await restarted.work("stuck", async (_data, job) => ran.push(job.id));
    await ran.full;
    await restarted.stop();
    expect(ran.into).toEqual([seen?.id]);
    expect(await rows(store)).toEqual([]);
  });
});
