/**
 * The Redis session store: state shared by several processes or machines. Redis expires entries itself (SET PX),
 * so the injected clock plays no part here. The URL may carry a password: it never appears in a message or log.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { CrampBotError } from "../../core/errors.js";
import type { SessionStore } from "../../core/types.js";

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
}

/** First and largest pause between two attempts to take a busy lock (each pause is jittered). */
const LOCK_RETRY_FIRST_MS = 5;
const LOCK_RETRY_MAX_MS = 100;

/** Deletes the lock only if it still holds our token: never another process's lock taken after ours expired. */
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisStore implements SessionStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly keyPrefix: string;
  /** The URL with its credentials hidden, for messages; "a shared client" when one was passed in. */
  private readonly target: string;
  /** The URL's password, scrubbed from error text (ioredis errors never carry the URL, but be sure). */
  private readonly secret: string;
  private readonly lockWaitMs: number | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    this.keyPrefix = options.keyPrefix ?? "crampbot:";
    this.lockWaitMs = options.lockWaitMs;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
      this.target = "a shared client";
      this.secret = "";
      return;
    }
    const url = options.url ?? "";
    this.target = redactRedisUrl(url);
    this.secret = passwordOf(url);
    if (!/^rediss?:\/\//i.test(url)) {
      throw new CrampBotError(
        "E_STORE",
        `Redis store: expected a redis:// or rediss:// URL, got "${this.target}"`,
      );
    }
    try {
      this.client = new Redis(url, {
        lazyConnect: true,
        // Fail a command after a few reconnect attempts instead of queueing it for a long time.
        maxRetriesPerRequest: 3,
        connectTimeout: 5_000,
      });
    } catch {
      // No cause on purpose: URL parse errors carry the whole URL, password included (TypeError.input).
      throw new CrampBotError("E_STORE", `Redis store: invalid URL "${this.target}"`);
    }
    // Connection errors surface as failed commands (E_STORE); without a listener ioredis prints each one.
    this.client.on("error", () => {});
    this.ownsClient = true;
  }

  async get(key: string): Promise<unknown | undefined> {
    this.assertOpen();
    let json: string | null;
    try {
      json = await this.client.get(this.keyPrefix + key);
    } catch (err) {
      throw this.error(`GET "${key}" failed`, err);
    }
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      throw this.error(`the value of "${key}" is not valid JSON`, err);
    }
  }

  /** A TTL of 0 or less deletes the entry (it would be expired at once); a non-finite one never expires. */
  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.assertOpen();
    const json = serialise(key, value);
    if (Number.isNaN(ttlMs)) throw new CrampBotError("E_STORE", `Redis store: ttlMs for "${key}" is NaN`);
    try {
      if (ttlMs <= 0) await this.client.del(this.keyPrefix + key);
      else if (Number.isFinite(ttlMs))
        await this.client.set(this.keyPrefix + key, json, "PX", Math.ceil(ttlMs));
      else await this.client.set(this.keyPrefix + key, json);
    } catch (err) {
      throw this.error(`SET "${key}" failed`, err);
    }
  }

  async delete(key: string): Promise<void> {
    this.assertOpen();
    try {
      await this.client.del(this.keyPrefix + key);
    } catch (err) {
      throw this.error(`DEL "${key}" failed`, err);
    }
  }

  /**
   * A lock across processes: SET key token NX PX ttl with a random token, retried with a short jittered backoff
   * for at most `lockWaitMs` (default: `ttlMs`), then E_STORE. The returned function releases it with a
   * compare-and-delete script, so it never deletes a lock that expired and was taken by another process.
   */
  async lock(key: string, ttlMs: number): Promise<() => Promise<void>> {
    this.assertOpen();
    if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) {
      throw new CrampBotError("E_STORE", `Redis store: the lock TTL for "${key}" must be a positive number`);
    }
    const fullKey = this.keyPrefix + key;
    const token = randomBytes(16).toString("hex");
    const started = Date.now();
    const deadline = started + (this.lockWaitMs ?? ttlMs);
    let pause = LOCK_RETRY_FIRST_MS;
    for (;;) {
      let taken: "OK" | null;
      try {
        taken = await this.client.set(fullKey, token, "PX", Math.ceil(ttlMs), "NX");
      } catch (err) {
        throw this.error(`LOCK "${key}" failed`, err);
      }
      if (taken === "OK") break;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new CrampBotError(
          "E_STORE",
          `Redis store (${this.target}): the lock "${key}" is still held by another caller after ${Date.now() - started} ms`,
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
        await this.client.eval(RELEASE_LOCK, 1, fullKey, token);
      } catch (err) {
        throw this.error(`UNLOCK "${key}" failed`, err);
      }
    };
  }

  /** Quits the client the store created (a shared one is left alone); later calls do nothing. */
  async close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private async quit(): Promise<void> {
    if (!this.ownsClient) return;
    // "wait": never connected (lazyConnect), nothing to quit. Otherwise QUIT lets pending replies arrive first.
    if (this.client.status !== "ready") {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new CrampBotError("E_STORE", `Redis store (${this.target}): the store is closed`);
  }

  /**
   * Wraps an ioredis error. The cause is a copy without the original's extra fields: a ReplyError carries the
   * failed command's arguments, which for a rejected AUTH are the username and password (and for SET, the state).
   */
  private error(problem: string, cause: unknown): CrampBotError {
    const scrub = (text: string): string => (this.secret ? text.split(this.secret).join("***") : text);
    const original = cause instanceof Error ? cause : new Error(String(cause));
    const safe = new Error(scrub(original.message));
    safe.name = original.name;
    if (original.stack) safe.stack = scrub(original.stack);
    return new CrampBotError("E_STORE", `Redis store (${this.target}): ${problem}: ${safe.message}`, {
      cause: safe,
    });
  }
}

/**
 * The URL with its credentials replaced by "***": the user:password part and any password or username query
 * parameter. Works on strings that are not valid URLs too (it errs on the side of hiding more).
 */
export function redactRedisUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i.exec(url);
  const start = scheme ? scheme[0].length : 0;
  // The last "@": a password may itself contain an unescaped "@".
  const at = url.lastIndexOf("@");
  const withoutUserInfo = at >= start ? `${url.slice(0, start)}***${url.slice(at)}` : url;
  return withoutUserInfo.replace(/([?&;](?:password|pass|pwd|username|user)=)[^&;#]*/gi, "$1***");
}

function passwordOf(url: string): string {
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.password) || (parsed.searchParams.get("password") ?? "");
  } catch {
    return "";
  }
}

function serialise(key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new CrampBotError("E_STORE", `Redis store: the value for "${key}" is not JSON-serialisable`, {
      cause: err,
    });
  }
  if (json === undefined) {
    throw new CrampBotError("E_STORE", `Redis store: the value for "${key}" is not JSON-serialisable`);
  }
  return json;
}
