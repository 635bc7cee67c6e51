// The per-conversation lock across processes: RedisStore.lock (SET NX PX + compare-and-delete), and two engines
// sharing one redis-server (started here on a free port) that serve one conversation without losing an update.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { IncomingMessage } from "../../src/core/types.js";
import { createEngine, type Engine } from "../../src/node/create-engine.js";
import { RedisStore } from "../../src/node/store/redis.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const describeLive = describeNeeding(
  REDIS_SERVER,
  "Redis lock and two-engine tests (test/store/lock.test.ts)",
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeLive("RedisStore.lock and two engines on one Redis", () => {
  let redis: RedisServer;
  let admin: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    admin = new Redis(redis.url);
  }, 20_000);

  afterAll(async () => {
    await admin?.quit();
    await redis?.stop();
  });

  /** A store with its own connection and a per-test prefix, closed after the test. */
  function store(prefix: string, options: { lockWaitMs?: number } = {}): RedisStore {
    const created = new RedisStore({ url: redis.url, keyPrefix: prefix, ...options });
    onTestFinished(() => created.close());
    return created;
  }

  describe("RedisStore.lock", () => {
    it("excludes a second holder until the first releases", async () => {
      const prefix = `t:${randomUUID()}:`;
      const [a, b] = [store(prefix), store(prefix)];
      const releaseA = await a.lock("k", 5_000);
      expect(await admin.pttl(`${prefix}k`)).toBeGreaterThan(4_000);
      let bHolds = false;
      const bTakes = b.lock("k", 5_000).then((release) => {
        bHolds = true;
        return release;
      });
      await sleep(100);
      expect(bHolds).toBe(false);
      await releaseA();
      const releaseB = await bTakes;
      expect(bHolds).toBe(true);
      await releaseB();
      await releaseB(); // idempotent
      expect(await admin.exists(`${prefix}k`)).toBe(0);
    });

    it("never deletes a lock another caller took after ours expired", async () => {
      const prefix = `t:${randomUUID()}:`;
      const [a, b] = [store(prefix), store(prefix)];
      const releaseA = await a.lock("k", 50);
      await sleep(120); // expired
      const releaseB = await b.lock("k", 5_000);
      await releaseA();
      expect(await admin.exists(`${prefix}k`)).toBe(1);
      await releaseB();
      expect(await admin.exists(`${prefix}k`)).toBe(0);
    });

    it("takes over a lock whose holder died once its TTL has passed", async () => {
      const prefix = `t:${randomUUID()}:`;
      await store(prefix).lock("k", 200); // never released
      const started = Date.now();
      const release = await store(prefix).lock("k", 5_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      await release();
    });

    it("gives up after lockWaitMs with E_STORE", async () => {
      const prefix = `t:${randomUUID()}:`;
      await store(prefix).lock("k", 10_000);
      const started = Date.now();
      await expect(store(prefix, { lockWaitMs: 150 }).lock("k", 10_000)).rejects.toMatchObject({
        code: "E_STORE",
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("rejects a TTL that is not a positive number", async () => {
      await expect(store(`t:${randomUUID()}:`).lock("k", 0)).rejects.toMatchObject({ code: "E_STORE" });
    });
  });

  describe("two engines sharing one Redis", () => {
    function engines(): [Engine, Engine, RedisStore] {
      const prefix = `t:${randomUUID()}:`;
      const rateLimit = { messages: 1_000, windowMs: 60_000 };
      const a = createEngine({ store: store(prefix), rateLimit });
      const b = createEngine({ store: store(prefix), rateLimit });
      return [a, b, store(prefix)];
    }

    const say = (conversationId: string, text: string): IncomingMessage => ({
      platform: "web",
      conversationId,
      userId: conversationId,
      kind: "text",
      text,
    });

    it("serve alternate messages of one conversation: each uses the context the other saved", async () => {
      const [a, b] = engines();
      expect((await a.handle(say("c1", "/checkup"))).text).toContain("1/5");
      expect((await b.handle(say("c1", "about a litre"))).text).toContain("2/5");
      expect((await a.handle(say("c1", "never"))).text).toContain("3/5");
      expect((await b.handle(say("c1", "rarely"))).text).toContain("4/5");

      expect((await a.handle(say("c2", "how much magnesium should I take?"))).text).toContain("100 mg");
      expect((await b.handle(say("c2", "same question for vitamin D"))).text).toContain("1000 IU");
    });

    it("count all of 30 concurrent messages of one conversation split across both (no lost update)", async () => {
      const [a, b, shared] = engines();
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 === 0 ? a : b).handle(say("c3", "what causes leg cramps?")),
        ),
      );
      expect(replies.every((reply) => reply.intent === "answer")).toBe(true);
      const state = (await shared.get("conv:c3")) as { answers: number; recent: number[] };
      expect(state.answers).toBe(30);
      expect(state.recent).toHaveLength(30);
      expect(await admin.keys("*lock:conv:c3")).toEqual([]);
    });
  });
});
