/**
 * The jobs a queue is running on this instance, so that shutdown can wait for them and give back
 * the ones that outlast the grace period (their signals are aborted: the handler stops at its
 * next step, and the job runs again elsewhere).
 */

export interface RunningJob {
  readonly id: string;
  readonly name: string;
}

export class RunningJobs {
  private readonly jobs = new Map<string, { name: string; controller: AbortController }>();
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.jobs.size;
  }

  /** Records a run starting; its handler gets the returned signal. */
  start(id: string, name: string): AbortSignal {
    const controller = new AbortController();
    this.jobs.set(id, { name, controller });
    return controller.signal;
  }

  finish(id: string): void {
    this.jobs.delete(id);
    if (this.jobs.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Waits until nothing runs or `ms` pass, then aborts the runs left and returns them (the caller
   * gives them back to the queue).
   */
  async drain(ms: number): Promise<RunningJob[]> {
    if (this.jobs.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms);
        }),
      ]);
      clearTimeout(timer);
    }
    const left = [...this.jobs].map(([id, job]) => ({
      id,
      name: job.name,
      controller: job.controller,
    }));
    for (const job of left) job.controller.abort();
    return left.map(({ id, name }) => ({ id, name }));
  }
}

/** A promise that rejects once `signal` aborts: raced against a handler that was given back. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new Error("given back at shutdown"));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}
