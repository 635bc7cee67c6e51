// Runs tasks one after another per conversation, so replies keep their order; conversations run in parallel.

export class Sequencer {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `task` after the earlier tasks of `key`; resolves or rejects with the task itself. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => {});
    this.#tails.set(key, tail);
    void tail.finally(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
