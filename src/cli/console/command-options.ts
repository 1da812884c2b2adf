/**
 * The options of each command, for Tab completion. They are read from the command's own help
 * (usage, help lines, examples), not from its grammar: the grammar's option lists live in the
 * command modules, which the registry loads only when a command runs, and completion must not load
 * every command (csv-parse, handlebars, the knowledge base) at the first Tab. A test checks that
 * every option read here is one the command's parser accepts.
 */
import type { CommandInfo } from "../../commands/command.js";

const DASHED = /(?<![\w-])--([a-z][a-z0-9-]*)/g;

/**
 * The shell's own flags (args.ts), which help mentions but the command does not parse: in the
 * console `json` and `working` are words of their own.
 */
const SHELL_FLAGS = new Set(["--json", "--working", "--help", "--version"]);

/** `--name` for every option the command's help mentions, sorted, each once. */
export function commandOptions(info: CommandInfo): readonly string[] {
  const text = [info.usage, ...info.help, ...info.examples].join("\n");
  const names = new Set<string>();
  for (const m of text.matchAll(DASHED)) {
    if (!SHELL_FLAGS.has(`--${m[1]}`)) names.add(`--${m[1]}`);
  }
  return [...names].sort();
}
