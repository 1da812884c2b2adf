/**
 * The file commands reached through dispatch, as the CLI and console reach them. Until they are
 * in the registry (src/commands/registry.ts is not this module's to edit), the registry is
 * extended here with them.
 */
import { describe, expect, it, vi } from "vitest";
import { dispatch } from "../../src/commands/dispatch.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./file-fixtures.js";

vi.mock("../../src/commands/registry.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/commands/registry.js")>();
  const { splitCommand } = await import("../../src/commands/split.js");
  const { uploadCommand } = await import("../../src/commands/upload.js");
  const commands = [...original.commands, splitCommand, uploadCommand];
  return {
    commands,
    findCommand: (word: string) =>
      commands.find((c) => c.name === word || c.aliases.includes(word)),
  };
});

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
