import { describe, expect, it } from "vitest";
import { parseTierList } from "../../../src/commands/grammar/tier-list.js";
import { toDecimalString } from "../../../src/core/ratio.js";

function shape(text: string) {
  const r = parseTierList(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.map((t) => [t.from, t.to, toDecimalString(t.rate.value), t.rate.period]);
}

const HALO = [
  [1, 99, "75", undefined],
  [100, 249, "70", undefined],
  [250, undefined, "62", undefined],
];

describe("parseTierList", () => {
  it.each([
    "1-99 @ 75, 100-249 @ 70, 250+ @ 62",
    "1-99@75,100-249@70,250+@62",
    "1–99 @ 75; 100–249 @ 70; 250+ @ 62",
    "1-99@75 100-249@70 250+@62",
    "1 to 99 at 75, 100 to 249 at 70, 250 and up at 62",
  ])("reads %j", (text) => {
    expect(shape(text)).toEqual(HALO);
  });

  it("tells a thousands comma from a separator: 75,100-249 is 75 then 100-249", () => {
    expect(shape("1-99@75,100-249@1,250/yr,250+@1,000/yr")).toEqual([
      [1, 99, "75", undefined],
      [100, 249, "1250", "year"],
      [250, undefined, "1000", "year"],
    ]);
  });

  it("reads thousands in the ranges and signs on the rates", () => {
    const r = parseTierList("1-999 @ £40, 1,000+ @ £35.50");
    expect(r.ok && r.value.map((t) => [t.to, t.rate.sign])).toEqual([
      [999, "£"],
      [undefined, "£"],
    ]);
    expect(shape("1-999 @ £40, 1,000+ @ £35.50")[1]).toEqual([1000, undefined, "35.5", undefined]);
  });

  it("reads nothing from an empty list (the book says it has no tiers)", () => {
    expect(parseTierList(" , ")).toEqual({ ok: true, value: [] });
  });

  it("rejects a tier without a range, suggesting both readings", () => {
    const r = parseTierList("1-99 @ 75, 100 @ 70");
    expect(!r.ok && r.issues[0]).toEqual({
      code: "tiers.not_a_band",
      message: 'the tier "100 @ 70" needs a range of seats',
      hint: "write 100-TO @ 70 for a band ending at TO, or 100+ @ 70 for everything from 100",
    });
  });

  it("rejects a worded rate, quoting the tier", () => {
    const r = parseTierList("1-99 @ 75, 100+ @ seventy");
    expect(!r.ok && r.issues[0]?.message).toBe('I couldn\'t read the tier "100+ @ seventy"');
  });
});
