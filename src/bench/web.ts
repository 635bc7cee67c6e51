/**
 * The web layer's cost: messages per second and p50/p99 latency through the web chat's HTTP path (Botkit's webhook,
 * cookies, the engine, the session store) on loopback, with SQLite and with Redis, under a bounded load of
 * concurrent cookie-holding clients. Used by `npm run bench` (src/bench/main.ts), which reports each as a ratio to
 * the engine alone measured in the same run.
 *
 * The clients run in a child process (src/bench/web-load.ts), as wrk or autocannon would: a load generator is not
 * part of the server. Nothing is hidden by that: the server process's CPU time per message and the load
 * generator's are both measured and reported, next to the engine's own time per message.
 */
import { fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWebAdapter } from "../adapters/web/index.js";
import { silentLogger } from "../core/logger.js";
import { MemoryReviewLog } from "../core/store/review-memory.js";
import type { MessageHandler } from "../core/types.js";
import { createEngine } from "../node/create-engine.js";
import { RedisStore } from "../node/store/redis.js";
import { SqliteStore } from "../node/store/sqlite.js";
import { EngineThread, type ThreadStoreSpec } from "../service/thread/engine-thread.js";
import type { LoadPlan, LoadResult } from "./web-load.js";

export interface WebFigures {
  store: string;
  perSecond: number;
  p50: number;
  p99: number;
  /** The server process's CPU time (user + system, all threads) per measured message, in microseconds. */
  cpuUs: number;
  /** The load generator's own CPU time per measured message (its own process), in microseconds. */
  clientCpuUs: number;
}

export interface WebBench {
  figures: WebFigures[];
  /** One line per store that was not measured, saying why (say, redis-server is not installed). */
  skipped: string[];
}

/** Messages sent before the measured ones, over the same clients (JIT, SQLite page cache, Redis connection). */
const WARM_UP = 500;
/** The load stops after this long even if not every message was sent (the figures are then over fewer). */
const TIME_LIMIT_MS = 120_000;
const LOAD_GENERATOR = join(fileURLToPath(new URL(".", import.meta.url)), "web-load.js");

/**
 * Runs the load generator against `port`: `warmUp` messages, then `messages` measured ones over `conversations`
 * concurrent clients. Resolves with the client's figures and this process's CPU time over the measured part.
 */
function drive(
  port: number,
  texts: string[],
  messages: number,
  conversations: number,
): Promise<{ result: LoadResult; serverCpuUs: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_GENERATOR, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let cpuStart: NodeJS.CpuUsage | undefined;
    let settled = false;
    const finish = (error: Error | null, value?: { result: LoadResult; serverCpuUs: number }) => {
      if (settled) return;
      settled = true;
      if (error) {
        child.kill();
        reject(error);
      } else if (value) resolve(value);
    };
    child.on("message", (message: { kind?: string }) => {
      if (message.kind === "warm") {
        cpuStart = process.cpuUsage();
        child.send({ kind: "go" });
      } else if (message.kind === "done") {
        const cpu = process.cpuUsage(cpuStart);
        finish(null, { result: message as LoadResult, serverCpuUs: cpu.user + cpu.system });
      }
    });
    child.once("error", (err) => finish(err));
    child.once("exit", (code) =>
      finish(new Error(`the web load generator exited (${code}) before reporting`)),
    );
    const plan: LoadPlan = {
      kind: "plan",
      port,
      texts,
      conversations,
      warmUp: WARM_UP,
      messages,
      timeLimitMs: TIME_LIMIT_MS,
    };
    child.send(plan);
  });
}

/**
 * Where the bench's server runs the engine: "main" (Botkit's and HTTP's thread, the service's default) or "worker"
 * (a thread of its own with its store: the service's ENGINE_THREAD=worker, ADR 55). The server then uses two
 * threads, and its ratio compares a two-thread server with the one-thread engine alone.
 */
export type BenchEngineThread = "main" | "worker";

/** The modes the bench measures: both, or the one ENGINE_THREAD names. */
export function benchEngineThreads(
  env: Readonly<Record<string, string | undefined>> = process.env,
): BenchEngineThread[] {
  const named = env.ENGINE_THREAD?.trim().toLowerCase();
  return named === "main" || named === "worker" ? [named] : ["main", "worker"];
}

/** The report's name of a store measured with the engine in `thread`. */
function labelled(store: string, thread: BenchEngineThread): string {
  return thread === "main" ? `${store} store` : `${store} store, engine on its own thread (2 threads)`;
}

/** Runs `messages` messages over `conversations` concurrent cookie-holding clients against one store. */
export async function benchWebStore(
  spec: Exclude<ThreadStoreSpec, { kind: "memory" }>,
  name: string,
  texts: string[],
  messages: number,
  conversations: number,
  thread: BenchEngineThread = "main",
): Promise<WebFigures> {
  // The same engine as the engine-alone reference of src/bench/main.ts (the quality loop's feedback asks and a review
  // log included), so that the two differ only in the path around it: HTTP, Botkit, cookies and the store.
  const rateLimit = { messages: 1_000_000, windowMs: 1 };
  const engine: MessageHandler & { close(): Promise<void> } =
    thread === "worker"
      ? await EngineThread.start(
          { store: spec, engine: { rateLimit }, reviewLog: "memory" },
          { logger: silentLogger },
        )
      : createEngine({
          store:
            spec.kind === "sqlite" ? new SqliteStore({ path: spec.path }) : new RedisStore({ url: spec.url }),
          rateLimit,
          reviewLog: new MemoryReviewLog(),
        });
  const web = createWebAdapter({ handler: engine, logger: silentLogger }, {});
  await web.start();
  const server: Server = createServer((req, res) => {
    if (!web.handleHttp(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  let run: { result: LoadResult; serverCpuUs: number };
  try {
    run = await drive(port, texts, messages, conversations);
  } finally {
    server.closeAllConnections();
    await web.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await engine.close();
  }
  const { result, serverCpuUs } = run;
  if (result.failure !== null) throw new Error(`web bench (${name}): a message failed: ${result.failure}`);
  const count = result.latencies.length;
  const sorted = result.latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    store: labelled(name, thread),
    perSecond: (count / result.wallMs) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    cpuUs: serverCpuUs / Math.max(1, count),
    clientCpuUs: result.cpuUs / Math.max(1, count),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server on loopback (no persistence), or null when the program is not installed. */
export async function startRedis(): Promise<{ url: string; stop: () => void } | null> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const failed = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(true));
    child.once("exit", () => resolve(true));
    setTimeout(() => resolve(false), 300);
  });
  if (failed) return null;
  return { url: `redis://127.0.0.1:${port}/0`, stop: () => child.kill("SIGTERM") };
}

export async function benchWeb(texts: string[], messages: number, conversations: number): Promise<WebBench> {
  const figures: WebFigures[] = [];
  const skipped: string[] = [];
  const threads = benchEngineThreads();
  const dir = mkdtempSync(join(tmpdir(), "crampbot-bench-"));
  try {
    for (const [k, thread] of threads.entries()) {
      const path = join(dir, `bench-${k}.db`);
      figures.push(
        await benchWebStore({ kind: "sqlite", path }, "SQLite", texts, messages, conversations, thread),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const redis = await startRedis();
  if (redis) {
    try {
      for (const thread of threads) {
        const spec = { kind: "redis", url: redis.url } as const;
        figures.push(await benchWebStore(spec, "Redis", texts, messages, conversations, thread));
      }
    } finally {
      redis.stop();
    }
  } else {
    skipped.push(
      "web chat HTTP path with the Redis store: skipped, redis-server is not installed (apt-get install -y redis-server)",
    );
  }
  return { figures, skipped };
}

/**
 * The report's lines for the web path: per store, throughput as a ratio to the engine alone (measured in the same
 * run), p99, and CPU time per message of the server process and of the load generator next to the engine's own time
 * per message; then a line per store that was skipped.
 *
 * When the engine alone's CPU time per message is given, the ratio is also given by CPU time (engine alone's CPU per
 * message over the server process's, all threads of each): on a shared machine the two are measured minutes apart
 * and each is given a share of the cores that changes with the other work, which moves the throughput ratio; what
 * each process spends per message moves far less (ADR 22). Neither hides the load generator, reported beside them.
 */
export function webReport(
  bench: WebBench,
  engine: { perSecond: number; cpuUs?: number },
  conversations: number,
): string[] {
  const engineUs = 1_000_000 / engine.perSecond;
  const byCpu = (w: WebFigures) =>
    engine.cpuUs === undefined ? "" : ` (${(engine.cpuUs / w.cpuUs).toFixed(2)}x by CPU time per message)`;
  return [
    ...bench.figures.map(
      (w) =>
        `web HTTP path with ${w.store} / engine alone: ${(w.perSecond / engine.perSecond).toFixed(2)}x throughput${byCpu(w)}, ` +
        `p99 ${w.p99.toFixed(1)} ms (${conversations} concurrent clients); per message: server process ` +
        `${Math.round(w.cpuUs)} µs CPU, load generator (own process) ${Math.round(w.clientCpuUs)} µs CPU ` +
        `(${Math.round((w.clientCpuUs * w.perSecond) / 10_000)}% of one core), engine alone ${Math.round(engineUs)} µs` +
        (engine.cpuUs === undefined ? "" : ` (${Math.round(engine.cpuUs)} µs CPU)`),
    ),
    ...bench.skipped,
  ];
}
