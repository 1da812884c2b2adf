/**
 * The real executable, run as a user would run it: exit codes and output streams. dist/ is built
 * by the global setup (test/global-setup.ts) when its sources changed; types are checked by tsc.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const main = `${root}dist/cli/main.js`;

function run(args: string[], env: Record<string, string> = {}, input = "") {
  const r = spawnSync(process.execPath, [main, ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("dealdesk executable", () => {
  it("prints its version from package.json", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };
    expect(run(["--version"])).toMatchObject({ code: 0, stdout: `dealdesk ${pkg.version}\n` });
  });

  it("answers a calculation and exits 0", () => {
    const r = run([
      "cost",
      "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
      "--currency",
      "GBP",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toContain("£306,000");
  });

  it("prints stable JSON with --json", () => {
    const r = run(["cost", "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      ok: boolean;
      saving: { annual: { minor: number }; percent: number };
    };
    expect(json.ok).toBe(true);
    expect(json.saving.annual.minor).toBe(30_600_000);
    expect(json.saving.percent).toBe(51);
  });

  it("exits 2 with a one-line error for bad input", () => {
    const r = run(["cost", "150 named @ 0 vs 500 named @ 100"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 naming the variable when the environment is wrong", () => {
    const r = run(["help"], { DEALDESK_CURRENCY: "POUNDS" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dealdesk: DEALDESK_CURRENCY must be an ISO 4217 currency code such as GBP, USD or EUR (got "POUNDS")\n',
    );
  });

  it("exits 2 naming DEALDESK_ANALYSIS_THREADS before starting Slack when it is not a count", () => {
    const r = run([], {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "abcdef0123456789abcdef0123456789",
      DEALDESK_ANALYSIS_THREADS: "two",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dealdesk: DEALDESK_ANALYSIS_THREADS must be a whole number of threads from 1 to 64 (got "two")\n',
    );
  });

  it("exits 2 naming DEALDESK_SHUTDOWN_GRACE_SECONDS before starting Slack when it is not seconds", () => {
    const r = run([], {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "abcdef0123456789abcdef0123456789",
      DEALDESK_SHUTDOWN_GRACE_SECONDS: "25s",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'dealdesk: DEALDESK_SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600 (got "25s")\n',
    );
  });

  it("opens the console chat with no command, answering piped lines", () => {
    const r = run([], {}, "help\nquit\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("│ renewal ");
  });
});
