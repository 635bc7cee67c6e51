/**
 * Role: the one way the Redis stores (sessions, feedback votes, the review log) open and close their own client: the
 * URL checked and only ever shown with its credentials hidden, connection errors left to surface as failed commands,
 * and a close that never hangs on a connection that is not up.
 */
import { Redis, type RedisOptions } from "ioredis";
import { StoreError } from "../../core/errors.js";

/**
 * A lazily connecting client for `url`, and the URL as it may be shown. `label` names the store in the errors
 * ("Redis store", "Redis feedback store").
 */
export function openRedis(
  label: string,
  url: string,
  options: RedisOptions,
): { client: Redis; target: string } {
  const target = redactRedisUrl(url);
  if (!/^rediss?:\/\//i.test(url))
    throw new StoreError("open", `${label}: expected a redis:// or rediss:// URL, got "${target}"`);
  let client: Redis;
  try {
    client = new Redis(url, { lazyConnect: true, ...options });
  } catch {
    // No cause on purpose: URL parse errors carry the whole URL, password included (TypeError.input).
    throw new StoreError("open", `${label}: invalid URL "${target}"`);
  }
  // Connection errors surface as failed commands; without a listener ioredis prints each one.
  client.on("error", () => {});
  return { client, target };
}

/** Quits a client this process opened: at once when it never connected, else after the replies still due. */
export async function quitRedis(client: Redis): Promise<void> {
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
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
