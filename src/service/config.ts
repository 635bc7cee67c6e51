/**
 * The service's configuration: every environment variable `serve` reads, validated once at start with zod — the
 * service's own (this file) and each platform's, declared by its module in the adapter table (platforms.ts) and
 * composed here. Each problem becomes one line naming the variable; secret values (tokens, the webhook secret,
 * REDIS_URL, which may carry a password) are never echoed. An empty value counts as unset.
 */
import { z } from "zod";
import type { Platform } from "../adapters/shared/contract.js";
import { fail, integer, quote, variable } from "../adapters/shared/env.js";
import { CrampBotError } from "../core/errors.js";
import { PLATFORMS } from "./platforms.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** What the service itself reads. */
export interface CoreConfig {
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
  /** How long SIGTERM may take: finish messages in flight, close the stores. */
  shutdownTimeoutMs: number;
  /** REVIEW_LOG: keep unanswered questions (redacted, no ids) for `crampbot review`. Default: false. */
  reviewLog: boolean;
  /** REVIEW_RETENTION_DAYS: days a review entry is kept. Default: 30. */
  reviewRetentionDays: number;
  /**
   * ENGINE_THREAD: where the engine runs with its session store, the votes', the review log's and the hot reload's:
   * "main", the thread of HTTP and the adapters (Botkit), or "worker", a worker thread of its own (ADR 55: the web
   * chat's HTTP path answers more messages per second with two threads busy). Default: "main".
   */
  engineThread: "main" | "worker";
}

type SettingsOf<P> = P extends Platform<string, infer S> ? S : never;

/** One field per platform of the table, named after it: its settings, or undefined when it is not configured. */
export type PlatformConfigs = {
  [P in (typeof PLATFORMS)[number] as P["name"]]: SettingsOf<P> | undefined;
};

export type Config = CoreConfig & PlatformConfigs;

/** The service's own variables with their defaults ("" = unset), before and after the platforms' in .env.example. */
const CORE_HEAD = {
  PORT: "3000",
  HOST: "127.0.0.1",
  LOG_LEVEL: "info",
  DATABASE_PATH: "./data/crampbot.db",
  REDIS_URL: "",
  RATE_LIMIT_PER_MINUTE: "20",
  MAX_MESSAGE_LENGTH: "2000",
  REVIEW_LOG: "",
  REVIEW_RETENTION_DAYS: "30",
  ENGINE_THREAD: "main",
} as const;
const CORE_TAIL = { SHUTDOWN_TIMEOUT_MS: "10000" } as const;

/** Every variable the service reads, with its default ("" = unset). The order is the one of `.env.example`. */
export const ENV_DEFAULTS: Readonly<Record<string, string>> = {
  ...CORE_HEAD,
  ...Object.assign({}, ...PLATFORMS.map((platform) => platform.env.variables)),
  ...CORE_TAIL,
};

export type EnvName = string;

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

const coreSchema = z.object({
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
  SHUTDOWN_TIMEOUT_MS: integer("SHUTDOWN_TIMEOUT_MS", 100, 3_600_000),
  REVIEW_LOG: variable((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    return fail(ctx, `REVIEW_LOG must be true or false (got ${quote(raw)})`);
  }),
  REVIEW_RETENTION_DAYS: integer("REVIEW_RETENTION_DAYS", 1, 3650),
  ENGINE_THREAD: variable((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (value === "main" || value === "worker") return value;
    return fail(ctx, `ENGINE_THREAD must be main or worker (got ${quote(raw)})`);
  }),
});

type Env = Record<string, string | undefined>;
type CoreValues = z.infer<typeof coreSchema>;

function buildCore(values: CoreValues): CoreConfig {
  return {
    port: values.PORT ?? Number(CORE_HEAD.PORT),
    host: values.HOST ?? CORE_HEAD.HOST,
    logLevel: values.LOG_LEVEL ?? (CORE_HEAD.LOG_LEVEL as LogLevel),
    databasePath: values.DATABASE_PATH ?? CORE_HEAD.DATABASE_PATH,
    redisUrl: values.REDIS_URL,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE ?? Number(CORE_HEAD.RATE_LIMIT_PER_MINUTE),
    maxMessageLength: values.MAX_MESSAGE_LENGTH ?? Number(CORE_HEAD.MAX_MESSAGE_LENGTH),
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS ?? Number(CORE_TAIL.SHUTDOWN_TIMEOUT_MS),
    reviewLog: values.REVIEW_LOG ?? false,
    reviewRetentionDays: values.REVIEW_RETENTION_DAYS ?? Number(CORE_HEAD.REVIEW_RETENTION_DAYS),
    engineThread: values.ENGINE_THREAD ?? CORE_HEAD.ENGINE_THREAD,
  };
}

/** The variables of `names` that are present in `env`. */
function pick(env: Env, names: Iterable<string>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Validates every variable — the service's and each platform's of `platforms` (default: the adapter table), each once — and reports all problems at once,
 * one line each, in the order of the variables (then the pairing problems).
 */
export function parseConfig(
  env: Env = process.env,
  platforms: readonly Platform[] = PLATFORMS,
): ConfigResult {
  const order = [
    ...Object.keys(CORE_HEAD),
    ...platforms.flatMap((platform) => Object.keys(platform.env.variables)),
    ...Object.keys(CORE_TAIL),
  ];
  const issues: { variable: string; message: string }[] = [];
  const collect = (error: z.ZodError) => {
    for (const issue of error.issues)
      issues.push({ variable: String(issue.path[0] ?? ""), message: issue.message });
  };
  const core = coreSchema.safeParse(pick(env, [...Object.keys(CORE_HEAD), ...Object.keys(CORE_TAIL)]));
  if (!core.success) collect(core.error);
  const isSet = (name: string) => (env[name] ?? "").trim() !== "";
  const valueIn = (name: string) => (isSet(name) ? (env[name] ?? "").trim() : undefined);
  const pairing: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const platform of platforms) {
    const result = (platform.env.schema as z.ZodType<unknown>).safeParse(
      pick(env, Object.keys(platform.env.variables)),
    );
    if (result.success) settings[platform.name] = result.data;
    else collect(result.error);
    pairing.push(...(platform.env.pairing?.(isSet, valueIn) ?? []));
  }
  // A problem of no one variable (a rule across them) sorts after the variables' own.
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const sorted = issues
    .map((issue, index) => ({ ...issue, index }))
    .sort((a, b) => rank(a.variable) - rank(b.variable) || a.index - b.index)
    .map((issue) => issue.message);
  const problems = [...sorted, ...pairing];
  if (!core.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { ...buildCore(core.data), ...settings } as Config };
}

/** Like {@link parseConfig}, but throws a {@link ConfigError}. */
export function loadConfig(env: Env = process.env, platforms: readonly Platform[] = PLATFORMS): Config {
  const result = parseConfig(env, platforms);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

/** The values that must never reach a log line: each platform's secrets (tokens, the webhook secret), the REDIS_URL password. */
export function secretsOf(config: Config): string[] {
  const secrets: (string | undefined)[] = [];
  for (const platform of PLATFORMS) {
    const settings = (config as unknown as Record<string, unknown>)[platform.name];
    const list = platform.env.secrets as ((settings: unknown) => string[]) | undefined;
    if (settings !== undefined && list) secrets.push(...list(settings));
  }
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
