/** Picks the session store from configuration: Redis when a URL is set, else SQLite (":memory:" for a throwaway). */
import type { Clock, Logger, SessionStore } from "../../core/types.js";
import { RedisStore } from "./redis.js";
import { SqliteStore } from "./sqlite.js";

export { keyHash } from "../../core/store/key-hash.js";
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
  /** For SQLite only: where it reports a file it repaired (deleted while open, converted). Default: silent. */
  logger?: Logger;
}

/** Creates the store without connecting: SQLite opens on first use (or `open()`), Redis connects on first command. */
export function createStore(config: StoreConfig = {}): SessionStore {
  if (config.redisUrl) return new RedisStore({ url: config.redisUrl });
  return new SqliteStore({
    path: config.databasePath,
    ...(config.clock ? { clock: config.clock } : {}),
    ...(config.logger ? { logger: config.logger } : {}),
  });
}

/**
 * Readiness of any store: SQLite and Redis prove they take a write (and SQLite that its file is still there);
 * another store, that it answers a read. Rejects with the store's error.
 */
export async function checkStore(store: SessionStore): Promise<void> {
  if (store instanceof SqliteStore || store instanceof RedisStore) {
    await store.check();
    return;
  }
  await store.get("health:readyz");
}
