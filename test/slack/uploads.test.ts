/**
 * File shares end to end: file_shared → files.info → download from the (local) file host with the
 * bot token → progress in the file's thread, updated in place → replaced by the result → reply
 * files uploaded with files.uploadV2. And the refusals: other hosts, too large, not CSV by content.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejected, replied } from "../../src/commands/reply.js";
import type { AnalyseUpload, SlackCommandContext } from "../../src/slack/deps.js";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";

const CSV =
  "user,start,end\nann,2026-09-07 09:00,2026-09-07 17:00\nbob,2026-09-07 10:00,2026-09-07 12:00\n";

const seen: { name: string; bytes: number; currency: string; deal?: string }[] = [];
/** Stands in for the roster analyser: counts rows, reports progress twice, returns a CSV file. */
const countRows: AnalyseUpload = async (file, ctx: SlackCommandContext, progress) => {
  seen.push({
    name: file.name,
    bytes: file.bytes.byteLength,
    currency: ctx.defaultCurrency,
    ...(ctx.deal ? { deal: ctx.deal.vendor } : {}),
  });
  const rows = new TextDecoder().decode(file.bytes).trim().split("\n").length - 1;
  await progress(`Reading ${file.name} … ${rows} sessions`);
  await progress("Finding the cheapest split …");
  if (rows === 0) return rejected("upload", [{ code: "upload.empty", message: "no rows" }], "help");
  return replied({
    command: "upload",
    headline: `${file.name} has ${rows} sessions.`,
    tables: [],
    notes: [],
    working: [`${rows} rows read`],
    next: [],
    data: { rows },
    files: [
      {
        name: "named-users.csv",
        mediaType: "text/csv",
        content: new TextEncoder().encode("user\nann\n"),
        description: "The users to name",
      },
    ],
  });
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ analyseUpload: countRows, maxUploadBytes: 1000 });
});
afterAll(async () => {
  await h.close();
});

let n = 0;
/** Shares a file in channel C1 and returns its id. */
async function share(
  name: string,
  bytes: Uint8Array,
  options: { url?: string; size?: number } = {},
) {
  const id = `F${++n}`;
  const url = options.url ?? h.fake.serve(`${id}-${name}`, bytes);
  h.fake.describe({
    id,
    name,
    size: options.size ?? bytes.byteLength,
    url,
    channel: "C1",
    ts: `1700001000.00000${n}`,
  });
  const res = await sendEvent(h.url, {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: "C1",
    file: { id },
    event_ts: "1700001000.000001",
  });
  expect(res.status).toBe(200);
  return { id, threadTs: `1700001000.00000${n}` };
}

function callsSince(from: number, method: string): ApiCall[] {
  return h.fake.calls.slice(from).filter((c) => c.method === method);
}

describe("file shares", () => {
  it("downloads an allowed CSV with the bot token, shows progress in the thread and replaces it with the result", async () => {
    const from = h.fake.calls.length;
    const requests = h.fake.fileRequests.length;
    const { threadTs } = await share("sessions.csv", new TextEncoder().encode(CSV));
    await h.fake.waitFor(
      () =>
        callsSince(from, "chat.update").some((u) => u.args.text === "sessions.csv has 2 sessions."),
      "the result",
    );
    expect(h.fake.fileRequests.slice(requests)).toEqual([
      { path: expect.stringMatching(/sessions\.csv$/), authorization: "Bearer xoxb-test-token" },
    ]);
    const [progress] = callsSince(from, "chat.postMessage");
    expect(progress?.args.thread_ts).toBe(threadTs);
    expect(progress?.args.text).toBe("Reading sessions.csv …");
    const updates = callsSince(from, "chat.update");
    expect(updates.map((u) => u.args.text)).toEqual([
      "Reading sessions.csv … 2 sessions",
      "Finding the cheapest split …",
      "sessions.csv has 2 sessions.",
    ]);
    for (const u of updates) {
      expect(u.args.channel).toBe("C1");
      expect(blockProblems(u.args.blocks)).toEqual([]);
    }
    expect(new Set(updates.map((u) => u.args.ts)).size).toBe(1);
    expect(blocksText(updates[2]?.args.blocks)).toContain("Change rates");
    const getUrl = callsSince(from, "files.getUploadURLExternal");
    expect(getUrl.map((c) => c.args.filename)).toEqual(["named-users.csv"]);
    const complete = callsSince(from, "files.completeUploadExternal")[0];
    // The files are attached before the result (and its buttons) replaces the progress message.
    expect(h.fake.calls.indexOf(complete as ApiCall)).toBeLessThan(
      h.fake.calls.indexOf(updates[2] as ApiCall),
    );
    expect(complete?.args.channel_id).toBe("C1");
    expect(complete?.args.thread_ts).toBe(threadTs);
    // files.uploadV2 posts the bytes as multipart form data to the upload URL.
    expect(h.fake.uploads.at(-1)?.path).toBe("/upload/named-users.csv");
    expect(h.fake.uploads.at(-1)?.bytes.toString("utf8")).toContain("\r\n\r\nuser\nann\n\r\n");
    expect(seen.at(-1)).toEqual({ name: "sessions.csv", bytes: CSV.length, currency: "GBP" });
  });

  it("analyses a file shared in a DM once, though file_shared and the file_share message both announce it", async () => {
    // Both announcements name the DM and the same share (the message's ts; file_shared's event_ts
    // is a moment later), as Slack sends them.
    const from = h.fake.calls.length;
    const runs = seen.length;
    const id = "FDM1";
    const ts = "1700002000.000001";
    const url = h.fake.serve(`${id}-dm.csv`, new TextEncoder().encode(CSV));
    h.fake.describe({ id, name: "dm.csv", size: CSV.length, url, channel: "D1", ts });
    await Promise.all([
      sendEvent(h.url, {
        type: "message",
        subtype: "file_share",
        channel_type: "im",
        user: "U1",
        text: "",
        ts,
        channel: "D1",
        files: [{ id }],
      }),
      sendEvent(h.url, {
        type: "file_shared",
        file_id: id,
        user_id: "U1",
        channel_id: "D1",
        file: { id },
        event_ts: "1700002000.000150",
      }),
    ]);
    await h.fake.waitFor(
      () =>
        callsSince(from, "chat.update").some((u) => u.args.text === "dm.csv has 2 sessions.") &&
        h.log.some((l) => l.includes(`file:${id}:${ts} in D1 is already being handled`)),
      "one analysis, and the other announcement dropped",
    );
    expect(seen.length - runs).toBe(1);
    expect(callsSince(from, "chat.postMessage").map((c) => c.args.thread_ts)).toEqual([ts]);
    expect(callsSince(from, "files.completeUploadExternal")).toHaveLength(1);
  });

  it("ignores the bot's own uploads (no files.info, no analysis, no upload loop)", async () => {
    const from = h.fake.calls.length;
    const own = "FBOTOWN";
    const url = h.fake.serve("flagged-users.csv", new TextEncoder().encode(CSV));
    h.fake.describe({
      id: own,
      name: "flagged-users.csv",
      size: CSV.length,
      url,
      channel: "C1",
      ts: "1.3",
    });
    await sendEvent(h.url, {
      type: "file_shared",
      file_id: own,
      user_id: "UBOT",
      channel_id: "C1",
      file: { id: own },
      event_ts: "1700001000.000009",
    });
    // A person's file shared after it is looked up; by then the bot's would have been too.
    const { id } = await share("later.csv", new TextEncoder().encode(CSV));
    // Its analysis is finished (files attached, then the result) before the next test starts.
    await h.fake.waitFor(
      () =>
        callsSince(from, "chat.update").some((c) => c.args.text === "later.csv has 2 sessions."),
      "the person's file analysed",
    );
    expect(callsSince(from, "files.info").some((c) => c.args.file === id)).toBe(true);
    expect(callsSince(from, "files.info").map((c) => c.args.file)).toEqual([id]);
  });

  it("does not download from a host that is not on the allow-list", async () => {
    const from = h.fake.calls.length;
    const requests = h.fake.fileRequests.length;
    // Same local server, but under the name "localhost", which is not allowed.
    const url = h.fake
      .serve("elsewhere.csv", new TextEncoder().encode(CSV))
      .replace("127.0.0.1", "localhost");
    await share("elsewhere.csv", new TextEncoder().encode(CSV), { url });
    await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length === 1, "refusal");
    expect(h.fake.fileRequests.slice(requests)).toEqual([]);
    expect(callsSince(from, "chat.postEphemeral")[0]?.args.text).toBe(
      ":warning: upload: I only download files stored on Slack, and elsewhere.csv is stored elsewhere, so I left it alone — share the file again as a CSV or XLSX",
    );
    expect(h.log.some((l) => l.includes("not an allowed file host: localhost:"))).toBe(true);
  });

  it("refuses a file over the size limit without downloading it", async () => {
    const from = h.fake.calls.length;
    const requests = h.fake.fileRequests.length;
    await share("big.csv", new TextEncoder().encode(CSV), { size: 25_000_000 });
    await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length === 1, "refusal");
    expect(h.fake.fileRequests.slice(requests)).toEqual([]);
    // 25,000,000 bytes = 25.0 MB; the limit in this test is 1,000 bytes = 0.0 MB.
    expect(callsSince(from, "chat.postEphemeral")[0]?.args.text).toBe(
      ":warning: upload: big.csv is 25.0 MB; I read files up to 0.0 MB — share a shorter period, or only the user, login and logout columns; whoever runs dealdesk can raise the limit with DEALDESK_MAX_FILE_MB (up to 500)",
    );
  });

  it("stops reading a file that is larger than it said", async () => {
    const from = h.fake.calls.length;
    await share("liar.csv", new TextEncoder().encode(`a,b\n${"1,2\n".repeat(400)}`), { size: 10 });
    await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length === 1, "refusal");
    expect(callsSince(from, "chat.postEphemeral")[0]?.args.text).toBe(
      ":warning: upload: liar.csv is larger than the 0.0 MB I read — share the file again as a CSV or XLSX",
    );
    expect(callsSince(from, "chat.delete")).toHaveLength(1);
  });

  it("checks the content, not only the name: a PNG named .csv is refused", async () => {
    const from = h.fake.calls.length;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const before = seen.length;
    await share("roster.csv", png);
    await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length === 1, "refusal");
    expect(callsSince(from, "chat.postEphemeral")[0]?.args.text).toBe(
      ":warning: upload: roster.csv is not CSV text I can read (it should be UTF-8 text with columns separated by commas, semicolons, tabs or pipes) — export the roster or session log as .csv (UTF-8) or .xlsx and share it again",
    );
    expect(seen.length).toBe(before);
  });

  it("ignores files that are not spreadsheets", async () => {
    const from = h.fake.calls.length;
    const requests = h.fake.fileRequests.length;
    await share("photo.png", new Uint8Array([0x89, 0x50]));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.fileRequests.slice(requests)).toEqual([]);
    expect(h.fake.calls.slice(from).filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("shows an analyser's refusal to the uploader alone and removes the progress message", async () => {
    const from = h.fake.calls.length;
    await share("empty.csv", new TextEncoder().encode("user,start,end\n"));
    await h.fake.waitFor(() => callsSince(from, "chat.postEphemeral").length === 1, "refusal");
    expect(callsSince(from, "chat.postEphemeral")[0]?.args.text).toBe(":warning: upload: no rows");
    expect(callsSince(from, "chat.delete")).toHaveLength(1);
  });
});

/** Shares CSV as s.csv in channel C1 of a harness of its own. */
async function shareCsvIn(target: Harness, id: string): Promise<void> {
  const url = target.fake.serve(`${id}-s.csv`, new TextEncoder().encode(CSV));
  target.fake.describe({ id, name: "s.csv", size: CSV.length, url, channel: "C1", ts: "1.1" });
  await sendEvent(target.url, {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: "C1",
    event_ts: "1",
  });
}

describe("files that cannot be attached", () => {
  it("still posts the result and tells the uploader alone which files are missing", async () => {
    const refusing = await startHarness({ analyseUpload: countRows });
    try {
      refusing.fake.refuse("files.getUploadURLExternal", "missing_scope");
      await shareCsvIn(refusing, "FNOATTACH");
      await refusing.fake.waitFor(
        () => refusing.fake.callsOf("chat.postEphemeral").length === 1,
        "the note",
      );
      const updates = refusing.fake.callsOf("chat.update").map((u) => u.args.text);
      expect(updates.at(-1)).toBe("s.csv has 2 sessions.");
      expect(refusing.fake.callsOf("chat.delete")).toEqual([]);
      const note = refusing.fake.callsOf("chat.postEphemeral")[0];
      expect(note?.args.user).toBe("U1");
      expect(note?.args.text).toBe(
        "The result is posted, but I couldn't attach its files (named-users.csv). Share the file again to get them.",
      );
      expect(refusing.fake.uploads).toEqual([]);
    } finally {
      await refusing.close();
    }
  });
});

describe("the default analyser", () => {
  it("says file analysis is not available yet", async () => {
    const plain = await startHarness();
    try {
      await shareCsvIn(plain, "FDEFAULT");
      await plain.fake.waitFor(
        () => plain.fake.callsOf("chat.postEphemeral").length === 1,
        "reply",
      );
      expect(plain.fake.callsOf("chat.postEphemeral")[0]?.args.text).toBe(
        ":warning: upload: file analysis is not available yet in this dealdesk, so I can't analyse s.csv — type the numbers instead, e.g. /deal cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
      );
    } finally {
      await plain.close();
    }
  });
});
