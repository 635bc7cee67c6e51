// Sends replies to Telegram: HTML parts within the length limit, keyboard on the last part, 429s waited out,
// transient failures retried with backoff, and a reply that finally cannot be sent reported (and counted).
import type { Api } from "node-telegram-bot-api";
import type { Logger, Reply } from "../../core/types.js";
import { apiStatus, describeError, isTransient, retryAfterSeconds } from "./api-errors.js";
import { withFeedbackRow } from "./feedback.js";
import type { ReplyTarget } from "./inbound.js";
import { withoutIds } from "./log-keys.js";
import type { Sleep } from "./options.js";
import { buildKeyboard, type InlineKeyboard, markupToHtml, markupToPlain } from "./render.js";
import { splitMessage } from "./split.js";

/** Why a reply was not delivered: the chat refuses the bot (403), Telegram refused the message, or no Bot API. */
export type UndeliveredReason = "blocked" | "rejected" | "unreachable";

export interface OutboxSettings {
  token: string;
  sleep: Sleep;
  maxRateLimitWaitMs: number;
  maxRateLimitAttempts: number;
  /** Attempts of one message part when the Bot API fails transiently (network, timeout, 5xx). */
  sendAttempts: number;
  /** First wait before retrying a part; doubles up to `sendRetryMaxDelayMs`. */
  sendRetryBaseDelayMs: number;
  sendRetryMaxDelayMs: number;
  /** Told once per reply that could not be delivered (after the retries); the service counts it. */
  onUndelivered: (reason: UndeliveredReason) => void;
  /** Told after every part sent. */
  onSent: () => void;
}

/** What a log line may say about the reply being sent: never the chat id, only the conversation's short hash. */
export interface SendContext {
  updateId: number;
  conversation: string;
}

export class Outbox {
  constructor(
    private readonly api: Api,
    private readonly logger: Logger,
    private readonly settings: OutboxSettings,
  ) {}

  /**
   * Runs one API call, waiting out 429 answers (retry_after, through the injected sleep) up to the
   * configured number of attempts and longest wait. Other errors are thrown.
   */
  async call<T>(method: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        const retryAfter = retryAfterSeconds(err);
        const waitMs = (retryAfter ?? 1) * 1000;
        if (
          apiStatus(err) !== 429 ||
          attempt >= this.settings.maxRateLimitAttempts ||
          waitMs > this.settings.maxRateLimitWaitMs
        ) {
          throw err;
        }
        this.logger.warn(
          { method, retryAfterSeconds: retryAfter ?? 1, attempt },
          "telegram: rate limited (429); waiting before retrying",
        );
        await this.settings.sleep(waitMs);
      }
    }
  }

  /**
   * Sends `reply` to `target`, split into parts. Returns false if a part could not be sent after its retries
   * (already logged and reported through `onUndelivered`); the parts after it are not sent.
   */
  async sendReply(target: ReplyTarget, reply: Reply, context: SendContext): Promise<boolean> {
    const parts = splitMessage(reply.text);
    const suggestions = buildKeyboard(reply.suggestions, (suggestion) =>
      this.logger.warn(
        { updateId: context.updateId, suggestionIdBytes: Buffer.byteLength(suggestion.id, "utf8") },
        "telegram: dropped a suggestion whose id does not fit callback_data (1-64 bytes)",
      ),
    );
    const keyboard = withFeedbackRow(suggestions, reply.feedback);
    if (parts.length === 0) {
      this.logger.warn(
        { updateId: context.updateId, intent: reply.intent },
        "telegram: the handler returned an empty reply",
      );
      return false;
    }
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      const sent = await this.sendPart(target, part, last ? keyboard : undefined, index === 0, context);
      if (!sent) return false;
    }
    return true;
  }

  private async sendPart(
    target: ReplyTarget,
    markup: string,
    keyboard: InlineKeyboard | undefined,
    first: boolean,
    context: SendContext,
  ): Promise<boolean> {
    const base = {
      chat_id: target.chatId,
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
      ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
      ...(first && target.replyToMessageId !== undefined
        ? { reply_parameters: { message_id: target.replyToMessageId, allow_sending_without_reply: true } }
        : {}),
    };
    let plain = false;
    let failure: unknown;
    for (let attempt = 1; attempt <= this.settings.sendAttempts; attempt++) {
      try {
        await this.call("sendMessage", () =>
          this.api.sendMessage(
            plain
              ? { ...base, text: markupToPlain(markup) }
              : { ...base, text: markupToHtml(markup), parse_mode: "HTML" },
          ),
        );
        this.settings.onSent();
        return true;
      } catch (err) {
        failure = err;
      }
      if (
        !plain &&
        apiStatus(failure) === 400 &&
        /can't parse entities/i.test(describeError(failure, "").message)
      ) {
        // Should not happen (everything is escaped); send the text without markup rather than nothing.
        this.logger.error(
          { updateId: context.updateId, err: describeError(failure, this.settings.token) },
          "telegram: HTML refused; sending plain text",
        );
        plain = true;
        attempt -= 1;
        continue;
      }
      if (!isTransient(failure) || attempt >= this.settings.sendAttempts) break;
      const delayMs = Math.min(
        this.settings.sendRetryBaseDelayMs * 2 ** (attempt - 1),
        this.settings.sendRetryMaxDelayMs,
      );
      this.logger.warn(
        {
          updateId: context.updateId,
          conversation: context.conversation,
          attempt,
          delayMs,
          err: withoutIds(describeError(failure, this.settings.token), [String(target.chatId)]),
        },
        "telegram: sending a reply failed; retrying",
      );
      await this.settings.sleep(delayMs);
    }
    const reason: UndeliveredReason =
      apiStatus(failure) === 403 ? "blocked" : isTransient(failure) ? "unreachable" : "rejected";
    this.logger[reason === "blocked" ? "info" : "error"](
      {
        updateId: context.updateId,
        conversation: context.conversation,
        reason,
        err: withoutIds(describeError(failure, this.settings.token), [String(target.chatId)]),
      },
      reason === "blocked"
        ? "telegram: the bot cannot write to this chat (blocked or removed); reply not delivered"
        : "telegram: sending a reply failed for good; reply not delivered",
    );
    this.settings.onUndelivered(reason);
    return false;
  }
}
