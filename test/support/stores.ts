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

/** A store whose calls never settle, as a server that accepts the connection and then says nothing. */
export class HangingStore implements SessionStore {
  readonly pending: string[] = [];

  get(key: string): Promise<unknown | undefined> {
    this.pending.push(`get ${key}`);
    return new Promise(() => undefined);
  }

  set(key: string): Promise<void> {
    this.pending.push(`set ${key}`);
    return new Promise(() => undefined);
  }

  lock(key: string): Promise<() => Promise<void>> {
    this.pending.push(`lock ${key}`);
    return new Promise(() => undefined);
  }

  async delete(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * A memory store that reads but cannot write (a read-only database file), and whose lock fails: each failure
 * message names the key, as a driver's would, so a test can check that the key never reaches a log.
 */
export class ReadOnlyStore implements SessionStore {
  readonly inner: MemoryStore;

  constructor(clock: Clock) {
    this.inner = new MemoryStore({ clock });
  }

  get(key: string): Promise<unknown | undefined> {
    return this.inner.get(key);
  }

  async set(key: string): Promise<void> {
    throw new Error(`attempt to write a readonly database: "${key}"`);
  }

  async lock(key: string): Promise<() => Promise<void>> {
    throw new Error(`could not take "${key}"`);
  }

  async delete(): Promise<void> {}

  async close(): Promise<void> {}
}
