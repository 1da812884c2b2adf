/**
 * The console chat: the embedded default when no Slack app is configured. Each line is what a
 * negotiator would type in Slack; replies come back as terminal text. Works with piped input too,
 * so a list of commands can be replayed from a file.
 */
import { createInterface } from "node:readline";
import type { CommandContext } from "../commands/context.js";
import { dispatch } from "../commands/dispatch.js";
import type { CommandOutcome } from "../commands/reply.js";
import { outcomeJson, renderErrorText, renderReplyText } from "../commands/reply-text.js";
import {
  asksDateOrder,
  DATE_REPLY_PROMPT,
  NO_DATE_QUESTION,
  readDatesReply,
  unreadableDatesReply,
  withDateOrder,
} from "../commands/date-order-reply.js";
import { saveReplyFiles } from "./save-files.js";

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
}

export async function runConsole(io: ConsoleIo, ctx: CommandContext): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const write = (text: string) => io.output.write(text);
  const prompt = () => {
    if (io.interactive) write("dealdesk> ");
  };
  write(`${WELCOME}\n\n`);
  prompt();
  let last: CommandOutcome | undefined;
  /** The line whose file asked for the day/month order, until a command answers or replaces it. */
  let askingLine: string | undefined;
  const run = async (line: string) => {
    last = await dispatch(line, ctx);
    askingLine = asksDateOrder(last) ? line : undefined;
    if (last.ok) {
      write(
        renderReplyText(last.reply, {
          working: false,
          workingHint: 'Type "working" to see the arithmetic behind every figure.',
        }),
      );
      const saved = await saveReplyFiles(last.reply.files ?? [], io.outDir);
      if (saved.length > 0) write(`\n${saved.join("\n")}\n`);
    } else {
      write(renderErrorText(last));
      if (askingLine !== undefined) write(`${DATE_REPLY_PROMPT}\n`);
    }
  };
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "") {
      prompt();
      continue;
    }
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
