/**
 * Pasted quotes and questions with numbers, through `ask`, each figure checked against a value
 * computed by hand (the arithmetic is in the comment next to it). `shown` is what the user reads
 * first: the "I read" headline, the figures, the checks, what was not used, and the assumptions.
 */
import { describe, expect, it } from "vitest";
import { askCommand } from "../../../src/commands/ask/command.js";
import type { Reply } from "../../../src/commands/reply.js";
import { readBlockLines } from "../../../src/commands/reply.js";
import { testContext } from "../context.js";

const ctx = testContext();

async function answer(text: string): Promise<Reply> {
  const out = await askCommand.run(text, ctx);
  if (!out.ok) throw new Error(`expected an answer, got ${JSON.stringify(out.issues)}`);
  return out.reply;
}

function shown(r: Reply): string {
  return [r.headline, ...readBlockLines(r.read)].join("\n");
}

interface Case {
  readonly name: string;
  readonly text: string;
  /** The "I read" items, exactly. */
  readonly read: string;
  /** Figures and phrases the first lines must contain. */
  readonly figures: readonly string[];
}

const SIGNATURE = "Kind regards,\nJane Doe\nAccount Executive | +44 20 7946 0958 | jane@vendor.com";

const CASES: readonly Case[] = [
  {
    name: "the issue's example",
    text: "Quote: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift",
    // 260 × 62 × 12 = 193,440; × 1.05 = 203,112; × 1.05 = 213,267.60; sum 609,819.60
    figures: ["Year 1: £193,440", "Year 2: £203,112", "Year 3: £213,267.60", "£609,819.60"],
  },
  {
    name: "an e-mail with bullets, a one-off fee and a signature",
    text: `Hi Sam,\n\nAs discussed, please find our pricing below:\n\n• 260 named agents @ £62pm\n• Term: 36 months\n• Annual uplift: 5%\n• Implementation fee: £45,000, one-off\n\n${SIGNATURE}`,
    read: "260 named seats · £62/agent/month · 3 years · 5% a year uplift · implementation £45,000",
    // term as above: 609,819.60; first year 193,440 + 45,000 = 238,440
    figures: ["£609,819.60", "£238,440", "Not part of the deal: +44 20 7946 0958 (a phone number)"],
  },
  {
    name: "pa and a term in words",
    text: "300 users at £744 pa for three years",
    read: "300 seats · £744/agent/year · 3 years",
    // 300 × 744 = 223,200 a year; × 3 = 669,600 flat
    figures: ["Per year: £223,200", "Over 3 years with no uplift: £669,600"],
  },
  {
    name: "62 GBP per user per month",
    text: "120 agents at 62 GBP per user per month",
    read: "120 seats · £62/agent/month",
    // 120 × 62 × 12 = 89,280; 120 × 62 = 7,440 a month
    figures: ["Per year: £89,280 (£7,440 a month)"],
  },
  {
    name: "a full stop after the price, period not given",
    text: "100 agents. Price: £62.",
    read: "100 seats · £62/agent/month",
    // 100 × 62 × 12 = 74,400
    figures: ["£74,400", "£62 is per agent per month: the quote did not say"],
  },
  {
    name: "a comma after an annual amount",
    text: "Annual subscription: £120,000, 3 year term, capped at 4% a year.",
    read: "£120,000 a year · 3 years · 4% a year cap",
    // 120,000; × 1.04 = 124,800; × 1.04 = 129,792; sum 374,592
    figures: ["Year 2: £124,800", "Year 3: £129,792", "£374,592"],
  },
  {
    name: "a bracket after a percentage",
    text: "260 agents at £62 pm (3 years, uplift 5%)",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift",
    // as the issue's example: 609,819.60
    figures: ["£609,819.60"],
  },
  {
    name: "294k renewal question",
    text: "renew 294k at a 3% cap for 3 years",
    read: "294,000 a year · 3 years · 3% a year cap",
    // 294,000; × 1.03 = 302,820; × 1.03 = 311,904.60; sum 908,724.60
    figures: ["Year 2: £302,820", "Year 3: £311,904.60", "£908,724.60", "year-1 annual amount"],
  },
  {
    name: "thirty-six months in words",
    text: "150 agents at £70 per agent per month over thirty-six months with a 3% annual increase",
    read: "150 seats · £70/agent/month · 3 years · 3% a year uplift",
    // 150 × 70 × 12 = 126,000; × 1.03 = 129,780; × 1.03 = 133,673.40; sum 389,453.40
    figures: ["Year 2: £129,780", "Year 3: £133,673.40", "£389,453.40"],
  },
  {
    name: "a tier list",
    text: "240 agents, tiers 1-99 at £75, 100-249 at £70, 250+ at £62",
    read: "240 seats · tiers 1-99 @ £75, 100-249 @ £70, 250+ @ £62",
    // all-units: 250 × 62 = 15,500 vs 240 × 70 = 16,800 a month: 1,300 less
    figures: ["250 seats at £62 cost £1,300 a month less than 240 at £70"],
  },
  {
    name: "active counts right-size the quote",
    text: "We have 260 licences but only 190 active; price £62 pm",
    read: "260 seats · £62/agent/month · 190 active",
    // 190 × 62 × 12 = 141,360 against 260 × 62 × 12 = 193,440: 52,080 less
    figures: ["£141,360", "£193,440", "£52,080 less"],
  },
  {
    name: "lesser of CPI and a cap, with CPI figures",
    text: "300 users at £744 pa, three years, lesser of CPI and 3%, CPI 4.1%, 3.2%",
    read: "300 seats · £744/agent/year · 3 years · lesser of CPI and 3% · CPI 4.1%, 3.2%",
    // 223,200; min(4.1, 3)% → × 1.03 = 229,896; min(3.2, 3)% → × 1.03 = 236,792.88; sum 689,888.88
    figures: ["Year 2: £229,896", "Year 3: £236,792.88", "£689,888.88"],
  },
  {
    name: "lesser of CPI and a cap, no CPI figures: the worst case",
    text: "200 agents at £50 a month, 2 years, uplift the lesser of CPI and 4%",
    read: "200 seats · £50/agent/month · 2 years · lesser of CPI and 4%",
    // 200 × 50 × 12 = 120,000; × 1.04 = 124,800; sum 244,800
    figures: ["Year 2: £124,800", "£244,800", "worst case"],
  },
  {
    name: "greater of CPI and a floor, with CPI figures",
    text: "100 agents at £80/mo, 3 years, greater of CPI and 2%, CPI 1.5%, 3%",
    read: "100 seats · £80/agent/month · 3 years · greater of CPI and 2% · CPI 1.5%, 3%",
    // 100 × 80 × 12 = 96,000; max(1.5, 2)% → 97,920; max(3, 2)% → 100,857.60; sum 294,777.60
    figures: ["Year 2: £97,920", "Year 3: £100,857.60", "£294,777.60"],
  },
  {
    name: "concurrent licences",
    text: "50 concurrent licences at £140 per month, 1 year",
    read: "50 concurrent seats · £140/agent/month · 1 year",
    // 50 × 140 × 12 = 84,000
    figures: ["Per year: £84,000 (£7,000 a month)"],
  },
  {
    name: "named and concurrent in one quote",
    text: "200 named agents at £62 pm and 40 concurrent at £110 pm",
    read: "200 named seats · £62/agent/month · 40 concurrent seats · £110/agent/month",
    // 200 × 62 × 12 = 148,800; 40 × 110 × 12 = 52,800; sum 201,600
    figures: ["Per year: £201,600"],
  },
  {
    name: "a multi-year discount and no uplift",
    text: "260 agents at £62 per agent per month, 3 years, 10% multi-year discount",
    read: "260 seats · £62/agent/month · 3 years · 10% discount",
    // 193,440 − 10% (19,344) = 174,096 a year; × 3 = 522,288
    figures: ["Year 1: £174,096", "Year 3: £174,096", "after the 10% discount: £522,288"],
  },
  {
    name: "an uplift and a discount",
    text: "100 agents at £50pm, 2 years, 5% annual uplift, 10% discount",
    read: "100 seats · £50/agent/month · 2 years · 5% a year uplift · 10% discount",
    // 60,000 → net 54,000; 63,000 → net 56,700; sum 110,700
    figures: ["Year 1: £54,000", "Year 2: £56,700", "£110,700"],
  },
  {
    name: "a price with no period is read as monthly, and said",
    text: "80 agents at £45",
    read: "80 seats · £45/agent/month",
    // 80 × 45 × 12 = 43,200
    figures: ["Per year: £43,200", "£45 is per agent per month"],
  },
  {
    name: "the quote's own term total matches",
    text: "260 agents at £62 per agent per month, 5% annual uplift, total £609,819.60 for 3 years",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift · quoted total £609,819.60 for 3 years",
    // as the issue's example: 609,819.60, equal to the quote's total
    figures: ["The quote's own total of £609,819.60 matches the calculation: £609,819.60."],
  },
  {
    name: "the quote's own term total does not match",
    text: "260 agents at £62 per agent per month, 5% annual uplift, total £600,000 for 3 years",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift · quoted total £600,000 for 3 years",
    // worked out 609,819.60 ≠ quoted 600,000
    figures: ["does not match the £609,819.60 worked out", "ask the vendor which is right"],
  },
  {
    name: "the quote's own annual cost matches",
    text: "260 agents at £62 per agent per month; annual cost £193,440",
    read: "260 seats · £62/agent/month · £193,440 a year",
    // 260 × 62 × 12 = 193,440
    figures: ["The quote's own annual total of £193,440 matches the calculation: £193,440."],
  },
  {
    name: "time and materials implementation",
    text: "100 agents at £50 pm; implementation 40 days at £1,000 per day",
    read: "100 seats · £50/agent/month · 40 days at £1,000 a day",
    // 100 × 50 × 12 = 60,000; 40 × 1,000 = 40,000; first year 60,000 + 40,000 = 100,000
    figures: ["Per year: £60,000", "£40,000 at estimate", "at estimate: £100,000"],
  },
  {
    name: "a mobile number in the signature",
    text: "Hi Sam,\n120 agents at £55 per user per month, 12 months.\nThanks,\nPriya\nM: 07700 900123",
    read: "120 seats · £55/agent/month · 1 year",
    // 120 × 55 × 12 = 79,200
    figures: ["Per year: £79,200", "07700 900123 (a phone number)"],
  },
  {
    name: "a quote reference and a date",
    text: "Quote ref Q-2026-0143, valid until 31 March 2026: 75 agents at $90 per agent per month, 2 year term",
    read: "75 seats · $90/agent/month · 2 years",
    // 75 × 90 × 12 = 81,000; × 2 = 162,000 flat
    figures: ["$81,000", "$162,000", "(a reference number)", "31 March 2026 (a date)"],
  },
  {
    name: "euros, price before seats",
    text: "€48 per user per month for 500 users, 3-year term, 2.5% uplift per year",
    read: "500 seats · €48/agent/month · 3 years · 2.5% a year uplift",
    // 500 × 48 × 12 = 288,000; × 1.025 = 295,200; × 1.025 = 302,580; sum 885,780
    figures: ["€295,200", "€302,580", "€885,780"],
  },
  {
    name: "a number that is not part of any figure is named",
    text: "260 agents at £62pm, 3 years, 5% uplift. We have 14 sites.",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift",
    // 609,819.60 as the issue's example; 14 is not a figure of the deal
    figures: ["£609,819.60", 'I did not use: 14 (not understood, in "We have 14 sites.")'],
  },
  {
    name: "seats in words",
    text: "two hundred agents at £60 a month",
    read: "200 seats · £60/agent/month",
    // 200 × 60 × 12 = 144,000
    figures: ["Per year: £144,000"],
  },
  {
    name: "x named seats, pm without a space, a cap",
    text: "Pricing: 260 x named seats £62pm, 36 months, capped at 3%",
    read: "260 named seats · £62/agent/month · 3 years · 3% a year cap",
    // 193,440; × 1.03 = 199,243.20; × 1.03 = 205,220.496 → 205,220.50; sum 597,903.70
    figures: ["Year 2: £199,243.20", "Year 3: £205,220.50", "£597,903.70"],
  },
  {
    name: "a question with a quote's numbers",
    text: "What would 260 agents at £62 a month cost over 3 years with a 5% uplift?",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift",
    // as the issue's example: 609,819.60
    figures: ["£609,819.60"],
  },
  {
    name: "a numbered list",
    text: "1. 260 agents at £62 per agent per month\n2. 3 year term\n3. 5% annual uplift",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift",
    // as the issue's example: 609,819.60
    figures: ["£609,819.60", "1. (a list number)"],
  },
  {
    name: "per user per annum",
    text: "500 users at £600 per user per annum, 2 years, 4% uplift",
    read: "500 seats · £600/agent/year · 2 years · 4% a year uplift",
    // 500 × 600 = 300,000; × 1.04 = 312,000; sum 612,000
    figures: ["Year 2: £312,000", "£612,000"],
  },
  {
    name: "a monthly bill with a renewal cap",
    text: "We pay £2,500 a month; 5-year term, renewal cap of 4%",
    read: "£2,500 a month · 5 years · 4% a year cap",
    // 30,000; 31,200; 32,448; 33,745.92; 35,095.7568 → 35,095.76; sum 162,489.68
    figures: ["Year 1: £30,000", "Year 5: £35,095.76", "£162,489.68"],
  },
  {
    name: "a seat count line and a unit price line",
    text: "Seats: 150\nUnit price: £58 per agent per month\nTerm: 2 years\nUplift: 3%",
    read: "150 seats · £58/agent/month · 2 years · 3% a year uplift",
    // 150 × 58 × 12 = 104,400; × 1.03 = 107,532; sum 211,932
    figures: ["Year 2: £107,532", "£211,932"],
  },
  {
    name: "CPI with one figure for a three-year term",
    text: "120 agents at £40 pm, 3 years, lesser of CPI and 5%, CPI 2%",
    read: "120 seats · £40/agent/month · 3 years · lesser of CPI and 5% · CPI 2%",
    // 120 × 40 × 12 = 57,600; × 1.02 = 58,752; × 1.02 = 59,927.04; sum 176,279.04
    figures: [
      "Year 2: £58,752",
      "Year 3: £59,927.04",
      "£176,279.04",
      "CPI 2% is used for every year",
    ],
  },
  {
    name: "a fixed implementation after the seats, with a link and an e-mail",
    text: "Hi Sam, as discussed: 90 agents at £65 per agent per month, plus a one-off £12,500 for onboarding. See https://vendor.example/q/2026 or mail sam2@vendor.example",
    read: "90 seats · £65/agent/month · implementation £12,500",
    // 90 × 65 × 12 = 70,200; first year 70,200 + 12,500 = 82,700
    figures: ["£70,200", "£82,700", "(part of an e-mail address or link)"],
  },
  {
    name: "a vendor's e-mail with labelled lines and its own year-1 total",
    text: "Hi Sam,\n\nThanks for your time today. As promised:\n\nLicences: 260 named agents\nPrice per agent: £62.00 per month\nContract term: 3 years\nAnnual price increase: 5%\n\nThe total for year 1 is £193,440.\n\nBest,\nTom Smith\nSales Director\nT: +44 (0)20 7946 0958\nwww.vendor.co.uk",
    read: "260 named seats · £62.00/agent/month · 3 years · 5% a year uplift · quoted year 1 £193,440",
    // 260 × 62 × 12 = 193,440 (equal to the quote's year 1); term 609,819.60 as the issue's example
    figures: [
      "The quote's own year 1 figure of £193,440 matches the calculation: £193,440.",
      "£609,819.60",
      "+44 (0)20 7946 0958 (a phone number)",
    ],
  },
  {
    name: "a vendor's year-by-year table with a wrong year 3",
    text: "Year 1: £193,440\nYear 2: £203,112\nYear 3: £213,500\n260 agents at £62pm, 5% uplift, 3 years",
    read: "260 seats · £62/agent/month · 3 years · 5% a year uplift · quoted year 1 £193,440 · quoted year 2 £203,112 · quoted year 3 £213,500",
    // years 193,440 and 203,112 match; year 3 is 203,112 × 1.05 = 213,267.60, not 213,500
    figures: [
      "year 2 figure of £203,112 matches",
      "The quote's own year 3 figure of £213,500 does not match the £213,267.60 worked out",
    ],
  },
  {
    name: "a yearly bill after the seats is the bill, not a price per seat",
    text: "3 year deal for 260 agents, £193,440 a year, 5% yearly increase",
    read: "260 seats · £193,440 a year · 3 years · 5% a year uplift",
    // 193,440; × 1.05 = 203,112; × 1.05 = 213,267.60; sum 609,819.60
    figures: ["Year 2: £203,112", "£609,819.60"],
  },
  {
    name: "a time in the sign-off",
    text: "260 agents at £62 per agent per month. Please confirm by 5pm Friday.",
    read: "260 seats · £62/agent/month",
    // 260 × 62 × 12 = 193,440
    figures: ["Per year: £193,440", "by 5pm (a time)"],
  },
];

describe("pasted quotes and questions, through ask", () => {
  it("has at least 40 quotes and questions between the answers and the questions back", () => {
    expect(CASES.length + QUESTIONS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$name", async ({ text, read, figures }) => {
    const r = await answer(text);
    expect(r.headline).toBe(`I read: ${read}.`);
    const first = shown(r);
    for (const f of figures) expect(first).toContain(f);
    expect(r.data.answer).toBe(r.headline);
    expect(r.notes.some((n) => n.startsWith("Worked out with: "))).toBe(true);
  });
});

interface Question {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  /** Words the question back must contain, so the user knows what to fix. */
  readonly says: string;
}

const QUESTIONS: readonly Question[] = [
  {
    name: "a per-seat £1.2m",
    text: "260 agents at £1.2m, 3 years",
    code: "quote.implausible_price",
    says: "Is £1,200,000 a total?",
  },
  {
    name: "an explicit monthly price no agent costs",
    text: "260 agents at £5,000 per agent per month",
    code: "quote.implausible_price",
    says: "£5,000 per agent per month is far above any agent price",
  },
  {
    name: "a term total and no unit price",
    text: "£1.2m for 3 years, 260 agents",
    code: "quote.total_only",
    says: "I read £1,200,000 as the total for 3 years, not a price per agent",
  },
  {
    name: "a total that reads like a unit price",
    text: "260 agents, £62 for 3 years",
    code: "quote.total_looks_like_unit_price",
    says: "is £62 the price per agent?",
  },
  {
    name: "a price that could be monthly or yearly",
    text: "260 agents at £744, 14 sites",
    code: "quote.period_unclear",
    says: "Is £744 per agent per month or per agent per year?",
  },
  {
    name: "a term that is not whole years",
    text: "100 agents at £50pm for 18 months with a 3% uplift",
    code: "quote.term_months",
    says: "18-month term",
  },
  {
    name: "two terms",
    text: "100 agents at £50pm, 3 year term, 4% uplift, priced over 5 years",
    code: "quote.term_conflict",
    says: "3 years, 5 years",
  },
  {
    name: "two currencies",
    text: "100 agents at £50pm, implementation $10,000",
    code: "quote.currency_mixed",
    says: "GBP and USD",
  },
  {
    name: "a price and no seats",
    text: "Price £62 per agent per month, 3 years, 5% uplift",
    code: "quote.no_seats",
    says: "no number of seats",
  },
  {
    name: "an uplift and no term",
    text: "260 agents at £62pm with a 5% uplift",
    code: "quote.term_missing",
    says: "how many years",
  },
  {
    name: "greater of CPI with no CPI figures",
    text: "100 agents at £80/mo, 3 years, greater of CPI and 2%",
    code: "quote.cpi_missing",
    says: "I need CPI figures",
  },
  {
    name: "two seat counts",
    text: "260 agents, 300 users, £62 per agent per month",
    code: "quote.seats_conflict",
    says: "more than one seat count (300, 260)",
  },
  {
    name: "a tier list without a seat count",
    text: "tiers 1-99 at £75, 100-249 at £70, 250+ at £62",
    code: "quote.tiers_no_seats",
    says: "how many seats",
  },
];

describe("quotes too doubtful to calculate: a question back, never a figure", () => {
  it.each(QUESTIONS)("$name", async ({ text, code, says }) => {
    const out = await askCommand.run(text, ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues[0]?.code).toBe(code);
    expect(out.issues[0]?.message).toContain(says);
    expect(out.issues[0]?.hint).toBeTruthy();
  });

  it("still names the numbers it did not use when it asks", async () => {
    const out = await askCommand.run("260 agents at £744, 14 sites", ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.at(-1)).toEqual({
      code: "quote.not_used",
      message: 'I did not use: 14 (not understood, in "at £744, 14 sites")',
    });
  });
});
