/**
 * The web layer's cost: messages per second and p50/p99 latency through the web chat's HTTP path (Botkit's webhook,
 * cookies, the engine, the session store) on loopback, with SQLite and with Redis, under a bounded load of
 * concurrent cookie-holding clients. Used by `npm run bench` (src/bench/main.ts), which reports each as a ratio to
 * the engine alone measured in the same run.
 *
 * The clients run in the same process as the server (so their cost is counted against it, never hidden in another
 * process on the same two cores), and are as lean as an HTTP client gets: node:http with keep-alive sockets, the
 * request body written once per text, the reply checked (status 200, a JSON array) but not decoded. A heavier client
 * (fetch, with its web streams) used to take a quarter of the process's time and made the server look slower.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWebAdapter } from "../adapters/web/index.js";
import { silentLogger } from "../core/logger.js";
import type { SessionStore } from "../core/types.js";
import { createEngine } from "../node/create-engine.js";
import { RedisStore } from "../node/store/redis.js";
import { SqliteStore } from "../node/store/sqlite.js";

export interface WebFigures {
  store: string;
  perSecond: number;
  p50: number;
  p99: number;
  /** Process CPU time (user + system, all threads) per measured message, in microseconds: steadier than wall time. */
  cpuUs: number;
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

interface Answer {
  status: number;
  setCookie: string | undefined;
  body: Buffer;
}

function post(agent: Agent, port: number, body: Buffer, cookie: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": body.length,
    };
    if (cookie) headers.cookie = cookie;
    const req = request(
      { host: "127.0.0.1", port, path: "/api/messages", method: "POST", agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"]?.[0];
          resolve({ status: res.statusCode ?? 0, setCookie, body: Buffer.concat(chunks) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs `messages` messages over `conversations` concurrent cookie-holding clients against one store. */
export async function benchWebStore(
  store: SessionStore,
  name: string,
  texts: string[],
  messages: number,
  conversations: number,
): Promise<WebFigures> {
  const engine = createEngine({ store, rateLimit: { messages: 1_000_000, windowMs: 1 } });
  const web = createWebAdapter({ handler: engine, logger: silentLogger }, {});
  await web.start();
  const server: Server = createServer((req, res) => {
    if (!web.handleHttp(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const agent = new Agent({ keepAlive: true, maxSockets: conversations });
  // The bodies are the same texts over and over: encode each once, as a client replaying a log would.
  const bodies = texts.map((text) => Buffer.from(JSON.stringify({ type: "message", text })));
  const cookies = new Array<string>(conversations).fill("");
  const latencies: number[] = [];
  const failures: string[] = [];

  const load = async (count: number, measure: boolean) => {
    let sent = 0;
    const deadline = performance.now() + TIME_LIMIT_MS;
    const client = async (c: number) => {
      while (sent < count && performance.now() < deadline && failures.length === 0) {
        const i = sent++;
        const body = bodies[i % bodies.length] ?? Buffer.from("{}");
        const t = performance.now();
        const answer = await post(agent, port, body, cookies[c] ?? "");
        const ms = performance.now() - t;
        if (answer.setCookie) cookies[c] = answer.setCookie.split(";")[0] ?? "";
        if (answer.status !== 200 || answer.body[0] !== 0x5b /* [ */) {
          failures.push(`HTTP ${answer.status}: ${answer.body.toString("utf8").slice(0, 200)}`);
        }
        if (measure) latencies.push(ms);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: conversations }, (_, c) => client(c)));
    return performance.now() - start;
  };

  let total: number;
  let cpu: NodeJS.CpuUsage;
  try {
    await load(Math.min(WARM_UP, messages), false);
    const cpuStart = process.cpuUsage();
    total = await load(messages, true);
    cpu = process.cpuUsage(cpuStart);
  } finally {
    agent.destroy();
    await web.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await engine.close();
  }
  if (failures.length > 0) throw new Error(`web bench (${name}): a message failed: ${failures[0]}`);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    store: name,
    perSecond: (latencies.length / total) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    cpuUs: (cpu.user + cpu.system) / Math.max(1, latencies.length),
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
async function startRedis(): Promise<{ url: string; stop: () => void } | null> {
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
  const dir = mkdtempSync(join(tmpdir(), "crampbot-bench-"));
  try {
    figures.push(
      await benchWebStore(
        new SqliteStore({ path: join(dir, "bench.db") }),
        "SQLite",
        texts,
        messages,
        conversations,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const redis = await startRedis();
  if (redis) {
    try {
      figures.push(
        await benchWebStore(new RedisStore({ url: redis.url }), "Redis", texts, messages, conversations),
      );
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
