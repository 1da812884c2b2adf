#!/usr/bin/env node
// Builds dist/ only when its sources changed, so `npm start` and `npm run dealdesk` reach the
// prompt without a 20–40 s compile every time.
//
// The inputs are every file under src/, the tsconfig files, package.json and package-lock.json.
// Their paths, sizes and modification times are hashed into dist/.build-stamp after a successful
// build; a build runs when that hash differs (an edit, a new, renamed or deleted file, another
// TypeScript version) or dist/cli/main.js is missing. Checking takes a few milliseconds.
//
// The build is `tsc -p tsconfig.build.json --noCheck`: the same JavaScript as the full build, byte
// for byte (every file is compiled on its own: isolatedModules and verbatimModuleSyntax are on),
// without the type check that takes two thirds of the time. Types are checked by `npm test` and
// `npm run typecheck`, and `npm run build` still runs the full tsc. `--check` here type-checks
// too; `--force` builds even when nothing changed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stampFile = join(root, "dist", ".build-stamp");
const check = process.argv.includes("--check");
const force = process.argv.includes("--force");
const tscArgs = ["-p", "tsconfig.build.json", ...(check ? [] : ["--noCheck"])];

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

function fingerprint() {
  const inputs = [
    ...filesUnder(join(root, "src")),
    ...["tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]
      .map((name) => join(root, name))
      .filter((path) => existsSync(path)),
  ].sort();
  const hash = createHash("sha256");
  for (const path of inputs) {
    const s = statSync(path);
    hash.update(`${relative(root, path)}\t${s.size}\t${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function stamp() {
  try {
    return readFileSync(stampFile, "utf8").trim();
  } catch {
    return undefined;
  }
}

// Taken before the build: a source saved while tsc runs makes the next start build again.
const current = fingerprint();
if (!force && existsSync(join(root, "dist", "cli", "main.js")) && stamp() === current) {
  process.exit(0);
}

process.stderr.write(`dealdesk: building dist/ (tsc ${tscArgs.join(" ")}) …\n`);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, ...tscArgs], { cwd: root, stdio: "inherit" });
if (result.status !== 0) {
  process.stderr.write("dealdesk: the build failed (above); dist/ is not marked up to date\n");
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${current}\n`);
