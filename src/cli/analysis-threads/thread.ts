/**
 * The analysis thread's entry: the pool (pool.ts) starts the built copy of this file,
 * dist/cli/analysis-threads/thread.js, in each of its worker threads.
 */
import { parentPort } from "node:worker_threads";
import { dispatch } from "../../commands/dispatch.js";
import { analyseUpload } from "../../commands/file-analysis/analyse.js";
import { answerRequests } from "./answer-requests.js";

if (!parentPort) throw new Error("thread.js runs only as a worker thread of the analysis pool");
// The console's file commands arrive as typed lines (pool.run) and go through the same dispatch.
answerRequests(parentPort, analyseUpload, dispatch);
