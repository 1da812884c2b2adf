/**
 * `startSlackApp`: what src/cli/main.ts calls when the Slack tokens are set. Everything the app
 * needs has a default; tests and main.ts may pass their own store, analyser or logger.
 */
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Logger, LogLevel } from "@slack/bolt";
import type { CommandContext } from "../commands/context.js";
import { dispatch } from "../commands/dispatch.js";
import { findCommand } from "../commands/registry.js";
import { DEFAULT_MAX_FILE_MB, MIB } from "../core/file-size-limit.js";
import type { JobQueue } from "../store/jobs.js";
import type { Store } from "../store/store.js";
import { createActionBinder } from "./action-state/binder.js";
import { actionKeyFrom } from "./action-state/key.js";
import { buildSlackApp } from "./app.js";
import type { SlackConfig } from "./config.js";
import { consoleLogger } from "./console-logger.js";
import { createMemoryDealStore, type DealContextStore } from "./deal-context.js";
import type { AnalyseUpload, Dispatch, SlackDeps } from "./deps.js";
import { ANALYSE_UPLOAD_JOB } from "./jobs/payload.js";
import { analyseUploadWorker } from "./jobs/worker.js";
import { SlackMemory } from "./memory.js";
import { postDueReminders } from "./reminders/post-due.js";
import {
  REMINDER_SWEEP_JOB,
  type ReminderTicker,
  startReminderTicker,
} from "./reminders/ticker.js";
import { SocketModeStartError, startSocketMode } from "./socket-mode.js";
import { allowedFileHosts } from "./uploads/hosts.js";
import { analysisNotAvailable } from "./uploads/not-available.js";

/** The same default as a typed path's (DEALDESK_MAX_FILE_MB): a 5-million-row log fits. */
export const DEFAULT_MAX_UPLOAD_BYTES = DEFAULT_MAX_FILE_MB * MIB;

export interface StartSlackOptions {
  /** From parseSlackConfig(process.env). */
  readonly config: SlackConfig;
  /** The command context of channels without a deal (the configured default currency). */
  readonly context: CommandContext;
  /** The channel deals; in memory unless the PostgreSQL store is passed. */
  readonly deals?: DealContextStore;
  /** The roster/session-log analyser; by default a reply saying it isn't available yet. */
  readonly analyseUpload?: AnalyseUpload;
  /** Largest file downloaded, in bytes (DEALDESK_MAX_FILE_MB; default 400 MiB). */
  readonly maxUploadBytes?: number;
  /** Time limit of each Web API request, ms (default 15 s). */
  readonly webApiTimeoutMs?: number;
  /** Time limit of one download, redirects, headers and body together, ms (default 60 s). */
  readonly downloadTimeoutMs?: number;
  /** The command layer (default src/commands/dispatch.ts). */
  readonly dispatch?: Dispatch;
  readonly logger?: Logger;
  readonly logLevel?: LogLevel;
  /** Web API retries (default 5). */
  readonly retries?: number;
  /**
   * The store: uploads and analyses are saved per channel, App Home reads them, `/deal forget`
   * deletes them. Without it nothing is stored (and `/deal forget` says so).
   */
  readonly store?: Store;
  /** The clock for stored timestamps (default: the system clock). */
  readonly now?: () => Date;
  /**
   * The job queue (openJobQueue(config)): shared files are analysed through `analyse-upload`
   * jobs, by whichever instance takes them. Without it they are analysed inline. The caller
   * opens the queue and stops it after the app.
   */
  readonly jobs?: JobQueue;
  /**
   * Whether this instance works the queue's jobs (default true). False: it only enqueues, and
   * other instances sharing the database do the analyses.
   */
  readonly workJobs?: boolean;
  /** How long Socket Mode gets to open its WebSocket before start-up fails (default 30 s). */
  readonly socketModeStartMs?: number;
  /**
   * How often this instance looks for renewal reminders that are due, with a store. Default:
   * each minute of the job queue (`everyMinute`) when it has one and this instance works jobs,
   * else a 60 s timer. Set: a timer of this many ms, or 0 for none (only `sweepReminders`, as
   * tests do with a fake clock).
   */
  readonly reminderSweepMs?: number;
}

/** package.json's version: saved with every analysis so an old result can be told from a re-run. */
export function calculatorVersion(): string {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version?: unknown };
  return typeof pkg.version === "string" && pkg.version !== "" ? pkg.version : "unknown";
}

export interface RunningSlackApp {
  /** The HTTP port listened on (undefined in Socket Mode); useful with PORT=0. */
  readonly port?: number;
  /** Posts the renewal reminders due now (what the timer does); how many this call posted. */
  sweepReminders(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSlackApp(options: StartSlackOptions): Promise<RunningSlackApp> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? consoleLogger(options.logLevel);
  // Every replica shares the signing secret (Socket Mode: the bot token), so each can open a
  // button another one sealed.
  const binder = createActionBinder({
    key: actionKeyFrom(config.signingSecret ?? config.botToken),
    ...(options.store ? { store: options.store } : {}),
    now,
    logger,
  });
  const deps: SlackDeps = {
    baseContext: options.context,
    deals: options.deals ?? createMemoryDealStore(),
    memory: new SlackMemory(),
    dispatch: options.dispatch ?? dispatch,
    hasCommand: (word) => findCommand(word) !== undefined,
    analyseUpload: options.analyseUpload ?? analysisNotAvailable,
    files: {
      botToken: config.botToken,
      allowedHosts: allowedFileHosts(config.extraFileHosts),
      maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      ...(options.downloadTimeoutMs === undefined
        ? {}
        : { downloadTimeoutMs: options.downloadTimeoutMs }),
    },
    logger,
    ...(options.store ? { store: options.store } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    calculatorVersion: calculatorVersion(),
    now,
    ...(options.webApiTimeoutMs === undefined ? {} : { webApiTimeoutMs: options.webApiTimeoutMs }),
    binder,
  };
  const app = buildSlackApp({
    config,
    deps,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
  });
  try {
    await app.init();
  } catch (error) {
    throw new SlackStartError(
      `could not check the bot token with Slack (${describeStartFailure(error)}); check SLACK_BOT_TOKEN and that ${config.apiUrl ?? "slack.com"} is reachable`,
    );
  }
  if (options.jobs && options.workJobs !== false) {
    // app.client carries the bot token and SLACK_API_URL, like the listeners' clients.
    await options.jobs.work(ANALYSE_UPLOAD_JOB, analyseUploadWorker(deps, app.client));
  }
  const store = options.store;
  // The queue's minute when it has one and this instance works jobs; else a timer of its own.
  const queueMinute =
    options.jobs?.everyMinute !== undefined &&
    options.workJobs !== false &&
    options.reminderSweepMs === undefined;
  const reminders: ReminderTicker | undefined = store
    ? startReminderTicker(
        () => postDueReminders({ store, client: app.client, now, logger }),
        logger,
        queueMinute ? 0 : options.reminderSweepMs,
      )
    : undefined;
  if (reminders && queueMinute && options.jobs?.everyMinute) {
    await options.jobs.work(REMINDER_SWEEP_JOB, async () => {
      await reminders.sweep();
    });
    await options.jobs.everyMinute(REMINDER_SWEEP_JOB);
  }
  const sweepReminders = async () => (reminders ? reminders.sweep() : 0);
  const stopApp = async () => {
    await app.stop();
    await reminders?.stop();
  };
  if (config.appToken) {
    try {
      await startSocketMode(app, config, options.socketModeStartMs);
    } catch (error) {
      await reminders?.stop();
      if (error instanceof SocketModeStartError) throw new SlackStartError(error.message);
      throw error;
    }
    return { sweepReminders, stop: stopApp };
  }
  const server = (await app.start(config.port)) as Server;
  const port = (server.address() as AddressInfo | null)?.port;
  return {
    ...(port === undefined ? {} : { port }),
    sweepReminders,
    stop: stopApp,
  };
}

/** Start-up failed for a reason the operator can fix; the message is one line, without secrets. */
export class SlackStartError extends Error {
  override readonly name = "SlackStartError";
}

function describeStartFailure(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === "string") return data.error;
  const original = (error as { original?: { cause?: { code?: unknown } } } | undefined)?.original;
  if (typeof original?.cause?.code === "string") return original.cause.code;
  return error instanceof Error ? error.message : String(error);
}
