/** Picks the session store from configuration: Redis when a URL is set, else SQLite (":memory:" for a throwaway). */
import type { Clock, SessionStore } from "../../core/types.js";
import { RedisStore } from "./redis.js";
import { SqliteStore } from "./sqlite.js";

export { MemoryStore, type MemoryStoreOptions } from "../../core/store/memory.js";
export { RedisStore, type RedisStoreOptions, redactRedisUrl } from "./redis.js";
export { SqliteStore, type SqliteStoreOptions } from "./sqlite.js";

export interface StoreConfig {
  /** The SQLite file; ":memory:" keeps state in this process only. Default: "./data/crampbot.db". */
  databasePath?: string;
  /** When set (and not empty), state goes to Redis and `databasePath` is ignored. */
  redisUrl?: string;
  /** For SQLite only: Redis expires entries by its own clock. Default: the system clock. */
  clock?: Clock;
}

/** Creates the store without connecting: SQLite opens on first use (or `open()`), Redis connects on first command. */
export function createStore(config: StoreConfig = {}): SessionStore {
  if (config.redisUrl) return new RedisStore({ url: config.redisUrl });
  return new SqliteStore({ path: config.databasePath, clock: config.clock });
}
