import { describe, expect, it } from "vitest";
import { compareCommand } from "../../../src/commands/compare/command.js";
import type { CommandContext } from "../../../src/commands/context.js";
import { findCommand } from "../../../src/commands/registry.js";
import type { Reply } from "../../../src/commands/reply.js";
import { renderReplyText } from "../../../src/commands/reply-text.js";
import type { Issue } from "../../../src/core/result.js";
import { testContext } from "../context.js";

const ctx = testContext();

async function reply(text: string, c: CommandContext = ctx): Promise<Reply> {
  const outcome = await compareCommand.run(text, c);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.reply;
}

async function issue(text: string, c: CommandContext = ctx): Promise<Issue> {
  const outcome = await compareCommand.run(text, c);
  if (outcome.ok) throw new Error(`expected a rejection: ${outcome.reply.headline}`);
  expect(outcome.command).toBe("compare");
  return outcome.issues[0] as Issue;
}

const amount = (m: unknown): string => (m as { amount: string }).amount;

const THREE =
  "HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: concurrent £140 3y cap 3% impl £20,000 training £3,000; Ivanti: named 1-99@75, 100-249@65, 250+@60 concurrent 130 3y uplift 4% impl 15k";
const USAGE = "--users 240 --pool 60 --split 150+25";
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("compare: three vendor shapes typed, over 3 years", async () => {
  const r = await reply(`${THREE} ${USAGE}`);

  it("leads with the line to say on the call", () => {
    // HaloITSM 647,544 − Rival 334,562.72 = 312,981.28 (figures worked in test/core/compare)
    expect(r.headline).toBe(
      "HaloITSM's offer is £312,981.28 over 3 years above the like-for-like competitor quote: £647,544 against Rival's £334,562.72.",
    );
  });

  it("shows the totals side by side, the cheapest marked, then each vendor's years", () => {
    expect(r.tables[0]?.rows).toEqual([
      ["HaloITSM", "named", "240 named", "£213,600", "£647,544", "£312,981.28"],
      ["Rival", "concurrent", "60 pool", "£123,800", "£334,562.72", "cheapest"],
      // 501,969.60 − 334,562.72 = 167,406.88
      ["Ivanti", "mixed", "150 named + 25 pool", "£171,000", "£501,969.60", "£167,406.88"],
    ]);
    expect(r.tables[1]?.title).toBe("HaloITSM: named £70/mo, 5% uplift a year");
    expect(r.tables[1]?.rows).toEqual([
      ["1", "—", "£201,600", "£12,000", "£213,600"],
      ["2", "5%", "£211,680", "—", "£211,680"],
      ["3", "5%", "£222,264", "—", "£222,264"],
      ["total", "", "£635,544", "£12,000", "£647,544"],
    ]);
    expect(r.tables[2]?.title).toBe("Rival: concurrent £140/mo, a 3% cap");
    expect(r.tables[3]?.title).toBe(
      "Ivanti: named 1-99 @ £75, 100-249 @ £65, 250+ @ £60 (all-units) + concurrent £130/mo, 4% uplift a year",
    );
  });

  it("states every assumption", () => {
    expect(r.notes).toEqual([
      "Cheapest over 3 years: Rival.",
      "Usage typed: 240 users, a pool of 60, a split of 150 named + a pool of 25.",
      "Ivanti named no currency, so I took GBP like the other quotes.",
      "Prices without /mo or /yr are per user per month.",
      "Ivanti: tiers priced all-units (every seat at the reached tier's rate); add graduated if each band is priced at its own rate.",
    ]);
  });

  it("keeps the working behind each figure, ending with the difference", () => {
    expect(r.working).toContain("HaloITSM named: 240 × £70/mo × 12 = £201,600 a year");
    expect(r.working).toContain("HaloITSM year 2: £201,600 × 1.05 (list uplift 5%) = £211,680");
    expect(r.working.at(-1)).toBe(
      "HaloITSM − Rival (the cheapest other quote): £647,544 − £334,562.72 = £312,981.28",
    );
  });

  it("gives the JSON contract", () => {
    const d = r.data as Record<string, unknown> & { vendors: Record<string, unknown>[] };
    expect(d.currency).toBe("GBP");
    expect(d.years).toBe(3);
    expect(d.cheapest).toEqual(["Rival"]);
    expect(d.chosen).toBe("HaloITSM");
    expect(d.rival).toBe("Rival");
    expect(amount(d.difference)).toBe("312981.28");
    expect(d.usage).toEqual({ users: 240, pool: 60, split: { named: 150, pool: 25 } });
    expect(d.vendors.map((v) => amount(v.tco))).toEqual(["647544.00", "334562.72", "501969.60"]);
    expect(d.chart).toBe("cost-per-vendor-per-year.png");
  });

  it("attaches the chart as a PNG", () => {
    const file = r.files?.[0];
    expect(file?.mediaType).toBe("image/png");
    expect([...(file?.content.slice(0, 8) ?? [])]).toEqual(PNG);
  });

  it("renders as text with the headline first", () => {
    const text = renderReplyText(r, { working: false, width: 200 });
    expect(text.split("\n")[0]).toBe(r.headline);
    expect(text).toContain("Total cost of ownership over 3 years, on the same usage");
  });
});

describe("compare over 5 years, a chosen vendor and a stated term", async () => {
  const five =
    "HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: concurrent £1,500/yr 5y uplift 3.5% impl £25,000; Ivanti: named 1-99@75, 100-249@65, 250+@60 graduated concurrent £130 5y cpi 4.1,3.2,2.8,2.5 lesser-of 3% impl 15k";
  const r = await reply(`${five} ${USAGE} --over 5 --for ivanti`);

  it("sets the chosen vendor against the cheapest other", () => {
    // Ivanti 904,659.16 − Rival 507,621.93 = 397,037.23 (worked in test/core/compare)
    expect(r.headline).toBe(
      "Ivanti's offer is £397,037.23 over 5 years above the like-for-like competitor quote: £904,659.16 against Rival's £507,621.93.",
    );
  });

  it("marks HaloITSM's years after its own 3-year term and says how they are priced", () => {
    expect(r.tables[1]?.rows.map((row) => row[0])).toEqual(["1", "2", "3", "4*", "5*", "total"]);
    // 201,600 + 211,680 + 222,264 + 233,377.20 + 245,046.06 + 12,000 = 1,125,967.26
    expect(r.tables[0]?.rows[0]?.[4]).toBe("£1,125,967.26");
    expect(r.notes).toContain(
      "HaloITSM quotes 3 years; years 4 to 5 are priced as a renewal on the same terms (its uplift rule continues, no new one-off fees).",
    );
    expect(r.notes).toContain("* a year after that quote's own term.");
  });
});

describe("compare: the chosen vendor is the cheapest", async () => {
  it("says so, and by how much it is below the next quote", async () => {
    const r = await reply("halo: named 60 3y; rival: named 70 3y --users 100");
    // halo 100 × 60 × 12 = 72,000 a year × 3 = 216,000; rival 100 × 70 × 12 × 3 = 252,000
    expect(r.headline).toBe(
      "halo's offer is the cheapest: £36,000 over 3 years below the like-for-like competitor quote, £216,000 against rival's £252,000.",
    );
    expect(r.notes).toContain(
      "halo, rival states no yearly uplift, so every year is priced at the year-1 price; ask whether the price is fixed for the term.",
    );
  });

  it("says when a typed count was not used", async () => {
    const r = await reply("halo: named 60 3y; rival: named 70 3y --users 100 --pool 30");
    expect(r.notes).toContain(
      "Not used: the pool of 30 (no vendor licenses a concurrent pool only).",
    );
  });
});

describe("compare: a JSON file", async () => {
  it("reads the same three quotes and their usage", async () => {
    const r = await reply("examples/quotes.json");
    expect(r.headline).toBe(
      "HaloITSM's offer is £312,981.28 over 3 years above the like-for-like competitor quote: £647,544 against Rival's £334,562.72.",
    );
  });

  it("names the place of a problem in the file", async () => {
    const files = {
      read: async () => ({
        ok: true as const,
        file: {
          name: "q.json",
          bytes: new TextEncoder().encode('{"vendors":[{"name":"A","named":"70","term":"3"}]}'),
        },
      }),
    };
    const found = await issue("q.json", testContext({ files }));
    expect(found.code).toBe("compare.file_invalid");
    expect(found.message).toContain("q.json at vendors.0.term:");
  });

  it("refuses a file that is not JSON, and a path in Slack", async () => {
    const files = {
      read: async () => ({
        ok: true as const,
        file: { name: "q.json", bytes: new TextEncoder().encode("{not json") },
      }),
    };
    expect((await issue("q.json", testContext({ files }))).code).toBe("compare.file_not_json");
    const { files: _disk, ...slack } = ctx;
    expect((await issue("quotes.json", slack)).code).toBe("file.paths_not_read_here");
    expect((await issue("missing/quotes.json")).message).toBe(
      "I couldn't read missing/quotes.json: there is no file there",
    );
  });

  it("refuses a model that does not match the prices", async () => {
    const files = {
      read: async () => ({
        ok: true as const,
        file: {
          name: "q.json",
          bytes: new TextEncoder().encode(
            '{"vendors":[{"name":"A","model":"mixed","named":"70","term":3},{"name":"B","named":"60","term":3}]}',
          ),
        },
      }),
    };
    expect(await issue("q.json --users 10", testContext({ files }))).toEqual({
      code: "compare.model_mismatch",
      message: 'A says model "mixed" but prices named only',
      hint: 'named needs "named", concurrent needs "concurrent", mixed needs both',
    });
  });
});

describe("compare: usage from the channel's last analysis", async () => {
  const split = {
    concurrency: { users: 388 },
    split: {
      named: 118,
      concurrent: 33,
      rates: {
        named: { currency: "GBP", minor: 84_000 },
        concurrent: { currency: "GBP", minor: 168_000 },
      },
      plans: [
        { plan: "named_only", named: 388, pool: 0 },
        { plan: "all_concurrent", named: 0, pool: 141 },
      ],
    },
  };
  const channel = testContext({ lastAnalysis: async () => split });

  it("prices on the split's people, peak pool and cheapest split", async () => {
    const r = await reply(
      "halo: named 70 3y; rival: concurrent 140 3y; mix: named 70 concurrent 140 3y",
      channel,
    );
    // halo 388 × 70 × 12 = 325,920 a year × 3 = 977,760; rival 141 × 140 × 12 = 236,880 × 3 = 710,640;
    // mix 118 × 70 × 12 = 99,120 + 33 × 140 × 12 = 55,440 → 154,560 × 3 = 463,680
    expect(r.tables[0]?.rows.map((row) => row[4])).toEqual(["£977,760", "£710,640", "£463,680"]);
    expect(r.notes).toContain(
      "Usage from the channel's last split: 388 people, a peak of 141 online at once, cheapest split 118 named + a pool of 33.",
    );
  });

  it("lets a typed count win over the analysis", async () => {
    const r = await reply("halo: named 70 3y; rival: concurrent 140 3y --users 400", channel);
    // 400 × 70 × 12 × 3 = 1,008,000
    expect(r.tables[0]?.rows[0]?.[4]).toBe("£1,008,000");
  });
});

describe("compare: bad input, each with the error the user sees", () => {
  it.each([
    [
      "halo: named 70 3y; rival: concurrent 140 5y --users 240 --pool 60",
      "compare.terms_differ",
      "the quotes run for different terms (halo 3 years, rival 5 years), so they aren't like for like",
    ],
    [
      "halo: named £70 3y; rival: concurrent $140 3y --users 240 --pool 60",
      "compare.currency_mismatch",
      "halo is quoted in GBP and rival in USD; I don't convert between currencies",
    ],
    [
      "halo: named 70 3y; rival: concurrent 140 3y",
      "compare.no_usage",
      "to compare like for like I need the usage every quote is priced on: how many people, the concurrent pool, and the named + pool split for a vendor that sells both",
    ],
    [
      "halo: named 70 3y --users 10",
      "compare.too_few_vendors",
      "I need at least two quotes to compare; got 1",
    ],
    ["", "compare.no_quotes", "give two or more quotes to compare"],
    [
      "named 70 3y; rival: named 60 3y --users 10",
      "compare.no_vendor",
      '"named" comes before any vendor\'s name',
    ],
    [
      "halo: named 70 80 3y; rival: named 60 3y --users 10",
      "compare.unknown_word",
      "in halo's quote I don't know what \"80\" means",
    ],
    [
      "halo: named 3y; rival: named 60 3y --users 10",
      "compare.missing_value",
      'in halo\'s quote "named" needs a value',
    ],
    [
      "halo: named 70 3y uplift 5% cap 3%; rival: named 60 3y --users 10",
      "compare.two_uplift_rules",
      "halo: give one uplift rule — uplift 5% (every year), cap 3%, or cpi … with lesser-of or greater-of",
    ],
    [
      "halo: named 70 3y; rival: named 60 3y graduated --users 10",
      "compare.mode_without_tiers",
      "rival: graduated applies to volume tiers, but the quote has none",
    ],
    [
      "halo: named 70 3y; rival: named 1-99@60 3y --users 240",
      "tiers.above_last",
      "rival: 240 named seats for rival is above the last tier, which ends at 99",
    ],
    [
      "halo: named 70 3y; rival: named 0 3y --users 10",
      "compare.not_positive",
      "rival: the named price must be more than zero",
    ],
    [
      "halo: named 70 3y; rival: named 60 3y --users 10 --for ravil",
      "compare.unknown_vendor",
      'no quote is called "ravil" — did you mean rival?',
    ],
    [
      "halo: named 70 3y; rival: named 60 3y --users 10 --over 2",
      "compare.over_shorter_than_term",
      "comparing over 2 years would leave out committed years of halo (3 years), rival (3 years)",
    ],
    [
      "halo: named 70; rival: named 60 --users 10",
      "compare.term_missing",
      "no quote says its term, so I don't know how many years to compare",
    ],
    [
      "halo: named 70 3y; mix: named 70 concurrent 140 3y --users 10",
      "compare.usage_needs_split",
      "mix licenses named seats and a pool, so I need the split: how many named and how big a pool",
    ],
    [
      "halo: named 70 3y; rival: concurrent 140 3y --users 10",
      "compare.usage_needs_pool",
      "rival licenses a concurrent pool only, so I need the pool size (the measured peak)",
    ],
    [
      "halo: named 70 3y; rival: concurrent 140 3y --pool 10 --split 5",
      "compare.split_unreadable",
      'the split "5" is not NAMED+POOL',
    ],
    [
      "halo: named 70 3y; rival: named 70 3y --users 10 --usres 5",
      "option.unknown",
      "I don't know the option --usres — did you mean --users?",
    ],
  ])("%s → %s", async (text, code, message) => {
    const found = await issue(text);
    expect(found.code).toBe(code);
    expect(found.message).toBe(message);
  });
});

describe("compare: registration", () => {
  it("is its own command, and plans with vs still go to cost", async () => {
    expect(findCommand("compare")?.name).toBe("compare");
    expect(findCommand("cost")?.aliases).toEqual([]);
    const r = await reply("150 named @ 70 vs 500 named @ 100");
    expect(r.command).toBe("cost");
  });
});

describe("compare: a quote pasted as prose, read by the quote reader", () => {
  it("takes its price, term, uplift and implementation, not its seat count", async () => {
    const r = await reply(
      "HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift, implementation £9,000 --users 240",
    );
    // Rival on the same 240 users: 240 × 62 × 12 = 178,560; × 1.05 = 187,488; × 1.05 = 196,862.40;
    // sum 562,910.40 + 9,000 = 571,910.40. HaloITSM 647,544 − 571,910.40 = 75,633.60
    expect(r.headline).toBe(
      "HaloITSM's offer is £75,633.60 over 3 years above the like-for-like competitor quote: £647,544 against Rival's £571,910.40.",
    );
    expect(r.notes).toContain(
      "Rival's quote is for 260 seats; like every quote it is priced on the shared usage instead.",
    );
  });

  it("reads seats written cost-style as a quote's own count, not the usage", async () => {
    const r = await reply("halo: 240 named @ 70 3y; rival: named 60 3y --users 10");
    // halo on the 10 users: 10 × 70 × 12 × 3 = 25,200; rival 10 × 60 × 12 × 3 = 21,600
    expect(r.tables[0]?.rows.map((row) => row[4])).toEqual(["£25,200", "£21,600"]);
    expect(r.notes).toContain(
      "halo's quote is for 240 seats; like every quote it is priced on the shared usage instead.",
    );
  });

  it("passes on the quote reader's question about a pasted total", async () => {
    const found = await issue(
      "HaloITSM: named £70 3y; Rival: 260 agents, £1.2m for 3 years --users 240",
    );
    expect(found.code).toBe("quote.total_only");
    expect(found.message).toBe(
      "Rival: I read £1,200,000 as the total for 3 years, not a price per agent. To work the figures out I need the price per agent or the year-1 annual amount.",
    );
  });

  it("keeps the grammar's error for prose with a price but no seats", async () => {
    const found = await issue("halo: named £70 per month 3y; rival: named 60 3y --users 10");
    expect(found.code).toBe("compare.unknown_word");
    expect(found.message).toBe("in halo's quote I don't know what \"per\" means");
  });

  it("refuses a pasted figure it can't price like for like", async () => {
    const found = await issue(
      "HaloITSM: named £70 3y; Rival: 260 agents at £62 per agent per month, 3 year term, 10% multi-year discount --users 240",
    );
    expect(found.code).toBe("compare.pasted_unpriceable");
  });
});

describe("compare with the quotes in one quoted string (the README's shell form typed in the console)", () => {
  it("reads the quoted quotes as the words they hold, with the same figures", async () => {
    const plain =
      "HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: concurrent £140 3y cap 3% impl £20,000";
    const quoted = renderReplyText(await reply(`"${plain}" --users 240 --pool 60`), {
      working: false,
      width: 200,
    });
    expect(quoted).toBe(
      renderReplyText(await reply(`${plain} --users 240 --pool 60`), {
        working: false,
        width: 200,
      }),
    );
    // 240 × £70 × 12 = £201,600, ×1.05 = £211,680, ×1.05 = £222,264: £635,544 + £12,000 = £647,544;
    // 60 × £140 × 12 = £100,800, ×1.03 = £103,824, ×1.03 = £106,938.72: £311,562.72 + £20,000.
    expect(quoted).toContain("HaloITSM's offer is £315,981.28 over 3 years above");
  });
});
