/**
 * What reaches the log from Bolt, its receiver and its Web API client: at debug level they log
 * request bodies and API results. Through the real receiver at DEBUG, nothing a user typed or a
 * file's name reaches any line, while the lines themselves (what happened) still do.
 */
import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentFreeLogger } from "../../src/slack/content-free-logger.js";
import { type Harness, recordingLogger, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";

describe("contentFreeLogger", () => {
  const lines: string[] = [];
  const log = contentFreeLogger(recordingLogger(lines, { debug: true }));

  it("keeps a library line's words and withholds what follows its label", () => {
    lines.length = 0;
    log.debug("apiCall('files.info') start");
    log.debug('http request result: {"ok":true,"file":{"preview":"ann@example.com"}}');
    log.debug("ack() response sent (body: secret words)");
    log.debug('{"event":{"text":"secret words"}}');
    expect(lines).toEqual([
      "debug apiCall('files.info') start",
      "debug http request result: (content withheld)",
      "debug ack() response sent: (content withheld)",
      "debug : (content withheld)",
    ]);
  });

  it("withholds objects and an error's message, keeps its class and frames", () => {
    lines.length = 0;
    log.warn("http request failed", { text: "secret words" });
    log.error(new TypeError("row 'Ann Smith' is bad"));
    expect(lines[0]).toBe("warn http request failed (content withheld)");
    expect(lines[1]).toMatch(/^error TypeError\n {2}at /);
    expect(lines.join("\n")).not.toMatch(/secret|Ann Smith/);
  });

  it("passes dealdesk's own lines, which are worded with ids", () => {
    lines.length = 0;
    log.error("dealdesk: analysing file F1 failed: TypeError (E_ROW)");
    expect(lines).toEqual(["error dealdesk: analysing file F1 failed: TypeError (E_ROW)"]);
  });
});

describe("the app at debug level", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ logLevel: LogLevel.DEBUG, debugLog: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  it("logs what happened and none of what was typed or shared", async () => {
    const { fake, url, log: lines } = h;
    const typed = "cost 150 named @ 70 GBP for ann.smith@example.com";
    const answered = () =>
      fake.callsOf("chat.postMessage").length + fake.callsOf("chat.postEphemeral").length;
    const replies = answered();
    await sendEvent(url, {
      type: "app_mention",
      user: "U7",
      text: `<@UBOT> ${typed}`,
      ts: "1700000300.000300",
      channel: "C1",
    });
    await fake.waitFor(() => answered() > replies, "the mention's answer");
    const fileName = "bob.jones@example.com-roster.csv";
    const bytes = new TextEncoder().encode("user,email\nbob,bob.jones@example.com\n");
    fake.describe({
      id: "F77",
      name: fileName,
      size: bytes.byteLength,
      url: fake.serve("F77-roster.csv", bytes),
      channel: "C1",
      ts: "1700001000.000077",
    });
    const answers = answered();
    await sendEvent(url, {
      type: "file_shared",
      file_id: "F77",
      user_id: "U1",
      channel_id: "C1",
      file: { id: "F77" },
      event_ts: "1700001000.000077",
    });
    // Without an analyser the uploader is told analysis isn't available: one more answer.
    await fake.waitFor(() => answered() > answers, "the file's answer");
    // The lines are there (so this test can fail), and the Web API client did log its calls.
    expect(lines.some((l) => l.startsWith("debug apiCall('files.info') start"))).toBe(true);
    expect(lines.some((l) => l.includes("http request result: (content withheld)"))).toBe(true);
    const all = lines.join("\n");
    expect(all).not.toMatch(/example\.com|ann\.smith|bob\.jones|150 named/);
    expect(all).not.toContain("xoxb-test-token");
  });
});
