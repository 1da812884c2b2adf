import { describe, expect, it } from "vitest";
import { serverContext } from "../../src/cli/context.js";
import { currency } from "../../src/core/money.js";
import { createMemoryDealStore, runSet } from "../../src/slack/deal-context.js";

const GBP = currency("GBP");

describe("runSet", () => {
  it("stores per channel and shows the deal with a bare set", async () => {
    const store = createMemoryDealStore();
    const scope = { teamId: "T1", channelId: "C1" };
    const ctx = serverContext(GBP);
    expect((await runSet("", scope, store, ctx)).ok).toBe(false);
    await runSet("vendor HaloITSM named 70", scope, store, ctx);
    const shown = await runSet("", scope, store, ctx);
    expect(shown.ok && shown.reply.headline).toBe(
      "This channel's deal is HaloITSM in GBP: named £70/mo, concurrent rate not set.",
    );
    expect(await store.get({ teamId: "T1", channelId: "C2" })).toBeUndefined();
  });
});
