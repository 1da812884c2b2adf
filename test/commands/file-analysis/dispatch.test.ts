/** The file commands reached through dispatch, as the CLI and console reach them. */
import { describe, expect, it } from "vitest";
import { dispatch } from "../../../src/commands/dispatch.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

describe("file commands through dispatch", () => {
  it("runs split PATH --named 70 --concurrent 140", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await dispatch(`split ${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok && out.reply.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
  });

  it("runs the console's /upload PATH (dispatch drops the slash)", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await dispatch(`/upload ${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok && out.reply.command).toBe("upload");
    expect(out.ok && out.reply.data.split).toMatchObject({ named: 2, concurrent: 1 });
  });
});

describe("follow-up commands name the file as it was typed", () => {
  it("keeps the folder in the suggested next commands", async () => {
    const dir = tempDir();
    const path = writeFixture(dir, "sessions.csv", SIX_PEOPLE_CSV);
    const out = await dispatch(`split ${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.next[0]).toBe(`concurrency ${path}`);
  });
});
