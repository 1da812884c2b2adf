import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeFileName, saveReplyFiles } from "../../src/cli/save-files.js";

describe("saveReplyFiles", () => {
  it("writes each file into the folder and says where", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "dealdesk-")), "out");
    const lines = await saveReplyFiles(
      [
        {
          name: "named-users.csv",
          mediaType: "text/csv",
          content: new TextEncoder().encode("user\na@example.com\n"),
          description: "the users to name",
        },
      ],
      dir,
    );
    expect(lines).toEqual([`Saved ${join(dir, "named-users.csv")} — the users to name`]);
    expect(await readFile(join(dir, "named-users.csv"), "utf8")).toBe("user\na@example.com\n");
  });

  it("writes nothing and creates no folder when there are no files", async () => {
    expect(await saveReplyFiles([], "/nonexistent/should-not-be-created")).toEqual([]);
  });

  it("never lets a file name climb out of the folder", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("..\\..\\brief.docx")).toBe("brief.docx");
    expect(safeFileName("..")).toBe("file");
    expect(safeFileName("deal: ACME?.docx")).toBe("deal_ ACME_.docx");
  });
});
