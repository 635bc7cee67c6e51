/**
 * Role: what the main thread and the engine's thread (engine-thread.ts, engine-worker.ts) say to each other over the
 * worker's port: plain, structured-clone values only. One port carries every message in the order it was posted, so
 * a conversation's turns reach the engine in the order the adapters handed them over.
 */
import type { TurnStoreOperation } from "../../core/engine.js";
import type { IncomingMessage, Reply } from "../../core/types.js";
import type { ReloadOutcome, ReloadResult } from "../reload.js";

/** Where the engine's thread keeps conversation state: opened in that thread, never shared with the main one. */
export type ThreadStoreSpec =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  | { kind: "redis"; url: string };

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Everything the engine's thread needs to build its engine: plain values (workerData). */
export interface EngineThreadSpec {
  store: ThreadStoreSpec;
  /** The engine's own settings, as EngineOptions names them. */
  engine?: {
    rateLimit?: { messages: number; windowMs: number };
    maxMessageLength?: number;
    contextTtlMs?: number;
    storeTimeoutMs?: number;
    knowledgeDir?: string;
    intentsDir?: string;
  };
  /**
   * "memory": a MemoryReviewLog (the bench's served engine, ADR 22); `backend`: the review log in the store's backend
   * (review-log.ts), kept this many days. Default: none.
   */
  reviewLog?: "memory" | { retentionDays: number };
  /** Votes counted in the store's backend (the service's), each also told to the main thread. Default: in memory. */
  feedback?: "backend";
  /**
   * The service's hot reload (reload.ts) in the engine's thread, over these data folders; `watch`: the folders are
   * watched. Default: none (the engine's data never changes).
   */
  reload?: { knowledgeDir: string; intentsDir: string; watch: boolean };
  /** The lowest level of the engine's log lines sent to the main thread's logger. Default: "silent" (none). */
  logLevel?: LogLevel;
}

/** What the main thread knows of the data in use (the reload metrics, Service.reloader). */
export interface DataSnapshot {
  version: string;
  lastReload: ReloadOutcome | undefined;
  counts: Record<ReloadResult, number>;
}

/**
 * What one postMessage carries, either way: one message, or several in the order they were issued. Each side gathers
 * what it issues in one turn of its event loop and posts it once (ADR 61): under load many turns cross together, and
 * a post has a fixed cost (a wake-up of the other thread) besides its cloning.
 */
export type Posted<T> = T | T[];

/** Main thread → engine thread. */
export type ToEngine =
  | { kind: "turn"; id: number; message: IncomingMessage }
  /** The readiness check: the store proves it answers (checkStore). */
  | { kind: "check"; id: number }
  | { kind: "reload"; id: number; trigger: string }
  | { kind: "close" };

/** Engine thread → main thread. */
export type FromEngine =
  | { kind: "ready"; data: DataSnapshot | null }
  | { kind: "reply"; id: number; reply: Reply }
  /** The reply could not be sent back (it was not a plain value): the main thread answers the apology. */
  | { kind: "failed"; id: number; error: { name: string; message: string } }
  | { kind: "checked"; id: number; error: { name: string; message: string; code: string | null } | null }
  | { kind: "reloaded"; id: number; outcome: ReloadOutcome }
  /** The data in use changed or was reloaded (also after a reload the folders' watch started). */
  | { kind: "data"; data: DataSnapshot }
  | { kind: "store-error"; operation: TurnStoreOperation; code: string | null }
  | { kind: "vote"; section: string; vote: "yes" | "no" }
  | { kind: "log"; level: Exclude<LogLevel, "silent">; obj: object; msg: string | undefined }
  | { kind: "closed" };
