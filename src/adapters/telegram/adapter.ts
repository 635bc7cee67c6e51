// Wires the Telegram adapter: start (getMe, commands, webhook or polling), per-update handling (validated at the
// boundary, recorded in the ledger only once answered), readiness, and stop.
import { Api, type Update } from "node-telegram-bot-api";
import type { Reply } from "../../core/types.js";
import { loadApology } from "../shared/apology.js";
import type { PlatformAdapter } from "../shared/contract.js";
import { conversationHash } from "../shared/hash.js";
import { sharedPngRenderer } from "../shared/png.js";
import { Sequencer } from "../shared/sequencer.js";
import { typingAfter } from "../shared/typing.js";
import { apiStatus, describeError, isTransient } from "./api-errors.js";
import { TELEGRAM_COMMANDS } from "./commands.js";
import { TelegramConfigError } from "./errors.js";
import { TelegramHealth } from "./health.js";
import { type BotIdentity, chatKeyOf, type ReplyTarget, translateUpdate } from "./inbound.js";
import { UpdateLedger } from "./ledger.js";
import { withoutIds } from "./log-keys.js";
import { resolveOptions, type TelegramAdapterDeps, type TelegramAdapterOptions } from "./options.js";
import { Outbox } from "./outbound.js";
import { ALLOWED_UPDATES, type PollingOutcome, runPolling } from "./polling.js";
import { parseUpdate } from "./schema.js";
import { type AcceptResult, createWebhookEndpoint, type WebhookRequestHandler } from "./webhook.js";

export type TelegramRunOutcome = PollingOutcome;

export interface TelegramAdapter extends PlatformAdapter {
  readonly name: "telegram";
  readonly mode: "polling" | "webhook";
  /**
   * The node:http `(req, res)` handler for Telegram's webhook POSTs; mount it at {@link webhookPath}.
   * In polling mode it answers 404; before start() has finished it answers 503 (Telegram retries).
   */
  readonly webhookHandler: WebhookRequestHandler;
  /** The path of the configured webhook URL (e.g. "/telegram"); undefined in polling mode. */
  readonly webhookPath: string | undefined;
  /**
   * Checks the token (getMe), registers the commands, then sets the webhook or starts polling in
   * the background. Throws TelegramConfigError when Telegram rejects the token or the webhook. When the Bot
   * API cannot be reached (network, timeout, 5xx) it resolves anyway, reports "degraded" and keeps connecting in
   * the background (a rejected token found then settles {@link finished} with "unauthorized").
   */
  start(): Promise<void>;
  /** Stops polling (or accepting webhook updates) and waits for updates being handled. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the adapter stops: after stop(), or when polling gave up (token rejected). */
  readonly finished: Promise<TelegramRunOutcome>;
  /**
   * Readiness of a started adapter for /readyz: "ok", or "degraded (<why>)" while getUpdates keeps failing
   * (Bot API unreachable, 409 Conflict) or replies cannot be delivered because the Bot API is unreachable.
   */
  status(): string;
}

/** Creates the adapter. Throws TelegramConfigError at once for a missing or malformed token or bad webhook options. */
export function createTelegramAdapter(
  deps: TelegramAdapterDeps,
  options: TelegramAdapterOptions,
): TelegramAdapter {
  const settings = resolveOptions(options);
  const { handler, logger } = deps;
  const { token, webhook } = settings;
  const apology = loadApology();
  const api = new Api(token, {
    ...(settings.apiRoot === undefined ? {} : { apiRoot: settings.apiRoot }),
    maxRetries: settings.requestRetries,
    timeoutMs: settings.requestTimeoutMs,
    // Surface every 429 instead of letting the library sleep: the Outbox and the polling loop wait
    // out retry_after themselves, with the injected sleep.
    maxRetryAfterMs: 1,
  });
  const health = new TelegramHealth();
  const outbox = new Outbox(api, logger, {
    token,
    sleep: settings.sleep,
    maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
    maxRateLimitAttempts: settings.maxRateLimitAttempts,
    sendAttempts: settings.sendAttempts,
    sendRetryBaseDelayMs: settings.sendRetryBaseDelayMs,
    sendRetryMaxDelayMs: settings.retryMaxDelayMs,
    onSent: () => health.sendSucceeded(),
    pictures: deps.pictures ?? sharedPngRenderer(),
    onUndelivered: (reason) => {
      if (reason === "unreachable") health.sendUnreachable();
      try {
        deps.onUndelivered?.(reason);
      } catch (err) {
        logger.warn({ err: describeError(err, token) }, "telegram: counting an undelivered reply failed");
      }
    },
  });
  const ledger = new UpdateLedger(deps.store, logger, token);
  const dispatcher = new Sequencer();
  const controller = new AbortController();
  let identity: BotIdentity | undefined;
  let state: "new" | "starting" | "running" | "stopping" = "new";
  let polling: Promise<void> | undefined;
  let connecting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let settle: (outcome: TelegramRunOutcome) => void = () => {};
  const finished = new Promise<TelegramRunOutcome>((resolve) => {
    settle = resolve;
  });

  function startTyping(target: ReplyTarget): () => void {
    const params = {
      chat_id: target.chatId,
      action: "typing",
      ...(target.threadId === undefined ? {} : { message_thread_id: target.threadId }),
    };
    return typingAfter(
      settings.typingDelayMs,
      () => api.sendChatAction(params),
      (err) => logger.debug({ err: describeError(err, token) }, "telegram: typing indicator failed"),
    );
  }

  async function acknowledge(callbackQueryId: string, updateId: number): Promise<void> {
    try {
      await outbox.call("answerCallbackQuery", () =>
        api.answerCallbackQuery({ callback_query_id: callbackQueryId }),
      );
    } catch (err) {
      logger.warn(
        { updateId, err: describeError(err, token) },
        "telegram: answering the callback query failed",
      );
    }
  }

  /** Handles one validated update: "answered" once its reply was sent (or given up on), else "skipped". */
  async function handleUpdate(update: Update, bot: BotIdentity): Promise<"answered" | "skipped"> {
    const updateId = update.update_id;
    const entry = await ledger.begin(updateId);
    if (entry !== "new") {
      logger.debug({ updateId, entry }, "telegram: update already answered or being answered; skipped");
      return "skipped";
    }
    try {
      const inbound = translateUpdate(update, bot);
      if (inbound.callbackQueryId !== undefined) await acknowledge(inbound.callbackQueryId, updateId);
      if (inbound.action === "ignore") {
        logger.debug({ updateId, reason: inbound.reason }, "telegram: update ignored");
        return "skipped";
      }
      const { message, target } = inbound;
      const conversation = conversationHash(message.conversationId);
      const context = { updateId, conversation };
      logger.debug({ ...context, kind: message.kind }, "telegram: update received");
      const stopTyping = startTyping(target);
      let reply: Reply;
      try {
        reply = await handler.handle(message);
      } catch (err) {
        // The error may come from far below (a store key in its message): no chat id may ride along.
        const ids = [message.conversationId, String(target.chatId), message.userId];
        logger.error(
          { ...context, kind: message.kind, err: withoutIds(describeError(err, token), ids) },
          "telegram: the message handler failed; the bot goes on",
        );
        reply = apology;
      } finally {
        stopTyping();
      }
      await outbox.sendReply(target, reply, context);
      // Only now: a crash before this line makes Telegram deliver the update again (at least once).
      await ledger.finish(updateId);
      return "answered";
    } finally {
      ledger.release(updateId);
    }
  }

  function dispatch(update: Update, bot: BotIdentity): Promise<AcceptResult> {
    let result: AcceptResult = "answered";
    return dispatcher
      .run(chatKeyOf(update), async () => {
        try {
          result = await handleUpdate(update, bot);
        } catch (err) {
          logger.error(
            { updateId: update.update_id, err: describeError(err, token) },
            "telegram: handling an update failed",
          );
        }
      })
      .then(() => result);
  }

  async function accept(raw: unknown): Promise<AcceptResult> {
    if (state === "stopping") return "stopping";
    if (state !== "running" || identity === undefined) return "not-ready";
    const parsed = parseUpdate(raw);
    if (!parsed.ok) {
      logger.warn(
        { updateId: parsed.updateId, problems: parsed.problems },
        "telegram: malformed update skipped",
      );
      return "skipped";
    }
    if (dispatcher.size >= settings.maxInFlight) return "busy";
    return dispatch(parsed.update, identity);
  }

  async function registerCommands(): Promise<void> {
    try {
      await outbox.call("setMyCommands", () =>
        api.setMyCommands({ commands: TELEGRAM_COMMANDS.map((entry) => ({ ...entry })) }),
      );
    } catch (err) {
      logger.warn(
        { err: describeError(err, token) },
        "telegram: registering the command menu failed; commands still work",
      );
    }
  }

  async function setWebhook(url: string, secret: string): Promise<void> {
    try {
      await outbox.call("setWebhook", () =>
        api.setWebhook({ url, secret_token: secret, allowed_updates: ALLOWED_UPDATES }),
      );
    } catch (err) {
      if (apiStatus(err) === 400) {
        throw new TelegramConfigError(
          "TELEGRAM_WEBHOOK_REJECTED",
          `Telegram refused the webhook URL (TELEGRAM_WEBHOOK_URL): ${describeError(err, token).message}`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  async function removeStaleWebhook(): Promise<void> {
    try {
      const info = await api.getWebhookInfo();
      if (info.url === "") return;
      logger.warn(
        {},
        "telegram: a webhook is set for this bot; deleting it to use long polling (pending updates are kept)",
      );
      await api.deleteWebhook({ drop_pending_updates: false });
    } catch (err) {
      logger.warn(
        { err: describeError(err, token) },
        "telegram: checking for a webhook failed; polling anyway",
      );
    }
  }

  /** getMe, the command menu, then the webhook (or no webhook, for polling). Throws as start() documents. */
  async function connect(): Promise<BotIdentity> {
    let me: Awaited<ReturnType<Api["getMe"]>>;
    try {
      me = await api.getMe();
    } catch (err) {
      const status = apiStatus(err);
      if (status === 401 || status === 404) {
        throw new TelegramConfigError(
          "TELEGRAM_TOKEN_REJECTED",
          `Telegram rejected TELEGRAM_TOKEN (HTTP ${status}): check the token with @BotFather (was it revoked?).`,
          { cause: err },
        );
      }
      throw err;
    }
    const bot: BotIdentity = { id: me.id, username: me.username ?? "" };
    await registerCommands();
    if (webhook) await setWebhook(webhook.url, webhook.secret);
    else await removeStaleWebhook();
    return bot;
  }

  function run(bot: BotIdentity): void {
    identity = bot;
    state = "running";
    health.connected();
    if (!webhook) {
      polling = runPolling({
        api,
        logger,
        token,
        sleep: settings.sleep,
        signal: controller.signal,
        timeoutSeconds: settings.pollingTimeoutSeconds,
        batchSize: Math.min(settings.maxInFlight, 100),
        retryBaseDelayMs: settings.retryBaseDelayMs,
        retryMaxDelayMs: settings.retryMaxDelayMs,
        maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
        onUpdate: async (update) => {
          await dispatch(update, bot);
        },
        onPoll: (problem) => {
          if (problem === undefined) health.pollSucceeded();
          else health.pollFailed(problem);
        },
      }).then(settle, (err: unknown) => {
        logger.error({ err: describeError(err, token) }, "telegram: polling crashed");
        settle({ reason: "fatal", error: err instanceof Error ? err : new Error(String(err)) });
      });
    }
    logger.info({ mode: webhook ? "webhook" : "polling", bot: bot.username }, "telegram: adapter started");
  }

  /** After an unreachable Bot API at start: connects in the background with capped backoff until it works. */
  async function keepConnecting(): Promise<void> {
    for (let failures = 1; !controller.signal.aborted; failures++) {
      const delayMs = Math.min(settings.retryBaseDelayMs * 2 ** (failures - 1), settings.retryMaxDelayMs);
      try {
        await settings.sleep(delayMs, controller.signal);
      } catch {
        return; // stopped while waiting
      }
      if (controller.signal.aborted) return;
      let bot: BotIdentity;
      try {
        bot = await connect();
      } catch (err) {
        if (controller.signal.aborted) return;
        if (!(isTransient(err) || apiStatus(err) === 429)) {
          logger.error({ err: describeError(err, token) }, "telegram: connecting failed for good; stopping");
          settle({
            reason:
              err instanceof TelegramConfigError && err.code === "TELEGRAM_TOKEN_REJECTED"
                ? "unauthorized"
                : "fatal",
            error: err instanceof Error ? err : new Error(String(err)),
          });
          return;
        }
        logger.warn(
          { err: describeError(err, token), failures, delayMs },
          "telegram: Bot API still unreachable; retrying",
        );
        continue;
      }
      if (controller.signal.aborted) return;
      run(bot);
      return;
    }
  }

  async function start(): Promise<void> {
    if (state !== "new") throw new Error(`The Telegram adapter cannot start: it is ${state}.`);
    state = "starting";
    let bot: BotIdentity;
    try {
      bot = await connect();
    } catch (err) {
      if (!(isTransient(err) || apiStatus(err) === 429) || controller.signal.aborted) {
        if (state === "starting") state = "new";
        throw err;
      }
      // The Bot API cannot be reached right now (or asks to wait): start anyway (the web chat must not wait for Telegram), report
      // degraded, and connect in the background. Webhook deliveries meanwhile get 503, so Telegram retries them.
      logger.warn(
        { err: describeError(err, token) },
        "telegram: Bot API unreachable at start; the adapter keeps trying in the background",
      );
      health.connecting();
      connecting = keepConnecting();
      return;
    }
    if (controller.signal.aborted) return;
    run(bot);
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      const wasRunning = state === "running";
      state = "stopping";
      controller.abort();
      await connecting;
      await polling;
      await dispatcher.drain();
      settle({ reason: "stopped" });
      if (wasRunning) logger.info({}, "telegram: adapter stopped");
    })();
    return stopping;
  }

  const webhookHandler = createWebhookEndpoint({
    secret: webhook?.secret,
    maxBodyBytes: webhook?.maxBodyBytes ?? 0,
    logger,
    accept,
  });
  const webhookPath = webhook ? new URL(webhook.url).pathname : undefined;
  return {
    name: "telegram",
    mode: webhook ? "webhook" : "polling",
    webhookHandler,
    webhookPath,
    routes: new Map(webhookPath === undefined ? [] : [[webhookPath, webhookHandler]]),
    start,
    stop,
    finished,
    status: () => health.status(),
  };
}
