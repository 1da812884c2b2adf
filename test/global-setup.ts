/**
 * Once per `vitest run`: builds dist/ when its sources changed (scripts/build-if-stale.mjs, a
 * few milliseconds when they did not), because the analysis threads and test/cli/main.test.ts run
 * the built JavaScript (a worker thread cannot load .ts under vitest on Node 20).
 *
 * Several runs may start at once on one working tree; a lock directory makes them build one at a
 * time, so none reads a file another's tsc is halfway through writing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, watch } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const lock = `${root}dist/.build-lock`;
/** A lock older than this was left by a run that was killed. */
const STALE_LOCK_MS = 5 * 60_000;

async function takeLock(): Promise<void> {
  mkdirSync(`${root}dist`, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await lockReleased();
    }
  }
}

/**
 * Resolves when the other run removes its lock: dist/ is watched for that change (checked again
 * each second too, in case the file system drops an event, and so a stale lock is noticed).
 */
function lockReleased(): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(`${root}dist`, () => check());
    const timer = setInterval(() => check(true), 1_000);
    function check(always = false) {
      if (existsSync(lock) && !always) return;
      clearInterval(timer);
      watcher.close();
      resolve();
    }
    check();
  });
}

export default async function setup(): Promise<void> {
  await takeLock();
  try {
    const build = spawnSync(process.execPath, [`${root}scripts/build-if-stale.mjs`], {
      cwd: root,
      stdio: "inherit",
    });
    if (build.status !== 0) {
      throw new Error("building dist/ failed (above); the tests that run the built app need it");
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
