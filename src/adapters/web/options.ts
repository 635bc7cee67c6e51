// The web adapter's options, their defaults and validation, and a reader for the WEB_* environment variables.

import { join } from "node:path";
import type { Clock, Logger, MessageHandler } from "../../core/types.js";
import { PACKAGE_ROOT } from "../../node/paths.js";
import { WebAdapterError } from "./errors.js";

export interface WebAdapterDeps {
  /** Answers each message: the engine, or a middleware-wrapped engine. */
  handler: MessageHandler;
  logger: Logger;
  /** Time source of the per-minute new-conversation budget. Default: the system clock. */
  clock?: Clock;
}

export interface WebAdapterOptions {
  /**
   * Browser origins ("https://chat.example.com") allowed to open the chat WebSocket and to POST /api/messages.
   * Default: the request's own origin (its Host header, http or https), plus http://localhost:PORT and
   * http://127.0.0.1:PORT for the port the server listens on. When set (non-empty), exactly these origins are
   * allowed; an empty list means the default.
   * Requests without an Origin header (scripts, load tests) are not browsers and are not affected.
   */
  allowedOrigins?: readonly string[];
  /**
   * Largest WebSocket message in bytes (1 KiB to 16 MiB). Anything smaller reaches the engine, which answers an
   * over-long text with "please shorten" after its red-flag scan; a larger frame gets an error frame saying why,
   * then the socket is closed (1009). Default 1 MiB (ws: 100 MiB).
   */
  maxMessageBytes?: number;
  /**
   * Largest POST /api/messages body in bytes (1 KiB to 16 MiB); a larger one gets 413 with a JSON message saying
   * so (it was not read). Default 1 MiB.
   */
  maxBodyBytes?: number;
  /**
   * Chat WebSockets one client (one session cookie) may hold open at once (1 to 1,000); one more gets an error
   * frame saying why and is closed (1013, try again later), and the page goes on over HTTP. Default 10.
   */
  maxSocketsPerClient?: number;
  /**
   * New conversations (a session id not seen lately) one client address may start per minute (0 to 100,000; 0: no
   * cap); more get a polite refusal (HTTP 429, or an error frame on the socket). IPv6 addresses count per /64.
   * Behind a reverse proxy every client has the proxy's address: raise it or set 0 there. Default 60.
   */
  newConversationsPerMinute?: number;
  /** Folder of intent files, for the refusal texts in messages.yaml. Default: the package's intents/. */
  intentsDir?: string;
  /** Name of the HttpOnly session cookie that identifies a conversation. Default "crampbot_sid". */
  cookieName?: string;
  /** Mark the cookie Secure (only sent over HTTPS): set true behind HTTPS. Default false. */
  secureCookie?: boolean;
}

export interface WebSettings {
  /** Normalised origins; undefined: the default (same origin as the Host, plus localhost and 127.0.0.1). */
  allowedOrigins: ReadonlySet<string> | undefined;
  maxMessageBytes: number;
  maxBodyBytes: number;
  cookieName: string;
  secureCookie: boolean;
  maxSocketsPerClient: number;
  /** 0: no cap. */
  newConversationsPerMinute: number;
  intentsDir: string;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_COOKIE_NAME = "crampbot_sid";
export const DEFAULT_MAX_SOCKETS_PER_CLIENT = 10;
export const DEFAULT_NEW_CONVERSATIONS_PER_MINUTE = 60;
export const DEFAULT_INTENTS_DIR = join(PACKAGE_ROOT, "intents");

const MIN_BYTES = 1024;
const MAX_BYTES = 16 * 1024 * 1024;
/** RFC 6265 cookie-name: an RFC 7230 token. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}$/;

function invalid(message: string): WebAdapterError {
  return new WebAdapterError("WEB_OPTIONS_INVALID", message);
}

function byteLimit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < MIN_BYTES || value > MAX_BYTES) {
    throw invalid(
      `${name} must be a whole number of bytes between ${MIN_BYTES} and ${MAX_BYTES}, got ${value}.`,
    );
  }
  return value;
}

function countLimit(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}, got ${value}.`);
  }
  return value;
}

/** "https://Chat.Example.com/" → "https://chat.example.com"; throws for anything that is not a bare origin. */
export function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (cause) {
    throw new WebAdapterError("WEB_OPTIONS_INVALID", `allowedOrigins: "${value}" is not a URL.`, { cause });
  }
  const bare = url.pathname === "/" && url.search === "" && url.hash === "" && url.username === "";
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !bare) {
    throw invalid(`allowedOrigins: "${value}" must be an origin like https://chat.example.com (no path).`);
  }
  return url.origin;
}

export function resolveOptions(options: WebAdapterOptions = {}): WebSettings {
  const cookieName = options.cookieName ?? DEFAULT_COOKIE_NAME;
  if (!COOKIE_NAME.test(cookieName)) {
    throw invalid(`cookieName must be 1-64 cookie token characters (letters, digits, _ - . and so on).`);
  }
  const secureCookie = options.secureCookie ?? false;
  if (/^__(Host|Secure)-/i.test(cookieName) && !secureCookie) {
    throw invalid(
      `cookieName "${cookieName}" has a __Host-/__Secure- prefix, which needs secureCookie: true.`,
    );
  }
  const origins = options.allowedOrigins ?? [];
  return {
    allowedOrigins: origins.length === 0 ? undefined : new Set(origins.map(normaliseOrigin)),
    maxMessageBytes: byteLimit("maxMessageBytes", options.maxMessageBytes, DEFAULT_MAX_MESSAGE_BYTES),
    maxBodyBytes: byteLimit("maxBodyBytes", options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    cookieName,
    secureCookie,
    maxSocketsPerClient: countLimit(
      "maxSocketsPerClient",
      options.maxSocketsPerClient,
      DEFAULT_MAX_SOCKETS_PER_CLIENT,
      1,
      1000,
    ),
    newConversationsPerMinute: countLimit(
      "newConversationsPerMinute",
      options.newConversationsPerMinute,
      DEFAULT_NEW_CONVERSATIONS_PER_MINUTE,
      0,
      100_000,
    ),
    intentsDir: options.intentsDir ?? DEFAULT_INTENTS_DIR,
  };
}

function envInteger(
  env: Record<string, string | undefined>,
  name: string,
  unit = "bytes",
): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw))
    throw invalid(`${name} must be a whole number of ${unit}, got "${raw.slice(0, 20)}".`);
  return Number(raw);
}

/** Like resolveOptions, but a bad value's message names the variable it came from. */
function checkNamed(name: string, options: WebAdapterOptions): void {
  try {
    resolveOptions(options);
  } catch (error) {
    if (!(error instanceof WebAdapterError)) throw error;
    throw invalid(`${name}: ${error.message}`);
  }
}

function envBoolean(env: Record<string, string | undefined>, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return undefined;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw invalid(`${name} must be true or false, got "${raw.slice(0, 20)}".`);
}

/**
 * Reads WEB_SECURE_COOKIE, WEB_COOKIE_NAME, WEB_MAX_MESSAGE_BYTES, WEB_MAX_BODY_BYTES, WEB_MAX_SOCKETS_PER_CLIENT
 * and WEB_NEW_CONVERSATIONS_PER_MINUTE; unset variables keep the defaults. Origins are not read here: the service passes its ALLOWED_ORIGINS as `allowedOrigins`.
 * Throws WebAdapterError for a malformed value.
 */
export function webOptionsFromEnv(env: Record<string, string | undefined>): WebAdapterOptions {
  const options: WebAdapterOptions = {};
  const maxMessageBytes = envInteger(env, "WEB_MAX_MESSAGE_BYTES");
  if (maxMessageBytes !== undefined) options.maxMessageBytes = maxMessageBytes;
  const maxBodyBytes = envInteger(env, "WEB_MAX_BODY_BYTES");
  if (maxBodyBytes !== undefined) options.maxBodyBytes = maxBodyBytes;
  const cookieName = env.WEB_COOKIE_NAME?.trim();
  if (cookieName) options.cookieName = cookieName;
  const secureCookie = envBoolean(env, "WEB_SECURE_COOKIE");
  if (secureCookie !== undefined) options.secureCookie = secureCookie;
  const maxSockets = envInteger(env, "WEB_MAX_SOCKETS_PER_CLIENT", "sockets");
  if (maxSockets !== undefined) options.maxSocketsPerClient = maxSockets;
  const newPerMinute = envInteger(env, "WEB_NEW_CONVERSATIONS_PER_MINUTE", "conversations");
  if (newPerMinute !== undefined) options.newConversationsPerMinute = newPerMinute;
  for (const [name, key] of [
    ["WEB_MAX_MESSAGE_BYTES", "maxMessageBytes"],
    ["WEB_MAX_BODY_BYTES", "maxBodyBytes"],
    ["WEB_MAX_SOCKETS_PER_CLIENT", "maxSocketsPerClient"],
    ["WEB_NEW_CONVERSATIONS_PER_MINUTE", "newConversationsPerMinute"],
  ] as const) {
    if (options[key] !== undefined) checkNamed(name, { [key]: options[key] });
  }
  resolveOptions(options);
  return options;
}
