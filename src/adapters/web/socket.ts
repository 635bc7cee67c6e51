// The chat WebSocket at /ws: Origin and cookie checked at the upgrade, capped frames and sockets, one turn at a time.

import type { IncomingMessage as HttpRequest, Server as HttpServer } from "node:http";
import { STATUS_CODES } from "node:http";
import { createRequire } from "node:module";
import type { Duplex } from "node:stream";
import { errorSummary } from "../shared/errors.js";
import { Sequencer } from "../shared/sequencer.js";
import { clientAddress } from "./budget.js";
import type { ChatContext } from "./context.js";
import { type Session, sessionFromRequest } from "./identity.js";
import { isForeignOrigin } from "./origin.js";
import { parseClientMessage } from "./protocol.js";

export const SOCKET_PATH = "/ws";
/** Messages a socket may have waiting for an answer; more and it is closed (1008): a client must wait. */
const MAX_PENDING = 8;
const HEARTBEAT_MS = 30_000;
/** How long close() lets sockets say goodbye before cutting them. */
const CLOSE_GRACE_MS = 1000;
const OPEN = 1;
/** Close codes: the message was too big; the server refuses for now (too many sockets), try again later. */
const MESSAGE_TOO_BIG = 1009;
const TRY_AGAIN_LATER = 1013;

/** The part of ws@7's WebSocket used here (the adapter's own copy of ws; @types/ws describes ws@8). */
interface WsSocket {
  readonly readyState: number;
  send(data: string, callback?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(data?: unknown, mask?: boolean, callback?: (err?: Error) => void): void;
  on(event: "message", listener: (data: unknown) => void): this;
  on(event: "pong" | "close", listener: () => void): this;
  on(event: "error", listener: (err: Error) => void): this;
}

interface WsServer {
  handleUpgrade(req: HttpRequest, socket: Duplex, head: Buffer, callback: (ws: WsSocket) => void): void;
  close(callback?: (err?: Error) => void): void;
}

interface WsModule {
  Server: new (options: {
    noServer: true;
    maxPayload: number;
    clientTracking: boolean;
    perMessageDeflate: boolean;
  }) => WsServer;
}

/** The ws package botbuilder-adapter-web depends on and ships with (ws@7), resolved from the adapter. */
function loadWs(): WsModule {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve("botbuilder-adapter-web"))("ws") as WsModule;
}

interface Connection {
  session: Session;
  /** The client address of the upgrade, for the new-conversation budget. */
  address: string;
  alive: boolean;
  pending: number;
  /** Its key in the shared sequencer: one socket's turns are answered in order. */
  key: string;
}

export type SocketContext = ChatContext;

export interface ChatSocketServer {
  /** Handles upgrades to /ws on `server`; attaching the same server again does nothing. */
  attach(server: HttpServer): void;
  /** Stops handling upgrades and closes every chat socket (1001). Call it once no turn is running any more. */
  close(): Promise<void>;
}

/** Answers a refused upgrade with a small JSON body, then closes the TCP socket. */
function refuse(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  socket.on("error", () => {});
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function frameText(data: unknown): string | undefined {
  if (typeof data === "string") return data;
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  return undefined;
}

export function createChatSocketServer(context: SocketContext): ChatSocketServer {
  const turns = new Sequencer();
  let nextConnection = 0;
  const { settings, bot, logger, notices, budget } = context;
  const wss = new (loadWs().Server)({
    noServer: true,
    maxPayload: settings.maxMessageBytes,
    clientTracking: false,
    perMessageDeflate: false,
  });
  const connections = new Map<WsSocket, Connection>();
  /** Open sockets per client (by the session's pseudonym). */
  const perClient = new Map<string, number>();
  /** Clients already named in the log since they last had no socket open: one line each, not one per attempt. */
  const warned = new Set<string>();
  const servers = new Set<HttpServer>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  function send(ws: WsSocket, value: unknown): void {
    if (ws.readyState !== OPEN) return;
    ws.send(JSON.stringify(value), (err) => {
      if (err) logger.debug({ err: errorSummary(err) }, "web: sending on the chat socket failed");
    });
  }

  async function answer(ws: WsSocket, connection: Connection, data: unknown): Promise<void> {
    const text = frameText(data);
    let decoded: unknown;
    try {
      if (text === undefined) throw new Error("not text");
      decoded = JSON.parse(text);
    } catch {
      send(ws, {
        type: "error",
        error: "bad_json",
        message: 'Send JSON like {"type":"message","text":"..."}.',
      });
      return;
    }
    const parsed = parseClientMessage(decoded);
    if (!parsed.ok) {
      send(ws, { type: "error", error: "bad_message", message: parsed.error });
      return;
    }
    if (parsed.input === null) return;
    if (!context.isOpen()) {
      send(ws, {
        type: "error",
        error: "unavailable",
        message: "The chat is shutting down; try again shortly.",
      });
      return;
    }
    const admission = budget.admit(connection.session.userId, connection.address);
    if (!admission.ok) {
      if (admission.first) {
        logger.warn(
          { user: connection.session.userId },
          "web: new-conversation cap reached for a client address",
        );
      }
      send(ws, {
        type: "error",
        error: "too_many_conversations",
        message: notices.tooManyConversations,
        retry_after: admission.retryAfterSeconds,
      });
      return;
    }
    const replies = await context.track(bot.runTurn(connection.session, parsed.input));
    for (const reply of replies) send(ws, reply);
  }

  /**
   * ws answers a frame over maxPayload by closing the socket with 1009 straight away (its receiver calls close()
   * before it emits "error"), which tells a browser nothing it can show. So this socket's close() first queues one
   * error frame saying why; ws writes frames in order, so it arrives before the close frame.
   */
  function explainOversizeClose(ws: WsSocket, session: Session): void {
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string) => {
      if (code === MESSAGE_TOO_BIG && ws.readyState === OPEN) {
        logger.info({ user: session.userId }, "web: a chat socket message over the cap; closing the socket");
        send(ws, {
          type: "error",
          error: "message_too_large",
          message: notices.tooLarge(settings.maxMessageBytes),
        });
        close(code, reason ?? "Message too large");
        return;
      }
      close(code, reason);
    };
  }

  function onConnection(ws: WsSocket, session: Session, address: string): void {
    const open = perClient.get(session.userId) ?? 0;
    if (open >= settings.maxSocketsPerClient) {
      // Accepted only to say why in a frame the page can show (a refused upgrade's body never reaches a page).
      if (!warned.has(session.userId)) {
        warned.add(session.userId);
        logger.warn(
          { user: session.userId, open },
          "web: too many chat sockets for one client; refusing more",
        );
      }
      send(ws, { type: "error", error: "too_many_sockets", message: notices.tooManySockets });
      ws.on("error", () => {});
      ws.close(TRY_AGAIN_LATER, "Too many chat sockets");
      return;
    }
    perClient.set(session.userId, open + 1);
    explainOversizeClose(ws, session);
    const connection: Connection = {
      session,
      address,
      alive: true,
      pending: 0,
      key: String(nextConnection++),
    };
    connections.set(ws, connection);
    ws.on("pong", () => {
      connection.alive = true;
    });
    ws.on("error", (err) => {
      // ws reports a frame over maxPayload here (after explainOversizeClose has said why and closed it).
      logger.info(
        { err: { name: err.name, message: err.message }, user: session.userId },
        "web: chat socket error",
      );
    });
    ws.on("close", () => {
      connections.delete(ws);
      const left = (perClient.get(session.userId) ?? 1) - 1;
      if (left > 0) perClient.set(session.userId, left);
      else {
        perClient.delete(session.userId);
        warned.delete(session.userId);
      }
    });
    ws.on("message", (data) => {
      if (connection.pending >= MAX_PENDING) {
        logger.warn(
          { user: session.userId },
          "web: too many unanswered messages on a chat socket; closing it",
        );
        ws.close(1008, "Too many messages at once");
        return;
      }
      connection.pending += 1;
      void turns
        .run(connection.key, () => answer(ws, connection, data))
        .catch((err: unknown) => {
          logger.error({ err: errorSummary(err), user: session.userId }, "web: a chat socket turn failed");
          send(ws, {
            type: "error",
            error: "internal_error",
            message: "Something went wrong; please try again.",
          });
        })
        .finally(() => {
          connection.pending -= 1;
        });
    });
  }

  function onUpgrade(this: HttpServer, req: HttpRequest, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== SOCKET_PATH) {
      // Another listener may own this path; when there is none, do not leave the client hanging.
      if (this.listenerCount("upgrade") === 1) refuse(socket, 404, "not_found", "No WebSocket here.");
      return;
    }
    if (closed || !context.isOpen()) {
      refuse(socket, 503, "unavailable", "The chat is not available right now; try again shortly.");
      return;
    }
    if (isForeignOrigin(req, settings.allowedOrigins, logger, "chat socket")) {
      refuse(socket, 403, "forbidden_origin", "This origin may not open the chat.");
      return;
    }
    const session = sessionFromRequest(req, settings.cookieName);
    if (session === undefined) {
      refuse(
        socket,
        401,
        "no_session",
        "Load the chat page first: it sets the session cookie the chat needs.",
      );
      return;
    }
    const address = clientAddress(req);
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, session, address));
  }

  function beat(): void {
    for (const [ws, connection] of connections) {
      if (!connection.alive) {
        ws.terminate();
        continue;
      }
      connection.alive = false;
      ws.ping(undefined, false, () => {});
    }
  }

  return {
    attach(server) {
      if (closed || servers.has(server)) return;
      servers.add(server);
      server.on("upgrade", onUpgrade);
      if (heartbeat === undefined) {
        heartbeat = setInterval(beat, HEARTBEAT_MS);
        heartbeat.unref();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const server of servers) server.off("upgrade", onUpgrade);
      servers.clear();
      const open = [...connections.keys()];
      await new Promise<void>((resolve) => {
        if (open.length === 0) return resolve();
        const timer = setTimeout(() => {
          for (const ws of connections.keys()) ws.terminate();
          resolve();
        }, CLOSE_GRACE_MS);
        let left = open.length;
        for (const ws of open) {
          ws.on("close", () => {
            left -= 1;
            if (left === 0) {
              clearTimeout(timer);
              resolve();
            }
          });
          ws.close(1001, "The server is shutting down");
        }
      });
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
