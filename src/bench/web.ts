/**
 * The web layer's cost: messages per second and p99 latency through the web chat's HTTP path (Botkit's webhook,
 * cookies, the engine, the session store) on loopback, with SQLite and with Redis, under a bounded load of
 * concurrent conversations. Used by `npm run bench` (src/bench/main.ts).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
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
}

/** Runs `messages` messages over `conversations` concurrent cookie-holding clients against one store. */
async function run(
  store: SessionStore,
  name: string,
  texts: string[],
  messages: number,
  conversations: number,
) {
  const engine = createEngine({ store, rateLimit: { messages: 1_000_000, windowMs: 1 } });
  const web = createWebAdapter({ handler: engine, logger: silentLogger }, {});
  const server: Server = createServer((req, res) => {
    if (!web.handleHttp(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/messages`;
  const latencies: number[] = [];
  let sent = 0;
  const client = async (c: number) => {
    let cookie = "";
    while (sent < messages) {
      const i = sent++;
      const t = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ type: "message", user: `bench-${c}`, text: texts[i % texts.length] ?? "hi" }),
      });
      const setCookie = response.headers.get("set-cookie");
      if (setCookie) cookie = setCookie.split(";")[0] ?? "";
      await response.arrayBuffer();
      latencies.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: conversations }, (_, c) => client(c)));
  const total = performance.now() - start;
  await web.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await engine.close();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { store: name, perSecond: (latencies.length / total) * 1000, p50: at(0.5), p99: at(0.99) };
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

/** A throwaway redis-server on loopback, or null when the binary is not installed. */
async function startRedis(): Promise<{ url: string; stop: () => void } | null> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const failed = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(true));
    setTimeout(() => resolve(false), 300);
  });
  if (failed) return null;
  return { url: `redis://127.0.0.1:${port}/0`, stop: () => child.kill("SIGTERM") };
}

export async function benchWeb(
  texts: string[],
  messages: number,
  conversations: number,
): Promise<WebFigures[]> {
  const results: WebFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), "crampbot-bench-"));
  try {
    results.push(
      await run(new SqliteStore({ path: join(dir, "bench.db") }), "SQLite", texts, messages, conversations),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const redis = await startRedis();
  if (redis) {
    try {
      results.push(await run(new RedisStore({ url: redis.url }), "Redis", texts, messages, conversations));
    } finally {
      redis.stop();
    }
  }
  return results;
}
