// Scenario 5 (only with --db-restart: it restarts the machine's shared PostgreSQL server): a
// server on PostgreSQL is sent a typed `/deal cost …` and a `/deal set …` every 250 ms, each in a
// channel of its own, from 3 s before the restart until 3 s after the first deal saved after it.
// Typed calculations must keep answering; a `/deal set` either saves or says storage is
// unavailable; the first save after the restart shows recovery needed nobody; the process stays up.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { promisify } from "node:util";
import {
  COST,
  COST_ANSWER,
  DEAL_SAVED,
  ephemeralsIn,
  postedIn,
  SET_DEAL,
  STORAGE_UNAVAILABLE,
  sendSlash,
} from "../slack-flows.mjs";
import { seconds } from "../stats.mjs";

const TICK_MS = 250;
const BEFORE_MS = 3000;
const AFTER_MS = 3000;
const LIMIT_MS = 90_000;

function restartPostgres() {
  // BENCH_DB_RESTART_DRY=1 checks the scenario's own code without touching the shared server.
  if (process.env.BENCH_DB_RESTART_DRY) return Promise.resolve();
  const version = readdirSync("/etc/postgresql")[0];
  return promisify(execFile)(
    "pg_ctlcluster",
    ["--skip-systemctl-redirect", version, "main", "restart"],
    {
      timeout: 60_000,
    },
  );
}

export async function databaseRestart({ server, loopback }) {
  const lines = [];
  const broken = [];
  const sent = [];
  const start = Date.now();
  let restart;
  let restarted;
  let stopAt = Number.POSITIVE_INFINITY;
  const saved = (s) => postedIn(loopback, s.channel, DEAL_SAVED)[0];
  const firstSaveAfter = () =>
    sent
      .filter((s) => s.kind === "set" && restarted && s.at >= restarted.end)
      .map(saved)
      .find(Boolean);

  for (let i = 0; Date.now() < Math.min(stopAt, start + LIMIT_MS); i++) {
    if (!restart && Date.now() - start >= BEFORE_MS) {
      const begin = Date.now();
      restart = restartPostgres().then(
        () => {
          restarted = { begin, end: Date.now() };
        },
        (error) => {
          restarted = { begin, end: Date.now(), error };
        },
      );
    }
    for (const [kind, text] of [
      ["typed", COST],
      ["set", SET_DEAL],
    ]) {
      const channel = `CD${kind === "typed" ? "T" : "S"}${i}`;
      sent.push({ kind, channel, at: Date.now(), ack: sendSlash(server, loopback, text, channel) });
    }
    const first = firstSaveAfter();
    if (first && stopAt === Number.POSITIVE_INFINITY) stopAt = first.at + AFTER_MS;
    await delay(TICK_MS);
  }
  await restart;
  const acks = await Promise.all(sent.map((s) => s.ack));
  const outcome = (s) => {
    if (s.kind === "typed" && postedIn(loopback, s.channel, COST_ANSWER).length > 0)
      return "answered";
    if (s.kind === "set" && saved(s)) return "saved";
    if (
      ephemeralsIn(loopback, s.channel).some((c) => STORAGE_UNAVAILABLE.test(String(c.args.text)))
    )
      return "unavailable";
    return undefined;
  };
  await loopback
    .until(
      () => sent.every((s) => outcome(s) !== undefined),
      "an outcome for every request",
      30_000,
    )
    .catch(() => undefined);
  const of = (kind) => sent.filter((s) => s.kind === kind);
  const count = (kind, what) => of(kind).filter((s) => outcome(s) === what).length;
  const lateAcks = acks.filter((a) => a.status !== 200 || a.ms >= 3000).length;
  const first = firstSaveAfter();
  lines.push(
    `database restart: typed calculations answered ${count("typed", "answered")} of ${of("typed").length}; /deal set saved ${count("set", "saved")}, "storage is unavailable" ${count("set", "unavailable")}, no outcome ${of("set").filter((s) => outcome(s) === undefined).length}, of ${of("set").length}; acks late or failed ${lateAcks}`,
  );
  lines.push(
    restarted?.error
      ? `database restart: pg_ctlcluster failed (${String(restarted.error.message).split("\n")[0]})`
      : `database restart${process.env.BENCH_DB_RESTART_DRY ? " (DRY: nothing restarted)" : ""}: PostgreSQL restarted in ${seconds(restarted.end - restarted.begin)}; first deal saved ${first ? `${seconds(first.at - restarted.end)} after the restart finished` : "never"}; the server ${server.alive() ? "stayed up" : "EXITED"}`,
  );
  if (!server.alive()) broken.push("the server exited");
  if (!first) broken.push("no deal saved after the restart");
  if (count("typed", "answered") < of("typed").length)
    broken.push("typed calculations went unanswered");
  if (lateAcks > 0) broken.push(`${lateAcks} acks late or failed`);
  return { lines, broken };
}
