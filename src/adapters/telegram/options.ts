// The adapter's options, their defaults and validation (TELEGRAM_TOKEN, webhook settings), and an env reader.

import type { Logger, MessageHandler, SessionStore } from "../../core/types.js";
import type { PngRenderer } from "../shared/png.js";
import { TelegramConfigError } from "./errors.js";
import type { UndeliveredReason } from "./outbound.js";

/** Waits `ms`; rejects (or resolves early) when `signal` aborts. Injected so tests need not wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface TelegramWebhookOptions {
  /** Public HTTPS URL Telegram posts updates to (registered with setWebhook at start). */
  url: string;
  /** Shared secret: 1-256 of A-Z a-z 0-9 _ - (at least 16 here). Sent back in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** Largest accepted request body; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface TelegramAdapterOptions {
  /** The bot token from @BotFather (`<bot id>:<secret>`), usually TELEGRAM_TOKEN. */
  token: string;
  /** Another Bot API root (a local Bot API server, a fake). Default https://api.telegram.org. */
  apiRoot?: string;
  /** Webhook mode when set; long polling otherwise. */
  webhook?: TelegramWebhookOptions;
  /** getUpdates long-poll timeout in seconds (0-50). Default 30. */
  pollingTimeoutSeconds?: number;
  /**
   * First polling retry delay after a failure (network, 5xx, 409 Conflict, another 4xx); doubles up to
   * `retryMaxDelayMs`. Polling retries for as long as the adapter runs; only a rejected token stops it. Default 1000.
   */
  retryBaseDelayMs?: number;
  /** The longest polling retry delay, and of a reply's send retries. Default 30000. */
  retryMaxDelayMs?: number;
  /** Attempts to send one reply part when the Bot API fails transiently (network, timeout, 5xx). Default 4. */
  sendAttempts?: number;
  /** First wait before a reply part is sent again; doubles up to `retryMaxDelayMs`. Default 1000. */
  sendRetryBaseDelayMs?: number;
  /** Longest 429 retry_after waited out, in ms; longer ones fail the send. Default 60000. */
  maxRateLimitWaitMs?: number;
  /** Attempts per API call when Telegram answers 429. Default 3. */
  maxRateLimitAttempts?: number;
  /**
   * The library's own retries of one request on network errors and 5xx. They wait with real timers, not the
   * injected sleep, and the adapter retries sends and polls itself. Default 0.
   */
  requestRetries?: number;
  /**
   * Client timeout of one ordinary request (not the long poll, which gets its own timeout plus 10 s). Short, as a
   * hung send holds up the next getUpdates (a batch is confirmed once answered). Default 15000.
   */
  requestTimeoutMs?: number;
  /**
   * Updates being handled at once: the getUpdates batch size (at most 100), and in webhook mode the deliveries
   * taken at once before answering 503. Default 64.
   */
  maxInFlight?: number;
  /** Show "typing…" when the handler takes longer than this; 0 disables. Default 1500. */
  typingDelayMs?: number;
  /** Injected wait used for retries and rate limits. Default: an abortable timer. */
  sleep?: Sleep;
}

export interface TelegramAdapterDeps {
  /** The core engine (or a middleware-wrapped one). */
  handler: MessageHandler;
  /** Records answered update ids (key `telegram:update:<id>`): the ledger that dedupes redeliveries. */
  store: SessionStore;
  logger: Logger;
  /**
   * Told once for every reply that could not be delivered after its retries (the service counts them in
   * /metrics). Default: nothing (the failure is logged either way).
   */
  onUndelivered?: (reason: UndeliveredReason) => void;
  /**
   * Renders reply pictures (stretch steps, the check-up card) to PNG for sendPhoto, once per picture. Default: the
   * process's shared renderer (src/adapters/shared/png.ts), so the adapters share every rendered copy.
   */
  pictures?: PngRenderer;
}

export interface ResolvedOptions {
  token: string;
  apiRoot: string | undefined;
  webhook: Required<TelegramWebhookOptions> | undefined;
  pollingTimeoutSeconds: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  sendAttempts: number;
  sendRetryBaseDelayMs: number;
  maxRateLimitWaitMs: number;
  maxRateLimitAttempts: number;
  requestRetries: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  typingDelayMs: number;
  sleep: Sleep;
}

const TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

/** Throws a {@link TelegramConfigError} naming TELEGRAM_TOKEN unless `token` looks like a bot token. Never echoes it. */
export function assertTelegramToken(token: unknown): asserts token is string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new TelegramConfigError(
      "TELEGRAM_TOKEN_MISSING",
      "TELEGRAM_TOKEN is not set: create a bot with @BotFather and put its token in TELEGRAM_TOKEN.",
    );
  }
  if (!TOKEN_PATTERN.test(token)) {
    const hint = /[\s"']/.test(token)
      ? " It contains whitespace or quotes (a trailing newline?)."
      : token.startsWith("bot")
        ? ' Drop the leading "bot".'
        : "";
    throw new TelegramConfigError(
      "TELEGRAM_TOKEN_MALFORMED",
      `TELEGRAM_TOKEN is malformed: expected "<bot id>:<secret>" such as "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11" ` +
        `(got ${token.length} characters).${hint}`,
    );
  }
}

/** The rule for a webhook secret (TELEGRAM_WEBHOOK_SECRET): what Telegram accepts as secret_token. */
export function isWebhookSecret(secret: unknown): boolean {
  return typeof secret === "string" && SECRET_PATTERN.test(secret);
}

function positive(value: number | undefined, fallback: number, min = 0): number {
  return value === undefined || !Number.isFinite(value) || value < min ? fallback : value;
}

function resolveWebhook(
  webhook: TelegramWebhookOptions | undefined,
): Required<TelegramWebhookOptions> | undefined {
  if (webhook === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(webhook.url);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") {
    throw new TelegramConfigError(
      "TELEGRAM_WEBHOOK_INVALID",
      "The Telegram webhook URL (TELEGRAM_WEBHOOK_URL) must be an absolute https:// URL.",
    );
  }
  if (!isWebhookSecret(webhook.secret)) {
    throw new TelegramConfigError(
      "TELEGRAM_WEBHOOK_INVALID",
      "The Telegram webhook secret (TELEGRAM_WEBHOOK_SECRET) must be 16-256 characters of A-Z, a-z, 0-9, _ and -.",
    );
  }
  return {
    url: webhook.url,
    secret: webhook.secret,
    maxBodyBytes: positive(webhook.maxBodyBytes, 1024 * 1024, 1),
  };
}

/** An abortable timer: resolves after `ms`, rejects with the abort reason. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Validates and fills in defaults; throws {@link TelegramConfigError}. */
export function resolveOptions(options: TelegramAdapterOptions): ResolvedOptions {
  assertTelegramToken(options.token);
  return {
    token: options.token,
    apiRoot: options.apiRoot,
    webhook: resolveWebhook(options.webhook),
    pollingTimeoutSeconds: Math.min(positive(options.pollingTimeoutSeconds, 30), 50),
    retryBaseDelayMs: positive(options.retryBaseDelayMs, 1000, 1),
    retryMaxDelayMs: positive(options.retryMaxDelayMs, 30_000, 1),
    sendAttempts: Math.floor(positive(options.sendAttempts, 4, 1)),
    sendRetryBaseDelayMs: positive(options.sendRetryBaseDelayMs, 1000, 1),
    maxRateLimitWaitMs: positive(options.maxRateLimitWaitMs, 60_000),
    maxRateLimitAttempts: positive(options.maxRateLimitAttempts, 3, 1),
    requestRetries: positive(options.requestRetries, 0),
    requestTimeoutMs: positive(options.requestTimeoutMs, 15_000, 1),
    maxInFlight: positive(options.maxInFlight, 64, 1),
    typingDelayMs: positive(options.typingDelayMs, 1500),
    sleep: options.sleep ?? realSleep,
  };
}

/**
 * Reads TELEGRAM_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET.
 * Webhook mode needs both webhook variables; one without the other is an error.
 */
export function telegramOptionsFromEnv(env: Record<string, string | undefined>): TelegramAdapterOptions {
  const token = env.TELEGRAM_TOKEN ?? "";
  assertTelegramToken(token);
  const options: TelegramAdapterOptions = { token };
  if (env.TELEGRAM_API_ROOT) options.apiRoot = env.TELEGRAM_API_ROOT;
  const url = env.TELEGRAM_WEBHOOK_URL;
  const secret = env.TELEGRAM_WEBHOOK_SECRET;
  if (url || secret) {
    if (!url || !secret) {
      throw new TelegramConfigError(
        "TELEGRAM_WEBHOOK_INVALID",
        "Webhook mode needs both TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (leave both unset for long polling).",
      );
    }
    options.webhook = { url, secret };
  }
  return options;
}
