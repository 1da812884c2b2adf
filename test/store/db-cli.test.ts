/** `dealdesk db migrate|status` and `dealdesk forget` (src/cli/db.ts), as an operator runs them. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDbCli } from "../../src/cli/db.js";
import { type Config, parseConfig } from "../../src/config.js";
import { currency } from "../../src/core/money.js";
import { readMigrations } from "../../src/store/migrate.js";
import { openPgDb } from "../../src/store/pg-db.js";
import { openStore } from "../../src/store/store.js";
import { onServer, serverUrl, uniqueName } from "./backends.js";

function configFor(env: Record<string, string>): Config {
  const r = parseConfig(env);
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

const USAGE_FIRST_LINE = "usage:\n";

describe("dealdesk db on the embedded database", () => {
  let dataDir: string;
  let config: Config;
  let names: string[];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dealdesk-cli-"));
    config = configFor({ DEALDESK_DATA_DIR: dataDir });
    names = (await readMigrations()).map((m) => m.name);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("status lists pending migrations before the first migrate and exits 1", async () => {
    const out = await runDbCli(["db", "status"], config);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain(`Migrations in the embedded database in ${dataDir}/pglite:\n`);
    expect(out.stdout).toMatch(/ {2}0001_init\.sql {2,}pending {2}[0-9a-f]{64}\n/);
    expect(out.stdout).toContain(
      `0 applied, ${names.length} pending.\nRun \`dealdesk db migrate\` to apply the pending ones.\n`,
    );
  }, 30_000);

  it("migrate applies them once; a second migrate has nothing to do; status then exits 0", async () => {
    expect(await runDbCli(["db", "migrate"], config)).toEqual({
      stdout: `Applied ${names.length} migration${names.length === 1 ? "" : "s"} to the embedded database in ${dataDir}/pglite: ${names.join(", ")}.\n`,
      stderr: "",
      exitCode: 0,
    });
    expect(await runDbCli(["db", "migrate"], config)).toEqual({
      stdout: `The embedded database in ${dataDir}/pglite is up to date: no migration to apply.\n`,
      stderr: "",
      exitCode: 0,
    });
    const status = await runDbCli(["db", "status"], config);
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toMatch(
      / {2}0001_init\.sql {2,}applied {2}[0-9a-f]{64} {2}applied \d{4}-\d\d-\d\dT/,
    );
    expect(status.stdout).toContain(`${names.length} applied, 0 pending.\n`);
  }, 30_000);

  it("forget deletes the channel's data, says what it deleted, and audits it as the CLI", async () => {
    const scope = { teamId: "T0TEAM", channelId: "C0DEAL" };
    const stamp = { by: "U0ALICE", at: new Date("2026-03-02T10:00:00Z") };
    const store = await openStore(config);
    await store.deals.save(scope, { vendor: "HaloITSM", currency: currency("GBP") }, stamp);
    for (const kind of ["cost", "renewal"]) {
      await store.analyses.add(
        scope,
        { kind, inputs: {}, outputs: {}, calculatorVersion: `${kind}@1` },
        stamp,
      );
    }
    await store.close();

    expect(await runDbCli(["forget", "--team", "T0TEAM", "--channel=C0DEAL"], config)).toEqual({
      stdout:
        "Forgot channel C0DEAL in team T0TEAM: deleted 1 deal, 0 uploads (0 raw rows), 2 analyses and 0 drafts. The deletion is recorded in the audit trail.\n",
      stderr: "",
      exitCode: 0,
    });

    const after = await openStore(config);
    try {
      expect(await after.deals.get(scope)).toBeUndefined();
      const [event] = await after.audit.list(scope);
      expect(event?.actor).toBe("cli");
      expect(event?.action).toBe("channel.forgotten");
    } finally {
      await after.close();
    }
  }, 30_000);

  it.each([
    [
      ["forget", "--team", "T1"],
      "forget needs both --team and --channel (the Slack team and channel ids)",
    ],
    [["forget", "--team", "T1", "--channel"], "--channel needs a value, e.g. --channel C0456EFGH"],
    [["forget", "--team", "T1", "--channel", "C1", "--all"], 'forget does not take "--all"'],
    [
      ["forget", "--team", "T 1", "--channel", "C1"],
      "--team and --channel take Slack ids such as T0123ABCD and C0456EFGH",
    ],
    [["db"], "db needs migrate or status"],
    [["db", "drop"], 'unknown db command "drop"'],
    [["db", "migrate", "now"], "db migrate takes no arguments"],
  ])("%j is a usage error (exit 2): %s", async (args, problem) => {
    const out = await runDbCli(args, config);
    expect(out).toEqual({
      stdout: "",
      stderr: expect.stringMatching(/^dealdesk: .*\nusage:\n/),
      exitCode: 2,
    });
    expect(out.stderr.startsWith(`dealdesk: ${problem}\n${USAGE_FIRST_LINE}`)).toBe(true);
  });
});

describe("dealdesk db against a PostgreSQL server", () => {
  it("reports an unreachable server by error code and never shows the URL or its password", async () => {
    const config = configFor({ DATABASE_URL: "postgres://app:s3cret-pw@127.0.0.1:1/dealdesk" });
    const out = await runDbCli(["db", "migrate"], config);
    expect(out).toEqual({
      stdout: "",
      stderr: "dealdesk db migrate: the database refused or failed (ECONNREFUSED)\n",
      exitCode: 1,
    });
  });

  const server = serverUrl;
  if (server !== undefined) {
    it("migrates the server's schema named in the URL's search_path option", async () => {
      const schema = uniqueName("dealdesk_test");
      await onServer(`CREATE SCHEMA ${schema}`);
      try {
        const url = new URL(server);
        url.searchParams.set("options", `-c search_path=${schema}`);
        const config = configFor({ DATABASE_URL: url.toString() });
        const out = await runDbCli(["db", "migrate"], config);
        expect(out.stdout).toMatch(
          /^Applied \d+ migrations? to the PostgreSQL server in DATABASE_URL: 0001_init\.sql/,
        );
        expect(out.exitCode).toBe(0);
        expect((await runDbCli(["db", "status"], config)).exitCode).toBe(0);
        // The tables went into that schema, not into the database's default one.
        const probe = await openPgDb({ connectionString: server, searchPath: schema });
        const r = await probe.query("SELECT count(*)::int AS n FROM deals");
        await probe.close();
        expect(r.rows).toEqual([{ n: 0 }]);
      } finally {
        await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    });
  }
});
