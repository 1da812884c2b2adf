/**
 * The layer rules of the layout (README "Layout"), checked on the source rather than trusted: each top folder
 * of src/ imports only the folders its row allows, no file takes part in an import circle, and the
 * command layer does no I/O of its own (files, progress and the clock arrive in CommandContext).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** The folders (and top-level modules) each layer may import, besides its own. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  solver: ["core"],
  roster: ["core"],
  drafting: ["core"],
  charts: ["core"],
  store: ["core"],
  knowledge: ["core"],
  commands: ["core", "roster", "drafting", "knowledge", "charts"],
  assistant: ["commands", "knowledge", "core", "redact", "log", "config"],
  slack: ["commands", "core", "roster", "drafting", "store"],
  cli: ["commands", "slack", "store", "assistant", "solver", "core", "config"],
  config: ["core"],
  log: ["redact"],
  redact: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** `core` for src/core/…, `config` for src/config.ts. */
function layerOf(file: string): string {
  const [first = "", ...rest] = relative(SRC, file).split("/");
  return rest.length === 0 ? first.replace(/\.ts$/, "") : first;
}

/** Relative imports, static and dynamic, type-only included (a type import still couples). */
function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/g),
    ...text.matchAll(/import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g),
  ].map((m) => m[1] ?? "");
  return specifiers.map((s) => resolve(dirname(file), s).replace(/\.js$/, ".ts"));
}

const files = sourceFiles(SRC);
const texts = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
const graph = new Map(files.map((f) => [f, importsOf(f, texts.get(f) ?? "")]));
const rel = (f: string) => relative(SRC, f);

/** Strongly connected components of more than one file (Tarjan), each an import circle. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("the layout of src/", () => {
  it("reads every source file and finds the imports (the check itself works)", () => {
    expect(files.length).toBeGreaterThan(100);
    const registry = graph.get(join(SRC, "commands/registry.ts")) ?? [];
    expect(registry.map(rel)).toContain("commands/cost/command.ts");
  });

  it("has a rule for every top folder and module", () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  it("imports only downwards, as the table below says", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) {
          upward.push(`${rel(file)} -> ${rel(target)}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it("finds a circle when there is one (the check itself works)", () => {
    const made = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(circles(made)).toEqual([["a", "b", "c"]]);
  });

  it("has no import circles between files", () => {
    expect(circles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  it("keeps commands/ and core/ free of I/O: no node: modules, stderr or system clock", () => {
    const offending: string[] = [];
    for (const [file, text] of texts) {
      if (!["commands", "core"].includes(layerOf(file))) continue;
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const pattern of [
        /from\s+"node:[^"]+"/,
        /process\.std(?:err|out)/,
        /Date\.now\(\)/,
        /new Date\(\)/,
      ]) {
        const hit = pattern.exec(code);
        if (hit) offending.push(`${rel(file)}: ${hit[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
