/** The `Db` interface over embedded PGlite: Postgres compiled to WASM, in memory or in a folder. */
import { mkdir } from "node:fs/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Db, Queryable } from "./db.js";

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query(sql, params = []) {
      const r = await target.query<Record<string, unknown>>(sql, [...params]);
      // PGlite reports 0 affected rows for a SELECT, so the larger of the two counts is the right one.
      return { rows: r.rows, rowCount: Math.max(r.rows.length, r.affectedRows ?? 0) };
    },
    async exec(sql) {
      await target.exec(sql);
    },
  };
}

/**
 * Opens PGlite. With `dataDir` the database lives in that folder (created if missing) and survives
 * a restart; without it the database is in memory (tests, benchmarks).
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  // Loaded here, not at import: the package is only worth its load time once a database opens.
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create(dataDir);
  const base = queryable(pglite);
  return {
    engine: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
    close: () => pglite.close(),
  };
}
