/**
 * Role: one variant's server for the web path's A/B bench (src/bench/web-ab.ts), run as a child process so that each
 * variant has node flags of its own. The same engine, web adapter and node:http server as the bench's web part
 * (src/bench/web.ts), on 127.0.0.1, with the SQLite store in a throwaway folder (with MEMORY_STORE=1, the in-memory
 * store the engine alone uses). With FIXED_REPLY=1 a handler answers one fixed reply (Botkit and HTTP exactly as
 * before, no engine work per message), which measures the path's fixed cost; with REPLAY=1 it serves the engine's
 * replies to the bench's texts, worked out at start, in turn: the path's cost with replies of the real sizes and
 * shapes (ADR 43: one reply served again and again meets every step with its caches hot); with BARE_HTTP=1 node:http
 * alone answers one reply in the webhook's shape (no adapter, no Botkit, no engine): the floor (ADR 79).
 *
 * Protocol (IPC with the parent): sends `{kind: "port", port}` once listening; answers `{kind: "cpu"}` with this
 * process's CPU time (all threads) and its garbage-collection pauses so far; on `{kind: "stop"}` closes and exits.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { sendJson } from "../adapters/web/http.js";
import { createWebAdapter } from "../adapters/web/index.js";
import { toOutgoing } from "../adapters/web/protocol.js";
import { silentLogger } from "../core/logger.js";
import { MemoryReviewLog } from "../core/store/review-memory.js";
import type { MessageHandler, Reply } from "../core/types.js";
import { createEngine } from "../node/create-engine.js";
import { RedisStore } from "../node/store/redis.js";
import { SqliteStore } from "../node/store/sqlite.js";
import { EngineThread } from "../service/thread/engine-thread.js";
import { benchTexts, benchTurn } from "./texts.js";

export interface ServerCpu {
  kind: "cpu";
  /** This process's CPU time so far (user + system, all threads), in microseconds. */
  cpuUs: number;
  /** Garbage-collection pauses so far: how many, and their total in milliseconds; scavenges apart. */
  gc: { count: number; ms: number; scavenges: number; scavengeMs: number };
}

const dir = mkdtempSync(join(tmpdir(), "crampbot-web-ab-"));
const threaded = process.env.ENGINE_THREAD === "1";
// With REDIS_URL (web-ab.js --redis), the sessions are kept in that Redis instead of SQLite, in every variant.
const redisUrl = process.env.REDIS_URL ?? "";
// With ENGINE_THREAD=1 the engine and its SQLite store run on a thread of their own (ADR 55), built there, and this
// thread keeps Botkit and HTTP only: no engine is built in this one.
const engine = threaded
  ? undefined
  : createEngine({
      store:
        process.env.MEMORY_STORE === "1"
          ? undefined
          : redisUrl !== ""
            ? new RedisStore({ url: redisUrl })
            : new SqliteStore({ path: join(dir, "bench.db") }),
      rateLimit: { messages: 1_000_000, windowMs: 1 },
      reviewLog: new MemoryReviewLog(),
    });
const thread = threaded
  ? await EngineThread.start(
      {
        store:
          redisUrl !== ""
            ? { kind: "redis", url: redisUrl }
            : { kind: "sqlite", path: join(dir, "bench.db") },
        engine: { rateLimit: { messages: 1_000_000, windowMs: 1 } },
        reviewLog: "memory",
      },
      { logger: silentLogger },
    )
  : undefined;
let handler: MessageHandler = (thread ?? engine) as MessageHandler;
if (engine !== undefined && process.env.FIXED_REPLY === "1") {
  const reply = await engine.handle({
    platform: "web",
    conversationId: "fixed",
    userId: "fixed",
    kind: "text",
    text: "what causes leg cramps at night?",
  });
  handler = { handle: async () => reply };
} else if (engine !== undefined && process.env.REPLAY === "1") {
  // The engine's own replies to the bench's texts, worked out once and served in turn: the path carries replies of
  // the real sizes and shapes, with no engine work per message.
  const texts = benchTexts();
  const replies: Reply[] = [];
  const run = benchTurn(engine, texts, "replay");
  for (let i = 0; i < texts.length; i++) replies.push(await run(i));
  let next = 0;
  handler = { handle: async () => replies[next++ % replies.length] as Reply };
}
// Every round's load generator starts 50 new conversations from one address: the budget must not refuse them.
const web = createWebAdapter({ handler, logger: silentLogger }, { newConversationsPerMinute: 100_000 });
await web.start();
// With BARE_HTTP=1, node:http alone: the body read and parsed, the engine's first reply answered as the webhook
// would answer it (the same headers, a cookie for a new client), but no adapter, no Botkit, no engine per message.
// The floor under every other variant: what HTTP costs the server on this machine (ADR 79).
const bare = process.env.BARE_HTTP === "1" ? await bareAnswer() : undefined;
const server = createServer((req, res) => {
  if (bare !== undefined) bare(req, res);
  else if (!web.handleHttp(req, res)) res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

const gc = { count: 0, ms: 0, scavenges: 0, scavengeMs: 0 };
// Kind 1 is a scavenge (perf_hooks' NODE_PERFORMANCE_GC_MINOR).
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.ms += entry.duration;
    if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) {
      gc.scavenges++;
      gc.scavengeMs += entry.duration;
    }
  }
}).observe({ entryTypes: ["gc"] });

process.on("message", (message: { kind?: string }) => {
  if (message.kind === "cpu") {
    const cpu = process.cpuUsage();
    const answer: ServerCpu = { kind: "cpu", cpuUs: cpu.user + cpu.system, gc: { ...gc } };
    process.send?.(answer);
  } else if (message.kind === "stop") {
    server.closeAllConnections();
    void (async () => {
      await web.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine?.close();
      await thread?.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
// The parent going away (a failed bench) must not leave this server running.
process.on("disconnect", () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
const address = server.address();
process.send?.({ kind: "port", port: typeof address === "object" && address ? address.port : 0 });

/** The BARE_HTTP answer: one engine reply in the webhook's shape, for every POST, after reading its JSON body. */
async function bareAnswer(): Promise<(req: HttpRequest, res: ServerResponse) => void> {
  const reply = await createEngine({ rateLimit: { messages: 1_000_000, windowMs: 1 } }).handle({
    platform: "web",
    conversationId: "bare",
    userId: "bare",
    kind: "text",
    text: "what causes leg cramps at night?",
  });
  const answer = [toOutgoing(reply)];
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const cookie =
        req.headers.cookie === undefined ? { "set-cookie": "crampbot_session=bare; Path=/" } : undefined;
      sendJson(res, 200, answer, cookie);
    });
  };
}
