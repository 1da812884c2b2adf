/**
 * Every call to Slack is bounded: a download whose host stops answering (before the headers or
 * halfway through the body) is told to the uploader as slow, and the next file is analysed; a Web
 * API method, or a response URL, that never answers fails within the client's time limit instead
 * of stalling the work.
 */
import { afterEach, describe, expect, it } from "vitest";
import { downloadSlackFile } from "../../src/slack/uploads/download.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { type AnalyserRun, countingAnalyser, SESSIONS_CSV } from "./jobs-helpers.js";
import { sendEvent } from "./signed.js";
import { slashIn } from "./store-helpers.js";

/**
 * Limits short enough that a test need not wait out the defaults (60 s, 15 s), long enough that
 * a loaded machine answers every call that does answer well within them.
 */
const LIMITS = { webApiTimeoutMs: 2_000, downloadTimeoutMs: 2_000 } as const;

const BYTES = new TextEncoder().encode(SESSIONS_CSV);

describe("downloadSlackFile's time limit", () => {
  let fake: FakeSlack;
  afterEach(async () => {
    await fake.close();
  });
  // A stalled host is cut off at 300 ms; a prompt one gets a limit no loaded machine reaches.
  const fetchWithin = (url: string, timeoutMs = 300) =>
    downloadSlackFile(url, {
      token: "xoxb-test-token",
      allowedHosts: [new URL(fake.origin).host],
      maxBytes: 1_000_000,
      timeoutMs,
    });

  it.each(["headers", "body"] as const)(
    "reports a host that stalls before the %s end as slow",
    async (hang) => {
      fake = await startFakeSlack();
      const result = await fetchWithin(fake.serve("stalled.csv", BYTES, { hang }));
      expect(result).toEqual({ ok: false, reason: "slow", detail: "not complete within 300 ms" });
    },
  );

  it("reads a file that arrives in time", async () => {
    fake = await startFakeSlack();
    const result = await fetchWithin(fake.serve("prompt.csv", BYTES), 30_000);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(BYTES) });
  });
});

describe("through the receiver", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  let n = 0;
  /** Shares a file in C1 as Slack does; its download may hang. */
  async function share(name: string, hang?: "headers" | "body"): Promise<string> {
    const id = `FT${++n}`;
    const ts = `1700000100.00000${n}`;
    const url = h.fake.serve(`${id}-${name}`, BYTES, hang ? { hang } : {});
    h.fake.describe({ id, name, size: BYTES.byteLength, url, channel: "C1", ts });
    await sendEvent(h.url, {
      type: "file_shared",
      file_id: id,
      user_id: "U1",
      channel_id: "C1",
      file: { id },
      event_ts: ts,
    });
    return id;
  }

  it.each(["headers", "body"] as const)(
    "tells the uploader Slack was slow when the download stalls (%s), and analyses the next file",
    async (hang) => {
      const runs: AnalyserRun[] = [];
      h = await startHarness({ ...LIMITS, analyseUpload: countingAnalyser("one", runs) });
      await share("slow.csv", hang);
      await h.fake.waitFor(
        () => h.fake.callsOf("chat.postEphemeral").length === 1,
        "the uploader to be told",
      );
      const told = h.fake.callsOf("chat.postEphemeral")[0]?.args;
      expect(told?.user).toBe("U1");
      expect(told?.text).toBe(
        ":warning: upload: Slack took too long to send me slow.csv — share it again",
      );
      expect(h.log.join("\n")).toMatch(/did not download FT\d+: not complete within 2000 ms/);
      expect(runs).toEqual([]);

      await share("next.csv");
      await h.fake.waitFor(
        () => h.fake.callsOf("chat.update").some((c) => c.args.text === "next.csv has 2 sessions."),
        "the next file's result",
      );
      expect(runs.map((r) => r.name)).toEqual(["next.csv"]);
    },
  );

  it("fails a Web API call that never answers within the client's limit, and tells the uploader", async () => {
    h = await startHarness({ ...LIMITS, analyseUpload: countingAnalyser("one", []) });
    h.fake.hang("files.info");
    const id = await share("sessions.csv");
    await h.fake.waitFor(
      () => h.fake.callsOf("chat.postEphemeral").length === 1,
      "the uploader to be told",
    );
    expect(h.fake.callsOf("chat.postEphemeral")[0]?.args.text).toMatch(
      /^Something went wrong inside dealdesk/,
    );
    expect(h.log.join("\n")).toMatch(
      new RegExp(
        `analysing file ${id} failed: WebAPIRequestError \\(slack_webapi_request_error\\)`,
      ),
    );
  });
});

describe("a slash command's response URL that never answers", () => {
  it("fails within the Web API's limit (Bolt's respond() fetches through the client's options)", async () => {
    const h = await startHarness(LIMITS);
    try {
      // The bot is not in the channel, so the answer falls back to the response URL, which hangs.
      h.fake.refuse("chat.postMessage", "not_in_channel");
      h.fake.hang("response_url");
      await slashIn(h.url, h.fake, "cost 150 named @ 70 vs 500 named @ 100");
      await h.fake.waitFor(() => h.fake.responses.length === 1, "the reply to the response URL");
      await h.fake.waitFor(
        () => h.log.some((l) => l.includes("/deal from U1 in C1 failed")),
        "the failure logged",
      );
      expect(h.log.find((l) => l.includes("/deal from U1 in C1 failed"))).toMatch(
        // Node 24 gives the AbortSignal's TimeoutError no stack frames; Node 20 does.
        /failed: TimeoutError(\n|$)/,
      );
    } finally {
      await h.close();
    }
  });
});
