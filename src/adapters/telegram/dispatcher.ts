// Runs update handling in the background: in order within a chat, chats in parallel, with a bound and a drain for stop().

export class Dispatcher {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  /** Updates accepted and not yet finished. */
  get size(): number {
    return this.running.size;
  }

  /** Queues `task` after earlier tasks of the same `key`. The task must not throw (it is caught anyway). */
  dispatch(key: string, task: () => Promise<void>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task).catch(() => {});
    this.tails.set(key, run);
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      if (this.tails.get(key) === run) this.tails.delete(key);
    });
  }

  /** Resolves once fewer than `max` tasks are in flight. */
  async waitForRoom(max: number): Promise<void> {
    while (this.running.size >= max) await Promise.race(this.running);
  }

  /** Resolves when every accepted task has finished (including ones queued meanwhile). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
