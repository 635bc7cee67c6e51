/**
 * The Redis review log: one sorted set (`<prefix>review`) in the session store's Redis, scored by the time of each
 * entry. A member is the entry as JSON — redacted text, reason, time and a random nonce (so two equal questions stay
 * two entries) — and never any id (review.ts). Retention is enforced here with the injected clock: every record and
 * every read first removes members scored before the cutoff; the key itself also expires `retentionDays` after the
 * last record, so an instance that stops recording leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { StoreError } from "../../core/errors.js";
import {
  DAY_MS,
  DEFAULT_RETENTION_DAYS,
  parseReviewEntry,
  type ReviewEntry,
  type ReviewStore,
  retentionCutoff,
  reviewEntry,
} from "../../core/review.js";
import { type Clock, type ReviewReason, systemClock } from "../../core/types.js";
import { openRedis } from "./redis-client.js";

export interface RedisReviewLogOptions {
  /** "redis://..." or "rediss://..."; required unless `client` is given. */
  url?: string;
  /** An existing client (tests); it is never closed by this log. Default: its own, quit by close(). */
  client?: Redis;
  /** Put before the key, as the session store does. Default: "crampbot:". */
  keyPrefix?: string;
  /** Default: the system clock. */
  clock?: Clock;
  /** Entries older than this many days are removed. Default: 30. */
  retentionDays?: number;
  /** Most entries kept; the oldest go first. Default: 10,000. */
  maxEntries?: number;
}

export class RedisReviewLog implements ReviewStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly key: string;
  private readonly target: string;
  private readonly clock: Clock;
  private readonly retentionDays: number;
  private readonly maxEntries: number;

  constructor(options: RedisReviewLogOptions) {
    this.key = `${options.keyPrefix ?? "crampbot:"}review`;
    this.clock = options.clock ?? systemClock;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.maxEntries = options.maxEntries ?? 10_000;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
      this.target = "a shared client";
      return;
    }
    // Fail fast, as the session store does; an append replayed after a reconnect would do no harm, so the
    // offline queue stays on (a command waits for the connection, bounded by commandTimeout).
    ({ client: this.client, target: this.target } = openRedis("Redis review log", options.url ?? "", {
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 1_000,
    }));
    this.ownsClient = true;
  }

  async record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void> {
    const row = reviewEntry(entry);
    const member = JSON.stringify({ ...row, n: randomBytes(6).toString("hex") });
    await this.command("record", () =>
      this.client
        .multi()
        .zremrangebyscore(this.key, "-inf", `(${this.cutoff()}`)
        .zadd(this.key, row.at, member)
        .zremrangebyrank(this.key, 0, -(this.maxEntries + 1))
        .pexpire(this.key, Math.ceil(this.retentionDays * DAY_MS))
        .exec(),
    );
  }

  async list(): Promise<ReviewEntry[]> {
    const cutoff = this.cutoff();
    await this.purge();
    const members = await this.command("list", () => this.client.zrangebyscore(this.key, cutoff, "+inf"));
    const entries: ReviewEntry[] = [];
    for (const member of members) {
      try {
        const entry = parseReviewEntry(JSON.parse(member));
        if (entry) entries.push(entry);
      } catch {
        // Not one of ours: skipped.
      }
    }
    return entries;
  }

  async purge(): Promise<number> {
    return this.command("purge", () => this.client.zremrangebyscore(this.key, "-inf", `(${this.cutoff()}`));
  }

  async close(): Promise<void> {
    if (!this.ownsClient) return;
    // Never connected: nothing to send. Otherwise QUIT waits for the appends still under way.
    if (this.client.status === "wait" || this.client.status === "end") {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private cutoff(): number {
    return retentionCutoff(this.clock.now(), this.retentionDays);
  }

  private async command<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // Only the error's name: a reply error may echo the command's arguments, the entry's text among them.
      const name = error instanceof Error ? error.name : "error";
      throw new StoreError("set", `Redis review log (${this.target}): ${what} failed (${name})`);
    }
  }
}
