/**
 * The Redis session store: state shared by several processes or machines. Redis expires entries itself (SET PX),
 * so the injected clock plays no part here. The URL may carry a password, and keys carry conversation ids: neither
 * ever appears in a message or log (a key is named by its short hash).
 *
 * It fails fast rather than waiting for Redis: a command is sent only on a ready connection (the first use waits at
 * most `connectTimeoutMs` for the connection), never parked in ioredis's offline queue while Redis is down (a
 * queued SET would be replayed, stale, after a reconnect), and each command is bounded by `commandTimeoutMs`. So a
 * caller (the engine) learns within a second that the store is away and can answer without it; ioredis keeps
 * reconnecting in the background.
 */
import { createHash, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { StoreError, type StoreOperation } from "../../core/errors.js";
import { keyLabel } from "../../core/store/key-hash.js";
import { serialise } from "../../core/store/serialise.js";
import type { SessionStore } from "../../core/types.js";
import { openRedis, quitRedis } from "./redis-client.js";

export { redactRedisUrl } from "./redis-client.js";

export interface RedisStoreOptions {
  /**
   * "redis://[user:password@]host[:port][/db]" or "rediss://..." for TLS. Required unless `client` is given
   * (then it is ignored).
   */
  url?: string;
  /** Put before every key, so several apps can share one database. Default: "crampbot:". */
  keyPrefix?: string;
  /**
   * An existing ioredis client to use (for tests, or to share one connection). The store never closes a client
   * it was given; by default it creates its own, which connects on first use and is quit by close().
   */
  client?: Redis;
  /**
   * Longest wait for a lock another process holds, in milliseconds. Default: the lock's own TTL (by then a lock
   * whose holder died has expired).
   */
  lockWaitMs?: number;
  /** Longest wait for the reply to one command, in milliseconds (own client only). Default: 1,000. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection before a command fails, in milliseconds. Default: 1,000. */
  connectTimeoutMs?: number;
}

/** Key of the readiness write (check()); it expires by itself. */
const CHECK_KEY = "health:check";
const CHECK_TTL_MS = 60_000;

/** First and largest pause between two attempts to take a busy lock (each pause is jittered). */
const LOCK_RETRY_FIRST_MS = 5;
const LOCK_RETRY_MAX_MS = 100;

/** Deletes the lock only if it still holds our token: never another process's lock taken after ours expired. */
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** The script's SHA-1: released with EVALSHA (40 bytes on the wire), the script itself sent only when Redis lacks it. */
const RELEASE_LOCK_SHA = createHash("sha1").update(RELEASE_LOCK).digest("hex");

/**
 * What makes a lock's token unique: 16 random bytes drawn once per process, then a counter. The token only has to
 * differ from every other holder's (the release deletes the lock only if it still holds ours); drawing 16 random
 * bytes for each lock cost more than the rest of lock() on the client's side.
 */
const PROCESS_TOKEN = randomBytes(16).toString("hex");
let lockCount = 0;

export class RedisStore implements SessionStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly keyPrefix: string;
  /** The URL with its credentials hidden, for messages; "a shared client" when one was passed in. */
  private readonly target: string;
  /** The URL's password, scrubbed from error text (ioredis errors never carry the URL, but be sure). */
  private readonly secret: string;
  private readonly lockWaitMs: number | undefined;
  private readonly connectTimeoutMs: number;
  private closing: Promise<void> | undefined;
  /** The one wait for a connection attempt under way, shared by every command that arrives meanwhile. */
  private connecting: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    this.keyPrefix = options.keyPrefix ?? "crampbot:";
    this.lockWaitMs = options.lockWaitMs;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
      this.target = "a shared client";
      this.secret = "";
      return;
    }
    const url = options.url ?? "";
    this.secret = passwordOf(url);
    ({ client: this.client, target: this.target } = openRedis("Redis store", url, {
      // Never park a command while disconnected (it would be replayed, stale, after a reconnect): fail it.
      enableOfflineQueue: false,
      // A command in flight when the connection drops fails at once, and is not resent later.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 1_000,
      connectTimeout: this.connectTimeoutMs,
      // Commands issued in the same tick (many conversations' GET, SET and lock calls at once) leave in one write
      // and their replies come back in one read: far fewer system calls under load. Each command keeps its own
      // timeout and still fails at once while disconnected (the pipeline goes through the same sendCommand).
      enableAutoPipelining: true,
    }));
    this.ownsClient = true;
  }

  async get(key: string): Promise<unknown | undefined> {
    this.assertOpen("get");
    let json: string | null;
    try {
      if (this.client.status !== "ready") await this.connected();
      json = await this.client.get(this.keyPrefix + key);
    } catch (err) {
      throw this.error("get", `GET ${keyLabel(key)} failed`, err);
    }
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      throw this.error("get", `the value of ${keyLabel(key)} is not valid JSON`, err);
    }
  }

  /** A TTL of 0 or less deletes the entry (it would be expired at once); a non-finite one never expires. */
  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.assertOpen("set");
    const json = serialise("Redis store", key, value);
    if (Number.isNaN(ttlMs)) throw new StoreError("set", `Redis store: ttlMs for ${keyLabel(key)} is NaN`);
    try {
      if (this.client.status !== "ready") await this.connected();
      if (ttlMs <= 0) await this.client.del(this.keyPrefix + key);
      else if (Number.isFinite(ttlMs))
        await this.client.set(this.keyPrefix + key, json, "PX", Math.ceil(ttlMs));
      else await this.client.set(this.keyPrefix + key, json);
    } catch (err) {
      throw this.error("set", `SET ${keyLabel(key)} failed`, err);
    }
  }

  async delete(key: string): Promise<void> {
    this.assertOpen("delete");
    try {
      if (this.client.status !== "ready") await this.connected();
      await this.client.del(this.keyPrefix + key);
    } catch (err) {
      throw this.error("delete", `DEL ${keyLabel(key)} failed`, err);
    }
  }

  /**
   * A lock across processes: SET key token NX PX ttl with a token no other holder has (see PROCESS_TOKEN), retried
   * with a short jittered backoff for at most `lockWaitMs` (default: `ttlMs`), then E_STORE. The returned function
   * releases it with a compare-and-delete script, so it never deletes a lock that expired and was taken by another
   * process. Each attempt fails fast like any command (Redis away: at once, not after the wait).
   */
  async lock(key: string, ttlMs: number): Promise<() => Promise<void>> {
    this.assertOpen("lock");
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) {
      throw new StoreError(
        "lock",
        `Redis store: the lock TTL for ${keyLabel(key)} must be a positive number`,
      );
    }
    const fullKey = this.keyPrefix + key;
    lockCount += 1;
    const token = `${PROCESS_TOKEN}:${lockCount}`;
    const started = Date.now();
    const deadline = started + (this.lockWaitMs ?? ttlMs);
    let pause = LOCK_RETRY_FIRST_MS;
    for (;;) {
      let taken: "OK" | null;
      try {
        if (this.client.status !== "ready") await this.connected();
        taken = await this.client.set(fullKey, token, "PX", Math.ceil(ttlMs), "NX");
      } catch (err) {
        throw this.error("lock", `LOCK ${keyLabel(key)} failed`, err);
      }
      if (taken === "OK") break;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StoreError(
          "lock",
          `Redis store (${this.target}): the lock ${keyLabel(key)} is still held by another caller after ${Date.now() - started} ms`,
        );
      }
      await sleep(Math.max(1, Math.min(left, Math.round(pause * (0.5 + Math.random())))));
      pause = Math.min(pause * 2, LOCK_RETRY_MAX_MS);
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      // A closed store can no longer release; the lock then expires after its TTL.
      if (this.closing) return;
      try {
        if (this.client.status !== "ready") await this.connected();
        await this.client.evalsha(RELEASE_LOCK_SHA, 1, fullKey, token).catch((err: unknown) => {
          // A fresh Redis (restarted, flushed scripts) does not know the script yet: send it once.
          if (!/NOSCRIPT/.test(String((err as Error | undefined)?.message))) throw err;
          return this.client.eval(RELEASE_LOCK, 1, fullKey, token);
        });
      } catch (err) {
        throw this.error("unlock", `UNLOCK ${keyLabel(key)} failed`, err);
      }
    };
  }

  /** Readiness: one real write (a key that expires by itself), failing fast like every command. */
  async check(): Promise<void> {
    this.assertOpen("check");
    try {
      if (this.client.status !== "ready") await this.connected();
      await this.client.set(this.keyPrefix + CHECK_KEY, "1", "PX", CHECK_TTL_MS);
    } catch (err) {
      throw this.error("check", "the readiness write failed", err);
    }
  }

  /** Quits the client the store created (a shared one is left alone); later calls do nothing. */
  async close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private async quit(): Promise<void> {
    // "wait": never connected (lazyConnect), nothing to quit. Otherwise QUIT lets pending replies arrive first.
    if (this.ownsClient) await quitRedis(this.client);
  }

  private assertOpen(operation: StoreOperation): void {
    if (this.closing) throw new StoreError(operation, `Redis store (${this.target}): the store is closed`);
  }

  /**
   * Resolves once the connection is ready: at once when it is; after at most `connectTimeoutMs` while a connection
   * attempt is under way (the first use starts one); else (reconnecting after a drop, closed) it rejects at once.
   * Callers skip it while the connection is ready, so a command costs no extra promise on the hot path.
   */
  private async connected(): Promise<void> {
    const client = this.client;
    if (client.status === "ready") return;
    if (client.status === "wait") client.connect().catch(() => {});
    if (client.status !== "connecting" && client.status !== "connect") {
      throw new Error(`not connected (${client.status}); the command was not sent`);
    }
    this.connecting ??= this.connection().finally(() => {
      this.connecting = undefined;
    });
    await this.connecting;
  }

  /** Settles once the attempt under way succeeds (ready), fails (close, end) or outlasts `connectTimeoutMs`. */
  private connection(): Promise<void> {
    const client = this.client;
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("close", onClose);
        client.off("end", onClose);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onClose = () => done(new Error("the connection attempt failed; the command was not sent"));
      const timer = setTimeout(
        () => done(new Error(`no connection within ${this.connectTimeoutMs} ms; the command was not sent`)),
        this.connectTimeoutMs,
      );
      client.once("ready", onReady);
      client.once("close", onClose);
      client.once("end", onClose);
    });
  }

  /**
   * Wraps an ioredis error. The cause is a copy without the original's extra fields: a ReplyError carries the
   * failed command's arguments, which for a rejected AUTH are the username and password (and for SET, the state).
   */
  private error(operation: StoreOperation, problem: string, cause: unknown): StoreError {
    const scrub = (text: string): string => (this.secret ? text.split(this.secret).join("***") : text);
    const original = cause instanceof Error ? cause : new Error(String(cause));
    const safe = new Error(scrub(original.message));
    safe.name = original.name;
    if (original.stack) safe.stack = scrub(original.stack);
    return new StoreError(operation, `Redis store (${this.target}): ${problem}: ${safe.message}`, {
      cause: safe,
    });
  }
}

function passwordOf(url: string): string {
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.password) || (parsed.searchParams.get("password") ?? "");
  } catch {
    return "";
  }
}
