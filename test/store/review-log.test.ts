// The review log's backends against real stores: a SQLite file (the session store's own, in use at the same time)
// and a throwaway redis-server (skipped, with one line, without one). Each keeps no id and nothing redaction takes
// out, survives a restart (a new connection over the same file or server), and drops entries past the retention
// window by the injected clock.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { DAY_MS, REDACTED, type ReviewStore } from "../../src/core/review.js";
import { createEngine } from "../../src/node/create-engine.js";
import { SqliteStore } from "../../src/node/store/index.js";
import { createReviewLog, RedisReviewLog, SqliteReviewLog } from "../../src/node/store/review-log.js";
import { tempDir, waitFor } from "../service/support.js";
import { ManualClock } from "../support/bot.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const CONVERSATION = "web:cookie-7f3a9c2b11d4";
const USER = "telegram-user-998877";
const QUESTIONS = [
  "is zinc good for cramps? my email is jo.smith@example.com",
  "how much should I take? call me on +44 7700 900123",
  "@drsmith says acne pills, see https://forum.example.org/t/123 — ok?",
  "my member number is 48213, what about ashwagandha",
];
/** What must never be stored: the ids, and everything redaction takes out. */
const FORBIDDEN = [CONVERSATION, USER, "jo.smith", "example.com", "7700", "@drsmith", "https://", "48213"];

/** Sends the questions through an engine recording into `review`, then checks what it kept. */
async function recordThroughEngine(engine: Engine): Promise<void> {
  for (const text of QUESTIONS) {
    const reply = await engine.handle({
      platform: "web",
      conversationId: CONVERSATION,
      userId: USER,
      kind: "text",
      text,
    });
    expect(["fallback", "clarify"], text).toContain(reply.intent);
  }
}

function expectClean(stored: string): void {
  for (const forbidden of FORBIDDEN) expect(stored).not.toContain(forbidden);
  for (const marker of [REDACTED.email, REDACTED.phone, REDACTED.mention, REDACTED.url, REDACTED.number])
    expect(stored).toContain(marker);
}

/** Retention: an entry 31 days old is gone, one 29 days old stays. */
async function expectRetention(review: ReviewStore, clock: ManualClock): Promise<void> {
  await review.record({ text: "a month-old question", reason: "fallback", at: clock.now() });
  clock.advance(2 * DAY_MS);
  await review.record({ text: "a newer question", reason: "clarify", at: clock.now() });
  clock.advance(29 * DAY_MS);
  const texts = (await review.list()).map((entry) => entry.text);
  expect(texts).toContain("a newer question");
  expect(texts).not.toContain("a month-old question");
}

describe("SQLite review log (a real file, shared with the session store)", () => {
  it("keeps no id and nothing redacted, and survives a restart", async () => {
    const dir = tempDir("crampbot-review-");
    onTestFinished(() => dir.remove());
    const path = join(dir.path, "crampbot.db");
    const clock = new ManualClock(Date.now());
    const store = new SqliteStore({ path, clock });
    await store.open();
    const review = createReviewLog({ databasePath: path, clock });
    expect(review).toBeInstanceOf(SqliteReviewLog);
    const engine = createEngine({ store, clock, reviewLog: review });
    await recordThroughEngine(engine);
    await waitFor(
      async () => ((await review.list()).length === QUESTIONS.length ? true : undefined),
      "the rows",
    );
    await engine.close();
    await review.close();

    // Restart: new connections over the same file.
    const reopened = new SqliteReviewLog({ path, clock });
    onTestFinished(() => reopened.close());
    const entries = await reopened.list();
    expect(entries).toHaveLength(QUESTIONS.length);
    // The table itself, as any reader of the file sees it: three columns, no id among them.
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (
      path: string,
    ) => { prepare(sql: string): { all(): unknown[] }; close(): void };
    const raw = new Database(path);
    const columns = raw
      .prepare("PRAGMA table_info(review_log)")
      .all()
      .map((c) => (c as { name: string }).name);
    const rows = raw.prepare("SELECT * FROM review_log").all();
    raw.close();
    expect(columns).toEqual(["at", "reason", "text"]);
    expect(rows).toHaveLength(QUESTIONS.length);
    expectClean(JSON.stringify(rows));
  });

  it("drops entries past the retention window (injected clock)", async () => {
    const dir = tempDir("crampbot-review-");
    onTestFinished(() => dir.remove());
    const clock = new ManualClock(Date.now());
    const review = new SqliteReviewLog({ path: join(dir.path, "r.db"), clock, retentionDays: 30 });
    onTestFinished(() => review.close());
    await expectRetention(review, clock);
    expect(await review.purge()).toBe(0);
  });
});

/** The rows in the file as another process sees them (not through the log, whose reads write its queue first). */
function rowsInFile(path: string): { text: string }[] {
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (
    path: string,
  ) => { prepare(sql: string): { all(): unknown[] }; close(): void };
  const raw = new Database(path);
  try {
    return raw.prepare("SELECT text FROM review_log ORDER BY rowid").all() as { text: string }[];
  } finally {
    raw.close();
  }
}

describe("SQLite review log: writes in batches after the reply (ADR 23)", () => {
  const entry = (text: string) => ({ text, reason: "fallback" as const, at: Date.now() });

  it("writes a full batch on the next turn of the event loop, redacted, without waiting for a read", async () => {
    const dir = tempDir("crampbot-review-");
    onTestFinished(() => dir.remove());
    const path = join(dir.path, "r.db");
    const review = new SqliteReviewLog({ path, batch: 2, flushMs: 60_000 });
    onTestFinished(() => review.close());
    await review.record(entry("first, from jo@example.com"));
    await review.record(entry("second"));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(rowsInFile(path).map((row) => row.text)).toEqual([`first, from ${REDACTED.email}`, "second"]);
  });

  it("writes a part batch after flushMs, and what is left on close: a shutdown loses nothing", async () => {
    const dir = tempDir("crampbot-review-");
    onTestFinished(() => dir.remove());
    const path = join(dir.path, "r.db");
    const review = new SqliteReviewLog({ path, flushMs: 20 });
    await review.record(entry("waits for the timer"));
    // Nothing is in the file before the timer (not even the table, which the first write creates).
    expect(() => rowsInFile(path)).toThrow();
    await waitFor(() => {
      try {
        return rowsInFile(path).length === 1 ? true : undefined;
      } catch {
        return undefined;
      }
    }, "the timer's write");
    const closing = new SqliteReviewLog({ path, flushMs: 60_000 });
    await closing.record(entry("queued at shutdown"));
    await closing.close();
    await review.close();
    expect(rowsInFile(path).map((row) => row.text)).toEqual(["waits for the timer", "queued at shutdown"]);
    await expect(closing.record(entry("after close"))).rejects.toMatchObject({ code: "E_STORE" });
  });

  it("reports a batch it cannot write to onError, without the text, and the caller's record still resolved", async () => {
    const dir = tempDir("crampbot-review-");
    onTestFinished(() => dir.remove());
    const errors: Error[] = [];
    // A directory is no database file: opening it fails.
    const review = new SqliteReviewLog({ path: dir.path, batch: 1, onError: (error) => errors.push(error) });
    onTestFinished(() => review.close());
    await review.record(entry("a private question"));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "E_STORE" });
    expect(String(errors[0]?.message)).not.toContain("private");
  });
});

const describeRedis = describeNeeding(REDIS_SERVER, "Redis review log tests (test/store/review-log.test.ts)");

describeRedis("Redis review log (a throwaway redis-server)", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  }, 15_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("keeps no id and nothing redacted, and survives a restart", async () => {
    const clock = new ManualClock(Date.now());
    const keyPrefix = `t${Date.now()}:`;
    const review = new RedisReviewLog({ url: server.url, clock, keyPrefix });
    const engine = createEngine({ clock, reviewLog: review });
    await recordThroughEngine(engine);
    // Recording is fire and forget: wait until the four appends have reached Redis.
    await waitFor(
      async () => ((await review.list()).length === QUESTIONS.length ? true : undefined),
      "the appends",
    );
    await review.close();

    const reopened = new RedisReviewLog({ url: server.url, clock, keyPrefix });
    onTestFinished(() => reopened.close());
    expect(await reopened.list()).toHaveLength(QUESTIONS.length);
    const raw = new Redis(server.url);
    onTestFinished(async () => {
      await raw.quit();
    });
    expect(await raw.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}review`]);
    const members = await raw.zrange(`${keyPrefix}review`, 0, -1);
    expect(members).toHaveLength(QUESTIONS.length);
    for (const member of members)
      expect(Object.keys(JSON.parse(member)).sort()).toEqual(["at", "n", "reason", "text"]);
    expectClean(members.join("\n"));
    expect(await raw.pttl(`${keyPrefix}review`)).toBeGreaterThan(29 * DAY_MS);
  });

  it("drops entries past the retention window (injected clock)", async () => {
    const clock = new ManualClock(Date.now());
    const review = new RedisReviewLog({ url: server.url, clock, keyPrefix: `r${Date.now()}:` });
    onTestFinished(() => review.close());
    await expectRetention(review, clock);
  });
});
