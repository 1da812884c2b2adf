/**
 * The terminal rendering at a given width: help (213 columns wide unfitted) and triage (173) fit
 * 80 columns, and every figure of the wide rendering is still in the narrow one, whole.
 */
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.js";
import type { CommandOutcome, Reply } from "../../src/commands/reply.js";
import { renderErrorText, renderReplyText } from "../../src/commands/reply-text.js";
import { EXAMPLE_PATH } from "../drafting/example-deal.js";
import { testContext } from "./context.js";
import { widest } from "./text-layout/layout-checks.js";

const ctx = testContext({ now: () => new Date("2026-03-01T12:00:00Z") });

async function reply(line: string): Promise<Reply> {
  const o: CommandOutcome = await dispatch(line, ctx);
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
}

/** Money, counts and percentages as written: £19,373.76, 212, 3%, 250+. */
function figures(text: string): string[] {
  return text.match(/[£$€]?\d[\d,]*(?:\.\d+)?%?\+?/g) ?? [];
}

describe.each(["help", `triage ${EXAMPLE_PATH}`])("%s in a terminal", (line) => {
  it("is wider than 80 columns unfitted, and within 80 fitted", async () => {
    const r = await reply(line);
    expect(widest(renderReplyText(r, { working: true }))).toBeGreaterThan(170);
    expect(widest(renderReplyText(r, { working: true, width: 80 }))).toBeLessThanOrEqual(80);
  });

  it.each([80, 60, 40])("keeps every figure whole at %i columns", async (width) => {
    const r = await reply(line);
    const wide = renderReplyText(r, { working: true });
    const narrow = renderReplyText(r, { working: true, width });
    expect(widest(narrow)).toBeLessThanOrEqual(width);
    const missing = [...new Set(figures(wide))].filter((f) => !figures(narrow).includes(f));
    expect(missing).toEqual([]);
    // And as often: a figure cut in two would count once less.
    expect(figures(narrow).sort()).toEqual(figures(wide).sort());
  });
});

describe("renderReplyText without a width", () => {
  it("draws tables and prose at their natural width, as before (what Slack shows)", async () => {
    const r = await reply("help");
    const text = renderReplyText(r, { working: false });
    expect(text.split("\n")[0]).toBe(r.headline);
  });
});

describe("renderErrorText with a width", () => {
  const outcome: Extract<CommandOutcome, { ok: false }> = {
    ok: false,
    command: "cost",
    issues: [
      {
        code: "cost.rate",
        message: "the price for 150 named must be more than zero",
        hint: "write it like 150 named @ 70",
      },
    ],
    usage: "cost 150 named @ 70",
  };

  it("keeps one line per problem without a width", () => {
    expect(renderErrorText(outcome)).toBe(
      "cost: the price for 150 named must be more than zero — write it like 150 named @ 70\n",
    );
  });

  it("wraps a long problem at the width, continuing indented", () => {
    expect(renderErrorText(outcome, { width: 60 })).toBe(
      [
        "cost: the price for 150 named must be more than zero — write",
        "  it like 150 named @ 70",
        "",
      ].join("\n"),
    );
  });
});
