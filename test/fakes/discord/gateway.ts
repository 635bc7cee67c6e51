// The fake gateway: a ws server speaking Discord's gateway protocol (HELLO, IDENTIFY/READY, RESUME, heartbeats).
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { Recorder } from "./recorder.js";

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export const CloseCodes = { AuthenticationFailed: 4004, DisallowedIntents: 4014 } as const;

/** What the gateway needs from the rest of the fake. */
export interface GatewayContext {
  token: string;
  heartbeatIntervalMs: number;
  /** Intent bits the application may request (others: close 4014). */
  allowedIntents: number;
  /** The READY body, without session_id / resume_gateway_url (the gateway adds those). */
  readyPayload(): Record<string, unknown>;
  /** GUILD_CREATE bodies sent right after READY, one per guild listed in READY. */
  guildCreatePayloads(): Record<string, unknown>[];
}

/** A frame the client sent, as recorded. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  connection: number;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  socket: WebSocket | null;
  /** Dispatches kept for RESUME replays. */
  sent: Array<{ s: number; t: string; d: unknown }>;
}

const REPLAY_LIMIT = 200;

export class FakeGateway {
  readonly frames = new Recorder<GatewayFrame>(
    "gateway frame",
    (f) => `op ${f.op} on connection ${f.connection}`,
  );
  /** Every IDENTIFY / RESUME completion: "ready" or "resumed". */
  readonly sessionsStarted = new Recorder<"ready" | "resumed">("session start", (s) => s);
  readonly #server: WebSocketServer;
  readonly #context: GatewayContext;
  #session: Session | null = null;
  #connections = 0;

  private constructor(server: WebSocketServer, context: GatewayContext) {
    this.#server = server;
    this.#context = context;
    server.on("connection", (socket) => this.#accept(socket));
  }

  static async start(context: GatewayContext): Promise<FakeGateway> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0, maxPayload: 4 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    return new FakeGateway(server, context);
  }

  /** ws://127.0.0.1:port, what GET /gateway/bot returns and READY's resume_gateway_url. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}`;
  }

  /** Whether a client has identified (a session exists, even if its socket is momentarily closed). */
  get hasSession(): boolean {
    return this.#session !== null;
  }

  /** The intents the current session identified with (0 without a session). */
  get intents(): number {
    return this.#session?.intents ?? 0;
  }

  /** Whether the current session's socket is open. */
  get hasOpenConnection(): boolean {
    const socket = this.#session?.socket;
    return socket !== null && socket !== undefined && socket.readyState === socket.OPEN;
  }

  /** Sends a dispatch (op 0) to the current session; kept for replay if the socket is closed. */
  dispatch(type: string, data: unknown): void {
    const session = this.#session;
    if (!session) throw new Error(`fake discord: cannot dispatch ${type}: no client has identified yet`);
    this.#sendDispatch(session, type, data);
  }

  /** Asks the client to reconnect and resume (op 7), as Discord does during deploys. */
  requestReconnect(): void {
    const socket = this.#session?.socket;
    if (socket) this.#send(socket, { op: Op.Reconnect, d: null });
  }

  /** Closes the socket with a gateway close code, e.g. 4004 (token reset) or 4000 (unknown error, resumable). */
  closeConnection(code: number, reason = ""): void {
    this.#session?.socket?.close(code, reason);
  }

  /** Drops the socket without a close frame, as a network failure would. */
  dropConnection(): void {
    this.#session?.socket?.terminate();
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    const connection = ++this.#connections;
    this.#send(socket, { op: Op.Hello, d: { heartbeat_interval: this.#context.heartbeatIntervalMs } });
    socket.on("message", (raw) => this.#onFrame(socket, connection, raw));
    socket.on("close", () => {
      if (this.#session?.socket === socket) this.#session.socket = null;
    });
    socket.on("error", () => socket.terminate());
  }

  #onFrame(socket: WebSocket, connection: number, raw: RawData): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    if (typeof frame.op !== "number") {
      socket.close(4001, "Unknown opcode.");
      return;
    }
    this.frames.add({ op: frame.op, d: frame.d, connection });
    switch (frame.op) {
      case Op.Heartbeat:
        this.#send(socket, { op: Op.HeartbeatAck });
        break;
      case Op.Identify:
        this.#identify(socket, frame.d as { token?: unknown; intents?: unknown });
        break;
      case Op.Resume:
        this.#resume(socket, frame.d as { token?: unknown; session_id?: unknown; seq?: unknown });
        break;
      default:
        break;
    }
  }

  #identify(socket: WebSocket, d: { token?: unknown; intents?: unknown }): void {
    if (d?.token !== this.#context.token) {
      socket.close(CloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const intents = typeof d.intents === "number" ? d.intents : 0;
    if ((intents & ~this.#context.allowedIntents) !== 0) {
      socket.close(CloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    this.#session?.socket?.terminate();
    const session: Session = { id: randomBytes(16).toString("hex"), intents, seq: 0, socket, sent: [] };
    this.#session = session;
    this.#sendDispatch(session, "READY", {
      ...this.#context.readyPayload(),
      session_id: session.id,
      resume_gateway_url: this.url,
    });
    for (const guild of this.#context.guildCreatePayloads())
      this.#sendDispatch(session, "GUILD_CREATE", guild);
    this.sessionsStarted.add("ready");
  }

  #resume(socket: WebSocket, d: { token?: unknown; session_id?: unknown; seq?: unknown }): void {
    const session = this.#session;
    if (d?.token !== this.#context.token) {
      socket.close(CloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    if (!session || d.session_id !== session.id) {
      this.#send(socket, { op: Op.InvalidSession, d: false });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    const after = typeof d.seq === "number" ? d.seq : 0;
    for (const missed of session.sent.filter((event) => event.s > after)) {
      this.#send(socket, { op: Op.Dispatch, ...missed });
    }
    this.#sendDispatch(session, "RESUMED", null);
    this.sessionsStarted.add("resumed");
  }

  #sendDispatch(session: Session, type: string, data: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t: type, d: data };
    session.sent.push(event);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    if (session.socket) this.#send(session.socket, { op: Op.Dispatch, ...event });
  }

  #send(socket: WebSocket, payload: Record<string, unknown>): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }
}
