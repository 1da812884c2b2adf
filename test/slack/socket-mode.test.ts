/**
 * Socket Mode that cannot connect fails start-up in one line (startSlackApp throws
 * SlackStartError; serve-slack prints it and exits 1, test/cli/serve-slack.test.ts), instead of
 * retrying for ever; and its apps.connections.open goes to SLACK_API_URL, like the bot's calls.
 */
import { LogLevel } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { serverContext } from "../../src/cli/context.js";
import { currency } from "../../src/core/money.js";
import { SlackStartError, startSlackApp } from "../../src/slack/start.js";
import { recordingLogger } from "./harness.js";
import { type SocketApi, startSocketApi } from "./socket-api.js";

let api: SocketApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function startAgainst(apiUrl: string, socketModeStartMs?: number) {
  const log: string[] = [];
  const started = startSlackApp({
    config: { botToken: "xoxb-bot", appToken: "xapp-app", apiUrl, extraFileHosts: [], port: 0 },
    context: serverContext(currency("GBP")),
    logger: recordingLogger(log),
    logLevel: LogLevel.ERROR,
    retries: 0,
    ...(socketModeStartMs === undefined ? {} : { socketModeStartMs }),
  });
  return { started, log };
}

describe("Socket Mode start-up", () => {
  it("an app token Slack refuses fails at once, in one line naming SLACK_APP_TOKEN, asked of SLACK_API_URL", async () => {
    api = await startSocketApi("refuse");
    const { started } = await startAgainst(api.apiUrl);
    const error = await started.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlackStartError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/apps\.connections\.open at 127\.0\.0\.1:\d+: invalid_auth/);
    expect(message).toContain("check SLACK_APP_TOKEN");
    expect(message).not.toMatch(/xapp-app|xoxb-bot/);
    // Asked once, of SLACK_API_URL, with the app token (no retries).
    expect(api.calls.filter((c) => c.method === "apps.connections.open")).toEqual([
      { method: "apps.connections.open", token: "xapp-app" },
    ]);
  });

  it("a WebSocket that refuses fails after the deadline, in one line; the receiver's own client used SLACK_API_URL", async () => {
    api = await startSocketApi("dead-socket");
    // The deadline is what is tested: nothing ever listens on the WebSocket's port.
    const { started } = await startAgainst(api.apiUrl, 3_000);
    const error = await started.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlackStartError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(
      /^could not open the Socket Mode WebSocket \(not connected within 3 s\)/,
    );
    // The check, then the Socket Mode client's own call: both went to SLACK_API_URL.
    const opens = api.calls.filter((c) => c.method === "apps.connections.open");
    expect(opens.length).toBeGreaterThanOrEqual(2);
    expect(opens.every((c) => c.token === "xapp-app")).toBe(true);
  }, 30_000);
});
