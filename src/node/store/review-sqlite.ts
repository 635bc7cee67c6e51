/**
 * The SQLite review log: a `review_log` table in the session store's own file (DATABASE_PATH), on a connection of
 * its own. It takes no part in the session store's `<file>.lock`: that lock keeps two processes from losing each
 * other's conversation updates, while review rows are only ever appended and deleted by age, so `crampbot review`
 * may read the file while `serve` runs. Rows hold the redacted text, the reason and the time — no id of any kind
 * (review.ts). Retention is enforced here with the injected clock: every read deletes rows older than
 * `retentionDays` first, and so does every write (at most once a minute).
 *
 * Writes are batched (ADR 23): a commit costs about 40 µs of CPU and blocks the event loop for longer, a row in a
 * batch of 32 about 9 µs. `record` only queues the entry; the queue is redacted and written in one transaction once
 * it holds {@link SqliteReviewLogOptions.batch} entries (on the next turn of the event loop, after the reply), else
 * `flushMs` after its first entry, and always before a read and on close(), so a shutdown loses nothing. A batch
 * that cannot be written is dropped (best effort) and reported to `onError`.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { StoreError } from "../../core/errors.js";
import {
  DEFAULT_RETENTION_DAYS,
  parseReviewEntry,
  type ReviewEntry,
  type ReviewStore,
  retentionCutoff,
  reviewEntry,
} from "../../core/review.js";
import { type Clock, type ReviewReason, systemClock } from "../../core/types.js";
import { type Database, loadDriver, type Statement } from "./better-sqlite3.js";

export interface SqliteReviewLogOptions {
  /** The database file (the session store's DATABASE_PATH); its folder is created on first use. Required. */
  path: string;
  /** Default: the system clock. */
  clock?: Clock;
  /** Rows older than this many days are deleted. Default: 30. */
  retentionDays?: number;
  /**
   * How long SQLite waits for the session store's connection to finish a write, in milliseconds (it blocks the event
   * loop meanwhile, so it stays short; a record that times out is dropped, best effort). Default: 50.
   */
  busyTimeoutMs?: number;
  /** Entries queued before they are written at once. Default: 32. */
  batch?: number;
  /** Longest time an entry waits in the queue, in milliseconds (the timer does not keep the process alive). Default: 5,000. */
  flushMs?: number;
  /** Told of a batch that could not be written (its entries are dropped). Default: none. */
  onError?: (error: StoreError) => void;
}

/** Expired rows are deleted at most this often by writes (reads always delete them first). */
const WRITE_PURGE_EVERY_MS = 60_000;

/** An entry as recorded, redacted only when written. */
type Queued = { text: string; reason: ReviewReason; at: number };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS review_log (
  at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_log_at ON review_log (at);
`;

interface Statements {
  insert: Statement;
  list: Statement;
  purge: Statement;
  /** The queue's rows and, when due, the purge, in one transaction. */
  write: (rows: readonly ReviewEntry[], cutoff: number | null) => void;
}

export class SqliteReviewLog implements ReviewStore {
  readonly path: string;
  private readonly clock: Clock;
  private readonly retentionDays: number;
  private readonly busyTimeoutMs: number;
  private readonly batch: number;
  private readonly flushMs: number;
  private readonly onError: ((error: StoreError) => void) | undefined;
  private db: Database | undefined;
  private statements: Statements | undefined;
  private closed = false;
  private queue: Queued[] = [];
  /** A write is due: on the next turn of the event loop (a full batch) or by the timer. */
  private immediate: ReturnType<typeof setImmediate> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(options: SqliteReviewLogOptions) {
    this.path = options.path;
    this.clock = options.clock ?? systemClock;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 50;
    this.batch = Math.max(1, options.batch ?? 32);
    this.flushMs = options.flushMs ?? 5_000;
    this.onError = options.onError;
  }

  /** Queues the entry (see the file's comment); rejects only once the log is closed. */
  async record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void> {
    if (this.closed) throw new StoreError("set", `SQLite review log ${this.path}: closed`);
    this.queue.push({ text: entry.text, reason: entry.reason, at: entry.at });
    if (this.queue.length >= this.batch) {
      // better-sqlite3 is synchronous: write after the reply has gone, not inside the turn that recorded it.
      this.immediate ??= setImmediate(() => this.flushQuietly());
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flushQuietly(), this.flushMs);
      this.timer.unref?.();
    }
  }

  /** Writes the queue now; throws a StoreError when it cannot (the queue's entries are then dropped). */
  flush(): void {
    clearImmediate(this.immediate);
    clearTimeout(this.timer);
    this.immediate = undefined;
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const queued = this.queue;
    this.queue = [];
    // Redaction is the store's rule (review.ts), run here rather than on the reply's path.
    const rows = queued.map(reviewEntry);
    const now = this.clock.now();
    const purge = now - this.lastPurge >= WRITE_PURGE_EVERY_MS;
    this.run("record", (statements) => statements.write(rows, purge ? this.cutoff() : null));
    if (purge) this.lastPurge = now;
  }

  private flushQuietly(): void {
    try {
      this.flush();
    } catch (error) {
      this.onError?.(error as StoreError);
    }
  }

  async list(): Promise<ReviewEntry[]> {
    this.flush();
    return this.run("list", (statements) => {
      statements.purge.run(this.cutoff());
      return statements.list
        .all(this.cutoff())
        .map(parseReviewEntry)
        .filter((entry): entry is ReviewEntry => entry !== null);
    });
  }

  async purge(): Promise<number> {
    this.flush();
    return this.run("purge", (statements) => statements.purge.run(this.cutoff()).changes);
  }

  /** Writes what is queued, then closes; a queue that cannot be written is reported to `onError`. */
  async close(): Promise<void> {
    if (!this.closed) this.flushQuietly();
    this.closed = true;
    const db = this.db;
    this.db = undefined;
    this.statements = undefined;
    db?.close();
  }

  private cutoff(): number {
    return retentionCutoff(this.clock.now(), this.retentionDays);
  }

  /** Opens on first use; a failure drops the connection so the next call opens the file afresh. */
  private run<T>(what: string, work: (statements: Statements) => T): T {
    if (this.closed) throw new StoreError("get", `SQLite review log ${this.path}: closed`);
    try {
      return work(this.statements ?? this.open());
    } catch (error) {
      const db = this.db;
      this.db = undefined;
      this.statements = undefined;
      try {
        db?.close();
      } catch {
        // Already failing.
      }
      const code = (error as { code?: unknown }).code;
      // The driver's message never holds the row's text (it is a bound parameter), but only the code is kept anyway.
      throw new StoreError(
        "set",
        `SQLite review log ${this.path}: ${what} failed (${String(code ?? "error")})`,
      );
    }
  }

  private open(): Statements {
    if (this.path !== ":memory:") mkdirSync(dirname(this.path), { recursive: true });
    const db = new (loadDriver())(this.path, { timeout: this.busyTimeoutMs });
    try {
      // The same file settings as the session store (sqlite.ts), so whichever opens a new file first sets them.
      if (Number(db.pragma("auto_vacuum", { simple: true })) !== 2) {
        const empty =
          (db.prepare("SELECT count(*) AS n FROM sqlite_schema").all()[0] as { n: number }).n === 0;
        if (empty) db.pragma("auto_vacuum = INCREMENTAL");
      }
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.exec(SCHEMA);
      const insert = db.prepare("INSERT INTO review_log (at, reason, text) VALUES (?, ?, ?)");
      const purge = db.prepare("DELETE FROM review_log WHERE at < ?");
      this.statements = {
        insert,
        list: db.prepare("SELECT at, reason, text FROM review_log WHERE at >= ? ORDER BY at, rowid"),
        purge,
        write: db.transaction((rows: readonly ReviewEntry[], cutoff: number | null) => {
          if (cutoff !== null) purge.run(cutoff);
          for (const row of rows) insert.run(row.at, row.reason, row.text);
        }),
      };
      this.db = db;
      return this.statements;
    } catch (error) {
      db.close();
      throw error;
    }
  }
}
