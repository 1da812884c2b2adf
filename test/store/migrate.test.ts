/**
 * The migration runner on every backend: applies in order, once; records a sha256 per file;
 * refuses a file changed after it was applied; applies all pending files or none. On the server,
 * several runners started at once all succeed and apply each migration exactly once.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MIGRATIONS_DIR,
  migrate,
  migrationStatus,
  readMigrations,
} from "../../src/store/migrate.js";
import { type Backend, backends, serverBackend, serverUrl, type TestDb } from "./backends.js";

const INIT = "0001_init.sql";

async function sha256OfFile(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

describe.each(backends())("migrations on $name", (backend: Backend) => {
  let test: TestDb;
  let dir: string;

  beforeEach(async () => {
    test = await backend.open();
    dir = await mkdtemp(join(tmpdir(), "dealdesk-migrations-"));
    await copyFile(join(DEFAULT_MIGRATIONS_DIR, INIT), join(dir, INIT));
  }, 60_000);

  afterEach(async () => {
    await test.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await backend.finish();
  });

  it("applies the project's migrations once and records each with its file's sha256", async () => {
    const files = await readMigrations();
    expect(files.map((f) => f.name)).toContain(INIT);
    expect(await migrate(test.db)).toEqual({ applied: files.map((f) => f.name) });
    expect(await migrate(test.db)).toEqual({ applied: [] });
    const status = await migrationStatus(test.db);
    expect(status.map((s) => [s.name, s.state, s.checksum])).toEqual(
      await Promise.all(
        files.map(async (f) => [
          f.name,
          "applied",
          await sha256OfFile(join(DEFAULT_MIGRATIONS_DIR, f.name)),
        ]),
      ),
    );
  });

  it("shows a new file as pending, then applies only that file", async () => {
    await migrate(test.db, dir);
    await writeFile(join(dir, "0002_add_note.sql"), "ALTER TABLE deals ADD COLUMN owner text;\n");
    expect((await migrationStatus(test.db, dir)).map((s) => [s.name, s.state])).toEqual([
      [INIT, "applied"],
      ["0002_add_note.sql", "pending"],
    ]);
    expect(await migrate(test.db, dir)).toEqual({ applied: ["0002_add_note.sql"] });
    const r = await test.db.query("SELECT owner FROM deals");
    expect(r.rows).toEqual([]);
  });

  it("refuses to run when an applied migration's file was changed, naming the file", async () => {
    await migrate(test.db, dir);
    const path = join(dir, INIT);
    await writeFile(path, `${await readFile(path, "utf8")}\n-- edited\n`);
    await writeFile(join(dir, "0002_more.sql"), "CREATE TABLE more (id int);\n");
    await expect(migrate(test.db, dir)).rejects.toThrow(
      /^migration 0001_init\.sql was changed after it was applied \(applied sha256 [0-9a-f]{12}…, file now [0-9a-f]{12}…\): restore the file and put the change in a new migration$/,
    );
    const status = await migrationStatus(test.db, dir);
    expect(status.map((s) => [s.name, s.state])).toEqual([
      [INIT, "changed"],
      ["0002_more.sql", "pending"],
    ]);
    // Nothing after the changed file was applied.
    const more = await test.db.query("SELECT to_regclass('more') IS NULL AS absent");
    expect(more.rows[0]).toEqual({ absent: true });
  });

  it("applies all pending migrations or none: a failing file rolls back the ones before it", async () => {
    await writeFile(join(dir, "0002_ok.sql"), "CREATE TABLE fine (id int);\n");
    await writeFile(join(dir, "0003_broken.sql"), "CREATE TABLE broken (id nosuchtype);\n");
    await expect(migrate(test.db, dir)).rejects.toThrow(
      'migration 0003_broken.sql failed: type "nosuchtype" does not exist',
    );
    expect((await migrationStatus(test.db, dir)).map((s) => s.state)).toEqual([
      "pending",
      "pending",
      "pending",
    ]);
    const r = await test.db.query("SELECT to_regclass('fine') IS NULL AS absent");
    expect(r.rows[0]).toEqual({ absent: true });
  });

  it("refuses a migration file named out of the NNNN_name.sql pattern", async () => {
    await writeFile(join(dir, "add-index.sql"), "SELECT 1;\n");
    await expect(migrate(test.db, dir)).rejects.toThrow(
      "migration file add-index.sql must be named like 0002_add_index.sql",
    );
  });
});

const server = serverBackend();
if (server !== undefined) {
  describe("migrations on the server with several instances", () => {
    it("lets several instances start at once: all succeed, each migration is applied once", async () => {
      const test = await server.open();
      const dir = await mkdtemp(join(tmpdir(), "dealdesk-migrations-"));
      await copyFile(join(DEFAULT_MIGRATIONS_DIR, INIT), join(dir, INIT));
      // The sleep holds the lock long enough that the other instances surely arrive while it is held.
      await writeFile(
        join(dir, "0002_slow.sql"),
        "SELECT pg_sleep(0.3); CREATE TABLE slow (id int);\n",
      );
      const others = [1, 2, 3].map(() => server.openAnother?.(test.schema) ?? test.db);
      try {
        const results = await Promise.all([test.db, ...others].map((db) => migrate(db, dir)));
        const applied = results.map((r) => r.applied);
        // Exactly one instance applied both files; the others waited for the lock and found
        // nothing left to do.
        expect(applied.filter((a) => a.length > 0)).toEqual([[INIT, "0002_slow.sql"]]);
        expect(applied.filter((a) => a.length === 0)).toHaveLength(3);
        const ledger = await test.db.query(
          "SELECT name, count(*)::int AS n FROM dealdesk_migrations GROUP BY name ORDER BY name",
        );
        expect(ledger.rows).toEqual([
          { name: INIT, n: 1 },
          { name: "0002_slow.sql", n: 1 },
        ]);
      } finally {
        await Promise.all(others.map((db) => db.close()));
        await test.dispose();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

it("runs the concurrency test against the server whenever TEST_DATABASE_URL is set", () => {
  expect(backends().some((b) => b.name === "postgres")).toBe(serverUrl !== undefined);
});
