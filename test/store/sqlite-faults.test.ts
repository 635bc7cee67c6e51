// The SQLite store under faults, against real files: a read-only file at start (clear error, and recovery once
// permissions come back), a second process on one file, a stale lock of a killed process, another connection
// holding the write lock (nothing waits on the event loop), the entries kept in the process (and when they are not
// trusted), a data folder deleted while open, the WAL truncated and the file shrunk after expiry, and no conversation
// key in any error message or log line.
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StoreError } from "../../src/core/errors.js";
import { keyHash } from "../../src/core/store/key-hash.js";
import type { Logger } from "../../src/core/types.js";
import { createEngine } from "../../src/node/create-engine.js";
import { SqliteStore, type SqliteStoreOptions } from "../../src/node/store/sqlite.js";
import { createService } from "../../src/service/service.js";
import { tempDir, testConfig } from "../service/support.js";
import {
  buildChild,
  CHILD_ID,
  RUNNING_AS_ROOT,
  removeChildBuild,
  type StoreChild,
  startStoreChild,
} from "./child.js";
import { ManualClock } from "./contract.js";

// The raw driver, for the "other connection" a test needs (a backup tool, the sqlite3 shell).
interface RawDatabase {
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown };
  close(): void;
}
const RawDatabase = createRequire(import.meta.url)("better-sqlite3") as new (
  path: string,
  options?: { timeout?: number },
) => RawDatabase;

/** A web conversation id is the visitor's bearer cookie: it must never reach a message or a log line. */
const SECRET_ID = "web:0123456789abcdef0123456789abcdef";
const SECRET_KEY = `conv:${SECRET_ID}`;

const dir = tempDir("crampbot-sqlite-faults-");
chmodSync(dir.path, 0o755); // the "nobody" child must reach its files
let files = 0;
const freshFolder = (): string => {
  const folder = join(dir.path, `case-${++files}`);
  return folder;
};

const clock = new ManualClock();
const stores: SqliteStore[] = [];
const children: StoreChild[] = [];
const make = (path: string, options: Partial<SqliteStoreOptions> = {}): SqliteStore => {
  const store = new SqliteStore({ path, clock, sweepEveryMs: 0, ...options });
  stores.push(store);
  return store;
};

/** Log lines as text, for scans. */
class Lines implements Logger {
  readonly lines: string[] = [];
  debug(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ level: "debug", ...obj, msg }));
  }
  info(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ level: "info", ...obj, msg }));
  }
  warn(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ level: "warn", ...obj, msg }));
  }
  error(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ level: "error", ...obj, msg }));
  }
}

async function rejection(run: () => Promise<unknown>): Promise<StoreError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error("expected a StoreError");
}

/** Counts event-loop turns (setImmediate) until stopped: a blocked loop would count none. */
function loopTurns(): { count(): number; stop(): void } {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  return {
    count: () => turns,
    stop: () => {
      running = false;
    },
  };
}

beforeAll(() => {
  buildChild();
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill("SIGKILL");
      await child.exited;
    }
  }
  await Promise.all(stores.splice(0).map((store) => store.close().catch(() => {})));
});

afterAll(() => {
  removeChildBuild();
  dir.remove();
});

describe("SqliteStore: a file this process cannot write", () => {
  it("fails open() with one line naming the path and the fix, and recovers once permissions come back", async () => {
    const folder = freshFolder();
    const path = join(folder, "crampbot.db");
    const seed = make(path);
    await seed.set("conv:seed", { step: 1 }, 60_000);
    await seed.close();
    // Root-owned 0755 folder and 0644 file: read-only for "nobody"; for another user, take write permission away.
    chmodSync(folder, RUNNING_AS_ROOT ? 0o755 : 0o555);
    for (const name of readdirSync(folder)) chmodSync(join(folder, name), RUNNING_AS_ROOT ? 0o644 : 0o444);

    const child = startStoreChild(path);
    children.push(child);
    const refused = await child.next();
    expect(refused.ok).toBe(false);
    expect(refused.code).toBe("E_STORE");
    expect(refused.operation).toBe("open");
    expect(refused.message).toContain(path);
    expect(refused.message).toMatch(/writable/);
    expect(refused.message).toContain("DATABASE_PATH");
    expect(refused.message).not.toContain("\n");

    // Permissions come back: the same store, still running, opens and writes.
    if (RUNNING_AS_ROOT) {
      chownSync(folder, CHILD_ID, CHILD_ID);
      for (const name of readdirSync(folder)) chownSync(join(folder, name), CHILD_ID, CHILD_ID);
    } else {
      chmodSync(folder, 0o755);
      for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o644);
    }
    child.send("retry");
    expect(await child.next()).toEqual({ ok: true });
    child.send("close");
    expect(await child.next()).toEqual({ closed: true });

    const after = make(path);
    expect(await after.get("conv:seed")).toEqual({ step: 1 });
    expect(await after.get("conv:child")).toMatchObject({ pid: expect.any(Number) });
  });

  it("fails the service's start with that error (the one line serve prints before exit 1)", async () => {
    // A regular file where the folder should be: unwritable even for root.
    const folder = freshFolder();
    const blocker = `${folder}-blocker`;
    const store = make(join(blocker, "crampbot.db"));
    writeFileSync(blocker, "a file, not a folder");
    const service = createService(testConfig(), { store, defaultMetrics: false });
    const err = await rejection(() => service.start());
    expect(err.operation).toBe("open");
    expect(err.message).toContain(join(blocker, "crampbot.db"));
    expect(err.message).toContain("DATABASE_PATH");
  });
});

describe("SqliteStore: one process per file", () => {
  it("refuses a second process with a clear error naming the lock and Redis", async () => {
    const folder = freshFolder();
    const path = join(folder, "crampbot.db");
    const first = make(path);
    await first.set("conv:first", 1, 60_000);
    if (RUNNING_AS_ROOT) {
      chownSync(folder, CHILD_ID, CHILD_ID);
      for (const name of readdirSync(folder)) chownSync(join(folder, name), CHILD_ID, CHILD_ID);
    }
    const child = startStoreChild(path);
    children.push(child);
    const refused = await child.next();
    expect(refused.ok).toBe(false);
    expect(refused.operation).toBe("open");
    expect(refused.message).toContain(`${path}.lock`);
    expect(refused.message).toMatch(/another process/);
    expect(refused.message).toContain("REDIS_URL");

    // Once the first lets go, the second (still running) gets the file.
    await first.close();
    child.send("retry");
    expect(await child.next()).toEqual({ ok: true });
  });

  it("refuses a second store on the same file in this process too", async () => {
    const path = join(freshFolder(), "crampbot.db");
    await make(path).open();
    const err = await rejection(() => make(path, { busyWaitMs: 20 }).open());
    expect(err.message).toMatch(/another process \(or store\)/);
  });

  it("takes over the lock of a process killed with SIGKILL (the operating system released it)", async () => {
    const folder = freshFolder();
    const path = join(folder, "crampbot.db");
    mkdirSync(folder, { recursive: true });
    if (RUNNING_AS_ROOT) chownSync(folder, CHILD_ID, CHILD_ID);
    const child = startStoreChild(path);
    children.push(child);
    expect(await child.next()).toEqual({ ok: true });
    child.process.kill("SIGKILL");
    await child.exited;
    expect(existsSync(`${path}.lock`)).toBe(true); // left behind, as after any crash

    const next = make(path);
    expect(await next.get("conv:child")).toMatchObject({ pid: expect.any(Number) });
    await next.set("conv:next", 2, 60_000);
  });
});

describe("SqliteStore: another connection holds the write lock", () => {
  it("keeps serving reads, /healthz and the event loop while a write waits, and writes once the lock goes", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 60_000 });
    await store.set("conv:a", { n: 1 }, 60_000);
    // No platform adapters: the loop turns counted below are the store's and /healthz's alone.
    const service = createService(testConfig(), { store, defaultMetrics: false, platforms: [] });
    await service.start();
    try {
      const other = new RawDatabase(path, { timeout: 0 });
      other.exec("BEGIN IMMEDIATE");
      other.prepare("INSERT INTO sessions (key, value, expires_at) VALUES ('conv:other', '1', 0)").run();

      const turns = loopTurns();
      // Settled either way: the old synchronous 5-second busy wait would have settled (rejected) it already.
      let settled = false;
      const write = store.set("conv:b", { n: 2 }, 60_000).finally(() => {
        settled = true;
      });
      // Another conversation's read, and the health check, answer while that write waits for the lock.
      expect(await store.get("conv:a")).toEqual({ n: 1 });
      const health = await fetch(`${service.url}/healthz`);
      expect(health.status).toBe(200);
      const turnsWhileWaiting = turns.count();
      expect(settled).toBe(false);
      expect(turnsWhileWaiting).toBeGreaterThan(3);

      other.exec("COMMIT");
      other.close();
      await write;
      turns.stop();
      expect(await store.get("conv:b")).toEqual({ n: 2 });
    } finally {
      await service.stop();
    }
  });

  it("makes /readyz check a write: not ready while writes cannot get through, counted in /metrics", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 50 });
    const service = createService(testConfig(), { store, defaultMetrics: false });
    await service.start();
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      const other = new RawDatabase(path, { timeout: 0 });
      other.exec("BEGIN IMMEDIATE");
      const blocked = await fetch(`${service.url}/readyz`);
      other.exec("ROLLBACK");
      other.close();
      expect(blocked.status).toBe(503);
      expect(await blocked.json()).toMatchObject({ checks: { store: "unavailable" } });
      expect(await (await fetch(`${service.url}/metrics`)).text()).toContain(
        'crampbot_store_errors_total{operation="check"} 1',
      );
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });

  it("fails every write of a group that cannot commit, each naming its own key, and writes the next group", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 50 });
    await store.open();
    const other = new RawDatabase(path, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    const keys = ["conv:web:first", "conv:web:second", "conv:web:third"];
    let errors: StoreError[];
    try {
      errors = await Promise.all(keys.map((key) => rejection(() => store.set(key, { key }, 60_000))));
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    for (const [i, key] of keys.entries()) {
      expect(errors[i]?.operation).toBe("set");
      expect(errors[i]?.message).toContain(keyHash(key));
      expect(errors[i]?.message).toMatch(/another connection held the database lock/);
      expect(await store.get(key)).toBeUndefined();
    }
    await Promise.all(keys.map((key) => store.set(key, { key }, 60_000)));
    expect(await store.get("conv:web:second")).toEqual({ key: "conv:web:second" });
  });

  it("gives up after busyWaitMs with a StoreError that names the operation, not the key", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 50 });
    await store.open();
    const other = new RawDatabase(path, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    try {
      const err = await rejection(() => store.set(SECRET_KEY, { n: 1 }, 60_000));
      expect(err.operation).toBe("set");
      expect(err.message).toMatch(/another connection held the database lock/);
      expect(err.message).toContain(keyHash(SECRET_KEY));
      expect(err.message).not.toContain(SECRET_ID);
      // Reads are not blocked by a writer (WAL).
      expect(await store.get(SECRET_KEY)).toBeUndefined();
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await store.set(SECRET_KEY, { n: 2 }, 60_000);
  });
});

describe("SqliteStore: the file or its folder deleted while open", () => {
  it("is noticed and rewritten from the open connection, with a warning, so a restart loses nothing", async () => {
    const folder = freshFolder();
    const path = join(folder, "data", "crampbot.db");
    const logger = new Lines();
    const store = make(path, { logger });
    await store.set("conv:kept", { step: 2 }, 60_000);
    rmSync(join(folder, "data"), { recursive: true, force: true });
    expect(existsSync(path)).toBe(false);

    await store.check(); // the readiness check
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}.lock`)).toBe(true);
    expect(logger.lines.join("\n")).toMatch(/deleted while open/);
    await store.set("conv:after", { step: 3 }, 60_000);
    await store.close();

    const restarted = make(path);
    expect(await restarted.get("conv:kept")).toEqual({ step: 2 });
    expect(await restarted.get("conv:after")).toEqual({ step: 3 });
  });

  it("keeps the open connection (the only copy) while the file cannot be written back, and writes it later", async () => {
    const folder = freshFolder();
    const data = join(folder, "data");
    const path = join(data, "crampbot.db");
    const logger = new Lines();
    const store = make(path, { logger });
    await store.set("conv:kept", { step: 2 }, 60_000);
    rmSync(data, { recursive: true, force: true });
    writeFileSync(data, "a file where the folder was"); // the folder cannot be made again
    const err = await rejection(() => store.check());
    expect(err.operation).toBe("check");
    expect(err.message).toContain("deleted while open and cannot be written back");
    expect((await rejection(() => store.set("conv:more", 1, 60_000))).operation).toBe("set");
    expect(await store.get("conv:kept")).toEqual({ step: 2 }); // still there, in the open connection

    rmSync(data, { force: true });
    await store.check();
    await store.set("conv:more", 3, 60_000);
    await store.close();
    const restarted = make(path);
    expect(await restarted.get("conv:kept")).toEqual({ step: 2 });
    expect(await restarted.get("conv:more")).toBe(3);
  });

  it("writes the file back on close when nothing noticed before", async () => {
    const folder = freshFolder();
    const path = join(folder, "crampbot.db");
    const store = make(path);
    await store.set("conv:kept", 1, 60_000);
    rmSync(folder, { recursive: true, force: true });
    await store.close();
    expect(await make(path).get("conv:kept")).toBe(1);
  });
});

describe("SqliteStore: entries used lately, kept in the process", () => {
  // The store is the file's only writer while open (its lock file): a row changed behind its back by another
  // connection is what shows whether a read asked the file or answered from what the store remembers.
  const changeBehindItsBack = (path: string, key: string, json: string) => {
    const other = new RawDatabase(path, { timeout: 1_000 });
    other.prepare("UPDATE sessions SET value = ? WHERE key = ?").run(json, key);
    other.close();
  };

  it("answers a key written or read lately without a query, and asks the file for one it no longer keeps", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { cachedEntries: 2 });
    await store.set("conv:a", { n: 1 }, 60_000);
    changeBehindItsBack(path, "conv:a", '{"n":2}');
    expect(await store.get("conv:a")).toEqual({ n: 1 });

    // Two more keys used: "conv:a" is the least recently used of three, and goes.
    await store.set("conv:b", { n: 1 }, 60_000);
    await store.set("conv:c", { n: 1 }, 60_000);
    expect(await store.get("conv:a")).toEqual({ n: 2 });
    // Read from the file, so kept again.
    changeBehindItsBack(path, "conv:a", '{"n":3}');
    expect(await store.get("conv:a")).toEqual({ n: 2 });
  });

  it("keeps nothing with cachedEntries 0", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { cachedEntries: 0 });
    await store.set("conv:a", { n: 1 }, 60_000);
    changeBehindItsBack(path, "conv:a", '{"n":2}');
    expect(await store.get("conv:a")).toEqual({ n: 2 });
  });

  it("never answers an expired entry, nor one deleted", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path);
    await store.set("conv:short", 1, 1_000);
    await store.set("conv:gone", 1, 60_000);
    await store.delete("conv:gone");
    clock.advance(1_000);
    expect(await store.get("conv:short")).toBeUndefined();
    expect(await store.get("conv:gone")).toBeUndefined();
  });

  it("forgets the keys of a group that did not commit: the next read says what the file holds", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 30 });
    await store.set("conv:a", { n: 1 }, 60_000);
    const other = new RawDatabase(path, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    expect((await rejection(() => store.set("conv:a", { n: 2 }, 60_000))).operation).toBe("set");
    other.prepare("UPDATE sessions SET value = ? WHERE key = ?").run('{"n":3}', "conv:a");
    other.exec("COMMIT");
    other.close();
    expect(await store.get("conv:a")).toEqual({ n: 3 });
  });

  it("reads the new file, not what it remembers, once the file was replaced while open", async () => {
    const folder = freshFolder();
    const path = join(folder, "crampbot.db");
    const logger = new Lines();
    const store = make(path, { logger });
    await store.set("conv:a", { n: 1 }, 60_000);
    expect(await store.get("conv:a")).toEqual({ n: 1 });
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    const other = new RawDatabase(join(folder, "other.db"));
    other.exec(
      "CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)",
    );
    other.prepare("INSERT INTO sessions VALUES ('conv:a', '{\"n\":9}', ?)").run(Number.MAX_SAFE_INTEGER);
    other.close();
    renameSync(join(folder, "other.db"), path);

    await store.check(); // the readiness check notices the new file and reopens there
    expect(logger.lines.join("\n")).toMatch(/replaced while open/);
    expect(await store.get("conv:a")).toEqual({ n: 9 });
  });
});

describe("SqliteStore: the file shrinks", () => {
  it("truncates the WAL and releases freed pages after the sweep", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path);
    const big = "x".repeat(2_000);
    for (let i = 0; i < 500; i++) await store.set(`conv:${i}`, { big, i }, 1_000);
    await store.set("conv:alive", 1, 60_000);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    clock.advance(2_000);
    expect(await store.sweep()).toBe(500);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(statSync(path).size).toBeLessThan(200 * 1024); // the 1 MB of expired rows went back
    expect(await store.get("conv:alive")).toBe(1);
  });

  it("converts an existing file without incremental auto-vacuum once, keeping its rows", async () => {
    const path = join(freshFolder(), "crampbot.db");
    mkdirSync(join(path, ".."), { recursive: true });
    const old = new RawDatabase(path);
    old.pragma("journal_mode = WAL");
    old.exec(
      "CREATE TABLE sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)",
    );
    old.prepare("INSERT INTO sessions VALUES ('conv:old', '{\"a\":1}', ?)").run(Number.MAX_SAFE_INTEGER);
    expect(old.pragma("auto_vacuum", { simple: true })).toBe(0);
    old.close();

    const logger = new Lines();
    const store = make(path, { logger });
    expect(await store.get("conv:old")).toEqual({ a: 1 });
    await store.close();
    const check = new RawDatabase(path);
    expect(check.pragma("auto_vacuum", { simple: true })).toBe(2);
    check.close();
    expect(logger.lines.join("\n")).toMatch(/incremental auto-vacuum/);
  });

  it("creates a new file with incremental auto-vacuum", async () => {
    const path = join(freshFolder(), "crampbot.db");
    await make(path).open();
    const check = new RawDatabase(path);
    expect(check.pragma("auto_vacuum", { simple: true })).toBe(2);
    check.close();
  });
});

describe("SqliteStore: conversation keys never reach a message or a log line", () => {
  it("names keys by their short hash in every error", async () => {
    const store = make(join(freshFolder(), "crampbot.db"));
    const errors = [
      await rejection(() => store.set(SECRET_KEY, { n: 1n }, 60_000)),
      await rejection(() => store.set(SECRET_KEY, undefined, 60_000)),
      await rejection(() => store.set(SECRET_KEY, 1, Number.NaN)),
    ];
    await store.close();
    errors.push(await rejection(() => store.get(SECRET_KEY)));
    for (const err of errors) {
      expect(err.code).toBe("E_STORE");
      expect(`${err.message}\n${err.stack}`).not.toContain(SECRET_ID);
    }
    expect(errors[0]?.message).toContain(`#${keyHash(SECRET_KEY)}`);
  });

  it("answers a red flag and logs no conversation key while the engine meets store errors", async () => {
    const path = join(freshFolder(), "crampbot.db");
    const store = make(path, { busyWaitMs: 20 });
    const logger = new Lines();
    const engine = createEngine({ store, logger });
    await engine.handle({
      platform: "web",
      conversationId: SECRET_ID,
      userId: "u",
      kind: "text",
      text: "hello",
    });
    const other = new RawDatabase(path, { timeout: 0 });
    other.exec("BEGIN EXCLUSIVE");
    try {
      await engine.handle({
        platform: "web",
        conversationId: SECRET_ID,
        userId: "u",
        kind: "text",
        text: "what dose?",
      });
      // Neither read nor write can be had while another connection holds the file: a red flag is still answered.
      const urgent = await engine.handle({
        platform: "web",
        conversationId: SECRET_ID,
        userId: "u",
        kind: "text",
        text: "cramp in my calf and now it's swollen and warm to the touch",
      });
      expect(urgent.intent).toBe("urgent");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await store.close();
    await engine.handle({
      platform: "web",
      conversationId: SECRET_ID,
      userId: "u",
      kind: "text",
      text: "magnesium",
    });
    const text = logger.lines.join("\n");
    expect(text).toMatch(/E_STORE/); // the failures were logged...
    expect(text).not.toContain(SECRET_ID.slice(4)); // ...without the id
  });
});
