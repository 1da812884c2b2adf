/**
 * Operator commands for the store:
 *   dealdesk db migrate                       apply pending migrations
 *   dealdesk db status                        each migration: applied / pending / changed, sha256
 *   dealdesk forget --team T --channel C      delete a channel's data (audited)
 * `args` is argv after `dealdesk` without the global flags, e.g. ["db", "status"].
 * Exit codes as elsewhere: 0 done, 2 the command was written wrong, 1 dealdesk or the database
 * failed (`db status` also returns 1 when a migration is pending or changed, for deploy checks).
 * Messages name the database ("the PostgreSQL server in DATABASE_URL"), never its URL.
 */
import type { Config } from "../config.js";
import type { Db } from "../store/db.js";
import { MigrationError, migrate, migrationStatus } from "../store/migrate.js";
import { describeDb, openDb } from "../store/open-db.js";
import { openStore } from "../store/store.js";

export interface DbCliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

export const DB_USAGE = `usage:
  dealdesk db migrate                     apply pending database migrations
  dealdesk db status                      list migrations: applied, pending or changed, with sha256
  dealdesk forget --team T --channel C    delete one channel's deal, uploads, analyses, drafts and offers
`;

/** The actor recorded in the audit trail for a deletion run from the command line. */
export const CLI_ACTOR = "cli";

const usage = (problem: string): DbCliOutput => ({
  stdout: "",
  stderr: `dealdesk: ${problem}\n${DB_USAGE}`,
  exitCode: 2,
});

const failure = (what: string, error: unknown): DbCliOutput => {
  const message = error instanceof MigrationError ? error.message : describeFailure(error);
  return { stdout: "", stderr: `dealdesk ${what}: ${message}\n`, exitCode: 1 };
};

/** Driver errors can echo connection details; show only their code when they have one. */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return `the database refused or failed (${code})`;
  return `the database failed (${error instanceof Error ? error.name : "unknown error"})`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(config);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function runMigrate(config: Config): Promise<DbCliOutput> {
  const result = await withDb(config, (db) => migrate(db));
  const where = describeDb(config);
  const stdout =
    result.applied.length === 0
      ? `${capitalise(where)} is up to date: no migration to apply.\n`
      : `Applied ${plural(result.applied.length, "migration")} to ${where}: ${result.applied.join(", ")}.\n`;
  return { stdout, stderr: "", exitCode: 0 };
}

async function runStatus(config: Config): Promise<DbCliOutput> {
  const status = await withDb(config, (db) => migrationStatus(db));
  const lines = [`Migrations in ${describeDb(config)}:`];
  const width = Math.max(9, ...status.map((s) => s.name.length));
  lines.push(`  ${"migration".padEnd(width)}  ${"state".padEnd(7)}  sha256`);
  for (const s of status) {
    const when = s.appliedAt === undefined ? "" : `  applied ${s.appliedAt.toISOString()}`;
    lines.push(`  ${s.name.padEnd(width)}  ${s.state.padEnd(7)}  ${s.checksum}${when}`);
    if (s.appliedChecksum !== undefined) {
      lines.push(`  ${"".padEnd(width)}  ${"was".padEnd(7)}  ${s.appliedChecksum}`);
    }
  }
  const count = (state: string) => status.filter((s) => s.state === state).length;
  const changed = count("changed");
  const pending = count("pending");
  lines.push(
    `${count("applied")} applied, ${pending} pending${changed > 0 ? `, ${changed} changed since applied (restore those files)` : ""}.`,
  );
  if (pending > 0 && changed === 0)
    lines.push("Run `dealdesk db migrate` to apply the pending ones.");
  return {
    stdout: `${lines.join("\n")}\n`,
    stderr: "",
    exitCode: pending > 0 || changed > 0 ? 1 : 0,
  };
}

/** `--team T`, `--team=T`; nothing else is accepted, so a typo cannot widen the deletion. */
function parseForgetArgs(args: readonly string[]): { team: string; channel: string } | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const match = /^--(team|channel)(?:=(.*))?$/.exec(arg);
    if (match === null) return `forget does not take "${arg}"`;
    const name = match[1] ?? "";
    const value = match[2] ?? args[++i];
    if (value === undefined || value === "" || value.startsWith("--")) {
      return `--${name} needs a value, e.g. --${name} ${name === "team" ? "T0123ABCD" : "C0456EFGH"}`;
    }
    values[name] = value;
  }
  const { team, channel } = values;
  if (team === undefined || channel === undefined) {
    return "forget needs both --team and --channel (the Slack team and channel ids)";
  }
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(team) || !/^[A-Za-z0-9._:-]{1,64}$/.test(channel)) {
    return "--team and --channel take Slack ids such as T0123ABCD and C0456EFGH";
  }
  return { team, channel };
}

async function runForget(args: readonly string[], config: Config): Promise<DbCliOutput> {
  const parsed = parseForgetArgs(args);
  if (typeof parsed === "string") return usage(parsed);
  const store = await openStore(config);
  try {
    const scope = { teamId: parsed.team, channelId: parsed.channel };
    const r = await store.forget(scope, { by: CLI_ACTOR, at: new Date() });
    const stdout =
      `Forgot channel ${parsed.channel} in team ${parsed.team}: deleted ${plural(r.deals, "deal")}, ` +
      `${plural(r.uploads, "upload")} (${plural(r.rawRows, "raw row")}), ${plural(r.analyses, "analysis", "analyses")}` +
      // Offer records (rounds, target, walk-away) are named only when there were some.
      (r.offers > 0
        ? `, ${plural(r.drafts, "draft")} and ${plural(r.offers, "offer record")}`
        : ` and ${plural(r.drafts, "draft")}`) +
      ". The deletion is recorded in the audit trail.\n";
    return { stdout, stderr: "", exitCode: 0 };
  } finally {
    await store.close();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function runDbCli(args: readonly string[], config: Config): Promise<DbCliOutput> {
  const [command, sub, ...rest] = args;
  try {
    if (command === "forget") return await runForget(args.slice(1), config);
    if (command !== "db") return usage(`"${command ?? ""}" is not a database command`);
    if (rest.length > 0) return usage(`db ${sub} takes no arguments`);
    if (sub === "migrate") return await runMigrate(config);
    if (sub === "status") return await runStatus(config);
    return usage(sub === undefined ? "db needs migrate or status" : `unknown db command "${sub}"`);
  } catch (error) {
    return failure(command === "forget" ? "forget" : `db ${sub ?? ""}`.trim(), error);
  }
}
