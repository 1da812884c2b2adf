import { describe, expect, it } from "vitest";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import { fileText, gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

/*
 * Hand computation for SIX_PEOPLE_CSV at £70 named and £140 concurrent a month (£840 and £1,680 a
 * year). a and b are online 09–17; c, d, e, f one hour each, never together.
 * - named-only: 6 × £840 = £5,040.
 * - all-concurrent: at 09:00 a, b and c are online, so the pool is 3: 3 × £1,680 = £5,040.
 * - name a and b, pool c–f: at most one of c–f is online, pool 1: 2 × £840 + £1,680 = £3,360.
 * - nothing cheaper: with no pool all 6 are named (£5,040); a pool of 1 can't hold a or b
 *   together with anyone else, so pooling either leaves 5 named (£4,200 + £1,680); a pool of 2 or
 *   more costs £3,360 before anyone is named, and someone must be (a, b and c overlap): ≥ £4,200.
 * - saving: £5,040 − £3,360 = £1,680, a third of £5,040 (33%).
 * - the rule of thumb (50% at 70:140): peak-relevant time is when ≥ 2 are online (09–17, 8 h);
 *   a and b are on 100% of it, c–f 12.5%: it names a and b, the optimum.
 * - a pool of 0 for c–f refuses all 4 logins: 4 people, 4 × 1 h.
 */
describe("split PATH", () => {
  it("finds the hand-computed optimum with the comparison plans", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    const plans = r.tables[0];
    expect(plans?.title).toBe("That is £1,680 (33%) less than naming everyone.");
    expect(plans?.rows).toEqual([
      ["named-only", "6", "0", "£5,040", "+£1,680"],
      ["all-concurrent (pool = peak)", "0", "3", "£5,040", "+£1,680"],
      ["rule of thumb (online > 50% of peak time)", "2", "1", "£3,360", "same"],
      ["ranking by hours online", "2", "1", "£3,360", "same"],
      ["optimum", "2", "1", "£3,360", ""],
    ]);
    const refusals = r.tables[1];
    expect(refusals?.title).toBe(
      "A pool of 1 would have refused 0 logins that day; 0 would have refused 4 (4 people, 4 h).",
    );
    expect(refusals?.rows).toEqual([
      ["1", "0", "0", "0 min"],
      ["0", "4", "4", "4 h"],
    ]);
    expect(r.read?.lines).toContain(
      'Columns used: user ← "Agent Email", start ← "Login Time", end ← "Logout Time".',
    );
    expect(r.notes).toContain("Rates: £70/mo named, £140/mo concurrent.");
    expect(r.working).toContain("optimum: 2 × £70 × 12 + 1 × £140 × 12 = £1,680 + £1,680 = £3,360");
    expect(r.working).toContain("named-only: 6 × £70 × 12 = £5,040");
    expect(r.working).toContain("all-concurrent (pool = peak): 3 × £140 × 12 = £5,040");
    expect(r.working).toContain("saving: £5,040 − £3,360 = £1,680; ÷ £5,040 = 33.3%");
    expect(r.working).toContain(
      "gap: (cost − proven lower bound) ÷ cost = (£3,360 − £3,360) ÷ £3,360 = 0%",
    );
    const split = r.data.split as Record<string, unknown>;
    expect(split).toMatchObject({
      named: 2,
      concurrent: 1,
      annualCost: { minor: 336_000, amount: "3360.00" },
      lowerBound: { minor: 336_000 },
      gap: 0,
      provenOptimal: true,
      savingVsNamedOnly: { minor: 168_000 },
      savingPercent: 33.33,
      breakEven: 50,
    });
    expect(r.data.concurrency).toMatchObject({
      peak: 3,
      peakAt: "2026-09-07T09:00:00.000Z",
      percentiles: { p50: 2, p90: 3, p95: 3, p99: 3 },
    });
    // The JSON names exactly the optimum's named users (a and b, above), as the contract
    // asks; that is the only personal data in it: the concurrency block, the file summary and the
    // rest of the split block carry no e-mail.
    expect(split.namedUsers).toEqual(["a@x.com", "b@x.com"]);
    const { namedUsers: _ids, ...splitWithoutIds } = split;
    expect(JSON.stringify({ ...r.data, split: splitWithoutIds })).not.toContain("@x.com");
    expect(JSON.stringify(r.data.concurrency)).not.toContain("@");
    const named = r.files?.find((f) => f.name === "named-users.csv");
    expect(fileText(named?.content ?? new Uint8Array())).toBe(
      '"user","reason","share of peak time online","hours online"\r\n' +
        '"a@x.com","cheaper named than pooled","100%","8"\r\n' +
        '"b@x.com","cheaper named than pooled","100%","8"\r\n',
    );
  });

  it("reads yearly rates and keeps forced users named, saying when one has no sessions", async () => {
    // Forcing c named as well: 3 × £840 + £1,680 = £4,200 (d, e, f still share one seat).
    // z@x.com has no sessions and still takes a named seat: 4 × £840 + £1,680 = £5,040.
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await splitCommand.run(
      `${path} --named 840/yr --concurrent 1680/yr GBP --force-named C@x.com,z@x.com`,
      gbp,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.headline).toBe(
      "Best plan: 4 named + a pool of 1 concurrent = £5,040 a year — proven optimal.",
    );
    // c and z, both typed: the list counts z though he has no sessions (he takes a seat).
    expect(out.reply.notes).toContain("Forced named: 2 (--force-named 2).");
    expect(out.reply.notes).toContain(
      "1 person in --force-named has no sessions in the file and still takes a named seat: z@x.com.",
    );
    expect(out.reply.working).toContain(
      "optimum: 4 × £840/yr + 1 × £1,680/yr = £3,360 + £1,680 = £5,040",
    );
  });

  it("answers the usage part and asks for the rates in one line when there are none", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await splitCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // Peak 3 at 09:00; 4 h at 3 online, 4 h at 2: P90 is 3.
    expect(out.reply.headline).toBe(
      "Peak: 3 people online at once, on Mon 7 Sep 09:00; 90% of the time 3 or fewer.",
    );
    expect(out.reply.notes[0]).toBe(
      `Give me the rates to find the cheapest split: split ${path} --named 70 --concurrent 140, or /deal set named 70 concurrent 140 in Slack.`,
    );
    expect(out.reply.data).toMatchObject({ ratesNeeded: true, split: null });
  });

  it("asks only for the missing rate", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const out = await splitCommand.run(`${path} --named 70`, gbp);
    expect(out.ok && out.reply.notes[0]).toBe(
      `Give me the concurrent rate to find the cheapest split: split ${path} --named 70 --concurrent 140, or /deal set named 70 concurrent 140 in Slack.`,
    );
  });
});
