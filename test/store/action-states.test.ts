/**
 * Action states on every backend: read back in the channel they were put in, never from another
 * team or channel, not after they expire; the sweep deletes only expired rows.
 */
import { describe, expect, it } from "vitest";
import type { Scope } from "../../src/store/scope.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const HOUR = 60 * 60 * 1000;
const now = new Date("2026-12-01T10:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe.each(backends())("action states on $name", (backend: Backend) => {
  const { store } = migratedStore(backend);

  const newScope = (): Scope => ({ teamId: uniqueName("T"), channelId: "C1" });

  it("reads a state back only in its own team and channel", async () => {
    const scope = newScope();
    const state = JSON.stringify({ t: "x".repeat(5000) });
    await store.actionStates.put(scope, "abcdefghijklmnop", state, { now, holdForMs: HOUR });
    expect(await store.actionStates.get(scope, "abcdefghijklmnop", now)).toBe(state);
    expect(
      await store.actionStates.get({ ...scope, channelId: "C2" }, "abcdefghijklmnop", now),
    ).toBeUndefined();
    expect(
      await store.actionStates.get({ ...scope, teamId: "T-other" }, "abcdefghijklmnop", now),
    ).toBeUndefined();
    // A malformed id from a button is simply not found.
    expect(await store.actionStates.get(scope, "x'; DROP TABLE", now)).toBeUndefined();
  });

  it("forgets a state once it expires, and the sweep deletes only expired ones", async () => {
    const scope = newScope();
    await store.actionStates.put(scope, "short-lived-00001", "{}", { now, holdForMs: HOUR });
    await store.actionStates.put(scope, "long-lived-000001", "{}", { now, holdForMs: 3 * HOUR });
    expect(await store.actionStates.get(scope, "short-lived-00001", later(HOUR))).toBeUndefined();
    expect(await store.actionStates.sweep(later(2 * HOUR))).toBeGreaterThanOrEqual(1);
    expect(await store.actionStates.get(scope, "long-lived-000001", later(2 * HOUR))).toBe("{}");
  });

  it("refuses ids that code would never make", async () => {
    await expect(
      store.actionStates.put(newScope(), "short", "{}", { now, holdForMs: HOUR }),
    ).rejects.toThrow(RangeError);
  });
});
