// An append-only log that tests can await: "resolve when an entry matching this arrives, or fail after N ms".

export const DEFAULT_WAIT_MS = 4000;

export interface WaitOptions {
  /** Give up after this many milliseconds (default 4,000). */
  timeoutMs?: number;
  /** Only consider entries at or after this index (see {@link Recorder.mark}). */
  from?: number;
}

interface Waiter<T> {
  predicate: (entry: T) => boolean;
  from: number;
  resolve: (entry: T) => void;
}

export class Recorder<T> {
  readonly entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #describe: (entry: T) => string;
  readonly #what: string;

  constructor(what: string, describe: (entry: T) => string) {
    this.#what = what;
    this.#describe = describe;
  }

  /** The index the next entry will get; pass it as `from` to ignore what is already recorded. */
  mark(): number {
    return this.entries.length;
  }

  add(entry: T): void {
    const index = this.entries.push(entry) - 1;
    for (const waiter of this.#waiters) {
      if (index >= waiter.from && waiter.predicate(entry)) {
        this.#waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  /** Entries matching the predicate, in order. */
  filter(predicate: (entry: T) => boolean): T[] {
    return this.entries.filter(predicate);
  }

  /** The first entry (at or after `from`) matching the predicate, waiting for it if needed. */
  waitFor(predicate: (entry: T) => boolean, label: string, options: WaitOptions = {}): Promise<T> {
    const from = options.from ?? 0;
    const existing = this.entries.slice(from).find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.entries.slice(from).map(this.#describe).join("\n  ") || "(none)";
        reject(
          new Error(
            `fake discord: no ${this.#what} matching ${label} within ${timeoutMs} ms; seen:\n  ${seen}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter<T> = {
        predicate,
        from,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Waits until `count` entries (at or after `from`) match, and returns them. */
  async waitForCount(
    predicate: (entry: T) => boolean,
    count: number,
    label: string,
    options: WaitOptions = {},
  ): Promise<T[]> {
    const from = options.from ?? 0;
    let matched = this.entries.slice(from).filter(predicate);
    if (matched.length >= count) return matched.slice(0, count);
    const nth = (entry: T) => predicate(entry) && this.entries.slice(from).filter(predicate).length >= count;
    await this.waitFor(nth, `${label} (x${count})`, options);
    matched = this.entries.slice(from).filter(predicate);
    return matched.slice(0, count);
  }
}
