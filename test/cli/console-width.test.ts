/**
 * The console draws its replies to the terminal's width: a 60-column window gets `help` and a
 * triage table that fit it (both are far wider at their natural width), with every figure whole.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/cli/console.js";
import { testContext } from "../commands/context.js";

/** A chat whose output says it is a terminal of the given width. */
async function chatAt(columns: number | undefined, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY: true, columns });
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const done = runConsole({ input, output, interactive: false, outDir: "out" }, testContext());
  input.end(`${lines.join("\n")}\n`);
  await done;
  return text;
}

function widest(text: string): number {
  return Math.max(...text.split("\n").map((line) => [...line].length));
}

describe("console replies fit the terminal", () => {
  it("fits help and a triage into 60 columns", async () => {
    const text = await chatAt(60, ["help", "triage examples/deal.json"]);
    expect(widest(text)).toBeLessThanOrEqual(60);
    // The counter figure of the example deal (baseline less the asks shown) survives whole.
    expect(text).toContain("£156,240");
  });

  it("draws at 80 columns when the terminal does not say its width", async () => {
    const text = await chatAt(undefined, ["help"]);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(widest(text)).toBeGreaterThan(60);
  });
});
