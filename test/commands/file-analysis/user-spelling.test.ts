import { describe, expect, it } from "vitest";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import { fileText, gbp, tempDir, writeFixture } from "./fixtures.js";

/*
 * SIX_PEOPLE_CSV with a written as "Alice.Smith@Example.com" 09–13 and " alice.smith@example.com "
 * 13–17: one person (the same key), online 09–17 like a. So the hand computation is SIX_PEOPLE's:
 * at £70 and £140 a month, name Alice and b, pool c–f (never two together) in a pool of 1:
 * 2 × £840 + 1 × £1,680 = £3,360. Named users in key order: alice.smith@… before b@x.com.
 */
const MIXED_CASE_LOG = [
  "Agent Email,Login Time,Logout Time",
  "Alice.Smith@Example.com,2026-09-07T09:00:00Z,2026-09-07T13:00:00Z",
  " alice.smith@example.com ,2026-09-07T13:00:00Z,2026-09-07T17:00:00Z",
  "b@x.com,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "c@x.com,2026-09-07T09:00:00Z,2026-09-07T10:00:00Z",
  "d@x.com,2026-09-07T11:00:00Z,2026-09-07T12:00:00Z",
  "e@x.com,2026-09-07T13:00:00Z,2026-09-07T14:00:00Z",
  "f@x.com,2026-09-07T15:00:00Z,2026-09-07T16:00:00Z",
].join("\n");

describe("user ids shown as written in the file", () => {
  it("names one Alice, as first written, in namedUsers and named-users.csv", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", MIXED_CASE_LOG);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(r.data.file).toMatchObject({ rows: 7, used: 7, users: 6 });
    const split = r.data.split as Record<string, unknown>;
    expect(split.named).toBe(2);
    expect(split.namedUsers).toEqual(["Alice.Smith@Example.com", "b@x.com"]);
    const csv = fileText(
      r.files?.find((f) => f.name === "named-users.csv")?.content ?? new Uint8Array(),
    );
    const users = csv
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);
    expect(users).toEqual(['"Alice.Smith@Example.com"', '"b@x.com"']);
  });

  /*
   * On 1 Oct 2026: Ann is active; Cat left (departed: remove); Dan is disabled (remove). The
   * roster's spelling goes into flagged-users.csv, not the lower-case key.
   */
  it("lists flagged users as the roster wrote them", async () => {
    const roster = [
      "Email,Name,Status",
      "Ann.Lee@X.com,Ann,Active",
      "Cat.Jones@Example.COM,Cat,Left",
      "DAN@x.com,Dan,Disabled",
    ].join("\n");
    const path = writeFixture(tempDir(), "roster.csv", roster);
    const out = await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const csv = fileText(
      out.reply.files?.find((f) => f.name === "flagged-users.csv")?.content ?? new Uint8Array(),
    );
    expect(csv.split("\r\n")).toEqual([
      '"user","name","reason","action","days since last login","activity"',
      '"Cat.Jones@Example.COM","Cat","departed","remove","",""',
      '"DAN@x.com","Dan","disabled","remove","",""',

      "",
    ]);
  });
});
