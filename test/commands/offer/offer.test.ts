import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/commands/context.js";
import { dispatch } from "../../../src/commands/dispatch.js";
import type { CommandOutcome, Reply } from "../../../src/commands/reply.js";
import { currency, major } from "../../../src/core/money.js";
import { testContext } from "../context.js";
import { memoryBook } from "./memory-book.js";

const GBP = currency("GBP");
const NOW = new Date("2026-12-02T10:00:00Z");

function setup(over: Partial<CommandContext> = {}) {
  const offers = memoryBook();
  const ctx = testContext({ offers, now: () => NOW, ...over });
  const run = (text: string) => dispatch(text, ctx);
  return { offers, ctx, run };
}

function reply(out: CommandOutcome): Reply {
  if (!out.ok) throw new Error(`expected a reply, got ${JSON.stringify(out.issues)}`);
  return out.reply;
}

function codes(out: CommandOutcome): string[] {
  return out.ok ? [] : out.issues.map((i) => i.code);
}

/** The three rounds and two positions of the worked example (test/core/offer-history.test.ts). */
async function negotiation(run: (t: string) => Promise<CommandOutcome>) {
  await run(
    "offer vendor 2026-10-01 named 240 @ £80 concurrent 30 @ £150 cap 5% term 3y impl £15,000",
  );
  await run("offer us 2026-10-15 named @ £65 cap 2% impl £5,000");
  await run("offer vendor 2026-11-20 named 240 @ £72/user/month cap 3% term 3y impl £10,000");
  await run("offer target named @ £65 cap 2% impl £5,000");
  await run("offer walk-away named @ £75 cap 4% impl £12,000");
}

describe("offer records a round", () => {
  it("records the brief's example with every lever, and says a year", async () => {
    const { run, offers } = setup();
    const r = reply(
      await run(
        "/deal offer vendor 2026-11-20 named 240 @ £72/user/month cap 3% term 3y impl £10,000",
      ),
    );
    // 240 × £72 × 12 = £207,360 a year.
    expect(r.headline).toBe("Round 1 recorded: the vendor's offer of 2026-11-20, £207,360 a year.");
    expect(offers.rounds).toEqual([
      {
        round: 1,
        date: "2026-11-20",
        offeredBy: { kind: "vendor" },
        currency: "GBP",
        terms: {
          namedSeats: 240,
          namedRate: major(72, GBP),
          cap: { kind: "cap", percent: "3" },
          termYears: 3,
          implementation: major(10_000, GBP),
        },
      },
    ]);
    expect(r.notes).toContain(
      "Kept in this channel. Type history to see what moved and what is left to our target.",
    );
    // 240 × £72 × 12 = £207,360, said as a note: a reply with working gets Slack's "Show working"
    // button, which re-runs the command when the answer is gone, and would record the round twice.
    expect(r.working).toEqual([]);
    expect(r.notes).toContain("A year: named: 240 × £72 × 12 = £207,360 a year.");
  });

  it("dates a round without a date today (UTC) and says so", async () => {
    const { run, offers } = setup();
    const r = reply(await run("offer us named @ £65"));
    expect(offers.rounds[0]?.date).toBe("2026-12-02");
    expect(r.notes[0]).toBe("No date given, so I dated it today, 2026-12-02 (UTC).");
    expect(r.notes).toContain("No yearly figure: that needs seats and a rate (or tiers) for them.");
    expect(reply(await run("offer vendor today named @ £70")).notes[0]).not.toContain("No date");
    expect(offers.rounds[1]?.date).toBe("2026-12-02");
  });

  it("says when a date is after today or before the last round", async () => {
    const { run } = setup();
    await run("offer vendor 2026-11-20 named 240 @ £72");
    const later = reply(await run("offer us 2027-01-05 named @ £65"));
    expect(later.notes).toContain("2027-01-05 is after today (2026-12-02, UTC): check the date.");
    const earlier = reply(await run("offer vendor 2026-10-01 named @ £70"));
    expect(earlier.notes).toContain(
      "It is dated before round 2 (2027-01-05); rounds stay in the order they were recorded.",
    );
  });

  it("reads `240 named @ £72` as cost does, and a named party", async () => {
    const { run, offers } = setup();
    await run('offer by "Acme Reseller" 2026-11-01 240 named @ £70 30 concurrent @ £140');
    expect(offers.rounds[0]).toMatchObject({
      offeredBy: { kind: "named", name: "Acme Reseller" },
      terms: {
        namedSeats: 240,
        namedRate: major(70, GBP),
        concurrentSeats: 30,
        concurrentRate: major(140, GBP),
      },
    });
  });

  it("prices named seats on the tiers when no named rate is given", async () => {
    const { run } = setup();
    const r = reply(
      await run('offer vendor 2026-11-01 named 95 seats tiers "1-99 @ £50, 100+ @ £45"'),
    );
    // All-units: 95 seats at the 1-99 rate of £50 = £4,750 a month; × 12 = £57,000 a year.
    expect(r.headline).toBe("Round 1 recorded: the vendor's offer of 2026-11-01, £57,000 a year.");
  });

  it("carries levers a round does not mention, and says from which round", async () => {
    const { run } = setup();
    await run("offer vendor 2026-10-01 named 240 @ £80 concurrent 30 @ £150");
    const r = reply(await run("offer us 2026-10-15 named @ £65"));
    // 240 × £65 × 12 = £187,200 + 30 × £150 × 12 = £54,000 → £241,200; round 1 was
    // £230,400 + £54,000 = £284,400; £241,200 − £284,400 = −£43,200; ÷ £284,400 = −15.2%.
    expect(r.headline).toBe(
      "Round 2 recorded: our offer of 2026-10-15, £241,200 a year, down £43,200 (15.2%) since round 1.",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["named rate", "£65/mo", "round 2"],
      ["named seats", "240", "round 1"],
      ["concurrent seats", "30", "round 1"],
      ["concurrent rate", "£150/mo", "round 1"],
    ]);
  });

  it("takes the channel's currency from its first round, and says when it assumed one", async () => {
    const { run } = setup({ defaultCurrency: currency("EUR") });
    const first = reply(await run("offer vendor 2026-11-01 named 240 @ 70"));
    expect(first.notes).toContain("No currency given, so amounts are in EUR (the default).");
    const second = await run("offer us 2026-11-02 named @ £65");
    expect(codes(second)).toEqual(["offer.currency_mismatch"]);
    expect(!second.ok && second.issues[0]?.message).toBe(
      "this channel's offers are in EUR, so a round in GBP can't be compared with them",
    );
  });
});

describe("offer target and walk-away", () => {
  it("sets our target, keeping levers set before, and says where the latest round stands", async () => {
    const { run } = setup();
    await run("offer vendor 2026-11-20 named 240 @ £72 concurrent 30 @ £150");
    await run("offer target named @ £65");
    const r = reply(await run("offer target cap 2%"));
    // Target on round 1: 240 × £65 × 12 = £187,200 + £54,000 = £241,200;
    // round 1: 240 × £72 × 12 = £207,360 + £54,000 = £261,360; £20,160 above.
    expect(r.headline).toBe(
      "Our target is named rate £65/mo, renewal cap 2% (round 1 is £20,160 a year above it).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["named rate", "£65/mo", "£72/mo", "£7 to go (£20,160 a year)"],
      ["renewal cap", "2%", "—", "not offered yet"],
    ]);
  });

  it("sets a walk-away before any round", async () => {
    const { run } = setup();
    const r = reply(await run("offer walk away named @ £75 impl £12,000"));
    expect(r.headline).toBe(
      "Our walk-away is named rate £75/mo, implementation (one-off) £12,000.",
    );
  });
});

describe("history", () => {
  it("says the latest offer a year against target and walk-away, then the tables", async () => {
    const { run } = setup();
    await negotiation(run);
    const r = reply(await run("history"));
    // Round 3: 240 × £72 × 12 = £207,360 + 30 × £150 × 12 = £54,000 → £261,360 a year.
    // Target on round 3: 240 × £65 × 12 + £54,000 = £241,200 → £20,160 above.
    // Walk-away on round 3: 240 × £75 × 12 + £54,000 = £270,000 → £8,640 inside.
    // Round 1: 240 × £80 × 12 + £54,000 = £284,400 → down £23,040, 23,040 ÷ 284,400 = 8.1%.
    expect(r.headline).toBe(
      "The vendor's latest offer (round 3, 2026-11-20) is £261,360 a year: £20,160 a year above our target, £8,640 a year inside our walk-away, down £23,040 (8.1%) since round 1.",
    );
    const [rounds, moves, gaps] = r.tables;
    expect(rounds?.rows).toEqual([
      [
        "1",
        "2026-10-01",
        "vendor",
        "240 @ £80",
        "30 @ £150",
        "5%",
        "3 years",
        "£15,000",
        "£284,400",
      ],
      [
        "2",
        "2026-10-15",
        "us",
        "(240) @ £65",
        "(30) @ (£150)",
        "2%",
        "(3 years)",
        "£5,000",
        "£241,200",
      ],
      [
        "3",
        "2026-11-20",
        "vendor",
        "240 @ £72",
        "(30) @ (£150)",
        "3%",
        "3 years",
        "£10,000",
        "£261,360",
      ],
    ]);
    expect(moves?.rows).toContainEqual(["named rate", "£80/mo", "£72/mo", "−£8 (−10%)"]);
    expect(moves?.rows).toContainEqual([
      "subscription a year",
      "£284,400",
      "£261,360",
      "−£23,040 (−8.1%)",
    ]);
    expect(gaps?.rows).toEqual([
      [
        "named rate",
        "£72/mo",
        "£65/mo",
        "£7 to go (£20,160 a year)",
        "£75/mo",
        "£3 inside (£8,640 a year)",
      ],
      ["renewal cap", "3%", "2%", "1 point to go", "4%", "1 point inside"],
      ["implementation (one-off)", "£10,000", "£5,000", "£5,000 to go", "£12,000", "£2,000 inside"],
      ["subscription a year", "£261,360", "£241,200", "£20,160 to go", "£270,000", "£8,640 inside"],
    ]);
    expect(r.working).toContain(
      "named rate to target: £72/mo − £65/mo = +£7; +£7 × 240 × 12 = +£20,160 a year",
    );
    expect(r.notes[0]).toBe(
      "Round 3 did not restate concurrent seats, concurrent rate (round 1), so those stand.",
    );
  });

  it("with one round and no positions, says how to set them", async () => {
    const { run } = setup();
    await run("offer vendor 2026-11-20 named 240 @ £72");
    const r = reply(await run("history"));
    expect(r.headline).toBe("The vendor's latest offer (round 1, 2026-11-20) is £207,360 a year.");
    expect(r.tables).toHaveLength(1);
    expect(r.notes).toContain("No target set: `offer target named @ £65 cap 2%` sets one.");
  });

  it("leaves out the lever columns no round fills, and an unset position's columns", async () => {
    const { run } = setup();
    await run("offer vendor 2026-11-20 named 240 @ £72 cap 3%");
    await run("offer target named @ £65");
    const [rounds, gaps] = reply(await run("history")).tables;
    expect(rounds?.columns.map((c) => c.header)).toEqual([
      "round",
      "date",
      "by",
      "named",
      "cap",
      "a year",
    ]);
    expect(gaps?.title).toBe(
      "What is left between round 1 and our target (lower is better on money)",
    );
    // £72 − £65 = £7; £7 × 240 × 12 = £20,160 a year; 240 × £72 × 12 = £207,360 against
    // 240 × £65 × 12 = £187,200.
    expect(gaps?.rows).toEqual([
      ["named rate", "£72/mo", "£65/mo", "£7 to go (£20,160 a year)"],
      ["subscription a year", "£207,360", "£187,200", "£20,160 to go"],
    ]);
  });

  it("refuses words after history, and says when there is nothing yet", async () => {
    const { run } = setup();
    expect(codes(await run("history please"))).toEqual(["history.takes_nothing"]);
    expect(codes(await run("history"))).toEqual(["history.no_rounds"]);
  });
});

describe("without a database", () => {
  const ctx = testContext({ now: () => NOW });

  it("offer shows what it read and says it recorded nothing", async () => {
    const r = reply(await dispatch("offer vendor named 240 @ £72", ctx));
    expect(r.headline).toBe(
      "Not recorded: this dealdesk has no database, so offer rounds, targets and walk-aways are not kept.",
    );
    expect(r.data).toEqual({ recorded: false, reason: "no_store" });
    expect(r.tables[0]?.rows).toEqual([
      ["named seats", "240"],
      ["named rate", "£72/mo"],
    ]);
  });

  it("history says there is none kept here", async () => {
    const r = reply(await dispatch("history", ctx));
    expect(r.headline).toBe(
      "No offer history here: this dealdesk has no database, so offer rounds, targets and walk-aways are not kept.",
    );
  });
});

describe("offer refuses what it can't read, saying what to type", () => {
  it.each([
    ["offer", "offer.no_party", "say who made the offer"],
    ["offer named 240 @ 72", "offer.no_party", "say who made the offer first"],
    ["offer acme named 240 @ 72", "offer.no_party", 'I don\'t know who "acme" is'],
    ["offer by", "offer.no_name", "by needs the name of who offered"],
    [
      "offer vendor",
      "offer.no_levers",
      "say what was offered: seats, rates, tiers, cap, term or implementation",
    ],
    [
      "offer vendor named 72",
      "offer.seats_or_rate",
      'is "named 72" 72 seats or 72 a seat a month?',
    ],
    ["offer vendor named", "offer.missing_value", "named needs seats, a rate or both"],
    ["offer vendor named 240 @", "offer.missing_rate", "named @ needs a rate"],
    [
      "offer vendor 03/04/2026 named 240 @ 72",
      "offer.date_unreadable",
      "03/04/2026 can be read two ways (day/month or month/day)",
    ],
    [
      "offer vendor 2026-02-30 named 240 @ 72",
      "offer.date_unreadable",
      "2026-02-30 is not a date I can read",
    ],
    ["offer vendor 2026-11-01 today named 240 @ 72", "offer.date_twice", "the date is given twice"],
    [
      "offer target 2026-11-20 named @ 65",
      "offer.position_dated",
      "our target has no date; only offer rounds do",
    ],
    [
      "offer vendor named 240 @ £72/yr",
      "rate.per_year",
      "the named rate must be per month, not £72/yr",
    ],
    ["offer vendor named 240 @ 0", "rate.not_positive", "the named rate must be more than 0"],
    [
      "offer vendor named 240 @ 72.555",
      "money.too_precise",
      "72.555 has more decimals than GBP allows (2)",
    ],
    [
      "offer vendor named 240 @ €72 GBP",
      "currency.conflict",
      "the amounts are written in € but the currency is GBP",
    ],
    [
      "offer vendor named 2,000,000 seats",
      "offer.too_many_seats",
      "2,000,000 named seats is more than dealdesk records (1,000,000)",
    ],
    ["offer vendor named 240 @ 72 named 250 @ 70", "offer.repeated", "named is given twice"],
    ["offer vendor cap lots", "offer.cap_not_a_percent", 'the cap "lots" is not a percentage'],
    ["offer vendor cap 300%", "offer.cap_too_high", "a cap of 300% is more than 100%"],
    ["offer vendor term 12y", "offer.term_out_of_range", "a term of 12 years is outside 1 to 10"],
    ["offer vendor term soon", "offer.term_not_years", 'the term "soon" is not a number of years'],
    [
      "offer vendor impl £500/mo",
      "offer.impl_per_period",
      "the implementation fee £500/mo is one-off, not per month",
    ],
    ["offer vendor impl -5", "offer.impl_negative", "the implementation fee -5 is below zero"],
    ["offer vendor impl", "offer.missing_impl", "impl needs the implementation fee"],
    [
      "offer vendor graduated named 240 @ 72",
      "offer.mode_without_tiers",
      "graduated describes tiers, but no tiers were given",
    ],
    [
      'offer vendor tiers "1-99 @ 75, 50+ @ 70"',
      "tiers.overlap",
      "the tiers 1-99 and 50+ overlap at 50-99",
    ],
    ["offer vendor tiers", "offer.missing_tiers", "tiers needs the price book"],
    ["offer vendor named 240 @ 72 soonish", "offer.unknown_word", 'I don\'t know "soonish" here'],
  ])("%s → %s", async (text, code, message) => {
    const { run, offers } = setup();
    const out = await run(text);
    expect(codes(out)).toEqual([code]);
    expect(!out.ok && out.issues[0]?.message).toBe(message);
    expect(!out.ok && out.usage.startsWith("offer ")).toBe(true);
    expect(offers.rounds).toEqual([]);
  });
});
