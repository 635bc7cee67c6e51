/**
 * Role: the in-memory feedback store — the default {@link FeedbackStore}: vote counts for one process, lost on exit.
 * The service uses the SQLite or Redis one (src/node/store/feedback-*.ts), next to the session store.
 */
import type { FeedbackCount, FeedbackStore, FeedbackVote } from "../types.js";

export interface MemoryFeedbackStoreOptions {
  /** Most section-version-vote counts kept; past it new ones are not counted. Default: 10,000. */
  maxCounts?: number;
}

export class MemoryFeedbackStore implements FeedbackStore {
  private readonly counted = new Map<string, FeedbackCount>();
  private readonly maxCounts: number;

  constructor(options: MemoryFeedbackStoreOptions = {}) {
    this.maxCounts = options.maxCounts ?? 10_000;
  }

  async record(vote: { section: string; version: string; vote: FeedbackVote; at: number }): Promise<void> {
    const key = `${vote.section}\u0000${vote.version}\u0000${vote.vote}`;
    const entry = this.counted.get(key);
    if (entry) {
      entry.count += 1;
      return;
    }
    // Bounded: versions change with every edit of a section, and memory must not grow with them forever.
    if (this.counted.size >= this.maxCounts) return;
    this.counted.set(key, { section: vote.section, version: vote.version, vote: vote.vote, count: 1 });
  }

  async counts(): Promise<FeedbackCount[]> {
    return [...this.counted.values()].map((entry) => ({ ...entry }));
  }

  async close(): Promise<void> {}
}
