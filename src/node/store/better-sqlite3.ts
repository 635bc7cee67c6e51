/**
 * Role: the subset of better-sqlite3 (v12) the SQLite stores use (sessions, feedback votes, the review log); the
 * package ships no type declarations of its own.
 */
export interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Database {
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): void;
}

export type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => Database;
