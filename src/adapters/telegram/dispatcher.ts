// Runs update handling in the background: in order within a chat, chats in parallel, with a bound and a drain for stop().

export class Dispatcher {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  /** Updates accepted and not yet finished. */
  get size(): number {
    return this.running.size;
  }

  /**
   * Queues `task` after earlier tasks of the same `key`; the promise settles when it has run (it never rejects:
   * the task must not throw, and is caught anyway).
   */
  dispatch(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task).catch(() => {});
    this.tails.set(key, run);
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      if (this.tails.get(key) === run) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves when every accepted task has finished (including ones queued meanwhile). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
