/**
 * The SQLite session store: state survives restarts, for one machine (several processes may share the file).
 * One table, WAL mode, prepared statements; expired rows are never returned and are swept periodically.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { CrampBotError } from "../../core/errors.js";
import type { Clock, SessionStore } from "../../core/types.js";

export interface SqliteStoreOptions {
  /**
   * The database file; its parent folder is created when the store opens. ":memory:" keeps everything in
   * this process (nothing persists). Default: "./data/crampbot.db".
   */
  path?: string;
  /** Default: the system clock. */
  clock?: Clock;
  /** How often expired rows are deleted, in milliseconds; 0 turns the sweep off. Default: 300,000 (5 minutes). */
  sweepEveryMs?: number;
}

// The subset of better-sqlite3 (v12) this store uses; the package ships no type declarations of its own.
interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
}
interface Database {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): void;
}
type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => Database;

interface Statements {
  get: Statement;
  upsert: Statement;
  delete: Statement;
  deleteIfExpired: Statement;
  sweep: Statement;
}

interface Row {
  value: string;
  expires_at: number;
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

export class SqliteStore implements SessionStore {
  readonly path: string;
  private readonly clock: Clock;
  private readonly sweepEveryMs: number;
  private db: Database | undefined;
  private statements: Statements | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(options: SqliteStoreOptions = {}) {
    this.path = options.path ?? "./data/crampbot.db";
    this.clock = options.clock ?? { now: () => Date.now() };
    this.sweepEveryMs = options.sweepEveryMs ?? 300_000;
  }

  /**
   * Opens the database (creating its folder, file and table) if it is not open yet. Every other method calls it;
   * call it at startup to find a bad path before the first message does.
   */
  open(): void {
    this.ready();
  }

  async get(key: string): Promise<unknown | undefined> {
    const statements = this.ready();
    let row: Row | undefined;
    try {
      row = statements.get.get(key) as Row | undefined;
      if (row && row.expires_at <= this.clock.now()) {
        statements.deleteIfExpired.run(key, this.clock.now());
        return undefined;
      }
    } catch (err) {
      throw this.error(`could not read "${key}"`, err);
    }
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch (err) {
      throw this.error(`the value of "${key}" is not valid JSON`, err);
    }
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const statements = this.ready();
    const json = serialise(key, value);
    if (Number.isNaN(ttlMs)) throw new CrampBotError("E_STORE", `SQLite store: ttlMs for "${key}" is NaN`);
    const expiresAt = Number.isFinite(ttlMs) ? Math.min(Math.ceil(this.clock.now() + ttlMs), NEVER) : NEVER;
    try {
      statements.upsert.run(key, json, expiresAt);
    } catch (err) {
      throw this.error(`could not write "${key}"`, err);
    }
  }

  async delete(key: string): Promise<void> {
    const statements = this.ready();
    try {
      statements.delete.run(key);
    } catch (err) {
      throw this.error(`could not delete "${key}"`, err);
    }
  }

  /** Deletes every expired row now; returns how many. Runs on its own every `sweepEveryMs`. */
  async sweep(): Promise<number> {
    const statements = this.ready();
    try {
      return statements.sweep.run(this.clock.now()).changes;
    } catch (err) {
      throw this.error("could not delete expired rows", err);
    }
  }

  /** Closes the database; later calls do nothing. Using the store after closing it is an E_STORE error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.statements = undefined;
    const db = this.db;
    this.db = undefined;
    try {
      db?.close();
    } catch (err) {
      throw this.error("could not close the database", err);
    }
  }

  private ready(): Statements {
    if (this.closed) throw new CrampBotError("E_STORE", `SQLite store ${this.path}: the store is closed`);
    if (this.statements) return this.statements;
    let db: Database | undefined;
    try {
      if (this.path !== ":memory:" && this.path !== "") mkdirSync(dirname(this.path), { recursive: true });
      db = new (loadDriver())(this.path, { timeout: 5_000 });
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL loses at most the last writes on power loss (never on a crash) and is much faster.
      db.pragma("synchronous = NORMAL");
      db.exec(SCHEMA);
      this.statements = {
        get: db.prepare("SELECT value, expires_at FROM sessions WHERE key = ?"),
        upsert: db.prepare(
          "INSERT INTO sessions (key, value, expires_at) VALUES (?, ?, ?) " +
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
        ),
        delete: db.prepare("DELETE FROM sessions WHERE key = ?"),
        deleteIfExpired: db.prepare("DELETE FROM sessions WHERE key = ? AND expires_at <= ?"),
        sweep: db.prepare("DELETE FROM sessions WHERE expires_at <= ?"),
      };
    } catch (err) {
      try {
        db?.close();
      } catch {
        // Already failing; the open error below is the one that matters.
      }
      throw this.error("could not open the database", err);
    }
    this.db = db;
    if (this.sweepEveryMs > 0) {
      this.timer = setInterval(() => {
        // A failed sweep (say, the file is busy) is retried at the next tick; reads never return expired rows anyway.
        this.sweep().catch(() => {});
      }, this.sweepEveryMs);
      this.timer.unref();
    }
    return this.statements;
  }

  private error(problem: string, cause: unknown): CrampBotError {
    if (cause instanceof CrampBotError) return cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : "";
    return new CrampBotError("E_STORE", `SQLite store ${this.path}: ${problem}${detail}`, { cause });
  }
}

function serialise(key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new CrampBotError("E_STORE", `SQLite store: the value for "${key}" is not JSON-serialisable`, {
      cause: err,
    });
  }
  if (json === undefined) {
    throw new CrampBotError("E_STORE", `SQLite store: the value for "${key}" is not JSON-serialisable`);
  }
  return json;
}

let driver: DatabaseConstructor | undefined;

/** Loads the native module on first use, so processes that never open a SQLite store never load it. */
function loadDriver(): DatabaseConstructor {
  driver ??= createRequire(import.meta.url)("better-sqlite3") as DatabaseConstructor;
  return driver;
}
