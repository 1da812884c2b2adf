/**
 * The database goes away while the app runs (simulated: every query fails as a refused
 * connection does, until it comes back). Typed calculations still answer, saying the channel's
 * deal could not be read; what needs the store says storage is unavailable; and once the database
 * is back the same requests work, with nothing restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Queryable } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { openPgliteDb } from "../../src/store/pglite-db.js";
import { createStore, type Store } from "../../src/store/store.js";
import { type Harness, startHarness } from "./harness.js";
import { type AnalyserRun, countingAnalyser, SESSIONS_CSV, shareFile } from "./jobs-helpers.js";
import { nextCall, slashIn } from "./store-helpers.js";

/** A Db whose queries fail like a refused connection while `down` is set. */
function switchable(inner: Db): { db: Db; setDown(down: boolean): void } {
  let down = false;
  const refused = () =>
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  const guard = (q: Queryable): Queryable => ({
    query: (sql, params) => (down ? Promise.reject(refused()) : q.query(sql, params)),
    exec: (sql) => (down ? Promise.reject(refused()) : q.exec(sql)),
  });
  const db: Db = {
    engine: inner.engine,
    ...guard(inner),
    transaction: (work) =>
      down ? Promise.reject(refused()) : inner.transaction((tx) => work(guard(tx))),
    close: () => inner.close(),
  };
  return { db, setDown: (d) => (down = d) };
}

function textOf(call: { args: Record<string, unknown> }): string {
  return `${String(call.args.text)}\n${JSON.stringify(call.args.blocks ?? [])}`;
}

describe("with the database down", () => {
  let h: Harness;
  let database: ReturnType<typeof switchable>;
  const runs: AnalyserRun[] = [];
  let store: Store;

  beforeAll(async () => {
    const inner = await openPgliteDb();
    await migrate(inner);
    database = switchable(inner);
    store = createStore(database.db);
    h = await startHarness({
      store,
      analyseUpload: countingAnalyser("one", runs),
    });
  }, 30_000);

  afterAll(async () => {
    await h?.close();
  });

  it("answers a typed calculation, saying the channel's deal could not be read", async () => {
    database.setDown(true);
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "cost 150 named @ 70 GBP", { channel: "C1" });
    const answer = await nextCall(h.fake, "chat.postMessage", from);
    // 150 × £70 = £10,500 a month; × 12 = £126,000 a year.
    expect(textOf(answer)).toContain("126,000");
    expect(textOf(answer)).toMatch(/couldn't read this channel's deal/);
    expect(h.log.join("\n")).not.toContain("150 named");
  });

  it("says storage is unavailable for what needs the store, then works once it is back", async () => {
    database.setDown(true);
    let from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency EUR", { channel: "C2" });
    const refused = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(textOf(refused)).toMatch(/storage is unavailable right now/);

    from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "forget", { channel: "C2" });
    const notForgotten = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(textOf(notForgotten)).toMatch(/storage is unavailable right now/);

    database.setDown(false);
    from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency EUR", { channel: "C2" });
    const saved = await nextCall(h.fake, "chat.postMessage", from);
    expect(textOf(saved)).toContain("HaloITSM");
    from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "cost 10 named @ 70", { channel: "C2" });
    const priced = await nextCall(h.fake, "chat.postMessage", from);
    // The stored deal is read again: EUR, and no note about the deal. 10 × €70 × 12 = €8,400.
    expect(textOf(priced)).toContain("8,400");
    expect(textOf(priced)).toContain("€");
    expect(textOf(priced)).not.toMatch(/couldn't read this channel's deal/);
  });

  it("analyses a shared file without the channel's deal, says so, and saves nothing", async () => {
    database.setDown(true);
    const from = h.fake.calls.length;
    await shareFile(h.fake, h.url, {
      id: "FDOWN1",
      name: "sessions.csv",
      bytes: new TextEncoder().encode(SESSIONS_CSV),
      channel: "C3",
      ts: "1700002000.000001",
    });
    const result = await nextCall(h.fake, "chat.update", from, (c) =>
      String(c.args.text).startsWith("sessions.csv has 2 sessions."),
    );
    expect(textOf(result)).toMatch(/couldn't read this channel's deal/);
    expect(runs.at(-1)).toEqual({
      instance: "one",
      name: "sessions.csv",
      bytes: SESSIONS_CSV.length,
    });
    database.setDown(false);
    // Saving never stands in the answer's way: it failed, was logged, and nothing is stored.
    expect(await store.uploads.list({ teamId: "T1", channelId: "C3" })).toEqual([]);
  });
});
