// The Telegram adapter's configuration error (no SDK import: the environment schema uses it before any load).
import { CrampBotError } from "../../core/errors.js";

export type TelegramConfigErrorCode =
  | "TELEGRAM_TOKEN_MISSING"
  | "TELEGRAM_TOKEN_MALFORMED"
  | "TELEGRAM_TOKEN_REJECTED"
  | "TELEGRAM_WEBHOOK_INVALID"
  | "TELEGRAM_WEBHOOK_REJECTED";

/** A configuration problem the operator must fix (bad TELEGRAM_TOKEN, bad webhook settings). */
export class TelegramConfigError extends CrampBotError {
  declare readonly code: TelegramConfigErrorCode;

  constructor(code: TelegramConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TelegramConfigError";
  }
}
