// Wires the web chat: the page and its assets, Botkit's webhook POST /api/messages and the chat WebSocket, and close().
import type { IncomingMessage as HttpRequest, Server as HttpServer, ServerResponse } from "node:http";
import { loadApology } from "../shared/apology.js";
import { commandsFor } from "../shared/commands.js";
import type { AdapterOutcome, PlatformAdapter } from "../shared/contract.js";
import { loadAssets, sendAsset } from "./assets.js";
import { createWebBot } from "./bot.js";
import { ConversationBudget } from "./budget.js";
import { sendError, sendJson } from "./http.js";
import { newSession, sessionCookie, sessionFromRequest } from "./identity.js";
import { loadNotices } from "./notices.js";
import { resolveOptions, type WebAdapterDeps, type WebAdapterOptions } from "./options.js";
import { createChatSocketServer, SOCKET_PATH } from "./socket.js";
import { createWebhookHandler } from "./webhook.js";

/** Where the adapter answers; everything else is left to the service. */
export const WEB_PATHS = {
  /** GET/HEAD: the chat page (also /chat.js and /chat.css). */
  page: "/",
  /** POST: Botkit's webhook. */
  webhook: "/api/messages",
  /** The chat WebSocket (upgrade only). */
  socket: SOCKET_PATH,
  /** GET/HEAD: the chat's help, the commands of intents/commands.yaml offered on the web (name, description, sends). */
  commands: "/api/commands",
} as const;

export interface WebChatAdapter extends PlatformAdapter {
  readonly name: "web";
  /**
   * The node:http request handler. Returns true when it handled the request (GET/HEAD /, /chat.js, /chat.css;
   * anything to /api/messages and /ws), false when the service should route it elsewhere.
   */
  handleHttp(req: HttpRequest, res: ServerResponse): boolean;
  /** Serves the chat WebSocket at /ws on `server` (an "upgrade" listener). Idempotent per server. */
  attachWebSocket(server: HttpServer): void;
  /**
   * Stops taking messages (webhook: 503, socket upgrades: 503), waits for the turns being answered, closes every
   * chat socket (1001) and shuts Botkit down. Idempotent.
   */
  close(): Promise<void>;
  /** The same as close(): the contract's name. */
  stop(): Promise<void>;
  /** Nothing to connect: resolves once Botkit has booted. */
  start(): Promise<void>;
  /** "ok" while ready() is true, else "not ready". */
  status(): string;
  /** Settles with reason "stopped" once close() has finished. */
  readonly finished: Promise<AdapterOutcome>;
  /** The same as attachWebSocket(). */
  attach(server: HttpServer): void;
  /** True while the adapter answers messages: Botkit has booted and close() has not been called. */
  ready(): boolean;
}

/**
 * Creates the adapter. Throws WebAdapterError for bad options or when the page assets are missing, DataError when
 * messages.yaml lacks the web chat's refusal texts.
 */
export function createWebAdapter(deps: WebAdapterDeps, options: WebAdapterOptions = {}): WebChatAdapter {
  const settings = resolveOptions(options);
  const assets = loadAssets();
  const notices = loadNotices(settings.intentsDir);
  const help = commandsFor("web", settings.intentsDir).map(({ name, description, sends }) => ({
    name,
    description,
    sends,
  }));
  const { logger } = deps;
  const budget = new ConversationBudget(
    settings.newConversationsPerMinute,
    deps.clock ?? { now: () => Date.now() },
  );
  const bot = createWebBot(deps.handler, logger, loadApology(settings.intentsDir));
  let state: "open" | "closing" | "closed" = "open";
  let closing: Promise<void> | undefined;
  let settle: (outcome: AdapterOutcome) => void = () => {};
  const finished = new Promise<AdapterOutcome>((resolve) => {
    settle = resolve;
  });
  const inFlight = new Set<Promise<unknown>>();

  const isOpen = () => state === "open" && bot.booted;
  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    const forget = () => {
      inFlight.delete(work);
    };
    work.then(forget, forget);
    return work;
  }
  const context = { settings, bot, logger, notices, budget, isOpen, track };
  const webhook = createWebhookHandler(context);
  const sockets = createChatSocketServer(context);

  function handleHttp(req: HttpRequest, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    if (path === WEB_PATHS.webhook) {
      webhook(req, res);
      return true;
    }
    if (path === WEB_PATHS.commands) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        sendError(res, 405, "method_not_allowed", "Use GET.", { allow: "GET, HEAD" });
      } else {
        sendJson(res, 200, { commands: help });
      }
      return true;
    }
    if (path === WEB_PATHS.socket) {
      sendError(
        res,
        426,
        "upgrade_required",
        "This is the chat WebSocket: connect with a WebSocket client.",
        {
          upgrade: "websocket",
        },
      );
      return true;
    }
    const asset = assets.get(path);
    if (asset === undefined) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendError(res, 405, "method_not_allowed", "Use GET.", { allow: "GET, HEAD" });
      return true;
    }
    const extraHeaders: Record<string, string> = {};
    if (path === WEB_PATHS.page) {
      // Every page load (re)sets the cookie: a new visitor gets an id, a known one a fresh expiry.
      const session = sessionFromRequest(req, settings.cookieName) ?? newSession();
      extraHeaders["set-cookie"] = sessionCookie(session, settings.cookieName, settings.secureCookie);
      extraHeaders["cache-control"] = "no-store";
    }
    const ifNoneMatch = req.headers["if-none-match"];
    sendAsset(res, asset, { head: req.method === "HEAD", host: req.headers.host, ifNoneMatch, extraHeaders });
    return true;
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      state = "closing";
      await Promise.allSettled([...inFlight]);
      await sockets.close();
      await bot.shutdown();
      state = "closed";
      logger.info({}, "web: chat adapter closed");
      settle({ reason: "stopped" });
    })();
    return closing;
  }

  logger.info({ paths: WEB_PATHS }, "web: chat adapter created");
  return {
    name: "web",
    handleHttp,
    attachWebSocket: (server) => sockets.attach(server),
    attach: (server) => sockets.attach(server),
    close,
    stop: close,
    start: () => bot.boot,
    status: () => (isOpen() ? "ok" : "not ready"),
    finished,
    ready: isOpen,
  };
}
