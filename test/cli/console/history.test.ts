import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keepsInHistory, openHistory } from "../../../src/cli/console/history.js";

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), "dealdesk-history-")), "data", "console-history");
}

describe("console history file", () => {
  it("starts empty, appends newest last, and reloads newest first", () => {
    const path = tempPath();
    const first = openHistory(path);
    expect(first.newestFirst).toEqual([]);
    first.add("cost 150 named @ 70");
    first.add("  tiers 95 1-99@50  ");
    expect(readFileSync(path, "utf8")).toBe("cost 150 named @ 70\ntiers 95 1-99@50\n");
    expect(openHistory(path).newestFirst).toEqual(["tiers 95 1-99@50", "cost 150 named @ 70"]);
  });

  it("is readable by its owner only", () => {
    const path = tempPath();
    openHistory(path).add("help");
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("tightens an existing file to 0600 when it is opened", () => {
    const path = tempPath();
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "help\n", { mode: 0o644 });
    openHistory(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("does not repeat the line just stored", () => {
    const path = tempPath();
    const h = openHistory(path);
    h.add("help");
    h.add("help");
    h.add("working");
    h.add("help");
    expect(readFileSync(path, "utf8")).toBe("help\nworking\nhelp\n");
  });

  it("keeps only the newest lines over the limit, on disk too", () => {
    const path = tempPath();
    const h = openHistory(path, 3);
    for (const line of ["a1", "a2", "a3", "a4", "a5"]) h.add(line);
    // 5 lines written in the session; the next start keeps the newest 3 (a3, a4, a5).
    const again = openHistory(path, 3);
    expect(again.newestFirst).toEqual(["a5", "a4", "a3"]);
    expect(readFileSync(path, "utf8")).toBe("a3\na4\na5\n");
  });

  it("never stores a line with a secret or an e-mail address", () => {
    expect(keepsInHistory("cost 150 named @ 70")).toBe(true);
    expect(keepsInHistory("split s.csv --force-named a@example.com")).toBe(false);
    expect(keepsInHistory("ask what does SLACK_BOT_TOKEN do")).toBe(false);
    expect(keepsInHistory("xoxb-123-456")).toBe(false);
    expect(keepsInHistory("ask sk-abcdefghijkl is my key")).toBe(false);
    expect(keepsInHistory("   ")).toBe(false);
    const path = tempPath();
    const h = openHistory(path);
    h.add("split s.csv --force-named a@example.com");
    h.add("help");
    expect(readFileSync(path, "utf8")).toBe("help\n");
  });

  it("reports, once, a folder it cannot write, and keeps going", () => {
    const dir = mkdtempSync(join(tmpdir(), "dealdesk-history-"));
    const blocker = join(dir, "data");
    writeFileSync(blocker, "a file where the folder should be");
    const h = openHistory(join(blocker, "console-history"));
    // Reading already fails (a path under a file is ENOTDIR); adding must not throw either.
    h.add("help");
    h.add("working");
    expect(h.newestFirst).toEqual([]);
    expect(h.problem()).toMatch(/^Console history is not saved \(could not read .*: ENOTDIR\)\.$/);
    expect(readFileSync(blocker, "utf8")).toBe("a file where the folder should be");
  });
});
