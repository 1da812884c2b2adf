/** The pieces of exactly-once that need no receiver: memory claims, the delivery key, the share. */
import { describe, expect, it } from "vitest";
import { deliveryKeyOf } from "../../src/slack/exactly-once/delivery-key.js";
import { fileClaimKey, shareTsOf } from "../../src/slack/exactly-once/file-claim.js";
import { memoryClaims } from "../../src/slack/exactly-once/memory-claims.js";

const scope = { teamId: "T1", channelId: "C1" };
const at = (ms: number) => new Date(ms);

describe("memoryClaims", () => {
  it("lets the first taker win until the claim expires or is released", async () => {
    const claims = memoryClaims(10);
    expect(await claims.take(scope, "k", { now: at(0), holdForMs: 100 })).toBe(true);
    expect(await claims.take(scope, "k", { now: at(99), holdForMs: 100 })).toBe(false);
    expect(
      await claims.take({ ...scope, channelId: "C2" }, "k", { now: at(1), holdForMs: 100 }),
    ).toBe(true);
    expect(await claims.take(scope, "k", { now: at(100), holdForMs: 100 })).toBe(true);
    await claims.release(scope, "k");
    expect(await claims.held(scope, "k", at(101))).toBe(false);
    expect(await claims.take(scope, "k", { now: at(101), holdForMs: 100 })).toBe(true);
  });

  it("stays within its capacity, forgetting the oldest claims first", async () => {
    const claims = memoryClaims(3);
    for (const k of ["a", "b", "c", "d"])
      await claims.take(scope, k, { now: at(0), holdForMs: 1e6 });
    expect(await claims.held(scope, "a", at(1))).toBe(false);
    expect(await claims.held(scope, "d", at(1))).toBe(true);
    expect(await claims.sweep(at(2e6))).toBe(3);
  });
});

describe("deliveryKeyOf", () => {
  it("keys events by event_id and commands and interactions by trigger_id, per team", () => {
    expect(deliveryKeyOf({ type: "event_callback", team_id: "T1", event_id: "Ev1" })).toEqual({
      scope: { teamId: "T1", channelId: "deliveries" },
      key: "event:Ev1",
    });
    expect(deliveryKeyOf({ command: "/deal", team_id: "T2", trigger_id: "1.2.ab" })?.key).toBe(
      "trigger:1.2.ab",
    );
    expect(deliveryKeyOf({ type: "block_actions", team: { id: "T3" }, trigger_id: "9.8" })).toEqual(
      { scope: { teamId: "T3", channelId: "deliveries" }, key: "trigger:9.8" },
    );
  });

  it("gives no key (so no claim) to a body without a usable id", () => {
    expect(deliveryKeyOf({ type: "event_callback", team_id: "T1" })).toBeUndefined();
    expect(deliveryKeyOf({ type: "block_suggestion", team: { id: "T1" } })).toBeUndefined();
    expect(deliveryKeyOf({ command: "/deal", trigger_id: "a b;drop" })).toBeUndefined();
  });
});

describe("the file share a delivery announces", () => {
  const file = { fileId: "F1", teamId: "T1", channelId: "C1" };
  it("is the message's own ts, else the channel's share nearest the event, else the event", () => {
    expect(shareTsOf({ ...file, shareTs: "5.0" }, ["1.0"])).toBe("5.0");
    expect(shareTsOf({ ...file, eventTs: "20.001" }, ["10.000", "20.000", "30.000"])).toBe(
      "20.000",
    );
    expect(shareTsOf(file, ["10.000"])).toBe("10.000");
    expect(fileClaimKey(file, "20.000")).toBe("file:F1:20.000");
    expect(fileClaimKey({ ...file, eventId: "Ev7" }, undefined)).toBe("file:F1:event:Ev7");
  });
});
