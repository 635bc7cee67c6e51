// The web adapter's options, their defaults and validation, and a reader for the WEB_* environment variables.
import type { Logger, MessageHandler } from "../../core/types.js";
import { WebAdapterError } from "./errors.js";

export interface WebAdapterDeps {
  /** Answers each message: the engine, or a middleware-wrapped engine. */
  handler: MessageHandler;
  logger: Logger;
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
  /** Largest WebSocket message in bytes; a larger frame closes the socket (1009). Default 16 KiB (ws: 100 MiB). */
  maxMessageBytes?: number;
  /** Largest POST /api/messages body in bytes; a larger one gets 413 with a JSON explanation. Default 16 KiB. */
  maxBodyBytes?: number;
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
}

export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const DEFAULT_COOKIE_NAME = "crampbot_sid";

const MIN_BYTES = 1024;
const MAX_BYTES = 1024 * 1024;
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
  };
}

function envInteger(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw))
    throw invalid(`${name} must be a whole number of bytes, got "${raw.slice(0, 20)}".`);
  return Number(raw);
}

function envBoolean(env: Record<string, string | undefined>, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return undefined;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw invalid(`${name} must be true or false, got "${raw.slice(0, 20)}".`);
}

/**
 * Reads WEB_SECURE_COOKIE, WEB_COOKIE_NAME, WEB_MAX_MESSAGE_BYTES and WEB_MAX_BODY_BYTES; unset variables keep the
 * defaults. Origins are not read here: the service passes its ALLOWED_ORIGINS as `allowedOrigins`.
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
  resolveOptions(options);
  return options;
}
