/**
 * The reminders' minute from the job queue, with a fake clock: on embedded PGlite the queue's own
 * timer (shortened here) queues the sweep job and the due reminder is posted once; on PostgreSQL
 * the app registers pg-boss's cron schedule, and a sweep job (sent here rather than waiting for
 * the next minute) posts it once. Renewal 2027-03-31, 90 days' notice: the first reminder is due
 * 2026-09-02 09:00 UTC (test/core/reminders.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REMINDER_SWEEP_JOB } from "../../src/slack/reminders/ticker.js";
import { openEmbeddedQueue } from "../../src/store/embedded-queue.js";
import { type JobQueue, openPgBossQueue } from "../../src/store/jobs.js";
import { migrate } from "../../src/store/migrate.js";
import { createStore, type Store } from "../../src/store/store.js";
import { onServer, serverBackend, serverUrl, type TestDb, uniqueName } from "../store/backends.js";
import { type Harness, startHarness } from "./harness.js";
import { nextCall, openTestStore, slashIn } from "./store-helpers.js";

const SET = "set vendor HaloITSM currency GBP renews 2027-03-31 notice 90";
const isReminder = (c: { args: Record<string, unknown> }) =>
  String(c.args.text).startsWith(":alarm_clock:");

async function setDeal(h: Harness, channel: string): Promise<void> {
  const from = h.fake.calls.length;
  await slashIn(h.url, h.fake, SET, { channel });
  await nextCall(h.fake, "chat.postMessage", from, (c) => c.args.channel === channel);
}

describe("the reminders' minute from the embedded queue", () => {
  let clock = new Date("2026-06-01T10:00:00Z");
  let store: Store;
  let queue: JobQueue;
  let h: Harness | undefined;

  beforeAll(async () => {
    store = await openTestStore();
    queue = await openEmbeddedQueue(store.db, { minuteMs: 25 });
    h = await startHarness({ store, now: () => clock, jobs: queue });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await queue?.stop();
    await store?.close();
  });

  it("posts a due reminder once, and leaves no sweep job behind at shutdown", async () => {
    if (h === undefined) throw new Error("no app");
    await setDeal(h, "CQ1");
    const from = h.fake.calls.length;
    clock = new Date("2026-09-02T09:00:00Z");
    const posted = await nextCall(h.fake, "chat.postMessage", from, isReminder);
    expect(posted.args.channel).toBe("CQ1");
    expect(await h.app.sweepReminders()).toBe(0);
    expect(h.fake.calls.slice(from).filter(isReminder)).toHaveLength(1);
    await h.close();
    h = undefined;
    await queue.stop();
    const left = await store.db.query("SELECT name FROM job_queue WHERE name = $1", [
      REMINDER_SWEEP_JOB,
    ]);
    expect(left.rows).toEqual([]);
  });
});

const server = serverBackend();
if (server !== undefined) {
  describe("the reminders' minute from pg-boss's schedule", () => {
    const bossSchema = uniqueName("dealdesk_jobs_remind");
    let clock = new Date("2026-06-01T10:00:00Z");
    let test: TestDb;
    let queue: JobQueue;
    let h: Harness;

    beforeAll(async () => {
      test = await server.open();
      await migrate(test.db);
      queue = await openPgBossQueue({
        connectionString: serverUrl ?? "",
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
      });
      h = await startHarness({ store: createStore(test.db), now: () => clock, jobs: queue });
    }, 60_000);
    afterAll(async () => {
      await h?.close();
      await queue?.stop({ graceMs: 2_000 });
      await test?.dispose();
      await onServer(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    }, 30_000);

    it("registers a cron schedule of one sweep a minute", async () => {
      const r = await test.db.query(`SELECT name, cron FROM ${bossSchema}.schedule`);
      expect(r.rows).toEqual([{ name: REMINDER_SWEEP_JOB, cron: "* * * * *" }]);
    });

    it("posts a due reminder once when the minute's job runs", async () => {
      await setDeal(h, "CQ2");
      const from = h.fake.calls.length;
      clock = new Date("2026-09-02T09:00:00Z");
      await queue.send(REMINDER_SWEEP_JOB, {});
      const posted = await nextCall(h.fake, "chat.postMessage", from, isReminder);
      expect(posted.args.channel).toBe("CQ2");
      expect(await h.app.sweepReminders()).toBe(0);
      expect(h.fake.calls.slice(from).filter(isReminder)).toHaveLength(1);
    });
  });
}
