/**
 * For any table and any width from 40 columns, the fitted table stays within the width and every
 * cell's words are still there, in order. Fixed seed, so a failure reproduces.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column, type Table } from "../../../src/commands/reply.js";
import { fitTable } from "../../../src/commands/text-layout/fit-table.js";
import { everyCellInOrder, widest } from "./layout-checks.js";

// Words as replies write them: prose, figures (£1,234.50), percentages, options, CJK names. At
// most 15 columns wide, so no word is ever wider than a stacked line (38 columns at width 40):
// a word is cut only when it cannot fit any line, a case fit-table.test.ts covers on its own.
const word = fc.oneof(
  fc.stringMatching(/^[a-z]{1,12}$/),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `£${n.toLocaleString("en-GB")}.00`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  fc.stringMatching(/^--[a-z]{1,10}$/),
  fc.constantFrom("日本語", "👍", "Müller", "→"),
);
const cell = fc.array(word, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(" "));

const table: fc.Arbitrary<Table> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      columns: fc.array(
        fc.record({
          header: fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 3 }),
          right: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
    }),
  )
  .map(({ columns, rows }) => ({
    columns: columns.map((c) => column(c.header.join(" "), c.right ? "right" : "left")),
    rows,
  }));

describe("fitTable, for any table and width ≥ 40", () => {
  it("keeps every line within the width and every cell's words in order", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 40, max: 220 }), (t, width) => {
        const text = fitTable(t, width);
        expect(widest(text)).toBeLessThanOrEqual(width);
        expect(everyCellInOrder(t, text)).toBe(true);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
