/**
 * A harness like harness.ts whose log keeps debug lines too: a claim given back after a failed
 * attempt is logged at debug (ids only), and the retry tests wait for that line before retrying.
 */
import { LogLevel } from "@slack/bolt";
import { serverContext } from "../../src/cli/context.js";
import { currency } from "../../src/core/money.js";
import type { AnalyseUpload } from "../../src/slack/deps.js";
import { startSlackApp } from "../../src/slack/start.js";
import { startFakeSlack } from "./fake-slack.js";
import { type Harness, recordingLogger } from "./harness.js";
import { SIGNING_SECRET } from "./signed.js";

export async function startDebugHarness(options: {
  analyseUpload: AnalyseUpload;
}): Promise<Harness> {
  const fake = await startFakeSlack();
  const log: string[] = [];
  const logger = {
    ...recordingLogger(log),
    debug: (...m: unknown[]) => {
      log.push(`debug ${m.map(String).join(" ")}`);
    },
  };
  const app = await startSlackApp({
    config: {
      botToken: "xoxb-test-token",
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      extraFileHosts: [new URL(fake.origin).host],
      port: 0,
    },
    context: serverContext(currency("GBP")),
    analyseUpload: options.analyseUpload,
    logger,
    logLevel: LogLevel.ERROR,
    retries: 0,
  });
  return {
    fake,
    app,
    url: `http://127.0.0.1:${app.port}/slack/events`,
    log,
    async close() {
      await app.stop();
      await fake.close();
    },
  };
}
