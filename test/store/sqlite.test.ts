// The SQLite store: the shared contract, plus persistence, sweeping and E_STORE errors. Files live in a temp dir.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { CrampBotError } from "../../src/core/errors.js";
import { createStore } from "../../src/node/store/index.js";
import { SqliteStore } from "../../src/node/store/sqlite.js";
import { describeSessionStoreContract, ManualClock } from "./contract.js";

const dir = mkdtempSync(join(tmpdir(), "crampbot-sqlite-"));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.db`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const clock = new ManualClock();

describeSessionStoreContract("SqliteStore", () => new SqliteStore({ path: freshPath(), clock }), {
  kind: "manual",
  advance: (ms) => clock.advance(ms),
});

describe("SqliteStore", () => {
  const stores: SqliteStore[] = [];
  const make = (path: string, extra: { sweepEveryMs?: number } = {}): SqliteStore => {
    const store = new SqliteStore({ path, clock, ...extra });
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  async function storeError(run: () => Promise<unknown>): Promise<CrampBotError> {
    try {
      await run();
    } catch (err) {
      if (err instanceof CrampBotError) return err;
      throw err;
    }
    throw new Error("expected a CrampBotError");
  }

  it("commits the writes of one turn of the event loop together, in order, each resolving once committed", async () => {
    const path = freshPath();
    const store = make(path);
    // Issued in the same turn of the loop: one group, written in the order given.
    const writes = [
      store.set("a", 1, 60_000),
      store.set("b", 1, 60_000),
      store.delete("b"),
      store.set("a", 2, 60_000),
      store.set("c", 3, 60_000),
    ];
    // A read of a key with a write still queued waits for it, so it sees the last one.
    expect(await store.get("a")).toBe(2);
    await Promise.all(writes);
    expect(await store.get("b")).toBeUndefined();
    // Resolved means committed: another connection (a new store after close) reads every one of them.
    await store.close();
    const reopened = make(path);
    expect(await reopened.get("a")).toBe(2);
    expect(await reopened.get("b")).toBeUndefined();
    expect(await reopened.get("c")).toBe(3);
  });

  it("commits the writes still queued when it closes, and refuses new ones", async () => {
    const path = freshPath();
    const store = make(path);
    const write = store.set("late", { n: 1 }, 60_000);
    const closing = store.close();
    const refused = await storeError(() => store.set("later", 1, 60_000));
    expect(refused.message).toMatch(/closed/);
    await Promise.all([write, closing]);
    expect(await make(path).get("late")).toEqual({ n: 1 });
  });

  it("keeps data across closing and reopening the same file", async () => {
    const path = freshPath();
    const first = make(path);
    await first.set("telegram:1", { step: 3, answers: ["yes"] }, 60_000);
    await first.set("telegram:2", "short", 1_000);
    await first.close();

    clock.advance(5_000);
    const second = make(path);
    expect(await second.get("telegram:1")).toEqual({ step: 3, answers: ["yes"] });
    expect(await second.get("telegram:2")).toBeUndefined();
  });

  it("creates the parent folder on first use and writes in WAL mode", async () => {
    const path = join(dir, "nested", "deeper", "crampbot.db");
    const store = make(path);
    expect(existsSync(join(dir, "nested"))).toBe(false);
    await store.set("k", 1, 60_000);
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true);
  });

  it("deletes an expired row when get() finds it, and sweep() removes the rest", async () => {
    const store = make(freshPath());
    await store.set("read-after-expiry", 1, 1_000);
    await store.set("never-read", 2, 1_000);
    await store.set("alive", 3, 60_000);
    clock.advance(2_000);
    expect(await store.get("read-after-expiry")).toBeUndefined();
    expect(await store.sweep()).toBe(1); // only "never-read": get() already deleted the other one
    expect(await store.sweep()).toBe(0);
    expect(await store.get("alive")).toBe(3);
  });

  it("sweeps expired rows every sweepEveryMs", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const store = make(freshPath(), { sweepEveryMs: 1_000 });
    await store.set("old", 1, 500);
    clock.advance(600);
    vi.advanceTimersByTime(1_000);
    expect(await store.sweep()).toBe(0); // the timer's sweep already deleted the row (the DB calls are synchronous)
  });

  it("accepts :memory: (through createStore too)", async () => {
    const store = createStore({ databasePath: ":memory:", clock });
    expect(store).toBeInstanceOf(SqliteStore);
    await store.set("k", { a: 1 }, 60_000);
    expect(await store.get("k")).toEqual({ a: 1 });
    await store.close();
  });

  it("rejects a file that is not a database with E_STORE", async () => {
    const path = join(dir, "corrupt.db");
    writeFileSync(path, "this is not a SQLite database, just some text that is long enough ".repeat(100));
    const err = await storeError(() => make(path).get("k"));
    expect(err.code).toBe("E_STORE");
    expect(err.message).toContain(path);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it("rejects a path it cannot create with E_STORE", async () => {
    // A regular file where a folder should be: fails even as root, unlike chmod.
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "a file, not a folder");
    const store = make(join(blocker, "sub", "crampbot.db"));
    await expect(store.open()).rejects.toThrow(CrampBotError);
    const err = await storeError(() => store.set("k", 1, 1_000));
    expect(err.code).toBe("E_STORE");
    expect(err.cause).toBeInstanceOf(Error);
  });

  it("rejects a folder as the database path with E_STORE", async () => {
    const folder = join(dir, "a-folder.db");
    mkdirSync(folder);
    const err = await storeError(() => make(folder).set("k", 1, 1_000));
    expect(err.code).toBe("E_STORE");
  });

  it("rejects values that are not JSON and use after close with E_STORE", async () => {
    const store = make(freshPath());
    expect((await storeError(() => store.set("k", undefined, 1_000))).code).toBe("E_STORE");
    expect((await storeError(() => store.set("k", { n: 1n }, 1_000))).code).toBe("E_STORE");
    await store.close();
    expect((await storeError(() => store.get("k"))).code).toBe("E_STORE");
  });
});
