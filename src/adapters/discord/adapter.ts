// DiscordAdapter: owns the discord.js Client, connects it, and routes its events to the message handler.
//
// Message Content is a privileged intent. This adapter requests it (messageContentIntent, default true), so it
// must be enabled in the developer portal (Bot > Privileged Gateway Intents > Message Content); if it is not,
// Discord closes the gateway with 4014 and start() fails with DISCORD_INTENTS_DISALLOWED. Without the intent
// (messageContentIntent: false) the bot still answers DMs, mentions (a message that mentions the bot carries
// its content) and slash commands, but it cannot read other guild messages (which it ignores anyway).
import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, Partials } from "discord.js";
import type { Logger, MessageHandler } from "../../core/types.js";
import { loadApology } from "../shared/apology.js";
import type { PlatformAdapter } from "../shared/contract.js";
import { errorSummary } from "../shared/errors.js";
import { type PngRenderer, sharedPngRenderer } from "../shared/png.js";
import { Sequencer } from "../shared/sequencer.js";
import type { AdapterContext } from "./context.js";
import { DiscordAdapterError } from "./errors.js";
import { guardedShardingStrategy } from "./gateway-guard.js";
import { onInteraction } from "./interactions.js";
import { onMessage } from "./messages.js";
import { type DiscordOptions, validateDiscordOptions } from "./options.js";
import { NO_PINGS } from "./outbound.js";
import { clientShardOptions, type DiscordSharding } from "./sharding.js";

export interface DiscordAdapterDeps {
  /** The core engine (or a middleware-wrapped one). */
  handler: MessageHandler;
  logger: Logger;
  /**
   * Renders reply pictures (stretch steps, the check-up card) to PNG attachments, once per picture. Default: the
   * process's shared renderer (src/adapters/shared/png.ts), so the adapters share every rendered copy.
   */
  pictures?: PngRenderer;
}

export interface DiscordAdapterOptions extends DiscordOptions {
  /** Request the privileged Message Content intent (default true). See the note at the top of this file. */
  messageContentIntent?: boolean;
  /** Show "typing…" when the handler takes longer than this, in ms (default 1,500; 0 disables). */
  typingDelayMs?: number;
  /** How long stop() waits for replies in progress before closing the connection (default 10 s). */
  drainTimeoutMs?: number;
  /** Sharding in this process (mode "auto"); default off: one connection (see ./sharding.ts). */
  sharding?: DiscordSharding;
}

/** Why the adapter finished: stop() was called, or Discord closed the gateway for good (e.g. 4004 token reset). */
export type DiscordRunOutcome = { reason: "stopped" } | { reason: "gateway-closed"; code: number };

const DEFAULT_DRAIN_MS = 10_000;
const DEFAULT_TYPING_DELAY_MS = 1500;

type State = "idle" | "starting" | "running" | "stopped";

export class DiscordAdapter implements PlatformAdapter {
  readonly name = "discord";
  /** Settles once, after a started adapter stops: by stop() or because the gateway closed for good. */
  readonly finished: Promise<DiscordRunOutcome>;
  readonly #context: AdapterContext;
  readonly #options: DiscordOptions;
  readonly #messageContent: boolean;
  readonly #drainMs: number;
  readonly #sharding: DiscordSharding | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  #settle: (outcome: DiscordRunOutcome) => void = () => {};
  #client: Client | null = null;
  #state: State = "idle";
  #stopping: Promise<void> | undefined;

  /** Validates the options at once: a missing or malformed token / application id throws DiscordAdapterError. */
  constructor(deps: DiscordAdapterDeps, options: DiscordAdapterOptions) {
    this.#options = validateDiscordOptions(options);
    this.#context = {
      handler: deps.handler,
      logger: deps.logger,
      typingDelayMs: options.typingDelayMs ?? DEFAULT_TYPING_DELAY_MS,
      apology: loadApology(),
      sequencer: new Sequencer(),
      pictures: deps.pictures ?? sharedPngRenderer(),
    };
    this.#messageContent = options.messageContentIntent ?? true;
    this.#drainMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_MS;
    this.#sharding = options.sharding;
    this.finished = new Promise((resolve) => {
      this.#settle = resolve;
    });
  }

  /**
   * Logs in and resolves once the client is ready (all guilds received). Throws DiscordAdapterError when
   * Discord refuses the token (DISCORD_TOKEN_REJECTED) or the intents (DISCORD_INTENTS_DISALLOWED); a failed
   * start may be retried.
   */
  async start(): Promise<void> {
    if (this.#state !== "idle") {
      throw new DiscordAdapterError("DISCORD_ALREADY_STARTED", `The Discord adapter is ${this.#state}.`);
    }
    this.#state = "starting";
    const client = this.#createClient();
    this.#client = client;
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    const stoppedMeanwhile = this.finished.then(() => {
      throw new DiscordAdapterError(
        "DISCORD_LOGIN_FAILED",
        "The Discord adapter was stopped while starting.",
      );
    });
    try {
      await Promise.race([client.login(this.#options.token).then(() => ready), stoppedMeanwhile]);
    } catch (error) {
      if (this.#state === "starting") {
        this.#client = null;
        this.#state = "idle";
        await client.destroy().catch(() => {});
      }
      throw error instanceof DiscordAdapterError ? error : loginError(error);
    }
    this.#state = "running";
    const { logger } = this.#context;
    const applicationId = client.application?.id;
    if (applicationId && applicationId !== this.#options.applicationId) {
      logger.warn(
        { platform: "discord", applicationId, configured: this.#options.applicationId },
        "discord: DISCORD_APPLICATION_ID differs from the token's application",
      );
    }
    logger.info(
      {
        platform: "discord",
        botUserId: client.user?.id,
        guilds: client.guilds.cache.size,
        shards: client.ws.shards.size,
      },
      "discord: connected",
    );
  }

  /** Stops taking events, lets replies in progress finish (bounded), then closes the connection. Idempotent. */
  stop(): Promise<void> {
    return this.#shutdown({ reason: "stopped" });
  }

  /** For /readyz: "ok" while connected (the service reports "starting" and "stopped (…)" itself). */
  status(): string {
    return this.#state === "running" ? "ok" : this.#state;
  }

  #shutdown(outcome: DiscordRunOutcome): Promise<void> {
    this.#stopping ??= this.#close(outcome);
    return this.#stopping;
  }

  async #close(outcome: DiscordRunOutcome): Promise<void> {
    this.#state = "stopped";
    const client = this.#client;
    this.#client = null;
    if (client) {
      await this.#drain();
      await client.destroy();
      this.#context.logger.info({ platform: "discord", ...outcome }, "discord: stopped");
    }
    this.#settle(outcome);
  }

  #createClient(): Client {
    const intents = [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(this.#messageContent ? [GatewayIntentBits.MessageContent] : []),
    ];
    const client = new Client({
      intents,
      // Discord never sends the DM channel itself: without Partials.Channel DM messages are dropped.
      partials: [Partials.Channel],
      allowedMentions: NO_PINGS,
      ...(this.#options.apiRoot ? { rest: { api: this.#options.apiRoot } } : {}),
      ...clientShardOptions(this.#sharding),
      // Every gateway event passes the boundary check first; nothing Discord sends can stop the process.
      ws: { buildStrategy: (manager) => guardedShardingStrategy(manager, this.#context.logger) },
    });
    const { logger } = this.#context;
    client.on(Events.MessageCreate, (message) => this.#track(() => onMessage(this.#context, message)));
    client.on(Events.InteractionCreate, (interaction) =>
      this.#track(() => onInteraction(this.#context, interaction)),
    );
    // An 'error' event without a listener would throw and kill the process.
    client.on(Events.Error, (error) =>
      logger.error({ platform: "discord", err: errorSummary(error) }, "discord: client error"),
    );
    client.on(Events.Warn, (detail) =>
      logger.warn({ platform: "discord", detail }, "discord: client warning"),
    );
    client.on(Events.ShardError, (error, shardId) =>
      logger.warn(
        { platform: "discord", shardId, err: errorSummary(error) },
        "discord: gateway connection error",
      ),
    );
    client.on(Events.ShardReconnecting, (shardId) =>
      logger.info({ platform: "discord", shardId }, "discord: gateway reconnecting"),
    );
    client.on(Events.ShardResume, (shardId, replayed) =>
      logger.info({ platform: "discord", shardId, replayed }, "discord: gateway resumed"),
    );
    // Only unrecoverable closes (4004 token reset, 4014 intents, ...) get here; discord.js retries the others.
    client.on(Events.ShardDisconnect, (event, shardId) => {
      logger.error({ platform: "discord", shardId, code: event.code }, "discord: gateway closed for good");
      if (this.#state === "running" && this.#client === client) {
        void this.#shutdown({ reason: "gateway-closed", code: event.code });
      }
    });
    return client;
  }

  /** Runs an event listener so that nothing it throws escapes, and remembers it for stop(). */
  #track(run: () => Promise<void>): void {
    if (this.#state !== "running" && this.#state !== "starting") return;
    const task = run().catch((error: unknown) => {
      this.#context.logger.error(
        { platform: "discord", err: errorSummary(error) },
        "discord: event handling failed",
      );
    });
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
  }

  async #drain(): Promise<void> {
    if (this.#inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.#drainMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.#inFlight]), timeout]);
    clearTimeout(timer);
  }
}

/** The same as `new DiscordAdapter(deps, options)`. */
export function createDiscordAdapter(
  deps: DiscordAdapterDeps,
  options: DiscordAdapterOptions,
): DiscordAdapter {
  return new DiscordAdapter(deps, options);
}

function loginError(error: unknown): DiscordAdapterError {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new DiscordAdapterError(
      "DISCORD_TOKEN_REJECTED",
      "Discord rejected DISCORD_TOKEN: check the bot token in the developer portal (Bot > Reset Token).",
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/disallowed intents/i.test(message)) {
    return new DiscordAdapterError(
      "DISCORD_INTENTS_DISALLOWED",
      "Discord refused the Message Content intent: enable it in the developer portal (Bot > Privileged Gateway " +
        "Intents > Message Content), or start the adapter with messageContentIntent: false.",
      { cause: error },
    );
  }
  if (/authentication failed/i.test(message)) {
    return new DiscordAdapterError("DISCORD_TOKEN_REJECTED", "The Discord gateway rejected DISCORD_TOKEN.", {
      cause: error,
    });
  }
  return new DiscordAdapterError("DISCORD_LOGIN_FAILED", `Connecting to Discord failed: ${message}`, {
    cause: error,
  });
}
