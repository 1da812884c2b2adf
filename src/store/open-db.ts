/**
 * Chooses the engine from config: a PostgreSQL server when DATABASE_URL is set, otherwise embedded
 * PGlite in DEALDESK_DATA_DIR. Takes only the two fields it reads, so the store does not depend on
 * the rest of the app's config.
 */
import { join } from "node:path";
import type { Db } from "./db.js";

export interface StoreConfig {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/** The PGlite database lives in a `pglite` folder inside the data folder, next to other data. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, "pglite");
}

/** Each engine's module (and its driver: pg, or PGlite's WASM) loads only when that engine is
 *  opened, so importing the store costs a process that never opens it nothing. */
export async function openDb(config: StoreConfig): Promise<Db> {
  if (config.databaseUrl !== undefined) {
    const { openPgDb } = await import("./pg-db.js");
    return openPgDb({ connectionString: config.databaseUrl });
  }
  const { openPgliteDb } = await import("./pglite-db.js");
  return openPgliteDb(pgliteDirectory(config.dataDir));
}

/** Where the store is, for messages: never the URL itself, which may hold a password. */
export function describeDb(config: StoreConfig): string {
  return config.databaseUrl !== undefined
    ? "the PostgreSQL server in DATABASE_URL"
    : `the embedded database in ${pgliteDirectory(config.dataDir)}`;
}
