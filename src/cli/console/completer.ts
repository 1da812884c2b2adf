/**
 * Tab completion for the console: the command word, then the options of the command being typed
 * (`--named`, `--roster`…), the topic after `help`, and paths for the commands that read a file.
 * Pure: the words come from a Vocabulary and the folder listing from a function handed in, so the
 * same inputs always complete the same way (node:readline calls `complete` on every Tab).
 */

/** One entry of a folder: its name and whether Tab should go on into it. */
export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Lists a folder; an unreadable or missing folder lists nothing. */
export type ListDir = (dir: string) => readonly DirEntry[];

export interface Vocabulary {
  /** Words that start a line: the commands and the console's own words (working, json, quit). */
  readonly firstWords: readonly string[];
  /** `help TOPIC`: the topics help knows. */
  readonly helpTopics: readonly string[];
  /** The `--options` of a command, by any of its names; undefined when the word is no command. */
  readonly optionsOf: (word: string) => readonly string[] | undefined;
  /** Whether a command's free words are paths (split, upload…): they complete from the disk. */
  readonly takesPath: (word: string) => boolean;
  /** Options whose value is a path (`--roster`). */
  readonly pathOptions: readonly string[];
}

/** node:readline's completer answer: the candidates, and the part of the line they replace. */
export type Completion = [candidates: string[], substring: string];

function startingWith(words: readonly string[], prefix: string): string[] {
  const p = prefix.toLowerCase();
  return [...new Set(words.filter((w) => w.toLowerCase().startsWith(p)))];
}

function completePath(token: string, listDir: ListDir): string[] {
  const slash = token.lastIndexOf("/");
  const dir = slash < 0 ? "" : token.slice(0, slash + 1);
  const base = token.slice(slash + 1);
  // Hidden entries only when asked for with a dot, as shells do.
  return listDir(dir === "" ? "." : dir)
    .filter((e) => e.name.startsWith(base) && (base.startsWith(".") || !e.name.startsWith(".")))
    .map((e) => `${dir}${e.name}${e.isDirectory ? "/" : ""}`)
    .sort();
}

/**
 * A word completed in full gets its space, as in a shell, so the next word can follow at once; a
 * folder does not (Tab goes on into it), nor does a choice among several.
 */
function spaced([candidates, substring]: Completion): Completion {
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return only !== undefined && !only.endsWith("/")
    ? [[`${only} `], substring]
    : [candidates, substring];
}

export function makeCompleter(vocabulary: Vocabulary, listDir: ListDir) {
  return (line: string): Completion => spaced(completeWord(vocabulary, listDir, line));
}

function completeWord(vocabulary: Vocabulary, listDir: ListDir, line: string): Completion {
  // Only the end of the line is completed: readline hands in the text up to the cursor.
  const words = line.split(/\s+/);
  const token = words[words.length - 1] ?? "";
  const before = words.slice(0, -1).filter((w) => w !== "");
  if (before.length === 0) {
    const slashed = token.startsWith("/");
    const bare = slashed ? token.slice(1) : token;
    const hits = startingWith(vocabulary.firstWords, bare).map((w) => (slashed ? `/${w}` : w));
    return [hits.sort(), token];
  }
  const command = (before[0] ?? "").toLowerCase().replace(/^(?:--?|\/)/, "");
  if (command === "help" || command === "h" || command === "?") {
    return [before.length === 1 ? startingWith(vocabulary.helpTopics, token).sort() : [], token];
  }
  const options = vocabulary.optionsOf(command);
  if (options === undefined) return [[], token];
  if (token.startsWith("-")) return [startingWith(options, token).sort(), token];
  const previous = (before[before.length - 1] ?? "").toLowerCase();
  if (vocabulary.pathOptions.includes(previous)) return [completePath(token, listDir), token];
  // After another option comes its value (`--named 70`), which is no path.
  if (vocabulary.takesPath(command) && !previous.startsWith("-")) {
    return [completePath(token, listDir), token];
  }
  return [[], token];
}
