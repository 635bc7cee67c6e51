// Test support for the Telegram adapter: an in-memory SessionStore, a recording logger, scripted handlers and a harness.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import {
  createTelegramAdapter,
  type Sleep,
  type TelegramAdapter,
  type TelegramAdapterOptions,
} from "../../../src/adapters/telegram/index.js";
import type {
  IncomingMessage,
  Logger,
  MessageHandler,
  Reply,
  SessionStore,
  Suggestion,
} from "../../../src/core/types.js";
import { type FakeTelegram, startFakeTelegram } from "../../fakes/telegram-api/server.js";

/** A Map with per-entry expiry; `now` is injectable. */
export class MemorySessionStore implements SessionStore {
  readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<unknown | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.value);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expiresAt: this.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  obj: object;
  msg: string | undefined;
}

/** Keeps every log call for assertions. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  debug(obj: object, msg?: string): void {
    this.entries.push({ level: "debug", obj, msg });
  }
  info(obj: object, msg?: string): void {
    this.entries.push({ level: "info", obj, msg });
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: "warn", obj, msg });
  }
  error(obj: object, msg?: string): void {
    this.entries.push({ level: "error", obj, msg });
  }

  at(level: LogEntry["level"]): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }

  /** Everything logged at `levels`, as one string (to check what must never appear). */
  dump(levels: LogEntry["level"][] = ["debug", "info", "warn", "error"]): string {
    return this.entries
      .filter((entry) => levels.includes(entry.level))
      .map((entry) => `${entry.level} ${entry.msg ?? ""} ${JSON.stringify(entry.obj)}`)
      .join("\n");
  }
}

export function reply(text: string, suggestions: Suggestion[] = []): Reply {
  return { intent: "answer", text, suggestions, section: null };
}

/** Wraps a scripted answer function and records every message it was given. */
export class ScriptedHandler implements MessageHandler {
  readonly messages: IncomingMessage[] = [];

  constructor(private readonly script: (message: IncomingMessage, call: number) => Reply | Promise<Reply>) {}

  async handle(message: IncomingMessage): Promise<Reply> {
    this.messages.push(message);
    return this.script(message, this.messages.length);
  }
}

/** Echoes text, names buttons, and answers everything else with a "text only" line. */
export function echo(message: IncomingMessage): Reply {
  if (message.kind === "text") return reply(`You said: ${message.text ?? ""}`);
  if (message.kind === "button") return reply(`You picked ${message.buttonId ?? ""}`);
  return reply("I can only read text messages.");
}

/** A sleep that does not wait (next macrotask) and remembers what it was asked for. */
export function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  const sleep: Sleep = (ms, signal) => {
    waits.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      setImmediate(resolve);
    });
  };
  return { sleep, waits };
}

export interface Harness {
  fake: FakeTelegram;
  adapter: TelegramAdapter;
  handler: ScriptedHandler;
  logger: RecordingLogger;
  store: MemorySessionStore;
  waits: number[];
}

export interface HarnessOptions {
  script?: (message: IncomingMessage, call: number) => Reply | Promise<Reply>;
  options?: Partial<TelegramAdapterOptions>;
  /** Prepare the fake before the adapter starts (e.g. queue faults). */
  beforeStart?: (fake: FakeTelegram) => void;
  start?: boolean;
}

/** Starts a fake Telegram and an adapter polling it; both are closed when the test finishes. */
export async function startBot(setup: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeTelegram();
  onTestFinished(() => fake.close());
  const handler = new ScriptedHandler(setup.script ?? echo);
  const logger = new RecordingLogger();
  const store = new MemorySessionStore();
  const { sleep, waits } = recordingSleep();
  setup.beforeStart?.(fake);
  const adapter = createTelegramAdapter(
    { handler, store, logger },
    { token: fake.token, apiRoot: fake.apiRoot, pollingTimeoutSeconds: 5, sleep, ...setup.options },
  );
  onTestFinished(() => adapter.stop());
  if (setup.start !== false) await adapter.start();
  return { fake, adapter, handler, logger, store, waits };
}

/** A node:http server on 127.0.0.1 that mounts the adapter's webhook handler at its path; closed after the test. */
export async function serveWebhook(adapter: TelegramAdapter): Promise<string> {
  const path = adapter.webhookPath ?? "/";
  const server: Server = createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://127.0.0.1").pathname === path)
      return adapter.webhookHandler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

/** A promise with its resolve function, to hold a handler until the test releases it. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
