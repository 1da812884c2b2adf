/**
 * The terminal's offer book: rounds typed in the console are kept in the embedded database in
 * DEALDESK_DATA_DIR (a temporary folder here), survive the next session, and are deleted by
 * `dealdesk forget --team local --channel console`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDbCli } from "../../src/cli/db.js";
import { terminalOfferBook } from "../../src/cli/offer-book.js";
import { dispatch } from "../../src/commands/dispatch.js";
import { parseConfig } from "../../src/config.js";
import { testContext } from "../commands/context.js";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dealdesk-offers-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const NOW = new Date("2026-12-02T10:00:00Z");

describe("the console's offer history", () => {
  it("is kept in the embedded database, read back next session, and forgotten from the shell", async () => {
    const first = terminalOfferBook({ dataDir }, () => NOW);
    const ctx = testContext({ offers: first, now: () => NOW });
    const out = await dispatch("offer vendor 2026-11-20 named 240 @ £72", ctx);
    expect(out.ok && out.reply.notes.at(-1)).toBe(
      `Kept in the embedded database in ${join(dataDir, "pglite")} (dealdesk forget --team local --channel console deletes it). Type history to see what moved and what is left to our target.`,
    );
    await first.close();

    const second = terminalOfferBook({ dataDir }, () => NOW);
    const history = await dispatch("history", testContext({ offers: second, now: () => NOW }));
    // 240 × £72 × 12 = £207,360.
    expect(history.ok && history.reply.headline).toBe(
      "The vendor's latest offer (round 1, 2026-11-20) is £207,360 a year.",
    );
    await second.close();

    const config = parseConfig({ DEALDESK_DATA_DIR: dataDir });
    if (!config.ok) throw new Error(config.message);
    const forgot = await runDbCli(
      ["forget", "--team", "local", "--channel", "console"],
      config.config,
    );
    expect(forgot.stdout).toBe(
      "Forgot channel console in team local: deleted 0 deals, 0 uploads (0 raw rows), 0 analyses, 0 drafts and 1 offer record. The deletion is recorded in the audit trail.\n",
    );
    const third = terminalOfferBook({ dataDir }, () => NOW);
    expect(await third.ledger()).toEqual({ rounds: [] });
    await third.close();
  }, 120_000);

  it("closes without opening a database that was never used", async () => {
    const book = terminalOfferBook({ dataDir: join(dataDir, "unused") }, () => NOW);
    await book.close();
  });
});
