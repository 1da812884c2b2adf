#!/usr/bin/env node
// Fault-and-load benchmark of the Slack app (issue 11): the REAL server (`node dist/cli/main.js`)
// runs as child processes against a loopback Slack (bench/lib/loopback-slack.mjs: Web API, file
// host, response URLs on 127.0.0.1), driven with signed requests. Scenarios, each bounded in count
// and time:
//   acks      200 slash commands while a 16 MB log is analysed (embedded PGlite)
//   acks-pg   the same with the store on PostgreSQL
//   api       Web API 429 / 500 / hang on chat.postMessage and chat.update (same server)
//   retries   every event kind delivered 3× across two replicas on PostgreSQL
//   sigterm   SIGTERM mid-job with two replicas: grace 25 s (finished) and 1 s (given back)
//   start     two replicas started at once on a fresh PostgreSQL database (6 trials)
//   db        the PostgreSQL server restarted under load: only with --db-restart, because it
//             restarts the machine's shared server
// It prints one line per figure, appends them to bench/results/slack-faults.md with the date and
// the machine, and exits 1 if a guarantee broke (an answer twice, a job lost, an ack ≥ 3 s).
//
//   node scripts/build-if-stale.mjs && node bench/slack-faults.mjs [--db-restart] [--only acks,api]
//   [--no-save]   (print only: a partial run is not a result)
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { embeddedStore, postgresStore, serverEnv } from "./lib/bench-env.mjs";
import { startLoopbackSlack } from "./lib/loopback-slack.mjs";
import { machineLine } from "./lib/machine.mjs";
import { acksWhileAnalysing } from "./lib/scenarios/acks.mjs";
import { apiFaults } from "./lib/scenarios/api-faults.mjs";
import { databaseRestart } from "./lib/scenarios/db-restart.mjs";
import { retriesAcrossReplicas } from "./lib/scenarios/retries.mjs";
import { sigtermMidJob } from "./lib/scenarios/sigterm.mjs";
import { startTogether } from "./lib/scenarios/start-together.mjs";
import { startServer } from "./lib/server-process.mjs";
import { largeSessionLog, smallSessionLog } from "./lib/session-log.mjs";

const argv = process.argv.slice(2);
const dbRestart = argv.includes("--db-restart");
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",")) : undefined;
// The database restart runs only when asked for by its flag, even with --only db.
const wanted = (name) => (name === "db" ? dbRestart : true) && (only ? only.has(name) : true);
/** The whole run's bound: a scenario still going after this is a failure, not a wait. */
const RUN_LIMIT_MS = 10 * 60 * 1000;

execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { stdio: "inherit" });
const machine = machineLine();
const started = performance.now();
const lines = [];
const broken = [];
const cleanups = [];
const say = (line) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

async function scenario(name, run) {
  if (!wanted(name)) return;
  const t0 = performance.now();
  try {
    const out = await run();
    for (const line of out.lines) say(line);
    for (const b of out.broken) broken.push(`${name}: ${b}`);
  } catch (error) {
    say(`${name}: did not complete: ${error instanceof Error ? error.message : String(error)}`);
    broken.push(`${name}: did not complete`);
  }
  process.stderr.write(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}

const watchdog = setTimeout(() => {
  process.stderr.write("slack-faults: the run went over its time limit\n");
  process.exit(1);
}, RUN_LIMIT_MS);
watchdog.unref();

const loopback = await startLoopbackSlack();
cleanups.push(() => loopback.close());
try {
  const large = largeSessionLog();
  const small = smallSessionLog();

  if (wanted("acks") || wanted("api")) {
    const store = embeddedStore();
    cleanups.push(() => store.drop());
    const server = await startServer(
      "embedded",
      serverEnv(loopback, loopback.apiUrlFor("e"), store),
    );
    cleanups.push(() => server.stop("SIGTERM", 30_000));
    await scenario("acks", () =>
      acksWhileAnalysing({ server, loopback, bytes: large, engine: "embedded PGlite", tag: "E" }),
    );
    await scenario("api", () => apiFaults({ server, loopback, bytes: small }));
  }
  if (wanted("acks-pg") || wanted("retries") || wanted("sigterm")) {
    const store = await postgresStore();
    cleanups.push(() => store.drop());
    const start = (tag, grace) =>
      startServer(
        tag,
        serverEnv(loopback, loopback.apiUrlFor(tag), store, {
          DEALDESK_SHUTDOWN_GRACE_SECONDS: String(grace),
        }),
      );
    const servers = [];
    cleanups.push(() => Promise.all(servers.map((s) => s.stop("SIGTERM", 30_000))));
    // One after the other: started at once on a fresh database, replicas can fail to start
    // (the "start" scenario measures that on its own).
    const startPair = async (tags, grace) => {
      const pair = [];
      for (const tag of tags) {
        const server = await start(tag, grace);
        servers.push(server);
        pair.push(server);
      }
      return pair;
    };
    await scenario("acks-pg", async () => {
      const [server] = await startPair(["pa"], 25);
      const out = await acksWhileAnalysing({
        server,
        loopback,
        bytes: large,
        engine: "PostgreSQL",
        tag: "P",
      });
      await server.stop();
      return out;
    });
    await scenario("retries", async () => {
      const [a, b] = await startPair(["ra", "rb"], 25);
      const out = await retriesAcrossReplicas({ servers: [a, b], loopback, bytes: small });
      await Promise.all([a.stop(), b.stop()]);
      return out;
    });
    await scenario("sigterm", () => sigtermMidJob({ startPair, loopback, bytes: large, store }));
  }
  await scenario("start", () => startTogether({ loopback }));
  if (wanted("db")) {
    const store = await postgresStore();
    cleanups.push(() => store.drop());
    const server = await startServer("db", serverEnv(loopback, loopback.apiUrlFor("d"), store));
    cleanups.push(() => server.stop("SIGTERM", 30_000));
    await scenario("db", () => databaseRestart({ server, loopback }));
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

const total = (performance.now() - started) / 1000;
say(
  `whole run: ${total.toFixed(0)} s; guarantees ${broken.length === 0 ? "held" : `BROKEN: ${broken.join("; ")}`}`,
);

const file = new URL("./results/slack-faults.md", import.meta.url);
if (!argv.includes("--no-save") && !existsSync(file)) {
  writeFileSync(
    file,
    "# Slack fault-and-load benchmark (issue 11)\n\n" +
      "`node scripts/build-if-stale.mjs && node bench/slack-faults.mjs [--db-restart]`. The real " +
      "server (`node dist/cli/main.js`, Slack over HTTP) runs as child processes against a loopback " +
      "Slack on 127.0.0.1 (Web API, file host, response URLs) and is sent signed requests as Slack " +
      "sends them. The scenarios and what each figure means are described at the top of " +
      "bench/slack-faults.mjs. Each run appends a section.\n",
  );
}
if (!argv.includes("--no-save"))
  appendFileSync(
    file,
    [
      "",
      `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      `Machine: ${machine} at the start.  `,
      `Command: \`node bench/slack-faults.mjs${argv.length ? ` ${argv.join(" ")}` : ""}\``,
      "",
      ...lines.map((l) => `- ${l}`),
      "",
    ].join("\n"),
  );
clearTimeout(watchdog);
process.exitCode = broken.length === 0 ? 0 : 1;
