/**
 * The service logger: pino, JSON lines on standard error. Three layers keep secrets out of every line:
 *  1. redact paths: fields that hold secrets by name (token, secret, password, authorization, the webhook header);
 *  2. a scrub of the known secret values (tokens, the webhook secret, the REDIS_URL password) from every string
 *     field, the message and serialised errors, in pino's `logMethod` hook and `log` formatter;
 *  3. the same scrub over the finished line (`streamWrite` hook), for whatever pino itself adds.
 * Message text is never logged at info level or above: a `text` field there is replaced by "[omitted]" (the engine
 * logs text only at debug).
 */
import { hostname } from "node:os";
import { type DestinationStream, destination, type Logger as PinoLogger, pino, stdSerializers } from "pino";
import type { Logger } from "../core/types.js";
import type { LogLevel } from "./config.js";

export const REDACTED = "[redacted]";

/** Field paths redacted wherever they appear at the top level or one level down. */
const REDACT_PATHS = [
  "token",
  "secret",
  "password",
  "authorization",
  "redisUrl",
  "webhookSecret",
  "*.token",
  "*.secret",
  "*.password",
  "*.authorization",
  "*.redisUrl",
  "*.webhookSecret",
  "headers.authorization",
  'headers["x-telegram-bot-api-secret-token"]',
  "*.headers.authorization",
  '*.headers["x-telegram-bot-api-secret-token"]',
];

/** Shorter values are not scrubbed by value (they would mangle ordinary words); redact paths still apply. */
export const MIN_SCRUBBED_LENGTH = 4;

/** pino's number for "info". */
const INFO = 30;
const MAX_DEPTH = 8;

export interface ServiceLoggerOptions {
  level: LogLevel;
  /** Values that must never appear in a line. */
  secrets?: readonly string[];
  /** Where lines go. Default: standard error (synchronous, so nothing is lost on exit). */
  destination?: DestinationStream;
}

/** pino's logger, usable wherever the core's {@link Logger} is expected. */
export type ServiceLogger = PinoLogger & Logger;

/**
 * A function that replaces every known secret in a string: the value itself, its URL-encoded form and, for JSON
 * lines, its JSON-escaped forms. Longest first, so a secret that contains another is replaced whole.
 */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUBBED_LENGTH) continue;
    for (const form of [secret, encodeURIComponent(secret)]) {
      variants.add(form);
      variants.add(JSON.stringify(form).slice(1, -1));
    }
  }
  const needles = [...variants].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
}

/** Deep copy of `value` with every string scrubbed; errors become plain objects (pino's err shape) first. */
function scrubValue(
  value: unknown,
  scrub: (text: string) => string,
  depth: number,
  seen: WeakSet<object>,
): unknown {
  if (typeof value === "string") return scrub(value);
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_DEPTH || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Error) {
    return scrubValue({ ...stdSerializers.err(value) }, scrub, depth + 1, seen);
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub, depth + 1, seen));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[scrub(key)] = scrubValue(item, scrub, depth + 1, seen);
  return out;
}

export function createServiceLogger(options: ServiceLoggerOptions): ServiceLogger {
  const scrub = secretScrubber(options.secrets ?? []);
  const deep = (value: unknown) => scrubValue(value, scrub, 0, new WeakSet());
  const logger = pino(
    {
      level: options.level,
      // pid and hostname tell instances apart when several share one log stream.
      base: { service: "crampbot", pid: process.pid, hostname: hostname() },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Errors are already serialised (and scrubbed) by the formatter below; serialise any other Error as usual.
      serializers: { err: (value: unknown) => (value instanceof Error ? stdSerializers.err(value) : value) },
      formatters: {
        log: (object) => deep(object) as Record<string, unknown>,
        bindings: (bindings) => deep(bindings) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method, level) {
          const scrubbed = args.map((arg, index) => {
            // logger.error(err, "...") keeps pino's shape: the error under `err`.
            if (index === 0 && arg instanceof Error) return { err: deep(arg) };
            if (index === 0 && level >= INFO && isPlainObject(arg) && "text" in arg) {
              return deep({ ...arg, text: "[omitted]" });
            }
            return deep(arg);
          }) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
        streamWrite: (line) => scrub(line),
      },
    },
    options.destination ?? destination({ dest: 2, sync: true }),
  );
  return logger as ServiceLogger;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
