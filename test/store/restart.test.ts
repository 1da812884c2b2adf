/**
 * A restart keeps the channel's deal and past analyses: the embedded database in a data folder,
 * opened, written, closed, and opened again from the same folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currency, money } from "../../src/core/money.js";
import { migrationStatus } from "../../src/store/migrate.js";
import { openStore } from "../../src/store/store.js";

const GBP = currency("GBP");
const scope = { teamId: "T0TEAM", channelId: "C0DEAL" };
const stamp = { by: "U0ALICE", at: new Date("2026-03-02T10:00:00.000Z") };

describe("file-backed PGlite", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "dealdesk-data-"));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps the deal and the analyses across a restart", async () => {
    const first = await openStore({ dataDir });
    const deal = await first.deals.save(
      scope,
      { vendor: "HaloITSM", currency: GBP, namedRate: money(7000, GBP), termYears: 3 },
      stamp,
    );
    const analysis = await first.analyses.add(
      scope,
      {
        kind: "cost",
        inputs: { text: "150 named @ 70 vs 500 named @ 100" },
        outputs: { annualMinor: 12_600_000 }, // 150 × £70 × 12 = £126,000
        calculatorVersion: "cost@1",
      },
      stamp,
    );
    await first.close();

    const second = await openStore({ dataDir });
    try {
      expect(await second.deals.get(scope)).toEqual(deal);
      expect(await second.analyses.list(scope)).toEqual([analysis]);
      // Re-opening found the schema already up to date.
      expect((await migrationStatus(second.db)).every((m) => m.state === "applied")).toBe(true);
    } finally {
      await second.close();
    }
  }, 60_000);
});
