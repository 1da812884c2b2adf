/**
 * Button values are measured after encoding: a reply whose state would not fit Slack's 2,000
 * characters gets buttons carrying a short id, and clicking them still works: in memory, and
 * with a store after a restart (the state is read back from the store), but never from another
 * channel.
 */
import { afterAll, describe, expect, it } from "vitest";
import { serverContext } from "../../src/cli/context.js";
import { replied } from "../../src/commands/reply.js";
import { currency } from "../../src/core/money.js";
import { NOT_FROM_HERE } from "../../src/slack/action-state/refuse.js";
import { LIMITS } from "../../src/slack/blocks/limits.js";
import type { Dispatch } from "../../src/slack/deps.js";
import { type RunningSlackApp, startSlackApp } from "../../src/slack/start.js";
import type { Store } from "../../src/store/store.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { recordingLogger } from "./harness.js";
import { SIGNING_SECRET } from "./signed.js";
import { buttonsOf, clickButton, nextCall, openTestStore, slashIn } from "./store-helpers.js";

/** A follow-up whose JSON doubles in length: 1,900 quotes become 3,800 escaped characters. */
const LONG_NEXT = `cost ${'"'.repeat(1900)}`;
const ran: string[] = [];

/** Answers every command with a reply offering LONG_NEXT; records what it was asked to run. */
const dispatch: Dispatch = async (text) => {
  ran.push(text);
  return replied({
    command: "test",
    headline: `ran ${text.length} characters`,
    tables: [],
    notes: [],
    working: ["1 + 1 = 2"],
    next: [LONG_NEXT],
    data: {},
  });
};

interface App {
  readonly fake: FakeSlack;
  readonly app: RunningSlackApp;
  readonly url: string;
}
const open: App[] = [];

async function start(store?: Store): Promise<App> {
  const fake = await startFakeSlack();
  const app = await startSlackApp({
    config: {
      botToken: "xoxb-test-token",
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      extraFileHosts: [],
      port: 0,
    },
    context: serverContext(currency("GBP")),
    dispatch,
    ...(store ? { store } : {}),
    logger: recordingLogger([]),
    retries: 0,
  });
  const started = { fake, app, url: `http://127.0.0.1:${app.port}/slack/events` };
  open.push(started);
  return started;
}

afterAll(async () => {
  for (const a of open) {
    await a.app.stop();
    await a.fake.close();
  }
});

async function longResult(a: App, channel: string) {
  const from = a.fake.calls.length;
  await slashIn(a.url, a.fake, "cost 1", { channel });
  const post = await nextCall(a.fake, "chat.postMessage", from);
  const next = buttonsOf(post).find((b) => b.action_id.startsWith("dealdesk.next"));
  if (!next) throw new Error("no follow-up button");
  for (const b of buttonsOf(post)) expect(b.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  return next;
}

async function clickRuns(a: App, button: Parameters<typeof clickButton>[2], channel: string) {
  ran.length = 0;
  const from = a.fake.calls.length;
  await clickButton(a.url, a.fake, button, { channel, respond: "long" });
  const post = await nextCall(a.fake, "chat.postMessage", from);
  expect(post.args.text).toBe(`ran ${LONG_NEXT.length} characters`);
  expect(ran).toEqual([LONG_NEXT]);
}

describe("an oversize button state", () => {
  it("fits the button as a short id and still runs when clicked, without a store", async () => {
    const a = await start();
    const next = await longResult(a, "CV1");
    expect(next.value.length).toBeLessThan(100);
    await clickRuns(a, next, "CV1");
  });

  it("is kept in the store, so the click works after a restart; another channel is refused", async () => {
    const store = await openTestStore();
    const first = await start(store);
    const next = await longResult(first, "CV2");
    const restarted = await start(store);
    await clickRuns(restarted, next, "CV2");
    const from = restarted.fake.calls.length;
    await clickButton(restarted.url, restarted.fake, next, { channel: "CV3", respond: "x" });
    const said = await nextCall(restarted.fake, "chat.postEphemeral", from);
    expect(said.args.text).toBe(NOT_FROM_HERE);
    await store.close();
  }, 30_000);
});
