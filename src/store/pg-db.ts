/** The `Db` interface over a PostgreSQL server, through a `pg` connection pool. */
import pg from "pg";
import type { Db, Queryable, QueryResult } from "./db.js";

export interface PgDbOptions {
  /** Secret: may hold a password. Never logged, never put in an error message. */
  readonly connectionString: string;
  /**
   * Schema(s) every connection uses, e.g. one schema per test file or per installation sharing a
   * server. Identifiers only (letters, digits, `_`), comma-separated.
   */
  readonly searchPath?: string;
  /** Pool size; a replica rarely needs more than a handful. */
  readonly maxConnections?: number;
  /** How long a new connection may take before the query fails (default 5 s). */
  readonly connectTimeoutMs?: number;
}

const SEARCH_PATH = /^[A-Za-z_][A-Za-z0-9_]*(,\s*[A-Za-z_][A-Za-z0-9_]*)*$/;

function toResult(r: pg.QueryResult): QueryResult {
  return { rows: r.rows as QueryResult["rows"], rowCount: r.rowCount ?? r.rows.length };
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query(sql, params = []) {
      return toResult(await client.query(sql, [...params]));
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

export function openPgDb(options: PgDbOptions): Db {
  if (options.searchPath !== undefined && !SEARCH_PATH.test(options.searchPath)) {
    throw new RangeError(
      "searchPath must be schema names (letters, digits, _) separated by commas",
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    application_name: "dealdesk",
    // A server that is down or unreachable fails the query within seconds instead of hanging
    // the answer (and every answer queued behind it); see unavailable.ts.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    ...(options.searchPath === undefined
      ? {}
      : { options: `-c search_path=${options.searchPath}` }),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  // The error text is not logged: it can echo connection parameters.
  pool.on("error", () => {});
  const base = queryable(pool);
  return {
    engine: "postgres",
    query: base.query,
    exec: base.exec,
    async transaction(work) {
      const client = await pool.connect();
      // A checked-out connection the server drops emits "error" on the client, not the pool;
      // unheard, that would crash the process. The failing query rejects on its own.
      const dropped = () => {};
      client.on("error", dropped);
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await work(queryable(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((e: unknown) => {
          // The connection is gone: released with an error, the pool discards it.
          broken = e instanceof Error ? e : new Error("rollback failed");
        });
        throw error;
      } finally {
        client.off("error", dropped);
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
