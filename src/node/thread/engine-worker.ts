/**
 * Role: the engine's thread (a worker_threads entry, started by engine-thread.ts). Builds the engine and opens its
 * session store here, in this thread's own heap, away from Botkit's and HTTP's (ADR 55): turns arrive in the order
 * posted, go through the engine's own per-conversation queue, and each reply goes back with its turn's id. `close`
 * waits for the turns in flight (Engine.close), closes the store, says `closed` and lets the thread end.
 */
import { parentPort, workerData } from "node:worker_threads";
import { MemoryReviewLog } from "../../core/store/review-memory.js";
import type { Logger, SessionStore } from "../../core/types.js";
import { createEngine } from "../create-engine.js";
import { RedisStore } from "../store/redis.js";
import { SqliteStore } from "../store/sqlite.js";
import type { EngineThreadSpec, FromEngine, LogLevel, ThreadStoreSpec, ToEngine } from "./protocol.js";

const port = parentPort;
if (port === null) throw new Error("engine-worker.js runs as a worker thread (engine-thread.ts starts it)");
const spec = workerData as EngineThreadSpec;
const post = (message: FromEngine) => port.postMessage(message);

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
/** The engine's log lines, those at or above the main thread's level, handed to its logger. */
function relayLogger(level: LogLevel): Logger {
  const at = (name: Exclude<LogLevel, "silent">) =>
    RANK[name] < RANK[level]
      ? () => {}
      : (obj: object, msg?: string) => post({ kind: "log", level: name, obj, msg });
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

function openStore(store: ThreadStoreSpec): SessionStore | undefined {
  if (store.kind === "sqlite") return new SqliteStore({ path: store.path });
  if (store.kind === "redis") return new RedisStore({ url: store.url });
  return undefined;
}

const store = openStore(spec.store);
if (store instanceof SqliteStore) await store.open();
const engine = createEngine({
  ...spec.engine,
  store,
  logger: relayLogger(spec.logLevel ?? "silent"),
  ...(spec.reviewLog === "memory" ? { reviewLog: new MemoryReviewLog() } : {}),
  onStoreError: (operation, error) => {
    const code = (error as { code?: unknown } | null)?.code;
    post({ kind: "store-error", operation, code: typeof code === "string" ? code : null });
  },
});

let closing = false;
port.on("message", (message: ToEngine) => {
  if (message.kind === "turn") {
    const { id } = message;
    // Engine.handle never rejects: a failure inside is answered there (red flags first, then the apology).
    void engine.handle(message.message).then((reply) => {
      try {
        post({ kind: "reply", id, reply });
      } catch (error) {
        const { name, message: text } = error instanceof Error ? error : new Error(String(error));
        post({ kind: "failed", id, error: { name, message: text } });
      }
    });
  } else if (message.kind === "close" && !closing) {
    closing = true;
    void engine.close().then(
      () => {
        post({ kind: "closed" });
        port.close();
      },
      (error: unknown) => {
        post({
          kind: "log",
          level: "error",
          obj: { err: { message: String(error) } },
          msg: "engine thread: closing the store failed",
        });
        post({ kind: "closed" });
        port.close();
      },
    );
  }
});
post({ kind: "ready" });
