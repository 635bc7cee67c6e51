/**
 * The SQLite feedback store: "Helpful?" vote counts in the session store's file (a table of their own,
 * `feedback_votes`, one row per section, answer version and vote), so they survive restarts with the conversations.
 * It opens its own connection to the file, lazily at the first vote: the session store keeps the file's lock, its
 * sweep and its repairs. Like the session store it lets SQLite wait only a few ms for a lock, blocking the event
 * loop, and retries off the event loop for up to `busyWaitMs`.
 *
 * A file deleted while open is not recreated here (that would give the session store an empty file to take for a
 * replaced one): votes fail, logged by the engine, until the session store has written the file back, then this
 * store reopens it.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { StoreError, type StoreOperation } from "../../core/errors.js";
import type { FeedbackCount, FeedbackStore, FeedbackVote } from "../../core/types.js";
import { type Database, detailOf, isSqliteBusy, loadDriver, type Statement } from "./better-sqlite3.js";

export interface SqliteFeedbackStoreOptions {
  /** The database file, the session store's (":memory:": this process only). Default: "./data/crampbot.db". */
  path?: string;
  /** How long SQLite itself waits for a lock per attempt, blocking the event loop, in milliseconds. Default: 10. */
  busyTimeoutMs?: number;
  /** How long one operation keeps retrying (asynchronously) while another connection holds the lock. Default: 2,000. */
  busyWaitMs?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback_votes (
  section TEXT NOT NULL,
  version TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (section, version, vote)
) WITHOUT ROWID;
`;

/** First and largest pause between two attempts while the database is busy (each pause is jittered). */
const BUSY_RETRY_FIRST_MS = 5;
const BUSY_RETRY_MAX_MS = 100;

interface Open {
  db: Database;
  upsert: Statement;
  all: Statement;
  fileId: string | undefined;
}

export class SqliteFeedbackStore implements FeedbackStore {
  readonly path: string;
  private readonly busyTimeoutMs: number;
  private readonly busyWaitMs: number;
  private readonly persistent: boolean;
  private open: Open | undefined;
  private closed = false;

  constructor(options: SqliteFeedbackStoreOptions = {}) {
    this.path = options.path ?? "./data/crampbot.db";
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10;
    this.busyWaitMs = options.busyWaitMs ?? 2_000;
    this.persistent = this.path !== ":memory:" && this.path !== "";
  }

  async record(vote: { section: string; version: string; vote: FeedbackVote; at: number }): Promise<void> {
    await this.retrying("set", () => {
      this.connection("set").upsert.run(vote.section, vote.version, vote.vote, vote.at);
    });
  }

  async counts(): Promise<FeedbackCount[]> {
    return this.retrying("get", () => this.connection("get").all.all() as FeedbackCount[]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.drop();
  }

  /** Runs `task`, retrying off the event loop while another connection holds the lock. */
  private async retrying<T>(operation: StoreOperation, task: () => T): Promise<T> {
    const deadline = performance.now() + this.busyWaitMs;
    let pause = BUSY_RETRY_FIRST_MS;
    for (;;) {
      try {
        return task();
      } catch (err) {
        const left = deadline - performance.now();
        if (isSqliteBusy(err) && left > 0 && !this.closed) {
          await sleep(Math.max(1, Math.min(left, Math.round(pause * (0.5 + Math.random())))));
          pause = Math.min(pause * 2, BUSY_RETRY_MAX_MS);
          continue;
        }
        if (err instanceof StoreError) throw err;
        // A failed write may mean a changed file (permissions, a replaced file): reopen at the next call.
        this.drop();
        throw new StoreError(operation, `SQLite feedback store ${this.path}: ${detailOf(err)}`, {
          cause: err,
        });
      }
    }
  }

  /** The open connection, (re)opened when needed; the file must still be the one opened. */
  private connection(operation: StoreOperation): Open {
    if (this.closed)
      throw new StoreError(operation, `SQLite feedback store ${this.path}: the store is closed`);
    if (this.open !== undefined && this.persistent) {
      const now = identity(this.path);
      if (now === undefined)
        throw new StoreError(
          operation,
          `SQLite feedback store ${this.path}: the database file is gone; waiting for it to be written back`,
        );
      if (now !== this.open.fileId) this.drop();
    }
    this.open ??= this.openOnce();
    return this.open;
  }

  private openOnce(): Open {
    if (this.persistent) mkdirSync(dirname(this.path), { recursive: true });
    const db = new (loadDriver())(this.path, { timeout: this.busyTimeoutMs });
    try {
      // As the session store sets them, so whichever opens a new file first, the file is the same.
      if (Number(db.pragma("auto_vacuum", { simple: true })) !== 2) {
        const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
        if (tables.length === 0) db.pragma("auto_vacuum = INCREMENTAL");
      }
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.exec(SCHEMA);
      return {
        db,
        upsert: db.prepare(
          "INSERT INTO feedback_votes (section, version, vote, count, last_at) VALUES (?, ?, ?, 1, ?) " +
            "ON CONFLICT (section, version, vote) DO UPDATE SET count = count + 1, last_at = excluded.last_at",
        ),
        all: db.prepare("SELECT section, version, vote, count FROM feedback_votes"),
        fileId: this.persistent ? identity(this.path) : undefined,
      };
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private drop(): void {
    const open = this.open;
    this.open = undefined;
    try {
      open?.db.close();
    } catch {
      // Closing a broken connection: nothing more to do.
    }
  }
}

function identity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}
