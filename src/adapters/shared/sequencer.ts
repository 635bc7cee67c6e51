// Role: the one per-conversation sequencer every adapter uses — tasks of one key run in order, keys in parallel,
// with a count and a drain for stop().

export class Sequencer {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #running = new Set<Promise<void>>();

  /** Tasks accepted and not yet finished. */
  get size(): number {
    return this.#running.size;
  }

  /**
   * Runs `task` after the earlier tasks of `key`; the promise settles with the task itself (a failed task does not
   * hold up the ones after it).
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.#tails.set(key, tail);
    this.#running.add(tail);
    void tail.finally(() => {
      this.#running.delete(tail);
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Resolves when every accepted task has finished, including ones queued meanwhile. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}
