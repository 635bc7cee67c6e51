/**
 * The service: one engine behind a metrics decorator, the session store, the HTTP server (health, readiness,
 * metrics, and whatever the adapters mount on it) and every configured platform of the adapter table
 * (platforms.ts), each run through the one contract of src/adapters/shared/contract.ts.
 *
 *   GET /healthz   200 while the process is up
 *   GET /readyz    200 when the store answers and every started adapter is ready; else 503 naming what is not
 *   GET /metrics   Prometheus text (see metrics.ts)
 *   <an adapter's routes>   e.g. POST <path of TELEGRAM_WEBHOOK_URL>, Telegram's webhook, in webhook mode
 *   anything else  offered to each adapter's handleHttp (the web chat), else 404
 *
 * Messages go to the live engine of the reloader (reload.ts): reload() — SIGHUP, or a change to the data files when
 * watched — swaps in an engine over the new data only if it passes the eval gate. With REVIEW_LOG set, fallbacks and
 * clarifying questions go to the review log (redacted, no ids) in the session store's backend.
 *
 * stop() takes no new messages (HTTP 503 for webhook and API requests, adapters stop polling), finishes the ones
 * in flight, closes the server and the store, all within SHUTDOWN_TIMEOUT_MS.
 */
import {
  createServer,
  type IncomingMessage as HttpRequest,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";
import type { DestinationStream } from "pino";
import type { AdapterOutcome, Platform, PlatformAdapter, RouteHandler } from "../adapters/shared/contract.js";
import { errorSummary } from "../adapters/shared/errors.js";
import { CrampBotError } from "../core/errors.js";
import type { ReviewStore } from "../core/review.js";
import type {
  Clock,
  FeedbackStore,
  IncomingMessage,
  Logger,
  MessageHandler,
  Reply,
  ReviewLog,
  SessionStore,
} from "../core/types.js";
import { createEngine, type Engine } from "../node/create-engine.js";
import { createFeedbackStore } from "../node/store/feedback.js";
import {
  checkStore as checkAnyStore,
  createStore,
  RedisStore,
  redactRedisUrl,
  SqliteStore,
} from "../node/store/index.js";
import { createReviewLog } from "../node/store/review-log.js";
import { type Config, secretsOf } from "./config.js";
import { countingVotes } from "./feedback.js";
import { createServiceLogger } from "./logger.js";
import { ServiceMetrics, withMetrics } from "./metrics.js";
import { PLATFORMS } from "./platforms.js";
import {
  type DataDirs,
  dataDirs,
  type LiveData,
  Reloader,
  type ReloaderOptions,
  type ReloadOutcome,
} from "./reload.js";
import { registerReloadMetrics } from "./reload-metrics.js";
import { EngineThread, type EngineThreadSpec } from "./thread/engine-thread.js";

// ---- a custom web chat (tests) ---------------------------------------------------------------------------------

/**
 * A web chat mounted in place of the table's (tests: ServiceDeps.web): an HTTP handler that claims its own requests
 * and a WebSocket endpoint on the service's server. The optional methods are used when present.
 */
export interface WebAdapter {
  /** Handles `req` and returns true when it is one of the adapter's requests; returns false (touching nothing) else. */
  handleHttp(req: HttpRequest, res: ServerResponse): boolean;
  /** Attaches the WebSocket endpoint to the service's HTTP server. Called once, before the server listens. */
  attachWebSocket(server: Server): void;
  /** Called by start(), after the server listens. */
  start?(): Promise<void>;
  /** Called by stop(): take no new messages, finish those in flight, close open sockets. */
  stop?(): Promise<void>;
  /** For /readyz; default: ready once started. */
  ready?(): boolean;
}

/** What a web adapter factory gets: the same handler (metrics included), store and logger as the other adapters. */
export interface WebAdapterContext {
  handler: MessageHandler;
  store: SessionStore;
  logger: Logger;
  config: Config;
}

export type WebAdapterFactory = (context: WebAdapterContext) => WebAdapter;

// ---- createService --------------------------------------------------------------------------------------------

export interface ServiceDeps {
  /** Default: the pino service logger (logger.ts) at config.logLevel, secrets scrubbed. */
  logger?: Logger;
  /** Where the default logger writes (tests capture it). Default: standard error. */
  logDestination?: DestinationStream;
  /** Default: createStore(config): Redis when REDIS_URL is set, else SQLite at DATABASE_PATH. Closed by stop(). */
  store?: SessionStore;
  /**
   * Where "Helpful?" votes are counted. Default: the session store's backend (the SQLite file's own table, the same
   * Redis; memory beside any other store). Closed by stop().
   */
  feedback?: FeedbackStore;
  clock?: Clock;
  /** The adapter table. Default: PLATFORMS (platforms.ts); each runs when its settings in `config` are set. */
  platforms?: readonly Platform[];
  /**
   * A web chat in place of the table's "web" platform (tests). A factory is called once by createService with the
   * service's handler, store and logger (so web messages are counted in the metrics); an object is mounted as it is.
   */
  web?: WebAdapter | WebAdapterFactory;
  /** Extra adapter options by platform name, passed to create() as context.overrides. Default: none. */
  overrides?: Readonly<Record<string, unknown>>;
  /** Shorthand for overrides.telegram (tests: pollingTimeoutSeconds, typingDelayMs, sleep). */
  telegram?: unknown;
  /** Shorthand for overrides.discord. */
  discord?: unknown;
  /** Collect prom-client's default process metrics. Default: true. */
  defaultMetrics?: boolean;
  /** How long /readyz waits for the store. Default: 2,000 ms. */
  storeCheckTimeoutMs?: number;
  /** The data folders the engine is built from and reloaded from. Default: the package's knowledge/ and intents/. */
  data?: Partial<DataDirs>;
  /** Reload when a file in the data folders changes (`serve` turns it on). Default: false (SIGHUP / reload() only). */
  watchData?: boolean;
  /** Reload settings: the gate's set, the debounce (reload.ts). Default: the package's set, 300 ms. */
  reload?: Pick<ReloaderOptions, "gateSet" | "debounceMs">;
  /**
   * Where unanswered questions go (closed by stop()). Default: with REVIEW_LOG set, the session store's backend
   * (review-log.ts); else none.
   */
  reviewLog?: ReviewLog & Partial<Pick<ReviewStore, "close">>;
}

export interface Service {
  /** Opens the store, listens, starts the adapters. On failure everything started is stopped and the error thrown. */
  start(): Promise<void>;
  /**
   * Drains and closes (idempotent). Rejects with code E_SHUTDOWN_TIMEOUT when messages were still in flight after
   * SHUTDOWN_TIMEOUT_MS (the server and store are closed anyway).
   */
  stop(): Promise<void>;
  /** The node:http server (not listening until start()). */
  readonly server: Server;
  /** "http://host:port", with the real port once listening (PORT=0 picks a free one). */
  readonly url: string;
  /** The engine behind the metrics decorator: what every adapter calls. */
  readonly handler: MessageHandler;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  /**
   * The session store. With ENGINE_THREAD=worker it is the engine thread's, opened there: this one only says so
   * (its get/set/delete reject with code E_ENGINE_THREAD); /readyz still checks the real one.
   */
  readonly store: SessionStore;
  /**
   * Reloads knowledge/ and intents/ (SIGHUP, file changes): the new data goes live only if it loads and passes the
   * eval gate; otherwise the old stays and one line says why. Never rejects.
   */
  reload(trigger?: string): Promise<ReloadOutcome>;
  /** The data version in use and the reloads so far (with ENGINE_THREAD=worker, as the engine's thread last told). */
  readonly reloader: LiveData;
  /** The feedback store (votes also counted in the metrics); with ENGINE_THREAD=worker, as `store` says. */
  readonly feedback: FeedbackStore;
}

type Phase = "new" | "starting" | "running" | "stopping" | "stopped";

/** A started adapter, as /readyz and stop() see it. */
interface Part {
  name: string;
  /** "ok", or why not. */
  status(): string;
  stop(): Promise<void>;
}

const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);
const JSON_TYPE = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** Counts work in progress; idle() resolves when none is left. */
class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  enter(): () => void {
    this.count++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.count--;
      if (this.count === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    };
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

export function createService(config: Config, deps: ServiceDeps = {}): Service {
  const logger: Logger =
    deps.logger ??
    createServiceLogger({
      level: config.logLevel,
      secrets: secretsOf(config),
      ...(deps.logDestination ? { destination: deps.logDestination } : {}),
    });
  const metrics = new ServiceMetrics({
    ...(deps.clock ? { clock: deps.clock } : {}),
    defaultMetrics: deps.defaultMetrics ?? true,
  });
  const engineSide =
    config.engineThread === "worker"
      ? engineThreadSide(config, deps, logger, metrics)
      : engineHere(config, deps, logger, metrics);
  const { store, feedback } = engineSide;
  registerReloadMetrics(metrics.registry, engineSide.data);
  const messagesInFlight = new InFlight();
  const requestsInFlight = new InFlight();
  const measured = withMetrics(engineSide.handler, metrics);
  const handler: MessageHandler = {
    async handle(message: IncomingMessage): Promise<Reply> {
      const leave = messagesInFlight.enter();
      try {
        return await measured.handle(message);
      } finally {
        leave();
      }
    },
  };

  let phase: Phase = "new";
  let draining = false;
  let stopping: Promise<void> | undefined;
  const parts: Part[] = [];
  const routes = new Map<string, RouteHandler>();
  const sockets = new Set<Socket>();
  const storeCheckTimeoutMs = deps.storeCheckTimeoutMs ?? 2_000;
  let storeWasOk = true;

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      logger.error({ err: errorSummary(error), path: pathOf(req.url) }, "http: request failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("error", (error) => logger.error({ err: errorSummary(error) }, "http: server error"));

  // A custom web chat (tests) is created now, as before the table existed; the table's adapters at start().
  const customWeb: PlatformAdapter | undefined = deps.web
    ? fromWebChat(typeof deps.web === "function" ? deps.web({ handler, store, logger, config }) : deps.web)
    : undefined;
  const httpHandlers: PlatformAdapter[] = [];
  let upgradeGuarded = false;

  function guardUpgrades(): void {
    if (upgradeGuarded) return;
    upgradeGuarded = true;
    // While draining, new WebSocket upgrades are refused (the adapter's own listener then sees a closed socket).
    server.prependListener("upgrade", (_req: HttpRequest, socket: Socket) => {
      if (!draining) return;
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n\r\n");
      socket.destroy();
    });
  }

  async function onRequest(req: HttpRequest, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    if (OPS_PATHS.has(path)) return ops(path, req, res);
    const leave = requestsInFlight.enter();
    res.once("close", leave);
    if (draining) {
      send(res, 503, { error: "shutting down" }, { "retry-after": "5", connection: "close" });
      return;
    }
    const route = routes.get(path);
    if (route) return route(req, res);
    for (const adapter of httpHandlers) if (adapter.handleHttp?.(req, res)) return;
    // /healthz answers as soon as the server listens, before the adapters have mounted their routes: a message in
    // that window is told to come back, not that the chat does not exist.
    if (phase === "starting") {
      send(
        res,
        503,
        { error: "starting", message: "CrampBot is starting; please try again in a moment." },
        { "retry-after": "1" },
      );
      return;
    }
    send(res, 404, { error: "not found" });
  }

  async function ops(path: string, req: HttpRequest, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, { error: "method not allowed" }, { allow: "GET, HEAD" });
      return;
    }
    if (path === "/healthz") return send(res, 200, { status: "ok" });
    if (path === "/readyz") {
      const checks = await readiness();
      const ready = Object.values(checks).every((status) => status === "ok");
      return send(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
    }
    const text = await metrics.render();
    res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : text);
  }

  async function readiness(): Promise<Record<string, string>> {
    const checks: Record<string, string> = {
      service: draining ? "shutting down" : phase === "running" ? "ok" : phase,
      store: await checkStore(),
    };
    for (const part of parts) checks[part.name] = part.status();
    return checks;
  }

  async function checkStore(): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        engineSide.check(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new CrampBotError("E_STORE", `no answer within ${storeCheckTimeoutMs} ms`)),
            storeCheckTimeoutMs,
          );
        }),
      ]);
      if (!storeWasOk) logger.info({}, "readiness: the session store answers again");
      storeWasOk = true;
      return "ok";
    } catch (error) {
      metrics.storeFailed("check");
      if (storeWasOk)
        logger.warn({ err: errorSummary(error) }, "readiness: the session store does not answer");
      storeWasOk = false;
      return "unavailable";
    } finally {
      clearTimeout(timer);
    }
  }

  async function listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        reject(
          new CrampBotError(
            "E_LISTEN",
            `cannot listen on ${config.host}:${config.port} (HOST, PORT): ${error.code ?? error.message}`,
          ),
        );
      };
      server.once("error", onError);
      server.listen(config.port, config.host, () => {
        server.off("error", onError);
        resolve();
      });
    });
  }

  /** Mounts one adapter (routes, HTTP handler, server attachment), lists it for /readyz and stop(), starts it. */
  async function run(adapter: PlatformAdapter): Promise<void> {
    const name = adapter.name;
    let started = false;
    let finished: string | undefined;
    void adapter.finished.then((outcome: AdapterOutcome) => {
      finished = outcome.reason;
      if (outcome.reason !== "stopped" && !draining) {
        logger.error({ ...outcome, adapter: name }, `${name}: the adapter stopped on its own`);
      }
    });
    for (const [path, route] of adapter.routes ?? []) routes.set(path, route);
    if (adapter.handleHttp) httpHandlers.push(adapter);
    if (adapter.attach) {
      guardUpgrades();
      adapter.attach(server);
    }
    parts.push({
      name,
      status: () => (finished ? `stopped (${finished})` : started ? adapter.status() : "starting"),
      stop: () => adapter.stop(),
    });
    await adapter.start();
    started = true;
  }

  /** Every configured platform of the table, in order; its module loads its SDK only now (dynamic import). */
  async function startPlatforms(): Promise<void> {
    const settingsOf = config as unknown as Record<string, unknown>;
    for (const platform of deps.platforms ?? PLATFORMS) {
      if (draining) throw new CrampBotError("E_STOPPED", "the service was stopped while starting");
      if (platform.name === "web" && customWeb) {
        await run(customWeb);
        continue;
      }
      const settings = settingsOf[platform.name];
      if (settings === undefined) continue;
      const adapter = await platform.create(settings, {
        handler,
        store,
        logger,
        drainTimeoutMs: drainBudgetMs(),
        onUndelivered: () => metrics.replyUndelivered(platform.name),
        overrides: deps.overrides?.[platform.name] ?? (deps as Record<string, unknown>)[platform.name],
      });
      await run(adapter);
    }
  }

  async function start(): Promise<void> {
    if (phase !== "new") throw new CrampBotError("E_STATE", `the service cannot start: it is ${phase}`);
    phase = "starting";
    try {
      // A bad or read-only DATABASE_PATH, or a file another process holds, fails here (exit 1), not at a message.
      // With ENGINE_THREAD=worker, the engine's thread starts here and opens the store there.
      await engineSide.open();
      // stop() may be called while starting (a signal during a slow login): start nothing after it.
      for (const step of [listen, startPlatforms]) {
        if (draining) throw new CrampBotError("E_STOPPED", "the service was stopped while starting");
        await step();
      }
      if (deps.watchData) engineSide.watch();
    } catch (error) {
      await stop().catch(() => {});
      throw error;
    }
    if (draining) throw new CrampBotError("E_STOPPED", "the service was stopped while starting");
    phase = "running";
    logger.info(
      { url: service.url, adapters: parts.map((part) => part.name), store: engineSide.describe() },
      "crampbot serving",
    );
  }

  function drainBudgetMs(): number {
    // Keep a little of SHUTDOWN_TIMEOUT_MS for closing the server and the store after the drain.
    return Math.max(50, config.shutdownTimeoutMs - Math.min(1_000, Math.floor(config.shutdownTimeoutMs / 5)));
  }

  async function drain(): Promise<void> {
    const results = await Promise.allSettled(parts.map((part) => part.stop()));
    for (const [index, result] of results.entries()) {
      if (result.status === "rejected") {
        logger.error(
          { adapter: parts[index]?.name, err: errorSummary(result.reason) },
          "stopping an adapter failed",
        );
      }
    }
    await requestsInFlight.idle();
    await messagesInFlight.idle();
  }

  async function closeServer(): Promise<void> {
    if (server.listening) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections and open WebSockets: nothing is in flight on them any more.
      for (const socket of sockets) socket.destroy();
      await closed;
    } else {
      for (const socket of sockets) socket.destroy();
    }
  }

  async function shutdown(): Promise<void> {
    const wasStarted = phase !== "new";
    draining = true;
    phase = "stopping";
    await engineSide.stopReloading();
    if (!wasStarted) {
      await engineSide.close(false);
      phase = "stopped";
      return;
    }
    logger.info(
      { messagesInFlight: messagesInFlight.size, requestsInFlight: requestsInFlight.size },
      "shutting down: no new messages; finishing those in flight",
    );
    const budgetMs = drainBudgetMs();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      drain().then(() => "drained" as const),
      new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), budgetMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      logger.error(
        { messagesInFlight: messagesInFlight.size, requestsInFlight: requestsInFlight.size, budgetMs },
        "shutdown: work still in flight after the timeout; closing anyway",
      );
    }
    await closeServer();
    try {
      // After a drain the engine's conversation queues are empty: the engine closes its stores (in its thread).
      await engineSide.close(outcome === "drained");
    } catch (error) {
      logger.error({ err: errorSummary(error) }, "shutdown: closing the session store failed");
      throw error;
    } finally {
      phase = "stopped";
    }
    if (outcome === "timeout") {
      throw new CrampBotError(
        "E_SHUTDOWN_TIMEOUT",
        `shutdown took longer than SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs} ms); messages in flight were dropped`,
      );
    }
    logger.info({}, "stopped");
  }

  function stop(): Promise<void> {
    stopping ??= shutdown();
    return stopping;
  }

  const service: Service = {
    start,
    stop,
    server,
    get url() {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : config.port;
      const host =
        config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;
      return `http://${host}:${port}`;
    },
    handler,
    metrics,
    logger,
    store,
    reload: (trigger) => engineSide.reload(trigger),
    reloader: engineSide.data,
    feedback,
  };
  return service;
}

function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0] ?? "/";
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...JSON_TYPE, ...headers });
  res.end(res.req.method === "HEAD" ? undefined : JSON.stringify(body));
}

function describeStore(store: SessionStore, config: Config): string {
  if (store instanceof RedisStore) return `redis ${redactRedisUrl(config.redisUrl ?? "")}`;
  if (store instanceof SqliteStore) return `sqlite ${store.path}`;
  return store.constructor.name;
}

// ---- where the engine runs (ENGINE_THREAD) ----------------------------------------------------------------------

/** The engine with its stores and its hot reload, as the rest of the service uses them, in whichever thread. */
interface EngineSide {
  /** The live engine: what the metrics decorator wraps. */
  handler: MessageHandler;
  store: SessionStore;
  feedback: FeedbackStore;
  data: LiveData;
  /** At start: opens the SQLite file (a bad path fails here), or starts the engine's thread. */
  open(): Promise<void>;
  /** /readyz: the store proves it answers. */
  check(): Promise<void>;
  reload(trigger?: string): Promise<ReloadOutcome>;
  watch(): void;
  /** First thing at shutdown: no reload starts any more, one under way is waited for. */
  stopReloading(): Promise<void>;
  /** Last: closes the review log and the stores; `drained`: through the engine (its queues are empty). */
  close(drained: boolean): Promise<void>;
  /** For the "crampbot serving" line. */
  describe(): string;
}

/** ENGINE_THREAD=main: everything in this thread, as before ADR 55. */
function engineHere(config: Config, deps: ServiceDeps, logger: Logger, metrics: ServiceMetrics): EngineSide {
  const store =
    deps.store ?? createStore({ databasePath: config.databasePath, redisUrl: config.redisUrl, logger });
  const reviewLog =
    deps.reviewLog ??
    (config.reviewLog
      ? createReviewLog({
          databasePath: config.databasePath,
          redisUrl: config.redisUrl,
          retentionDays: config.reviewRetentionDays,
          ...(deps.clock ? { clock: deps.clock } : {}),
          // Written in batches after the reply (ADR 23): a batch that fails is logged by its code, never its text.
          onError: (error) =>
            logger.warn({ err: { code: error.code } }, "review log: could not write queued messages"),
        })
      : undefined);
  const feedback = countingVotes(deps.feedback ?? createFeedbackStore(store, config.redisUrl), metrics);
  const engineOptions = {
    store,
    feedback,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    rateLimit: { messages: config.rateLimitPerMinute, windowMs: 60_000 },
    maxMessageLength: config.maxMessageLength,
    // A failed load or save never changes the reply; it is counted apart from ordinary fallbacks.
    onStoreError: (operation: Parameters<typeof metrics.storeFailed>[0]) => metrics.storeFailed(operation),
    ...(reviewLog ? { reviewLog } : {}),
  };
  const dirs = dataDirs(deps.data);
  const engine: Engine = createEngine({ ...engineOptions, ...dirs });
  // Every message goes through the reloader to whichever engine is live (reload.ts).
  const reloader = new Reloader({
    initial: engine,
    dirs,
    engine: engineOptions,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...deps.reload,
  });
  const closeReviewLog = async () => {
    try {
      await reviewLog?.close?.();
    } catch (error) {
      logger.warn({ err: errorSummary(error) }, "shutdown: closing the review log failed");
    }
  };
  return {
    handler: reloader,
    store,
    feedback,
    data: reloader,
    open: async () => {
      if (store instanceof SqliteStore) await store.open();
    },
    check: () => checkAnyStore(store),
    reload: (trigger) => reloader.reload(trigger),
    watch: () => reloader.watch(),
    stopReloading: () => reloader.close(),
    async close(drained) {
      await closeReviewLog();
      // engine.close() waits for this process's conversation queues (empty after a drain), then closes the store.
      if (drained) await reloader.engine.close();
      else await Promise.all([store.close(), feedback.close()]);
    },
    describe: () => describeStore(store, config),
  };
}

/** The pino level of the service as the engine's thread filters its log lines. */
function threadLogLevel(level: Config["logLevel"]): NonNullable<EngineThreadSpec["logLevel"]> {
  if (level === "fatal") return "error";
  if (level === "trace") return "debug";
  return level;
}

/**
 * ENGINE_THREAD=worker (ADR 55): the engine, its session store, the votes' and the review log's backends and the hot
 * reload in a thread of their own (thread/engine-worker.ts), built there from the configuration; this thread keeps
 * HTTP, the adapters and the metrics, which the engine's thread tells of store failures, votes and reloads. Objects
 * given in ServiceDeps (a store, a clock, a feedback store, a review log, a gate set) cannot cross threads: with any
 * of them this is refused.
 */
function engineThreadSide(
  config: Config,
  deps: ServiceDeps,
  logger: Logger,
  metrics: ServiceMetrics,
): EngineSide {
  if (deps.store || deps.clock || deps.feedback || deps.reviewLog || deps.reload) {
    throw new CrampBotError(
      "E_CONFIG",
      "ENGINE_THREAD=worker builds the engine's store, clock, votes, review log and reload in its own thread: " +
        "objects given to createService cannot cross threads (use ENGINE_THREAD=main)",
    );
  }
  const dirs = dataDirs(deps.data);
  const spec: EngineThreadSpec = {
    store: config.redisUrl
      ? { kind: "redis", url: config.redisUrl }
      : { kind: "sqlite", path: config.databasePath },
    engine: {
      rateLimit: { messages: config.rateLimitPerMinute, windowMs: 60_000 },
      maxMessageLength: config.maxMessageLength,
      ...dirs,
    },
    feedback: "backend",
    ...(config.reviewLog ? { reviewLog: { retentionDays: config.reviewRetentionDays } } : {}),
    reload: { ...dirs, watch: deps.watchData === true },
    logLevel: threadLogLevel(config.logLevel),
  };
  let thread: EngineThread | undefined;
  const notYet = () => new CrampBotError("E_ENGINE_THREAD", "the engine thread has not started");
  const elsewhere = () =>
    Promise.reject(
      new CrampBotError("E_ENGINE_THREAD", "the session store is the engine thread's (ENGINE_THREAD=worker)"),
    );
  const none = { applied: 0, refused: 0, unchanged: 0 };
  const data: LiveData = {
    get version() {
      return thread?.data?.version ?? "";
    },
    get lastReload() {
      return thread?.data?.lastReload;
    },
    get counts() {
      return thread?.data?.counts ?? none;
    },
  };
  return {
    handler: { handle: (message) => thread?.handle(message) ?? Promise.reject(notYet()) },
    store: { get: elsewhere, set: elsewhere, delete: elsewhere, close: async () => {} },
    feedback: { record: elsewhere, counts: elsewhere, close: async () => {} },
    data,
    async open() {
      thread = await EngineThread.start(spec, {
        logger,
        onStoreError: (operation) => metrics.storeFailed(operation),
        onVote: (section, vote) => metrics.voted(section, vote),
      });
    },
    check: () => thread?.check() ?? Promise.reject(notYet()),
    reload: async (trigger = "manual") => {
      if (thread === undefined) throw notYet();
      return thread.reload(trigger);
    },
    // The thread watches the folders itself (spec.reload.watch), from its start.
    watch: () => {},
    stopReloading: async () => {},
    async close(drained) {
      if (thread === undefined) return;
      if (drained) await thread.close();
      else await thread.terminate();
    },
    describe: () =>
      `${config.redisUrl ? `redis ${redactRedisUrl(config.redisUrl)}` : `sqlite ${config.databasePath}`} (engine thread)`,
  };
}

/** The contract's shape for a custom web chat (ServiceDeps.web). */
function fromWebChat(web: WebAdapter): PlatformAdapter {
  let settle: (outcome: AdapterOutcome) => void = () => {};
  const finished = new Promise<AdapterOutcome>((resolve) => {
    settle = resolve;
  });
  let stopping: Promise<void> | undefined;
  return {
    name: "web",
    start: async () => {
      await web.start?.();
    },
    stop: () => {
      stopping ??= (async () => {
        await web.stop?.();
        settle({ reason: "stopped" });
      })();
      return stopping;
    },
    status: () => (web.ready?.() === false ? "not ready" : "ok"),
    finished,
    handleHttp: (req, res) => web.handleHttp(req, res),
    attach: (server) => web.attachWebSocket(server),
  };
}
