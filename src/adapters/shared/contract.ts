/**
 * Role: the platform-adapter contract. A platform is a folder under src/adapters/ with a platform.ts that exports a
 * {@link Platform}: its name, its environment schema, and create(), which loads the adapter code with a dynamic
 * import() (so a platform that is not configured never loads its SDK) and returns a {@link PlatformAdapter}.
 * The service (src/service/service.ts) runs every configured platform of its table (src/service/platforms.ts).
 * See docs/adding-a-platform.md.
 */
import type { IncomingMessage as HttpRequest, Server as HttpServer, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Logger, MessageHandler, SessionStore } from "../../core/types.js";

/** Why an adapter finished: "stopped" after stop(), anything else when it gave up on its own. */
export interface AdapterOutcome {
  reason: string;
  /** Details for the log line (never a secret), e.g. a gateway close code. */
  [detail: string]: unknown;
}

export type RouteHandler = (req: HttpRequest, res: ServerResponse) => void;

/** What the service runs: one started platform. */
export interface PlatformAdapter {
  /** The platform's name: the /readyz check and the log field `adapter`. */
  readonly name: string;
  /** Connects (logs in, registers a webhook, boots). Rejects when the platform cannot be used; the service stops. */
  start(): Promise<void>;
  /** Takes no new messages, finishes those in flight, disconnects. Idempotent: a second call returns the first's promise. */
  stop(): Promise<void>;
  /** For /readyz once started: "ok", or why not (for example "degraded (Bot API unreachable)"). */
  status(): string;
  /** Settles once, after start(): with reason "stopped" after stop(), with another reason when it gave up. */
  readonly finished: Promise<AdapterOutcome>;
  /** Exact HTTP paths it answers on the service's server (the Telegram webhook). Default: none. */
  readonly routes?: ReadonlyMap<string, RouteHandler>;
  /** Offered every other request after the service's own; returns true when it handled it. Default: none. */
  handleHttp?(req: HttpRequest, res: ServerResponse): boolean;
  /** Attaches to the service's HTTP server (a WebSocket endpoint), before start(). Default: nothing. */
  attach?(server: HttpServer): void;
}

/** What create() gets from the service. */
export interface PlatformContext {
  /** The engine behind the service's metrics: what every message goes to. */
  handler: MessageHandler;
  store: SessionStore;
  logger: Logger;
  /** How long stop() may take before the service gives up on it (a share of SHUTDOWN_TIMEOUT_MS). */
  drainTimeoutMs: number;
  /** Counts a reply the platform could not deliver (metric crampbot_replies_undelivered_total). */
  onUndelivered(): void;
  /** Extra adapter options a test passes through ServiceDeps.overrides[name]; undefined in production. */
  overrides: unknown;
}

/** The raw environment: unset and blank are the same. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A platform's environment variables, checked once by the service's parseConfig. */
export interface PlatformEnv<S> {
  /** Every variable it reads with its default ("" = unset), in the order of .env.example. */
  readonly variables: Readonly<Record<string, string>>;
  /**
   * Checks the variables (an object of those names) and builds the settings; `undefined` means "not configured".
   * Each problem is one issue whose message is one line naming its variable and never quoting a secret.
   */
  readonly schema: z.ZodType<S | undefined>;
  /**
   * Problems of variables that only mean something together (one line each), any variable of the service's
   * (`valueIn`: a variable's trimmed value, undefined when unset or blank). Default: none.
   */
  pairing?(isSet: (name: string) => boolean, valueIn: (name: string) => string | undefined): string[];
  /** Values that must never reach a log line (tokens, secrets). Default: none. */
  secrets?(settings: S): string[];
}

/** One platform module: what the service's table lists. */
export interface Platform<N extends string = string, S = unknown> {
  readonly name: N;
  readonly env: PlatformEnv<S>;
  /** Loads the adapter (dynamic import) and creates it; must not connect yet (start() does). */
  create(settings: S, context: PlatformContext): Promise<PlatformAdapter>;
}

/** Declares a platform, keeping its name's literal type (the service's Config has a field of that name). */
export function definePlatform<const N extends string, S>(platform: Platform<N, S>): Platform<N, S> {
  return platform;
}
