/**
 * Every answer exactly once, on one app without a store (its claims in memory), through the real
 * receiver: Slack's retries of an event (same event_id, X-Slack-Retry-Num), a replayed slash
 * command or click (same trigger_id), and a file share announced or delivered twice are acted on
 * once; a first attempt that failed before sending anything leaves the retry free to answer; and
 * a file is analysed per channel and per share, so sharing it again is analysed again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { type AnalyserRun, countingAnalyser, SESSIONS_CSV } from "./jobs-helpers.js";
import { eventBody, resendEvent, sendInteraction, sendSlash, slashBody } from "./signed.js";
import { buttonsOf, nextCall } from "./store-helpers.js";

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
const runs: AnalyserRun[] = [];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ analyseUpload: countingAnalyser("one", runs), debugLog: true });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

function since(from: number, method: string, where: (c: ApiCall) => boolean = () => true) {
  return h.fake.calls.slice(from).filter((c) => c.method === method && where(c));
}
const logged = (text: string) => h.log.filter((l) => l.includes(text)).length;

function mention(ts: string, channel = "C1") {
  return { type: "app_mention", user: "U1", text: `<@UBOT> ${COST}`, ts, channel, event_ts: ts };
}

/** Describes file `id` as shared in `channel` by the message `ts`, and returns its event body. */
function fileShared(id: string, channel: string, ts: string): string {
  const url = h.fake.serve(`${id}-${channel}-${ts}.csv`, new TextEncoder().encode(SESSIONS_CSV));
  h.fake.describe({ id, name: "sessions.csv", size: SESSIONS_CSV.length, url, channel, ts });
  return eventBody({
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: channel,
    file: { id },
    event_ts: ts,
  });
}

const result = (c: ApiCall) => c.args.text === "sessions.csv has 2 sessions.";

describe("exactly once", () => {
  it("answers a mention once though Slack delivers it three times", async () => {
    const from = h.fake.calls.length;
    const body = eventBody(mention("1700000100.000100"), "EvMENTION3");
    const sent = [
      await resendEvent(h.url, body),
      await resendEvent(h.url, body, { num: 1, reason: "http_timeout" }),
      await resendEvent(h.url, body, { num: 2, reason: "http_timeout" }),
    ];
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200]);
    await h.fake.waitFor(
      () =>
        since(from, "chat.postMessage").length > 0 &&
        logged("dropped a repeated delivery event:EvMENTION3") === 2,
      "one answer and two dropped retries",
    );
    const answers = since(from, "chat.postMessage");
    expect(answers.map((c) => c.args.thread_ts)).toEqual(["1700000100.000100"]);
    expect(blocksText(answers[0]?.args.blocks)).toContain("£306,000");
    expect(h.log.filter((l) => l.includes("EvMENTION3"))).toEqual([
      "info dealdesk: dropped a repeated delivery event:EvMENTION3 (retry 1)",
      "info dealdesk: dropped a repeated delivery event:EvMENTION3 (retry 2)",
    ]);
  });

  it("answers a replayed slash command once, and acknowledges both", async () => {
    const from = h.fake.calls.length;
    const body = slashBody(COST, {
      channel: "C2",
      responseUrl: `${h.fake.origin}/respond/replay`,
      triggerId: "13345224609.738474920.replayed",
    });
    const first = await sendSlash(h.url, body);
    const replay = await sendSlash(h.url, body);
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.fake.waitFor(
      () =>
        since(from, "chat.postMessage").length > 0 &&
        logged("dropped a repeated delivery trigger:13345224609.738474920.replayed") === 1,
      "one answer and a dropped replay",
    );
    expect(since(from, "chat.postMessage").map((c) => c.args.channel)).toEqual(["C2"]);
    expect(h.fake.responses.filter((r) => r.path === "/respond/replay")).toEqual([]);
  });

  it("acts on a replayed button click once", async () => {
    const from = h.fake.calls.length;
    await sendSlash(h.url, slashBody(COST, { channel: "C3", responseUrl: `${h.fake.origin}/r` }));
    const post = await nextCall(h.fake, "chat.postMessage", from);
    const working = buttonsOf(post).find((b) => b.action_id === "dealdesk.working");
    if (!working) throw new Error("no Show working button");
    const click = {
      type: "block_actions",
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: "C3" },
      message: { ts: "1700000500.000500" },
      trigger_id: "trigger.click.replayed",
      api_app_id: "A1",
      token: "legacy",
      response_url: `${h.fake.origin}/respond/click`,
      actions: [{ ...working, type: "button", block_id: "dealdesk.result", action_ts: "1" }],
    };
    const clicked = h.fake.calls.length;
    expect((await sendInteraction(h.url, click)).status).toBe(200);
    expect((await sendInteraction(h.url, click)).status).toBe(200);
    await h.fake.waitFor(
      () =>
        since(clicked, "chat.postMessage").length > 0 &&
        logged("dropped a repeated delivery trigger:trigger.click.replayed") === 1,
      "the working once and a dropped replay",
    );
    expect(since(clicked, "chat.postMessage").map((c) => c.args.thread_ts)).toEqual([
      "1700000500.000500",
    ]);
  });

  it("answers Slack's retry when the first attempt failed before anything was posted", async () => {
    const from = h.fake.calls.length;
    h.fake.refuse("chat.postMessage", "internal_error", 1);
    const body = eventBody(mention("1700000700.000700", "C4"), "EvFAILEDONCE");
    await resendEvent(h.url, body);
    // The person is told it failed; the claim goes back, so the retry may act.
    await h.fake.waitFor(() => logged("released event:EvFAILEDONCE") === 1, "the claim given back");
    expect(since(from, "chat.postEphemeral")).toHaveLength(1);
    await resendEvent(h.url, body, { num: 1, reason: "http_error" });
    await h.fake.waitFor(() => since(from, "chat.postMessage").length === 2, "the answer");
    const [refused, answer] = since(from, "chat.postMessage");
    expect(refused?.args.thread_ts).toBe("1700000700.000700");
    expect(blocksText(answer?.args.blocks)).toContain("£306,000");
    expect(logged("dropped a repeated delivery event:EvFAILEDONCE")).toBe(0);
  });

  it("keeps the claims once something reached the channel, though acting failed later", async () => {
    // The progress message was posted, then updating it failed: the person is told to share the
    // file again (a new share), and a retry would post a second progress message.
    const from = h.fake.calls.length;
    const before = runs.length;
    h.fake.refuse("chat.update", "internal_error", 1);
    const body = fileShared("FKEEP", "C5", "1700000800.000800");
    const eventId = JSON.parse(body).event_id as string;
    await resendEvent(h.url, body);
    await h.fake.waitFor(() => since(from, "chat.postEphemeral").length === 1, "the failure told");
    await resendEvent(h.url, body, { num: 1, reason: "http_timeout" });
    await h.fake.waitFor(
      () => logged(`dropped a repeated delivery event:${eventId}`) === 1,
      "the retry dropped",
    );
    expect(logged(`released event:${eventId}`)).toBe(0);
    expect(since(from, "chat.postMessage")).toHaveLength(1);
    expect(runs.length - before).toBe(1);
  });

  it("analyses a file on Slack's retry when looking it up failed the first time", async () => {
    const from = h.fake.calls.length;
    const before = runs.length;
    h.fake.refuse("files.info", "internal_error", 1);
    const body = fileShared("FRETRY", "C6", "1700000900.000900");
    const eventId = JSON.parse(body).event_id as string;
    await resendEvent(h.url, body);
    await h.fake.waitFor(() => logged(`released event:${eventId}`) === 1, "the claim given back");
    await resendEvent(h.url, body, { num: 1, reason: "http_error" });
    await h.fake.waitFor(() => since(from, "chat.update", result).length === 1, "the result");
    expect(runs.length - before).toBe(1);
  });

  it("analyses a file and its retry once", async () => {
    const from = h.fake.calls.length;
    const before = runs.length;
    const body = fileShared("FTWICE", "C7", "1700001000.000100");
    await resendEvent(h.url, body);
    await resendEvent(h.url, body, { num: 1, reason: "http_timeout" });
    await h.fake.waitFor(
      () =>
        since(from, "chat.update", result).length === 1 &&
        logged(`dropped a repeated delivery event:${JSON.parse(body).event_id}`) === 1,
      "one result and a dropped retry",
    );
    expect(runs.length - before).toBe(1);
    expect(since(from, "chat.postMessage")).toHaveLength(1);
  });

  it("analyses the same file shared in a second channel there too", async () => {
    const from = h.fake.calls.length;
    const before = runs.length;
    await resendEvent(h.url, fileShared("FBOTH", "C8", "1700001100.000100"));
    await h.fake.waitFor(() => since(from, "chat.update", result).length === 1, "in C8");
    await resendEvent(h.url, fileShared("FBOTH", "C9", "1700001100.000200"));
    await h.fake.waitFor(() => since(from, "chat.update", result).length === 2, "in C9");
    expect(runs.length - before).toBe(2);
    expect(since(from, "chat.postMessage").map((c) => [c.args.channel, c.args.thread_ts])).toEqual([
      ["C8", "1700001100.000100"],
      ["C9", "1700001100.000200"],
    ]);
  });

  it("analyses a file shared again in the same channel (a new share) again", async () => {
    // Our error texts say "share the file again"; doing so must not be ignored as a repeat.
    const from = h.fake.calls.length;
    const before = runs.length;
    await resendEvent(h.url, fileShared("FAGAIN", "C10", "1700001200.000100"));
    await h.fake.waitFor(() => since(from, "chat.update", result).length === 1, "the first");
    await resendEvent(h.url, fileShared("FAGAIN", "C10", "1700001900.000100"));
    await h.fake.waitFor(() => since(from, "chat.update", result).length === 2, "the second");
    expect(runs.length - before).toBe(2);
    expect(since(from, "chat.postMessage").map((c) => c.args.thread_ts)).toEqual([
      "1700001200.000100",
      "1700001900.000100",
    ]);
  });
});
