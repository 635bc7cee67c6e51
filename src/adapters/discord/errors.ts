// DiscordAdapterError: configuration and login failures of the Discord adapter, with a stable `code`.
import { CrampBotError } from "../../core/errors.js";

export type DiscordErrorCode =
  | "DISCORD_TOKEN_MISSING"
  | "DISCORD_TOKEN_MALFORMED"
  | "DISCORD_APPLICATION_ID_MISSING"
  | "DISCORD_APPLICATION_ID_MALFORMED"
  | "DISCORD_GUILD_ID_MALFORMED"
  | "DISCORD_API_ROOT_MALFORMED"
  | "DISCORD_TOKEN_REJECTED"
  | "DISCORD_INTENTS_DISALLOWED"
  | "DISCORD_LOGIN_FAILED"
  | "DISCORD_REGISTER_FAILED"
  | "DISCORD_ALREADY_STARTED"
  | "DISCORD_SHARDING_MALFORMED"
  | "DISCORD_SHARD_COUNT_MALFORMED"
  | "DISCORD_SHARDS_FAILED";

/** Thrown for a missing or malformed DISCORD_TOKEN / DISCORD_APPLICATION_ID and for failed logins. */
export class DiscordAdapterError extends CrampBotError {
  override readonly name = "DiscordAdapterError";
  declare readonly code: DiscordErrorCode;

  /** `options.cause`: the underlying error (a discord.js error for login / registration failures). */
  constructor(code: DiscordErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}
