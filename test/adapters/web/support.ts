// Test helpers for the web adapter: the real engine behind the adapter on a node:http server at 127.0.0.1 on a random
// port, a cookie-keeping HTTP client, and a WebSocket client. Every server started here is closed by closeAll().
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import {
  createWebAdapter,
  type WebAdapterOptions,
  type WebChatAdapter,
} from "../../../src/adapters/web/index.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import type {
  Clock,
  IncomingMessage,
  Logger,
  MessageHandler,
  SessionStore,
} from "../../../src/core/types.js";
import { createEngine, type Engine } from "../../../src/node/create-engine.js";

export interface LogLine {
  level: string;
  obj: object;
  msg: string | undefined;
}

/** A logger that keeps every line, so tests can check what is (not) logged. */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export interface WebServer {
  url: string;
  port: number;
  origin: string;
  socketUrl: string;
  server: Server;
  adapter: WebChatAdapter;
  engine: Engine;
  /** Every message the handler received, as the adapter translated it. */
  seen: IncomingMessage[];
  logger: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
}

const running = new Set<WebServer>();

/**
 * The real engine (in-memory store unless one is given) behind the adapter, mounted as the service mounts it; with
 * `handler`, that handler in its place (the engine on its own thread), the engine built but not used.
 */
export async function startWebServer(
  options: WebAdapterOptions = {},
  extra: { store?: SessionStore; clock?: Clock; handler?: MessageHandler } = {},
): Promise<WebServer> {
  const engine = createEngine({ store: extra.store ?? new MemoryStore() });
  const inner = extra.handler ?? engine;
  const seen: IncomingMessage[] = [];
  const logger = memoryLogger();
  const handler = {
    handle: (message: IncomingMessage) => {
      seen.push(message);
      return inner.handle(message);
    },
  };
  const adapter = createWebAdapter(
    { handler, logger, ...(extra.clock ? { clock: extra.clock } : {}) },
    options,
  );
  const server = createServer((req, res) => {
    if (adapter.handleHttp(req, res)) return;
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
  });
  adapter.attachWebSocket(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const web: WebServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    origin: `http://127.0.0.1:${port}`,
    socketUrl: `ws://127.0.0.1:${port}/ws`,
    server,
    adapter,
    engine,
    seen,
    logger,
    close() {
      closed ??= (async () => {
        running.delete(web);
        await adapter.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
  running.add(web);
  return web;
}

export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((web) => web.close()));
}

/** The session id in a Set-Cookie header, or undefined. */
export function cookieValue(setCookie: string | null, name = "crampbot_sid"): string | undefined {
  if (setCookie === null) return undefined;
  const match = new RegExp(`^${name}=([^;]*)`).exec(setCookie);
  return match?.[1];
}

export interface BotMessage {
  type: string;
  text: string;
  quick_replies: { title: string; payload: string }[];
  section: { id: string; heading: string } | null;
  intent: string;
}

/** An HTTP client that keeps the session cookie, as a browser or a load-test script does. */
export class CookieClient {
  cookie: string | undefined;
  lastSetCookie: string | null = null;

  constructor(
    readonly base: string,
    readonly cookieName = "crampbot_sid",
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie !== undefined) headers.cookie = `${this.cookieName}=${this.cookie}`;
    return headers;
  }

  private remember(response: Response): void {
    this.lastSetCookie = response.headers.get("set-cookie");
    const value = cookieValue(this.lastSetCookie, this.cookieName);
    if (value !== undefined) this.cookie = value;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, { headers: this.headers(headers) });
    this.remember(response);
    return response;
  }

  async post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.base}/api/messages`, {
      method: "POST",
      headers: this.headers({ "content-type": "application/json", ...headers }),
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    this.remember(response);
    return response;
  }

  /** Posts one chat message and returns the reply array (expects 200). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<BotMessage[]> {
    const response = await this.post({ type: "message", text, ...extra });
    if (response.status !== 200)
      throw new Error(`POST /api/messages: ${response.status} ${await response.text()}`);
    return (await response.json()) as BotMessage[];
  }

  async press(title: string, payload: string): Promise<BotMessage[]> {
    return this.say(title, { quick_reply: { payload } });
  }
}

export interface ChatSocket {
  ws: WebSocket;
  /** Every JSON message received so far. */
  received: unknown[];
  /** Waits for the next message not yet taken by next(). */
  next(timeoutMs?: number): Promise<unknown>;
  send(value: unknown): void;
  /** Resolves with the close code. */
  closed: Promise<number>;
}

/** Opens the chat socket; rejects with the HTTP status when the upgrade is refused. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<ChatSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const received: unknown[] = [];
    let taken = 0;
    const waiters: (() => void)[] = [];
    ws.on("message", (data) => {
      received.push(JSON.parse(String(data)));
      for (const wake of waiters.splice(0)) wake();
    });
    const closed = new Promise<number>((done) => ws.on("close", (code) => done(code)));
    ws.on("unexpected-response", (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.on("error", (err) => reject(err));
    ws.on("open", () =>
      resolve({
        ws,
        received,
        closed,
        send: (value) => ws.send(typeof value === "string" ? value : JSON.stringify(value)),
        next: (timeoutMs = 10_000) =>
          new Promise((done, fail) => {
            const check = () => {
              if (received.length > taken) {
                clearTimeout(timer);
                done(received[taken++]);
                return true;
              }
              return false;
            };
            const timer = setTimeout(() => fail(new Error("no message on the chat socket")), timeoutMs);
            const waiter = () => {
              if (!check()) waiters.push(waiter);
            };
            if (!check()) waiters.push(waiter);
          }),
      }),
    );
  });
}

/** The status of a refused upgrade (throws if the upgrade succeeded). */
export async function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const socket = await openSocket(url, headers);
    socket.ws.terminate();
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== undefined) return status;
    throw err;
  }
  throw new Error("the upgrade was accepted");
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

const STORY_FILLER =
  "I have had night leg cramps for a few weeks now and I have been trying to stretch my calves before bed every evening. ";
export const RED_FLAG_ENDING = "Now my left calf is swollen, red and hot to the touch.";

/**
 * What a person pastes: a long story (about `length` characters) whose red flag comes only at the end, past the
 * 2,000 characters the engine answers.
 */
export function longStory(length = 2300, ending = RED_FLAG_ENDING): string {
  let story = "";
  while (story.length + STORY_FILLER.length + ending.length <= length) story += STORY_FILLER;
  story += STORY_FILLER.slice(0, length - story.length - ending.length - 1).replace(/\s*\S*$/, "");
  return `${story} ${ending}`;
}
