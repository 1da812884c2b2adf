/**
 * What reaches the log from Bolt, its receiver and its Web API client: at debug level they log
 * request bodies and API results. Through the real receiver at DEBUG, nothing a user typed or a
 * file's name reaches any line, while the lines themselves (what happened) still do.
 */
import { type Logger, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverContext } from "../../src/cli/context.js";
import { currency } from "../../src/core/money.js";
import { contentFreeLogger } from "../../src/slack/content-free-logger.js";
import { type RunningSlackApp, startSlackApp } from "../../src/slack/start.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { SIGNING_SECRET, sendEvent } from "./signed.js";

/** Records every level, debug included. */
function everyLine(lines: string[]): Logger {
  let level = LogLevel.DEBUG;
  const push =
    (name: string) =>
    (...m: unknown[]) => {
      lines.push(`${name} ${m.map((p) => (typeof p === "string" ? p : String(p))).join(" ")}`);
    };
  return {
    debug: push("debug"),
    info: push("info"),
    warn: push("warn"),
    error: push("error"),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

describe("contentFreeLogger", () => {
  const lines: string[] = [];
  const log = contentFreeLogger(everyLine(lines));

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
  let fake: FakeSlack;
  let app: RunningSlackApp;
  const lines: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = await startSlackApp({
      config: {
        botToken: "xoxb-test-token",
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        extraFileHosts: [new URL(fake.origin).host],
        port: 0,
      },
      context: serverContext(currency("GBP")),
      logger: everyLine(lines),
      logLevel: LogLevel.DEBUG,
      retries: 0,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it("logs what happened and none of what was typed or shared", async () => {
    const url = `http://127.0.0.1:${app.port}/slack/events`;
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
