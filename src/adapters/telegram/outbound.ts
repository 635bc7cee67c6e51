// Sends replies to Telegram: HTML parts within the length limit, keyboard on the last part, 429s waited out,
// transient failures retried with backoff, and a reply that finally cannot be sent reported (and counted). A reply
// with a picture goes first as a photo with its caption (photo.ts); a picture that cannot be rendered is left out.
import type { Api } from "node-telegram-bot-api";
import type { Logger, Reply } from "../../core/types.js";
import type { PngRenderer, RenderedPicture } from "../shared/png.js";
import { apiStatus, describeError, isTransient, retryAfterSeconds } from "./api-errors.js";
import { withFeedbackRow } from "./feedback.js";
import type { ReplyTarget } from "./inbound.js";
import { withoutIds } from "./log-keys.js";
import type { Sleep } from "./options.js";
import { photoFile, splitCaption } from "./photo.js";
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
  /** Renders reply pictures to PNG (once per picture). Default: none (pictures are left out, the text is sent). */
  pictures?: PngRenderer;
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
    const picture = await this.picture(reply, context);
    const { caption, rest } = picture ? splitCaption(reply.text) : { caption: undefined, rest: [] };
    const parts = picture ? rest : splitMessage(reply.text);
    const suggestions = buildKeyboard(reply.suggestions, (suggestion) =>
      this.logger.warn(
        { updateId: context.updateId, suggestionIdBytes: Buffer.byteLength(suggestion.id, "utf8") },
        "telegram: dropped a suggestion whose id does not fit callback_data (1-64 bytes)",
      ),
    );
    const keyboard = withFeedbackRow(suggestions, reply.feedback);
    if (picture) {
      const photo = { picture, caption: caption ?? "" };
      const sent = await this.sendPart(
        target,
        photo.caption,
        parts.length === 0 ? keyboard : undefined,
        true,
        context,
        photo,
      );
      if (!sent) return false;
      for (const [index, part] of parts.entries()) {
        const last = index === parts.length - 1;
        if (!(await this.sendPart(target, part, last ? keyboard : undefined, false, context))) return false;
      }
      return true;
    }
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

  /** The reply's picture as PNG; null without one, without a renderer, or when rendering fails (logged). */
  private async picture(reply: Reply, context: SendContext): Promise<RenderedPicture | null> {
    if (!reply.image || !this.settings.pictures) return null;
    try {
      return await this.settings.pictures.render(reply.image);
    } catch (err) {
      this.logger.error(
        {
          updateId: context.updateId,
          picture: reply.image.name,
          err: describeError(err, this.settings.token),
        },
        "telegram: rendering a picture failed; sending the text alone",
      );
      return null;
    }
  }

  private async sendPart(
    target: ReplyTarget,
    markup: string,
    keyboard: InlineKeyboard | undefined,
    first: boolean,
    context: SendContext,
    photo?: { picture: RenderedPicture },
  ): Promise<boolean> {
    const base = {
      chat_id: target.chatId,
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
        if (photo) {
          // A fresh InputFile per attempt: the bytes are in memory, so a retry sends them again.
          const file = photoFile(photo.picture);
          await this.call("sendPhoto", () =>
            this.api.sendPhoto(
              plain
                ? { ...base, photo: file, caption: markupToPlain(markup) }
                : { ...base, photo: file, caption: markupToHtml(markup), parse_mode: "HTML" },
            ),
          );
        } else {
          const text = { link_preview_options: { is_disabled: true } };
          await this.call("sendMessage", () =>
            this.api.sendMessage(
              plain
                ? { ...base, ...text, text: markupToPlain(markup) }
                : { ...base, ...text, text: markupToHtml(markup), parse_mode: "HTML" },
            ),
          );
        }
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
