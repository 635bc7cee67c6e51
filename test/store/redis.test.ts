// The Redis store: URL redaction and configuration errors always; the shared contract against a live server when
// one is available: REDIS_URL if set, else a redis-server this file starts on a free port and stops afterwards.
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CrampBotError } from "../../src/core/errors.js";
import { createStore } from "../../src/node/store/index.js";
import { RedisStore, redactRedisUrl } from "../../src/node/store/redis.js";
import {
  freePort,
  REDIS_START_BOUND_MS,
  type RedisServer,
  startRedisServer,
} from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";
import { describeSessionStoreContract } from "./contract.js";

const ENV_URL = process.env.REDIS_URL || undefined;

/** Thrown errors must not reveal `secret` anywhere a logger could look: message, cause, stack, own fields. */
function expectHidden(err: unknown, secret: string): void {
  expect(err).toBeInstanceOf(CrampBotError);
  expect((err as CrampBotError).code).toBe("E_STORE");
  expect(inspect(err, { depth: 10, showHidden: true })).not.toContain(secret);
  expect(JSON.stringify(err)).not.toContain(secret);
}

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("redactRedisUrl", () => {
  it.each([
    ["redis://user:secret@127.0.0.1:6379/0", "redis://***@127.0.0.1:6379/0"],
    ["redis://:secret@cache.internal:6380", "redis://***@cache.internal:6380"],
    ["rediss://default:secret%40x@cache.example.com:6380/2", "rediss://***@cache.example.com:6380/2"],
    ["redis://user:se@cr/et@host:6379/0", "redis://***@host:6379/0"],
    ["redis://host:6379/0?password=secret&db=1", "redis://host:6379/0?password=***&db=1"],
    ["user:secret@host:6379", "***@host:6379"],
  ])("hides the credentials in %s", (url, expected) => {
    expect(redactRedisUrl(url)).toBe(expected);
    expect(redactRedisUrl(url)).not.toContain("secret");
  });

  it("leaves a URL without credentials alone", () => {
    expect(redactRedisUrl("redis://127.0.0.1:6379/0")).toBe("redis://127.0.0.1:6379/0");
  });
});

describe("RedisStore without a server", () => {
  it("rejects a missing or non-redis URL with E_STORE", () => {
    for (const options of [{}, { url: "" }, { url: "http://user:secret@host/" }]) {
      let caught: unknown;
      try {
        new RedisStore(options);
      } catch (err) {
        caught = err;
      }
      expectHidden(caught, "secret");
    }
  });

  it("rejects an unparsable URL without echoing its password (not even in the cause)", () => {
    let caught: unknown;
    try {
      new RedisStore({ url: "redis://user:secret@[not-a-host/0" });
    } catch (err) {
      caught = err;
    }
    expectHidden(caught, "secret");
    expect((caught as CrampBotError).message).toContain("redis://***@");
  });

  it("fails commands to an unreachable server with E_STORE, password hidden", async () => {
    const port = await freePort(); // closed again: nothing listens there
    const store = new RedisStore({ url: `redis://user:secret@127.0.0.1:${port}/0` });
    const err = await rejection(() => store.get("k"));
    expectHidden(err, "secret");
    expect((err as CrampBotError).cause).toBeInstanceOf(Error);
    await store.close();
  });

  it("is what createStore returns for a redisUrl, and does not connect until used", async () => {
    const store = createStore({ redisUrl: "redis://127.0.0.1:1/0", databasePath: "/nonexistent/ignored.db" });
    expect(store).toBeInstanceOf(RedisStore);
    await store.close();
  });
});

// REDIS_URL names a server to use instead of starting one, so redis-server is needed only without it.
const describeLive = ENV_URL
  ? describe
  : describeNeeding(REDIS_SERVER, "RedisStore live tests (test/store/redis.test.ts; or set REDIS_URL)");

describeLive(`RedisStore against ${ENV_URL ? "REDIS_URL" : "a redis-server started by this test"}`, () => {
  let url = ENV_URL ?? "";
  let server: RedisServer | undefined;
  let admin: Redis | undefined;
  // Unique per run, so tests sharing one Redis (REDIS_URL in CI) never see each other's keys.
  const prefix = `crampbot-test:${randomUUID()}:`;

  beforeAll(async () => {
    if (!ENV_URL) {
      server = await startRedisServer();
      url = server.url;
    }
    admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
  }, REDIS_START_BOUND_MS + 5_000);

  afterAll(async () => {
    if (admin) {
      if (admin.status === "ready") {
        const keys: string[] = [];
        let cursor = "0";
        do {
          const [next, batch] = await admin.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
          cursor = next;
          keys.push(...batch);
        } while (cursor !== "0");
        if (keys.length > 0) await admin.del(...keys);
        await admin.quit();
      } else {
        admin.disconnect();
      }
    }
    await server?.stop();
  }, 15_000);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  describeSessionStoreContract("RedisStore", () => new RedisStore({ url, keyPrefix: prefix }), {
    kind: "real",
  });

  it("writes prefixed keys with SET ... PX", async () => {
    const store = new RedisStore({ url, keyPrefix: prefix });
    await store.set("user:1", { step: 1 }, 60_000);
    expect(await admin?.get(`${prefix}user:1`)).toBe('{"step":1}');
    const pttl = (await admin?.pttl(`${prefix}user:1`)) ?? 0;
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await store.close();
  });

  it('uses "crampbot:" as the default prefix', async () => {
    const store = new RedisStore({ url });
    const key = `test:${randomUUID()}`;
    await store.set(key, 1, 60_000);
    expect(await admin?.exists(`crampbot:${key}`)).toBe(1);
    await store.delete(key);
    await store.close();
  });

  it("deletes the entry when the TTL is 0 or less", async () => {
    const store = new RedisStore({ url, keyPrefix: prefix });
    await store.set("gone", 1, 60_000);
    await store.set("gone", 2, 0);
    expect(await store.get("gone")).toBeUndefined();
    await store.close();
  });

  it("quits the client it created, and leaves a passed-in client open", async () => {
    const quit = vi.spyOn(Redis.prototype, "quit");
    const own = new RedisStore({ url, keyPrefix: prefix });
    await own.set("own", 1, 60_000);
    await own.close();
    expect(quit).toHaveBeenCalledTimes(1);

    const client = new Redis(url);
    const shared = new RedisStore({ client, keyPrefix: prefix });
    await shared.set("shared", 1, 60_000);
    await shared.close();
    await shared.close();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(await client.ping()).toBe("PONG");
    expect(await client.get(`${prefix}shared`)).toBe("1");
    await client.quit();
  });

  it("fails with E_STORE on a rejected login, without the password in the error or its cause", async () => {
    // An unknown ACL user fails AUTH on any server; ioredis's ReplyError carries AUTH's arguments.
    const target = new URL(url);
    target.username = `crampbot-no-such-user-${randomUUID()}`;
    target.password = "wrong-secret-123";
    const store = new RedisStore({ url: target.toString(), keyPrefix: prefix });
    const err = await rejection(() => store.get("k"));
    expectHidden(err, "wrong-secret-123");
    await store.close();
  });

  it("fails with E_STORE on a value that is not JSON", async () => {
    await admin?.set(`${prefix}raw`, "not json {", "PX", 60_000);
    const store = new RedisStore({ url, keyPrefix: prefix });
    const err = await rejection(() => store.get("raw"));
    expect(err).toBeInstanceOf(CrampBotError);
    expect((err as CrampBotError).code).toBe("E_STORE");
    await store.close();
  });
});
