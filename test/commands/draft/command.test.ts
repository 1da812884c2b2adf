import { describe, expect, it } from "vitest";
import { draftCommand, extractSets } from "../../../src/commands/draft/command.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { testContext } from "../context.js";

const ctx = testContext();
const run = (text: string) => draftCommand.run(text, ctx);

function reply(o: CommandOutcome) {
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
}
function issues(o: CommandOutcome) {
  return o.ok ? [] : o.issues.map((i) => ({ code: i.code, message: i.message }));
}

describe("draft list", () => {
  it("lists every template with its positions", () => {
    const r = reply(run("list"));
    expect(r.headline).toBe(
      "32 clause templates, each with a preferred position, fallbacks and a walk-away.",
    );
    const templates = r.data.templates as { id: string; positions: string[] }[];
    expect(templates.find((t) => t.id === "renewal-cap")?.positions).toEqual([
      "preferred",
      "fallback",
      "fallback-2",
      "walk-away",
    ]);
    expect(r.tables[0]?.rows).toHaveLength(32);
  });

  it("treats a bare draft as list", () => {
    expect(reply(run("")).data.templates).toHaveLength(32);
  });
});

describe("draft ID", () => {
  it("renders the issue's example with the values set and defaults for the rest", () => {
    const r = reply(
      run("renewal-cap --position fallback --set cap=3% --set years=3 --currency GBP"),
    );
    expect(r.headline).toBe(
      "Renewal uplift cap locked for the term, fallback 1 of 2: A flat cap is simple to budget and still keeps every year's rise small and known.",
    );
    expect(r.data.text).toContain(
      "2. Once in each Contract Year after the first, the Supplier may raise the Fees by no more than 3%.",
    );
    // The clause is the reply's body, a paragraph at a time, ready to paste.
    expect(r.body?.split("\n\n")[1]).toBe(
      "2. Once in each Contract Year after the first, the Supplier may raise the Fees by no more than 3%.",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["cap", "3%", "--set"],
      ["ceiling", "5%", "default"],
      ["years", "3", "--set"],
      ["noticeDays", "90", "default"],
      ["index", "the UK Consumer Prices Index (CPI)", "default"],
    ]);
    expect(r.data.variables).toMatchObject({
      cap: { value: "3%", defaulted: false },
      ceiling: { value: "5%", defaulted: true },
    });
  });

  it("reads bare name=value, --set=name=value and a quoted value with spaces", () => {
    const r = reply(
      run('transition-assistance position fallback dayRate=950 --set="fallbackMonths=4" USD'),
    );
    expect(r.data.text).toContain("For up to 4 months after the Agreement ends");
    expect(r.data.text).toContain("at $950 a day");
    const q = reply(run('security-attestations --set frameworks="ISO/IEC 27001 certification"'));
    expect(q.data.text).toContain(
      "The Supplier maintains ISO/IEC 27001 certification covering the service",
    );
  });

  it("says the currency was assumed only when a money variable is used", () => {
    expect(reply(run("fixed-price-implementation")).notes).toContain(
      "No currency given, so GBP was assumed.",
    );
    expect(reply(run("breach-notification")).notes.some((n) => n.includes("assumed"))).toBe(false);
  });

  it("renders every position of a template", () => {
    for (const p of ["preferred", "fallback", "walk-away"]) {
      expect(reply(run(`audit-rights --position ${p}`)).data.position).toBe(p);
    }
  });
});

describe("draft errors", () => {
  it.each([
    ["renewal-capp", "draft.unknown_template", 'there is no clause template called "renewal-capp"'],
    [
      "renewal-cap --position middle",
      "draft.unknown_position",
      'renewal-cap has no position "middle"',
    ],
    [
      "renewal-cap --set cap=lots",
      "draft.variable_invalid",
      'cap (the yearly uplift cap we ask for) must be a percentage from 0% to 100%, like 3%, not "lots"',
    ],
    [
      "renewal-cap --set colour=red",
      "draft.variable_unknown",
      "renewal-cap has no variable colour",
    ],
    ["renewal-cap --set cap", "draft.set_malformed", "--set cap is not name=value"],
    ["renewal-cap cap=3% cap=4%", "draft.set_repeated", "cap is set twice"],
    ["renewal-cap --set", "option.missing_value", "--set needs a name=value"],
    ["renewal-cap extra words", "draft.unexpected_word", 'I don\'t understand "extra words"'],
    [
      "list renewal-cap",
      "draft.unexpected_word",
      'draft list takes nothing else, but got "renewal-cap"',
    ],
    ["renewal-cap --colour red", "option.unknown", "I don't know the option --colour"],
    [
      "fixed-price-implementation GBP USD",
      "currency.conflict",
      "the text names more than one currency (GBP, USD)",
    ],
  ])("%s", (text, code, message) => {
    expect(issues(run(text))).toEqual([{ code, message }]);
  });

  it("shows the usage example with every error", () => {
    const o = run("nope");
    expect(!o.ok && o.usage).toBe(
      "draft renewal-cap --position fallback --set cap=3% --set years=3 --currency GBP",
    );
  });
});

describe("extractSets", () => {
  it("keeps other words in order", () => {
    const r = extractSets(["renewal-cap", "--set", "cap=3%", "--position", "fallback", "years=2"]);
    expect(r.ok && r.value).toEqual({
      rest: ["renewal-cap", "--position", "fallback"],
      set: { cap: "3%", years: "2" },
    });
  });
});
