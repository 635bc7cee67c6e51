// The fake gateway: a ws server speaking Discord's gateway protocol (HELLO, IDENTIFY/READY, RESUME, heartbeats),
// one session per shard: IDENTIFY's `shard: [id, count]` picks it, and each dispatch goes to the shard that owns
// its guild ((guild_id >> 22) % count; DMs and guild-less events to shard 0), as Discord routes them.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { Recorder } from "./recorder.js";
import { shardOf } from "./shards.js";

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

export const CloseCodes = {
  AuthenticationFailed: 4004,
  InvalidShard: 4010,
  DisallowedIntents: 4014,
} as const;

/** What the gateway needs from the rest of the fake. */
export interface GatewayContext {
  token: string;
  heartbeatIntervalMs: number;
  /** Intent bits the application may request (others: close 4014). */
  allowedIntents: number;
  /** The READY body for one shard, without session_id / resume_gateway_url / shard (the gateway adds those). */
  readyPayload(shard: ShardKey): Record<string, unknown>;
  /** GUILD_CREATE bodies sent right after READY, one per guild the shard owns (those listed in its READY). */
  guildCreatePayloads(shard: ShardKey): Record<string, unknown>[];
}

/** A session's shard: its id and the shard count it identified with ([0, 1] when IDENTIFY names none). */
export type ShardKey = readonly [id: number, count: number];

/** A frame the client sent, as recorded. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  connection: number;
}

interface Session {
  id: string;
  shard: ShardKey;
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
  /** Every IDENTIFY answered with READY, by the shard it named: what a sharding test waits for. */
  readonly identified = new Recorder<ShardKey>(
    "identified shard",
    ([id, count]) => `shard [${id}, ${count}]`,
  );
  readonly #server: WebSocketServer;
  readonly #context: GatewayContext;
  /** The sessions by shard id; a client that does not shard has the one session of shard 0. */
  readonly #sessions = new Map<number, Session>();
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

  /** The session of shard 0, the one a client that does not shard has (null before it identified). */
  get #session(): Session | null {
    return this.#sessions.get(0) ?? null;
  }

  /** Whether a client has identified (a session exists, even if its socket is momentarily closed). */
  get hasSession(): boolean {
    return this.#sessions.size > 0;
  }

  /** The shard ids that have a session, in order. */
  get shardIds(): number[] {
    return [...this.#sessions.keys()].sort((a, b) => a - b);
  }

  /** The intents shard 0's session identified with (0 without a session). */
  get intents(): number {
    return this.#session?.intents ?? 0;
  }

  /** Whether shard 0's socket is open. */
  get hasOpenConnection(): boolean {
    const socket = this.#session?.socket;
    return socket !== null && socket !== undefined && socket.readyState === socket.OPEN;
  }

  /**
   * Sends a dispatch (op 0) to the session of the shard that owns the event's guild (`guild_id`; none: shard 0),
   * kept for replay if its socket is closed. Throws if that shard has not identified.
   */
  dispatch(type: string, data: unknown): void {
    const session = this.#sessionFor(data);
    if (!session) {
      throw new Error(
        `fake discord: cannot dispatch ${type}: no client has identified the shard that owns it yet`,
      );
    }
    this.#sendDispatch(session, type, data);
  }

  /** The shard id an event goes to, or undefined before any client identified. */
  shardFor(data: unknown): number | undefined {
    return this.#sessionFor(data)?.shard[0];
  }

  /** The session of the shard owning `data`'s guild, or null when that shard has none. */
  #sessionFor(data: unknown): Session | null {
    const first = this.#sessions.values().next().value;
    if (first === undefined) return null;
    const guildId = (data as { guild_id?: unknown } | null | undefined)?.guild_id;
    const shard = shardOf(typeof guildId === "string" ? guildId : undefined, first.shard[1]);
    return this.#sessions.get(shard) ?? null;
  }

  /** Asks shard `shard`'s client to reconnect and resume (op 7), as Discord does during deploys. */
  requestReconnect(shard = 0): void {
    const socket = this.#sessions.get(shard)?.socket;
    if (socket) this.#send(socket, { op: Op.Reconnect, d: null });
  }

  /** Closes shard `shard`'s socket with a gateway close code, e.g. 4004 (token reset) or 4000 (resumable). */
  closeConnection(code: number, reason = "", shard = 0): void {
    this.#sessions.get(shard)?.socket?.close(code, reason);
  }

  /** Drops shard `shard`'s socket without a close frame, as a network failure would. */
  dropConnection(shard = 0): void {
    this.#sessions.get(shard)?.socket?.terminate();
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
      for (const session of this.#sessions.values()) if (session.socket === socket) session.socket = null;
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
        this.#identify(socket, frame.d as { token?: unknown; intents?: unknown; shard?: unknown });
        break;
      case Op.Resume:
        this.#resume(socket, frame.d as { token?: unknown; session_id?: unknown; seq?: unknown });
        break;
      default:
        break;
    }
  }

  #identify(socket: WebSocket, d: { token?: unknown; intents?: unknown; shard?: unknown }): void {
    if (d?.token !== this.#context.token) {
      socket.close(CloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard = shardKeyOf(d.shard);
    const others = [...this.#sessions.values()].filter((session) => session.shard[0] !== shard?.[0]);
    // Discord: an id outside [0, count), or a count that differs from the other shards' (4010 Invalid shard).
    if (shard === undefined || others.some((session) => session.shard[1] !== shard[1])) {
      socket.close(CloseCodes.InvalidShard, "Invalid shard.");
      return;
    }
    const intents = typeof d.intents === "number" ? d.intents : 0;
    if ((intents & ~this.#context.allowedIntents) !== 0) {
      socket.close(CloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    this.#sessions.get(shard[0])?.socket?.terminate();
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      shard,
      intents,
      seq: 0,
      socket,
      sent: [],
    };
    this.#sessions.set(shard[0], session);
    this.#sendDispatch(session, "READY", {
      ...this.#context.readyPayload(shard),
      shard: [...shard],
      session_id: session.id,
      resume_gateway_url: this.url,
    });
    for (const guild of this.#context.guildCreatePayloads(shard))
      this.#sendDispatch(session, "GUILD_CREATE", guild);
    this.identified.add(shard);
    this.sessionsStarted.add("ready");
  }

  #resume(socket: WebSocket, d: { token?: unknown; session_id?: unknown; seq?: unknown }): void {
    const session = [...this.#sessions.values()].find((candidate) => candidate.id === d?.session_id);
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

/** IDENTIFY's `shard` field: absent means [0, 1]; otherwise [id, count] with 0 <= id < count, else undefined. */
function shardKeyOf(value: unknown): ShardKey | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const shard = id as number;
  const total = count as number;
  return shard >= 0 && total >= 1 && shard < total ? [shard, total] : undefined;
}
