import { describe, expect, it } from "vitest";
import {
  type ListDir,
  makeCompleter,
  type Vocabulary,
} from "../../../src/cli/console/completer.js";
import { registryVocabulary } from "../../../src/cli/console/vocabulary.js";

/** A small made-up vocabulary, so each rule is seen on its own. */
const vocabulary: Vocabulary = {
  firstWords: ["cost", "concurrency", "split", "help", "working", "json", "quit"],
  helpTopics: ["cost", "concurrency", "split"],
  optionsOf: (w) =>
    w === "cost"
      ? ["--currency", "--years"]
      : w === "split" || w === "optimise"
        ? ["--named", "--roster", "--no-vip-policy"]
        : undefined,
  takesPath: (w) => w === "split" || w === "optimise",
  pathOptions: ["--roster"],
};

/** A fake disk: the folders the tests list, and what each holds. */
const disk: Record<string, { name: string; isDirectory: boolean }[]> = {
  ".": [
    { name: "examples", isDirectory: true },
    { name: "exports.csv", isDirectory: false },
    { name: ".env", isDirectory: false },
  ],
  "examples/": [
    { name: "sessions.csv", isDirectory: false },
    { name: "roster.csv", isDirectory: false },
    { name: "roster.xlsx", isDirectory: false },
  ],
};
const listed: string[] = [];
const listDir: ListDir = (dir) => {
  listed.push(dir);
  return disk[dir] ?? [];
};
const complete = makeCompleter(vocabulary, listDir);

describe("console Tab completion", () => {
  it("completes the first word from the commands and the console's words", () => {
    expect(complete("co")).toEqual([["concurrency", "cost"], "co"]);
    expect(complete("wo")).toEqual([["working "], "wo"]);
    expect(complete("q")).toEqual([["quit "], "q"]);
    expect(complete("")).toEqual([
      ["concurrency", "cost", "help", "json", "quit", "split", "working"],
      "",
    ]);
    expect(complete("zz")).toEqual([[], "zz"]);
  });

  it("adds a space after a word completed in full, not after a folder", () => {
    expect(complete("cos")).toEqual([["cost "], "cos"]);
    expect(complete("split exa")).toEqual([["examples/"], "exa"]);
  });

  it("keeps a leading slash, as in /help and /upload", () => {
    expect(complete("/sp")).toEqual([["/split "], "/sp"]);
  });

  it("completes help topics after help, and nothing after the topic", () => {
    expect(complete("help c")).toEqual([["concurrency", "cost"], "c"]);
    expect(complete("/help sp")).toEqual([["split "], "sp"]);
    expect(complete("help cost y")).toEqual([[], "y"]);
  });

  it("completes the options of the command being typed, also by an alias", () => {
    expect(complete("cost 150 named @ 70 --y")).toEqual([["--years "], "--y"]);
    expect(complete("cost 150 named @ 70 --")).toEqual([["--currency", "--years"], "--"]);
    expect(complete("optimise s.csv --n")).toEqual([["--named", "--no-vip-policy"], "--n"]);
    expect(complete("bogus --y")).toEqual([[], "--y"]);
  });

  it("completes paths for a command that reads a file, and after a path option", () => {
    expect(complete("split ex")).toEqual([["examples/", "exports.csv"], "ex"]);
    expect(complete("split examples/ro")).toEqual([
      ["examples/roster.csv", "examples/roster.xlsx"],
      "examples/ro",
    ]);
    expect(complete("split examples/sessions.csv --roster examples/r")).toEqual([
      ["examples/roster.csv", "examples/roster.xlsx"],
      "examples/r",
    ]);
  });

  it("hides dot files unless the name starts with a dot", () => {
    expect(complete("split ")).toEqual([["examples/", "exports.csv"], ""]);
    expect(complete("split .e")).toEqual([[".env "], ".e"]);
  });

  it("offers no path for an option's value, or for a command that reads no file", () => {
    listed.length = 0;
    expect(complete("split s.csv --named ")).toEqual([[], ""]);
    expect(complete("cost ex")).toEqual([[], "ex"]);
    expect(listed).toEqual([]);
  });
});

describe("console Tab completion from the real registry", () => {
  const real = makeCompleter(registryVocabulary(), listDir);

  it("completes command names, the console's words and help topics", () => {
    expect(real("ren")).toEqual([["renewal "], "ren"]);
    expect(real("/up")).toEqual([["/upload "], "/up"]);
    expect(real("j")).toEqual([["json "], "j"]);
    expect(real("help ti")).toEqual([["tiers "], "ti"]);
  });

  it("completes options from each command's help, never the shell's own --json", () => {
    expect(real("renewal 2m --l")).toEqual([["--lesser-of", "--list"], "--l"]);
    expect(real("split examples/sessions.csv --force-named-")).toEqual([
      ["--force-named-groups "],
      "--force-named-",
    ]);
    expect(real("brief deal.json --")).toEqual([["--format", "--out", "--today"], "--"]);
  });

  it("completes the path after /upload and after --out", () => {
    expect(real("/upload examples/s")).toEqual([["examples/sessions.csv "], "examples/s"]);
    expect(real("brief deal.json --out ex")).toEqual([["examples/", "exports.csv"], "ex"]);
  });
});
