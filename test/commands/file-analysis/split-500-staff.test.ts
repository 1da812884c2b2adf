import { describe, expect, it } from "vitest";
import { costCommand } from "../../../src/commands/cost/command.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import { gbp, tempDir, writeFixture } from "./fixtures.js";

/*
 * The 500-staff example (the typed calculation the README opens with): 150 power users online all working
 * day and 350 occasional users of whom at most 100 are online at once. Built as a week's session
 * log (Mon 7 – Fri 11 Sep 2026, UTC), every weekday the same:
 * - power-001 … power-150: one session 09:00–17:00.
 * - occasional-001 … occasional-350 in 100 lanes; lane j (1–100) holds users j, j + 100, j + 200
 *   and (for j ≤ 50) j + 300. A lane's users take turns, one hour each, never overlapping: the 1st
 *   09:00–10:00, the 2nd 11:00–12:00, the 3rd 13:00–14:00, the 4th 15:00–16:00.
 *   So at most 100 occasional users are online at any instant (one per lane): 100 in the 09:00,
 *   11:00 and 13:00 hours, 50 in the 15:00 hour, none otherwise.
 *
 * Hand computation at £70 named and £140 concurrent a month (£840 and £1,680 a year):
 * - named-only: 500 × £840 = £420,000 (the cost command's £600,000 is 500 named at £100).
 * - all-concurrent: peak 150 + 100 = 250 (09:00–10:00): 250 × £1,680 = £420,000.
 * - 150 named + pool 100: 150 × £840 + 100 × £1,680 = £126,000 + £168,000 = £294,000; the pool
 *   holds the 100 occasional users online at 09:00, 11:00 and 13:00.
 * - nothing cheaper. Take any plan: p power users pooled, pool k, and n1, n2, n3, n4 named
 *   occasional users of the 09:00, 11:00, 13:00 and 15:00 hours (100, 100, 100, 50 people). Each
 *   hour's pooled people fit in the pool: k ≥ p + 100 − n1 (likewise n2, n3) and k ≥ p + 50 − n4.
 *   Write d = k − p. Cost = 840 (150 − p + n1 + n2 + n3 + n4) + 1,680 k
 *                        ≥ 126,000 + 840 p + 1,680 d + 840 (3 max(0, 100 − d) + max(0, 50 − d)).
 *   In d that is 294,000 − 1,680 d below 50, 252,000 − 840 d from 50 to 100 and 1,680 d above
 *   100: least at d = 100 (168,000), and p = 0 is best, so every plan costs ≥ £294,000, reached
 *   only by p = 0, k = 100 and no occasional user named: 150 named + 100 pooled.
 * - saving: £420,000 − £294,000 = £126,000 = 30% of £420,000.
 * - rule of thumb (break-even 840 ÷ 1,680 = 50%): peak-relevant time is when ≥ 125 (half of 250)
 *   are online: 09:00–17:00 every day, 40 h; power users are on 100% of it, occasional users 1 h a
 *   day = 12.5%: it names the 150 power users, the optimum.
 */
const DAYS = ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11"];
const TURN_HOURS = [9, 11, 13, 15];
const id = (kind: string, n: number) => `${kind}-${String(n).padStart(3, "0")}@corp.example`;
const hour = (day: string, h: number) => `${day}T${String(h).padStart(2, "0")}:00:00Z`;

function weekOf500(): string {
  const rows = ["User,Login,Logout"];
  for (const day of DAYS) {
    for (let n = 1; n <= 150; n++) rows.push(`${id("power", n)},${hour(day, 9)},${hour(day, 17)}`);
    for (let n = 1; n <= 350; n++) {
      const turn = Math.floor((n - 1) / 100); // the lane's 1st, 2nd, 3rd or 4th user
      const from = TURN_HOURS[turn] as number;
      rows.push(`${id("occasional", n)},${hour(day, from)},${hour(day, from + 1)}`);
    }
  }
  return rows.join("\n");
}

describe("split: the seed's 500 staff (150 power users, 350 occasional, ≤ 100 at once)", () => {
  it("names the 150 power users and pools the rest in 100 seats: £294,000 against £420,000", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", weekOf500());
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Best plan: 150 named + a pool of 100 concurrent = £294,000 a year — proven optimal.",
    );
    expect(r.tables[0]?.title).toBe("That is £126,000 (30%) less than naming everyone.");
    expect(r.tables[0]?.rows).toEqual([
      ["named-only", "500", "0", "£420,000", "+£126,000"],
      ["all-concurrent (pool = peak)", "0", "250", "£420,000", "+£126,000"],
      ["rule of thumb (online > 50% of peak time)", "150", "100", "£294,000", "same"],
      ["ranking by hours online", "150", "100", "£294,000", "same"],
      ["optimum", "150", "100", "£294,000", ""],
    ]);
    expect(r.working).toContain("named-only: 500 × £70 × 12 = £420,000");
    expect(r.working).toContain(
      "optimum: 150 × £70 × 12 + 100 × £140 × 12 = £126,000 + £168,000 = £294,000",
    );
    const split = r.data.split as Record<string, unknown>;
    expect(split).toMatchObject({
      named: 150,
      concurrent: 100,
      annualCost: { minor: 29_400_000 },
      lowerBound: { minor: 29_400_000 },
      gap: 0,
      provenOptimal: true,
      savingVsNamedOnly: { minor: 12_600_000 },
      savingPercent: 30,
    });
    const power = Array.from({ length: 150 }, (_, i) => id("power", i + 1));
    expect(split.namedUsers).toEqual(power);
    expect(r.data.concurrency).toMatchObject({ peak: 250 });
  });

  it("is the mixed plan the cost command compares with 500 named at £100: £294,000 vs £600,000", () => {
    // 500 × £100 × 12 = £600,000; £600,000 − £294,000 = £306,000 = 51%.
    const out = costCommand.run(
      "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP",
      gbp,
    );
    expect(out.ok && out.reply.headline).toBe(
      "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).",
    );
  });
});
