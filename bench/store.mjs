#!/usr/bin/env node
// Store benchmark: inserting and reading back 1,000 analyses, and storing a 10,000-user roster's
// raw rows (time and storage size), on embedded PGlite (in memory and in a folder) and on a
// PostgreSQL server when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (in a fresh schema,
// dropped afterwards). Build first (`npm run build` or `npx tsc -p tsconfig.build.json`), then
// `node bench/store.mjs`. Results are appended to bench/results/store.md with the date and machine.
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "../dist/store/migrate.js";
import { openPgDb } from "../dist/store/pg-db.js";
import { openPgliteDb } from "../dist/store/pglite-db.js";
import { createStore } from "../dist/store/store.js";

const ANALYSES = 1000;
const ROSTER_USERS = 10_000;
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/** A cost analysis as a command would store it: the typed text, the data JSON, about 1.3 KB. */
function analysis(i) {
  const plan = (label, seats, rateMinor) => ({
    label,
    seats,
    rate: { currency: "GBP", minor: rateMinor, amount: (rateMinor / 100).toFixed(2) },
    annual: { currency: "GBP", minor: seats * rateMinor * 12 },
  });
  return {
    kind: "cost",
    inputs: {
      text: `150 named @ 70 + ${100 + (i % 50)} concurrent @ 140 vs 500 named @ 100 GBP`,
      years: 3,
    },
    outputs: {
      plans: [
        plan("named-only", 500, 10_000),
        plan("mixed: named", 150, 7000),
        plan("mixed: pool", 100 + (i % 50), 14_000),
      ],
      saving: { currency: "GBP", minor: 30_600_000 - (i % 50) * 168_000 },
      attribution: [
        { part: "rate", minor: 18_000_000 },
        { part: "model", minor: 12_600_000 },
      ],
      notes: ["Prices with no /mo or /yr are per user per month.", "Currency GBP was assumed."],
    },
    calculatorVersion: "cost@1",
  };
}

/** A synthetic roster row shaped like a HaloITSM agent export (fake names and addresses). */
function rosterRow(i) {
  const n = String(i + 1).padStart(5, "0");
  return {
    email: `agent${n}@example.com`,
    name: `Agent ${n} Surname${n}`,
    group: ["Service Desk", "Infrastructure", "Applications", "Field Services"][i % 4],
    role: i % 10 === 0 ? "Team Lead" : "Agent",
    status: i % 17 === 0 ? "disabled" : "active",
    licence: i % 3 === 0 ? "concurrent" : "named",
    last_login: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}T08:${String(i % 60).padStart(2, "0")}:00Z`,
    created: `20${15 + (i % 10)}-0${1 + (i % 9)}-01`,
    tickets_30d: (i * 37) % 400,
  };
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

async function onServer(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function measure(label, db, folder) {
  await migrate(db);
  const store = createStore(db);
  const scope = { teamId: "T0BENCH", channelId: "C0BENCH" };
  const stamp = (i) => ({ by: "U0BENCH", at: new Date(Date.UTC(2026, 2, 1) + i * 60_000) });

  let t0 = performance.now();
  const ids = [];
  for (let i = 0; i < ANALYSES; i++)
    ids.push((await store.analyses.add(scope, analysis(i), stamp(i))).id);
  const insertMs = performance.now() - t0;

  t0 = performance.now();
  const listed = await store.analyses.list(scope, { limit: ANALYSES });
  const listMs = performance.now() - t0;
  if (listed.length !== ANALYSES) throw new Error(`read back ${listed.length} analyses`);

  t0 = performance.now();
  for (const id of ids)
    if ((await store.analyses.get(scope, id)) === undefined) throw new Error("missing");
  const getMs = performance.now() - t0;

  const rows = Array.from({ length: ROSTER_USERS }, (_, i) => rosterRow(i));
  const jsonBytes = Buffer.byteLength(JSON.stringify(rows));
  const before = folder === undefined ? 0 : folderBytes(folder);
  t0 = performance.now();
  const upload = await store.uploads.add(
    scope,
    {
      fileName: "agents.xlsx",
      sha256: "0".repeat(64),
      kind: "roster",
      rowsTotal: ROSTER_USERS,
      rowsUsed: ROSTER_USERS,
      rowsRejected: 0,
      errorSummary: [],
    },
    rows,
    stamp(0),
  );
  const rosterMs = performance.now() - t0;
  t0 = performance.now();
  const back = await store.uploads.rawRows(scope, upload.id);
  const rosterReadMs = performance.now() - t0;
  if (back.length !== ROSTER_USERS) throw new Error(`read back ${back.length} rows`);
  const size = await db.query(
    "SELECT pg_total_relation_size('upload_rows')::bigint AS rows_bytes, pg_total_relation_size('analyses')::bigint AS analyses_bytes",
  );
  const rowsBytes = Number(size.rows[0].rows_bytes);
  const analysesBytes = Number(size.rows[0].analyses_bytes);
  // PGlite writes its folder on checkpoint/close; measure the folder's growth after a checkpoint.
  if (folder !== undefined) await db.exec("CHECKPOINT");
  const folderGrowth = folder === undefined ? undefined : folderBytes(folder) - before;
  return {
    label,
    insertMs,
    listMs,
    getMs,
    analysesBytes,
    rosterMs,
    rosterReadMs,
    jsonBytes,
    rowsBytes,
    folderGrowth,
  };
}

const results = [];
{
  const db = await openPgliteDb();
  results.push(await measure("PGlite, in memory", db));
  await db.close();
}
{
  const dir = mkdtempSync(join(os.tmpdir(), "dealdesk-bench-"));
  const db = await openPgliteDb(dir);
  results.push(await measure("PGlite, data folder", db, dir));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
if (serverUrl !== undefined) {
  const schema = `dealdesk_bench_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE SCHEMA ${schema}`);
  const db = openPgDb({ connectionString: serverUrl, searchPath: schema });
  try {
    const version = (await db.query("SELECT current_setting('server_version') AS v")).rows[0].v;
    results.push(await measure(`PostgreSQL ${version} server (local)`, db));
  } finally {
    await db.close();
    await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

const ms = (x) => x.toFixed(0);
const kib = (b) => (b / 1024).toFixed(0);
const mib = (b) => (b / 2 ** 20).toFixed(1);
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const header = `\n## ${new Date().toISOString().slice(0, 10)} — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}\n\n`;
const analysesTable = [
  `${ANALYSES.toLocaleString("en")} cost analyses (about ${Buffer.byteLength(JSON.stringify(analysis(0)))} bytes of JSON each), inserted one by one as commands would, then read back:\n`,
  "| engine | insert 1,000 (ms) | per insert (ms) | list all 1,000 (ms) | 1,000 gets by id (ms) | table + indexes (KiB) |",
  "|---|---:|---:|---:|---:|---:|",
  ...results.map(
    (r) =>
      `| ${r.label} | ${ms(r.insertMs)} | ${(r.insertMs / ANALYSES).toFixed(2)} | ${ms(r.listMs)} | ${ms(r.getMs)} | ${kib(r.analysesBytes)} |`,
  ),
].join("\n");
const rosterTable = [
  `\n\nA ${ROSTER_USERS.toLocaleString("en")}-user roster's raw rows (9 columns, ${mib(results[0].jsonBytes)} MiB as JSON) stored with one upload:\n`,
  "| engine | store (ms) | read back (ms) | upload_rows table + index (MiB) | per user (bytes) | data folder growth incl. WAL (MiB) |",
  "|---|---:|---:|---:|---:|---:|",
  ...results.map(
    (r) =>
      `| ${r.label} | ${ms(r.rosterMs)} | ${ms(r.rosterReadMs)} | ${mib(r.rowsBytes)} | ${Math.round(r.rowsBytes / ROSTER_USERS)} | ${r.folderGrowth === undefined ? "—" : mib(r.folderGrowth)} |`,
  ),
].join("\n");
const body = `${analysesTable}${rosterTable}\n`;
const file = new URL("./results/store.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# Store benchmark\n\nInserting and reading back analyses, and the size of a roster's raw rows, on embedded PGlite and on a PostgreSQL server. Written by `node bench/store.mjs` after a build.\n",
  );
}
appendFileSync(file, header + body);
console.log(header + body);
