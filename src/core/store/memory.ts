/** The in-memory session store: the default, for one process. Entries expire after their TTL (injected clock). */
import { type Clock, type SessionStore, systemClock } from "../types.js";
import { serialise } from "./serialise.js";

export interface MemoryStoreOptions {
  /** Default: the system clock. */
  clock?: Clock;
  /** Most entries kept; the oldest written is dropped first. Default: 100,000. */
  maxEntries?: number;
}

export class MemoryStore implements SessionStore {
  private readonly entries = new Map<string, { json: string; expiresAt: number }>();
  private readonly clock: Clock;
  private readonly maxEntries: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  async get(key: string): Promise<unknown | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Stored as JSON so callers never share (and mutate) one object, as with a real store.
    return JSON.parse(entry.json) as unknown;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = serialise("Memory store", key, value);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { json, expiresAt: this.clock.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
