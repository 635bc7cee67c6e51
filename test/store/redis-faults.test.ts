// The Redis store under faults, against a real redis-server (started here on a free port): Redis stopped mid-run,
// a server that accepts connections but never answers, Redis back on the same port; every failure is a StoreError
// naming its operation, fast (never a wait on an offline queue), with no conversation key in its message or in the
// engine's log lines.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, expect, it } from "vitest";
import { StoreError } from "../../src/core/errors.js";
import { keyHash } from "../../src/core/store/key-hash.js";
import type { Logger } from "../../src/core/types.js";
import { createEngine } from "../../src/node/create-engine.js";
import { RedisStore } from "../../src/node/store/redis.js";
import { waitFor } from "../service/support.js";
import { freePort, ping, startRedisServer } from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const describeLive = describeNeeding(REDIS_SERVER, "Redis fault tests (test/store/redis-faults.test.ts)");

const SECRET_ID = "web:fedcba9876543210fedcba9876543210";
const SECRET_KEY = `conv:${SECRET_ID}`;
/** The store's own waits, set far beyond the guard below: an answer within the guard can only be the fast path. */
const SLOW = { commandTimeoutMs: 60_000, connectTimeoutMs: 60_000 };
const GUARD_MS = 5_000;

const stores: RedisStore[] = [];
const make = (url: string, extra: object = {}): RedisStore => {
  const store = new RedisStore({ url, keyPrefix: "faults:", ...extra });
  stores.push(store);
  return store;
};

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** The rejection of `run`, which must come before a GUARD_MS timer fires. */
async function fastRejection(run: () => Promise<unknown>): Promise<StoreError> {
  let guard: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    run().then(
      () => ({ kind: "resolved" as const }),
      (error: unknown) => ({ kind: "rejected" as const, error }),
    ),
    new Promise<{ kind: "guard" }>((resolve) => {
      guard = setTimeout(() => resolve({ kind: "guard" }), GUARD_MS);
    }),
  ]);
  clearTimeout(guard);
  if (outcome.kind !== "rejected") throw new Error(`expected a fast rejection, got: ${outcome.kind}`);
  expect(outcome.error).toBeInstanceOf(StoreError);
  return outcome.error as StoreError;
}

class Lines implements Logger {
  readonly lines: string[] = [];
  debug(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ ...obj, msg }));
  }
  info(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ ...obj, msg }));
  }
  warn(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ ...obj, msg }));
  }
  error(obj: object, msg?: string) {
    this.lines.push(JSON.stringify({ ...obj, msg }));
  }
}

/** A redis-server on a given port (to bring Redis back where the store expects it). */
async function redisOnPort(port: number): Promise<{ stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    REDIS_SERVER.path ?? "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  await waitFor(async () => ((await ping(port)) ? true : undefined), "redis-server to answer", 10_000);
  return {
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    },
  };
}

describeLive("RedisStore when Redis goes away", () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it("rejects every operation at once with a StoreError naming the operation, never the key", async () => {
    const server = await startRedisServer();
    servers.push(server);
    const store = make(server.url, SLOW);
    await store.set(SECRET_KEY, { step: 1 }, 60_000);
    const release = await store.lock(`lock:${SECRET_KEY}`, 10_000);
    await release();
    await store.check();
    await server.stop();

    const failures: [string, () => Promise<unknown>][] = [
      ["get", () => store.get(SECRET_KEY)],
      ["set", () => store.set(SECRET_KEY, { step: 2 }, 60_000)],
      ["delete", () => store.delete(SECRET_KEY)],
      ["lock", () => store.lock(`lock:${SECRET_KEY}`, 10_000)],
      ["check", () => store.check()],
      ["get", () => store.get(SECRET_KEY)],
    ];
    for (const [operation, run] of failures) {
      const err = await fastRejection(run);
      expect(err.operation).toBe(operation);
      expect(err.code).toBe("E_STORE");
      expect(
        `${err.message}\n${err.stack}\n${String((err.cause as Error | undefined)?.stack)}`,
      ).not.toContain(SECRET_ID);
    }
    const err = await fastRejection(() => store.get(SECRET_KEY));
    expect(err.message).toContain(`#${keyHash(SECRET_KEY)}`);
  });

  it("fails fast when Redis is unreachable at start, and works once it is back on its port", async () => {
    const port = await freePort(); // nothing listens there yet
    const store = make(`redis://127.0.0.1:${port}/0`, SLOW);
    expect((await fastRejection(() => store.get(SECRET_KEY))).operation).toBe("get");
    expect((await fastRejection(() => store.lock(`lock:${SECRET_KEY}`, 10_000))).operation).toBe("lock");

    const server = await redisOnPort(port);
    servers.push(server);
    // ioredis reconnects in the background (capped backoff); no command was queued meanwhile.
    await waitFor(
      () =>
        store.set(SECRET_KEY, { back: true }, 60_000).then(
          () => true,
          () => undefined,
        ),
      "the store to reconnect",
      10_000,
    );
    expect(await store.get(SECRET_KEY)).toEqual({ back: true });
  });

  it("bounds the wait on a server that accepts connections but never answers", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const store = make(`redis://127.0.0.1:${port}/0`, { commandTimeoutMs: 100, connectTimeoutMs: 100 });
      const err = await fastRejection(() => store.set(SECRET_KEY, 1, 60_000));
      expect(err.operation).toBe("set");
      expect(err.message).not.toContain(SECRET_ID);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("answers a red flag with 'seek medical help now' while Redis is down, and keeps conversation ids out of the engine's log lines", async () => {
    const server = await startRedisServer();
    const store = make(server.url);
    const logger = new Lines();
    const engine = createEngine({ store, logger });
    const message = { platform: "web", conversationId: SECRET_ID, userId: "u", kind: "text" as const };
    await engine.handle({ ...message, text: "how much magnesium should I take?" });
    await server.stop();
    await engine.handle({ ...message, text: "what dose?" });
    const urgent = await engine.handle({ ...message, text: "my calf is swollen, red and hot" });
    expect(urgent.intent).toBe("urgent");
    expect(urgent.text).toContain(engine.intents.urgent.reply.slice(0, 30));
    const text = logger.lines.join("\n");
    expect(text).toMatch(/E_STORE/);
    expect(text).not.toContain(SECRET_ID.slice(4));
  });
});
