import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.js";

describe("parseCliArgs", () => {
  it("takes the global flags out wherever they stand", () => {
    expect(parseCliArgs(["cost", "--json", "150 named @ 70", "-w", "--currency", "GBP"])).toEqual({
      json: true,
      working: true,
      help: false,
      version: false,
      rest: ["cost", "150 named @ 70", "--currency", "GBP"],
    });
  });

  it("reads --help and --version", () => {
    const a = parseCliArgs(["tiers", "--help"]);
    expect(a.help).toBe(true);
    expect(a.rest).toEqual(["tiers"]);
    expect(parseCliArgs(["--version"]).version).toBe(true);
  });
});
