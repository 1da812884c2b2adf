/** Starts the real Bolt app (HTTP receiver, ephemeral port) against the fake Slack server. */
import { type Logger, LogLevel } from "@slack/bolt";
import { serverContext } from "../../src/cli/context.js";
import type { CommandContext } from "../../src/commands/context.js";
import { currency } from "../../src/core/money.js";
import type { AnalyseUpload } from "../../src/slack/deps.js";
import { type RunningSlackApp, startSlackApp } from "../../src/slack/start.js";
import { storedDealContext } from "../../src/slack/stored-deals.js";
import type { JobQueue } from "../../src/store/jobs.js";
import type { Store } from "../../src/store/store.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { SIGNING_SECRET } from "./signed.js";

/**
 * Collects log lines so tests can check internals went to the log (and nowhere else); debug
 * lines only when asked (a claim given back is logged at debug, and Bolt's own debug lines are
 * what the content-free logger is tested on).
 */
export function recordingLogger(lines: string[], options: { debug?: boolean } = {}): Logger {
  const push =
    (level: string) =>
    (...m: unknown[]) => {
      lines.push(`${level} ${m.map(String).join(" ")}`);
    };
  let level = LogLevel.ERROR;
  return {
    debug: options.debug ? push("debug") : () => undefined,
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

export interface Harness {
  readonly fake: FakeSlack;
  readonly app: RunningSlackApp;
  readonly url: string;
  readonly log: string[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    analyseUpload?: AnalyseUpload;
    maxUploadBytes?: number;
    context?: CommandContext;
    /** The store; the channel deals are then kept in it too, as `npm start` does. */
    store?: Store;
    now?: () => Date;
    /** Record debug lines too, with Bolt's level at `logLevel` (default ERROR). */
    debugLog?: boolean;
    logLevel?: LogLevel;
    /** Time limits of Web API calls and downloads (the defaults are 15 s and 60 s). */
    webApiTimeoutMs?: number;
    downloadTimeoutMs?: number;
    /** How often due reminders are looked for (0: only on `app.sweepReminders()`). */
    reminderSweepMs?: number;
    /** A job queue for the app (queued analyses; the reminders' minute). */
    jobs?: JobQueue;
  } = {},
): Promise<Harness> {
  const fake = await startFakeSlack();
  const log: string[] = [];
  const app = await startSlackApp({
    config: {
      botToken: "xoxb-test-token",
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      extraFileHosts: [new URL(fake.origin).host],
      port: 0,
    },
    context: options.context ?? serverContext(currency("GBP")),
    ...(options.analyseUpload ? { analyseUpload: options.analyseUpload } : {}),
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    ...(options.store
      ? {
          store: options.store,
          deals: storedDealContext(options.store, options.now ?? (() => new Date())),
        }
      : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.webApiTimeoutMs ? { webApiTimeoutMs: options.webApiTimeoutMs } : {}),
    ...(options.downloadTimeoutMs ? { downloadTimeoutMs: options.downloadTimeoutMs } : {}),
    ...(options.reminderSweepMs === undefined ? {} : { reminderSweepMs: options.reminderSweepMs }),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    logger: recordingLogger(log, { debug: options.debugLog ?? false }),
    logLevel: options.logLevel ?? LogLevel.ERROR,
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
