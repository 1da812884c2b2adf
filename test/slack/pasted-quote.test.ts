/**
 * A vendor's quote pasted into a mention, end to end through Bolt's real HTTP receiver: the free
 * text goes to ask, which reads it as a quote and answers with the exact term total.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function nextCall(method: string, from: number): Promise<ApiCall> {
  const find = () => h.fake.calls.slice(from).find((c) => c.method === method);
  await h.fake.waitFor(() => find() !== undefined, method);
  return find() as ApiCall;
}

describe("a quote pasted into a mention", () => {
  it("gets what was read and the exact term total, with the signature's phone named as not used", async () => {
    const from = h.fake.calls.length;
    const quote = [
      "<@UBOT> Hi Sam, as discussed:",
      "• 260 agents at £62 per agent per month,",
      "• 3 year term, 5% annual uplift",
      "Thanks, Jane | +44 20 7946 0958",
    ].join("\n");
    await sendEvent(h.url, {
      type: "app_mention",
      user: "U1",
      text: quote,
      ts: "1700000900.000900",
      channel: "C1",
      event_ts: "1700000900.000900",
    });
    const post = await nextCall("chat.postMessage", from);
    const text = blocksText(post.args.blocks);
    // 260 × 62 × 12 = 193,440; × 1.05 = 203,112; × 1.05 = 213,267.60; sum 609,819.60
    expect(text).toContain("I read: 260 seats · £62/agent/month · 3 years · 5% a year uplift");
    expect(text).toContain("£609,819.60");
    expect(text).toContain("+44 20 7946 0958 (a phone number)");
    expect(blockProblems(post.args.blocks)).toEqual([]);
  });
});
