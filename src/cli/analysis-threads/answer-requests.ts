/**
 * The thread's side: each request is analysed with a context rebuilt in this thread (HiGHS loads
 * once per thread, on its first split), stages go back as progress messages, and the outcome (or
 * the fact that the analysis threw) as the last message for that request.
 */
import type { MessagePort } from "node:worker_threads";
import type { CommandContext, Progress, UploadedFile } from "../../commands/context.js";
import type { FileRequest } from "../../commands/file-analysis/request.js";
import type { CommandOutcome } from "../../commands/reply.js";
import { describeError } from "../../slack/log-failure.js";
import { highsOnce } from "../context.js";
import { type AnalysisRequest, type ThreadMessage, threadContext } from "./protocol.js";

export type ThreadAnalyse = (
  file: UploadedFile,
  ctx: CommandContext,
  progress: Progress,
  request?: FileRequest,
) => Promise<CommandOutcome>;

export function answerRequests(port: MessagePort, analyse: ThreadAnalyse): void {
  port.on("message", (request: AnalysisRequest) => {
    void answer(port, request, analyse);
  });
}

async function answer(
  port: MessagePort,
  request: AnalysisRequest,
  analyse: ThreadAnalyse,
): Promise<void> {
  const { id } = request;
  const send = (message: ThreadMessage) => port.postMessage(message);
  try {
    const outcome = await analyse(
      { name: request.name, bytes: request.bytes },
      threadContext(request, highsOnce),
      async (text) => send({ type: "progress", id, text }),
      request.dateFormat ? { read: { dateFormat: request.dateFormat } } : undefined,
    );
    // Throws (DataCloneError) if the outcome held something that cannot be cloned: a failure too.
    send({ type: "done", id, outcome });
  } catch (error) {
    send({ type: "failed", id, error: describeError(error) });
  }
}
