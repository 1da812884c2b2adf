import { describe, expect, it } from "vitest";
import { column, type Table } from "../../../src/commands/reply.js";
import { renderTable } from "../../../src/commands/reply-table.js";
import { fitTable } from "../../../src/commands/text-layout/fit-table.js";
import { everyCellInOrder, widest } from "./layout-checks.js";

/** Shaped like `help`: a short name, a sentence, and an example command. */
const help: Table = {
  columns: [column("command"), column("what it does"), column("example")],
  rows: [
    [
      "cost",
      "Cost licence plans and compare them with a baseline, showing where the saving comes from.",
      "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP",
    ],
    [
      "concurrency",
      "Peak, percentiles and pool what-ifs of a session or event log.",
      "concurrency examples/sessions.csv",
    ],
    [
      "brief",
      "The negotiation brief for a deal: facts, savings waterfall, asks, clauses, leverage and timing (DOCX, Markdown or Slack).",
      "brief examples/deal.json --format docx --out brief.docx",
    ],
  ],
};

/** Shaped like the concurrency reply's percentiles. */
const percentiles: Table = {
  title: "People online at once (time-weighted)",
  columns: [
    column("measure"),
    column("whole log", "right"),
    column("while anyone is online", "right"),
  ],
  rows: [
    ["peak", "46", "46"],
    ["P99", "43", "44"],
    ["P50", "0", "25"],
  ],
};

describe("fitTable", () => {
  it.each([200, 120, 80, 60, 40])(
    "keeps the help table within %i columns, every word in order",
    (width) => {
      const text = fitTable(help, width);
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(everyCellInOrder(help, text)).toBe(true);
    },
  );

  it("draws a table that fits exactly as it is drawn without a width", () => {
    // help's natural width: 11 + 121 + 65 + 10 borders = 207.
    expect(fitTable(help, 207)).toBe(renderTable(help));
    expect(renderTable(percentiles, 200)).toBe(renderTable(percentiles));
  });

  it("at 200 draws the example column whole and wraps only the longest sentence", () => {
    // Room 200 − 10 = 190; least 11 + 11 ("negotiation") + 21 ("examples/sessions.csv") = 43,
    // spare 147. The example column's shortfall 65 − 21 = 44 is under half the spare (73.5), so
    // it is drawn whole; the sentence column gets the other 103: 11 + 103 = 114 columns, so only
    // the 121-wide brief sentence wraps, onto one more line.
    const lines = fitTable(help, 200).split("\n");
    expect(lines).toHaveLength(help.rows.length + 4 + 1);
    expect(
      lines.some((l) =>
        l.includes("cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP"),
      ),
    ).toBe(true);
  });

  it("wraps the prose column at 80 and leaves the short ones whole", () => {
    const lines = fitTable(help, 80).split("\n");
    // Every row line starts with the command column; "concurrency" (11) is its widest word.
    expect(lines[1]).toMatch(/^│ command {5}│/);
    expect(lines.some((l) => l.startsWith("│ concurrency │"))).toBe(true);
    expect(lines.length).toBeGreaterThan(help.rows.length + 4);
  });

  it("stacks the help table at 40: its widest words no longer fit side by side", () => {
    // least widths: "concurrency" 11 + "percentiles" 11 + "examples/sessions.csv" 21 = 43,
    // plus 10 for the borders = 53 > 40, so each row becomes "header: value" lines.
    const text = fitTable(help, 40);
    expect(text).not.toContain("┌");
    expect(text).toContain("command: concurrency");
    expect(text).toContain("example: concurrency\n  examples/sessions.csv");
  });

  it("narrows a numeric table by wrapping its headers, figures right-aligned", () => {
    // At 40: room = 40 − 10 borders = 30; natural 7 + 9 + 22 = 38 is too wide.
    // Least widths (widest word): "measure" 7, "whole" 5, "anyone" 6 = 18, so 12 to share.
    // "whole log" is short of 9 − 5 = 4, within an equal share of 12 / 2 = 6: drawn whole (9),
    // 8 left. The last column takes them: 6 + 8 = 14. Sizes 7, 9, 14 = 30.
    expect(fitTable(percentiles, 40)).toBe(
      [
        "People online at once (time-weighted)",
        "┌─────────┬───────────┬────────────────┐",
        "│ measure │ whole log │   while anyone │",
        "│         │           │      is online │",
        "├─────────┼───────────┼────────────────┤",
        "│ peak    │        46 │             46 │",
        "│ P99     │        43 │             44 │",
        "│ P50     │         0 │             25 │",
        "└─────────┴───────────┴────────────────┘",
      ].join("\n"),
    );
  });

  it("never breaks a money figure: the column keeps its widest figure whole", () => {
    const money: Table = {
      columns: [column("item"), column("annual", "right")],
      rows: [["mixed plan: named seats and a concurrent pool", "£1,234,567.89 a year"]],
    };
    const text = fitTable(money, 40);
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text).toContain("£1,234,567.89");
    // Right-aligned on each of its lines: the figure ends at the column's right edge.
    expect(text).toMatch(/£1,234,567.89 │\n/);
  });

  it("stacks a table with one huge unbreakable cell, cutting only that word", () => {
    const url = `https://example.com/${"x".repeat(100)}`;
    const table: Table = {
      columns: [column("source"), column("saving", "right")],
      rows: [[url, "£16,320"]],
    };
    const text = fitTable(table, 80);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text).toContain("saving: £16,320");
    // The URL is cut into pieces that put back together give it whole.
    const pieces = text.split("\n").filter((l) => !l.startsWith("─") && !l.startsWith("saving"));
    expect(pieces.join("").replace(/\s+/g, "").replace("source:", "")).toBe(url);
  });

  it("aligns CJK and emoji cells by their drawn width (two columns each)", () => {
    const table: Table = {
      columns: [column("vendor"), column("note")],
      rows: [
        ["日本語ベンダー", "👍 agreed"],
        ["Halo", "open"],
      ],
    };
    const lines = fitTable(table, 80).split("\n");
    // "日本語ベンダー" is 7 wide characters = 14 columns: every line is 2 + 14 + 3 + 9 + 2 = 30.
    for (const l of lines) expect(widest(l)).toBe(30);
  });

  it("lays out at 20 columns at the narrowest, whatever width is asked", () => {
    expect(widest(fitTable(percentiles, 5))).toBeLessThanOrEqual(20);
  });
});
