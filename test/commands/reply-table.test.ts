import { describe, expect, it } from "vitest";
import { column } from "../../src/commands/reply.js";
import { renderTable } from "../../src/commands/reply-table.js";

describe("renderTable", () => {
  it("draws a box with numbers right-aligned", () => {
    const text = renderTable({
      columns: [column("plan"), column("annual", "right")],
      rows: [
        ["named-only", "£600,000"],
        ["mixed", "£294,000"],
      ],
    });
    expect(text).toBe(
      [
        "┌────────────┬──────────┐",
        "│ plan       │   annual │",
        "├────────────┼──────────┤",
        "│ named-only │ £600,000 │",
        "│ mixed      │ £294,000 │",
        "└────────────┴──────────┘",
      ].join("\n"),
    );
  });

  it("prints the title above the table", () => {
    const text = renderTable({ title: "Examples", columns: [column("x")], rows: [["1"]] });
    expect(text.split("\n")[0]).toBe("Examples");
  });
});
