/**
 * `npm start` in Socket Mode with an app token Slack refuses: one line and exit status 1.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serverContext } from "../../src/cli/context.js";
import { serveSlack } from "../../src/cli/serve-slack.js";
import { parseConfig } from "../../src/config.js";
import { currency } from "../../src/core/money.js";
import { type SocketApi, startSocketApi } from "../slack/socket-api.js";

describe("serveSlack", () => {
  let dataDir: string;
  let api: SocketApi;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dealdesk-serve-"));
    api = await startSocketApi("refuse");
  });
  afterEach(async () => {
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("exits 1 with one line when Socket Mode cannot connect", async () => {
    const parsed = parseConfig({ DEALDESK_DATA_DIR: dataDir });
    if (!parsed.ok) throw new Error(parsed.message);
    const lines: string[] = [];
    const code = await serveSlack(
      {
        SLACK_BOT_TOKEN: "xoxb-bot",
        SLACK_APP_TOKEN: "xapp-app",
        SLACK_API_URL: api.apiUrl,
        DEALDESK_ANALYSIS_THREADS: "1",
      },
      parsed.config,
      serverContext(currency("GBP")),
      (line) => lines.push(line),
    );
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^dealdesk: could not open a Socket Mode connection \(.*invalid_auth\)/,
    );
  }, 60_000);
});
