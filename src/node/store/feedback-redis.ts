/**
 * The Redis feedback store: "Helpful?" vote counts in the session store's Redis, shared by every instance. One hash,
 * `<prefix>feedback`, one field per section, answer version and vote ("<section>|<version>|<vote>"), counted with
 * HINCRBY, so concurrent votes on several instances are never lost. Counts never expire.
 *
 * Like the session store it fails fast rather than waiting for Redis: a command is sent only on a ready connection
 * (the first use waits at most `connectTimeoutMs`), never queued while Redis is down, and bounded by
 * `commandTimeoutMs`. The URL's password never appears in an error.
 */
import type { Redis } from "ioredis";
import { StoreError, type StoreOperation } from "../../core/errors.js";
import type { FeedbackCount, FeedbackStore, FeedbackVote } from "../../core/types.js";
import { openRedis, quitRedis } from "./redis-client.js";

export interface RedisFeedbackStoreOptions {
  /** "redis://[user:password@]host[:port][/db]" or "rediss://...". Required unless `client` is given. */
  url?: string;
  /** Put before the key, as the session store's. Default: "crampbot:". */
  keyPrefix?: string;
  /** An existing ioredis client to use; never closed by this store. Default: its own, quit by close(). */
  client?: Redis;
  /** Longest wait for the reply to one command, in milliseconds (own client only). Default: 1,000. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection before a command fails, in milliseconds. Default: 1,000. */
  connectTimeoutMs?: number;
}

const VOTES: ReadonlySet<string> = new Set<FeedbackVote>(["yes", "no"]);

export class RedisFeedbackStore implements FeedbackStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly key: string;
  private readonly target: string;
  private readonly connectTimeoutMs: number;
  private closing: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;

  constructor(options: RedisFeedbackStoreOptions) {
    this.key = `${options.keyPrefix ?? "crampbot:"}feedback`;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
      this.target = "a shared client";
      return;
    }
    ({ client: this.client, target: this.target } = openRedis("Redis feedback store", options.url ?? "", {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 1_000,
      connectTimeout: this.connectTimeoutMs,
    }));
    this.ownsClient = true;
  }

  async record(vote: { section: string; version: string; vote: FeedbackVote; at: number }): Promise<void> {
    await this.command("set", () => this.client.hincrby(this.key, field(vote), 1));
  }

  async counts(): Promise<FeedbackCount[]> {
    const all = await this.command("get", () => this.client.hgetall(this.key));
    const counts: FeedbackCount[] = [];
    for (const [name, value] of Object.entries(all)) {
      const [section, version, vote] = name.split("|");
      if (section === undefined || version === undefined || vote === undefined || !VOTES.has(vote)) continue;
      counts.push({ section, version, vote: vote as FeedbackVote, count: Number(value) });
    }
    return counts;
  }

  async close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private async quit(): Promise<void> {
    if (this.ownsClient) await quitRedis(this.client);
  }

  private async command<T>(operation: StoreOperation, run: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined)
      throw new StoreError(operation, `Redis feedback store (${this.target}): the store is closed`);
    try {
      await this.connected();
      return await run();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new StoreError(operation, `Redis feedback store (${this.target}): ${detail}`);
    }
  }

  /**
   * Resolves once the connection is ready, waiting at most `connectTimeoutMs` for a first connection. Callers that
   * arrive while it is under way share one wait (one pair of listeners, however many votes come at once).
   */
  private connected(): Promise<void> {
    const client = this.client;
    if (client.status === "ready") return Promise.resolve();
    if (client.status === "wait") client.connect().catch(() => {});
    if (client.status !== "connecting" && client.status !== "connect")
      return Promise.reject(new Error(`not connected (${client.status}); the command was not sent`));
    this.waiting ??= new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error("no connection in time")), this.connectTimeoutMs);
      const done = (error?: Error) => {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("close", onClose);
        this.waiting = undefined;
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onClose = () => done(new Error("the connection closed"));
      client.once("ready", onReady);
      client.once("close", onClose);
    });
    return this.waiting;
  }
}

function field(vote: { section: string; version: string; vote: FeedbackVote }): string {
  return `${vote.section}|${vote.version}|${vote.vote}`;
}
