/** Session stores for tests: real implementations of the SessionStore interface, not mocks. */
import { MemoryStore } from "../../src/core/store/memory.js";
import type { Clock, SessionStore } from "../../src/core/types.js";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A memory store that yields to the event loop before every read and write, as a network store would: concurrent
 * read-modify-write cycles interleave, so an engine that did not serialise a conversation would lose updates.
 */
export class SlowStore implements SessionStore {
  readonly inner: MemoryStore;
  reads = 0;
  writes = 0;

  constructor(clock: Clock) {
    this.inner = new MemoryStore({ clock });
  }

  async get(key: string): Promise<unknown | undefined> {
    this.reads++;
    await tick();
    await tick();
    return this.inner.get(key);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.writes++;
    await tick();
    await this.inner.set(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.inner.delete(key);
  }

  async close(): Promise<void> {
    await this.inner.close();
  }
}

/** A store whose every call fails, as a store whose server went away. */
export class BrokenStore implements SessionStore {
  async get(): Promise<unknown | undefined> {
    throw new Error("store unavailable");
  }

  async set(): Promise<void> {
    throw new Error("store unavailable");
  }

  async delete(): Promise<void> {
    throw new Error("store unavailable");
  }

  async close(): Promise<void> {}
}
