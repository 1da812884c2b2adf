import { describe, expect, it } from "vitest";
import { findHeaderRow, titleNote } from "../../src/roster/header-row.js";
import type { Cell, TableRow } from "../../src/roster/table.js";

const rows = (...cells: Cell[][]): TableRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe("findHeaderRow", () => {
  it("takes the first row when it is a header, as always", () => {
    expect(findHeaderRow(rows(["Email", "Status"], ["a@x.com", "active"]))).toEqual({
      index: 0,
      titleRows: [],
    });
  });

  it("skips a title and a generated-on line (CSV cells are strings too)", () => {
    const r = rows(
      ["Agent login report", ""],
      ["Generated: 2026-03-01", ""],
      ["", ""],
      ["Agent", "Login", "Logout"],
      ["ann", "2026-03-02 09:00", "2026-03-02 17:00"],
    );
    expect(findHeaderRow(r)).toEqual({ index: 3, titleRows: [1, 2] });
    expect(titleNote(r[3] as TableRow, [1, 2], "")).toBe(
      "rows 1–3 above the header (row 4) read as a title, not data",
    );
  });

  it("keeps the first row for a one-column file, and for a first row of ids", () => {
    expect(findHeaderRow(rows(["Email"], ["a@x.com"], ["b@x.com", "note"], ["c@x.com"]))).toEqual({
      index: 0,
      titleRows: [],
    });
    expect(findHeaderRow(rows(["Agent Email"], ["a@x.com"], ["b@x.com", "x"]))).toEqual({
      index: 0,
      titleRows: [],
    });
  });

  it("keeps the first row when a header has a numeric name or the data is wider", () => {
    expect(findHeaderRow(rows(["Email", 2026], ["a@x.com", "active"]))).toEqual({
      index: 0,
      titleRows: [],
    });
    expect(findHeaderRow(rows(["Email", "Status"], ["a@x.com", "active", "extra"]))).toEqual({
      index: 0,
      titleRows: [],
    });
  });

  it("does not take a title row of two words for the header when the header is wider", () => {
    expect(
      findHeaderRow(rows(["Report", "Agent logins"], ["Email", "Start", "End"], ["a", 1, 2])),
    ).toEqual({ index: 0, titleRows: [] });
  });

  it("accepts a header-only file below a title", () => {
    expect(findHeaderRow(rows(["Licence report"], ["Email", "Status"]))).toEqual({
      index: 1,
      titleRows: [1],
    });
  });
});
