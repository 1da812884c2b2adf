import { describe, expect, it } from "vitest";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import {
  splitProgress,
  splitProgressText,
} from "../../../src/commands/file-analysis/split-progress.js";
import { currency } from "../../../src/core/money.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

const GBP = currency("GBP");

describe("split progress", () => {
  it("says the stage and how far the gap has closed", () => {
    // The 20,000-user run: best £7,104,720, bound £6,776,280 (in pence).
    // gap = (710,472,000 − 677,628,000) ÷ 710,472,000 = 4.6228…% → "4.7%" (rounded up).
    expect(
      splitProgressText(
        {
          stage: "integer_program",
          round: 2,
          solverSeconds: 30,
          best: 710_472_000,
          bound: 677_628_000,
        },
        GBP,
      ),
    ).toBe(
      "Finding the cheapest split … solving the integer program (round 2): best plan so far £7,104,720, proven minimum £6,776,280, gap 4.7%",
    );
    expect(
      splitProgressText({ stage: "relaxation", round: 1, solverSeconds: 0, best: 504_000 }, GBP),
    ).toBe("Finding the cheapest split … solving the LP relaxation: best plan so far £5,040");
    expect(
      splitProgressText(
        { stage: "heuristic", solverSeconds: 0.2, best: 336_000, bound: 336_000 },
        GBP,
      ),
    ).toBe(
      "Finding the cheapest split … searching for a starting plan: best plan so far £3,360, proven minimum £3,360, gap closed",
    );
    expect(splitProgressText({ stage: "verifying", solverSeconds: 1 }, GBP)).toBe(
      "Finding the cheapest split … checking every plan against the log",
    );
  });

  it("sends a new stage at once and repeats of one stage at most once a solver second", () => {
    const sent: string[] = [];
    const listen = splitProgress((t) => sent.push(t), GBP);
    listen({ stage: "relaxation", round: 1, solverSeconds: 0 });
    listen({ stage: "relaxation", round: 2, solverSeconds: 0.4 }); // 0.4 s later: held back
    listen({ stage: "relaxation", round: 3, solverSeconds: 1 }); // a second after: sent
    listen({ stage: "heuristic", solverSeconds: 1.1 }); // a new stage: sent at once
    expect(sent).toEqual([
      "Finding the cheapest split … solving the LP relaxation",
      "Finding the cheapest split … solving the LP relaxation (round 3)",
      "Finding the cheapest split … searching for a starting plan",
    ]);
  });

  it("reaches the front end's progress while a file is split", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const seen: string[] = [];
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, {
      ...gbp,
      progress: async (text) => {
        seen.push(text.split("\n").at(-1) ?? "");
      },
    });
    expect(out.ok).toBe(true);
    // Each stage of the split is reported, in order, after the concurrency stage.
    const stages = seen.filter((t) => t.startsWith("Finding the cheapest split … "));
    expect(stages[0]).toBe("Finding the cheapest split … reducing the log to its busiest instants");
    expect(stages).toContain("Finding the cheapest split … costing the comparison plans");
    expect(stages.at(-1)).toBe("Finding the cheapest split … checking every plan against the log");
  });
});
