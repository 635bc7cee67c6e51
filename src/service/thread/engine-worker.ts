/**
 * Role: the engine's thread (a worker_threads entry, started by engine-thread.ts). Builds the engine and opens its
 * session store here, in this thread's own heap, away from Botkit's and HTTP's (ADR 55), with what goes with the
 * store in the service: the votes' and the review log's backends and the hot reload. Turns arrive in the order
 * posted, go through the engine's own per-conversation queue, and each reply goes back with its turn's id. `close`
 * stops the reload, waits for the turns in flight (Engine.close: its queues, then its stores), closes the review log,
 * says `closed` and lets the thread end.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Engine, TurnStoreOperation } from "../../core/engine.js";
import type { ReviewStore } from "../../core/review.js";
import { MemoryReviewLog } from "../../core/store/review-memory.js";
import type { FeedbackStore, Logger, MessageHandler, ReviewLog, SessionStore } from "../../core/types.js";
import { createEngine } from "../../node/create-engine.js";
import { createFeedbackStore } from "../../node/store/feedback.js";
import { checkStore } from "../../node/store/index.js";
import { RedisStore } from "../../node/store/redis.js";
import { createReviewLog } from "../../node/store/review-log.js";
import { SqliteStore } from "../../node/store/sqlite.js";
import { Reloader } from "../reload.js";
import { Outbox } from "./outbox.js";
import type {
  DataSnapshot,
  EngineThreadSpec,
  FromEngine,
  LogLevel,
  Posted,
  ThreadStoreSpec,
  ToEngine,
} from "./protocol.js";

if (parentPort === null)
  throw new Error("engine-worker.js runs as a worker thread (engine-thread.ts starts it)");
const port = parentPort;
const spec = workerData as EngineThreadSpec;
/**
 * What this thread tells the main one in one turn of its event loop, posted together at the end of it, in order
 * (ADR 61). A reply that will not clone even alone is answered "failed" (the main thread answers the apology); a log
 * line, posted without its object.
 */
const outbox = new Outbox<FromEngine>(
  (posted) => port.postMessage(posted),
  (message, error) => {
    const { name, message: text } = errorOf(error);
    if (message.kind === "reply")
      port.postMessage({ kind: "failed", id: message.id, error: { name, message: text } });
    else if (message.kind === "log") port.postMessage({ ...message, obj: { err: { name, message: text } } });
  },
);
const post = (message: FromEngine): void => outbox.push(message);
/** Posts `message` now, after everything queued (the thread's first and last words: "ready", "closed"). */
const postNow = (message: FromEngine): void => {
  outbox.flush();
  port.postMessage(message);
};

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
/** The engine's log lines, those at or above the main thread's level, handed to its logger. */
function relayLogger(level: LogLevel): Logger {
  const at = (name: Exclude<LogLevel, "silent">) =>
    RANK[name] < RANK[level]
      ? () => {}
      : (obj: object, msg?: string) => post({ kind: "log", level: name, obj, msg });
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
const logger = relayLogger(spec.logLevel ?? "silent");
const errorOf = (error: unknown) => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  const code = (error as { code?: unknown } | null)?.code;
  return { name, message, code: typeof code === "string" ? code : null };
};

function openStore(store: ThreadStoreSpec): SessionStore | undefined {
  if (store.kind === "sqlite") return new SqliteStore({ path: store.path, logger });
  if (store.kind === "redis") return new RedisStore({ url: store.url });
  return undefined;
}

const store = openStore(spec.store);
if (store instanceof SqliteStore) await store.open();
const sqlitePath = spec.store.kind === "sqlite" ? spec.store.path : undefined;
const redisUrl = spec.store.kind === "redis" ? spec.store.url : undefined;

/** The service's votes, in the store's backend, each one also told to the main thread for /metrics. */
function countedVotes(session: SessionStore | undefined): FeedbackStore | undefined {
  if (spec.feedback !== "backend" || session === undefined) return undefined;
  const inner = createFeedbackStore(session, redisUrl);
  return {
    async record(vote) {
      await inner.record(vote);
      post({ kind: "vote", section: vote.section, vote: vote.vote });
    },
    counts: () => inner.counts(),
    close: () => inner.close(),
  };
}

let reviewLog: (ReviewLog & Partial<Pick<ReviewStore, "close">>) | undefined;
if (spec.reviewLog === "memory") reviewLog = new MemoryReviewLog();
else if (spec.reviewLog !== undefined) {
  reviewLog = createReviewLog({
    ...(sqlitePath !== undefined ? { databasePath: sqlitePath } : {}),
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    retentionDays: spec.reviewLog.retentionDays,
    onError: (error) =>
      logger.warn({ err: { code: error.code } }, "review log: could not write queued messages"),
  });
}

const feedback = countedVotes(store);
const { knowledgeDir, intentsDir, ...settings } = spec.engine ?? {};
/** What every live engine gets besides its data (the Reloader's LiveEngineOptions). */
const engineOptions = {
  ...settings,
  ...(store ? { store } : {}),
  ...(feedback ? { feedback } : {}),
  ...(reviewLog ? { reviewLog } : {}),
  logger,
  onStoreError: (operation: TurnStoreOperation, error: unknown) => {
    post({ kind: "store-error", operation, code: errorOf(error).code });
  },
};
const initial: Engine = createEngine({
  ...engineOptions,
  ...(knowledgeDir !== undefined ? { knowledgeDir } : {}),
  ...(intentsDir !== undefined ? { intentsDir } : {}),
});
const reloader = spec.reload
  ? new Reloader({
      initial,
      dirs: { knowledgeDir: spec.reload.knowledgeDir, intentsDir: spec.reload.intentsDir },
      engine: engineOptions,
      logger,
      // Every reload, whoever asked for it (the main thread, the folders' watch): the main thread's view follows.
      onReload: () => {
        const data = snapshot();
        if (data) post({ kind: "data", data });
      },
    })
  : undefined;
const handler: MessageHandler = reloader ?? initial;
const snapshot = (): DataSnapshot | null =>
  reloader
    ? { version: reloader.version, lastReload: reloader.lastReload, counts: { ...reloader.counts } }
    : null;

let closing = false;
port.on("message", (posted: Posted<ToEngine>) => {
  if (!Array.isArray(posted)) receive(posted);
  else for (const message of posted) receive(message);
});

function receive(message: ToEngine): void {
  switch (message.kind) {
    case "turn": {
      const { id } = message;
      // Engine.handle never rejects: a failure inside is answered there (red flags first, then the apology). A reply
      // that cannot cross is answered "failed" when posted (flush).
      void handler.handle(message.message).then((reply) => post({ kind: "reply", id, reply }));
      break;
    }
    case "check": {
      const { id } = message;
      const check = store === undefined ? Promise.resolve() : checkStore(store);
      void check.then(
        () => post({ kind: "checked", id, error: null }),
        (error: unknown) => post({ kind: "checked", id, error: errorOf(error) }),
      );
      break;
    }
    case "reload": {
      const { id, trigger } = message;
      const running = reloader?.reload(trigger);
      void running?.then((outcome) => post({ kind: "reloaded", id, outcome }));
      break;
    }
    case "close":
      if (!closing) {
        closing = true;
        void close();
      }
      break;
  }
}

async function close(): Promise<void> {
  try {
    await reloader?.close();
    await (reloader?.engine ?? initial).close();
    await reviewLog?.close?.();
  } catch (error) {
    post({
      kind: "log",
      level: "error",
      obj: { err: errorOf(error) },
      msg: "engine thread: closing the stores failed",
    });
  }
  postNow({ kind: "closed" });
  port.close();
}

if (spec.reload?.watch) reloader?.watch();
postNow({ kind: "ready", data: snapshot() });
