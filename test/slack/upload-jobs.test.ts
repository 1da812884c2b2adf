/**
 * Shared files analysed through the job queue, on the embedded default (the queue table in an
 * in-memory PGlite store): the receiving path posts the progress message and enqueues a job
 * holding ids only; the worker reads the file from Slack, analyses it, answers once and saves it.
 * A job that fails tells the uploader once, in one line, and logs ids only.
 *
 * On the real PostgreSQL server (only when TEST_DATABASE_URL is set): two app instances sharing
 * one store schema and one pg-boss schema, both unique to this file and dropped afterwards, and
 * one fake Slack. Instance A receives the file share but works no jobs; instance B works them.
 * B analyses the file, and Slack gets exactly one answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currency, money } from "../../src/core/money.js";
import type { AnalyseUpload } from "../../src/slack/deps.js";
import {
  ANALYSE_UPLOAD_JOB,
  ANALYSE_UPLOAD_SEND_OPTIONS,
  decodeAnalyseUploadJob,
  encodeAnalyseUploadJob,
} from "../../src/slack/jobs/payload.js";
import { jobFailedText } from "../../src/slack/jobs/worker.js";
import type { Db } from "../../src/store/db.js";
import { openEmbeddedQueue } from "../../src/store/embedded-queue.js";
import {
  type JobData,
  type JobQueue,
  openPgBossQueue,
  type SendOptions,
} from "../../src/store/jobs.js";
import { migrate } from "../../src/store/migrate.js";
import { createStore, type Store } from "../../src/store/store.js";
import { onServer, serverBackend, serverUrl, type TestDb, uniqueName } from "../store/backends.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import {
  type AnalyserRun,
  countingAnalyser,
  type Instance,
  SESSIONS_CSV,
  shareFile,
  startInstance,
} from "./jobs-helpers.js";
import { nextCall, openTestStore, slashIn } from "./store-helpers.js";

interface Sent {
  readonly name: string;
  readonly data: JobData;
  readonly options?: SendOptions;
}

/** A queue, recording what is sent through it. */
function recordingQueue(inner: JobQueue, sent: Sent[]): JobQueue {
  return {
    kind: inner.kind,
    work: (name, handler) => inner.work(name, handler),
    async send(name, data, options) {
      sent.push({ name, data, ...(options ? { options } : {}) });
      return inner.send(name, data, options);
    },
    stop: (options) => inner.stop(options),
  };
}

const runs: AnalyserRun[] = [];
const counting = countingAnalyser("A", runs);
const analyser: AnalyseUpload = async (file, ctx, progress) => {
  if (file.name === "broken.csv") throw new Error("row 2: ann@example.com is not a date");
  return counting(file, ctx, progress);
};

const C1 = { teamId: "T1", channelId: "C1" };
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("a shared file, through the embedded job queue", () => {
  const sent: Sent[] = [];
  let fake: FakeSlack;
  let store: Store;
  let queue: JobQueue;
  let a: Instance;

  beforeAll(async () => {
    fake = await startFakeSlack();
    store = await openTestStore();
    queue = recordingQueue(await openEmbeddedQueue(store.db), sent);
    a = await startInstance(fake, { analyseUpload: analyser, jobs: queue, store });
  }, 60_000); // PGlite takes seconds to start on a loaded machine
  afterAll(async () => {
    await a?.app.stop();
    await queue?.stop();
    await fake?.close();
    await store?.close();
  });

  it("is acknowledged, queued with ids only, analysed by the worker, answered once and saved", async () => {
    const from = fake.calls.length;
    await slashIn(a.url, fake, "set vendor HaloITSM currency GBP named 70 concurrent 140");
    await nextCall(fake, "chat.postMessage", from);
    const shared = fake.calls.length;
    const status = await shareFile(fake, a.url, {
      id: "F1",
      name: "sessions.csv",
      bytes: new TextEncoder().encode(SESSIONS_CSV),
      channel: "C1",
      ts: "1700001000.000001",
    });
    expect(status).toBe(200);
    const result = await nextCall(
      fake,
      "chat.update",
      from,
      (c) => c.args.text === "sessions.csv has 2 sessions.",
    );
    await settle();

    const posted = fake.calls.slice(shared).filter((c) => c.method === "chat.postMessage");
    expect(posted.map((c) => [c.args.text, c.args.thread_ts])).toEqual([
      ["Reading sessions.csv … (queued)", "1700001000.000001"],
    ]);
    const progressTs = String(result.args.ts);
    const updates = fake.calls.slice(shared).filter((c) => c.method === "chat.update");
    expect(updates.map((u) => [u.args.text, u.args.ts])).toEqual([
      ["Reading sessions.csv …", progressTs],
      ["Reading sessions.csv … 2 sessions", progressTs],
      ["sessions.csv has 2 sessions.", progressTs],
    ]);
    expect(fake.calls.slice(shared).filter((c) => c.method === "chat.postEphemeral")).toEqual([]);

    // The job: ids, timestamps and the deal's rates (£70 = 7000p, £140 = 14000p), no file data.
    expect(sent).toEqual([
      {
        name: ANALYSE_UPLOAD_JOB,
        data: {
          v: 1,
          teamId: "T1",
          channelId: "C1",
          fileId: "F1",
          userId: "U1",
          threadTs: "1700001000.000001",
          progressTs,
          dealVendor: "HaloITSM",
          dealCurrency: "GBP",
          namedRateMinor: 7000,
          concurrentRateMinor: 14000,
        },
        // Run again if lost (a crash, a give-back at shutdown): the answer is idempotent.
        options: ANALYSE_UPLOAD_SEND_OPTIONS,
      },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/sessions|example\.com/);

    expect(runs).toEqual([
      {
        instance: "A",
        name: "sessions.csv",
        bytes: SESSIONS_CSV.length,
        vendor: "HaloITSM",
        namedMinor: 7000,
      },
    ]);
    const [upload, ...moreUploads] = await store.uploads.list(C1);
    expect(moreUploads).toEqual([]);
    expect(upload).toMatchObject({ fileName: "sessions.csv", uploadedBy: "U1" });
    const analyses = await store.analyses.list(C1);
    expect(analyses).toHaveLength(1);
    expect(analyses[0]).toMatchObject({ createdBy: "U1", uploadId: upload?.id });
  });

  it("a job that fails tells the uploader once, in one line, and logs ids without personal data", async () => {
    const from = fake.calls.length;
    const logFrom = a.log.length;
    await shareFile(fake, a.url, {
      id: "F2",
      name: "broken.csv",
      bytes: new TextEncoder().encode(SESSIONS_CSV),
      channel: "C1",
      ts: "1700001000.000002",
    });
    const told = await nextCall(fake, "chat.postEphemeral", from);
    await settle();

    expect(told.args).toMatchObject({
      channel: "C1",
      user: "U1",
      thread_ts: "1700001000.000002",
      text: jobFailedText("broken.csv"),
    });
    expect(jobFailedText("broken.csv")).not.toContain("\n");
    expect(fake.calls.slice(from).filter((c) => c.method === "chat.postEphemeral")).toHaveLength(1);
    // The worker's "Reading broken.csv …" update names the progress message it then deletes.
    const progress = fake.calls.slice(from).filter((c) => c.method === "chat.update");
    expect(progress.map((c) => c.args.text)).toEqual(["Reading broken.csv …"]);
    const deleted = fake.calls.slice(from).filter((c) => c.method === "chat.delete");
    expect(deleted.map((c) => c.args.ts)).toEqual([progress[0]?.args.ts]);
    const results = fake.calls
      .slice(from)
      .filter((c) => c.method === "chat.update" && /has \d+ sessions/.test(String(c.args.text)));
    expect(results).toEqual([]);

    const logged = a.log.slice(logFrom);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^error dealdesk: analyse-upload job for file F2 in T1\/C1 failed: Error\n/,
    );
    expect(logged.join("\n")).not.toMatch(/example\.com|broken|not a date/);
  });
});

describe("the analyse-upload payload", () => {
  const GBP = currency("GBP");
  const job = {
    scope: { teamId: "T1", channelId: "C1" },
    fileId: "F9",
    userId: "U1",
    threadTs: "1700001000.000009",
    progressTs: "1700000000.001000",
    deal: { vendor: "HaloITSM", currency: GBP, namedRate: money(7000, GBP) },
  };

  it("reads back what was written, a channel without a deal included", () => {
    expect(decodeAnalyseUploadJob(encodeAnalyseUploadJob(job))).toEqual(job);
    const { deal: _deal, threadTs: _thread, ...bare } = job;
    expect(decodeAnalyseUploadJob(encodeAnalyseUploadJob(bare))).toEqual(bare);
  });

  it("refuses a payload that is not one (unknown version, bad id, bad currency)", () => {
    const data = encodeAnalyseUploadJob(job);
    expect(decodeAnalyseUploadJob({ ...data, v: 2 })).toBeUndefined();
    expect(decodeAnalyseUploadJob({ ...data, channelId: "C1; DROP" })).toBeUndefined();
    expect(decodeAnalyseUploadJob({ ...data, dealCurrency: "XYZ" })).toBeUndefined();
    expect(decodeAnalyseUploadJob({ ...data, progressTs: undefined })).toBeUndefined();
  });
});

const server = serverBackend();
if (server !== undefined) {
  describe("two instances sharing one PostgreSQL database and one Slack", () => {
    const bossSchema = uniqueName("dealdesk_jobs_slack");
    const serverRuns: AnalyserRun[] = [];
    let test: TestDb;
    let secondDb: Db;
    let storeA: Store;
    let storeB: Store;
    let queueA: JobQueue;
    let queueB: JobQueue;
    let slack: FakeSlack;
    let receiver: Instance;
    let worker: Instance;

    beforeAll(async () => {
      test = await server.open();
      secondDb = server.openAnother?.(test.schema) ?? test.db;
      await migrate(test.db);
      storeA = createStore(test.db);
      storeB = createStore(secondDb);
      const options = {
        connectionString: serverUrl ?? "",
        schema: bossSchema,
        pollingIntervalSeconds: 0.5,
      };
      [queueA, queueB] = await Promise.all([openPgBossQueue(options), openPgBossQueue(options)]);
      slack = await startFakeSlack();
      receiver = await startInstance(slack, {
        analyseUpload: countingAnalyser("A", serverRuns),
        jobs: queueA,
        workJobs: false,
        store: storeA,
      });
      const countOnB = countingAnalyser("B", serverRuns);
      worker = await startInstance(slack, {
        analyseUpload: async (file, ctx, progress) => {
          if (file.name === "broken.csv") throw new Error("row 2 is not a date");
          return countOnB(file, ctx, progress);
        },
        jobs: queueB,
        store: storeB,
      });
    }, 60_000);

    afterAll(async () => {
      await Promise.all([receiver?.app.stop(), worker?.app.stop()]);
      await Promise.all([queueA?.stop(), queueB?.stop()]);
      await slack?.close();
      if (secondDb !== test?.db) await secondDb?.close();
      await test?.dispose();
      await onServer(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    }, 30_000);

    it("a file shared with A is analysed by B and answered exactly once", async () => {
      const from = slack.calls.length;
      const downloads = slack.fileRequests.length;
      const status = await shareFile(slack, receiver.url, {
        id: "F1",
        name: "sessions.csv",
        bytes: new TextEncoder().encode(SESSIONS_CSV),
        channel: "C1",
        ts: "1700001000.000001",
      });
      expect(status).toBe(200);
      await nextCall(
        slack,
        "chat.update",
        from,
        (c) => c.args.text === "sessions.csv has 2 sessions.",
        15_000,
      );
      // Time for a second delivery (pg-boss polls every 0.5 s) to show up before asserting none.
      await new Promise((r) => setTimeout(r, 1_500));

      const calls = slack.calls.slice(from);
      expect(calls.filter((c) => c.method === "chat.postMessage").map((c) => c.args.text)).toEqual([
        "Reading sessions.csv … (queued)",
      ]);
      expect(
        calls.filter(
          (c) => c.method === "chat.update" && c.args.text === "sessions.csv has 2 sessions.",
        ),
      ).toHaveLength(1);
      expect(calls.filter((c) => c.method === "chat.postEphemeral")).toEqual([]);
      expect(serverRuns.map((r) => r.instance)).toEqual(["B"]);
      expect(slack.fileRequests.length - downloads).toBe(1);
      // Saved once, in the shared database, by B's store.
      const scope = { teamId: "T1", channelId: "C1" };
      expect(await storeA.analyses.list(scope)).toHaveLength(1);
      expect(await storeA.uploads.list(scope)).toHaveLength(1);
      expect([...receiver.log, ...worker.log]).toEqual([]);
    }, 30_000);

    it("a job that fails on B tells the uploader once (a failure is not retried)", async () => {
      const from = slack.calls.length;
      await shareFile(slack, receiver.url, {
        id: "F2",
        name: "broken.csv",
        bytes: new TextEncoder().encode(SESSIONS_CSV),
        channel: "C1",
        ts: "1700001000.000002",
      });
      await nextCall(slack, "chat.postEphemeral", from, undefined, 15_000);
      await new Promise((r) => setTimeout(r, 1_500));
      const told = slack.calls.slice(from).filter((c) => c.method === "chat.postEphemeral");
      expect(told.map((c) => c.args.text)).toEqual([jobFailedText("broken.csv")]);
      expect(receiver.log).toEqual([]);
      expect(worker.log).toHaveLength(1);
      expect(worker.log[0]).toMatch(
        /^error dealdesk: analyse-upload job for file F2 in T1\/C1 failed/,
      );
    }, 30_000);
  });
}
