/**
 * When the store can't take a claim (down, or not answering), deliveries are still acknowledged
 * in time and answered, deduplicated in this process's memory instead; the fallback is logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { eventBody, resendEvent, sendSlash, slashBody } from "./signed.js";
import { openTestStore } from "./store-helpers.js";

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";

let h: Harness;
let mode: "refuse" | "hang" = "refuse";
beforeAll(async () => {
  const store = await openTestStore();
  const claims: Store["claims"] = {
    ...store.claims,
    take: () =>
      mode === "refuse"
        ? Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))
        : new Promise<boolean>(() => undefined),
  };
  h = await startHarness({ store: { ...store, claims } });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const since = (from: number, method: string) =>
  h.fake.calls.slice(from).filter((c: ApiCall) => c.method === method);

describe("claims while the store is down", () => {
  it("answers a mention and drops its retry, claiming in memory", async () => {
    mode = "refuse";
    const from = h.fake.calls.length;
    const ts = "1700000100.000100";
    const body = eventBody(
      { type: "app_mention", user: "U1", text: `<@UBOT> ${COST}`, ts, channel: "C1", event_ts: ts },
      "EvSTOREDOWN",
    );
    await resendEvent(h.url, body);
    await resendEvent(h.url, body, { num: 1, reason: "http_timeout" });
    await h.fake.waitFor(
      () =>
        since(from, "chat.postMessage").length === 1 &&
        h.log.some((l) => l.includes("dropped a repeated delivery event:EvSTOREDOWN")),
      "one answer and the retry dropped",
    );
    expect(
      h.log.filter((l) => l.includes("claiming event:EvSTOREDOWN in the store")).length,
    ).toBeGreaterThan(0);
    expect(h.log.join("\n")).not.toContain(COST);
  });

  it("acknowledges a slash command in time when the store does not answer", async () => {
    mode = "hang";
    const from = h.fake.calls.length;
    const res = await sendSlash(
      h.url,
      slashBody(COST, { channel: "C2", responseUrl: `${h.fake.origin}/respond/hang` }),
    );
    expect(res.status).toBe(200);
    // The claim waits at most a second for the store; Slack allows three.
    expect(res.ms).toBeLessThan(3000);
    await h.fake.waitFor(() => since(from, "chat.postMessage").length === 1, "the answer");
    expect(
      h.log.some((l) => /^warn .*took over 1000 ms \(claimed in this process instead\)/.test(l)),
    ).toBe(true);
  });
});
