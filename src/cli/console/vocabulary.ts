/**
 * What the console completes, taken from the command registry (metadata only: no command module
 * loads for a Tab) and the console's own words; and the disk listing for paths.
 */
import { readdirSync } from "node:fs";
import { commands, findCommand } from "../../commands/registry.js";
import { commandOptions } from "./command-options.js";
import type { DirEntry, Vocabulary } from "./completer.js";

/** The console's own words, besides the commands: see console.ts. */
export const CONSOLE_WORDS = ["help", "working", "json", "quit"] as const;

/** Options whose value is a path, so Tab completes a file after them. */
const PATH_OPTIONS = ["--roster", "--out"];

export function registryVocabulary(): Vocabulary {
  const names = commands.map((c) => c.name);
  return {
    firstWords: [...names, ...CONSOLE_WORDS],
    helpTopics: names,
    optionsOf: (word) => {
      const command = findCommand(word);
      return command ? commandOptions(command) : undefined;
    },
    // A command that reads a file says so in its usage: `split PATH …`, `brief PATH.json …`.
    takesPath: (word) => /\bPATH\b/.test(findCommand(word)?.usage ?? ""),
    pathOptions: PATH_OPTIONS,
  };
}

/** The folder's entries; one that can't be listed completes nothing (Tab is no place for errors). */
export function listDisk(dir: string): readonly DirEntry[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({
      name: e.name,
      isDirectory: e.isDirectory(),
    }));
  } catch {
    return [];
  }
}
