// The feedback stores: votes counted per section, version and vote, in memory, in the SQLite file beside the
// conversations (surviving a restart, next to a session store holding the file) and in a live Redis (shared by two
// instances, surviving a reconnect). The store picked for each session store is its own backend.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CrampBotError } from "../../src/core/errors.js";
import { MemoryStore } from "../../src/core/store/memory.js";
import type { FeedbackCount, FeedbackStore } from "../../src/core/types.js";
import {
  createFeedbackStore,
  MemoryFeedbackStore,
  RedisFeedbackStore,
  SqliteFeedbackStore,
} from "../../src/node/store/feedback.js";
import { RedisStore } from "../../src/node/store/redis.js";
import { SqliteStore } from "../../src/node/store/sqlite.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const dir = mkdtempSync(join(tmpdir(), "crampbot-feedback-"));
let files = 0;
const freshPath = (): string => join(dir, `votes-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = Date.UTC(2025, 0, 15, 22, 0, 0);
const vote = (section: string, version: string, v: "yes" | "no") => ({ section, version, vote: v, at: AT });

function sorted(counts: FeedbackCount[]): FeedbackCount[] {
  return [...counts].sort((a, b) =>
    `${a.section}${a.version}${a.vote}`.localeCompare(`${b.section}${b.version}${b.vote}`),
  );
}

/** What every feedback store does. */
function describeContract(name: string, make: () => FeedbackStore | Promise<FeedbackStore>): void {
  describe(`${name}: the feedback store contract`, () => {
    it("counts votes per section, answer version and vote", async () => {
      const store = await make();
      try {
        expect(await store.counts()).toEqual([]);
        await store.record(vote("magnesium", "0123abcd", "yes"));
        await store.record(vote("magnesium", "0123abcd", "yes"));
        await store.record(vote("magnesium", "0123abcd", "no"));
        await store.record(vote("magnesium", "ffff0000", "yes"));
        await store.record(vote("vitamin-d.food", "0123abcd", "no"));
        expect(sorted(await store.counts())).toEqual([
          { section: "magnesium", version: "0123abcd", vote: "no", count: 1 },
          { section: "magnesium", version: "0123abcd", vote: "yes", count: 2 },
          { section: "magnesium", version: "ffff0000", vote: "yes", count: 1 },
          { section: "vitamin-d.food", version: "0123abcd", vote: "no", count: 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it("counts concurrent votes without losing one", async () => {
      const store = await make();
      try {
        await Promise.all(Array.from({ length: 25 }, () => store.record(vote("stress", "0123abcd", "yes"))));
        expect(await store.counts()).toEqual([
          { section: "stress", version: "0123abcd", vote: "yes", count: 25 },
        ]);
      } finally {
        await store.close();
      }
    });
  });
}

describeContract("MemoryFeedbackStore", () => new MemoryFeedbackStore());
describeContract("SqliteFeedbackStore", () => new SqliteFeedbackStore({ path: freshPath() }));

describe("SqliteFeedbackStore", () => {
  it("keeps the votes in the session store's file across a restart, while the session store holds the file", async () => {
    const path = freshPath();
    const sessions = new SqliteStore({ path });
    await sessions.open();
    await sessions.set("conv:a", { hello: 1 }, 60_000);
    const first = createFeedbackStore(sessions);
    expect(first).toBeInstanceOf(SqliteFeedbackStore);
    await first.record(vote("hydration", "0123abcd", "no"));
    await first.close();
    await sessions.close();

    const reopened = new SqliteStore({ path });
    await reopened.open();
    const second = createFeedbackStore(reopened);
    await second.record(vote("hydration", "0123abcd", "no"));
    expect(await second.counts()).toEqual([
      { section: "hydration", version: "0123abcd", vote: "no", count: 2 },
    ]);
    // The conversations are still there: the two stores share the file, each with its own table.
    expect(await reopened.get("conv:a")).toEqual({ hello: 1 });
    await second.close();
    await reopened.close();
  });

  it("fails with E_STORE once closed", async () => {
    const store = new SqliteFeedbackStore({ path: freshPath() });
    await store.close();
    await expect(store.record(vote("stress", "0123abcd", "yes"))).rejects.toBeInstanceOf(CrampBotError);
  });
});

describe("createFeedbackStore", () => {
  it("gives memory beside a memory session store, Redis beside Redis", async () => {
    expect(createFeedbackStore(new MemoryStore())).toBeInstanceOf(MemoryFeedbackStore);
    const redis = new RedisStore({ url: "redis://127.0.0.1:1/0" });
    const feedback = createFeedbackStore(redis, "redis://127.0.0.1:1/0");
    expect(feedback).toBeInstanceOf(RedisFeedbackStore);
    await feedback.close();
    await redis.close();
  });
});

describe("RedisFeedbackStore without a server", () => {
  it("rejects a bad URL, and fails fast (E_STORE, no password) when Redis is away", async () => {
    expect(() => new RedisFeedbackStore({ url: "http://x" })).toThrow(CrampBotError);
    const store = new RedisFeedbackStore({
      url: "redis://:hunter2secret@127.0.0.1:1/0",
      connectTimeoutMs: 200,
    });
    const started = performance.now();
    const error = await store.record(vote("stress", "0123abcd", "yes")).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CrampBotError);
    expect(String((error as Error).message)).not.toContain("hunter2secret");
    expect(performance.now() - started).toBeLessThan(1_500);
    await store.close();
  });
});

const ENV_URL = process.env.REDIS_URL || undefined;
const describeLive = ENV_URL
  ? describe
  : describeNeeding(
      REDIS_SERVER,
      "RedisFeedbackStore live tests (test/store/feedback.test.ts; or set REDIS_URL)",
    );

describeLive("RedisFeedbackStore against a live Redis", () => {
  let server: RedisServer | undefined;
  let url = ENV_URL ?? "";
  let prefixes = 0;
  const prefix = () => `crampbot-feedback-test-${process.pid}-${++prefixes}:`;

  beforeAll(async () => {
    if (!ENV_URL) {
      server = await startRedisServer();
      url = server.url;
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeContract("RedisFeedbackStore", () => new RedisFeedbackStore({ url, keyPrefix: prefix() }));

  it("is shared by two instances, and keeps the counts when one restarts", async () => {
    const keyPrefix = prefix();
    const one = new RedisFeedbackStore({ url, keyPrefix });
    const two = new RedisFeedbackStore({ url, keyPrefix });
    await Promise.all([
      one.record(vote("massage", "0123abcd", "yes")),
      two.record(vote("massage", "0123abcd", "yes")),
    ]);
    await one.close();
    const three = new RedisFeedbackStore({ url, keyPrefix });
    await three.record(vote("massage", "0123abcd", "yes"));
    expect(await two.counts()).toEqual([{ section: "massage", version: "0123abcd", vote: "yes", count: 3 }]);
    await Promise.all([two.close(), three.close()]);
  });
});
