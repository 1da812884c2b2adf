/**
 * `/deal offer` and `/deal history` end to end through Bolt's HTTP receiver, on a real store
 * (in-memory PGlite): rounds are kept per channel and audited as the user who typed them, the
 * history answers from them, they are not saved as analyses, `/deal forget` counts and deletes
 * them; without a store the reply says nothing was recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currency, major } from "../../src/core/money.js";
import type { Store } from "../../src/store/store.js";
import { type Harness, startHarness } from "./harness.js";
import { buttonsOf, clickButton, nextCall, openTestStore, slashIn } from "./store-helpers.js";

const GBP = currency("GBP");
const NOW = new Date("2026-12-02T10:00:00Z");
let h: Harness;
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  h = await startHarness({ store, now: () => NOW });
}, 30_000);
afterAll(async () => {
  await h.close();
  await store.close();
});

async function slash(text: string, channel: string, user = "U1") {
  const from = h.fake.calls.length;
  const res = await slashIn(h.url, h.fake, text, { channel, user });
  expect(res.status).toBe(200);
  const post = await nextCall(h.fake, "chat.postMessage", from, (c) => c.args.channel === channel);
  return String(post.args.text);
}

/** An answer that is an error goes to the user alone (chat.postEphemeral), not to the channel. */
async function slashRefused(text: string, channel: string): Promise<string> {
  const from = h.fake.calls.length;
  await slashIn(h.url, h.fake, text, { channel });
  const eph = await nextCall(h.fake, "chat.postEphemeral", from, (c) => c.args.channel === channel);
  return String(eph.args.text);
}

describe("/deal offer and /deal history in Slack", () => {
  it("records rounds per channel, audited as the user, and answers history from them", async () => {
    const scope = { teamId: "T1", channelId: "CO1" };
    const first = await slash(
      "offer vendor 2026-11-01 named 240 @ £80 concurrent 30 @ £150 cap 5% term 3y impl £15,000",
      "CO1",
      "U7",
    );
    // 240 × £80 × 12 = £230,400 + 30 × £150 × 12 = £54,000 → £284,400 a year.
    expect(first).toContain("Round 1 recorded: the vendor's offer of 2026-11-01, £284,400 a year.");
    await slash("offer vendor named 240 @ £72 cap 3% impl £10,000", "CO1", "U7");
    await slash("offer target named @ £65", "CO1", "U7");
    const ledger = await store.offers.ledger(scope);
    expect(ledger.rounds.map((r) => [r.round, r.date])).toEqual([
      [1, "2026-11-01"],
      [2, "2026-12-02"], // no date typed: today, from the app's clock
    ]);
    expect(ledger.rounds[1]?.terms.namedRate).toEqual(major(72, GBP));
    const history = await slash("history", "CO1");
    // Round 2: 240 × £72 × 12 = £207,360 + £54,000 = £261,360; target: 240 × £65 × 12 + £54,000 =
    // £241,200 → £20,160 above; since round 1: £261,360 − £284,400 = −£23,040, 8.1%.
    expect(history).toContain(
      "The vendor's latest offer (round 2, 2026-12-02) is £261,360 a year: £20,160 a year above our target, down £23,040 (8.1%) since round 1.",
    );
    const events = await store.audit.list(scope);
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["offer.target_set", "U7"],
      ["offer.recorded", "U7"],
      ["offer.recorded", "U7"],
    ]);
    // Offers are kept as offers, not as typed analyses.
    expect(await store.analyses.list(scope)).toEqual([]);
    // Another channel has none.
    expect(await slashRefused("history", "CO2")).toContain("no offer rounds are recorded");
  });

  it("answers a bad offer with its error and records nothing", async () => {
    const text = await slashRefused("offer vendor named 72", "CO3");
    expect(text).toContain('is "named 72" 72 seats or 72 a seat a month?');
    expect((await store.offers.ledger({ teamId: "T1", channelId: "CO3" })).rounds).toEqual([]);
  });

  it("/deal forget names the offer records and deletes them", async () => {
    await slash("offer vendor 2026-11-01 named 240 @ £80", "CO4");
    await slash("offer walk-away named @ £75", "CO4");
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "forget", { channel: "CO4" });
    const ask = await nextCall(h.fake, "chat.postEphemeral", from, (c) => c.args.channel === "CO4");
    expect(ask.args.text).toBe(
      "Forget this channel? Stored: 0 deals, 0 uploads, 0 analyses, 0 drafts and 2 offer records (rounds, target, walk-away).",
    );
    const [confirm] = buttonsOf(ask);
    if (!confirm) throw new Error("no confirm button");
    await clickButton(h.url, h.fake, confirm, { channel: "CO4", respond: "forget-offers" });
    await h.fake.waitFor(
      () => h.fake.responses.some((r) => r.path === "/respond/forget-offers"),
      "forget response",
    );
    expect(await store.offers.ledger({ teamId: "T1", channelId: "CO4" })).toEqual({ rounds: [] });
  });
});

describe("/deal offer without a store", () => {
  let bare: Harness;
  beforeAll(async () => {
    bare = await startHarness();
  }, 30_000);
  afterAll(async () => {
    await bare.close();
  });

  it("says it recorded nothing, and why", async () => {
    const from = bare.fake.calls.length;
    await slashIn(bare.url, bare.fake, "offer vendor named 240 @ £72", { channel: "CO9" });
    const post = await nextCall(bare.fake, "chat.postMessage", from);
    expect(post.args.text).toContain(
      "Not recorded: this dealdesk has no database, so offer rounds, targets and walk-aways are not kept.",
    );
  });
});
