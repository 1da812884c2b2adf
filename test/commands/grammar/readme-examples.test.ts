/**
 * Every command line README.md shows (`$ dealdesk …`) still means what it meant: none of them is
 * taken for a misspelt or undashed option by the bare-word check (bare-slip.ts), whatever else
 * the example demonstrates (some show an error on purpose: a negative price, an unknown code).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../../src/commands/dispatch.js";
import { testContext } from "../context.js";

/** `$ dealdesk cost "150 named @ 70" --currency GBP   # comment` → the command text after `dealdesk`. */
function readmeCommands(): string[] {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  return (
    readme
      .split("\n")
      .filter((line) => line.startsWith("$ dealdesk "))
      .map((line) =>
        line
          .slice("$ dealdesk ".length)
          .replace(/\s+#.*$/, "")
          .trim(),
      )
      // Database and forget commands need a store; they take no free-text values anyway.
      .filter((line) => !/^(?:db|forget)\b/.test(line))
  );
}

describe("README command lines", () => {
  const lines = readmeCommands();

  it("finds the examples", () => {
    expect(lines.length).toBeGreaterThanOrEqual(15);
  });

  it.each(lines)("%s is not read as a slip of an option", async (line) => {
    const outcome = await dispatch(line, testContext());
    const codes = outcome.ok ? [] : outcome.issues.map((issue) => issue.code);
    expect(codes).not.toContain("option.bare_slip");
  });
});
