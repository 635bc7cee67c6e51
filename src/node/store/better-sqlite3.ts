/**
 * Role: the subset of better-sqlite3 (v12) the SQLite stores use (sessions, feedback votes, the review log); the
 * package ships no type declarations of its own — and the driver's loading and error reading they share.
 */
import { createRequire } from "node:module";

export interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Database {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  /** Wraps `fn` in BEGIN ... COMMIT (ROLLBACK when it throws); the returned function runs it. */
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

export type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => Database;

let driver: DatabaseConstructor | undefined;

/** Loads the native module on first use, so processes that never open a SQLite store never load it. */
export function loadDriver(): DatabaseConstructor {
  driver ??= createRequire(import.meta.url)("better-sqlite3") as DatabaseConstructor;
  return driver;
}

/** Another connection holds the database (SQLITE_BUSY, SQLITE_LOCKED and their extended codes): worth a retry. */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** An error's message with its SQLite code in front when the message does not already name it. */
export function detailOf(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return typeof code === "string" && !cause.message.includes(code)
    ? `${code}: ${cause.message}`
    : cause.message;
}
