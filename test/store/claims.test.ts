/**
 * Claims on every backend: the first taker wins, a live claim refuses everyone else (also when
 * many take at once, and from a second connection like another replica), an expired one may be
 * taken again, release frees it, and the sweep deletes only expired rows.
 */
import { describe, expect, it } from "vitest";
import type { Scope } from "../../src/store/scope.js";
import { createStore } from "../../src/store/store.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const at = (iso: string) => new Date(iso);
const HOUR = 60 * 60 * 1000;
const newScope = (): Scope => ({ teamId: uniqueName("T"), channelId: "C1" });

describe.each(backends())("claims on $name", (backend: Backend) => {
  const { store, testDb } = migratedStore(backend);

  const now = at("2026-12-01T10:00:00.000Z");

  it("gives a key to the first taker only, per channel", async () => {
    const scope = newScope();
    const opts = { now, holdForMs: HOUR };
    expect(await store.claims.take(scope, "event:Ev1", opts)).toBe(true);
    expect(await store.claims.take(scope, "event:Ev1", opts)).toBe(false);
    expect(await store.claims.take(scope, "event:Ev2", opts)).toBe(true);
    // The same key in another channel of the same team is another claim.
    expect(await store.claims.take({ ...scope, channelId: "C2" }, "event:Ev1", opts)).toBe(true);
    expect(await store.claims.held(scope, "event:Ev1", now)).toBe(true);
  });

  it("lets exactly one of twenty simultaneous takers win", async () => {
    const scope = newScope();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.claims.take(scope, "file:F1", { now, holdForMs: HOUR }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("frees an expired key for the next taker, and release frees a live one", async () => {
    const scope = newScope();
    expect(await store.claims.take(scope, "k", { now, holdForMs: HOUR })).toBe(true);
    const later = new Date(now.getTime() + HOUR);
    expect(await store.claims.held(scope, "k", later)).toBe(false);
    expect(await store.claims.take(scope, "k", { now: later, holdForMs: HOUR })).toBe(true);
    expect(await store.claims.take(scope, "k", { now: later, holdForMs: HOUR })).toBe(false);
    await store.claims.release(scope, "k");
    expect(await store.claims.take(scope, "k", { now: later, holdForMs: HOUR })).toBe(true);
  });

  it("sweeps only expired claims", async () => {
    const scope = newScope();
    await store.claims.take(scope, "old", { now, holdForMs: HOUR });
    await store.claims.take(scope, "new", { now, holdForMs: 3 * HOUR });
    const swept = await store.claims.sweep(new Date(now.getTime() + 2 * HOUR));
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await store.claims.held(scope, "new", new Date(now.getTime() + 2 * HOUR))).toBe(true);
    expect(await store.claims.take(scope, "old", { now, holdForMs: HOUR })).toBe(true);
  });

  it("refuses keys that are not ids, and claims held for no time", async () => {
    const scope = newScope();
    await expect(store.claims.take(scope, "two words", { now, holdForMs: HOUR })).rejects.toThrow(
      /claim keys are ids/,
    );
    await expect(store.claims.take(scope, "k", { now, holdForMs: 0 })).rejects.toThrow(
      /held for some time/,
    );
  });

  it.runIf(backend.openAnother !== undefined)(
    "holds across two connections, like two replicas",
    async () => {
      const other = createStore(backend.openAnother?.(testDb().schema) ?? testDb().db);
      try {
        const scope = newScope();
        const [a, b] = await Promise.all([
          store.claims.take(scope, "event:EvR", { now, holdForMs: HOUR }),
          other.claims.take(scope, "event:EvR", { now, holdForMs: HOUR }),
        ]);
        expect([a, b].sort()).toEqual([false, true]);
      } finally {
        await other.close();
      }
    },
  );
});
