/**
 * The embedded queue's `everyMinute`: its timer (shortened here) queues the job, which the worker
 * of that name runs, never more than one waiting at a time; at stop nothing is left queued.
 */
import { describe, expect, it } from "vitest";
import { openEmbeddedQueue } from "../../src/store/embedded-queue.js";
import { migrate } from "../../src/store/migrate.js";
import { openPgliteDb } from "../../src/store/pglite-db.js";

describe("embedded queue: a job every minute", () => {
  it("runs the job again and again, and leaves none queued at stop", async () => {
    const db = await openPgliteDb();
    try {
      await migrate(db);
      const queue = await openEmbeddedQueue(db, { minuteMs: 10 });
      let runs = 0;
      let release: () => void = () => undefined;
      const thrice = new Promise<void>((resolve) => {
        release = resolve;
      });
      await queue.work("tick", async () => {
        if (++runs === 3) release();
      });
      await queue.everyMinute?.("tick");
      await thrice;
      await queue.stop();
      expect(runs).toBeGreaterThanOrEqual(3);
      expect((await db.query("SELECT id FROM job_queue")).rows).toEqual([]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
