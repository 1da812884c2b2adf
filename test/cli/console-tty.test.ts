/**
 * The console as a person at a terminal uses it: a fake TTY (a PassThrough that says isTTY) typed
 * into key by key. Every wait is on the console's own output, never on a clock.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/cli/console.js";
import type { ModelAnswer } from "../../src/commands/ask/model-answer.js";
import type { FileRead, QuestionAnswerer } from "../../src/commands/context.js";
import { testContext } from "../commands/context.js";
import { terminal } from "./console/fake-terminal.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "dealdesk-console-tty-"));
}

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
// 150 × 70 + 100 × 140 = 10,500 + 14,000 = 24,500 a month → × 12 = £294,000 a year;
// 500 × 100 × 12 = £600,000 a year.
const COST_HEADLINE = "£294,000";

describe("console on a terminal: history", () => {
  it("remembers lines in the history file and brings them back with the up arrow next time", async () => {
    const dir = tempDir();
    const historyFile = join(dir, "data", "console-history");
    const first = terminal(testContext(), historyFile, join(dir, "out"));
    let answered = first.next(COST_HEADLINE);
    first.type(`${COST}\r`);
    await answered;
    answered = first.next("Type a command");
    first.type("help cost\r");
    await first.next("--years");
    first.type("quit\r");
    await first.done;
    expect(readFileSync(historyFile, "utf8")).toBe(`${COST}\nhelp cost\nquit\n`);
    expect(statSync(historyFile).mode & 0o777).toBe(0o600);

    // A new session: up three times is the cost line of the session before; Enter runs it.
    const second = terminal(testContext(), historyFile, join(dir, "out"));
    const again = second.next(COST_HEADLINE);
    second.type("\x1b[A\x1b[A\x1b[A\r");
    await again;
    second.type("quit\r");
    await second.done;
    expect(readFileSync(historyFile, "utf8")).toBe(`${COST}\nhelp cost\nquit\n${COST}\nquit\n`);
  });

  it("keeps no history when no file is named, and never for piped input", async () => {
    const dir = tempDir();
    const historyFile = join(dir, "console-history");
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsole(
      { input, output, interactive: false, outDir: join(dir, "out"), historyFile },
      testContext(),
    );
    input.end("help\n");
    await done;
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("console on a terminal: Tab", () => {
  it("completes a command word and its options as they are typed", async () => {
    const dir = tempDir();
    const t = terminal(testContext(), join(dir, "h"), join(dir, "out"));
    // "ren" + Tab → "renewal " (one candidate); "--ye" + Tab → "--years ".
    // Readline echoes only what Tab adds: "ewal " after "ren", "ars " after "--ye".
    const renewal = t.next("ewal ");
    t.type("ren\t");
    await renewal;
    const years = t.next("ars ");
    t.type("294000 GBP --ye\t");
    await years;
    // £294,000 capped at 3% a year: year 2 = 294,000 × 1.03 = £302,820.
    const answered = t.next("£302,820");
    t.type("3 --cap 3%\r");
    await answered;
    t.type("quit\r");
    await t.done;
    expect(readFileSync(join(dir, "h"), "utf8")).toBe(
      "renewal 294000 GBP --years 3 --cap 3%\nquit\n",
    );
  });

  it("lists the candidates on a second Tab when there are several", async () => {
    const dir = tempDir();
    const t = terminal(testContext(), join(dir, "h"), join(dir, "out"));
    // "c" + Tab → "co", what concurrency and cost share; a second Tab lists them both. Each key
    // is its own write, as a person types: readline takes a chunk of several keys for a paste.
    const prefix = t.next("co");
    t.type("c\t");
    await prefix;
    const listed = t.next("concurrency\r\ncost\r\n");
    t.type("\t");
    await listed;
    t.type("\x15");
    t.type("quit\r");
    await t.done;
  });
});

/** A file source whose read waits until the test releases it, with the bytes of `path`. */
function heldFiles() {
  let started: () => void = () => undefined;
  const readStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  let release: (path: string) => void = () => undefined;
  const released = new Promise<string>((resolve) => {
    release = resolve;
  });
  return {
    readStarted,
    release,
    files: {
      async read(): Promise<FileRead> {
        started();
        const path = await released;
        const bytes = new Uint8Array(await readFile(path));
        return { ok: true, file: { name: "sessions.csv", bytes, ref: path } };
      },
    },
  };
}

describe("console on a terminal: Ctrl-C", () => {
  it("cancels a slow analysis, saves nothing from it, and the chat goes on", async () => {
    const dir = tempDir();
    const outDir = join(dir, "out");
    const held = heldFiles();
    const t = terminal(testContext({ files: held.files }), join(dir, "h"), outDir);
    let step = t.next(COST_HEADLINE);
    t.type(`${COST}\r`);
    await step;
    t.type("concurrency examples/sessions.csv\r");
    await held.readStarted;
    step = t.next("Cancelled.");
    t.type("\x03");
    await step;
    // The analysis now finishes with a real file; its answer must be dropped, not shown or saved.
    held.release("examples/sessions.csv");
    // `working` still shows the cost's arithmetic: 500 × 100 × 12 = 600,000.
    step = t.next("600,000");
    t.type("working\r");
    await step;
    step = t.next(COST_HEADLINE);
    t.type(`${COST}\r`);
    await step;
    t.type("quit\r");
    await t.done;
    expect(t.text()).not.toContain("Peak:");
    expect(readdirSync(dir)).not.toContain("out");
  });

  it("aborts the signal the running command was given", async () => {
    const dir = tempDir();
    let asked: (signal: AbortSignal | undefined) => void = () => undefined;
    const signalSeen = new Promise<AbortSignal | undefined>((resolve) => {
      asked = resolve;
    });
    const answerer: QuestionAnswerer = {
      model: "held",
      answer(_question, ctx): Promise<ModelAnswer> {
        asked(ctx.signal);
        return new Promise(() => undefined);
      },
    };
    const t = terminal(testContext({ answerer }), join(dir, "h"), join(dir, "out"));
    t.type("ask is concurrent cheaper for our HR team?\r");
    const signal = await signalSeen;
    expect(signal?.aborted).toBe(false);
    const cancelled = t.next("Cancelled.");
    t.type("\x03");
    await cancelled;
    expect(signal?.aborted).toBe(true);
    t.type("quit\r");
    await t.done;
  });

  it("at an empty prompt, says how to leave, and leaves on the second press", async () => {
    const dir = tempDir();
    const t = terminal(testContext(), join(dir, "h"), join(dir, "out"));
    const hint = t.next("(To leave, press Ctrl-C again or type quit.)");
    t.type("\x03");
    await hint;
    t.type("\x03");
    await t.done;
  });

  it("drops a half-typed line, and a line in between starts the count again", async () => {
    const dir = tempDir();
    const t = terminal(testContext(), join(dir, "h"), join(dir, "out"));
    let step = t.next("(To leave");
    t.type("\x03");
    await step;
    step = t.next("│ cost ");
    t.type("help\r");
    await step;
    // After a line, one press is a first press again: the hint, not leaving.
    step = t.next("(To leave");
    t.type("\x03");
    await step;
    // Text typed then Ctrl-C: the text is dropped (no hint, no leaving), so "quit" runs alone.
    t.type("cost 150");
    t.type("\x03");
    t.type("quit\r");
    await t.done;
    expect(readFileSync(join(dir, "h"), "utf8")).toBe("help\nquit\n");
  });
});
