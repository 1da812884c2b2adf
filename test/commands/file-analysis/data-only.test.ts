import { describe, expect, it, vi } from "vitest";
import { analyseUpload } from "../../../src/commands/file-analysis/analyse.js";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { currency, major } from "../../../src/core/money.js";
import { testContext } from "../context.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

const GBP = currency("GBP");
const channel = testContext({
  defaultCurrency: GBP,
  deal: { currency: GBP, namedRate: major(70, GBP), concurrentRate: major(140, GBP) },
});
const names = (files: readonly { name: string }[] | undefined) => (files ?? []).map((f) => f.name);

describe("a data-only front end (--json) gets no charts, and the same answer", () => {
  it("concurrency: no concurrency.png, identical data and headline", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const drawn = await concurrencyCommand.run(path, gbp);
    const data = await concurrencyCommand.run(path, { ...gbp, dataOnly: true });
    expect(drawn.ok && data.ok).toBe(true);
    if (!drawn.ok || !data.ok) return;
    expect(names(drawn.reply.files)).toContain("concurrency.png");
    expect(names(data.reply.files)).not.toContain("concurrency.png");
    expect(data.reply.data).toEqual(drawn.reply.data);
    expect(data.reply.headline).toBe(drawn.reply.headline);
    expect(data.reply.notes).toEqual(drawn.reply.notes);
  });

  it("split: neither chart, identical data", async () => {
    const bytes = new TextEncoder().encode(SIX_PEOPLE_CSV);
    const file = { name: "sessions.csv", bytes };
    const drawn = await analyseUpload(
      file,
      channel,
      vi.fn(async () => {}),
    );
    const data = await analyseUpload(
      file,
      { ...channel, dataOnly: true },
      vi.fn(async () => {}),
    );
    expect(drawn.ok && data.ok).toBe(true);
    if (!drawn.ok || !data.ok) return;
    expect(names(drawn.reply.files)).toEqual(
      expect.arrayContaining(["concurrency.png", "cost-by-named-seats.png"]),
    );
    expect(names(data.reply.files).filter((n) => n.endsWith(".png"))).toEqual([]);
    expect(withoutSolverTime(data.reply.data)).toEqual(withoutSolverTime(drawn.reply.data));
  });
});

/** The data with the solver's wall-clock seconds left out: the one figure that varies run to run. */
function withoutSolverTime(data: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(data), (key, value) => (key === "seconds" ? undefined : value));
}
