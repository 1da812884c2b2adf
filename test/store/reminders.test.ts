/**
 * Renewal reminders on every backend: scheduled from a plan, listed, due, claimed by exactly one
 * caller (also twenty at once, and from a second connection like another replica), turned off and
 * on, kept when posted across a reschedule (never added twice), deleted by forget; the deal keeps
 * its notice period.
 */
import { describe, expect, it } from "vitest";
import { currency } from "../../src/core/money.js";
import { type PlannedReminder, planReminders } from "../../src/core/reminders.js";
import type { Scope } from "../../src/store/scope.js";
import { createStore } from "../../src/store/store.js";
import { type Backend, backends, migratedStore, uniqueName } from "./backends.js";

const at = (iso: string) => new Date(iso);
const newScope = (): Scope => ({ teamId: uniqueName("T"), channelId: "C1" });
const now = at("2026-06-01T00:00:00Z");
const stamp = { by: "U1", at: now };

/** Renewal 2027-03-31, 90 days' notice: start-by 2026-10-02, notice 2026-12-31 (core test). */
function plan(from = now): readonly PlannedReminder[] {
  const p = planReminders({ renewalDate: "2027-03-31", noticeDays: 90, leadDays: 90, now: from });
  if (!p.ok) throw new Error("bad plan");
  return p.value.reminders;
}

describe.each(backends())("reminders on $name", (backend: Backend) => {
  const { store, testDb } = migratedStore(backend);
  const mine = <T extends { scope: Scope }>(scope: Scope, list: T[]): T[] =>
    list.filter((r) => r.scope.teamId === scope.teamId);

  it("schedules a plan, lists it and audits it", async () => {
    const scope = newScope();
    expect(await store.reminders.schedule(scope, plan(), stamp)).toBe(6);
    const list = await store.reminders.list(scope);
    expect(list.map((r) => [r.kind, r.deadline, r.daysBefore, r.dueAt.toISOString()])).toEqual([
      ["start-by", "2026-10-02", 30, "2026-09-02T09:00:00.000Z"],
      ["start-by", "2026-10-02", 7, "2026-09-25T09:00:00.000Z"],
      ["start-by", "2026-10-02", 1, "2026-10-01T09:00:00.000Z"],
      ["notice", "2026-12-31", 30, "2026-12-01T09:00:00.000Z"],
      ["notice", "2026-12-31", 7, "2026-12-24T09:00:00.000Z"],
      ["notice", "2026-12-31", 1, "2026-12-30T09:00:00.000Z"],
    ]);
    expect(list.every((r) => r.sentAt === undefined && r.cancelledAt === undefined)).toBe(true);
    const events = await store.audit.list(scope);
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ["reminders.scheduled", { added: 6, replaced: 0, off: false }],
    ]);
    expect(await store.reminders.list({ ...scope, channelId: "C2" })).toEqual([]);
  });

  it("gives a due reminder to exactly one of twenty claimers", async () => {
    const scope = newScope();
    await store.reminders.schedule(scope, plan(), stamp);
    const due = mine(scope, await store.reminders.due(at("2026-09-02T09:00:00Z")));
    expect(due.map((r) => r.daysBefore)).toEqual([30]);
    const id = due[0]?.id ?? "";
    const wins = await Promise.all(
      Array.from({ length: 20 }, () => store.reminders.claim(id, at("2026-09-02T09:00:01Z"))),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(mine(scope, await store.reminders.due(at("2026-09-02T10:00:00Z")))).toEqual([]);
    const [first] = await store.reminders.list(scope);
    expect(first?.sentAt?.toISOString()).toBe("2026-09-02T09:00:01.000Z");
  });

  it("keeps a posted reminder through a reschedule and never adds it again", async () => {
    const scope = newScope();
    await store.reminders.schedule(scope, plan(), stamp);
    const [first] = mine(scope, await store.reminders.due(at("2026-09-03T00:00:00Z")));
    expect(await store.reminders.claim(first?.id ?? "", at("2026-09-03T00:00:00Z"))).toBe(true);
    // The same deal again (the whole plan, as if planned before the post): the posted one stays
    // posted and the five others are replaced by the same five.
    expect(await store.reminders.schedule(scope, plan(), stamp)).toBe(5);
    const list = await store.reminders.list(scope);
    expect(list).toHaveLength(6);
    expect(list.filter((r) => r.sentAt !== undefined).map((r) => r.daysBefore)).toEqual([30]);
    // A new renewal date replaces what was not posted; the posted one is history.
    expect(await store.reminders.schedule(scope, [], stamp)).toBe(0);
    expect((await store.reminders.list(scope)).map((r) => r.daysBefore)).toEqual([30]);
  });

  it("turns off (nothing due, reschedules stay off) and on again, audited", async () => {
    const scope = newScope();
    await store.reminders.schedule(scope, plan(), stamp);
    await store.reminders.turnOff(scope, { by: "U2", at: now });
    expect(await store.reminders.isOff(scope)).toBe(true);
    expect(mine(scope, await store.reminders.due(at("2027-01-01T00:00:00Z")))).toEqual([]);
    const ids = (await store.reminders.list(scope)).map((r) => r.id);
    expect(await store.reminders.claim(ids[0] ?? "", at("2027-01-01T00:00:00Z"))).toBe(false);
    // A new date while off: scheduled as off.
    await store.reminders.schedule(scope, plan(), stamp);
    const off = await store.reminders.list(scope);
    expect(off.every((r) => r.cancelledAt !== undefined)).toBe(true);
    expect(await store.reminders.turnOn(scope, plan(), { by: "U2", at: now })).toBe(6);
    expect(await store.reminders.isOff(scope)).toBe(false);
    expect(mine(scope, await store.reminders.due(at("2027-01-01T00:00:00Z")))).toHaveLength(6);
    const actions = (await store.audit.list(scope)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      "reminders.scheduled",
      "reminders.turned_off",
      "reminders.scheduled",
      "reminders.turned_on",
    ]);
  });

  it("records why a claimed reminder was not posted", async () => {
    const scope = newScope();
    await store.reminders.schedule(scope, plan(), stamp);
    const [first] = await store.reminders.list(scope);
    await store.reminders.claim(first?.id ?? "", now);
    await store.reminders.recordNotPosted(first?.id ?? "", "not_in_channel");
    expect((await store.reminders.list(scope))[0]?.postError).toBe("not_in_channel");
    await expect(store.reminders.recordNotPosted(first?.id ?? "", "Bad Code!")).rejects.toThrow(
      RangeError,
    );
  });

  it("is deleted by forget, with the channel's off switch", async () => {
    const scope = newScope();
    await store.reminders.schedule(scope, plan(), stamp);
    await store.reminders.turnOff(scope, stamp);
    await store.forget(scope, stamp);
    expect(await store.reminders.list(scope)).toEqual([]);
    expect(await store.reminders.isOff(scope)).toBe(false);
  });

  it("keeps the deal's notice period", async () => {
    const scope = newScope();
    const GBP = currency("GBP");
    await store.deals.save(
      scope,
      { vendor: "HaloITSM", currency: GBP, renewalDate: "2027-03-31", noticeDays: 90 },
      stamp,
    );
    const deal = await store.deals.get(scope);
    expect([deal?.renewalDate, deal?.noticeDays]).toEqual(["2027-03-31", 90]);
    await expect(
      store.deals.save(scope, { vendor: "HaloITSM", currency: GBP, noticeDays: 400 }, stamp),
    ).rejects.toThrow();
  });

  it.skipIf(backend.openAnother === undefined)(
    "claims once across two connections (two replicas)",
    async () => {
      const scope = newScope();
      await store.reminders.schedule(scope, plan(), stamp);
      const other = backend.openAnother?.(testDb().schema);
      if (other === undefined) return;
      try {
        const second = createStore(other);
        const [first] = await store.reminders.list(scope);
        const id = first?.id ?? "";
        const wins = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? store : second).reminders.claim(id, now),
          ),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
      } finally {
        await other.close();
      }
    },
  );
});
