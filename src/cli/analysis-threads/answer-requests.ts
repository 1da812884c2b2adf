/**
 * The thread's side: each request is analysed with a context rebuilt in this thread (HiGHS loads
 * once per thread, on its first split), stages go back as progress messages, and the outcome (or
 * the fact that the analysis threw) as the last message for that request. A command request (the
 * console's typed line) is run by `runLine`, with this machine's disk for the paths it names.
 */
import type { MessagePort } from "node:worker_threads";
import type { CommandContext, Progress, UploadedFile } from "../../commands/context.js";
import type { FileRequest } from "../../commands/file-analysis/request.js";
import type { CommandOutcome } from "../../commands/reply.js";
import { describeError } from "../../slack/log-failure.js";
import { highsOnce } from "../context.js";
import { diskFiles } from "../disk.js";
import { type ThreadMessage, type ThreadRequest, threadContext } from "./protocol.js";

export type ThreadAnalyse = (
  file: UploadedFile,
  ctx: CommandContext,
  progress: Progress,
  request?: FileRequest,
) => Promise<CommandOutcome>;

/** Runs a typed command line (the registry's dispatch, in the real thread). */
export type ThreadRunLine = (line: string, ctx: CommandContext) => Promise<CommandOutcome>;

export function answerRequests(
  port: MessagePort,
  analyse: ThreadAnalyse,
  runLine?: ThreadRunLine,
): void {
  port.on("message", (request: ThreadRequest) => {
    void answer(port, request, analyse, runLine);
  });
}

async function answer(
  port: MessagePort,
  request: ThreadRequest,
  analyse: ThreadAnalyse,
  runLine: ThreadRunLine | undefined,
): Promise<void> {
  const { id } = request;
  const send = (message: ThreadMessage) => port.postMessage(message);
  const progress: Progress = async (text) => send({ type: "progress", id, text });
  const ctx = threadContext(request, highsOnce);
  try {
    let outcome: CommandOutcome;
    if (request.kind === "file") {
      outcome = await analyse(
        { name: request.name, bytes: request.bytes },
        ctx,
        progress,
        request.dateFormat ? { read: { dateFormat: request.dateFormat } } : undefined,
      );
    } else if (runLine) {
      outcome = await runLine(request.line, { ...ctx, files: diskFiles, progress });
    } else {
      throw new Error("this analysis thread runs no command lines");
    }
    // Throws (DataCloneError) if the outcome held something that cannot be cloned: a failure too.
    send({ type: "done", id, outcome });
  } catch (error) {
    send({ type: "failed", id, error: describeError(error) });
  }
}
