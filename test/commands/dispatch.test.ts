import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.js";
import { commands } from "../../src/commands/registry.js";
import { testContext } from "./context.js";

const ctx = testContext();

describe("dispatch", () => {
  it("lists every command with an example under help", async () => {
    const out = await dispatch("help", ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const rows = out.reply.tables[0]?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual([
      "cost",
      "compare",
      "tiers",
      "renewal",
      "impl",
      "split",
      "concurrency",
      "rightsize",
      "upload",
      "triage",
      "draft",
      "brief",
      "email",
      "reminders",
      "offer",
      "history",
      "ask",
    ]);
    for (const r of rows) expect(r[2]?.length).toBeGreaterThan(5);
  });

  it("gives one command's usage under help COMMAND, by alias too", async () => {
    const out = await dispatch("help renew", ctx);
    expect(out.ok && out.reply.headline.startsWith("renewal:")).toBe(true);
  });

  it("drops a /deal or dealdesk prefix", async () => {
    const a = await dispatch("/deal help", ctx);
    const b = await dispatch("dealdesk help", ctx);
    expect(a.ok && a.reply.command).toBe("help");
    expect(b.ok && b.reply.command).toBe("help");
  });

  it("suggests the closest command for a typo", async () => {
    const out = await dispatch("cots 150 named @ 70", ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues[0]).toEqual({
      code: "command.unknown",
      message: 'I don\'t know the command "cots" — did you mean cost?',
      hint: "try one of: cost, compare, tiers, renewal, impl, split, concurrency, rightsize, upload, triage, draft, brief, email, reminders, offer, history, ask, or help",
    });
  });

  it("says so for help on an unknown topic", async () => {
    const out = await dispatch("help pricing", ctx);
    expect(!out.ok && out.issues[0]?.code).toBe("command.unknown");
  });

  it("every registered command has a summary, usage, help text and examples", () => {
    for (const c of commands) {
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.usage.startsWith(c.name)).toBe(true);
      expect(c.help.length).toBeGreaterThan(0);
      expect(c.examples.length).toBeGreaterThan(0);
    }
  });

  // One test per example, so a loaded machine's slow file reads each get the full time limit
  // instead of sharing one across every example of every command.
  it.each(commands.flatMap((c) => c.examples.map((example) => [c.name, example] as const)))(
    "%s example runs: %s",
    async (_name, example) => {
      const out = await dispatch(example, ctx);
      expect(out.ok, `${example} should run`).toBe(true);
    },
  );
});

describe("dispatch command words", () => {
  it("accepts the console's slash form, /help", async () => {
    const out = await dispatch("/help cost", ctx);
    expect(out.ok && out.reply.headline.startsWith("cost:")).toBe(true);
  });
});

describe("dispatch of a message with no command word", () => {
  it("sends a pasted quote to ask, which reads it", async () => {
    const out = await dispatch(
      "Here is our quote: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift",
      ctx,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.command).toBe("ask");
    // 260 × 62 × 12 = 193,440; × 1.05 = 203,112; × 1.05 = 213,267.60; sum 609,819.60
    expect(out.reply.read?.lines).toContain("Term total over 3 years: £609,819.60");
  });

  it("sends a quote starting with its seats to ask", async () => {
    const out = await dispatch("260 agents at £62pm", ctx);
    // 260 × 62 × 12 = 193,440; 260 × 62 = 16,120 a month
    expect(out.ok && out.reply.read?.lines[0]).toBe("Per year: £193,440 (£16,120 a month)");
  });

  it("asks back, as ask would, when the pasted quote is doubtful", async () => {
    const out = await dispatch("260 agents at £1.2m", ctx);
    expect(!out.ok && out.issues[0]?.code).toBe("quote.implausible_price");
  });

  it("still calls an unknown word with no quote in it unknown", async () => {
    const out = await dispatch("hello there", ctx);
    expect(!out.ok && out.issues[0]?.code).toBe("command.unknown");
  });
});
