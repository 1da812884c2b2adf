import { describe, expect, it } from "vitest";
import { askCommand, cleanQuestion } from "../../../src/commands/ask/command.js";
import type { Reply } from "../../../src/commands/reply.js";
import { NO_ANSWER } from "../../../src/knowledge/answer.js";
import { testContext } from "../context.js";

const ctx = testContext();

async function reply(text: string): Promise<Reply> {
  const out = await askCommand.run(text, ctx);
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join("; "));
  return out.reply;
}

describe("ask", () => {
  it("is named ask, with aliases q and question", () => {
    expect([askCommand.name, ...askCommand.aliases]).toEqual(["ask", "q", "question"]);
  });

  it("answers a licensing question: first sentence as headline, the rest and the sources as notes", async () => {
    const r = await reply('"Is concurrent cheaper for our HR team?"');
    const data = r.data as { answer: string; sources: { id: string; title: string }[] };
    expect(r.command).toBe("ask");
    expect(data.answer.startsWith(r.headline)).toBe(true);
    expect(r.headline).toMatch(/concurrent pool .* costs far less than a named seat each\.$/);
    expect(r.notes.at(-1)).toBe(`Sources: ${data.sources.map((s) => s.title).join(" · ")}`);
    expect(data.sources[0]).toEqual({
      id: "expanding-beyond-it",
      title: "Expanding beyond IT into HR, finance and facilities",
    });
    expect(r.data.noAnswer).toBe(false);
    expect("routedTo" in r.data).toBe(false);
    expect(r.next).toContain("cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100");
  });

  it("says in one line that an off-topic question has no answer, and offers help, not a worked example", async () => {
    const r = await reply("what's the weather in Leeds");
    expect(r.headline).toBe(NO_ANSWER);
    expect(r.notes).toEqual([]);
    expect(r.data).toEqual({ answer: NO_ANSWER, sources: [], noAnswer: true });
    expect(r.next).toEqual(["help"]);
  });

  it("runs a question with a calculation's numbers through the cost calculator", async () => {
    const r = await reply(
      "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?",
    );
    // 500 × £100 × 12 = £600,000; 150 × £70 × 12 + 100 × £140 × 12 = £126,000 + £168,000 = £294,000;
    // £600,000 − £294,000 = £306,000 (GBP is the context's default currency).
    expect(r.headline).toContain("£306,000");
    expect(r.data.routedTo).toBe("cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100");
    expect(r.data.answer).toBe(r.headline);
    expect(r.data.sources).toEqual([]);
    expect(r.data.noAnswer).toBe(false);
    expect(r.notes.at(-1)).toBe(
      "Worked out with: cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    );
  });

  it("rejects an empty question with an example", async () => {
    const out = await askCommand.run('  ""  ', ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toEqual([
      {
        code: "ask.empty",
        message: "ask needs a question",
        hint: 'ask "what is a sensible renewal cap?"',
      },
    ]);
  });
});

describe("cleanQuestion", () => {
  it.each([
    ['"is a 3% cap sane?"', "is a 3% cap sane?"],
    ["\u201cis a 3% cap sane?\u201d", "is a 3% cap sane?"],
    ["'what's a true-up'", "what's a true-up"],
    ["  what's a true-up  ", "what's a true-up"],
  ])("%j → %j", (text, expected) => {
    expect(cleanQuestion(text)).toBe(expected);
  });
});
