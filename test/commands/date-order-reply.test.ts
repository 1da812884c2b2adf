import { describe, expect, it } from "vitest";
import { readDatesReply, withDateOrder } from "../../src/commands/date-order-reply.js";

describe("readDatesReply", () => {
  it.each([
    ["dates dd/mm", "dd/mm"],
    ["/dates mm/dd", "mm/dd"],
    ["  Date DD/MM ", "dd/mm"],
  ])("%j answers %s", (line, order) => {
    expect(readDatesReply(line)).toEqual({ kind: "order", order });
  });

  it.each(["dates", "dates 25/03", "dates dd-mm"])("%j is a dates reply it can't read", (line) => {
    expect(readDatesReply(line)).toEqual({ kind: "unreadable", text: line });
  });

  it.each(["datestamp dd/mm", "cost 150 n @ 70", "split dates.csv"])(
    "%j is not a reply",
    (line) => {
      expect(readDatesReply(line)).toEqual({ kind: "not-dates" });
    },
  );

  it("adds the order to the line that asked", () => {
    expect(withDateOrder('split "a b.csv" --named 70', "mm/dd")).toBe(
      'split "a b.csv" --named 70 --date-format mm/dd',
    );
  });
});
