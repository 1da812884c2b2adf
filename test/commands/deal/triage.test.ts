import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { triageCommand } from "../../../src/commands/deal/triage.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { EXAMPLE_PATH, exampleJson } from "../../drafting/example-deal.js";
import { testContext } from "../context.js";

const ctx = testContext();
const run = (text: string) => Promise.resolve(triageCommand.run(text, ctx));

function reply(o: CommandOutcome) {
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
}
function issues(o: CommandOutcome) {
  return o.ok ? [] : o.issues.map((i) => ({ code: i.code, message: i.message }));
}
function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dealdesk-triage-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("triage deal.json", () => {
  it("ranks the five moves, most valuable first", async () => {
    const r = reply(await run(EXAMPLE_PATH));
    expect(r.headline).toBe(
      "The offer misses 5 of the 5 moves; the biggest is volume break at £16,320 a year.",
    );
    expect(r.tables[0]?.rows).toEqual([
      [
        "Volume break",
        "missing",
        "£16,320 a year",
        "Price 170 named seats at £62, the next tier's rate, without buying up to it",
      ],
      [
        "Right-size agents",
        "against us",
        "£15,360 a year",
        "Licence 212 active fulfillers, not 260 provisioned",
      ],
      [
        "Implementation",
        "against us",
        "£28,800 one-off",
        "Fixed scope and a fixed price of £72,000, with acceptance criteria and a data-migration plan",
      ],
      [
        "Renewal",
        "missing",
        "£19,373.76 over 3 years",
        "Cap the yearly rise at the lesser of CPI and 3%, locked for 3 years, with the right to leave if it is exceeded",
      ],
      [
        "Licensing model",
        "missing",
        "£5,520 a year",
        "Name the 170 full-time agents and share a pool of 20 concurrent licences among the other 42",
      ],
    ]);
    expect(r.data.ranked).toEqual([
      "volume-break",
      "right-size",
      "implementation",
      "renewal",
      "licensing-model",
    ]);
    // The counter is the offer less the three priced asks shown above, nothing hidden:
    // 193,440 − 16,320 − 15,360 − 5,520 = £156,240; 37,200 less.
    expect(r.data.totalAnnual).toEqual({
      currency: "GBP",
      minor: 3_720_000,
      amount: "37200.00",
      text: "£37,200",
    });
    expect(r.data.counterAnnual).toMatchObject({ minor: 15_624_000, text: "£156,240" });
    expect(r.notes).toContain(
      "With no cap, renewal rises are assumed at 7% a year (assumptions.listUplift).",
    );
    expect(r.notes).toContain(
      "Together the priced asks take the subscription from £193,440 to £156,240 a year.",
    );
    // The benchmark is told as leverage, with its worth: 170 × (£62 − £58) × 12 = £8,160.
    expect(r.notes).toContain(
      "The benchmark rate of £58 per named seat per month is leverage, not an ask: £4 below the £62 the asks name, it would be worth a further £8,160 a year if matched (170 × £4 × 12). The counter figure does not count on it.",
    );
    expect(r.working.some((w) => w.includes("£148,080") || w.startsWith("Rate:"))).toBe(false);
  });

  it("saves the asks as CSV with a formula-like note neutralised", async () => {
    const json = exampleJson();
    json.notes = ['=HYPERLINK("http://e.vil")', "@import"];
    const path = writeTemp("deal.json", JSON.stringify(json));
    const r = reply(await run(`${path} --csv`));
    const file = r.files?.[0];
    expect(file?.name).toBe("asks.csv");
    const csv = new TextDecoder().decode(file?.content);
    expect(csv.split("\r\n")[0]).toBe('"step","the ask","offer","worth"');
    expect(csv).toContain(
      '"Right-size agents","Licence 212 active fulfillers, not 260 provisioned","against us","£15,360 a year"',
    );
    expect(csv).toContain('"note","\'=HYPERLINK(""http://e.vil"")","",""');
    expect(csv).toContain('"note","\'@import","",""');
  });

  it("says covered when the offer already has everything", async () => {
    const json = exampleJson();
    json.offer.named.seats = 212;
    json.usage = { activeFulfillers: 212 };
    delete json.offer.tiers;
    json.offer.implementation = {
      kind: "fixed",
      fixedPrice: "45000",
      acceptanceCriteria: true,
      migrationPlan: true,
    };
    json.offer.renewal = {
      uplift: { kind: "cap", cap: "3%" },
      lockedForTerm: true,
      exitRights: true,
    };
    delete json.leverage.benchmarkRate;
    const r = reply(await run(writeTemp("ok.json", JSON.stringify(json))));
    expect(r.headline).toBe(
      "The offer from Halo Service Solutions Ltd covers every move that could be checked.",
    );
    expect(r.tables[0]?.rows.map((row) => [row[0], row[1]])).toEqual([
      ["Licensing model", "not checked"],
      ["Volume break", "not checked"],
      ["Right-size agents", "covered"],
      ["Implementation", "covered"],
      ["Renewal", "covered"],
    ]);
  });
});

describe("triage from a typed quote", () => {
  it("reads seats @ rate, usage, tiers, implementation and cap", async () => {
    const r = reply(
      await run(
        '260 @ 62 active 212 tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" days 60 day-rate 1200 overrun 40% cap none GBP',
      ),
    );
    // Right-size: 260 × 62 × 12 = 193,440 → 212 × 70 × 12 = 178,080: £15,360.
    // Volume break: 212 is 38 below 250 (≤ 50): 212 × (70 − 62) × 12 = £20,352.
    expect(r.headline).toBe(
      "The offer misses 4 of the 5 moves; the biggest is volume break at £20,352 a year.",
    );
    expect(r.data.vendor).toBe("the vendor");
  });

  it("reads a fixed price with what it includes, and a CPI cap with exit", async () => {
    const r = reply(
      await run("212@70 active 212 fixed 45k acceptance migration cap cpi-3% locked exit"),
    );
    const moves = r.data.moves as { key: string; status: string }[];
    expect(moves.map((m) => [m.key, m.status])).toEqual([
      ["right-size", "covered"],
      ["licensing-model", "not checked"],
      ["volume-break", "not checked"],
      ["implementation", "covered"],
      ["renewal", "covered"],
    ]);
    expect(r.notes).toContain("No currency given, so GBP was assumed.");
  });

  it.each([
    ["", "triage.nothing", "give a deal file or the vendor's quote"],
    ["active 212", "triage.no_offer", "give the offer's seats and rate per seat"],
    [
      "260 @ 62 cap sometimes",
      "triage.cap_unknown",
      'the renewal cap "sometimes" is not one I know',
    ],
    ["260 @ 62 banana", "triage.unexpected_word", 'I don\'t understand "260 @ 62 banana"'],
    ["260 @ lots", "amount.not_a_number", 'the rate per seat "lots" is not an amount'],
    ["260 @ 62 active 2.5", "count.not_whole", 'active fulfillers "2.5" is not a whole number'],
    [
      '260 @ 62 tiers "1-99 @ 75, 90-249 @ 70"',
      "tiers.overlap",
      "offer.tiers: the tiers 1-99 and 90-249 overlap at 90-99",
    ],
  ])("%j", async (text, code, message) => {
    expect(issues(await run(text))).toEqual([{ code, message }]);
  });
});

describe("triage file errors", () => {
  it("a folder named .json", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "dealdesk-triage-")), "deal.json");
    mkdirSync(dir);
    expect(issues(await run(dir))).toEqual([
      { code: "deal.file_unreadable", message: `I couldn't read ${dir}: it is a folder` },
    ]);
  });

  it("reads no deal file by path where the front end gives no disk (Slack)", async () => {
    const { files: _disk, ...chat } = ctx;
    const out = await triageCommand.run("/etc/deal.json", chat);
    expect(out.ok ? [] : out.issues).toEqual([
      {
        code: "file.paths_not_read_here",
        message: "I don't open files by path here (/etc/deal.json)",
        hint: "type the quote instead, e.g. triage 260 @ 62 GBP, or run it in the dealdesk CLI",
      },
    ]);
  });

  it("a missing file", async () => {
    expect(issues(await run("nowhere/deal.json"))).toEqual([
      { code: "deal.file_missing", message: "there is no file at nowhere/deal.json" },
    ]);
  });

  it("a file that is not JSON, with the line and column", async () => {
    const path = writeTemp(
      "broken.json",
      '{\n  "vendor": "Halo",\n  "currency": "GBP"\n  "offer": {}\n}',
    );
    const got = issues(await run(path));
    expect(got[0]?.code).toBe("deal.not_json");
    expect(got[0]?.message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not valid JSON at line 4, column 3: `,
      ),
    );
  });

  it("a deal with a bad field, named with the file", async () => {
    const json = exampleJson();
    json.offer.named.seats = "many";
    const path = writeTemp("bad.json", JSON.stringify(json));
    expect(issues(await run(path))).toEqual([
      {
        code: "deal.invalid",
        message: `${path}: offer.named.seats: expected named seats: a whole number, like 212, not "many"`,
      },
    ]);
  });

  it("extra words after the file", async () => {
    expect(issues(await run(`${EXAMPLE_PATH} now`))).toEqual([
      { code: "triage.unexpected_word", message: 'with a deal file, I don\'t understand "now"' },
    ]);
  });
});
