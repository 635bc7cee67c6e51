/**
 * The SQLite review log: a `review_log` table in the session store's own file (DATABASE_PATH), on a connection of
 * its own. It takes no part in the session store's `<file>.lock`: that lock keeps two processes from losing each
 * other's conversation updates, while review rows are only ever appended and deleted by age, so `crampbot review`
 * may read the file while `serve` runs. Rows hold the redacted text, the reason and the time — no id of any kind
 * (review.ts). Retention is enforced here with the injected clock: every record and every read deletes rows older
 * than `retentionDays` first.
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
}

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
}

export class SqliteReviewLog implements ReviewStore {
  readonly path: string;
  private readonly clock: Clock;
  private readonly retentionDays: number;
  private readonly busyTimeoutMs: number;
  private db: Database | undefined;
  private statements: Statements | undefined;
  private closed = false;

  constructor(options: SqliteReviewLogOptions) {
    this.path = options.path;
    this.clock = options.clock ?? systemClock;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 50;
  }

  async record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void> {
    const row = reviewEntry(entry);
    // better-sqlite3 is synchronous: write after the reply has gone, not inside the turn that recorded it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.run("record", (statements) => {
      statements.purge.run(this.cutoff());
      statements.insert.run(row.at, row.reason, row.text);
    });
  }

  async list(): Promise<ReviewEntry[]> {
    return this.run("list", (statements) => {
      statements.purge.run(this.cutoff());
      return statements.list
        .all(this.cutoff())
        .map(parseReviewEntry)
        .filter((entry): entry is ReviewEntry => entry !== null);
    });
  }

  async purge(): Promise<number> {
    return this.run("purge", (statements) => statements.purge.run(this.cutoff()).changes);
  }

  async close(): Promise<void> {
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
      this.statements = {
        insert: db.prepare("INSERT INTO review_log (at, reason, text) VALUES (?, ?, ?)"),
        list: db.prepare("SELECT at, reason, text FROM review_log WHERE at >= ? ORDER BY at, rowid"),
        purge: db.prepare("DELETE FROM review_log WHERE at < ?"),
      };
      this.db = db;
      return this.statements;
    } catch (error) {
      db.close();
      throw error;
    }
  }
}
