/**
 * The databases the store tests run on: embedded PGlite always, and the machine's PostgreSQL
 * server when TEST_DATABASE_URL is set (CI sets it). On the server every test database is a
 * freshly created schema, dropped afterwards, because test files run in parallel and CI runs the
 * whole suite twice against the same database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { Db, Engine } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { openPgDb } from "../../src/store/pg-db.js";
import { openPgliteDb } from "../../src/store/pglite-db.js";
import { createStore, type Store } from "../../src/store/store.js";

export const serverUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestDb {
  readonly db: Db;
  /** The schema the database uses (on PGlite too, where it is set with SET search_path). */
  readonly schema: string;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: Engine;
  /** A database whose schema is new and empty. */
  open(): Promise<TestDb>;
  /** Another connection to the same schema, like a second replica (server only). */
  openAnother?(schema: string): Db;
  /** Releases what the backend shares between `open()` calls; call it in `afterAll`. */
  finish(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Runs `sql` on the server outside any test schema (create and drop schemas). */
export async function onServer(sql: string): Promise<void> {
  if (serverUrl === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const postgres: Backend = {
  name: "postgres",
  async open() {
    const schema = uniqueName("dealdesk_test");
    await onServer(`CREATE SCHEMA ${schema}`);
    const db = openPgDb({ connectionString: serverUrl ?? "", searchPath: schema });
    return {
      db,
      schema,
      async dispose() {
        await db.close();
        await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  },
  openAnother(schema) {
    return openPgDb({ connectionString: serverUrl ?? "", searchPath: schema });
  },
  async finish() {},
};

/**
 * PGlite takes over a second to start, so a test file shares one in-memory instance and each
 * `open()` gets a new schema in it. PGlite is one session: use one of these at a time.
 */
function pgliteBackend(): Backend {
  let shared: Promise<Db> | undefined;
  return {
    name: "pglite",
    async open() {
      shared ??= openPgliteDb();
      const db = await shared;
      const schema = uniqueName("dealdesk_test");
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      return {
        db: { ...db, close: async () => {} },
        schema,
        async dispose() {
          await db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
    async finish() {
      const db = await shared;
      shared = undefined;
      await db?.close();
    },
  };
}

/** PGlite, plus the real server when TEST_DATABASE_URL is set: for `describe.each`. */
export function backends(): Backend[] {
  return serverUrl === undefined ? [pgliteBackend()] : [pgliteBackend(), postgres];
}

/** The real server, when TEST_DATABASE_URL is set (tests that need several connections). */
export function serverBackend(): Backend | undefined {
  return serverUrl === undefined ? undefined : postgres;
}

/**
 * A migrated store on `backend` for the tests of one describe block: opened before them and
 * disposed after. `store` forwards to it, so tests read `store.deals…` as usual; `testDb()` is
 * the database underneath (for a raw query, or a second connection to its schema).
 */
export function migratedStore(backend: Backend): {
  readonly store: Store;
  readonly testDb: () => TestDb;
} {
  let opened: { readonly test: TestDb; readonly store: Store } | undefined;
  beforeAll(async () => {
    const test = await backend.open();
    await migrate(test.db);
    opened = { test, store: createStore(test.db) };
  }, 60_000);
  afterAll(async () => {
    await opened?.test.dispose();
    await backend.finish();
  });
  const current = () => {
    if (opened === undefined) throw new Error("the test store opens in beforeAll");
    return opened;
  };
  const store = new Proxy({} as Store, {
    get: (_, key) => Reflect.get(current().store, key),
  });
  return { store, testDb: () => current().test };
}
