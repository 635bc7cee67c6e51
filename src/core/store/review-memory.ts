/**
 * The in-memory review log: for tests, and for a service whose session store is in memory (`DATABASE_PATH=:memory:`).
 * Same rules as the SQLite and Redis ones (review.ts): redacted on the way in, no ids, retention by the injected clock.
 */
import {
  DEFAULT_RETENTION_DAYS,
  type ReviewEntry,
  type ReviewStore,
  retentionCutoff,
  reviewEntry,
} from "../review.js";
import { type Clock, type ReviewReason, systemClock } from "../types.js";

export interface MemoryReviewLogOptions {
  /** Default: the system clock. */
  clock?: Clock;
  /** Entries older than this many days are dropped. Default: 30. */
  retentionDays?: number;
  /** Most entries kept; the oldest goes first. Default: 10,000. */
  maxEntries?: number;
}

export class MemoryReviewLog implements ReviewStore {
  /** Entries in the order recorded; those before `head` are gone (dropped in bulk, so a record never shifts all). */
  private entries: ReviewEntry[] = [];
  private head = 0;
  private readonly clock: Clock;
  private readonly retentionDays: number;
  private readonly maxEntries: number;

  constructor(options: MemoryReviewLogOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  async record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void> {
    await this.purge();
    this.entries.push(reviewEntry(entry));
    if (this.entries.length - this.head > this.maxEntries) this.drop(1);
  }

  async list(): Promise<ReviewEntry[]> {
    await this.purge();
    return this.entries.slice(this.head).map((entry) => ({ ...entry }));
  }

  async purge(): Promise<number> {
    const cutoff = retentionCutoff(this.clock.now(), this.retentionDays);
    // Entries are kept in the order they were recorded, so the expired ones are at the front: a purge with nothing
    // to drop looks at one entry, not at all of them.
    let expired = 0;
    const { entries, head } = this;
    while (head + expired < entries.length && (entries[head + expired]?.at ?? cutoff) < cutoff) expired++;
    if (expired > 0) this.drop(expired);
    return expired;
  }

  /** Forgets the oldest `count` entries; the array is compacted only once half of it is gone. */
  private drop(count: number): void {
    this.head += count;
    if (this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  async close(): Promise<void> {}
}
