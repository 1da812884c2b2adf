/**
 * `/deal compare` in a channel prices the quotes on the channel's newest saved split when no
 * counts are typed: end to end through Bolt's HTTP receiver on a real store (in-memory PGlite)
 * with the real file analyser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseUpload } from "../../src/commands/file-analysis/analyse.js";
import type { Store } from "../../src/store/store.js";
import { blocksText } from "./check-blocks.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";
import { SIX_PEOPLE_BYTES as BYTES, nextCall, openTestStore, slashIn } from "./store-helpers.js";

const CHANNEL = "CCMP1";

let store: Store;
let h: Harness;

beforeAll(async () => {
  store = await openTestStore();
  h = await startHarness({ store, analyseUpload });
}, 30_000);
afterAll(async () => {
  await h.close();
  await store.close();
});

async function shareFile(id: string): Promise<void> {
  h.fake.describe({
    id,
    name: "sessions.csv",
    size: BYTES.byteLength,
    url: h.fake.serve(`${id}-sessions.csv`, BYTES),
    channel: CHANNEL,
    ts: "1700003000.000001",
  });
  const from = h.fake.calls.length;
  await sendEvent(h.url, {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: CHANNEL,
    file: { id },
    event_ts: "1700003000.000001",
  });
  await nextCall(
    h.fake,
    "chat.update",
    from,
    (c) => blocksText(c.args.blocks).includes("Change rates"),
    20_000,
  );
}

describe("/deal compare on the channel's last split", () => {
  it("asks for usage before any analysis, then prices on the split's counts", async () => {
    const quotes =
      "compare halo: named 70 3y; rival: concurrent 140 3y; mix: named 70 concurrent 140 3y";
    let from = h.fake.calls.length;
    await slashIn(h.url, h.fake, quotes, { channel: CHANNEL });
    // A refusal goes to the asker only.
    const asked = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(asked.args.text).toContain("the usage every quote is priced on");

    from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency GBP named 70 concurrent 140", {
      channel: CHANNEL,
    });
    await nextCall(h.fake, "chat.postMessage", from);
    await shareFile("FCMP1");

    from = h.fake.calls.length;
    await slashIn(h.url, h.fake, quotes, { channel: CHANNEL });
    const answer = await nextCall(h.fake, "chat.postMessage", from, (c) =>
      JSON.stringify(c.args).includes("like-for-like"),
    );
    const text = JSON.stringify(answer.args);
    // The log: 6 people, a peak of 3 online at once, cheapest split ann and bob named + a pool of 1.
    // halo 6 × £70 × 12 = £5,040 a year × 3 = £15,120; rival 3 × £140 × 12 × 3 = £15,120;
    // mix (2 × 70 + 1 × 140) × 12 = £3,360 × 3 = £10,080; halo − mix = £5,040.
    expect(text).toContain(
      "halo's offer is £5,040 over 3 years above the like-for-like competitor quote: £15,120 against mix's £10,080.",
    );
    expect(text).toContain("the channel's last split: 6 people, a peak of 3 online at once");
  }, 60_000);
});
