// Where a benchmark's dealdesk server keeps its data, and the environment it is started with:
// embedded PGlite in a temporary folder, or a database of its own on the local PostgreSQL server
// (created for the run and dropped afterwards, so pg-boss's schema `dealdesk_jobs` inside it is
// the bench's alone and nobody else's tests share it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { SECRET } from "./signed.mjs";

export const PG_SERVER = process.env.BENCH_PG_SERVER ?? "postgres://postgres@127.0.0.1:5432";

/** The environment of a server talking to `apiUrl` (a loopback Slack) on an ephemeral port. */
export function serverEnv(loopback, apiUrl, store, extra = {}) {
  return {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    PORT: "0",
    SLACK_API_URL: apiUrl,
    SLACK_FILE_HOSTS: loopback.host,
    DEALDESK_ANALYSIS_THREADS: "1",
    ...store.env,
    ...extra,
  };
}

/** A temporary data folder: embedded PGlite and its job-queue table. */
export function embeddedStore() {
  const dir = mkdtempSync(join(tmpdir(), "dealdesk-bench-"));
  return {
    kind: "embedded PGlite",
    env: { DEALDESK_DATA_DIR: dir },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function query(database, sql, params = []) {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/${database}` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const admin = (sql) => query("postgres", sql);

/** A fresh database on the PostgreSQL server, for this run only. */
export async function postgresStore() {
  const name = `dealdesk_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    kind: "PostgreSQL",
    name,
    env: { DATABASE_URL: `${PG_SERVER}/${name}` },
    /** The analyse-upload job of `fileId` as pg-boss holds it (state, retries), if any. */
    async jobOf(fileId) {
      const rows = await query(
        name,
        "SELECT state, retry_count FROM dealdesk_jobs.job WHERE name = 'analyse-upload' AND data->>'fileId' = $1",
        [fileId],
      );
      return rows[0];
    },
    async drop() {
      // FORCE: a server killed mid-run may have left a connection behind.
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
