// The Telegram adapter's public surface; the rest of the folder is internal.
export { createTelegramAdapter, type TelegramAdapter, type TelegramRunOutcome } from "./adapter.js";
export { TELEGRAM_COMMANDS } from "./commands.js";
export { TelegramConfigError, type TelegramConfigErrorCode } from "./errors.js";
export { handledUpdateKey } from "./ledger.js";
export {
  assertTelegramToken,
  type Sleep,
  type TelegramAdapterDeps,
  type TelegramAdapterOptions,
  type TelegramWebhookOptions,
  telegramOptionsFromEnv,
} from "./options.js";
export type { UndeliveredReason } from "./outbound.js";
export type { WebhookRequestHandler } from "./webhook.js";
