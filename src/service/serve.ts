/**
 * `crampbot serve` (npm start): the composition root. Builds the engine once, starts the HTTP server (health check and
 * the Telegram webhook) and every platform adapter whose tokens are set, and shuts all down on SIGTERM / SIGINT.
 */
import { createServer, type IncomingMessage as HttpRequest, type ServerResponse } from "node:http";
import { destination, pino } from "pino";
import { createDiscordAdapter, discordOptionsFromEnv } from "../adapters/discord/index.js";
import { createTelegramAdapter, telegramOptionsFromEnv } from "../adapters/telegram/index.js";
import { createEngine } from "../core/engine.js";
import { createStore, redactRedisUrl } from "../core/store/index.js";
import type { Logger } from "../core/types.js";

type Env = Record<string, string | undefined>;

interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Env var names whose values must never reach a log line. */
const SECRET_PATHS = ["token", "secret", "password", "*.token", "*.secret", "*.password", "url"];

export async function serve(env: Env = process.env): Promise<number> {
  const logger = pino(
    { level: env.LOG_LEVEL ?? "info", redact: { paths: SECRET_PATHS, censor: "[redacted]" } },
    destination(2),
  ) as unknown as Logger;
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? "127.0.0.1";
  // Conversations survive restarts: SQLite by default, Redis when several instances share state.
  const redisUrl = env.REDIS_URL || undefined;
  const store = createStore({ databasePath: env.DATABASE_PATH ?? "./data/crampbot.db", redisUrl });
  const engine = createEngine({ store, logger });
  const running: Running[] = [];
  const routes = new Map<string, (req: HttpRequest, res: ServerResponse) => void>();

  if (env.TELEGRAM_TOKEN !== undefined) {
    const telegram = createTelegramAdapter({ handler: engine, store, logger }, telegramOptionsFromEnv(env));
    if (telegram.mode === "webhook" && telegram.webhookPath !== undefined) {
      routes.set(telegram.webhookPath, telegram.webhookHandler);
    }
    running.push({ name: "telegram", stop: () => telegram.stop() });
    await telegram.start();
    logger.info({ adapter: "telegram", mode: telegram.mode }, "adapter started");
  }
  if (env.DISCORD_TOKEN !== undefined || env.DISCORD_APPLICATION_ID !== undefined) {
    const discord = createDiscordAdapter({ handler: engine, logger }, discordOptionsFromEnv(env));
    running.push({ name: "discord", stop: () => discord.stop() });
    await discord.start();
    logger.info({ adapter: "discord" }, "adapter started");
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routes.get(path);
    if (route && req.method === "POST") return route(req, res);
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const storeName = redisUrl
    ? `redis ${redactRedisUrl(redisUrl)}`
    : `sqlite ${env.DATABASE_PATH ?? "./data/crampbot.db"}`;
  logger.info({ host, port, adapters: running.map((r) => r.name), store: storeName }, "crampbot serving");
  process.stderr.write(
    `CrampBot is running on http://${host}:${port} (health: /healthz). Adapters: ${
      running.map((r) => r.name).join(", ") || "none — set TELEGRAM_TOKEN or DISCORD_TOKEN"
    }. Press Ctrl+C to stop.\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  logger.info({}, "shutting down");
  await Promise.allSettled(running.map((r) => r.stop()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await engine.close();
  return 0;
}
