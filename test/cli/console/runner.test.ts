import { describe, expect, it } from "vitest";
import { consoleRunner, isFileAnalysis } from "../../../src/cli/console/runner.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { testContext } from "../../commands/context.js";

describe("which console lines run in an analysis thread", () => {
  it("sends the file analyses, by any of their names, and no other command", () => {
    for (const line of [
      "split examples/sessions.csv --named 70 --concurrent 140",
      "/upload examples/sessions.csv",
      "/deal concurrency examples/sessions.csv",
      "PEAK examples/sessions.csv",
      "rightsize examples/roster.csv --rate 70",
    ]) {
      expect(isFileAnalysis(line), line).toBe(true);
    }
    for (const line of [
      "cost 150 named @ 70",
      "help split",
      "brief examples/deal.json",
      "",
      "bogus",
    ]) {
      expect(isFileAnalysis(line), line).toBe(false);
    }
  });

  it("runs an analysis through the thread runner and a calculator inline", async () => {
    const sent: string[] = [];
    const marker: CommandOutcome = {
      ok: false,
      command: "upload",
      issues: [{ code: "test.thread", message: "ran in the thread", hint: "" }],
      usage: "",
    };
    const run = consoleRunner(async (line) => {
      sent.push(line);
      return marker;
    });
    expect(await run("split x.csv", testContext())).toBe(marker);
    // 150 × 70 × 12 = £126,000 a year, answered inline.
    const cost = await run("cost 150 named @ 70 GBP", testContext());
    expect(cost.ok && cost.reply.headline).toContain("£126,000");
    expect(sent).toEqual(["split x.csv"]);
  });
});
