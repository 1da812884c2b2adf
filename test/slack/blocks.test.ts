/** The Block Kit renderer on its own: limits, splitting, the one table block, overflow to a file. */
import { describe, expect, it } from "vitest";
import { column, type Reply, rejected } from "../../src/commands/reply.js";
import { readValue } from "../../src/slack/blocks/buttons.js";
import {
  renderErrorBlocks,
  renderReplyBlocks,
  renderWorkingBlocks,
} from "../../src/slack/blocks/reply-blocks.js";
import { chunkLines, readSlackText } from "../../src/slack/blocks/text.js";
import { blockProblems } from "./check-blocks.js";

function reply(overrides: Partial<Reply>): Reply {
  return {
    command: "test",
    headline: "Headline.",
    tables: [],
    notes: [],
    working: [],
    next: [],
    data: {},
    ...overrides,
  };
}

const table = (rows: number, title = "T") => ({
  title,
  columns: [column("name"), column("annual", "right")],
  rows: Array.from({ length: rows }, (_, i) => [`user ${i}`, `£${i},000`]),
});

describe("renderReplyBlocks", () => {
  it("makes the first fitting table a table block and draws the others as text", () => {
    const m = renderReplyBlocks(reply({ tables: [table(3, "first"), table(2, "second")] }));
    expect(blockProblems(m.blocks)).toEqual([]);
    const types = m.blocks.map((b) => b.type);
    expect(types).toEqual(["section", "section", "table", "section"]);
    const drawn = m.blocks[3];
    expect(drawn?.type === "section" && drawn.text.text).toContain("│ user 1 │ £1,000 │");
  });

  it("right-aligns number columns in the table block", () => {
    const m = renderReplyBlocks(reply({ tables: [table(1)] }));
    const t = m.blocks.find((b) => b.type === "table");
    expect(t?.type === "table" && t.column_settings).toEqual([
      { align: "left" },
      { align: "right" },
    ]);
  });

  it("draws a table of more than 99 rows as text split into sections under 3,000 characters", () => {
    // 150 rows: 151 with the header, over the table block's 100.
    const m = renderReplyBlocks(reply({ tables: [table(150)] }));
    expect(blockProblems(m.blocks)).toEqual([]);
    expect(m.blocks.some((b) => b.type === "table")).toBe(false);
    expect(m.blocks.filter((b) => b.type === "section").length).toBeGreaterThan(2);
    expect(m.overflow).toBeUndefined();
  });

  it("moves output beyond 50 blocks to a text file and says so", () => {
    const m = renderReplyBlocks(reply({ tables: [table(20000)], working: ["1 + 1 = 2"] }));
    expect(blockProblems(m.blocks)).toEqual([]);
    expect(m.blocks).toHaveLength(50);
    expect(m.blocks.at(-1)?.type).toBe("actions");
    expect(JSON.stringify(m.blocks.at(-2))).toContain("the rest is in the attached file");
    const text = new TextDecoder().decode(m.overflow?.content);
    expect(m.overflow?.name).toBe("test-answer.txt");
    expect(text).toContain("│ user 19999 │ £19999,000 │");
    expect(text).toContain("1 + 1 = 2");
  });

  it("splits a headline longer than 3,000 characters", () => {
    const m = renderReplyBlocks(reply({ headline: "word ".repeat(1000) }));
    expect(blockProblems(m.blocks)).toEqual([]);
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });

  it("escapes &, < and > so typed text can't become a mention or link", () => {
    const m = renderReplyBlocks(reply({ headline: "a < b & <!channel>" }));
    expect(JSON.stringify(m.blocks[0])).toContain("a &lt; b &amp; &lt;!channel&gt;");
  });

  it("puts no buttons, and no empty actions block, on a reply without working or next steps", () => {
    const m = renderReplyBlocks(reply({}));
    expect(m.blocks.filter((b) => b.type === "actions")).toEqual([]);
  });
});

describe("working and errors", () => {
  it("renders the working preformatted", () => {
    const m = renderWorkingBlocks(reply({ working: ["500 × £100 × 12 = £600,000"] }));
    expect(JSON.stringify(m.blocks)).toContain("```\\n500 × £100 × 12 = £600,000\\n```");
  });

  it("renders each issue as one line with its fix and a correct example", () => {
    const outcome = rejected(
      "cost",
      [{ code: "x", message: "the price is missing", hint: "write 70" }],
      "cost 150 named @ 70",
    );
    if (outcome.ok) throw new Error("rejected() gave a reply");
    const m = renderErrorBlocks(outcome);
    expect(m.text).toBe(":warning: cost: the price is missing — write 70");
    expect(JSON.stringify(m.blocks)).toContain("Try: `/deal cost 150 named @ 70`");
  });
});

describe("text helpers", () => {
  it("chunks lines within the limit, splitting an over-long line", () => {
    const chunks = chunkLines(["a".repeat(25), "b", "c"], 10);
    expect(chunks).toEqual(["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa\nb\nc"]);
  });

  it("reads Slack's escaped text and drops mentions", () => {
    expect(readSlackText("<@UBOT>  cost 1 named @ 70 &amp; more &lt;x&gt; <https://a.b|a.b>")).toBe(
      "cost 1 named @ 70 & more <x> a.b",
    );
  });

  it("reads an opened button state, and anything unexpected as empty", () => {
    expect(readValue({ r: "id", t: "cost 1" })).toEqual({ r: "id", t: "cost 1" });
    expect(readValue({ t: 5 })).toEqual({});
    // Long commands are no longer dropped: the seal keeps them server-side (button-values.test.ts).
    expect(readValue({ t: "x".repeat(5000) })).toEqual({ t: "x".repeat(5000) });
  });
});

describe("text Slack receives", () => {
  it("escapes the top-level text like the blocks, so a typed <!channel> cannot ping", () => {
    // What `/deal set vendor <!channel> & co` puts in a headline once Slack's escaping is undone.
    const m = renderReplyBlocks(reply({ headline: "Deal for <!channel> & co: £70/mo named." }));
    expect(m.text).toBe("Deal for &lt;!channel&gt; &amp; co: £70/mo named.");
    const first = m.blocks[0];
    expect(first?.type === "section" && first.text.text).toBe(
      "Deal for &lt;!channel&gt; &amp; co: £70/mo named.",
    );
  });

  it("drops control characters and bidirectional overrides, keeping line breaks", () => {
    const m = renderReplyBlocks(reply({ headline: "Pay \u202E000,07£\u202C or \u0007£70,000." }));
    expect(m.text).toBe("Pay 000,07£ or £70,000.");
    const outcome = rejected(
      "split",
      [{ code: "x", message: "bad\u2066 <@U1>\u2069 file" }],
      "split FILE",
    );
    if (outcome.ok) throw new Error("expected a refusal");
    const e = renderErrorBlocks(outcome);
    expect(e.text).toBe(":warning: split: bad &lt;@U1&gt; file");
  });
});
