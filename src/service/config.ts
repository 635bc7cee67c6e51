/**
 * The service's configuration: every environment variable `serve` reads, validated once at start with zod.
 * Each problem becomes one line naming the variable; secret values (tokens, the webhook secret, REDIS_URL, which may
 * carry a password) are never echoed. An empty value counts as unset.
 */
import { z } from "zod";
import { validateApiRoot, validateApplicationId, validateToken } from "../adapters/discord/options.js";
import { assertTelegramToken } from "../adapters/telegram/config.js";
import { CrampBotError } from "../core/errors.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface TelegramConfig {
  token: string;
  apiRoot?: string;
  /** Webhook mode when set (both variables); long polling otherwise. */
  webhook?: { url: string; secret: string };
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiRoot?: string;
}

export interface Config {
  /** PORT; 0 picks a free port (the log line "crampbot serving" names it). */
  port: number;
  host: string;
  logLevel: LogLevel;
  /** SQLite file for conversation state; ignored when `redisUrl` is set. */
  databasePath: string;
  redisUrl: string | undefined;
  /** Messages per conversation per minute. */
  rateLimitPerMinute: number;
  /** Longest message read, in characters. */
  maxMessageLength: number;
  /** Origins allowed to use the web chat (scheme://host[:port]); empty: the web adapter's default. */
  allowedOrigins: string[];
  /** Set when TELEGRAM_TOKEN is. */
  telegram: TelegramConfig | undefined;
  /** Set when DISCORD_TOKEN (and DISCORD_APPLICATION_ID) are. */
  discord: DiscordConfig | undefined;
  /** How long SIGTERM may take: finish messages in flight, close the stores. */
  shutdownTimeoutMs: number;
}

/** Every variable the service reads, with its default ("" = unset). The order is the one of `.env.example`. */
export const ENV_DEFAULTS = {
  PORT: "3000",
  HOST: "127.0.0.1",
  LOG_LEVEL: "info",
  DATABASE_PATH: "./data/crampbot.db",
  REDIS_URL: "",
  RATE_LIMIT_PER_MINUTE: "20",
  MAX_MESSAGE_LENGTH: "2000",
  ALLOWED_ORIGINS: "",
  TELEGRAM_TOKEN: "",
  TELEGRAM_API_ROOT: "",
  TELEGRAM_WEBHOOK_URL: "",
  TELEGRAM_WEBHOOK_SECRET: "",
  DISCORD_TOKEN: "",
  DISCORD_APPLICATION_ID: "",
  DISCORD_API_ROOT: "",
  SHUTDOWN_TIMEOUT_MS: "10000",
} as const;

export type EnvName = keyof typeof ENV_DEFAULTS;

/** A configuration that cannot start the service; `problems` holds one line per problem. */
export class ConfigError extends CrampBotError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super("E_CONFIG", `invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{16,256}$/;

/** A value safe to quote in a problem line (non-secret variables only). */
function quote(raw: string): string {
  const clipped = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return JSON.stringify(clipped);
}

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** An optional variable: unset (or blank) → undefined, otherwise checked by `check`. */
function variable<T>(check: (raw: string, ctx: Ctx) => T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined =>
      raw === undefined || raw.trim() === "" ? undefined : check(raw, ctx),
    );
}

function integer(name: EnvName, min: number, max: number) {
  return variable((raw, ctx) => {
    const text = raw.trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      return fail(
        ctx,
        `${name} must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")} (got ${quote(raw)})`,
      );
    }
    return value;
  });
}

/** Runs one of the adapters' own validators; their messages name the variable and never echo a secret. */
function adapterCheck<T>(check: (raw: string) => T) {
  return variable((raw, ctx) => {
    try {
      return check(raw);
    } catch (error) {
      return fail(ctx, error instanceof Error ? error.message : String(error));
    }
  });
}

function httpUrl(name: EnvName, protocols: string[], hint: string) {
  return variable((raw, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(raw.trim());
    } catch {
      url = undefined;
    }
    if (url === undefined || !protocols.includes(url.protocol)) {
      return fail(ctx, `${name} must be ${hint} (got ${quote(raw)})`);
    }
    return raw.trim();
  });
}

const schema = z.object({
  PORT: integer("PORT", 0, 65_535),
  HOST: variable((raw, ctx) => {
    const host = raw.trim();
    if (!/^[A-Za-z0-9._:%[\]-]+$/.test(host)) {
      return fail(
        ctx,
        `HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got ${quote(raw)})`,
      );
    }
    return host;
  }),
  LOG_LEVEL: variable((raw, ctx) => {
    const level = raw.trim().toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      return fail(ctx, `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got ${quote(raw)})`);
    }
    return level as LogLevel;
  }),
  DATABASE_PATH: variable((raw) => raw),
  REDIS_URL: variable((raw, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(raw.trim());
    } catch {
      url = undefined;
    }
    if (
      url === undefined ||
      (url.protocol !== "redis:" && url.protocol !== "rediss:") ||
      url.hostname === ""
    ) {
      return fail(
        ctx,
        "REDIS_URL must be a redis:// or rediss:// URL such as redis://:password@host:6379/0 (value not shown: it may hold a password)",
      );
    }
    return raw.trim();
  }),
  RATE_LIMIT_PER_MINUTE: integer("RATE_LIMIT_PER_MINUTE", 1, 100_000),
  MAX_MESSAGE_LENGTH: integer("MAX_MESSAGE_LENGTH", 1, 1_000_000),
  ALLOWED_ORIGINS: variable((raw, ctx) => {
    const origins: string[] = [];
    for (const entry of raw.split(",")) {
      const text = entry.trim();
      if (text === "") continue;
      let origin: string | undefined;
      try {
        const url = new URL(text);
        const bare =
          (url.protocol === "http:" || url.protocol === "https:") &&
          url.username === "" &&
          url.password === "" &&
          url.pathname === "/" &&
          url.search === "" &&
          url.hash === "" &&
          !/[?#]/.test(text) &&
          /^[a-z]+:\/\/[^/]+\/?$/i.test(text);
        origin = bare ? url.origin : undefined;
      } catch {
        origin = undefined;
      }
      if (origin === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `ALLOWED_ORIGINS: ${quote(text)} is not an origin (expected scheme://host[:port], no path, e.g. https://example.com)`,
        });
        continue;
      }
      if (!origins.includes(origin)) origins.push(origin);
    }
    return origins;
  }),
  TELEGRAM_TOKEN: adapterCheck((raw) => {
    assertTelegramToken(raw);
    return raw;
  }),
  TELEGRAM_API_ROOT: httpUrl(
    "TELEGRAM_API_ROOT",
    ["http:", "https:"],
    "an http(s) URL such as http://127.0.0.1:8081",
  ),
  TELEGRAM_WEBHOOK_URL: httpUrl(
    "TELEGRAM_WEBHOOK_URL",
    ["https:"],
    "an absolute https:// URL such as https://bot.example.com/telegram",
  ),
  TELEGRAM_WEBHOOK_SECRET: variable((raw, ctx) => {
    if (!WEBHOOK_SECRET.test(raw)) {
      return fail(
        ctx,
        `TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and - (got ${raw.length} characters)`,
      );
    }
    return raw;
  }),
  DISCORD_TOKEN: adapterCheck(validateToken),
  DISCORD_APPLICATION_ID: adapterCheck(validateApplicationId),
  DISCORD_API_ROOT: adapterCheck((raw) => validateApiRoot(raw) ?? raw),
  SHUTDOWN_TIMEOUT_MS: integer("SHUTDOWN_TIMEOUT_MS", 100, 3_600_000),
});

type Env = Record<string, string | undefined>;
type Parsed = z.infer<typeof schema>;

/** Variables that only mean something together with another one. */
function pairingProblems(env: Env): string[] {
  const set = (name: EnvName) => (env[name] ?? "").trim() !== "";
  const problems: string[] = [];
  for (const name of ["TELEGRAM_API_ROOT", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET"] as const) {
    if (set(name) && !set("TELEGRAM_TOKEN")) {
      problems.push(`${name} is set but TELEGRAM_TOKEN is not (set the token to run on Telegram)`);
    }
  }
  if (set("TELEGRAM_TOKEN") && set("TELEGRAM_WEBHOOK_URL") !== set("TELEGRAM_WEBHOOK_SECRET")) {
    const missing = set("TELEGRAM_WEBHOOK_URL") ? "TELEGRAM_WEBHOOK_SECRET" : "TELEGRAM_WEBHOOK_URL";
    problems.push(
      `${missing} is not set: webhook mode needs both TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (leave both unset for long polling)`,
    );
  }
  if (set("DISCORD_TOKEN") && !set("DISCORD_APPLICATION_ID")) {
    problems.push(
      "DISCORD_APPLICATION_ID is not set: copy the Application ID from the Discord developer portal (General Information)",
    );
  }
  for (const name of ["DISCORD_APPLICATION_ID", "DISCORD_API_ROOT"] as const) {
    if (set(name) && !set("DISCORD_TOKEN")) {
      problems.push(`${name} is set but DISCORD_TOKEN is not (set the token to run on Discord)`);
    }
  }
  return problems;
}

function build(values: Parsed): Config {
  const telegram: TelegramConfig | undefined =
    values.TELEGRAM_TOKEN === undefined
      ? undefined
      : {
          token: values.TELEGRAM_TOKEN,
          ...(values.TELEGRAM_API_ROOT ? { apiRoot: values.TELEGRAM_API_ROOT } : {}),
          ...(values.TELEGRAM_WEBHOOK_URL && values.TELEGRAM_WEBHOOK_SECRET
            ? { webhook: { url: values.TELEGRAM_WEBHOOK_URL, secret: values.TELEGRAM_WEBHOOK_SECRET } }
            : {}),
        };
  const discord: DiscordConfig | undefined =
    values.DISCORD_TOKEN === undefined || values.DISCORD_APPLICATION_ID === undefined
      ? undefined
      : {
          token: values.DISCORD_TOKEN,
          applicationId: values.DISCORD_APPLICATION_ID,
          ...(values.DISCORD_API_ROOT ? { apiRoot: values.DISCORD_API_ROOT } : {}),
        };
  return {
    port: values.PORT ?? Number(ENV_DEFAULTS.PORT),
    host: values.HOST ?? ENV_DEFAULTS.HOST,
    logLevel: values.LOG_LEVEL ?? (ENV_DEFAULTS.LOG_LEVEL as LogLevel),
    databasePath: values.DATABASE_PATH ?? ENV_DEFAULTS.DATABASE_PATH,
    redisUrl: values.REDIS_URL,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE ?? Number(ENV_DEFAULTS.RATE_LIMIT_PER_MINUTE),
    maxMessageLength: values.MAX_MESSAGE_LENGTH ?? Number(ENV_DEFAULTS.MAX_MESSAGE_LENGTH),
    allowedOrigins: values.ALLOWED_ORIGINS ?? [],
    telegram,
    discord,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS ?? Number(ENV_DEFAULTS.SHUTDOWN_TIMEOUT_MS),
  };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates every variable and reports all problems at once, one line each. */
export function parseConfig(env: Env = process.env): ConfigResult {
  const raw: Partial<Record<EnvName, string>> = {};
  for (const name of Object.keys(ENV_DEFAULTS) as EnvName[]) {
    const value = env[name];
    if (value !== undefined) raw[name] = value;
  }
  const result = schema.safeParse(raw);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => issue.message)),
    ...pairingProblems(env),
  ];
  if (!result.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: build(result.data) };
}

/** Like {@link parseConfig}, but throws a {@link ConfigError}. */
export function loadConfig(env: Env = process.env): Config {
  const result = parseConfig(env);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

/** The values that must never reach a log line: tokens, the webhook secret, the REDIS_URL password. */
export function secretsOf(config: Config): string[] {
  const secrets = [
    config.telegram?.token,
    // The part after "<bot id>:" is the secret itself; the bot id alone is public.
    config.telegram?.token.slice(config.telegram.token.indexOf(":") + 1),
    config.telegram?.webhook?.secret,
    config.discord?.token,
  ];
  if (config.redisUrl) {
    try {
      const url = new URL(config.redisUrl);
      secrets.push(url.password, safeDecode(url.password), url.searchParams.get("password") ?? undefined);
    } catch {
      // Validated already; nothing more to find.
    }
  }
  return [...new Set(secrets.filter((s): s is string => typeof s === "string" && s !== ""))];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
