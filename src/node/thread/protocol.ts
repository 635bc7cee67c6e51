/**
 * Role: what the main thread and the engine's thread (engine-thread.ts, engine-worker.ts) say to each other over the
 * worker's port: plain, structured-clone values only. One port carries every message in the order it was posted, so
 * a conversation's turns reach the engine in the order the adapters handed them over.
 */

import type { TurnStoreOperation } from "../../core/engine.js";
import type { IncomingMessage, Reply } from "../../core/types.js";

/** Where the engine's thread keeps conversation state: opened in that thread, never shared with the main one. */
export type ThreadStoreSpec =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  | { kind: "redis"; url: string };

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
  /** "memory": a MemoryReviewLog (the bench's served engine, ADR 22). Default: none. */
  reviewLog?: "memory";
  /** The lowest level of the engine's log lines sent to the main thread's logger. Default: "silent" (none). */
  logLevel?: LogLevel;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Main thread → engine thread. */
export type ToEngine = { kind: "turn"; id: number; message: IncomingMessage } | { kind: "close" };

/** Engine thread → main thread. */
export type FromEngine =
  | { kind: "ready" }
  | { kind: "reply"; id: number; reply: Reply }
  /** The reply could not be sent back (it was not a plain value): the main thread answers the apology. */
  | { kind: "failed"; id: number; error: { name: string; message: string } }
  | { kind: "store-error"; operation: TurnStoreOperation; code: string | null }
  | { kind: "log"; level: Exclude<LogLevel, "silent">; obj: object; msg: string | undefined }
  | { kind: "closed" };
