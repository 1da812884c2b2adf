/**
 * The day/month question in a Slack thread, end to end with the real analyser: a shared session
 * log whose dates read two ways gets the question in its thread; `@dealdesk dates dd/mm` there
 * analyses it again day-first. An unreadable reply leaves the question open; `dates` with no
 * question asked gets a clear reply.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseUpload } from "../../src/commands/file-analysis/analyse.js";
import { blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";

// Every date reads two ways (03/04 and 05/04). a is online 09:00–11:00 and b 10:00–12:00 on the
// same day, so both are online from 10:00 to 11:00: peak 2, on Friday 3 April 2026 read day-first
// (1 April 2026 is a Wednesday, so the 3rd is a Friday) and on Wednesday 4 March read month-first
// (1 March 2026 is a Sunday, so the 4th is a Wednesday).
const AMBIGUOUS = [
  "Agent Email,Login Time,Logout Time",
  "a@example.com,03/04/2026 09:00,03/04/2026 11:00",
  "b@example.com,03/04/2026 10:00,03/04/2026 12:00",
  "c@example.com,05/04/2026 09:00,05/04/2026 10:00",
].join("\n");

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ analyseUpload });
});
afterAll(async () => {
  await h.close();
});

function callsSince(from: number, method: string): ApiCall[] {
  return h.fake.calls.slice(from).filter((c) => c.method === method);
}

let n = 0;
/** Shares the ambiguous log in `channel` and returns the thread the bot answers in. */
async function shareAmbiguous(channel: string): Promise<string> {
  const id = `FD${++n}`;
  const threadTs = `1700002000.00000${n}`;
  const url = h.fake.serve(`${id}-ambiguous.csv`, new TextEncoder().encode(AMBIGUOUS));
  h.fake.describe({
    id,
    name: "ambiguous.csv",
    size: AMBIGUOUS.length,
    url,
    channel,
    ts: threadTs,
  });
  await sendEvent(h.url, {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: channel,
    file: { id },
    event_ts: threadTs,
  });
  return threadTs;
}

async function mention(text: string, threadTs?: string): Promise<void> {
  const ts = `1700003000.00000${++n}`;
  const res = await sendEvent(h.url, {
    type: "app_mention",
    user: "U1",
    text: `<@UBOT> ${text}`,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    channel: "C1",
    event_ts: ts,
  });
  expect(res.status).toBe(200);
}

async function ephemeralAfter(from: number, count: number): Promise<ApiCall[]> {
  await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length >= count, "ephemeral");
  return callsSince(from, "chat.postEphemeral");
}

const QUESTION = "Is 03/04/2026 the 3rd of April or the 4th of March?";
const SLACK_HINT =
  "reply in this thread: @dealdesk dates dd/mm (25/03/2026 is 25 March) or @dealdesk dates mm/dd (03/25/2026)";

describe("the day/month question in a Slack thread", () => {
  it("asks in the file's thread, then analyses the file day-first on `dates dd/mm` there", async () => {
    const from = h.fake.calls.length;
    const threadTs = await shareAmbiguous("C1");
    const [asked] = await ephemeralAfter(from, 1);
    expect(asked?.args.thread_ts).toBe(threadTs);
    expect(asked?.args.text).toContain(QUESTION);
    expect(blocksText(asked?.args.blocks)).toContain(SLACK_HINT);

    const replyFrom = h.fake.calls.length;
    await mention("dates dd/mm", threadTs);
    await h.fake.waitFor(
      () =>
        callsSince(replyFrom, "chat.update").some((u) => /Peak/.test(blocksText(u.args.blocks))),
      "the result",
    );
    const result = callsSince(replyFrom, "chat.update").at(-1);
    expect(blocksText(result?.args.blocks)).toContain(
      "Peak: 2 people online at once, on Fri 3 Apr 10:00",
    );
    expect(blocksText(result?.args.blocks)).toContain("dates read as dd/mm/yyyy");
    const progress = callsSince(replyFrom, "chat.postMessage")[0];
    expect(progress?.args.thread_ts).toBe(threadTs);
  });

  it("reads it month-first on `dates MM/DD`", async () => {
    const from = h.fake.calls.length;
    const threadTs = await shareAmbiguous("C1");
    await ephemeralAfter(from, 1);
    const replyFrom = h.fake.calls.length;
    await mention("DATES MM/DD", threadTs);
    await h.fake.waitFor(
      () =>
        callsSince(replyFrom, "chat.update").some((u) => /Peak/.test(blocksText(u.args.blocks))),
      "the result",
    );
    const result = callsSince(replyFrom, "chat.update").at(-1);
    expect(blocksText(result?.args.blocks)).toContain(
      "Peak: 2 people online at once, on Wed 4 Mar 10:00",
    );
  });

  it("keeps the question open after a reply it can't read", async () => {
    const from = h.fake.calls.length;
    const threadTs = await shareAmbiguous("C1");
    await ephemeralAfter(from, 1);
    const replyFrom = h.fake.calls.length;
    await mention("dates dmy", threadTs);
    const [unreadable] = await ephemeralAfter(replyFrom, 1);
    expect(unreadable?.args.text).toBe(
      '"dates dmy" is not an order I know, so the question stays open. Reply @dealdesk dates dd/mm (25/03/2026 is 25 March) or @dealdesk dates mm/dd (03/25/2026).',
    );
    expect(callsSince(replyFrom, "chat.postMessage")).toEqual([]);

    const againFrom = h.fake.calls.length;
    await mention("dates dd/mm", threadTs);
    await h.fake.waitFor(
      () =>
        callsSince(againFrom, "chat.update").some((u) => /Peak/.test(blocksText(u.args.blocks))),
      "the result",
    );
    expect(blocksText(callsSince(againFrom, "chat.update").at(-1)?.args.blocks)).toContain(
      "on Fri 3 Apr 10:00",
    );
  });

  it("says there is nothing to answer when no question was asked in the thread, or it was answered", async () => {
    const none =
      "I haven't asked in this thread which way a file's dates read, so there is nothing for \"dates\" to answer. When a shared file's dates could be day-first or month-first, I ask in its thread; reply there.";
    const from = h.fake.calls.length;
    await mention("dates dd/mm", "1700009999.000001");
    const [reply] = await ephemeralAfter(from, 1);
    expect(reply?.args.text).toBe(none);
    expect(reply?.args.thread_ts).toBe("1700009999.000001");

    // The question of the first test was answered there: a second reply finds none.
    const threadTs = "1700002000.000001";
    const againFrom = h.fake.calls.length;
    await mention("dates mm/dd", threadTs);
    const [again] = await ephemeralAfter(againFrom, 1);
    expect(again?.args.text).toBe(none);
    expect(callsSince(againFrom, "chat.postMessage")).toEqual([]);
  });
});
