/**
 * Two replicas behind one load balancer share one database (PGlite here, one per process): the
 * same delivery reaching both, or a retry landing on the other one, is acted on once, because
 * the claim is taken in the store. A claim given back after a failed attempt on one replica lets
 * the retry on the other answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { blocksText } from "./check-blocks.js";
import { type ApiCall, type FakeSlack, startFakeSlack } from "./fake-slack.js";
import {
  type AnalyserRun,
  countingAnalyser,
  type Instance,
  SESSIONS_CSV,
  startInstance,
} from "./jobs-helpers.js";
import { eventBody, resendEvent, sendSlash, slashBody } from "./signed.js";
import { openTestStore } from "./store-helpers.js";

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
const runs: AnalyserRun[] = [];

let fake: FakeSlack;
let store: Store;
let a: Instance;
let b: Instance;
beforeAll(async () => {
  fake = await startFakeSlack();
  store = await openTestStore();
  a = await startInstance(fake, { analyseUpload: countingAnalyser("A", runs), store });
  b = await startInstance(fake, { analyseUpload: countingAnalyser("B", runs), store });
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.app.stop(), b?.app.stop()]);
  await fake?.close();
});

function since(from: number, method: string, where: (c: ApiCall) => boolean = () => true) {
  return fake.calls.slice(from).filter((c) => c.method === method && where(c));
}
const logged = (text: string) => [...a.log, ...b.log].filter((l) => l.includes(text)).length;

/** Waits until the delivery claim `key` is no longer held in the shared store. */
async function untilFree(key: string): Promise<void> {
  const deliveries = { teamId: "T1", channelId: "deliveries" };
  const start = Date.now();
  while (await store.claims.held(deliveries, key, new Date())) {
    if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${key} to be free`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function mention(ts: string, channel: string): string {
  return eventBody({
    type: "app_mention",
    user: "U1",
    text: `<@UBOT> ${COST}`,
    ts,
    channel,
    event_ts: ts,
  });
}

describe("two replicas, one store", () => {
  it("answers a mention delivered to both replicas at once exactly once", async () => {
    const from = fake.calls.length;
    const body = mention("1700000100.000100", "C1");
    const eventId = JSON.parse(body).event_id as string;
    const sent = await Promise.all([resendEvent(a.url, body), resendEvent(b.url, body)]);
    expect(sent.map((s) => s.status)).toEqual([200, 200]);
    await fake.waitFor(
      () =>
        since(from, "chat.postMessage").length > 0 &&
        logged(`dropped a repeated delivery event:${eventId}`) === 1,
      "one answer, and the other replica dropping it",
    );
    expect(since(from, "chat.postMessage").map((c) => c.args.thread_ts)).toEqual([
      "1700000100.000100",
    ]);
  });

  it("answers a slash command replayed to the other replica once", async () => {
    const from = fake.calls.length;
    const body = slashBody(COST, {
      channel: "C2",
      responseUrl: `${fake.origin}/respond/replicas`,
      triggerId: "trigger.replicas.1",
    });
    expect((await sendSlash(a.url, body)).status).toBe(200);
    expect((await sendSlash(b.url, body)).status).toBe(200);
    await fake.waitFor(
      () =>
        since(from, "chat.postMessage").length > 0 &&
        logged("dropped a repeated delivery trigger:trigger.replicas.1") === 1,
      "one answer and the replay dropped",
    );
    expect(since(from, "chat.postMessage").map((c) => c.args.channel)).toEqual(["C2"]);
  });

  it("analyses a file and its retry on the other replica once, and stores one upload", async () => {
    const from = fake.calls.length;
    const before = runs.length;
    const url = fake.serve("F1-sessions.csv", new TextEncoder().encode(SESSIONS_CSV));
    const ts = "1700001000.000001";
    fake.describe({
      id: "F1",
      name: "sessions.csv",
      size: SESSIONS_CSV.length,
      url,
      channel: "C3",
      ts,
    });
    const body = eventBody({
      type: "file_shared",
      file_id: "F1",
      user_id: "U1",
      channel_id: "C3",
      file: { id: "F1" },
      event_ts: ts,
    });
    const eventId = JSON.parse(body).event_id as string;
    await Promise.all([
      resendEvent(a.url, body),
      resendEvent(b.url, body, { num: 1, reason: "http_timeout" }),
    ]);
    await fake.waitFor(
      () =>
        since(from, "chat.update", (c) => c.args.text === "sessions.csv has 2 sessions.").length ===
          1 && logged(`dropped a repeated delivery event:${eventId}`) === 1,
      "one result and the retry dropped",
    );
    expect(runs.length - before).toBe(1);
    expect(since(from, "chat.postMessage")).toHaveLength(1);
    expect(await store.uploads.list({ teamId: "T1", channelId: "C3" })).toHaveLength(1);
  });

  it("a DM file announced to one replica by file_shared and to the other by its message is analysed once", async () => {
    const from = fake.calls.length;
    const before = runs.length;
    const ts = "1700002000.000001";
    const url = fake.serve("F2-dm.csv", new TextEncoder().encode(SESSIONS_CSV));
    fake.describe({ id: "F2", name: "dm.csv", size: SESSIONS_CSV.length, url, channel: "D1", ts });
    await Promise.all([
      resendEvent(
        a.url,
        eventBody({
          type: "file_shared",
          file_id: "F2",
          user_id: "U1",
          channel_id: "D1",
          file: { id: "F2" },
          event_ts: "1700002000.000120",
        }),
      ),
      resendEvent(
        b.url,
        eventBody({
          type: "message",
          subtype: "file_share",
          channel_type: "im",
          user: "U1",
          text: "",
          ts,
          channel: "D1",
          files: [{ id: "F2" }],
        }),
      ),
    ]);
    await fake.waitFor(
      () =>
        since(from, "chat.update", (c) => c.args.text === "dm.csv has 2 sessions.").length === 1 &&
        logged(`file:F2:${ts} in D1 is already being handled`) === 1,
      "one analysis and the other announcement dropped",
    );
    expect(runs.length - before).toBe(1);
    expect(await store.uploads.list({ teamId: "T1", channelId: "D1" })).toHaveLength(1);
  });

  it("answers the retry on the other replica when the first attempt failed before posting", async () => {
    const from = fake.calls.length;
    fake.refuse("chat.postMessage", "internal_error", 1);
    const body = mention("1700003000.000300", "C4");
    const eventId = JSON.parse(body).event_id as string;
    await resendEvent(a.url, body);
    // The failure is told after the claim was taken; the claim is then given back in the store.
    await fake.waitFor(() => since(from, "chat.postEphemeral").length === 1, "the failure told");
    await untilFree(`event:${eventId}`);
    await resendEvent(b.url, body, { num: 1, reason: "http_error" });
    await fake.waitFor(() => since(from, "chat.postMessage").length === 2, "the answer");
    expect(blocksText(since(from, "chat.postMessage")[1]?.args.blocks)).toContain("£306,000");
    expect(logged(`dropped a repeated delivery event:${eventId}`)).toBe(0);
  });
});
