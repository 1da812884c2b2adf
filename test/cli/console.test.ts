import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/cli/console.js";
import { testContext } from "../commands/context.js";

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const done = runConsole({ input, output, interactive: false, outDir: "out" }, testContext());
  input.end(`${lines.join("\n")}\n`);
  await done;
  return text;
}

describe("console chat", () => {
  it("greets with examples and answers help", async () => {
    const text = await chat(["help"]);
    expect(text).toContain("Type a command, or help");
    expect(text).toContain("│ cost ");
  });

  it("answers errors in one line and keeps going", async () => {
    const text = await chat(["bogus", "help"]);
    expect(text).toContain('bogus: I don\'t know the command "bogus"');
    expect(text).toContain("│ tiers ");
  });

  it("says there is nothing to show before the first calculation", async () => {
    const text = await chat(["working"]);
    expect(text).toContain("Nothing to show yet: run a calculation first.");
  });

  it("stops at quit and ignores what follows", async () => {
    const text = await chat(["quit", "help"]);
    expect(text).not.toContain("│ cost ");
  });
});
