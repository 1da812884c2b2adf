import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { briefCommand, isoToday } from "../../../src/commands/deal/brief.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { EXAMPLE_PATH } from "../../drafting/example-deal.js";
import { testContext } from "../context.js";

const ctx = testContext({ now: () => new Date("2026-06-01T23:30:00Z") });
// A fixed clock: the command reads it once; drafting never does.
const brief = briefCommand;
const run = (text: string) => Promise.resolve(brief.run(text, ctx));

function reply(o: CommandOutcome) {
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
}
function issues(o: CommandOutcome) {
  return o.ok ? [] : o.issues.map((i) => ({ code: i.code, message: i.message }));
}

describe("brief", () => {
  it("writes a DOCX by default, named after the vendor, with the start-by date from the clock", async () => {
    const r = reply(await run(EXAMPLE_PATH));
    // Renewal 2027-03-31 − 90 days notice = 2026-12-31; − 90 days runway = 2026-10-02.
    expect(r.headline).toBe(
      "Brief for Halo Service Solutions Ltd: counter at £156,240 a year against £193,440, £37,200 less; start by 2 October 2026.",
    );
    const file = r.files?.[0];
    expect(file?.name).toBe("halo-service-solutions-ltd-brief.docx");
    expect(file?.mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const zip = await JSZip.loadAsync(file?.content ?? new Uint8Array());
    expect(await zip.file("word/document.xml")?.async("string")).toContain("Savings waterfall");
    expect(r.data).toMatchObject({
      format: "docx",
      today: "2026-06-01",
      startBy: "2026-10-02",
      noticeBy: "2026-12-31",
      text: null,
    });
  });

  it("names the file with --out", async () => {
    const r = reply(await run(`${EXAMPLE_PATH} --out brief.docx`));
    expect(r.files?.[0]?.name).toBe("brief.docx");
  });

  it("gives Markdown as text, and as a file only with --out", async () => {
    const md = reply(await run(`${EXAMPLE_PATH} --format md --today 2026-11-01`));
    expect(md.files).toBeUndefined();
    expect(String(md.data.text).split("\n")[0]).toBe(
      "# Negotiation brief: Halo Service Solutions Ltd, HaloITSM",
    );
    expect(md.notes[0]).toBe(
      "Start now: the start-by date, 2 October 2026, passed 30 days ago, and notice is due in 60 days.",
    );
    const saved = reply(await run(`${EXAMPLE_PATH} --format md --out brief.md`));
    expect(saved.files?.[0]?.name).toBe("brief.md");
    expect(new TextDecoder().decode(saved.files?.[0]?.content)).toBe(saved.data.text);
  });

  it("quotes the counter figure the asks add up to, in every place it appears", async () => {
    const r = reply(await run(`${EXAMPLE_PATH} --format md`));
    const text = String(r.data.text);
    // 260 × £62 × 12 = £193,440; right-sizing £15,360, licensing model £5,520, volume break
    // £16,320 (the three priced asks in the table below it); 193,440 − 37,200 = £156,240.
    expect(text).toContain(
      [
        "| Vendor's offer |  | £193,440 |",
        "| Right-sizing | £15,360 | £178,080 |",
        "| Licensing model | £5,520 | £172,560 |",
        "| Volume break | £16,320 | £156,240 |",
        "| Counter-proposal | £37,200 | £156,240 |",
        "| Renewal cap, over 3 years | £19,373.76 |  |",
      ].join("\n"),
    );
    expect(text).toContain(
      "The counter-proposal costs £156,240 a year against the offer's £193,440: £37,200 less (19.2%), plus £19,373.76 over 3 years from the renewal cap.",
    );
    // The working ends the chain where the table does, and the renewal is valued from it.
    expect(text).toContain(
      "- Volume break: 170 named × £70 × 12 + 20 concurrent × £124 × 12 = £172,560 → 170 named × £62 × 12 + 20 concurrent × £124 × 12 = £156,240; saving £172,560 − £156,240 = £16,320",
    );
    expect(text).toContain(
      "- Over 3 years from £156,240: an uncapped 7% list uplift (assumed) totals £502,295.98; a 3% cap totals £482,922.22",
    );
    expect(text).not.toContain("£148,080");
    expect(text).not.toMatch(/^- Rate:/m);
    expect(text).toContain(
      "- The benchmark rate of £58 per named seat per month is leverage, not an ask: £4 below the £62 the asks name, it would be worth a further £8,160 a year if matched (170 × £4 × 12). The counter figure does not count on it.",
    );
  });
  it("gives Slack mrkdwn", async () => {
    const r = reply(await run(`${EXAMPLE_PATH} format slack`));
    expect(String(r.data.text).split("\n")[0]).toBe(
      "*Negotiation brief: Halo Service Solutions Ltd, HaloITSM*",
    );
  });

  it.each([
    ["", "deal.no_file", "give the deal file"],
    ["deal.txt", "deal.no_file", '"deal.txt" is not a .json deal file'],
    [`${EXAMPLE_PATH} --format pdf`, "brief.bad_format", "--format pdf is not one I write"],
    [
      `${EXAMPLE_PATH} --today 01/06/2026`,
      "deal.bad_today",
      '--today "01/06/2026" is not a date written YYYY-MM-DD',
    ],
    [`${EXAMPLE_PATH} --colour red`, "option.unknown", "I don't know the option --colour"],
    ["missing/deal.json", "deal.file_missing", "there is no file at missing/deal.json"],
  ])("%j", async (text, code, message) => {
    expect(issues(await run(text))).toEqual([{ code, message }]);
  });

  it("reads today in UTC", () => {
    expect(isoToday(new Date("2026-06-01T23:30:00Z"))).toBe("2026-06-01");
  });
});
