/** `help` and `help COMMAND`: what dealdesk can do, with an example of each command. */

import { didYouMean } from "../core/did-you-mean.js";
import type { Command } from "./command.js";
import { type CommandOutcome, column, rejected, replied } from "./reply.js";

export function helpOverview(commands: readonly Command[]): CommandOutcome {
  return replied({
    command: "help",
    headline:
      "dealdesk works out licensing costs with exact arithmetic: type a command, or `help COMMAND` for its details.",
    tables: [
      {
        columns: [column("command"), column("what it does"), column("example")],
        rows: commands.map((c) => [c.name, c.summary, c.examples[0] ?? c.usage]),
      },
    ],
    notes: [
      "Prices are per user per month unless written /yr; amounts accept £ $ € signs, k and m (294k).",
      "Options can be typed with or without dashes: `--years 3` or `years 3`.",
      "In Slack also: `/deal set vendor HaloITSM currency GBP named 70 concurrent 140` stores the channel's deal; `/deal forget` deletes the channel's stored data.",
    ],
    working: [],
    next: commands.map((c) => `help ${c.name}`),
    data: {
      commands: commands.map((c) => ({
        name: c.name,
        aliases: c.aliases,
        summary: c.summary,
        usage: c.usage,
        examples: c.examples,
      })),
    },
  });
}

export function helpFor(word: string, commands: readonly Command[]): CommandOutcome {
  const command = commands.find((c) => c.name === word || c.aliases.includes(word));
  if (!command) return unknownCommand(word, commands);
  return replied({
    command: "help",
    headline: `${command.name}: ${command.summary}`,
    tables: [
      {
        title: "Examples",
        columns: [column("type this")],
        rows: command.examples.map((e) => [e]),
      },
    ],
    notes: [`Usage: ${command.usage}`, ...command.help],
    working: [],
    next: command.examples.slice(0, 2),
    data: {
      name: command.name,
      aliases: command.aliases,
      summary: command.summary,
      usage: command.usage,
      examples: command.examples,
      help: command.help,
    },
  });
}

export function unknownCommand(word: string, commands: readonly Command[]): CommandOutcome {
  const names = commands.flatMap((c) => [c.name, ...c.aliases]);
  const guess = didYouMean(word, names, { maxEdits: 2 });
  return rejected(
    word,
    [
      {
        code: "command.unknown",
        message: `I don't know the command "${word}"${guess ? ` — did you mean ${guess}?` : ""}`,
        hint: `try one of: ${commands.map((c) => c.name).join(", ")}, or help`,
      },
    ],
    "help",
  );
}
