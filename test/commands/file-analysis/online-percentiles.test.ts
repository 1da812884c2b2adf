import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { gbp, tempDir, writeFixture } from "./fixtures.js";

/*
 * Monday 7 Sep 2026 (UTC): a 09–17, b 09–16, c 10–12; Tuesday: d 09–10. Online: 09–10 two,
 * 10–12 three, 12–16 two, 16–17 one, then nobody for 16 h, Tue 09–10 one. Window 25 h:
 * 0 for 16 h, 1 for 2 h, 2 for 5 h, 3 for 2 h.
 * Whole log: ≤0 16/25 = 64%, ≤1 72%, ≤2 92%, ≤3 100% → P50 0, P90 2, P95 3, P99 3.
 * While anyone is online (9 h = 540 min): ≤1 2/9, ≤2 7/9 = 78%, ≤3 100% → P50 2, P90–P99 3.
 */
const OFFICE_CSV = [
  "Agent Email,Login Time,Logout Time",
  "a@x.com,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "b@x.com,2026-09-07T09:00:00Z,2026-09-07T16:00:00Z",
  "c@x.com,2026-09-07T10:00:00Z,2026-09-07T12:00:00Z",
  "d@x.com,2026-09-08T09:00:00Z,2026-09-08T10:00:00Z",
].join("\n");

describe("concurrency percentiles while anyone is online", () => {
  it("shows both columns, the working and the JSON, as computed by hand", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", OFFICE_CSV);
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    const levels = r.tables[0];
    expect(levels?.title).toBe("People online at once (time-weighted)");
    expect(levels?.columns.map((c) => c.header)).toEqual([
      "measure",
      "whole log",
      "while anyone is online",
    ]);
    expect(levels?.rows).toEqual([
      ["peak", "3", "3"],
      ["P99", "3", "3"],
      ["P95", "3", "3"],
      ["P90", "2", "3"],
      ["P50", "0", "2"],
    ]);
    expect(r.working).toContain(
      "while anyone is online: 9 h of the 25 h (the rest, nobody online, left out)",
    );
    expect(r.working).toContain(
      "P50 while anyone is online = 2: 2 or fewer for at least 50% of the 9 h",
    );
    expect(r.data.concurrency).toMatchObject({
      percentiles: { p50: 0, p90: 2, p95: 3, p99: 3 },
      onlinePercentiles: { p50: 2, p90: 3, p95: 3, p99: 3 },
      onlineMinutes: 540,
    });
  });
});
