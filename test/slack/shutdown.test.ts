/**
 * Queued analyses across shutdowns, crashes and duplicate runs, through the real receiver: a job
 * running at shutdown finishes within the grace period; one that outlasts it is given back
 * (nobody is told anything) and runs again after a restart, or on the other replica on
 * PostgreSQL; a job run twice replaces the same progress message, and saves and attaches once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replied } from "../../src/commands/reply.js";
import type { AnalyseUpload } from "../../src/slack/deps.js";
import { ANALYSE_UPLOAD_JOB } from "../../src/slack/jobs/payload.js";
import type { Db } from "../../src/store/db.js";
import { openEmbeddedQueue } from "../../src/store/embedded-queue.js";
import { type JobQueue, openPgBossQueue } from "../../src/store/jobs.js";
import { migrate } from "../../src/store/migrate.js";
import { createStore, type Store } from "../../src/store/store.js";
import { onServer, serverBackend, serverUrl, type TestDb, uniqueName } from "../store/backends.js";
import { type ApiCall, type FakeSlack, startFakeSlack } from "./fake-slack.js";
import {
  type AnalyserRun,
  countingAnalyser,
  type Instance,
  SESSIONS_CSV,
  shareFile,
  startInstance,
} from "./jobs-helpers.js";
import { nextCall, openTestStore } from "./store-helpers.js";

const RESULT = "sessions.csv has 2 sessions.";
const BYTES = new TextEncoder().encode(SESSIONS_CSV);

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** An analyser that waits at `held` (after saying it started) before counting. */
function heldAnalyser(runs: AnalyserRun[], instance: string) {
  const entered = gate();
  const held = gate();
  const returned = gate();
  const count = countingAnalyser(instance, runs);
  const analyse: AnalyseUpload = async (file, ctx, progress) => {
    entered.open();
    await held.opened;
    try {
      return await count(file, ctx, progress);
    } finally {
      returned.open();
    }
  };
  return { analyse, entered: entered.opened, release: held.open, returned: returned.opened };
}

function callsAfter(fake: FakeSlack, from: number, method: string): ApiCall[] {
  return fake.calls.slice(from).filter((c) => c.method === method);
}

/** The result's updates after `from`; each must replace the one progress message. */
function resultUpdates(fake: FakeSlack, from: number): ApiCall[] {
  return callsAfter(fake, from, "chat.update").filter((c) => c.args.text === RESULT);
}

describe("queued analyses on the embedded queue, across shutdown and restart", () => {
  let fake: FakeSlack;
  let store: Store;

  beforeAll(async () => {
    fake = await startFakeSlack();
    store = await openTestStore();
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    await store?.close();
  });

  it("shutdown lets a running analysis finish within the grace period, and keeps the store open for it", async () => {
    const runs: AnalyserRun[] = [];
    const held = heldAnalyser(runs, "A");
    const queue = await openEmbeddedQueue(store.db);
    const a = await startInstance(fake, { analyseUpload: held.analyse, jobs: queue, store });
    const from = fake.calls.length;
    await shareFile(fake, a.url, {
      id: "F10",
      name: "sessions.csv",
      bytes: BYTES,
      channel: "C10",
      ts: "1700002000.000010",
    });
    await held.entered;
    // As serve-slack.ts does at SIGTERM: the receiver first, then the queue.
    const stopping = (async () => {
      await a.app.stop();
      await queue.stop({ graceMs: 60_000 });
    })();
    held.release();
    await stopping;
    expect(resultUpdates(fake, from)).toHaveLength(1);
    const scope = { teamId: "T1", channelId: "C10" };
    expect(await store.uploads.list(scope)).toHaveLength(1);
    expect(await store.analyses.list(scope)).toHaveLength(1);
    expect((await store.db.query("SELECT id FROM job_queue")).rows).toEqual([]);
    expect(a.log).toEqual([]);
  });

  it("a job that outlasts the grace period is given back silently and answered in place after a restart", async () => {
    const runs: AnalyserRun[] = [];
    const stuck = heldAnalyser(runs, "A");
    const queue = await openEmbeddedQueue(store.db);
    const a = await startInstance(fake, { analyseUpload: stuck.analyse, jobs: queue, store });
    const from = fake.calls.length;
    await shareFile(fake, a.url, {
      id: "F11",
      name: "sessions.csv",
      bytes: BYTES,
      channel: "C11",
      ts: "1700002000.000011",
    });
    await stuck.entered;
    await a.app.stop();
    // The grace period is what is tested: this analysis never ends by itself.
    await queue.stop({ graceMs: 200 });
    expect(callsAfter(fake, from, "chat.postEphemeral")).toEqual([]);
    expect(callsAfter(fake, from, "chat.delete")).toEqual([]);
    const left = await store.db.query("SELECT name, state FROM job_queue");
    expect(left.rows).toEqual([{ name: ANALYSE_UPLOAD_JOB, state: "queued" }]);

    // The restart: a new queue on the same database, a new app.
    const again = await openEmbeddedQueue(store.db);
    const b = await startInstance(fake, {
      analyseUpload: countingAnalyser("B", runs),
      jobs: again,
      store,
    });
    try {
      await nextCall(fake, "chat.update", from, (c) => c.args.text === RESULT);
      const [progress, ...more] = callsAfter(fake, from, "chat.postMessage");
      expect(more).toEqual([]);
      expect(progress?.args.text).toBe("Reading sessions.csv … (queued)");
      // The first run, let go now, answers nothing: its job was given back.
      stuck.release();
      await stuck.returned;
      await new Promise((r) => setImmediate(r));
      const results = resultUpdates(fake, from);
      expect(results).toHaveLength(1);
      // A's stuck run is counted only once let go, after B's.
      expect(runs.map((r) => r.instance)).toEqual(["B", "A"]);
      const scope = { teamId: "T1", channelId: "C11" };
      expect(await store.uploads.list(scope)).toHaveLength(1);
      expect(await store.analyses.list(scope)).toHaveLength(1);
      expect(callsAfter(fake, from, "chat.postEphemeral")).toEqual([]);
      expect(a.log).toEqual([]);
      expect(b.log).toEqual([]);
    } finally {
      await b.app.stop();
      await again.stop();
    }
  });

  it("a job run twice replaces the same message, and saves and attaches its files once", async () => {
    const runs: AnalyserRun[] = [];
    const count = countingAnalyser("A", runs);
    // The reply carries a file, so a second attachment would show as a second upload.
    const withFile: AnalyseUpload = async (file, ctx, progress) => {
      const outcome = await count(file, ctx, progress);
      if (!outcome.ok) return outcome;
      const { command, headline, tables, notes, working, next, data } = outcome.reply;
      return replied({
        command,
        headline,
        tables,
        notes,
        working,
        next,
        data,
        files: [
          {
            name: "flagged.csv",
            mediaType: "text/csv",
            content: new TextEncoder().encode("user\n"),
            description: "flagged users",
          },
        ],
      });
    };
    const inner = await openEmbeddedQueue(store.db);
    // At-least-once delivery, at its worst: every job is delivered twice.
    const twice: JobQueue = {
      ...inner,
      kind: inner.kind,
      work: (name, handler) => inner.work(name, handler),
      send: async (name, data, options) => {
        await inner.send(name, data, options);
        return inner.send(name, data, options);
      },
      stop: (options) => inner.stop(options),
    };
    const a = await startInstance(fake, { analyseUpload: withFile, jobs: twice, store });
    try {
      const from = fake.calls.length;
      await shareFile(fake, a.url, {
        id: "F12",
        name: "sessions.csv",
        bytes: BYTES,
        channel: "C12",
        ts: "1700002000.000012",
      });
      await fake.waitFor(() => resultUpdates(fake, from).length >= 2, "both runs' results");
      expect(runs).toHaveLength(2);
      const [progress, ...more] = callsAfter(fake, from, "chat.postMessage");
      expect(more).toEqual([]);
      const [first, second] = resultUpdates(fake, from);
      expect(progress?.args.text).toBe("Reading sessions.csv … (queued)");
      expect(first?.args.ts).toBe(callsAfter(fake, from, "chat.update")[0]?.args.ts);
      expect(second?.args.ts).toBe(first?.args.ts);
      // The second run points the buttons at the upload the first run stored.
      const [upload, ...moreUploads] = await store.uploads.list({ teamId: "T1", channelId: "C12" });
      expect(moreUploads).toEqual([]);
      for (const update of [first, second])
        expect(JSON.stringify(update?.args.blocks)).toContain(upload?.id);
      expect(callsAfter(fake, from, "files.completeUploadExternal")).toHaveLength(1);
      // The second run is quiet: no progress over the posted result.
      const texts = callsAfter(fake, from, "chat.update").map((c) => c.args.text);
      expect(texts).toEqual([
        "Reading sessions.csv …",
        "Reading sessions.csv … 2 sessions",
        RESULT,
        RESULT,
      ]);
      const scope = { teamId: "T1", channelId: "C12" };
      expect(await store.uploads.list(scope)).toHaveLength(1);
      expect(await store.analyses.list(scope)).toHaveLength(1);
      expect(a.log).toEqual([]);
    } finally {
      await a.app.stop();
      await twice.stop();
    }
  });
});

const server = serverBackend();
if (server !== undefined) {
  describe("two replicas on PostgreSQL: one stops mid-analysis, the other answers", () => {
    const bossSchema = uniqueName("dealdesk_jobs_shutdown");
    let test: TestDb;
    let secondDb: Db;
    let fake: FakeSlack;
    let queueA: JobQueue;
    let queueB: JobQueue | undefined;
    let b: Instance | undefined;

    const options = () => ({
      connectionString: serverUrl ?? "",
      schema: bossSchema,
      pollingIntervalSeconds: 0.5,
    });

    beforeAll(async () => {
      test = await server.open();
      secondDb = server.openAnother?.(test.schema) ?? test.db;
      await migrate(test.db);
      fake = await startFakeSlack();
      queueA = await openPgBossQueue(options());
    }, 60_000);
    afterAll(async () => {
      await b?.app.stop();
      await Promise.all([queueA?.stop(), queueB?.stop()]);
      await fake?.close();
      if (secondDb !== test?.db) await secondDb?.close();
      await test?.dispose();
      await onServer(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    }, 30_000);

    it("the job A gives back at shutdown is run by B, which answers once in the same message", async () => {
      const runs: AnalyserRun[] = [];
      const stuck = heldAnalyser(runs, "A");
      const storeA = createStore(test.db);
      const storeB = createStore(secondDb);
      const a = await startInstance(fake, {
        analyseUpload: stuck.analyse,
        jobs: queueA,
        store: storeA,
      });
      const from = fake.calls.length;
      await shareFile(fake, a.url, {
        id: "F20",
        name: "sessions.csv",
        bytes: BYTES,
        channel: "C20",
        ts: "1700002000.000020",
      });
      await stuck.entered;
      await a.app.stop();
      // The grace period is what is tested: A's analysis never ends by itself.
      await queueA.stop({ graceMs: 500 });
      queueB = await openPgBossQueue(options());
      b = await startInstance(fake, {
        analyseUpload: countingAnalyser("B", runs),
        jobs: queueB,
        store: storeB,
      });
      await nextCall(fake, "chat.update", from, (c) => c.args.text === RESULT);
      stuck.release();
      await stuck.returned;
      await new Promise((r) => setImmediate(r));

      const [progress, ...more] = callsAfter(fake, from, "chat.postMessage");
      expect(more).toEqual([]);
      const results = resultUpdates(fake, from);
      expect(results).toHaveLength(1);
      const progressTs = callsAfter(fake, from, "chat.update")[0]?.args.ts;
      expect(progress?.args.text).toBe("Reading sessions.csv … (queued)");
      expect(results[0]?.args.ts).toBe(progressTs);
      // A's stuck run is counted only once let go, after B's.
      expect(runs.map((r) => r.instance)).toEqual(["B", "A"]);
      expect(callsAfter(fake, from, "chat.postEphemeral")).toEqual([]);
      const scope = { teamId: "T1", channelId: "C20" };
      expect(await storeA.uploads.list(scope)).toHaveLength(1);
      expect(await storeA.analyses.list(scope)).toHaveLength(1);
      expect(b.log).toEqual([]);
    }, 30_000);
  });
}
