/**
 * A thread for the pool's tests, built like the real one (dist/cli/analysis-threads/thread.js):
 * the real analysis, except for files named to misbehave. Plain JavaScript importing dist/,
 * because a worker thread cannot load .ts under vitest.
 */
import { parentPort, workerData } from "node:worker_threads";
import { answerRequests } from "../../../dist/cli/analysis-threads/answer-requests.js";
import { dispatch } from "../../../dist/commands/dispatch.js";
import { analyseUpload } from "../../../dist/commands/file-analysis/analyse.js";

/** [0]: set to 1 once a gated analysis holds the thread; [1]: the test sets it to 1 to let go. */
const gate = workerData?.gate ? new Int32Array(workerData.gate) : new Int32Array(2);

/** Blocks this thread's event loop, as a long CPU-bound analysis does, until the gate opens. */
function hold() {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  while (Atomics.load(gate, 1) === 0) Atomics.wait(gate, 1, 0, 20);
}

answerRequests(
  parentPort,
  async (file, ctx, progress) => {
    switch (file.name) {
      case "throws.csv":
        // The message quotes a row, as a parser's might: the pool must not log it.
        throw new Error("deliberate failure at row 2: ann@example.com");
      case "exits.csv":
        process.exit(3);
        break;
      case "uncaught.csv":
        setImmediate(() => {
          throw new Error("deliberate uncaught failure: ann@example.com");
        });
        return new Promise(() => {});
      case "gated.csv":
        hold();
        break;
    }
    return analyseUpload(file, ctx, progress);
  },
  async (line, ctx) => {
    // A typed line naming gated.csv holds the thread as its file would.
    if (line.includes("gated.csv")) hold();
    return dispatch(line, ctx);
  },
);
