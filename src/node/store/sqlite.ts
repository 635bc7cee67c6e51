/**
 * The SQLite session store: state survives restarts, for ONE process on one machine. Several processes on one file
 * would lose updates (the engine orders a conversation's messages within a process only), so the store holds an
 * exclusive lock on `<file>.lock` while open and a second process gets a clear error; use Redis for several.
 * One table, WAL mode, prepared statements; expired rows are never returned and are swept periodically, after
 * which the WAL is truncated and freed pages are returned to the file system (incremental auto-vacuum).
 *
 * Writes are committed in groups: every set() and delete() issued in one turn of the event loop (under load, many
 * conversations' turns finish in the same turn of the loop) is written in one transaction at the end of it, in
 * order, and each call resolves once that transaction has committed, so a resolved write is as durable as before.
 * A commit is most of a write's cost (WAL frames for the table and its index), so this costs far less per message
 * than one transaction each. A read of a key with a write still queued waits for that write first.
 *
 * Reads of keys used lately need no query: the committed JSON of the most recently used entries is kept in this
 * process too (the store is the file's only writer while open), and dropped with the connection (ADR 22).
 *
 * better-sqlite3 is synchronous: a wait inside SQLite blocks the whole event loop. So SQLite itself waits only
 * `busyTimeoutMs` (a few ms) for a lock another connection holds, and the store retries off the event loop with a
 * jittered backoff for up to `busyWaitMs`; other conversations and /healthz are served meanwhile.
 *
 * Faults it handles: a file or folder that cannot be written fails `open()` with one line naming the path and the
 * fix (the service calls it at start and exits 1); a write error drops the connection so the next call reopens it
 * (it recovers once permissions come back); a data folder or file deleted while open is noticed (before writes,
 * by the readiness check and the periodic sweep) and rewritten from the open connection, with a warning, instead
 * of vanishing at the next restart. Error messages name a key by its short hash only, never the key itself.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CrampBotError, StoreError, type StoreOperation } from "../../core/errors.js";
import { keyLabel } from "../../core/store/key-hash.js";
import { serialise } from "../../core/store/serialise.js";
import type { Clock, Logger, SessionStore } from "../../core/types.js";
import { type Database, detailOf, isSqliteBusy, loadDriver, type Statement } from "./better-sqlite3.js";

export interface SqliteStoreOptions {
  /**
   * The database file; its parent folder is created when the store opens. ":memory:" keeps everything in
   * this process (nothing persists, no lock file). Default: "./data/crampbot.db".
   */
  path?: string;
  /** Default: the system clock. */
  clock?: Clock;
  /**
   * How often expired rows are deleted (then the WAL truncated and freed pages released), in milliseconds; 0 turns
   * the sweep off. Default: 300,000 (5 minutes).
   */
  sweepEveryMs?: number;
  /** How long SQLite itself waits for a lock per attempt, blocking the event loop, in milliseconds. Default: 10. */
  busyTimeoutMs?: number;
  /** How long one operation keeps retrying (asynchronously) while another connection holds the lock. Default: 2,000. */
  busyWaitMs?: number;
  /** Where the store reports what it repaired (a deleted file rewritten, a file converted). Default: silent. */
  logger?: Logger;
  /**
   * How many recently used entries are kept in this process as well (their JSON and expiry), so that a read of one
   * needs no query; the least recently used is dropped first; 0 keeps none. Default: 10,000 (a conversation's state
   * is about 0.5-1 KB of JSON, so at most a few MB).
   */
  cachedEntries?: number;
}

// The subset of better-sqlite3 (v12) this store uses; the package ships no type declarations of its own.

interface Statements {
  get: Statement;
  upsert: Statement;
  delete: Statement;
  deleteIfExpired: Statement;
  sweep: Statement;
  /** Runs a group of writes, in order, in one transaction. */
  write: (writes: readonly QueuedWrite[]) => void;
}

/** A set() (json, expiresAt) or delete() (json null) waiting for its group's transaction. */
interface QueuedWrite {
  operation: "set" | "delete";
  key: string;
  json: string | null;
  expiresAt: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Row {
  value: string;
  expires_at: number;
}

/** A committed entry as the file holds it, kept in this process (see {@link SqliteStore}'s `recent`). */
interface CachedEntry {
  json: string;
  expiresAt: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at);
`;

/** Entries written with a non-finite TTL never expire; stored as the largest exact integer. */
const NEVER = Number.MAX_SAFE_INTEGER;
/** The row the open and readiness checks write (a real write, so a read-only file is found); it expires. */
const CHECK_KEY = "health:check";
const CHECK_TTL_MS = 60_000;
/** First and largest pause between two attempts while the database is busy (each pause is jittered). */
const BUSY_RETRY_FIRST_MS = 5;
const BUSY_RETRY_MAX_MS = 100;
/** Writes look at most this often (ms) whether the file is still where it was opened (one stat call). */
const VERIFY_EVERY_MS = 1_000;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export class SqliteStore implements SessionStore {
  readonly path: string;
  /** `<path>.lock`: held exclusively while open, so a second process on the same file fails with a clear error. */
  readonly lockPath: string;
  private readonly clock: Clock;
  private readonly sweepEveryMs: number;
  private readonly busyTimeoutMs: number;
  private readonly busyWaitMs: number;
  private readonly logger: Logger;
  private readonly persistent: boolean;
  private db: Database | undefined;
  private fileLock: Database | undefined;
  private statements: Statements | undefined;
  /** Device and inode of the file as opened: a different answer from stat() means it was deleted or replaced. */
  private fileId: { dev: number; ino: number } | undefined;
  private lastVerified = 0;
  /** The file went while open and could not be written back yet: check before every write until it is. */
  private lost = false;
  private opening: Promise<Statements> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** close() was called: no new writes are taken, the queued ones are still committed. */
  private closing = false;
  /** Writes waiting for the next group (committed at the end of this turn of the event loop). */
  private queued: QueuedWrite[] = [];
  private flushScheduled = false;
  /** How many queued or committing writes each key has: a read of such a key waits for them. */
  private readonly unwritten = new Map<string, number>();
  /** The groups being committed, one after the other; settles once the last one has. */
  private writing: Promise<void> = Promise.resolve();
  /**
   * What the file holds for the keys used lately, as committed (a write enters only once its group has committed;
   * a group that failed removes its keys), in order of use. Sound because the store is the file's only writer
   * while open (the lock file); emptied whenever the connection is dropped (an error, a file replaced or reopened).
   */
  private readonly recent = new Map<string, CachedEntry>();
  private readonly cachedEntries: number;

  constructor(options: SqliteStoreOptions = {}) {
    this.path = options.path ?? "./data/crampbot.db";
    this.lockPath = `${this.path}.lock`;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.sweepEveryMs = options.sweepEveryMs ?? 300_000;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10;
    this.busyWaitMs = options.busyWaitMs ?? 2_000;
    this.logger = options.logger ?? silent;
    this.persistent = this.path !== ":memory:" && this.path !== "";
    this.cachedEntries = Math.max(0, options.cachedEntries ?? 10_000);
  }

  /**
   * Opens the database (creating its folder, file and table, taking the lock file, and writing once to prove it
   * can) if it is not open yet. Every other method opens it too; the service calls it at start, so a path that
   * cannot be written stops the start with one line naming it and the fix.
   */
  async open(): Promise<void> {
    await this.ready("open");
  }

  async get(key: string): Promise<unknown | undefined> {
    if (this.unwritten.has(key)) await this.drain();
    const json = this.cached(key) ?? (await this.read(key));
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      throw new StoreError(
        "get",
        `SQLite store ${this.path}: the value of ${keyLabel(key)} is not valid JSON`,
        {
          cause: err,
        },
      );
    }
  }

  /** The JSON of `key` from `recent`, when it is there, unexpired, and the connection it came from is open. */
  private cached(key: string): string | undefined {
    if (this.statements === undefined) return undefined;
    const entry = this.recent.get(key);
    if (entry === undefined) return undefined;
    // An expired entry is left to the query, which deletes its row.
    if (entry.expiresAt <= this.clock.now()) {
      this.recent.delete(key);
      return undefined;
    }
    // Map order is recency of use: move it to the end.
    this.recent.delete(key);
    this.recent.set(key, entry);
    return entry.json;
  }

  /** Reads `key` from the file (deleting its row when expired) and remembers what it found. */
  private read(key: string): Promise<string | undefined> {
    return this.run(
      "get",
      () => `could not read ${keyLabel(key)}`,
      (statements) => {
        const row = statements.get.get(key) as Row | undefined;
        if (!row) return undefined;
        const now = this.clock.now();
        if (row.expires_at <= now) {
          statements.deleteIfExpired.run(key, now);
          return undefined;
        }
        this.remember(key, row.value, row.expires_at);
        return row.value;
      },
    );
  }

  /** Keeps `key`'s committed JSON in `recent`, dropping the least recently used past `cachedEntries`. */
  private remember(key: string, json: string, expiresAt: number): void {
    if (this.cachedEntries === 0) return;
    this.recent.delete(key);
    this.recent.set(key, { json, expiresAt });
    if (this.recent.size > this.cachedEntries) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = serialise("SQLite store", key, value);
    if (Number.isNaN(ttlMs)) throw new StoreError("set", `SQLite store: ttlMs for ${keyLabel(key)} is NaN`);
    const expiresAt = Number.isFinite(ttlMs) ? Math.min(Math.ceil(this.clock.now() + ttlMs), NEVER) : NEVER;
    await this.enqueue("set", key, json, expiresAt);
  }

  async delete(key: string): Promise<void> {
    await this.enqueue("delete", key, null, 0);
  }

  /**
   * Deletes every expired row now and returns how many; then truncates the WAL and, when rows went, releases the
   * freed pages to the file system. Runs on its own every `sweepEveryMs`.
   */
  async sweep(): Promise<number> {
    const swept = await this.run(
      "sweep",
      () => "could not delete expired rows",
      (statements) => {
        return statements.sweep.run(this.clock.now()).changes;
      },
    );
    await this.run(
      "sweep",
      () => "could not compact the file",
      () => {
        if (swept > 0) this.db?.pragma("incremental_vacuum");
        // Best effort: a reader elsewhere may keep part of the WAL alive; the next sweep tries again.
        this.db?.pragma("wal_checkpoint(TRUNCATE)");
      },
    );
    return swept;
  }

  /**
   * Readiness: the file is still where it was opened (else it is rewritten first) and one real write succeeds.
   * Rejects with a StoreError (operation "check") when the store cannot take writes.
   */
  async check(): Promise<void> {
    await this.run(
      "check",
      () => "the readiness write failed",
      (statements) => {
        this.recent.delete(CHECK_KEY);
        statements.upsert.run(CHECK_KEY, "1", this.clock.now() + CHECK_TTL_MS);
      },
    );
  }

  /**
   * Commits the writes still queued, then closes the database and the lock; later calls do nothing. Using the store
   * after closing it is an E_STORE error.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.drain();
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.opening?.catch(() => {});
    let failure: unknown;
    try {
      // A file deleted under us is written back before the connection (the last copy) goes.
      if (this.db && this.moved()) this.rewrite("close", false);
    } catch (err) {
      failure = err;
    }
    try {
      this.dropConnection();
    } catch (err) {
      failure ??= err;
    }
    this.releaseLock();
    if (failure) throw this.error("close", "could not close the database", failure);
  }

  /** Queues a write for this turn of the event loop's group; resolves once its group has committed. */
  private enqueue(
    operation: "set" | "delete",
    key: string,
    json: string | null,
    expiresAt: number,
  ): Promise<void> {
    if (this.closing) {
      return Promise.reject(new StoreError(operation, `SQLite store ${this.path}: the store is closed`));
    }
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ operation, key, json, expiresAt, resolve, reject });
      this.unwritten.set(key, (this.unwritten.get(key) ?? 0) + 1);
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // After the I/O callbacks of this turn of the loop: every turn they finished joins the same transaction.
      setImmediate(() => this.flush());
    });
  }

  /** Starts committing the queued writes as one group, after the groups already committing. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.queued.length === 0) return;
    const group = this.queued;
    this.queued = [];
    this.writing = this.writing.then(() => this.commit(group));
  }

  /** Resolves once every write queued so far has committed or failed. */
  private async drain(): Promise<void> {
    this.flush();
    await this.writing;
  }

  /**
   * Commits one group in one transaction (retried whole while the database is busy: nothing of it was written). On
   * failure every write of the group rejects, each with an error naming its own key (by its hash).
   */
  private async commit(group: QueuedWrite[]): Promise<void> {
    try {
      await this.attempt("set", (statements) => statements.write(group));
      // Committed, in order: `recent` now says what the file says (a later write of a key replaces an earlier one).
      for (const write of group) {
        if (write.json === null) this.recent.delete(write.key);
        else this.remember(write.key, write.json, write.expiresAt);
      }
      for (const write of group) write.resolve();
    } catch (err) {
      for (const write of group) {
        // Rolled back: forget the key, so the next read asks the file what it holds.
        this.recent.delete(write.key);
        const problem =
          write.operation === "set"
            ? `could not write ${keyLabel(write.key)}`
            : `could not delete ${keyLabel(write.key)}`;
        write.reject(this.error(write.operation, problem, err));
      }
    } finally {
      for (const { key } of group) {
        const left = (this.unwritten.get(key) ?? 1) - 1;
        if (left > 0) this.unwritten.set(key, left);
        else this.unwritten.delete(key);
      }
    }
  }

  /**
   * One operation: open if needed, run `work` (synchronous SQLite calls), and while another connection holds the
   * lock, retry after a pause that does not block the event loop, for up to `busyWaitMs`. Any other failure drops
   * the connection, so the next call opens the file afresh (permissions fixed, file back). `problem` is only called
   * on failure: naming the key costs a SHA-256, which a message's store calls should not pay each time.
   */
  private async run<T>(
    operation: StoreOperation,
    problem: () => string,
    work: (statements: Statements) => T,
  ): Promise<T> {
    try {
      return await this.attempt(operation, work);
    } catch (err) {
      if (err instanceof CrampBotError) throw err;
      throw this.error(operation, problem(), err);
    }
  }

  /** {@link run} without the wrapping: rejects with what failed (a StoreError of ours, or the driver's error). */
  private async attempt<T>(operation: StoreOperation, work: (statements: Statements) => T): Promise<T> {
    const deadline = performance.now() + this.busyWaitMs;
    let pause = BUSY_RETRY_FIRST_MS;
    for (;;) {
      let statements = this.statements ?? (await this.ready(operation));
      try {
        if (operation !== "get") {
          // May rewrite and reopen the file: use the statements of the connection open now.
          this.verify(operation, operation === "check");
          statements = this.statements ?? statements;
        }
        return work(statements);
      } catch (err) {
        if (err instanceof CrampBotError) throw err;
        const left = deadline - performance.now();
        if (isBusy(err) && left > 0) {
          await sleep(Math.max(1, Math.min(left, Math.round(pause * (0.5 + Math.random())))));
          pause = Math.min(pause * 2, BUSY_RETRY_MAX_MS);
          continue;
        }
        if (!isBusy(err)) this.reset();
        throw err;
      }
    }
  }

  private async ready(operation: StoreOperation): Promise<Statements> {
    if (this.closed) throw new StoreError(operation, `SQLite store ${this.path}: the store is closed`);
    if (this.statements) return this.statements;
    this.opening ??= this.connect(operation).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** Opens, retrying (asynchronously) while the file is busy, for up to `busyWaitMs`. */
  private async connect(operation: StoreOperation): Promise<Statements> {
    const deadline = performance.now() + this.busyWaitMs;
    let pause = BUSY_RETRY_FIRST_MS;
    for (;;) {
      try {
        return this.openOnce();
      } catch (err) {
        const left = deadline - performance.now();
        if (isBusy(err) && left > 0 && !this.closed) {
          await sleep(Math.max(1, Math.min(left, Math.round(pause * (0.5 + Math.random())))));
          pause = Math.min(pause * 2, BUSY_RETRY_MAX_MS);
          continue;
        }
        throw this.openError(operation, err);
      }
    }
  }

  private openOnce(): Statements {
    if (this.closed) throw new StoreError("open", `SQLite store ${this.path}: the store is closed`);
    if (this.persistent) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fileLock ??= this.takeLock();
    }
    let db: Database | undefined;
    try {
      db = new (loadDriver())(this.path, { timeout: this.busyTimeoutMs });
      // Must precede the first table; an existing file without it is converted once (VACUUM) below.
      const vacuum = Number(db.pragma("auto_vacuum", { simple: true }));
      if (vacuum !== 2) db.pragma("auto_vacuum = INCREMENTAL");
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL loses at most the last writes on power loss (never on a crash) and is much faster.
      db.pragma("synchronous = NORMAL");
      if (vacuum !== 2 && hasTables(db)) {
        db.exec("VACUUM");
        this.logger.info({ path: this.path }, "sqlite store: converted the file to incremental auto-vacuum");
      }
      db.exec(SCHEMA);
      const statements: Statements = {
        get: db.prepare("SELECT value, expires_at FROM sessions WHERE key = ?"),
        upsert: db.prepare(
          "INSERT INTO sessions (key, value, expires_at) VALUES (?, ?, ?) " +
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
        ),
        delete: db.prepare("DELETE FROM sessions WHERE key = ?"),
        deleteIfExpired: db.prepare("DELETE FROM sessions WHERE key = ? AND expires_at <= ?"),
        sweep: db.prepare("DELETE FROM sessions WHERE expires_at <= ?"),
        write: () => {},
      };
      statements.write = db.transaction((writes: readonly QueuedWrite[]) => {
        for (const write of writes) {
          if (write.json === null) statements.delete.run(write.key);
          else statements.upsert.run(write.key, write.json, write.expiresAt);
        }
      });
      // A read-only file opens fine (SQLite falls back to reading): only a write tells.
      statements.upsert.run(CHECK_KEY, "1", this.clock.now() + CHECK_TTL_MS);
      this.fileId = this.persistent ? identity(this.path) : undefined;
      this.lastVerified = performance.now();
      this.db = db;
      this.statements = statements;
    } catch (err) {
      try {
        db?.close();
      } catch {
        // Already failing; the open error is the one that matters.
      }
      throw err;
    }
    this.startTimer();
    return this.statements;
  }

  /**
   * The lock file is itself a tiny SQLite database held in EXCLUSIVE locking mode after one write: the operating
   * system releases that lock when the process dies (even by kill -9), so a stale lock never needs clearing, and a
   * second process (or a second store in this one) fails at once with SQLITE_BUSY.
   */
  private takeLock(): Database {
    const lock = new (loadDriver())(this.lockPath, { timeout: 0 });
    try {
      lock.pragma("locking_mode = EXCLUSIVE");
      // No journal file beside it (OFF is refused in better-sqlite3's defensive mode); the rows are only a note.
      lock.pragma("journal_mode = MEMORY");
      lock.exec(
        "CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL); DELETE FROM holder;",
      );
      lock
        .prepare("INSERT INTO holder (pid, since) VALUES (?, ?)")
        .run(process.pid, new Date().toISOString());
    } catch (err) {
      try {
        lock.close();
      } catch {
        // Already failing.
      }
      if (isBusy(err)) throw new LockHeld(err);
      throw err;
    }
    return lock;
  }

  /**
   * Whether the file is still the one opened (not deleted, with its folder or alone, nor replaced). Writes ask at
   * most once a second, the readiness check always; a moved file is rewritten from the open connection first.
   */
  private verify(operation: StoreOperation, always: boolean): void {
    if (!this.persistent || !this.db) return;
    const now = performance.now();
    if (!always && !this.lost && now - this.lastVerified < VERIFY_EVERY_MS) return;
    this.lastVerified = now;
    if (this.moved()) this.rewrite(operation, true);
  }

  private moved(): boolean {
    if (!this.persistent || !this.fileId) return false;
    const now = identity(this.path);
    return now === undefined || now.dev !== this.fileId.dev || now.ino !== this.fileId.ino;
  }

  /**
   * The file (or its folder) went while open: the open connection still reads the old data, so it is copied to
   * the path (VACUUM INTO) and the store reopens there. A file put in its place by someone else is used as it is.
   */
  private rewrite(operation: StoreOperation, reopen: boolean): void {
    const db = this.db;
    if (!db) return;
    const replaced = identity(this.path) !== undefined;
    if (!replaced) {
      try {
        mkdirSync(dirname(this.path), { recursive: true });
        db.prepare("VACUUM INTO ?").run(this.path);
      } catch (err) {
        // Keep the connection: it holds the only copy. Every later call tries again (and fails until it works).
        this.lost = true;
        // A half-written copy would pass for a replaced file next time; a file someone else put there stays.
        if (!/exists/i.test(detailOf(err))) rmSync(this.path, { force: true });
        throw new StoreError(
          operation,
          `SQLite store ${this.path}: the database file was deleted while open and cannot be written back ` +
            `(${detailOf(err)}); restore its folder ${dirname(this.path)}, writable, before stopping the service`,
          { cause: err },
        );
      }
      this.lost = false;
    }
    this.logger.warn(
      { path: this.path },
      replaced
        ? "sqlite store: the database file was replaced while open; reopening the new file"
        : "sqlite store: the database file or its folder was deleted while open; rewrote it from the open connection",
    );
    if (!reopen) return;
    this.dropConnection();
    // The lock file went with the folder: take a new one there, so a second process still cannot start.
    this.releaseLock();
    this.openOnce();
  }

  private startTimer(): void {
    if (this.timer || this.sweepEveryMs <= 0) return;
    this.timer = setInterval(() => {
      // A failed sweep (say, the file is busy) is retried at the next tick; reads never return expired rows anyway.
      this.sweep().catch((error: unknown) => {
        const err = error as { message?: unknown; code?: unknown };
        this.logger.warn(
          { path: this.path, err: { message: err.message, code: err.code } },
          "sqlite store: sweep failed",
        );
      });
    }, this.sweepEveryMs);
    this.timer.unref();
  }

  /**
   * After a failed call: reopen at the next one (permissions may come back). A file deleted meanwhile is written
   * back first; if that fails the connection, the only copy, stays open.
   */
  private reset(): void {
    if (this.db && this.moved()) {
      try {
        this.rewrite("check", false);
      } catch {
        return;
      }
    }
    this.dropConnection();
  }

  /** Closes the database connection (keeping the lock): the next call reopens it. */
  private dropConnection(): void {
    const db = this.db;
    this.db = undefined;
    this.statements = undefined;
    this.fileId = undefined;
    // The next connection may see another file (replaced while open): what was remembered is not known to hold.
    this.recent.clear();
    db?.close();
  }

  private releaseLock(): void {
    const lock = this.fileLock;
    this.fileLock = undefined;
    try {
      lock?.close();
    } catch {
      // The operating system drops the lock with the handle anyway.
    }
  }

  private error(operation: StoreOperation, problem: string, cause: unknown): StoreError {
    if (cause instanceof StoreError) return cause;
    if (isBusy(cause)) {
      return new StoreError(
        operation,
        `SQLite store ${this.path}: ${problem}: another connection held the database lock for more than ${this.busyWaitMs} ms (${detailOf(cause)})`,
        { cause },
      );
    }
    return new StoreError(operation, `SQLite store ${this.path}: ${problem}: ${detailOf(cause)}`, { cause });
  }

  /** One line naming the path, what is wrong and how to fix it (the service prints it and exits 1 at start). */
  private openError(operation: StoreOperation, cause: unknown): StoreError {
    if (cause instanceof StoreError) return cause;
    const folder = dirname(this.path);
    const detail = detailOf(cause);
    const code = (cause as { code?: unknown } | undefined)?.code;
    let message: string;
    if (cause instanceof LockHeld) {
      message =
        `SQLite store ${this.path}: another process (or store) already uses this file — its lock ${this.lockPath} ` +
        "is held. One SQLite file serves one process: stop the other one, give each its own DATABASE_PATH, or set " +
        "REDIS_URL to share state between several processes";
    } else if (
      typeof code === "string" &&
      (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) || ["EACCES", "EPERM", "EROFS"].includes(code))
    ) {
      message =
        `SQLite store ${this.path}: cannot write the database (${detail}). Make the file, its -wal and -shm files ` +
        `and the folder ${folder} writable${uidNote()}, or set DATABASE_PATH to a writable file`;
    } else if (typeof code === "string" && /^SQLITE_(NOTADB|CORRUPT)/.test(code)) {
      message =
        `SQLite store ${this.path}: not a SQLite database, or damaged (${detail}). Move the file away to start ` +
        "afresh, or set DATABASE_PATH to another file";
    } else if (isBusy(cause)) {
      message =
        `SQLite store ${this.path}: another connection kept the database locked for more than ${this.busyWaitMs} ` +
        `ms while opening (${detail})`;
    } else {
      message = `SQLite store ${this.path}: could not open the database (${detail}); check DATABASE_PATH`;
    }
    return new StoreError(operation === "check" ? "check" : operation, message, { cause });
  }
}

/** The lock file is held by another connection: a distinct failure with its own message. */
class LockHeld extends Error {
  constructor(cause: unknown) {
    super("the lock file is held by another connection", { cause });
    this.name = "LockHeld";
  }
}

function isBusy(err: unknown): boolean {
  return err instanceof LockHeld || isSqliteBusy(err);
}

function uidNote(): string {
  return typeof process.getuid === "function" ? ` for this user (uid ${process.getuid()})` : "";
}

function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

function hasTables(db: Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
    n: number;
  };
  return row.n > 0;
}
