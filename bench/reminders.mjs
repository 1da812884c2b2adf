#!/usr/bin/env node
// Renewal reminders: what the once-a-minute sweep costs every replica when nothing is due (the
// common case), and how long posting-side claims take when many fall due at once. 2,000 channels
// with six reminders each (12,000 rows), on embedded PGlite (in memory) and on a PostgreSQL server
// when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a fresh schema, dropped afterwards). Build
// first (`npx tsc -p tsconfig.build.json`), then `node bench/reminders.mjs`. Wall and CPU time;
// results are appended to bench/results/reminders.md with the date, machine and load.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { planReminders } from "../dist/core/reminders.js";
import { migrate } from "../dist/store/migrate.js";
import { openPgDb } from "../dist/store/pg-db.js";
import { openPgliteDb } from "../dist/store/pglite-db.js";
import { createStore } from "../dist/store/store.js";
import { machineLine } from "./lib/machine.mjs";
import { percentile } from "./lib/stats.mjs";

const CHANNELS = 2000;
const IDLE_SWEEPS = 50;
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const now = new Date("2026-06-01T10:00:00Z");
const plan = planReminders({ renewalDate: "2027-03-31", noticeDays: 90, leadDays: 90, now });
if (!plan.ok) throw new Error("bad plan");

function cpuMs(start) {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

async function run(label, db) {
  await migrate(db);
  const store = createStore(db);
  const t0 = performance.now();
  for (let i = 0; i < CHANNELS; i++) {
    await store.reminders.schedule({ teamId: "T1", channelId: `C${i}` }, plan.value.reminders, {
      by: "U1",
      at: now,
    });
  }
  const scheduleMs = (performance.now() - t0) / CHANNELS;
  const idle = [];
  const idleCpu = process.cpuUsage();
  for (let i = 0; i < IDLE_SWEEPS; i++) {
    const t = performance.now();
    const due = await store.reminders.due(new Date("2026-09-01T12:00:00Z"));
    if (due.length !== 0) throw new Error("nothing should be due");
    idle.push(performance.now() - t);
  }
  const idleCpuMs = cpuMs(idleCpu) / IDLE_SWEEPS;
  // 2 September 09:00: every channel's 30-day start-by reminder is due; read in pages of 100 and
  // claimed one by one, as post-due.ts does (posting itself is Slack's time, not measured).
  const dueAt = new Date("2026-09-02T09:00:00Z");
  const claimCpu = process.cpuUsage();
  const t1 = performance.now();
  let claimed = 0;
  for (;;) {
    const due = await store.reminders.due(dueAt);
    if (due.length === 0) break;
    for (const r of due) if (await store.reminders.claim(r.id, dueAt)) claimed++;
  }
  const claimWall = performance.now() - t1;
  if (claimed !== CHANNELS) throw new Error(`claimed ${claimed}`);
  return {
    label,
    scheduleMs,
    idleP50: percentile(idle, 50),
    idleP95: percentile(idle, 95),
    idleCpuMs,
    claimWall,
    claimCpu: cpuMs(claimCpu),
  };
}

const rows = [];
{
  const db = await openPgliteDb();
  rows.push(await run("PGlite, in memory", db));
  await db.close();
}
if (serverUrl) {
  const schema = `bench_reminders_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openPgDb({ connectionString: serverUrl, searchPath: schema });
  try {
    rows.push(await run("PostgreSQL server (local)", db));
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const f = (v) => v.toFixed(2);
const out = [
  "",
  `## ${new Date().toISOString().slice(0, 10)} — ${machineLine()}`,
  "",
  `${CHANNELS} channels × 6 reminders (${CHANNELS * 6} rows). Idle sweep: the due query with nothing due, ${IDLE_SWEEPS} times (every replica runs one a minute). Burst: all ${CHANNELS} channels' reminders due at once, read 100 at a time and each claimed. CPU is this process's (the server's own CPU is not included).`,
  "",
  "| engine | schedule per channel (ms) | idle sweep p50 / p95 (ms) | idle sweep CPU (ms) | claim 2,000 due: wall (ms) | CPU (ms) |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.label} | ${f(r.scheduleMs)} | ${f(r.idleP50)} / ${f(r.idleP95)} | ${f(r.idleCpuMs)} | ${Math.round(r.claimWall)} | ${Math.round(r.claimCpu)} |`,
  ),
  "",
].join("\n");
const file = new URL("./results/reminders.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# Renewal reminders\n\nThe cost of the once-a-minute due-reminder sweep and of claiming a burst of due reminders. Written by `node bench/reminders.mjs` after a build.\n",
  );
}
appendFileSync(file, out);
console.log(out);
