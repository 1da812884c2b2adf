import { describe, expect, it, vi } from "vitest";
import { analyseUpload } from "../../../src/commands/file-analysis/analyse.js";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import type { ReplyFile } from "../../../src/commands/reply.js";
import { currency, major } from "../../../src/core/money.js";
import { testContext } from "../context.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

const GBP = currency("GBP");
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const channel = testContext({
  defaultCurrency: GBP,
  deal: { currency: GBP, namedRate: major(70, GBP), concurrentRate: major(140, GBP) },
});

function pngs(files: readonly ReplyFile[] | undefined) {
  return (files ?? [])
    .filter((f) => f.mediaType === "image/png")
    .map((f) => ({
      name: f.name,
      description: f.description,
      signature: [...f.content.subarray(0, 8)],
    }));
}

describe("charts in file replies", () => {
  it("attaches both charts to a split, after named-users.csv", async () => {
    const out = await analyseUpload(
      { name: "sessions.csv", bytes: new TextEncoder().encode(SIX_PEOPLE_CSV) },
      channel,
      vi.fn(async () => {}),
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(pngs(out.reply.files)).toEqual([
      {
        name: "concurrency.png",
        description: "People online over time, with the pool",
        signature: PNG_SIGNATURE,
      },
      {
        name: "cost-by-named-seats.png",
        description: "Annual cost against the number of named seats",
        signature: PNG_SIGNATURE,
      },
    ]);
    expect(out.reply.notes.some((n) => n.includes("could not be drawn"))).toBe(false);
  });

  it("attaches the people-online chart, without a pool, to a concurrency reply", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(pngs(out.reply.files)).toEqual([
      { name: "concurrency.png", description: "People online over time", signature: PNG_SIGNATURE },
    ]);
  });
});
