// A protocol-level fake of the Telegram Bot API (node:http on 127.0.0.1) for tests and local runs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A well-formed token the fake accepts by default (never a real one). */
export const FAKE_TELEGRAM_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456";

const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CALLBACK_DATA_LIMIT = 64;
const DEFAULT_MAX_HOLD_MS = 50_000;
const DEFAULT_WAIT_MS = 5_000;

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
  username?: string;
}

export interface FakeEntity {
  type: string;
  offset: number;
  length: number;
}

/** The subset of a Telegram Message the fake produces; extra fields may be added by callers. */
export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from?: FakeUser;
  text?: string;
  entities?: FakeEntity[];
  reply_to_message?: FakeMessage;
  reply_markup?: unknown;
  [key: string]: unknown;
}

export interface FakeCallbackQuery {
  id: string;
  from: FakeUser;
  message?: FakeMessage;
  chat_instance: string;
  data?: string;
}

export interface FakeUpdate {
  update_id: number;
  message?: FakeMessage;
  callback_query?: FakeCallbackQuery;
  [key: string]: unknown;
}

/** One API request as the fake saw it. `status` is 0 while a long poll is still held. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  status: number;
  /** The `result` (ok) or `description` (error) the fake answered with. */
  response?: unknown;
}

/** A message the bot sent (sendMessage) or edited, as the fake stores it. */
export interface SentMessage {
  message: FakeMessage;
  /** The raw `text` parameter (HTML when parse_mode is HTML). */
  raw: string;
  parseMode?: string;
  params: Record<string, unknown>;
}

/** An uploaded file part of a multipart request, as the fake keeps it. */
export interface UploadedFile {
  filename: string;
  contentType: string | undefined;
  size: number;
  /** The part's bytes (to check, say, a PNG's signature). */
  data: Buffer;
}

/** A photo the bot sent (sendPhoto with an uploaded file). */
export interface SentPhoto {
  message: FakeMessage;
  file: UploadedFile;
  /** The raw `caption` parameter (HTML when parse_mode is HTML); "" without one. */
  rawCaption: string;
  parseMode?: string;
  params: Record<string, unknown>;
}

export type Fault =
  | { kind: "429"; retryAfter?: number }
  | { kind: "500" }
  | { kind: "drop" }
  /** No answer at all: the request is held until the client gives up or the fake closes (status stays 0). */
  | { kind: "hang" }
  | { kind: "409"; description?: string }
  /** Any other error answer, e.g. `{ kind: "error", code: 400, description: "Bad Request: ..." }`. */
  | { kind: "error"; code: number; description: string };

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botName?: string;
  /** Upper bound for holding a getUpdates long poll, whatever `timeout` the client asks for. */
  maxHoldMs?: number;
  /** Port on 127.0.0.1; default 0 (a random free port). */
  port?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Count only calls the fake answered with HTTP 200. */
  okOnly?: boolean;
}

type Params = Record<string, unknown>;
type Outcome = { status: number; body: unknown } | "held";

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const NUMERIC_FIELDS = new Set([
  "chat_id",
  "offset",
  "limit",
  "timeout",
  "message_id",
  "user_id",
  "cache_time",
  "max_connections",
  "message_thread_id",
  "reply_to_message_id",
]);
const BOOLEAN_FIELDS = new Set([
  "show_alert",
  "drop_pending_updates",
  "disable_notification",
  "protect_content",
  "allow_sending_without_reply",
]);
const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "allowed_updates",
  "commands",
  "scope",
  "link_preview_options",
  "reply_parameters",
  "media",
]);
const ALLOWED_HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** Builds a user; `username` defaults to none. */
export function fakeUser(id: number, firstName: string, username?: string): FakeUser {
  return username === undefined
    ? { id, is_bot: false, first_name: firstName }
    : { id, is_bot: false, first_name: firstName, username };
}

/** The private chat with `user` (its id is the user's id, as on Telegram). */
export function privateChat(user: FakeUser): FakeChat {
  return { id: user.id, type: "private", first_name: user.first_name };
}

/** A group chat (negative id, as on Telegram). */
export function groupChat(
  id: number,
  title = "Test group",
  type: "group" | "supergroup" = "supergroup",
): FakeChat {
  return { id, type, title };
}

/** Parses Telegram-flavoured HTML; returns the visible text or the error Telegram would give. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end === -1) return { ok: false, error: `Unclosed start tag at byte offset ${i}` };
      const inner = html.slice(i + 1, end);
      const match = /^(\/?)([a-z][a-z-]*)(\s[^<]*)?$/i.exec(inner);
      const name = match?.[2]?.toLowerCase();
      if (!match || name === undefined || !ALLOWED_HTML_TAGS.has(name)) {
        return { ok: false, error: `Unsupported start tag "${inner.slice(0, 20)}" at byte offset ${i}` };
      }
      if (match[1] === "/") {
        if (stack.pop() !== name) return { ok: false, error: `Unexpected end tag at byte offset ${i}` };
      } else {
        stack.push(name);
      }
      i = end + 1;
    } else if (ch === "&") {
      const entity = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(html.slice(i, i + 12));
      if (!entity?.[1]) return { ok: false, error: `Can't find end of the entity at byte offset ${i}` };
      const name = entity[1].toLowerCase();
      const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
      text +=
        named[name] ??
        String.fromCodePoint(
          name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
        );
      i += entity[0].length;
    } else if (ch === ">") {
      return { ok: false, error: `Unexpected ">" at byte offset ${i}` };
    } else {
      text += ch;
      i += 1;
    }
  }
  const open = stack.pop();
  if (open !== undefined)
    return { ok: false, error: `Can't find end tag corresponding to start tag "${open}"` };
  return { ok: true, text };
}

/** The fake server. Create it with {@link startFakeTelegram}. */
export class FakeTelegram {
  readonly token: string;
  readonly bot: FakeUser;
  readonly calls: RecordedCall[] = [];
  readonly sentMessages: SentMessage[] = [];
  readonly sentPhotos: SentPhoto[] = [];
  apiRoot = "";
  commands: unknown[] = [];
  webhook: { url: string; secretToken?: string; allowedUpdates?: unknown } | undefined;

  private readonly server: Server;
  private readonly maxHoldMs: number;
  private readonly port: number;
  private readonly queue: { update: FakeUpdate; delivered: boolean }[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly chats = new Map<number, FakeChat>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly messagesByKey = new Map<string, FakeMessage>();
  private readonly callListeners = new Set<(call: RecordedCall) => void>();
  private heldPoll:
    | { res: ServerResponse; call: RecordedCall; params: Params; timer: NodeJS.Timeout }
    | undefined;
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private nextCallbackId = 1;
  private closed = false;

  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? FAKE_TELEGRAM_TOKEN;
    const botId = Number(this.token.split(":")[0]) || 123456789;
    this.bot = {
      id: botId,
      is_bot: true,
      first_name: options.botName ?? "CrampBot",
      username: options.botUsername ?? "CrampTestBot",
    };
    this.maxHoldMs = options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS;
    this.port = options.port ?? 0;
    this.server = createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        if (!res.headersSent) this.reply(res, 500, { ok: false, error_code: 500, description: String(err) });
      });
    });
  }

  /** Listens on 127.0.0.1 (a random port unless `port` was given) and sets {@link apiRoot}. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.port, "127.0.0.1", () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
    return this;
  }

  /** Releases a held long poll and closes the server and every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.releasePoll([]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- building and queueing updates -------------------------------------------------------------

  /** A text message update (entities for a leading /command and @mentions are filled in). Not queued. */
  textUpdate(
    from: FakeUser,
    chat: FakeChat,
    text: string,
    extra: { replyTo?: FakeMessage } = {},
  ): FakeUpdate {
    const message = this.incomingMessage(from, chat, { text, entities: textEntities(text) });
    if (extra.replyTo) message.reply_to_message = extra.replyTo;
    return { update_id: this.nextUpdateId++, message };
  }

  /** A non-text message update (sticker, photo, voice, document). Not queued. */
  mediaUpdate(
    from: FakeUser,
    chat: FakeChat,
    kind: "sticker" | "photo" | "voice" | "document",
    extra: { caption?: string; replyTo?: FakeMessage } = {},
  ): FakeUpdate {
    const file = { file_id: `file-${this.nextMessageId}`, file_unique_id: `u${this.nextMessageId}` };
    const payloads = {
      sticker: {
        sticker: { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
      },
      photo: { photo: [{ ...file, width: 90, height: 90 }] },
      voice: { voice: { ...file, duration: 2 } },
      document: { document: { ...file, file_name: "notes.pdf" } },
    };
    const message = this.incomingMessage(from, chat, payloads[kind]);
    if (extra.caption !== undefined) {
      message.caption = extra.caption;
      message.caption_entities = textEntities(extra.caption);
    }
    if (extra.replyTo) message.reply_to_message = extra.replyTo;
    return { update_id: this.nextUpdateId++, message };
  }

  /** A callback_query update: `from` pressed the button carrying `data` under `message`. Not queued. */
  callbackUpdate(from: FakeUser, message: FakeMessage, data: string): FakeUpdate {
    const id = `cbq-${this.nextCallbackId++}`;
    this.callbackQueries.set(id, { answered: false });
    this.chats.set(message.chat.id, message.chat);
    return {
      update_id: this.nextUpdateId++,
      callback_query: { id, from, message, chat_instance: `ci-${message.chat.id}`, data },
    };
  }

  /**
   * A hand-made update with a fresh update_id and any fields, e.g. a malformed one Telegram might still send
   * (`{ message: null }`, a message without `chat`, a callback_query without `from`). Not queued.
   */
  rawUpdate(fields: Record<string, unknown>): FakeUpdate {
    return { update_id: this.nextUpdateId++, ...fields } as FakeUpdate;
  }

  /** Queues an update for getUpdates (and wakes a held long poll). Returns it. */
  enqueue(update: FakeUpdate): FakeUpdate {
    this.queue.push({ update, delivered: false });
    this.flushPoll();
    return update;
  }

  /**
   * Queues an already delivered update again, as Telegram does when it did not get a confirmation
   * (a crash before the next getUpdates, a webhook timeout). It is delivered whatever the offset.
   */
  redeliver(update: FakeUpdate): FakeUpdate {
    return this.enqueue(update);
  }

  sendText(from: FakeUser, chat: FakeChat, text: string, extra: { replyTo?: FakeMessage } = {}): FakeUpdate {
    return this.enqueue(this.textUpdate(from, chat, text, extra));
  }

  sendMedia(
    from: FakeUser,
    chat: FakeChat,
    kind: "sticker" | "photo" | "voice" | "document",
    extra: { caption?: string; replyTo?: FakeMessage } = {},
  ): FakeUpdate {
    return this.enqueue(this.mediaUpdate(from, chat, kind, extra));
  }

  pressButton(from: FakeUser, message: FakeMessage, data: string): FakeUpdate {
    return this.enqueue(this.callbackUpdate(from, message, data));
  }

  /**
   * Delivers `update` to a webhook endpoint the way Telegram does: a JSON POST carrying the
   * secret registered with setWebhook (override with `secret`, or `null` to send no header).
   */
  async postToWebhook(
    url: string,
    update: FakeUpdate,
    options: { secret?: string | null; body?: string } = {},
  ): Promise<{ status: number; body: string }> {
    const secret = options.secret === undefined ? this.webhook?.secretToken : options.secret;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== null && secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: options.body ?? JSON.stringify(update),
    });
    return { status: response.status, body: await response.text() };
  }

  // ---- faults and assertions ---------------------------------------------------------------------

  /** The next `count` calls of `method` get `fault` instead of a normal answer. */
  failNext(method: string, count: number, fault: Fault): void {
    const list = this.faults.get(method.toLowerCase()) ?? [];
    for (let n = 0; n < count; n++) list.push(fault);
    this.faults.set(method.toLowerCase(), list);
  }

  callsOf(method: string): RecordedCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((call) => call.method.toLowerCase() === wanted);
  }

  /** Resolves with the calls of `method` once there are at least `count` of them; rejects after a bounded wait. */
  waitForCalls(method: string, count: number, options: WaitOptions = {}): Promise<RecordedCall[]> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const matching = () => this.callsOf(method).filter((call) => !options.okOnly || call.status === 200);
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = matching();
        if (found.length < count) return false;
        clearTimeout(timer);
        this.callListeners.delete(check);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.callListeners.delete(check);
        const seen = this.calls.map((call) => `${call.method}:${call.status}`).join(", ");
        reject(
          new Error(
            `waited ${timeoutMs} ms for ${count} ${method} call(s), got ${matching().length}; saw [${seen}]`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.callListeners.add(check);
    });
  }

  /** Calls `listener` whenever a call is recorded or its status changes. Returns an unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  // ---- HTTP ----------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route?.[1] || !route[2])
      return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = route;
    const raw = await readBody(req);
    if (raw === undefined)
      return this.reply(res, 413, { ok: false, error_code: 413, description: "Request Entity Too Large" });
    let params: Params;
    try {
      params = normalise({
        ...Object.fromEntries(url.searchParams),
        ...parseBody(raw, req.headers["content-type"]),
      });
    } catch {
      return this.reply(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse request body",
      });
    }
    const call: RecordedCall = { method, params, at: Date.now(), status: 0 };
    this.calls.push(call);
    this.notify(call);
    if (token !== this.token)
      return this.finish(res, call, { status: 401, body: errorBody(401, "Unauthorized") });

    const fault = this.faults.get(method.toLowerCase())?.shift();
    if (fault) return this.applyFault(res, call, fault);

    let outcome: Outcome;
    try {
      outcome = this.dispatch(method, params, res, call);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      outcome = { status: err.status, body: errorBody(err.status, err.description, err.parameters) };
    }
    if (outcome !== "held") this.finish(res, call, outcome);
  }

  private applyFault(res: ServerResponse, call: RecordedCall, fault: Fault): void {
    if (fault.kind === "hang") return;
    if (fault.kind === "drop") {
      call.status = -1;
      this.notify(call);
      res.socket?.destroy();
      return;
    }
    let outcome: { status: number; body: unknown };
    if (fault.kind === "429") {
      const retryAfter = fault.retryAfter ?? 1;
      outcome = {
        status: 429,
        body: errorBody(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
      };
    } else if (fault.kind === "409") {
      const description =
        fault.description ??
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
      outcome = { status: 409, body: errorBody(409, description) };
    } else if (fault.kind === "error") {
      outcome = { status: fault.code, body: errorBody(fault.code, fault.description) };
    } else {
      outcome = { status: 500, body: errorBody(500, "Internal Server Error") };
    }
    this.finish(res, call, outcome);
  }

  private finish(res: ServerResponse, call: RecordedCall, outcome: { status: number; body: unknown }): void {
    call.status = outcome.status;
    const body = outcome.body as { result?: unknown; description?: unknown };
    call.response = body.result ?? body.description;
    this.reply(res, outcome.status, outcome.body);
    this.notify(call);
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private notify(call: RecordedCall): void {
    for (const listener of [...this.callListeners]) listener(call);
  }

  // ---- methods -------------------------------------------------------------------------------------

  private dispatch(method: string, params: Params, res: ServerResponse, call: RecordedCall): Outcome {
    const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });
    switch (method.toLowerCase()) {
      case "getme":
        return ok({
          ...this.bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "getupdates":
        return this.getUpdates(params, res, call);
      case "sendmessage":
        return ok(this.sendMessage(params));
      case "sendphoto":
        return ok(this.sendPhoto(params));
      case "editmessagetext":
        return ok(this.editMessageText(params));
      case "answercallbackquery":
        return ok(this.answerCallbackQuery(params));
      case "setmycommands":
        return ok(this.setMyCommands(params));
      case "getmycommands":
        return ok(this.commands);
      case "deletemycommands":
        this.commands = [];
        return ok(true);
      case "setwebhook":
        return ok(this.setWebhook(params));
      case "deletewebhook":
        this.webhook = undefined;
        if (params.drop_pending_updates === true) this.queue.length = 0;
        return ok(true);
      case "getwebhookinfo":
        return ok({
          url: this.webhook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.queue.filter((entry) => !entry.delivered).length,
        });
      case "sendchataction":
        this.requireChat(params.chat_id);
        if (typeof params.action !== "string" || !CHAT_ACTIONS.has(params.action)) {
          throw new ApiError(400, "Bad Request: wrong parameter action in request");
        }
        return ok(true);
      default:
        return { status: 404, body: errorBody(404, "Not Found") };
    }
  }

  private getUpdates(params: Params, res: ServerResponse, call: RecordedCall): Outcome {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (this.heldPoll) {
      const older = this.heldPoll;
      this.heldPoll = undefined;
      clearTimeout(older.timer);
      this.finish(older.res, older.call, {
        status: 409,
        body: errorBody(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      });
    }
    const offset = typeof params.offset === "number" ? params.offset : undefined;
    if (offset !== undefined) {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        const entry = this.queue[i];
        if (entry?.delivered && entry.update.update_id < offset) this.queue.splice(i, 1);
      }
    }
    const ready = this.pending(params);
    const timeoutS = typeof params.timeout === "number" ? params.timeout : 0;
    if (ready.length > 0 || timeoutS <= 0)
      return { status: 200, body: { ok: true, result: this.deliver(ready) } };
    const holdMs = Math.min(timeoutS * 1000, this.maxHoldMs);
    const timer = setTimeout(() => this.releasePoll([]), holdMs);
    this.heldPoll = { res, call, params, timer };
    res.on("close", () => {
      if (this.heldPoll?.res === res) {
        clearTimeout(timer);
        this.heldPoll = undefined;
      }
    });
    return "held";
  }

  private pending(params: Params): FakeUpdate[] {
    const limit = typeof params.limit === "number" && params.limit > 0 ? Math.min(params.limit, 100) : 100;
    const offset = typeof params.offset === "number" ? params.offset : undefined;
    const allowed = Array.isArray(params.allowed_updates) ? (params.allowed_updates as string[]) : [];
    return this.queue
      .filter((entry) => !entry.delivered || offset === undefined || entry.update.update_id >= offset)
      .map((entry) => entry.update)
      .filter((update) => allowed.length === 0 || allowed.some((kind) => kind in update))
      .slice(0, limit);
  }

  private deliver(updates: FakeUpdate[]): FakeUpdate[] {
    for (const entry of this.queue) if (updates.includes(entry.update)) entry.delivered = true;
    return updates;
  }

  private flushPoll(): void {
    const held = this.heldPoll;
    if (!held) return;
    const ready = this.pending(held.params);
    if (ready.length > 0) this.releasePoll(ready);
  }

  private releasePoll(updates: FakeUpdate[]): void {
    const held = this.heldPoll;
    if (!held) return;
    this.heldPoll = undefined;
    clearTimeout(held.timer);
    this.finish(held.res, held.call, { status: 200, body: { ok: true, result: this.deliver(updates) } });
  }

  private sendMessage(params: Params): FakeMessage {
    const chat = this.requireChat(params.chat_id);
    const { raw, visible, parseMode } = this.checkText(params);
    const markup = this.checkMarkup(params.reply_markup);
    const message: FakeMessage = {
      message_id: this.nextMessageId++,
      date: unixNow(),
      chat,
      from: this.bot,
      text: visible,
    };
    if (markup !== undefined) message.reply_markup = markup;
    const replyTo = (params.reply_parameters as { message_id?: unknown } | undefined)?.message_id;
    if (typeof replyTo === "number") {
      const original = this.messagesByKey.get(`${chat.id}:${replyTo}`);
      if (original) message.reply_to_message = original;
    }
    this.messagesByKey.set(`${chat.id}:${message.message_id}`, message);
    this.sentMessages.push({ message, raw, params, ...(parseMode ? { parseMode } : {}) });
    return message;
  }

  /** sendPhoto with an uploaded file (multipart): the caption is checked like a text, within 1,024 characters. */
  private sendPhoto(params: Params): FakeMessage {
    const chat = this.requireChat(params.chat_id);
    const file = params.photo as UploadedFile | string | undefined;
    if (typeof file !== "object" || file === null || !(file.data instanceof Buffer))
      throw new ApiError(400, "Bad Request: there is no photo in the request");
    if (file.size === 0) throw new ApiError(400, "Bad Request: file must be non-empty");
    const rawCaption = typeof params.caption === "string" ? params.caption : "";
    const parseMode = typeof params.parse_mode === "string" ? params.parse_mode : undefined;
    let caption = rawCaption;
    if (parseMode?.toLowerCase() === "html") {
      const parsed = parseTelegramHtml(rawCaption);
      if (!parsed.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${parsed.error}`);
      caption = parsed.text;
    }
    if (caption.length > CAPTION_LIMIT) throw new ApiError(400, "Bad Request: message caption is too long");
    const markup = this.checkMarkup(params.reply_markup);
    const message: FakeMessage = {
      message_id: this.nextMessageId++,
      date: unixNow(),
      chat,
      from: this.bot,
      photo: [
        {
          file_id: `photo-${this.nextMessageId}`,
          file_unique_id: `p${this.nextMessageId}`,
          width: 720,
          height: 720,
        },
      ],
      ...(caption === "" ? {} : { caption }),
    };
    if (markup !== undefined) message.reply_markup = markup;
    this.messagesByKey.set(`${chat.id}:${message.message_id}`, message);
    this.sentPhotos.push({ message, file, rawCaption, params, ...(parseMode ? { parseMode } : {}) });
    return message;
  }

  private editMessageText(params: Params): FakeMessage {
    const chat = this.requireChat(params.chat_id);
    const existing = this.messagesByKey.get(`${chat.id}:${String(params.message_id)}`);
    if (!existing || existing.from?.id !== this.bot.id)
      throw new ApiError(400, "Bad Request: message to edit not found");
    const { raw, visible, parseMode } = this.checkText(params);
    const markup = this.checkMarkup(params.reply_markup);
    if (visible === existing.text && JSON.stringify(markup) === JSON.stringify(existing.reply_markup)) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    const edited: FakeMessage = { ...existing, text: visible, edit_date: unixNow() };
    if (markup === undefined) delete edited.reply_markup;
    else edited.reply_markup = markup;
    this.messagesByKey.set(`${chat.id}:${existing.message_id}`, edited);
    this.sentMessages.push({ message: edited, raw, params, ...(parseMode ? { parseMode } : {}) });
    return edited;
  }

  private answerCallbackQuery(params: Params): boolean {
    const query =
      typeof params.callback_query_id === "string"
        ? this.callbackQueries.get(params.callback_query_id)
        : undefined;
    if (!query || query.answered) {
      throw new ApiError(
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      );
    }
    if (typeof params.text === "string" && params.text.length > 200) {
      throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
    }
    query.answered = true;
    return true;
  }

  private setMyCommands(params: Params): boolean {
    const commands = params.commands;
    if (!Array.isArray(commands) || commands.length > 100)
      throw new ApiError(400, "Bad Request: commands are invalid");
    for (const entry of commands as { command?: unknown; description?: unknown }[]) {
      if (typeof entry.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command)) {
        throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      }
      if (
        typeof entry.description !== "string" ||
        entry.description.length < 1 ||
        entry.description.length > 256
      ) {
        throw new ApiError(400, "Bad Request: command description is invalid");
      }
    }
    this.commands = commands;
    return true;
  }

  private setWebhook(params: Params): boolean {
    const url = typeof params.url === "string" ? params.url : "";
    if (url === "") {
      this.webhook = undefined;
      return true;
    }
    if (!url.startsWith("https://")) {
      throw new ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
    }
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw new ApiError(400, "Bad Request: secret token contains unallowed characters");
    }
    this.webhook = {
      url,
      ...(typeof secret === "string" ? { secretToken: secret } : {}),
      ...(params.allowed_updates !== undefined ? { allowedUpdates: params.allowed_updates } : {}),
    };
    return true;
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private incomingMessage(from: FakeUser, chat: FakeChat, content: Record<string, unknown>): FakeMessage {
    this.chats.set(chat.id, chat);
    const message: FakeMessage = {
      message_id: this.nextMessageId++,
      date: unixNow(),
      chat,
      from,
      ...content,
    };
    this.messagesByKey.set(`${chat.id}:${message.message_id}`, message);
    return message;
  }

  private requireChat(chatId: unknown): FakeChat {
    const chat = typeof chatId === "number" ? this.chats.get(chatId) : undefined;
    if (!chat) throw new ApiError(400, "Bad Request: chat not found");
    return chat;
  }

  private checkText(params: Params): { raw: string; visible: string; parseMode?: string } {
    const raw = typeof params.text === "string" ? params.text : "";
    const parseMode = typeof params.parse_mode === "string" ? params.parse_mode : undefined;
    let visible = raw;
    if (parseMode?.toLowerCase() === "html") {
      const parsed = parseTelegramHtml(raw);
      if (!parsed.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${parsed.error}`);
      visible = parsed.text;
    }
    if (visible.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
    if (visible.length > TEXT_LIMIT) throw new ApiError(400, "Bad Request: message is too long");
    return parseMode === undefined ? { raw, visible } : { raw, visible, parseMode };
  }

  private checkMarkup(markup: unknown): unknown {
    if (markup === undefined) return undefined;
    const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (rows === undefined) return markup;
    if (!Array.isArray(rows)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
    for (const row of rows) {
      if (!Array.isArray(row)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
      for (const button of row as { text?: unknown; callback_data?: unknown; url?: unknown }[]) {
        if (typeof button.text !== "string" || button.text === "") {
          throw new ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard");
        }
        if (button.callback_data !== undefined) {
          const data = button.callback_data;
          if (
            typeof data !== "string" ||
            data === "" ||
            Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT
          ) {
            throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
          }
        } else if (typeof button.url !== "string") {
          throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
        }
      }
    }
    return markup;
  }
}

/** Starts a fake Telegram Bot API on 127.0.0.1 with a random port. Close it with `close()`. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  return new FakeTelegram(options).listen();
}

function errorBody(code: number, description: string, parameters?: Record<string, unknown>) {
  return parameters
    ? { ok: false, error_code: code, description, parameters }
    : { ok: false, error_code: code, description };
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

function textEntities(text: string): FakeEntity[] {
  const entities: FakeEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,64})?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{5,32}/g)) {
    if (mention.index === 0 && command) continue;
    entities.push({ type: "mention", offset: mention.index ?? 0, length: mention[0].length });
  }
  return entities;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): Params {
  if (raw.length === 0) return {};
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/json")) return JSON.parse(raw.toString("utf8")) as Params;
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1];
    if (!boundary) throw new Error("multipart body without boundary");
    return parseMultipart(raw, boundary);
  }
  return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
}

function parseMultipart(raw: Buffer, boundary: string): Params {
  const params: Params = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split !== -1) {
      const headers = part.subarray(0, split).toString("utf8");
      const body = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        params[name] =
          filename === undefined
            ? body.toString("utf8")
            : ({
                filename,
                contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
                size: body.length,
                data: Buffer.from(body),
              } satisfies UploadedFile);
      }
    }
    start = next;
  }
  return params;
}

/** Form values arrive as strings; turn the well-known numeric, boolean and JSON fields back into values. */
function normalise(params: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== "string") out[key] = value;
    else if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value)) out[key] = Number(value);
    else if (BOOLEAN_FIELDS.has(key) && (value === "true" || value === "false")) out[key] = value === "true";
    else if (JSON_FIELDS.has(key)) out[key] = JSON.parse(value);
    else out[key] = value;
  }
  return out;
}
