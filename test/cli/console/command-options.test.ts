import { describe, expect, it } from "vitest";
import { commandOptions } from "../../../src/cli/console/command-options.js";
import { commands } from "../../../src/commands/registry.js";
import { testContext } from "../../commands/context.js";

describe("the options Tab offers for each command", () => {
  it("reads them from the command's help, each once and sorted", () => {
    const cost = commands.find((c) => c.name === "cost");
    expect(cost && commandOptions(cost)).toEqual(["--currency", "--years"]);
  });

  // The options come from help text, so each must be one the command's own parser accepts:
  // `COMMAND --option` answered "I don't know the option" would mean Tab offers a dead word.
  for (const command of commands) {
    for (const option of commandOptions(command)) {
      it(`${command.name} accepts ${option}`, async () => {
        const outcome = await command.run(`${option} 1`, testContext());
        const codes = outcome.ok ? [] : outcome.issues.map((i) => i.code);
        expect(codes).not.toContain("option.unknown");
      });
    }
  }
});
