/**
 * Picks the review log's backend the way createStore() picks the session store's (index.ts): Redis when a URL is
 * set, else SQLite in the same file; an in-memory one for `:memory:` (nothing outlives the process there anyway).
 */

import type { StoreError } from "../../core/errors.js";
import type { ReviewStore } from "../../core/review.js";
import { MemoryReviewLog } from "../../core/store/review-memory.js";
import type { Clock } from "../../core/types.js";
import { RedisReviewLog } from "./review-redis.js";
import { SqliteReviewLog } from "./review-sqlite.js";

export interface ReviewLogConfig {
  /** The session store's SQLite file. Default: "./data/crampbot.db". */
  databasePath?: string;
  /** When set, the review log goes to this Redis and `databasePath` is ignored. */
  redisUrl?: string;
  /** Days an entry is kept. Default: 30. */
  retentionDays?: number;
  /** Default: the system clock. */
  clock?: Clock;
  /** Told of review entries that could not be written later, after record() resolved (SQLite's batches). Default: none. */
  onError?: (error: StoreError) => void;
}

export function createReviewLog(config: ReviewLogConfig = {}): ReviewStore {
  const common = {
    ...(config.clock ? { clock: config.clock } : {}),
    ...(config.retentionDays !== undefined ? { retentionDays: config.retentionDays } : {}),
  };
  if (config.redisUrl) return new RedisReviewLog({ url: config.redisUrl, ...common });
  const path = config.databasePath ?? "./data/crampbot.db";
  if (path === ":memory:" || path === "") return new MemoryReviewLog(common);
  return new SqliteReviewLog({ path, ...common, ...(config.onError ? { onError: config.onError } : {}) });
}

export { MemoryReviewLog, RedisReviewLog, SqliteReviewLog };
