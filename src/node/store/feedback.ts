/**
 * Picks the feedback store for a session store: the same backend — the SQLite file's own table, the same Redis —
 * else (a memory or custom session store) memory.
 */
import { MemoryFeedbackStore } from "../../core/store/feedback-memory.js";
import type { FeedbackStore, SessionStore } from "../../core/types.js";
import { RedisFeedbackStore } from "./feedback-redis.js";
import { SqliteFeedbackStore } from "./feedback-sqlite.js";
import { RedisStore } from "./redis.js";
import { SqliteStore } from "./sqlite.js";

export { MemoryFeedbackStore } from "../../core/store/feedback-memory.js";
export { RedisFeedbackStore, type RedisFeedbackStoreOptions } from "./feedback-redis.js";
export { SqliteFeedbackStore, type SqliteFeedbackStoreOptions } from "./feedback-sqlite.js";

/** Votes go where `session` keeps conversations; `redisUrl` is the URL the Redis session store was made from. */
export function createFeedbackStore(session: SessionStore, redisUrl?: string): FeedbackStore {
  if (session instanceof SqliteStore) return new SqliteFeedbackStore({ path: session.path });
  if (session instanceof RedisStore && redisUrl) return new RedisFeedbackStore({ url: redisUrl });
  return new MemoryFeedbackStore();
}
