import { describe, expect, it } from "vitest";
import { costCommand } from "../../../src/commands/cost/command.js";
import type { Reply } from "../../../src/commands/reply.js";
import { testContext } from "../context.js";

const ctx = testContext();

function reply(text: string): Reply {
  const r = costCommand.run(text, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.reply;
}

function issue(text: string) {
  const r = costCommand.run(text, ctx);
  if (r.ok) throw new Error(`expected a rejection for ${text}`);
  expect(r.command).toBe("cost");
  expect(r.usage).toContain("cost LINES");
  return r.issues[0];
}

/** The JSON money shape for a whole number of pounds. */
const gbp = (pounds: number) => ({
  currency: "GBP",
  minor: pounds * 100,
  amount: `${pounds}.00`,
  text: `£${pounds.toLocaleString("en-GB")}`,
});

const CHECK = "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";

describe("cost: THE CHECK", () => {
  const r = reply(CHECK);

  it("says the saving out loud", () => {
    // 150 × 70 × 12 + 100 × 140 × 12 = 126,000 + 168,000 = 294,000; 500 × 100 × 12 = 600,000;
    // 600,000 − 294,000 = 306,000 = 51% of 600,000.
    expect(r.headline).toBe(
      "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).",
    );
  });

  it("puts the figures in the data contract", () => {
    expect(r.data).toMatchObject({
      currency: "GBP",
      currencyAssumed: false,
      periodAssumption: "month",
      periodAssumed: true,
      years: 1,
      baseline: "named-only",
      saving: { annual: gbp(306_000), percent: 51 },
    });
    expect(r.data.comparisons).toEqual([
      {
        scenario: "mixed",
        saving: { annual: gbp(306_000), percent: 51 },
        attribution: {
          quantity: gbp(0),
          rate: gbp(180_000), // 500 × (100 − 70) × 12
          mix: gbp(126_000), // 420,000 − 294,000
          total: gbp(306_000),
          users: { basis: "option-assumed", baseline: 500, option: 500 },
          convention: "quantity, then rate, then mix",
        },
      },
    ]);
  });

  it("lists each plan's lines in the data", () => {
    expect(r.data.scenarios).toEqual([
      {
        name: "mixed",
        role: "option",
        lines: [
          {
            type: "named",
            quantity: 150,
            unitPrice: gbp(70),
            period: "month",
            monthly: gbp(10_500), // 150 × 70
            annual: gbp(126_000),
          },
          {
            type: "concurrent",
            quantity: 100,
            unitPrice: gbp(140),
            period: "month",
            monthly: gbp(14_000), // 100 × 140
            annual: gbp(168_000),
          },
        ],
        monthly: gbp(24_500),
        annual: gbp(294_000),
      },
      {
        name: "named-only",
        role: "baseline",
        usersCovered: 500,
        lines: [
          {
            type: "named",
            quantity: 500,
            unitPrice: gbp(100),
            period: "month",
            monthly: gbp(50_000),
            annual: gbp(600_000),
          },
        ],
        monthly: gbp(50_000),
        annual: gbp(600_000),
      },
    ]);
  });

  it("shows the plans and the attribution in tables", () => {
    const [plans, parts] = r.tables;
    expect(plans?.columns.map((c) => `${c.header}:${c.align}`)).toEqual([
      "plan:left",
      "seats:right",
      "rate/mo:right",
      "annual:right",
    ]);
    expect(plans?.rows).toEqual([
      ["mixed: named", "150", "£70", "£126,000"],
      ["mixed: concurrent pool", "100", "£140", "£168,000"],
      ["mixed: total", "", "", "£294,000"],
      ["named-only (baseline)", "500", "£100", "£600,000"],
    ]);
    expect(parts?.rows).toEqual([
      ["users covered (quantity)", "£0"],
      ["the lower named rate (rate)", "£180,000"],
      ["the licensing model (mix)", "£126,000"],
      ["total", "£306,000"],
    ]);
  });

  it("shows the working for every figure", () => {
    expect(r.working).toEqual(
      expect.arrayContaining([
        "mixed, named: 150 × £70 × 12 = £126,000 a year",
        "mixed, concurrent: 100 × £140 × 12 = £168,000 a year",
        "mixed: £126,000 + £168,000 = £294,000 a year",
        "named-only, named: 500 × £100 × 12 = £600,000 a year",
        "mixed saving: £600,000 − £294,000 = £306,000; £306,000 ÷ £600,000 = 51%",
        "S2 (S1 at the mixed plan's rates): 500 named × £70 × 12 (mixed rate) = £420,000; rate = £600,000 − £420,000 = £180,000",
        "S3 (mixed): £294,000; licensing model = £420,000 − £294,000 = £126,000",
        "check: £0 + £180,000 + £126,000 = £306,000 = £600,000 − £294,000",
      ]),
    );
  });

  it("states the assumptions and the attribution convention", () => {
    expect(r.notes).toContain("Prices without /mo or /yr are per user per month.");
    expect(r.notes).toContain(
      'The mixed plan doesn\'t say how many users it covers, so I assumed the same 500 as the named-only plan (add "for N users" to a plan to change this).',
    );
    expect(r.notes.join("\n")).toContain(
      "Where the saving of the mixed plan comes from: the lower named rate £180,000 · the licensing model £126,000 (one documented convention for the order of the parts",
    );
    expect(r.notes.join("\n")).not.toContain("assumed GBP");
    expect(r.next).toEqual([`cost ${CHECK} --years 3`, "renewal 294000 GBP years 3 cap 3%"]);
  });

  it("answers to its alias too", () => {
    expect(costCommand.name).toBe("cost");
    expect(costCommand.aliases).toEqual([]);
  });
});

describe("cost: more hand-computed cases", () => {
  it("a pure seat reduction is all quantity: 400 vs 500 named @ 100", () => {
    // 400 × 100 × 12 = 480,000; 600,000 − 480,000 = 120,000 = 20%.
    const r = reply("400 named @ 100 vs 500 named @ 100");
    expect(r.headline).toBe(
      "Option 1 costs £480,000 a year against £600,000: £120,000 less (20%).",
    );
    expect(r.data).toMatchObject({
      baseline: "baseline",
      comparisons: [
        {
          scenario: "option 1",
          attribution: { quantity: gbp(120_000), rate: gbp(0), mix: gbp(0) },
        },
      ],
    });
    expect(r.notes.join("\n")).toContain("fewer users £120,000");
  });

  it("reads a /yr price: 100 c @ 1,680/yr is £168,000 a year (£140 a month)", () => {
    // 100 × 1,680 = 168,000; 600,000 − 168,000 = 432,000 = 72%.
    const r = reply("100 c @ 1,680/yr vs 500 n @ 100");
    expect(r.headline).toBe(
      "The concurrent-only plan costs £168,000 a year against £600,000: £432,000 less (72%).",
    );
    expect(r.tables[0]?.rows[0]).toEqual(["concurrent-only", "100", "£140", "£168,000"]);
    expect(r.working).toContain("concurrent-only, concurrent: 100 × £1,680/yr = £168,000 a year");
    expect((r.data.scenarios as unknown[])[0]).toMatchObject({
      lines: [{ period: "year", unitPrice: gbp(1680), annual: gbp(168_000) }],
    });
  });

  it("says `more` when the option costs more than the baseline", () => {
    // 100 × 700 × 12 = 840,000; 840,000 − 600,000 = 240,000 = 40% of 600,000.
    const r = reply("100 conc @ 700 vs 500 named @ 100");
    expect(r.headline).toBe(
      "The concurrent-only plan costs £840,000 a year against £600,000: £240,000 more (40%).",
    );
    expect(r.data).toMatchObject({
      saving: { annual: { minor: -24_000_000, amount: "-240000.00" }, percent: -40 },
    });
    expect(r.notes.join("\n")).toContain(
      "Where the extra cost of the concurrent-only plan comes from: the licensing model £240,000",
    );
  });

  it("uses a stated `for 350 users`", () => {
    // C1 = 600,000 × 350/500 = 420,000 → quantity 180,000; C2 = 350 × 70 × 12 = 294,000 →
    // rate 126,000; option 126,000 + 168,000 = 294,000 → mix 0.
    const r = reply("150 n @ 70 + 100 c @ 140 for 350 users vs 500 n @ 100");
    expect(r.data).toMatchObject({
      scenarios: [{ usersCovered: 350 }, { usersCovered: 500 }],
      comparisons: [
        {
          attribution: {
            quantity: gbp(180_000),
            rate: gbp(126_000),
            mix: gbp(0),
            users: { basis: "both-known", baseline: 500, option: 350 },
          },
        },
      ],
    });
    expect(r.working).toContain(
      "S1 (named-only rescaled to 350/500 of its users): £600,000 × 350/500 = £420,000; quantity = £600,000 − £420,000 = £180,000",
    );
    expect(r.notes.join("\n")).not.toContain("doesn't say how many users");
  });

  it("shows flat term figures only with --years > 1", () => {
    // 294,000 × 3 = 882,000; 600,000 × 3 = 1,800,000; saving 306,000 × 3 = 918,000.
    const r = reply(`${CHECK} --years 3`);
    expect(r.headline).toBe(
      "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%), £918,000 over 3 years.",
    );
    expect(r.data).toMatchObject({
      years: 3,
      scenarios: [{ term: gbp(882_000) }, { term: gbp(1_800_000) }],
      saving: { term: gbp(918_000) },
    });
    expect(r.tables[0]?.columns.at(-1)?.header).toBe("3 years");
    // 150 × 70 × 12 × 3 = 378,000: each line's term figure has its working.
    expect(r.tables[0]?.rows[0]).toEqual(["mixed: named", "150", "£70", "£126,000", "£378,000"]);
    expect(r.working).toContain(
      "mixed, named: 150 × £70 × 12 = £126,000 a year; × 3 = £378,000 over 3 years",
    );
    expect(r.working).toContain("mixed: £294,000 × 3 = £882,000 over 3 years");
    expect(r.notes).toContain(
      "3-year figures are flat (3 × the annual cost, no uplift); the renewal command projects uplift.",
    );
    const oneYear = reply(CHECK);
    expect(JSON.stringify(oneYear.data)).not.toContain('"term"');
  });

  it("accepts the bare form `years 2`", () => {
    expect(reply("150 n @ 70 years 2").data).toMatchObject({
      years: 2,
      scenarios: [{ term: gbp(252_000) }],
    });
  });

  it("costs a single plan without comparing", () => {
    // 120 × 85 × 12 = 122,400; ÷ 12 = 10,200.
    const r = reply("120 named at £85/mo");
    expect(r.headline).toBe("The named-only plan costs £122,400 a year (£10,200 a month).");
    expect(r.data).toMatchObject({ baseline: "named-only", comparisons: [], periodAssumed: false });
    expect(r.data).not.toHaveProperty("saving");
    expect(r.tables).toHaveLength(1);
    expect(r.working).toContain("named-only: £122,400 ÷ 12 = £10,200 a month");
  });

  it("rounds a yearly price's monthly figure and says so", () => {
    // 100 × 1,000 = 100,000 a year; ÷ 12 = 8,333.33 (rounded).
    const r = reply("100 c @ 1000/yr");
    expect(r.headline).toBe(
      "The concurrent-only plan costs £100,000 a year (about £8,333.33 a month).",
    );
    expect(r.tables[0]?.rows[0]?.[2]).toBe("≈£83.33");
    expect(r.notes).toContain(
      "Monthly figures of yearly prices are rounded to the minor unit; annual figures are exact.",
    );
  });

  it("compares several options with the last plan as baseline", () => {
    // Option 2: 100 × 150 × 12 + 200 × 60 × 12 = 180,000 + 144,000 = 324,000; saving 276,000 = 46%.
    const r = reply("150 n @ 70 + 100 c @ 140 vs 100 c @ 150 and 200 n @ 60 vs 500 n @ 100");
    expect(r.headline).toBe(
      "Option 1 costs £294,000 a year against £600,000: £306,000 less (51%); option 2 £324,000, £276,000 less (46%).",
    );
    expect(r.tables[1]?.rows).toEqual([
      ["option 1", "£294,000", "£306,000", "51%"],
      ["option 2", "£324,000", "£276,000", "46%"],
    ]);
    expect(r.data).toMatchObject({ saving: { annual: gbp(306_000) } });
    expect(r.tables).toHaveLength(4); // plans, comparison, two attributions
  });

  it("compares seats when neither plan states its users", () => {
    // 120 × 130 × 12 = 187,200; 100 × 140 × 12 = 168,000; saving 19,200 = 10.26% → 10.3%.
    const r = reply("100 c @ 140 vs 120 c @ 130");
    expect(r.headline).toBe(
      "Option 1 costs £168,000 a year against £187,200: £19,200 less (10.3%).",
    );
    expect(r.notes).toContain(
      'Neither option 1 nor the baseline says how many users it covers, so I compared seats: 100 against 120 (add "for N users" to a plan to change this).',
    );
    expect(r.working).toContain("check: £31,200 − £12,000 + £0 = £19,200 = £187,200 − £168,000");
  });
});

describe("cost: currency", () => {
  it("assumes the default currency and says so", () => {
    const r = reply("150 n @ 70");
    expect(r.data).toMatchObject({ currency: "GBP", currencyAssumed: true });
    expect(r.notes).toContain(
      "No currency was given, so I assumed GBP (add GBP, USD or EUR, or a £, $ or € sign).",
    );
  });

  it.each([
    ["150 n @ $70", "USD", "$126,000"],
    ["150 n @ €70", "EUR", "€126,000"],
    ["150 n @ 70 --currency EUR", "EUR", "€126,000"],
  ])("%s is costed in %s", (text, code, annual) => {
    const r = costCommand.run(text, ctx);
    expect(r.ok && r.reply.data.currency).toBe(code);
    expect(r.ok && r.reply.headline).toContain(`costs ${annual} a year`);
  });
});

describe("cost: bad input says what to fix", () => {
  it.each([
    ["150 named @ 0", "price.not_positive", "the price for 150 named must be more than zero"],
    ["150 named @ -70", "price.not_positive", "the price for 150 named must be more than zero"],
    [
      "0 named @ 70",
      "seats.not_positive",
      "the number of named seats must be more than zero, not 0",
    ],
    ["abc named @ 70", "count.not_whole", 'the seat count "abc" is not a whole number'],
    ["150 named @ abc", "amount.not_a_number", 'the price for 150 named "abc" is not an amount'],
    ["150 named @ 70 XYZ", "currency.unknown", '"XYZ" is not a currency I know'],
    ["150 named @ 70 --currency XYZ", "currency.unknown", '"XYZ" is not a currency I know'],
    ["vs 500 named @ 100", "scenario.empty", "there is no plan before the first vs"],
    ["150 named @ 70 vs", "scenario.empty", "there is no plan after the last vs"],
    ["150 n @ 70 vs vs 500 n @ 100", "scenario.empty", "there is no plan between two vs"],
    ["", "scenario.empty", "there is nothing to cost"],
    ["150 named", "line.no_price", '"150 named" has no price'],
    ["150 named 70", "line.no_at", '"150 named 70" needs @ before the price'],
    ["150 floating @ 70", "licence.unknown_type", '"floating" is not a licence type I know'],
    [
      "150 named @ £70 vs 500 named @ €100",
      "currency.conflict",
      "the amounts mix currency signs (£ €)",
    ],
    [
      "150 named @ £70.123",
      "money.too_precise",
      "the price for 150 named (£70.123) has more decimals than GBP allows",
    ],
    [
      "150 named @ 70 +",
      "line.empty",
      '"150 named @ 70 +" has a +, "plus", comma, ; or "and" with no licence line on one side',
    ],
    [
      "150 n @ 70 for 200 users",
      "users.named_mismatch",
      "a named-only plan covers exactly its 150 named seats, not 200 users",
    ],
    ["named @ 70", "line.no_seats", '"named @ 70" has no seat count'],
    ["150 n @ 70 xyz", "line.unexpected", 'I don\'t understand "xyz" in "150 n @ 70 xyz"'],
  ])("%j → %s", (text, code, message) => {
    expect(issue(text)).toMatchObject({ code, message });
  });

  it("asks for a currency code in capitals when the lower-case code is an English word", () => {
    // "try" is a word before it is Turkish lira: only TRY names the currency.
    expect(issue("150 n @ 70 try")).toMatchObject({
      code: "line.unexpected",
      message: 'I don\'t understand "try" in "150 n @ 70 try"',
      hint: "write the currency in capitals: TRY",
    });
  });

  it("suggests the licence type a misspelt one was meant to be", () => {
    expect(issue("100 concurent @ 140")).toMatchObject({
      code: "licence.unknown_type",
      message: '"concurent" is not a licence type I know — did you mean concurrent?',
    });
    expect(issue("150 nmaed @ 70")?.message).toBe(
      '"nmaed" is not a licence type I know — did you mean named?',
    );
  });

  it("suggests the option a mistyped one was meant to be", () => {
    expect(issue("150 n @ 70 --yeras 3")).toMatchObject({
      code: "option.unknown",
      message: "I don't know the option --yeras — did you mean --years?",
    });
  });

  it("gives a hint with a correct line", () => {
    expect(issue("150 floating @ 70")?.hint).toBe(
      "use named (or n, agents) or concurrent (or conc, c), like 150 named @ 70",
    );
    expect(issue("150 named")?.hint).toBe("write it like 150 named @ 70");
  });

  it("reports every bad line at once", () => {
    const r = costCommand.run("0 n @ 70 + 5 c @ 0 vs 500 n @ 100", ctx);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual([
      "seats.not_positive",
      "price.not_positive",
    ]);
  });
});

describe("cost: help", () => {
  it("documents the grammar and the attribution convention", () => {
    const help = costCommand.help.join("\n");
    expect(help).toContain("the LAST plan is the baseline");
    expect(help).toContain("100 c @ 1,680/yr");
    expect(help).toContain("for 350 users");
    expect(help).toContain("one documented convention for the order of the parts");
  });

  it("runs every example as typed", () => {
    for (const example of costCommand.examples) {
      const r = costCommand.run(example.replace(/^cost /, ""), ctx);
      expect(r.ok, example).toBe(true);
    }
  });
});

describe("cost: forgiving forms typed during a call", () => {
  // 150 × 70 × 12 = 126,000; 100 × 140 × 12 = 168,000; together 294,000 a year.
  // 500 × 100 × 12 = 600,000; 600,000 − 294,000 = 306,000 = 51%.
  const SAID = "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).";

  it.each([
    "150 named @ 70 plus 100 concurrent @ 140 vs 500 named @ 100 GBP",
    "150 named @ 70; 100 concurrent @ 140 vs 500 named @ 100 GBP",
    "150 named @ 70 ; 100 concurrent @ 140 vs 500 named @ 100 GBP",
    "150 agents @ 70 + 100 concurrent @ 140 vs 500 agents @ 100 GBP",
    "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 gbp",
    "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 --currency gbp",
  ])("%s reads as THE CHECK", (text) => {
    const r = reply(text);
    expect(r.headline).toBe(SAID);
    expect(r.data).toMatchObject({ currency: "GBP", currencyAssumed: false });
  });

  it("costs agents as named seats", () => {
    // 150 × 70 = 10,500 a month; × 12 = 126,000 a year.
    const r = reply("150 agents @ 70 GBP");
    expect(r.headline).toBe("The named-only plan costs £126,000 a year (£10,500 a month).");
    expect(r.data.scenarios).toMatchObject([
      { name: "named-only", lines: [{ type: "named", quantity: 150, annual: gbp(126_000) }] },
    ]);
  });

  it("reads a lower-case code for dollars", () => {
    // 10 × 50 × 12 = 6,000 US dollars a year.
    const r = reply("10 named @ 50 usd");
    expect(r.data).toMatchObject({ currency: "USD", currencyAssumed: false });
    expect(r.data.scenarios).toMatchObject([{ annual: { currency: "USD", minor: 600_000 } }]);
  });

  it.each([
    [
      "150 named @ 70 plus",
      '"150 named @ 70 plus" has a +, "plus", comma, ; or "and" with no licence line on one side',
    ],
    [
      "150 named @ 70 ; ; 100 c @ 140",
      '"150 named @ 70 ; ; 100 c @ 140" has a +, "plus", comma, ; or "and" with no licence line on one side',
    ],
  ])("%j → line.empty", (text, message) => {
    expect(issue(text)).toMatchObject({ code: "line.empty", message });
  });

  it("refuses two currencies even when one is typed in lower case", () => {
    expect(issue("150 named @ 70 gbp vs 500 named @ 100 USD")).toMatchObject({
      code: "currency.conflict",
      message: "the text names more than one currency (GBP, USD)",
    });
  });
});
