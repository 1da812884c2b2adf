/**
 * The migration runner. `migrations/` holds ordered, append-only `NNNN_name.sql` files; each is
 * applied once, in order, and recorded with the sha256 of its text. A file whose text changed after
 * it was applied stops the runner with an error naming the file, because the database no longer
 * matches what the file says (add a new migration instead of editing an old one).
 *
 * Several replicas may start at once against one server. The runner holds a transaction-scoped
 * advisory lock (pg_advisory_xact_lock) while it reads what is applied and applies the rest, so
 * the second instance waits, then sees everything applied and does nothing. All pending files are
 * applied in that one transaction: a failing migration leaves the database as it was.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Db, Queryable } from "./db.js";

/** `migrations/` at the package root, from both src/store (tests) and dist/store (built). */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export interface MigrationStatus {
  readonly name: string;
  readonly checksum: string;
  /** `changed`: applied, but the file's text is no longer what was applied. */
  readonly state: "applied" | "pending" | "changed";
  readonly appliedAt?: Date;
  /** The checksum recorded when it was applied, when it differs from the file's. */
  readonly appliedChecksum?: string;
}

export interface MigrateResult {
  /** Names applied by this call, in order; empty when the database was already up to date. */
  readonly applied: readonly string[];
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".sql")).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    if (!FILE_NAME.test(name)) {
      throw new MigrationError(`migration file ${name} must be named like 0002_add_index.sql`);
    }
    const sql = await readFile(`${dir}/${name}`, "utf8");
    files.push({ name, checksum: checksumOf(sql), sql });
  }
  return files;
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS dealdesk_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * One lock per schema: instances sharing a schema take turns, different schemas (one per test file,
 * one per installation) don't block each other.
 */
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('dealdesk.migrate:' || current_schema()))";

const ledgerRow = z.object({ name: z.string(), checksum: z.string(), applied_at: z.date() });
type LedgerRow = z.infer<typeof ledgerRow>;

async function readLedger(q: Queryable): Promise<Map<string, LedgerRow>> {
  const exists = await q.query("SELECT to_regclass('dealdesk_migrations') IS NOT NULL AS present");
  if (exists.rows[0]?.present !== true) return new Map();
  const r = await q.query("SELECT name, checksum, applied_at FROM dealdesk_migrations");
  return new Map(r.rows.map((row) => ledgerRow.parse(row)).map((row) => [row.name, row]));
}

function changedError(file: MigrationFile, recorded: string): MigrationError {
  return new MigrationError(
    `migration ${file.name} was changed after it was applied (applied sha256 ${recorded.slice(0, 12)}…, ` +
      `file now ${file.checksum.slice(0, 12)}…): restore the file and put the change in a new migration`,
  );
}

/** Applies every pending migration, or none; safe to call from several instances at once. */
export async function migrate(db: Db, dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrateResult> {
  const files = await readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(CREATE_LEDGER);
    const ledger = await readLedger(tx);
    const applied: string[] = [];
    for (const file of files) {
      const recorded = ledger.get(file.name);
      if (recorded !== undefined) {
        if (recorded.checksum !== file.checksum) throw changedError(file, recorded.checksum);
        continue;
      }
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationError(`migration ${file.name} failed: ${(error as Error).message}`);
      }
      await tx.query("INSERT INTO dealdesk_migrations (name, checksum) VALUES ($1, $2)", [
        file.name,
        file.checksum,
      ]);
      applied.push(file.name);
    }
    return { applied };
  });
}

/** Each migration file with whether it is applied, pending or changed since it was applied. */
export async function migrationStatus(
  db: Db,
  dir = DEFAULT_MIGRATIONS_DIR,
): Promise<MigrationStatus[]> {
  const files = await readMigrations(dir);
  const ledger = await readLedger(db);
  return files.map((file): MigrationStatus => {
    const recorded = ledger.get(file.name);
    if (recorded === undefined)
      return { name: file.name, checksum: file.checksum, state: "pending" };
    if (recorded.checksum !== file.checksum) {
      return {
        name: file.name,
        checksum: file.checksum,
        state: "changed",
        appliedAt: recorded.applied_at,
        appliedChecksum: recorded.checksum,
      };
    }
    return {
      name: file.name,
      checksum: file.checksum,
      state: "applied",
      appliedAt: recorded.applied_at,
    };
  });
}
