/** A console session on a fake terminal, for the console tests: type into it, wait for output. */
import { PassThrough } from "node:stream";
import { type ConsoleIo, runConsole } from "../../../src/cli/console.js";
import type { CommandContext } from "../../../src/commands/context.js";

export function terminal(
  ctx: CommandContext,
  historyFile: string,
  outDir: string,
  more: Partial<ConsoleIo> = {},
) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true });
  let text = "";
  const waiters: { needle: string; from: number; resolve: () => void }[] = [];
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const w of [...waiters]) {
      if (text.indexOf(w.needle, w.from) >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const done = runConsole({ input, output, interactive: true, outDir, historyFile, ...more }, ctx);
  return {
    done,
    type: (keys: string) => input.write(keys),
    /** Resolves once `needle` is printed after everything printed so far. */
    next(needle: string): Promise<void> {
      const from = text.length;
      return new Promise((resolve) => waiters.push({ needle, from, resolve }));
    },
    text: () => text,
  };
}
