import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { analyseUpload } from "../../../src/commands/file-analysis/analyse.js";
import { currency, major } from "../../../src/core/money.js";
import { testContext } from "../context.js";
import { gbp, ROSTER_CSV, SIX_PEOPLE_CSV } from "./fixtures.js";

const GBP = currency("GBP");
const bytes = (text: string) => new TextEncoder().encode(text);
/** The channel's deal: £70 named and £140 concurrent a month (Slack `/deal set …`). */
const channel = testContext({
  defaultCurrency: GBP,
  deal: { currency: GBP, namedRate: major(70, GBP), concurrentRate: major(140, GBP) },
});

describe("analyseUpload (a file dropped in a channel)", () => {
  it("reports the stages in order, then prices with the channel's rates", async () => {
    const progress = vi.fn(async (_text: string) => {});
    const out = await analyseUpload(
      { name: "sessions.csv", bytes: bytes(SIX_PEOPLE_CSV) },
      channel,
      progress,
    );
    const done =
      "Reading sessions.csv … 6 sessions from 6 people, 7 Sep.  ✓\nMeasuring concurrency … peak 3.  ✓\n";
    // Then each stage of the split replaces the last line: the hand-computed baselines give
    // £5,040 (named-only and all-concurrent) and the rule of thumb £3,360 (split.test.ts).
    expect(progress.mock.calls.map((c) => c[0])).toEqual([
      "Reading sessions.csv … 6 sessions from 6 people, 7 Sep.  ✓\nMeasuring concurrency …",
      `${done}Finding the cheapest split …`,
      `${done}Finding the cheapest split … reducing the log to its busiest instants`,
      `${done}Finding the cheapest split … costing the comparison plans`,
      `${done}Finding the cheapest split … solving the LP relaxation: best plan so far £3,360`,
      `${done}Finding the cheapest split … searching for a starting plan: best plan so far £3,360, proven minimum £3,360, gap closed`,
      `${done}Finding the cheapest split … checking every plan against the log`,
    ]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.command).toBe("upload");
    // As in split-file.test.ts: 2 named + pool 1 = £3,360.
    expect(out.reply.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(out.reply.notes[0]).toBe(
      "Rates: £70/mo named, £140/mo concurrent (the channel's deal).",
    );
    expect(out.reply.files?.map((f) => f.name)).toEqual([
      "named-users.csv",
      "concurrency.png",
      "cost-by-named-seats.png",
    ]);
  });

  it("prefers rates in the request to the channel's", async () => {
    // At £300 concurrent a month (£3,600 a year) one pool seat for c–f costs more than naming
    // the four (4 × £840 = £3,360), and pooling a or b needs a seat of its own: naming all six
    // (6 × £840 = £5,040) is the optimum.
    const out = await analyseUpload(
      { name: "sessions.csv", bytes: bytes(SIX_PEOPLE_CSV) },
      channel,
      async () => {},
      { concurrent: { value: { num: 300n, den: 1n }, text: "300" } },
    );
    expect(out.ok && out.reply.headline).toBe(
      "Best plan: 6 named, no pool = £5,040 a year — proven optimal.",
    );
  });

  it("reads an XLSX session log the same way as the CSV", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Sessions");
    const rows = SIX_PEOPLE_CSV.split("\n").map((l) => l.split(","));
    for (const r of rows) sheet.addRow(r);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const out = await analyseUpload(
      { name: "sessions.xlsx", bytes: xlsx },
      channel,
      async () => {},
    );
    expect(out.ok && out.reply.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(out.ok && out.reply.data.file).toMatchObject({ format: "xlsx", sessions: 6 });
  });

  it("right-sizes a roster with the channel's named rate (no --as-of: to the file's newest date)", async () => {
    const progress = vi.fn(async (_text: string) => {});
    const out = await analyseUpload(
      { name: "roster.csv", bytes: bytes(ROSTER_CSV) },
      channel,
      progress,
    );
    expect(progress.mock.calls.map((c) => c[0])).toEqual([
      "Reading roster.csv … 9 users.  ✓\nChecking who uses their licence …",
    ]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.data.kind).toBe("roster");
    expect(out.reply.notes[0]).toBe("Rate: £70/mo per licence (the channel's deal).");
    expect(out.reply.headline).toBe(
      "Licence 4 active fulfillers, not 9 provisioned: £4,200 a year. Inactivity measured to 30 Sep 2026, the newest date in the file; --as-of to change.",
    );
    expect(out.reply.files?.map((f) => f.name)).toEqual(["flagged-users.csv"]);
  });

  it("without any rates answers the usage part and asks for them", async () => {
    const out = await analyseUpload(
      { name: "sessions.csv", bytes: bytes(SIX_PEOPLE_CSV) },
      gbp,
      async () => {},
    );
    expect(out.ok && out.reply.notes[0]).toBe(
      "Give me the rates to find the cheapest split: split sessions.csv --named 70 --concurrent 140, or /deal set named 70 concurrent 140 in Slack.",
    );
  });

  it("passes the reader's issues through (an ambiguous date is a question)", async () => {
    const csv = "User,Start,End\na@x.com,03/04/2026 09:00,03/04/2026 10:00";
    const out = await analyseUpload({ name: "s.csv", bytes: bytes(csv) }, gbp, async () => {});
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.command).toBe("upload");
    expect(out.issues[0]?.code).toMatch(/date/);
  });
});
