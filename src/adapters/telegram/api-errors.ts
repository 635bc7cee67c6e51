// Log-safe summaries and classification (status, retry-after, transient) of the Bot API library's errors.
import { NetworkError, ParseError, TelegramApiError, TimeoutError } from "node-telegram-bot-api";
import { type ErrorSummary, errorSummary } from "../shared/errors.js";

/**
 * Summarises `err` for a log line with the shared summary, the bot token scrubbed; a Telegram API error is
 * described by its own description and status.
 */
export function describeError(err: unknown, token: string): ErrorSummary {
  if (err instanceof TelegramApiError) {
    return errorSummary(err, [token], { message: err.description, code: err.code, status: err.errorCode });
  }
  return errorSummary(err, [token]);
}

/** The HTTP-like status of a Telegram API error, if `err` is one. */
export function apiStatus(err: unknown): number | undefined {
  return err instanceof TelegramApiError ? err.errorCode : undefined;
}

/** The retry_after of a 429 in seconds, if `err` is one. */
export function retryAfterSeconds(err: unknown): number | undefined {
  return err instanceof TelegramApiError && err.errorCode === 429 ? err.retryAfter : undefined;
}

/**
 * Whether trying `err`'s request again later may succeed: the Bot API could not be reached, timed out, answered
 * garbage or a 5xx. A 4xx (bad request, blocked by the user, chat gone) will fail the same way again.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof TelegramApiError) return err.errorCode >= 500;
  return err instanceof NetworkError || err instanceof TimeoutError || err instanceof ParseError;
}
