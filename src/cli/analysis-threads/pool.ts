/**
 * File analyses off the receiver's thread: a pool of worker threads, each analysing one file at
 * a time, so a 16 MB session log never delays an ack. The Slack app gets `analyse` as its
 * `analyseUpload`; it sends the file's bytes (a copy, transferred), the channel's deal and the
 * clock's "now", and gets back the stages as progress and the outcome.
 *
 * Threads start on the first analyses that need them and are kept for the next ones (HiGHS and
 * the chart fonts load once per thread). A thread that dies mid-analysis (a crash, out of memory)
 * fails that analysis with an error outcome and is replaced by a new one for the next. Idle
 * threads do not keep the process alive; `close()` ends them all. An analysis still running after
 * `timeLimitMs` has its thread stopped and fails with a "took too long" outcome: one pathological
 * file must not hold a thread (and, queued, be retried on every replica) for ever.
 *
 * The console runs its file commands here too (`run`, a whole typed line), so Ctrl-C can stop an
 * analysis that keeps its thread busy: a context's `signal`, aborted, takes a queued job off the
 * queue, or stops the thread of a running one, and the job settles with a "cancelled" outcome.
 */
import { Worker } from "node:worker_threads";
import type { CommandContext } from "../../commands/context.js";
import type { CommandOutcome } from "../../commands/reply.js";
import type { AnalyseUpload, Progress } from "../../slack/deps.js";
import { describeError } from "../../slack/log-failure.js";
import { analysisFailed, cancelled, shuttingDown, tookTooLong } from "./failed-outcomes.js";
import type { AnalysisRequest, CommandRequest, ThreadMessage, ThreadRequest } from "./protocol.js";

export interface AnalysisPoolOptions {
  /** Most threads at once (analysisThreadCount in thread-count.ts). */
  readonly threads: number;
  /** Longest one analysis may run (default 4 minutes, under the job queue's 5-minute expiry). */
  readonly timeLimitMs?: number;
  /** Thread failures, by thread and analysis id only. */
  readonly log?: (line: string) => void;
  /** Tests: a thread script of their own (speaking protocol.ts), and the data it starts with. */
  readonly script?: URL;
  readonly workerData?: unknown;
}

export interface AnalysisPool {
  readonly analyse: AnalyseUpload;
  /**
   * Runs a whole command line in a thread, reading typed paths from this machine's disk: for the
   * console only (Slack never reads the server's disk). Progress goes to `ctx.progress`.
   */
  run(line: string, ctx: CommandContext): Promise<CommandOutcome>;
  /** Ends every thread; analyses still running or queued get a "restarting" outcome. */
  close(): Promise<void>;
}

interface Task {
  readonly request: ThreadRequest;
  /** What outcomes about the job call it: the file's name, or the command typed. */
  readonly label: string;
  readonly signal: AbortSignal | undefined;
  readonly progress: Progress;
  /** Stages are shown one at a time and in order, so a late stage never overwrites the result. */
  chain: Promise<void>;
  progressFailed: { readonly error: unknown } | undefined;
  /** Listens on `signal`; removed when the task settles. */
  readonly onAbort: () => void;
  readonly resolve: (outcome: CommandOutcome) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Kept from the start: a stopped Worker's own threadId reads -1. */
  readonly threadId: number;
  task: Task | undefined;
  error: unknown;
  /** The running analysis's time limit; set when it fires, so the exit says why. */
  timer: ReturnType<typeof setTimeout> | undefined;
  timedOut: boolean;
  /** Set when the running job's signal was aborted and its thread stopped for that. */
  cancelled: boolean;
}

export const DEFAULT_TIME_LIMIT_MS = 4 * 60 * 1000;

/** The built thread script; from the sources (vitest runs pool.ts) that is dist/'s copy. */
export function builtThreadScript(): URL {
  const here = import.meta.url;
  const built = here.endsWith(".ts") ? here.replace(/\/src\/(?!.*\/src\/)/, "/dist/") : here;
  return new URL("./thread.js", built);
}

export function openAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const log = options.log ?? (() => undefined);
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const script = options.script ?? builtThreadScript();
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;

  /** Waits for the stages already sent, then settles: a failed stage fails the analysis, as inline. */
  const finish = (task: Task, outcome: CommandOutcome) => {
    task.signal?.removeEventListener("abort", task.onAbort);
    void task.chain.then(() => {
      if (task.progressFailed) task.reject(task.progressFailed.error);
      else task.resolve(outcome);
    });
  };

  const onMessage = (slot: Slot, message: ThreadMessage) => {
    const task = slot.task;
    if (!task || message.id !== task.request.id) return;
    if (message.type === "progress") {
      task.chain = task.chain.then(async () => {
        if (task.progressFailed) return;
        await task.progress(message.text).catch((error: unknown) => {
          task.progressFailed = { error };
        });
      });
      return;
    }
    slot.task = undefined;
    clearTimeout(slot.timer);
    slot.worker.unref();
    if (message.type === "failed") {
      log(`dealdesk: analysis ${message.id} failed in thread ${slot.threadId}: ${message.error}`);
    }
    finish(task, message.type === "done" ? message.outcome : analysisFailed(task.label));
    dispatch();
  };

  const onExit = (slot: Slot, code: number) => {
    slots.splice(slots.indexOf(slot), 1);
    const task = slot.task;
    slot.task = undefined;
    clearTimeout(slot.timer);
    if (task && slot.cancelled) {
      finish(task, cancelled(task.label));
    } else if (task && slot.timedOut) {
      log(
        `dealdesk: analysis ${task.request.id} ran past ${timeLimitMs} ms; thread ${slot.threadId} was stopped`,
      );
      finish(task, tookTooLong(task.label, timeLimitMs));
    } else if (task) {
      const why = slot.error === undefined ? "" : `, ${describeError(slot.error)}`;
      if (!closed) {
        log(
          `dealdesk: analysis thread ${slot.threadId} stopped (exit code ${code}${why}) during analysis ${task.request.id}; the next analysis gets a new thread`,
        );
      }
      finish(task, closed ? shuttingDown(task.label) : analysisFailed(task.label));
    }
    dispatch();
  };

  const spawn = (): Slot => {
    const worker = new Worker(script, { workerData: options.workerData });
    const slot: Slot = {
      worker,
      threadId: worker.threadId,
      task: undefined,
      error: undefined,
      timer: undefined,
      timedOut: false,
      cancelled: false,
    };
    // Referenced only while it analyses: an idle pool never keeps the process alive.
    worker.unref();
    worker.on("message", (m: ThreadMessage) => onMessage(slot, m));
    worker.on("error", (error) => {
      slot.error = error;
    });
    worker.on("messageerror", (error) => {
      // A message that could not be read back: the analysis has no outcome to give.
      slot.error = error;
      void worker.terminate();
    });
    worker.on("exit", (code) => onExit(slot, code));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (!closed && queue.length > 0) {
      const slot =
        slots.find((s) => s.task === undefined) ??
        (slots.length < options.threads ? spawn() : undefined);
      const task = slot ? queue.shift() : undefined;
      if (!slot || !task) return;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        slot.timedOut = true;
        void slot.worker.terminate();
      }, timeLimitMs);
      slot.timer.unref();
      try {
        const transfer =
          task.request.kind === "file" ? [task.request.bytes.buffer as ArrayBuffer] : [];
        slot.worker.postMessage(task.request, transfer);
      } catch (error) {
        slot.task = undefined;
        clearTimeout(slot.timer);
        slot.worker.unref();
        log(`dealdesk: analysis ${task.request.id} could not be sent: ${describeError(error)}`);
        finish(task, analysisFailed(task.label));
      }
    }
  };

  /** Ctrl-C: a queued job leaves the queue; a running one has its thread stopped (onExit settles). */
  const abort = (task: Task) => {
    const queued = queue.indexOf(task);
    if (queued >= 0) {
      queue.splice(queued, 1);
      finish(task, cancelled(task.label));
      return;
    }
    const slot = slots.find((s) => s.task === task);
    if (!slot) return;
    slot.cancelled = true;
    void slot.worker.terminate();
  };

  const enqueue = (
    request: ThreadRequest,
    label: string,
    progress: Progress,
    signal: AbortSignal | undefined,
  ): Promise<CommandOutcome> => {
    if (closed) return Promise.resolve(shuttingDown(label));
    if (signal?.aborted) return Promise.resolve(cancelled(label));
    return new Promise<CommandOutcome>((resolve, reject) => {
      const task: Task = {
        request,
        label,
        signal,
        progress,
        chain: Promise.resolve(),
        progressFailed: undefined,
        onAbort: () => abort(task),
        resolve,
        reject,
      };
      signal?.addEventListener("abort", task.onAbort, { once: true });
      queue.push(task);
      dispatch();
    });
  };

  const analyse: AnalyseUpload = (file, ctx, progress, fileRequest) => {
    // Only the day/month order crosses to the thread: the Slack app gives no other reading option.
    const dateFormat = fileRequest?.read?.dateFormat;
    const request: AnalysisRequest = {
      kind: "file",
      id: ++nextId,
      name: file.name,
      // A copy: the caller still saves these bytes and re-runs them; the copy is transferred.
      bytes: file.bytes.slice(),
      defaultCurrency: ctx.defaultCurrency,
      ...(ctx.deal ? { deal: ctx.deal } : {}),
      nowMs: ctx.now().getTime(),
      ...(dateFormat ? { dateFormat } : {}),
    };
    return enqueue(request, file.name, progress, ctx.signal);
  };

  const run = (line: string, ctx: CommandContext): Promise<CommandOutcome> => {
    const request: CommandRequest = {
      kind: "command",
      id: ++nextId,
      line,
      defaultCurrency: ctx.defaultCurrency,
      ...(ctx.deal ? { deal: ctx.deal } : {}),
      nowMs: ctx.now().getTime(),
      ...(ctx.maxFileBytes !== undefined ? { maxFileBytes: ctx.maxFileBytes } : {}),
    };
    const command = line.trim().split(/\s+/)[0] ?? "";
    return enqueue(request, `"${command}"`, ctx.progress ?? (async () => undefined), ctx.signal);
  };

  return {
    analyse,
    run,
    async close() {
      closed = true;
      for (const task of queue.splice(0)) finish(task, shuttingDown(task.label));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
