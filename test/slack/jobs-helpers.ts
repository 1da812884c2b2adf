/**
 * For the queued-analysis tests: app instances started against a fake Slack the test owns (so
 * two instances can share one), a session-log analyser that says which instance ran it, and a
 * file share sent as Slack sends it.
 */
import { LogLevel } from "@slack/bolt";
import { serverContext } from "../../src/cli/context.js";
import { replied } from "../../src/commands/reply.js";
import { currency } from "../../src/core/money.js";
import type { AnalyseUpload } from "../../src/slack/deps.js";
import { type RunningSlackApp, startSlackApp } from "../../src/slack/start.js";
import { storedDealContext } from "../../src/slack/stored-deals.js";
import type { JobQueue } from "../../src/store/jobs.js";
import type { Store } from "../../src/store/store.js";
import type { FakeSlack } from "./fake-slack.js";
import { recordingLogger } from "./harness.js";
import { SIGNING_SECRET, sendEvent } from "./signed.js";

export interface Instance {
  readonly app: RunningSlackApp;
  readonly url: string;
  readonly log: string[];
}

export async function startInstance(
  fake: FakeSlack,
  options: {
    analyseUpload: AnalyseUpload;
    jobs?: JobQueue;
    workJobs?: boolean;
    store?: Store;
  },
): Promise<Instance> {
  const log: string[] = [];
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
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.workJobs === undefined ? {} : { workJobs: options.workJobs }),
    ...(options.store
      ? { store: options.store, deals: storedDealContext(options.store, () => new Date()) }
      : {}),
    logger: recordingLogger(log),
    logLevel: LogLevel.ERROR,
    retries: 0,
  });
  return { app, url: `http://127.0.0.1:${app.port}/slack/events`, log };
}

export const SESSIONS_CSV =
  "user,start,end\nann@example.com,2026-09-07 09:00,2026-09-07 17:00\nbob@example.com,2026-09-07 10:00,2026-09-07 12:00\n";

export interface AnalyserRun {
  readonly instance: string;
  readonly name: string;
  readonly bytes: number;
  readonly vendor?: string;
  readonly namedMinor?: number;
}

/** Counts the rows and reports progress once; records which instance ran it and with what deal. */
export function countingAnalyser(instance: string, runs: AnalyserRun[]): AnalyseUpload {
  return async (file, ctx, progress) => {
    runs.push({
      instance,
      name: file.name,
      bytes: file.bytes.byteLength,
      ...(ctx.deal ? { vendor: ctx.deal.vendor } : {}),
      ...(ctx.deal?.namedRate ? { namedMinor: ctx.deal.namedRate.minor } : {}),
    });
    const rows = new TextDecoder().decode(file.bytes).trim().split("\n").length - 1;
    await progress(`Reading ${file.name} … ${rows} sessions`);
    return replied({
      command: "upload",
      headline: `${file.name} has ${rows} sessions.`,
      tables: [],
      notes: [],
      working: [`${rows} rows read`],
      next: [],
      data: { rows },
    });
  };
}

/** Serves and describes a file, then sends the signed file_shared event for it to `url`. */
export async function shareFile(
  fake: FakeSlack,
  url: string,
  file: { id: string; name: string; bytes: Uint8Array; channel: string; ts: string },
): Promise<number> {
  const fileUrl = fake.serve(`${file.id}-${file.name}`, file.bytes);
  fake.describe({
    id: file.id,
    name: file.name,
    size: file.bytes.byteLength,
    url: fileUrl,
    channel: file.channel,
    ts: file.ts,
  });
  const res = await sendEvent(url, {
    type: "file_shared",
    file_id: file.id,
    user_id: "U1",
    channel_id: file.channel,
    file: { id: file.id },
    event_ts: file.ts,
  });
  return res.status;
}
