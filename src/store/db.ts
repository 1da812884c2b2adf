/**
 * The one small database interface the store is written against. Two engines implement it with
 * the same SQL: `pg` against a PostgreSQL server (pg-db.ts) and embedded PGlite (pglite-db.ts).
 *
 * Conventions that keep the SQL identical on both engines:
 * - JSON goes in as text with an explicit cast (`$1::jsonb`), never as a JS object or array, because
 *   `pg` turns JS arrays into Postgres arrays;
 * - instants go in as ISO strings cast with `::timestamptz`;
 * - rows come back untyped and every repository validates them with zod (bigint arrives as a string
 *   from `pg` and as a number from PGlite; the schemas accept both).
 */

/** A row as the driver returns it; repositories validate it before use. */
export type Row = Readonly<Record<string, unknown>>;

export interface QueryResult {
  readonly rows: readonly Row[];
  /** Rows returned, inserted, updated or deleted by the statement. */
  readonly rowCount: number;
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Engine = "postgres" | "pglite";

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
