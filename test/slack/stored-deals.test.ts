import { afterEach, describe, expect, it } from "vitest";
import { currency, major } from "../../src/core/money.js";
import { storedDealContext } from "../../src/slack/stored-deals.js";
import { migrate } from "../../src/store/migrate.js";
import { openPgliteDb } from "../../src/store/pglite-db.js";
import { createStore, type Store } from "../../src/store/store.js";

const GBP = currency("GBP");
const scope = { teamId: "T1", channelId: "C1" };
const at = new Date("2026-11-23T10:00:00Z");
let store: Store | undefined;

async function openMemoryStore(): Promise<Store> {
  const db = await openPgliteDb();
  await migrate(db);
  store = createStore(db);
  return store;
}

afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe("channel deals kept in the store", () => {
  it("reads back what /deal set saved, and audits it", async () => {
    const s = await openMemoryStore();
    const deals = storedDealContext(s, () => at);
    expect(await deals.get(scope)).toBeUndefined();
    await deals.set(scope, {
      vendor: "HaloITSM",
      currency: GBP,
      namedRate: major(70, GBP),
      concurrentRate: major(140, GBP),
    });
    expect(await deals.get(scope)).toEqual({
      vendor: "HaloITSM",
      currency: "GBP",
      namedRate: major(70, GBP),
      concurrentRate: major(140, GBP),
    });
    const events = await s.audit.list(scope);
    expect(events.map((e) => e.action)).toEqual(["deal.saved"]);
  });

  it("keeps the term and notes that /deal set does not edit, and clears a dropped rate", async () => {
    const s = await openMemoryStore();
    await s.deals.save(
      scope,
      {
        vendor: "HaloITSM",
        currency: GBP,
        namedRate: major(70, GBP),
        termYears: 3,
        notes: "renewal in May",
      },
      { by: "U1", at },
    );
    await storedDealContext(s, () => at).set(scope, {
      vendor: "HaloITSM",
      currency: GBP,
      concurrentRate: major(140, GBP),
    });
    const saved = await s.deals.get(scope);
    expect(saved?.termYears).toBe(3);
    expect(saved?.notes).toBe("renewal in May");
    expect(saved?.namedRate).toBeUndefined();
    expect(saved?.concurrentRate).toEqual(major(140, GBP));
  });

  it("never shows one channel's deal in another", async () => {
    const s = await openMemoryStore();
    const deals = storedDealContext(s, () => at);
    await deals.set(scope, { vendor: "HaloITSM", currency: GBP });
    expect(await deals.get({ teamId: "T1", channelId: "C2" })).toBeUndefined();
  });
});
