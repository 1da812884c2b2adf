/**
 * `npm start` with Slack tokens set: the Slack app, its channel deals kept in the store, the job
 * queue that analyses shared files (pg-boss on a PostgreSQL server, so any replica may take a
 * job; a queue table in PGlite otherwise, so queued files survive a restart) and the daily
 * retention sweep. Runs until SIGINT or SIGTERM, then stops the app (no new work), gives running
 * jobs up to 25 s to finish and gives back the rest (they run again on another replica or after a
 * restart), and only then closes the store the jobs use.
 */

import type { CommandContext } from "../commands/context.js";
import type { Config } from "../config.js";
import { parseSlackConfig } from "../slack/config.js";
import { type RunningSlackApp, SlackStartError, startSlackApp } from "../slack/start.js";
import { storedDealContext } from "../slack/stored-deals.js";
import { type JobQueue, openJobQueue, type QueueLogger } from "../store/jobs.js";
import { describeDb } from "../store/open-db.js";
import { openStore } from "../store/store.js";
import { openAnalysisPool } from "./analysis-threads/pool.js";
import { analysisThreadCount } from "./analysis-threads/thread-count.js";
import { shutdownGraceSeconds } from "./shutdown-grace.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function serveSlack(
  env: Readonly<Record<string, string | undefined>>,
  config: Config,
  context: CommandContext,
  log: (line: string) => void,
): Promise<number> {
  const slack = parseSlackConfig(env);
  if (!slack.ok) {
    for (const message of slack.messages) log(`dealdesk: ${message}`);
    return 2;
  }
  const threads = analysisThreadCount(env);
  if (!threads.ok) {
    log(`dealdesk: ${threads.message}`);
    return 2;
  }
  const grace = shutdownGraceSeconds(env);
  if (!grace.ok) {
    log(`dealdesk: ${grace.message}`);
    return 2;
  }
  const store = await openStore(config);
  // The queue's own lines are already redacted and worded with ids.
  const queueLog: QueueLogger = { warn: log, error: log };
  let jobs: JobQueue;
  try {
    jobs = await openJobQueue(config, { db: store.db, logger: queueLog });
  } catch (error) {
    await store.close();
    throw error;
  }
  const sweep = async () => {
    try {
      const now = new Date();
      // Expired claims and button states go daily so their tables stay small.
      await store.claims.sweep(now);
      await store.actionStates.sweep(now);
      const r = await store.applyRetention({ now, days: config.retentionDays });
      if (r.rawRows > 0)
        log(
          `dealdesk: retention deleted ${r.rawRows} raw rows older than ${config.retentionDays} days`,
        );
    } catch (error) {
      log(`dealdesk: the retention sweep failed (${String(error)})`);
    }
  };
  await sweep();
  const timer = setInterval(sweep, DAY_MS);
  timer.unref();
  // Analyses run in worker threads, so a large file never delays the receiver's acks.
  const analyses = openAnalysisPool({ threads: threads.threads, log });
  let app: RunningSlackApp;
  try {
    app = await startSlackApp({
      config: slack.config,
      context,
      deals: storedDealContext(store, () => new Date()),
      analyseUpload: analyses.analyse,
      store,
      jobs,
      maxUploadBytes: config.maxFileBytes,
    });
  } catch (error) {
    clearInterval(timer);
    await jobs.stop();
    await analyses.close();
    await store.close();
    if (error instanceof SlackStartError) {
      log(`dealdesk: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const where = app.port === undefined ? "Socket Mode" : `http://0.0.0.0:${app.port}/slack/events`;
  const queue = jobs.kind === "pg-boss" ? "the pg-boss job queue" : "this process";
  log(
    `dealdesk: Slack app running (${where}); data in ${describeDb(config)}; file analyses run in ${queue}`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(timer);
  await app.stop();
  // Jobs already taken finish (their Slack calls don't need the receiver) or are given back;
  // the store stays open until then.
  await jobs.stop({ graceMs: grace.value * 1000 });
  // After the queue: a job given back at shutdown has already let go of its thread's answer.
  await analyses.close();
  await store.close();
  return 0;
}
