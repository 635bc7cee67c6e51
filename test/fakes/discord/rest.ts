// The fake REST API: a node:http server on 127.0.0.1 answering the /v10 routes a bot uses, recording each request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiMessage, InteractionTypes, type MessageBody, type UploadedFile } from "./payloads.js";
import { Recorder } from "./recorder.js";
import { snowflake } from "./snowflake.js";
import type { FakeDiscordState, InteractionRecord, RegisteredCommand } from "./state.js";
import { type ApiError, apiError, validateCommands, validateMessageBody } from "./validation.js";

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** The path without the query and without the /api prefix, e.g. "/v10/channels/123/messages". */
  path: string;
  query: Record<string, string>;
  /** The Authorization header, or null (interaction callbacks and webhooks are sent without it). */
  authorization: string | null;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** The status the fake answered with. */
  status: number;
}

interface Reply {
  status: number;
  body?: unknown;
}

const BODY_LIMIT = 8 * 1024 * 1024;
const UNAUTHORIZED = apiError(401, 0, "401: Unauthorized");
const NOT_FOUND = apiError(404, 0, "404: Not Found");

export const InteractionCallback = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
} as const;

export interface RestOptions {
  /** ws:// URL returned by GET /gateway/bot. */
  gatewayUrl(): string;
  /** The shard count GET /gateway/bot recommends (default 1). Its max_concurrency is 16, as for large bots. */
  shards?: number;
  /** Interactions answered later than this get 10062 Unknown interaction; 0 disables the check. */
  interactionDeadlineMs: number;
  /** Port to listen on (default 0: a random free port). */
  port?: number;
}

export class FakeRest {
  readonly requests = new Recorder<RecordedRequest>("request", (r) => `${r.method} ${r.path} -> ${r.status}`);
  readonly #server: Server;
  readonly #state: FakeDiscordState;
  readonly #options: RestOptions;

  private constructor(server: Server, state: FakeDiscordState, options: RestOptions) {
    this.#server = server;
    this.#state = state;
    this.#options = options;
  }

  static async start(state: FakeDiscordState, options: RestOptions): Promise<FakeRest> {
    let rest: FakeRest | undefined;
    const server = createServer((req, res) => {
      void rest?.handle(req, res);
    });
    rest = new FakeRest(server, state, options);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    return rest;
  }

  /** http://127.0.0.1:port: the value for discord.js's `rest.api` option (it appends /v10/...). */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/api(?=\/)/, "");
    const query = Object.fromEntries(url.searchParams);
    const authorization = req.headers.authorization ?? null;
    let body: unknown;
    let reply: Reply;
    try {
      const raw = await readBody(req);
      const type = req.headers["content-type"] ?? "";
      body = type.startsWith("multipart/form-data")
        ? multipartBody(raw, type)
        : raw.length > 0
          ? JSON.parse(raw.toString("utf8"))
          : undefined;
    } catch (error) {
      reply =
        error instanceof SyntaxError
          ? apiError(400, 50109, "The request body contains invalid JSON.")
          : apiError(413, 40005, "Request entity too large");
    }
    try {
      reply ??= this.#route(req.method ?? "GET", path, query, authorization, body);
    } catch (error) {
      // A bug in the fake: answer 500 with the reason, so the failing test shows it.
      reply = apiError(500, 0, `fake discord: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.requests.add({
      method: req.method ?? "GET",
      path,
      query,
      authorization,
      body,
      status: reply.status,
    });
    if (reply.body === undefined) {
      res.writeHead(reply.status).end();
      return;
    }
    res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
  }

  #route(
    method: string,
    path: string,
    query: Record<string, string>,
    authorization: string | null,
    body: unknown,
  ): Reply {
    const parts = path
      .split("/")
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
    if (parts[0] !== "v10") return NOT_FOUND;
    const route = parts.slice(1);
    const [first, second, third, fourth, fifth] = route;
    const authorized = authorization === `Bot ${this.#state.token}`;
    const state = this.#state;

    // Routes without bot authorization: interaction callbacks and interaction webhooks.
    if (first === "interactions" && method === "POST" && fourth === "callback" && route.length === 4) {
      return this.#interactionCallback(second ?? "", third ?? "", body, query);
    }
    if (first === "webhooks") {
      if (second !== state.applicationId) return apiError(404, 10015, "Unknown Webhook");
      const interaction = this.#interactionByToken(third ?? "");
      if (!interaction) return apiError(404, 10015, "Unknown Webhook");
      if (route.length === 3 && method === "POST") return this.#followup(interaction, body, query);
      if (route.length === 5 && fourth === "messages")
        return this.#webhookMessage(method, interaction, fifth, body);
      return NOT_FOUND;
    }

    if (!authorized) return UNAUTHORIZED;
    const key = `${method} ${route.map((part, i) => (i > 0 && /^\d+$/.test(part) ? ":id" : part)).join("/")}`;
    switch (key) {
      case "GET gateway/bot":
        return {
          status: 200,
          body: {
            url: this.#options.gatewayUrl(),
            shards: this.#options.shards ?? 1,
            session_start_limit: {
              total: 1000,
              remaining: 999,
              reset_after: 14_400_000,
              // 16 identify buckets: shards 0-15 may identify at once, so a sharded test waits no 5 s per shard.
              max_concurrency: 16,
            },
          },
        };
      case "GET gateway":
        return { status: 200, body: { url: this.#options.gatewayUrl() } };
      case "GET users/@me":
        return { status: 200, body: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0 } };
      case "GET applications/@me":
        return { status: 200, body: this.#application() };
      case "POST users/@me/channels":
        return this.#openDm(body);
      case "GET channels/:id": {
        const channel = state.channels.get(second ?? "");
        return channel ? { status: 200, body: channel } : apiError(404, 10003, "Unknown Channel");
      }
      case "POST channels/:id/typing":
        return state.channels.has(second ?? "") ? { status: 204 } : apiError(404, 10003, "Unknown Channel");
      case "POST channels/:id/messages":
        return this.#createMessage(second ?? "", body);
      case "PUT applications/:id/commands":
      case "GET applications/:id/commands":
        return this.#commands(method, second ?? "", undefined, body);
      case "PUT applications/:id/guilds/:id/commands":
      case "GET applications/:id/guilds/:id/commands":
        return this.#commands(method, second ?? "", fourth, body);
      default:
        return NOT_FOUND;
    }
  }

  #application(): Record<string, unknown> {
    const state = this.#state;
    // install_params is omitted on purpose: discord.js 14.28 chokes on null there.
    return {
      id: state.applicationId,
      name: state.botUser.global_name,
      icon: null,
      description: "A fake application",
      summary: "",
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: 0,
      team: null,
      owner: state.guildMembers()[1] ?? state.botUser,
      bot: state.botUser,
      approximate_guild_count: 1,
      redirect_uris: [],
      interactions_endpoint_url: null,
      tags: [],
    };
  }

  #openDm(body: unknown): Reply {
    const recipientId = (body as { recipient_id?: unknown } | undefined)?.recipient_id;
    const user = typeof recipientId === "string" ? this.#state.users.get(recipientId) : undefined;
    if (!user) return apiError(400, 50033, "Invalid Recipient(s)");
    return { status: 200, body: this.#state.dmChannelFor(user) };
  }

  #createMessage(channelId: string, body: unknown): Reply {
    const channel = this.#state.channels.get(channelId);
    if (!channel) return apiError(404, 10003, "Unknown Channel");
    const invalid = validateMessageBody(body, false);
    if (invalid) return invalid;
    return { status: 200, body: this.#state.createBotMessage(channel, body as MessageBody, "channel") };
  }

  #interactionByToken(token: string): InteractionRecord | undefined {
    for (const interaction of this.#state.interactions.values())
      if (interaction.token === token) return interaction;
    return undefined;
  }

  #interactionCallback(id: string, token: string, body: unknown, query: Record<string, string>): Reply {
    const interaction = this.#state.interactions.get(id);
    if (!interaction || interaction.token !== token) return apiError(404, 10062, "Unknown interaction");
    const deadline = this.#options.interactionDeadlineMs;
    if (deadline > 0 && Date.now() - interaction.createdAt > deadline) {
      return apiError(404, 10062, "Unknown interaction");
    }
    if (interaction.response !== null) {
      return apiError(400, 40060, "Interaction has already been acknowledged.");
    }
    const { type, data } = (body ?? {}) as { type?: unknown; data?: unknown };
    const isComponent = interaction.type === InteractionTypes.MessageComponent;
    let error: ApiError | null = null;
    switch (type) {
      case InteractionCallback.ChannelMessageWithSource:
        error = validateMessageBody(data, false);
        if (error) return error;
        interaction.original = this.#state.createBotMessage(
          interaction.channel,
          data as MessageBody,
          "interaction-reply",
          { interactionId: interaction.id, webhook: true },
        );
        break;
      case InteractionCallback.DeferredChannelMessageWithSource:
        break;
      case InteractionCallback.DeferredUpdateMessage:
        if (!isComponent)
          return apiError(400, 40043, "This interaction type cannot be deferred as an update.");
        break;
      case InteractionCallback.UpdateMessage: {
        if (!isComponent || !interaction.sourceMessage) {
          return apiError(400, 40043, "Only component interactions can update a message.");
        }
        error = validateMessageBody(data, true);
        if (error) return error;
        this.#state.editBotMessage(interaction.sourceMessage, data as MessageBody, "interaction-update", id);
        break;
      }
      default:
        return apiError(400, 50035, "Invalid Form Body");
    }
    interaction.response = type;
    if (query.with_response !== "true") return { status: 204 };
    const resource = interaction.original ?? interaction.sourceMessage;
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          activity_instance_id: null,
          response_message_id: resource?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: false,
        },
        resource: { type, ...(resource ? { message: resource } : {}) },
      },
    };
  }

  /** The message PATCH/GET/DELETE @original (or a followup id) refers to. */
  #webhookTarget(
    interaction: InteractionRecord,
    messageId: string | undefined,
  ): ApiMessage | "create" | null {
    if (messageId !== "@original") {
      const message = this.#state.messages.get(messageId ?? "");
      return message?.webhook_id === this.#state.applicationId ? message : null;
    }
    if (interaction.response === null) return null;
    if (interaction.response === InteractionCallback.DeferredUpdateMessage)
      return interaction.sourceMessage ?? null;
    if (interaction.response === InteractionCallback.UpdateMessage) return interaction.sourceMessage ?? null;
    return interaction.original ?? "create";
  }

  #webhookMessage(
    method: string,
    interaction: InteractionRecord,
    messageId: string | undefined,
    body: unknown,
  ): Reply {
    const target = this.#webhookTarget(interaction, messageId);
    if (target === null) return apiError(404, 10008, "Unknown Message");
    if (method === "GET") return target === "create" ? apiError(404, 10008, "Unknown Message") : ok(target);
    if (method === "DELETE") {
      if (target !== "create") this.#state.messages.delete(target.id);
      return { status: 204 };
    }
    if (method !== "PATCH") return apiError(405, 0, "405: Method Not Allowed");
    const error = validateMessageBody(body, target !== "create");
    if (error) return error;
    if (target === "create") {
      interaction.original = this.#state.createBotMessage(
        interaction.channel,
        body as MessageBody,
        "edit-original",
        {
          interactionId: interaction.id,
          webhook: true,
        },
      );
      return ok(interaction.original);
    }
    return ok(this.#state.editBotMessage(target, body as MessageBody, "edit-original", interaction.id));
  }

  #followup(interaction: InteractionRecord, body: unknown, query: Record<string, string>): Reply {
    if (interaction.response === null) return apiError(404, 10015, "Unknown Webhook");
    const error = validateMessageBody(body, false);
    if (error) return error;
    const message = this.#state.createBotMessage(interaction.channel, body as MessageBody, "followup", {
      interactionId: interaction.id,
      webhook: true,
    });
    return query.wait === "true" ? ok(message) : { status: 204 };
  }

  #commands(method: string, applicationId: string, guildId: string | undefined, body: unknown): Reply {
    const state = this.#state;
    if (applicationId !== state.applicationId) return apiError(403, 50001, "Missing Access");
    if (guildId !== undefined && !state.guilds.some((guild) => guild.id === guildId))
      return apiError(403, 50001, "Missing Access");
    const current = guildId === undefined ? state.globalCommands : (state.guildCommands.get(guildId) ?? []);
    if (method === "GET") return ok(current);
    const error = validateCommands(body);
    if (error) return error;
    const registered: RegisteredCommand[] = (body as Array<Record<string, unknown>>).map((command) => ({
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...command,
      id: current.find((existing) => existing.name === command.name)?.id ?? snowflake(),
      name: String(command.name),
      application_id: state.applicationId,
      version: snowflake(),
      ...(guildId === undefined ? {} : { guild_id: guildId }),
    }));
    if (guildId === undefined) state.globalCommands.splice(0, Infinity, ...registered);
    else state.guildCommands.set(guildId, registered);
    return ok(registered);
  }
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

/**
 * A multipart message body as Discord reads it: the JSON of the `payload_json` part, with the `files[N]` parts
 * added under `files` (the fake's own field, so tests can see the bytes).
 */
function multipartBody(raw: Buffer, contentType: string): unknown {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new SyntaxError("multipart body without boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  let payload: unknown = {};
  const files: UploadedFile[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split !== -1) {
      const headers = part.subarray(0, split).toString("utf8");
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const index = /^files\[(\d+)\]$/.exec(name ?? "")?.[1];
      if (name === "payload_json") payload = JSON.parse(data.toString("utf8"));
      else if (index !== undefined && filename !== undefined)
        files.push({
          index: Number(index),
          filename,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
          data: Buffer.from(data),
        });
    }
    start = next;
  }
  return typeof payload === "object" && payload !== null ? { ...payload, files } : payload;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
