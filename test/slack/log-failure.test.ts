/**
 * The one logging policy for failures: ids and the error's class, code and stack frames in the
 * log, never what a user typed or what a file held (both can reach an error's message).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logFailure } from "../../src/slack/log-failure.js";
import { type Harness, recordingLogger, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";

describe("logFailure", () => {
  it("keeps the error's class, code and frames but not its message", () => {
    const lines: string[] = [];
    const error = Object.assign(new TypeError("cell B7 'Ann Smith' is not a date"), {
      code: "E_ROW",
    });
    logFailure(recordingLogger(lines), "analysing file F1", error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error dealdesk: analysing file F1 failed: TypeError \(E_ROW\)\n {2}at /,
    );
    expect(lines[0]).not.toMatch(/Ann Smith|not a date|B7/);
  });

  it("says what was thrown when it is not an Error, without its value", () => {
    const lines: string[] = [];
    logFailure(recordingLogger(lines), "Show working", "the secret text");
    expect(lines).toEqual(["error dealdesk: Show working failed: a thrown string"]);
  });
});

describe("a reply that fails", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("tells the user and logs ids, not what they typed", async () => {
    // The answer can't be posted, so the mention's reply fails after the command has run.
    h.fake.refuse("chat.postMessage", "channel_not_found");
    const typed = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
    const from = h.fake.calls.length;
    const logFrom = h.log.length;
    await sendEvent(h.url, {
      type: "app_mention",
      user: "U7",
      text: `<@UBOT> ${typed}`,
      ts: "1700000300.000300",
      channel: "C9",
      event_ts: "1700000300.000300",
    });
    await h.fake.waitFor(
      () => h.fake.calls.slice(from).some((c) => c.method === "chat.postEphemeral"),
      "the internal error to the user",
    );

    const logged = h.log.slice(logFrom);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^error dealdesk: message 1700000300\.000300 from U7 in C9 failed: \w*Error \(channel_not_found\)\n/,
    );
    expect(logged.join("\n")).not.toMatch(/cost|named|concurrent|150/);
  });
});
