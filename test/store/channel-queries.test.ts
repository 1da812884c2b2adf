/**
 * The two read-only queries the Slack app needs beyond the repositories: what `forget` would
 * delete in a channel (its confirmation prompt) and the channels a user worked in (App Home).
 * Run on every available backend.
 */
import { describe, expect, it } from "vitest";
import { currency } from "../../src/core/money.js";
import type { Scope } from "../../src/store/scope.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const GBP = currency("GBP");
const stamp = (by: string, iso: string) => ({ by, at: new Date(iso) });

describe.each(backends())("channel queries on $name", (backend: Backend) => {
  const { store } = migratedStore(backend);

  async function fill(scope: Scope, analyses: number): Promise<void> {
    const s = stamp("U1", "2026-03-02T10:00:00.000Z");
    await store.deals.save(scope, { vendor: "HaloITSM", currency: GBP }, s);
    const upload = await store.uploads.add(
      scope,
      {
        fileName: "sessions.csv",
        sha256: "b".repeat(64),
        kind: "sessions",
        rowsTotal: 2,
        rowsUsed: 2,
        rowsRejected: 0,
        errorSummary: [],
      },
      [{ user: "ann" }, { user: "bob" }],
      s,
    );
    for (let i = 0; i < analyses; i++) {
      await store.analyses.add(
        scope,
        { kind: "split", inputs: {}, outputs: {}, calculatorVersion: "0.1.0", uploadId: upload.id },
        s,
      );
    }
  }

  it("counts what forget would delete in this channel only, and forget deletes exactly that", async () => {
    const teamId = uniqueName("T");
    const here = { teamId, channelId: "C1" };
    const there = { teamId, channelId: "C2" };
    await fill(here, 3);
    await fill(there, 1);
    const expected = { deals: 1, uploads: 1, rawRows: 2, analyses: 3, drafts: 0, offers: 0 };
    expect(await store.countChannel(here)).toEqual(expected);
    expect(await store.forget(here, stamp("U1", "2026-03-03T10:00:00.000Z"))).toEqual(expected);
    expect(await store.countChannel(here)).toEqual({
      deals: 0,
      uploads: 0,
      rawRows: 0,
      analyses: 0,
      drafts: 0,
      offers: 0,
    });
    expect(await store.countChannel(there)).toEqual({
      deals: 1,
      uploads: 1,
      rawRows: 2,
      analyses: 1,
      drafts: 0,
      offers: 0,
    });
  });

  it("forget deletes the channel's button states too, and no other channel's", async () => {
    const teamId = uniqueName("T");
    const here = { teamId, channelId: "C1" };
    const there = { teamId, channelId: "C2" };
    const now = new Date("2026-03-03T10:00:00.000Z");
    const options = { now, holdForMs: 60 * 60 * 1000 };
    await store.actionStates.put(here, "s".repeat(20), '{"t":"cost 150 named @ 70"}', options);
    await store.actionStates.put(there, "s".repeat(20), '{"t":"cost 10 named @ 70"}', options);
    await store.forget(here, stamp("U1", "2026-03-03T10:00:00.000Z"));
    expect(await store.actionStates.get(here, "s".repeat(20), now)).toBeUndefined();
    expect(await store.actionStates.get(there, "s".repeat(20), now)).toBe(
      '{"t":"cost 10 named @ 70"}',
    );
  });

  it("lists the channels of one team where a user did something, most recent first", async () => {
    const teamId = uniqueName("T");
    const other = uniqueName("T");
    const record = (channelId: string, by: string, iso: string, team = teamId) =>
      store.audit.record({ teamId: team, channelId }, { action: "deal.saved" }, stamp(by, iso));
    await record("C1", "U1", "2026-03-01T10:00:00.000Z");
    await record("C2", "U1", "2026-03-03T10:00:00.000Z");
    await record("C1", "U1", "2026-03-02T10:00:00.000Z");
    await record("C3", "U2", "2026-03-04T10:00:00.000Z");
    await record("C4", "U1", "2026-03-05T10:00:00.000Z", other);
    // C2's latest event (03-03) is newer than C1's (03-02); C3 is U2's, C4 another team's.
    expect(await store.audit.channelsOf(teamId, "U1")).toEqual([
      { teamId, channelId: "C2" },
      { teamId, channelId: "C1" },
    ]);
    expect(await store.audit.channelsOf(teamId, "U1", { limit: 1 })).toEqual([
      { teamId, channelId: "C2" },
    ]);
    expect(await store.audit.channelsOf(teamId, "U9")).toEqual([]);
  });
});
