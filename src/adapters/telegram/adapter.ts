// Wires the Telegram adapter: start (getMe, commands, webhook or polling), per-update handling, and stop.
import { Api, type Update } from "node-telegram-bot-api";
import type { Reply } from "../../core/types.js";
import { TELEGRAM_COMMANDS } from "./commands.js";
import { resolveOptions, type TelegramAdapterDeps, type TelegramAdapterOptions } from "./config.js";
import { Dispatcher } from "./dispatcher.js";
import { apiStatus, describeError, TelegramConfigError } from "./errors.js";
import { type BotIdentity, chatKeyOf, type ReplyTarget, translateUpdate } from "./inbound.js";
import { UpdateLedger } from "./ledger.js";
import { Outbox } from "./outbound.js";
import { ALLOWED_UPDATES, type PollingOutcome, runPolling } from "./polling.js";
import { type AcceptResult, createWebhookEndpoint, type WebhookRequestHandler } from "./webhook.js";

export type TelegramRunOutcome = PollingOutcome;

export interface TelegramAdapter {
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
   * the background. Throws TelegramConfigError when Telegram rejects the token or the webhook.
   */
  start(): Promise<void>;
  /** Stops polling (or accepting webhook updates) and waits for updates being handled. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the adapter stops: after stop(), or when polling gave up (409s, token rejected). */
  readonly finished: Promise<TelegramRunOutcome>;
}

const APOLOGY: Reply = {
  intent: "fallback",
  text: "Sorry, something went wrong on my side. Please try again in a moment.",
  suggestions: [],
  section: null,
};

/** Creates the adapter. Throws TelegramConfigError at once for a missing or malformed token or bad webhook options. */
export function createTelegramAdapter(
  deps: TelegramAdapterDeps,
  options: TelegramAdapterOptions,
): TelegramAdapter {
  const settings = resolveOptions(options);
  const { handler, logger } = deps;
  const { token, webhook } = settings;
  const api = new Api(token, {
    ...(settings.apiRoot === undefined ? {} : { apiRoot: settings.apiRoot }),
    maxRetries: settings.requestRetries,
    timeoutMs: settings.requestTimeoutMs,
    // Surface every 429 instead of letting the library sleep: the Outbox and the polling loop wait
    // out retry_after themselves, with the injected sleep.
    maxRetryAfterMs: 1,
  });
  const outbox = new Outbox(api, logger, {
    token,
    sleep: settings.sleep,
    maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
    maxRateLimitAttempts: settings.maxRateLimitAttempts,
  });
  const ledger = new UpdateLedger(deps.store, logger, token);
  const dispatcher = new Dispatcher();
  const controller = new AbortController();
  let identity: BotIdentity | undefined;
  let state: "new" | "starting" | "running" | "stopping" = "new";
  let polling: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let settle: (outcome: TelegramRunOutcome) => void = () => {};
  const finished = new Promise<TelegramRunOutcome>((resolve) => {
    settle = resolve;
  });

  function startTyping(target: ReplyTarget): () => void {
    if (settings.typingDelayMs <= 0) return () => {};
    const timer = setTimeout(() => {
      const params = {
        chat_id: target.chatId,
        action: "typing",
        ...(target.threadId === undefined ? {} : { message_thread_id: target.threadId }),
      };
      api
        .sendChatAction(params)
        .catch((err: unknown) =>
          logger.debug({ err: describeError(err, token) }, "telegram: typing indicator failed"),
        );
    }, settings.typingDelayMs);
    return () => clearTimeout(timer);
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

  async function handleUpdate(update: Update, bot: BotIdentity): Promise<void> {
    const updateId = update.update_id;
    if (!(await ledger.claim(updateId))) {
      logger.debug({ updateId }, "telegram: update already handled; skipped");
      return;
    }
    const inbound = translateUpdate(update, bot);
    if (inbound.callbackQueryId !== undefined) await acknowledge(inbound.callbackQueryId, updateId);
    if (inbound.action === "ignore") {
      logger.debug({ updateId, reason: inbound.reason }, "telegram: update ignored");
      return;
    }
    const { message, target } = inbound;
    const context = { updateId, conversationId: message.conversationId, kind: message.kind };
    logger.debug(context, "telegram: update received");
    const stopTyping = startTyping(target);
    let reply: Reply;
    try {
      reply = await handler.handle(message);
    } catch (err) {
      stopTyping();
      logger.error(
        { ...context, err: describeError(err, token) },
        "telegram: the message handler failed; the bot goes on",
      );
      await outbox.sendReply(target, APOLOGY, { updateId });
      return;
    }
    stopTyping();
    await outbox.sendReply(target, reply, { updateId });
  }

  function dispatch(update: Update, bot: BotIdentity): void {
    dispatcher.dispatch(chatKeyOf(update), async () => {
      try {
        await handleUpdate(update, bot);
      } catch (err) {
        logger.error(
          { updateId: update.update_id, err: describeError(err, token) },
          "telegram: handling an update failed",
        );
      }
    });
  }

  function accept(update: Update): AcceptResult {
    if (state === "stopping") return "stopping";
    if (state !== "running" || identity === undefined) return "not-ready";
    if (dispatcher.size >= settings.maxInFlight) return "busy";
    dispatch(update, identity);
    return "accepted";
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

  async function start(): Promise<void> {
    if (state !== "new") throw new Error(`The Telegram adapter cannot start: it is ${state}.`);
    state = "starting";
    try {
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
      identity = bot;
      await registerCommands();
      if (webhook) await setWebhook(webhook.url, webhook.secret);
      else await removeStaleWebhook();
      if (controller.signal.aborted) return;
      state = "running";
      if (!webhook) {
        polling = runPolling({
          api,
          logger,
          token,
          sleep: settings.sleep,
          signal: controller.signal,
          timeoutSeconds: settings.pollingTimeoutSeconds,
          maxConflictRetries: settings.maxConflictRetries,
          retryBaseDelayMs: settings.retryBaseDelayMs,
          retryMaxDelayMs: settings.retryMaxDelayMs,
          maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
          beforePoll: () => dispatcher.waitForRoom(settings.maxInFlight),
          onUpdate: (update) => dispatch(update, bot),
        }).then(settle, (err: unknown) => {
          logger.error({ err: describeError(err, token) }, "telegram: polling crashed");
          settle({ reason: "fatal", error: err instanceof Error ? err : new Error(String(err)) });
        });
      }
      logger.info({ mode: webhook ? "webhook" : "polling", bot: bot.username }, "telegram: adapter started");
    } catch (err) {
      if (state === "starting") state = "new";
      throw err;
    }
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      const wasRunning = state === "running";
      state = "stopping";
      controller.abort();
      await polling;
      await dispatcher.drain();
      settle({ reason: "stopped" });
      if (wasRunning) logger.info({}, "telegram: adapter stopped");
    })();
    return stopping;
  }

  return {
    mode: webhook ? "webhook" : "polling",
    webhookHandler: createWebhookEndpoint({
      secret: webhook?.secret,
      maxBodyBytes: webhook?.maxBodyBytes ?? 0,
      logger,
      accept,
    }),
    webhookPath: webhook ? new URL(webhook.url).pathname : undefined,
    start,
    stop,
    finished,
  };
}
