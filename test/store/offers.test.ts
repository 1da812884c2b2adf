/**
 * The offer history store, on every available backend (PGlite always, the PostgreSQL server when
 * TEST_DATABASE_URL is set). Each test works in its own new team id.
 */
import { describe, expect, it } from "vitest";
import { currency, major } from "../../src/core/money.js";
import type { OfferRound } from "../../src/core/offer-terms.js";
import { channelOfferBook } from "../../src/store/offers.js";
import type { Scope } from "../../src/store/scope.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const GBP = currency("GBP");
const USD = currency("USD");
const gbp = (n: number) => major(n, GBP);
const alice = (iso = "2026-11-20T10:00:00.000Z") => ({ by: "U0ALICE", at: new Date(iso) });

function newScope(channelId = "C0DEAL"): Scope {
  return { teamId: uniqueName("T"), channelId };
}

const opening: Omit<OfferRound, "round"> = {
  date: "2026-10-01",
  offeredBy: { kind: "vendor" },
  currency: GBP,
  terms: {
    namedSeats: 240,
    namedRate: gbp(80),
    concurrentSeats: 30,
    concurrentRate: major("149.50", GBP),
    tiers: {
      mode: "all-units",
      period: "month",
      tiers: [
        { from: 1, to: 99, rate: gbp(85) },
        { from: 100, rate: gbp(80) },
      ],
    },
    cap: { kind: "lesser-of", percent: "3.5" },
    termYears: 3,
    implementation: gbp(15_000),
  },
};

describe.each(backends())("offer history on $name", (backend: Backend) => {
  const { store, testDb } = migratedStore(backend);

  it("has no rounds, target or walk-away in a new channel", async () => {
    expect(await store.offers.ledger(newScope())).toEqual({ rounds: [] });
  });

  it("records every lever and reads it back exactly, numbering rounds in order", async () => {
    const scope = newScope();
    const first = await store.offers.addRound(scope, opening, alice());
    expect(first).toEqual({ ...opening, round: 1 });
    const counter = await store.offers.addRound(
      scope,
      {
        date: "2026-10-15",
        offeredBy: { kind: "named", name: "Acme Reseller Ltd" },
        currency: GBP,
        terms: { namedRate: gbp(65) },
      },
      alice("2026-11-21T10:00:00.000Z"),
    );
    expect(counter.round).toBe(2);
    expect((await store.offers.ledger(scope)).rounds).toEqual([
      { ...opening, round: 1 },
      {
        round: 2,
        date: "2026-10-15",
        offeredBy: { kind: "named", name: "Acme Reseller Ltd" },
        currency: "GBP",
        terms: { namedRate: { minor: 6500, currency: "GBP" } },
      },
    ]);
  });

  it("keeps channels apart: another channel has its own round 1", async () => {
    const scope = newScope("C1");
    await store.offers.addRound(scope, opening, alice());
    const other = { ...scope, channelId: "C2" };
    expect((await store.offers.ledger(other)).rounds).toEqual([]);
    expect((await store.offers.addRound(other, opening, alice())).round).toBe(1);
  });

  it("sets the target and walk-away, replacing each on a second set", async () => {
    const scope = newScope();
    await store.offers.setPosition(
      scope,
      "target",
      { currency: GBP, terms: { namedRate: gbp(60) } },
      alice(),
    );
    await store.offers.setPosition(
      scope,
      "target",
      { currency: GBP, terms: { namedRate: gbp(65), cap: { kind: "cap", percent: "2" } } },
      alice(),
    );
    await store.offers.setPosition(
      scope,
      "walk-away",
      { currency: GBP, terms: { namedRate: gbp(75) } },
      alice(),
    );
    expect(await store.offers.ledger(scope)).toEqual({
      rounds: [],
      target: { currency: GBP, terms: { namedRate: gbp(65), cap: { kind: "cap", percent: "2" } } },
      walkAway: { currency: GBP, terms: { namedRate: gbp(75) } },
    });
  });

  it("audits each round and position with the round and the kind of party, never a name", async () => {
    const scope = newScope();
    await store.offers.addRound(
      scope,
      { ...opening, offeredBy: { kind: "named", name: "Jo Bloggs" } },
      alice("2026-11-20T10:00:00.000Z"),
    );
    await store.offers.setPosition(
      scope,
      "walk-away",
      { currency: GBP, terms: { namedRate: gbp(75) } },
      alice("2026-11-20T11:00:00.000Z"),
    );
    const events = await store.audit.list(scope);
    expect(events.map((e) => [e.action, e.detail, e.actor])).toEqual([
      ["offer.walk_away_set", {}, "U0ALICE"],
      ["offer.recorded", { round: 1, offered_by: "named" }, "U0ALICE"],
    ]);
  });

  it("refuses an amount in another currency, and a round in another currency than the channel's", async () => {
    const scope = newScope();
    await expect(
      store.offers.addRound(scope, { ...opening, currency: USD }, alice()),
    ).rejects.toThrow("an offer in USD cannot hold an amount in GBP");
    await store.offers.addRound(scope, opening, alice());
    await expect(
      store.offers.addRound(scope, { ...opening, currency: USD, terms: { termYears: 2 } }, alice()),
    ).rejects.toThrow("this channel's offers are in GBP, not USD");
    // Nothing half-written: still one round.
    expect((await store.offers.ledger(scope)).rounds).toHaveLength(1);
  });

  it("validates what it reads back: a corrupted lever is an error, not a wrong number", async () => {
    const scope = newScope();
    await store.offers.addRound(scope, opening, alice());
    await testDb().db.query(
      `UPDATE offers SET levers = '{"namedRateMinor": -5}'::jsonb WHERE team_id = $1`,
      [scope.teamId],
    );
    await expect(store.offers.ledger(scope)).rejects.toThrow(
      "the stored offer is not valid (levers.namedRateMinor)",
    );
  });

  it("forget deletes the channel's offers, counts them, and leaves other channels alone", async () => {
    const scope = newScope("C1");
    const other = { ...scope, channelId: "C2" };
    await store.offers.addRound(scope, opening, alice());
    await store.offers.addRound(scope, { ...opening, terms: { namedRate: gbp(72) } }, alice());
    await store.offers.setPosition(
      scope,
      "target",
      { currency: GBP, terms: { namedRate: gbp(65) } },
      alice(),
    );
    await store.offers.addRound(other, opening, alice());
    expect((await store.countChannel(scope)).offers).toBe(3);
    const deleted = await store.forget(scope, alice("2026-11-22T10:00:00.000Z"));
    expect(deleted.offers).toBe(3);
    expect(await store.offers.ledger(scope)).toEqual({ rounds: [] });
    expect((await store.offers.ledger(other)).rounds).toHaveLength(1);
    const [forgotten] = await store.audit.list(scope, { limit: 1 });
    expect(forgotten?.action).toBe("channel.forgotten");
    expect(forgotten?.detail.offers).toBe(3);
  });

  it("binds a channel and an actor into the book a front end hands the commands", async () => {
    const scope = newScope();
    const at = new Date("2026-11-20T12:00:00.000Z");
    const book = channelOfferBook(store.offers, scope, "U0BOB", () => at, "this channel");
    const saved = await book.addRound(opening);
    expect(saved.round).toBe(1);
    expect((await book.ledger()).rounds).toEqual([saved]);
    const [event] = await store.audit.list(scope);
    expect(event).toMatchObject({ actor: "U0BOB", at, action: "offer.recorded" });
  });
});
