/**
 * The console chat: the embedded default when no Slack app is configured. Each line is what a
 * negotiator would type in Slack; replies come back as terminal text. Works with piped input too,
 * so a list of commands can be replayed from a file.
 *
 * When a person is typing (io.interactive), the line is edited as in a shell (arrows, Ctrl-A/E…),
 * Tab completes (completer.ts), earlier lines come back with the arrow keys (history.ts), and
 * Ctrl-C cancels the running command (interrupts.ts). Piped input gets none of that: no prompt,
 * no echo, nothing written to the history.
 */
import { createInterface, type Interface } from "node:readline";
import type { CommandContext } from "../commands/context.js";
import {
  asksDateOrder,
  DATE_REPLY_PROMPT,
  NO_DATE_QUESTION,
  readDatesReply,
  unreadableDatesReply,
  withDateOrder,
} from "../commands/date-order-reply.js";
import type { CommandOutcome } from "../commands/reply.js";
import { outcomeJson, renderErrorText, renderReplyText } from "../commands/reply-text.js";
import { wrapProse } from "../commands/text-layout/wrap-text.js";
import { makeCompleter } from "./console/completer.js";
import { HISTORY_LIMIT, type History, openHistory } from "./console/history.js";
import { CANCELLED, Interrupts, LEAVE_HINT, untilCancelled } from "./console/interrupts.js";
import { consoleRunner, type RunLine } from "./console/runner.js";
import { listDisk, registryVocabulary } from "./console/vocabulary.js";
import { saveReplyFiles } from "./save-files.js";
import { type SizedStream, terminalWidth } from "./terminal-width.js";

export const WELCOME = `dealdesk: licensing numbers you can say out loud on the call.
Type a command, or help. Try:
  cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP
  tiers 95 1-99@50, 100+@45 USD
  renewal $2m years 3 cap 3%
  /upload examples/sessions.csv --named 70 --concurrent 140
  ask is concurrent cheaper for our HR team?
"working" shows the arithmetic behind the last answer, "json" its data, "quit" leaves.
Files that come with an answer are saved in ./out.`;

export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Whether a person is typing (show a prompt) or input is piped. */
  readonly interactive: boolean;
  /** Where files that come with replies are saved. */
  readonly outDir: string;
  /** Interactive only: the file typed lines are remembered in (data/console-history); absent, none. */
  readonly historyFile?: string;
  /** Runs the file analyses, off the main thread so Ctrl-C can stop one (runner.ts); else inline. */
  readonly fileAnalyses?: RunLine;
}

const PROMPT = "dealdesk> ";

/** A person at a terminal: line editing, Tab completion and the history file. */
function terminalReadline(io: ConsoleIo, history: History | undefined): Interface {
  return createInterface({
    input: io.input,
    output: io.output,
    terminal: true,
    prompt: PROMPT,
    history: [...(history?.newestFirst ?? [])],
    historySize: HISTORY_LIMIT,
    removeHistoryDuplicates: true,
    completer: makeCompleter(registryVocabulary(), listDisk),
  });
}

export async function runConsole(io: ConsoleIo, ctx: CommandContext): Promise<void> {
  const history =
    io.interactive && io.historyFile !== undefined ? openHistory(io.historyFile) : undefined;
  const rl = io.interactive
    ? terminalReadline(io, history)
    : createInterface({ input: io.input, terminal: false });
  const write = (text: string) => io.output.write(text);
  // Read at each reply: a terminal window resized mid-chat gets tables that fit its new width.
  const width = () => terminalWidth(io.output as SizedStream);
  // As on the command line, errors wrap only for a person: piped, each problem stays on one line.
  const errorWidth = () => ((io.output as SizedStream).isTTY === true ? { width: width() } : {});
  const prompt = () => {
    if (io.interactive) rl.prompt();
  };
  let historyProblemShown = false;
  const sayHistoryProblem = () => {
    const problem = history?.problem();
    if (problem === undefined || historyProblemShown) return;
    historyProblemShown = true;
    write(`${problem}\n`);
  };
  const interrupts = new Interrupts();
  const runLine = consoleRunner(io.fileAnalyses);
  // A terminal's Ctrl-C reaches readline as a key (raw mode), not as a signal to the process.
  if (io.interactive) {
    rl.on("SIGINT", () => {
      const press = interrupts.press(rl.line);
      if (press === "leave") {
        write("\n");
        rl.close();
      } else if (press === "hint" || press === "line-dropped") {
        // Ctrl-E then Ctrl-U: empty the line readline is holding, so the new prompt starts clean.
        rl.write(null, { ctrl: true, name: "e" });
        rl.write(null, { ctrl: true, name: "u" });
        write(press === "hint" ? `\n${LEAVE_HINT}\n` : "\n");
        prompt();
      }
      // "cancelled": the running command's loop below says so and shows the prompt.
    });
  }
  write(`${wrapProse(WELCOME, width())}\n\n`);
  sayHistoryProblem();
  prompt();
  let last: CommandOutcome | undefined;
  /** The line whose file asked for the day/month order, until a command answers or replaces it. */
  let askingLine: string | undefined;
  const run = async (line: string) => {
    const signal = interrupts.start();
    const answer = await untilCancelled(runLine(line, { ...ctx, signal }), signal).finally(() =>
      interrupts.finish(),
    );
    // Cancelled: the answer that may still arrive is dropped, so nothing is saved and `working`,
    // `json` and the date question still belong to the answer before.
    if (answer.cancelled) {
      write(`${CANCELLED}\n`);
      return;
    }
    last = answer.value;
    askingLine = asksDateOrder(last) ? line : undefined;
    if (last.ok) {
      write(
        renderReplyText(last.reply, {
          width: width(),
          working: false,
          workingHint: 'Type "working" to see the arithmetic behind every figure.',
        }),
      );
      const saved = await saveReplyFiles(last.reply.files ?? [], io.outDir);
      if (saved.length > 0) write(`\n${saved.join("\n")}\n`);
    } else {
      write(renderErrorText(last, errorWidth()));
      if (askingLine !== undefined) write(`${DATE_REPLY_PROMPT}\n`);
    }
  };
  for await (const raw of rl) {
    const line = raw.trim();
    interrupts.typed();
    if (line === "") {
      prompt();
      continue;
    }
    history?.add(line);
    sayHistoryProblem();
    const word = line.toLowerCase().replace(/^\//, "");
    if (word === "quit" || word === "exit" || word === "q") break;
    const dates = readDatesReply(line);
    if (word === "working" || word === "json") {
      write(showLast(last, word));
    } else if (dates.kind === "not-dates") {
      await run(line);
    } else if (askingLine === undefined) {
      write(NO_DATE_QUESTION);
    } else if (dates.kind === "unreadable") {
      // The question stays open: a slip in the reply should not cost the negotiator the upload.
      write(unreadableDatesReply(dates.text));
    } else {
      await run(withDateOrder(askingLine, dates.order));
    }
    write("\n");
    prompt();
  }
  rl.close();
}

function showLast(last: CommandOutcome | undefined, what: "working" | "json"): string {
  if (!last) return "Nothing to show yet: run a calculation first.\n";
  if (what === "json") return `${JSON.stringify(outcomeJson(last), null, 2)}\n`;
  if (!last.ok) return renderErrorText(last);
  if (last.reply.working.length === 0) return "That answer has no arithmetic to show.\n";
  return `${last.reply.working.join("\n")}\n`;
}
