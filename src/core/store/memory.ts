/** The in-memory session store: the default, for one process. Entries expire after their TTL (injected clock). */
import { type Clock, type SessionStore, systemClock } from "../types.js";
import { copyOfPlain, NOT_PLAIN, plainCopy } from "./plain-copy.js";
import { serialise } from "./serialise.js";

export interface MemoryStoreOptions {
  /** Default: the system clock. */
  clock?: Clock;
  /** Most entries kept; the oldest written is dropped first. Default: 100,000. */
  maxEntries?: number;
}

interface Entry {
  /**
   * A copy of the value written, as its JSON form reads back: plain data that no caller holds. Kept as data, not as
   * JSON text: copying it is several times cheaper than writing and parsing JSON on every turn (ADR 33).
   */
  value: unknown;
  expiresAt: number;
  /** When it was last written (a count of writes): the oldest written is dropped first. */
  written: number;
}

export class MemoryStore implements SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;
  private readonly maxEntries: number;
  private writes = 0;
  /**
   * Whether the map is kept in write order. Until the store is first full nothing is dropped, so a write updates its
   * entry in place: deleting and re-inserting a key on every turn made V8 promote each turn's entry to the old
   * generation (peak memory, ADR 16). Once full, the map is put in write order and kept so (delete, re-insert).
   */
  private ordered = false;

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
    // A copy, so callers never share (and mutate) one object, as with a real store. What is kept is plain data.
    return copyOfPlain(entry.value);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const copy = kept(key, value);
    const expiresAt = this.clock.now() + ttlMs;
    const written = ++this.writes;
    const entry = this.entries.get(key);
    if (entry !== undefined && !this.ordered) {
      entry.value = copy;
      entry.expiresAt = expiresAt;
      entry.written = written;
      return;
    }
    if (entry !== undefined) this.entries.delete(key);
    else if (this.entries.size >= this.maxEntries) {
      this.putInWriteOrder();
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value: copy, expiresAt, written });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  /** Re-inserts the entries oldest written first, once: from then on every write keeps that order. */
  private putInWriteOrder(): void {
    if (this.ordered) return;
    const sorted = [...this.entries].sort((a, b) => a[1].written - b[1].written);
    this.entries.clear();
    for (const [key, entry] of sorted) this.entries.set(key, entry);
    this.ordered = true;
  }
}

/**
 * What the store keeps for `value`: what JSON would read back, copied directly when the value is plain data, else
 * through JSON (a StoreError naming the key's hash when it has no JSON form).
 */
function kept(key: string, value: unknown): unknown {
  const copy = plainCopy(value);
  return copy === NOT_PLAIN ? (JSON.parse(serialise("Memory store", key, value)) as unknown) : copy;
}
