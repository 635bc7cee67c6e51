// Validates the adapter options (token, application id, API root) and reads them from DISCORD_* variables.
import { DiscordAdapterError } from "./errors.js";

/** What the adapter and registerCommands need to talk to Discord. */
export interface DiscordOptions {
  /** The bot token (DISCORD_TOKEN), without the "Bot " prefix. */
  token: string;
  /** The application id (DISCORD_APPLICATION_ID), a snowflake. */
  applicationId: string;
  /** Another REST root, e.g. a local fake: "http://127.0.0.1:PORT" (DISCORD_API_ROOT). discord.js adds /v10. */
  apiRoot?: string;
}

/** Three dot-separated base64url parts: the bot user id, a timestamp and an HMAC. */
const TOKEN_SHAPE = /^[\w-]{16,}\.[\w-]{4,}\.[\w-]{16,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

export function validateToken(token: unknown): string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new DiscordAdapterError(
      "DISCORD_TOKEN_MISSING",
      "DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal (Bot > Reset Token).",
    );
  }
  const trimmed = token.trim();
  if (/^(Bot|Bearer)\s/i.test(trimmed)) {
    throw new DiscordAdapterError(
      "DISCORD_TOKEN_MALFORMED",
      'DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix.',
    );
  }
  if (!TOKEN_SHAPE.test(trimmed)) {
    // Never echo the value: it may be a real secret pasted into the wrong variable.
    throw new DiscordAdapterError(
      "DISCORD_TOKEN_MALFORMED",
      `DISCORD_TOKEN does not look like a Discord bot token (three dot-separated parts; got ${trimmed.length} characters).`,
    );
  }
  return trimmed;
}

export function validateApplicationId(applicationId: unknown): string {
  if (typeof applicationId !== "string" || applicationId.trim() === "") {
    throw new DiscordAdapterError(
      "DISCORD_APPLICATION_ID_MISSING",
      "DISCORD_APPLICATION_ID is not set: copy the Application ID from the Discord developer portal (General Information).",
    );
  }
  const trimmed = applicationId.trim();
  if (!SNOWFLAKE.test(trimmed)) {
    throw new DiscordAdapterError(
      "DISCORD_APPLICATION_ID_MALFORMED",
      `DISCORD_APPLICATION_ID must be a numeric id (17-20 digits), got "${trimmed.slice(0, 40)}".`,
    );
  }
  return trimmed;
}

export function validateGuildId(guildId: string): string {
  if (!SNOWFLAKE.test(guildId.trim())) {
    throw new DiscordAdapterError(
      "DISCORD_GUILD_ID_MALFORMED",
      `The guild id must be a numeric id (17-20 digits), got "${guildId.slice(0, 40)}".`,
    );
  }
  return guildId.trim();
}

export function validateApiRoot(apiRoot: string | undefined): string | undefined {
  if (apiRoot === undefined || apiRoot.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(apiRoot.trim());
  } catch (cause) {
    throw new DiscordAdapterError("DISCORD_API_ROOT_MALFORMED", "DISCORD_API_ROOT is not a URL.", { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DiscordAdapterError("DISCORD_API_ROOT_MALFORMED", "DISCORD_API_ROOT must be an http(s) URL.");
  }
  const root = url.toString().replace(/\/+$/, "");
  if (/\/v\d+$/.test(root)) {
    throw new DiscordAdapterError(
      "DISCORD_API_ROOT_MALFORMED",
      "DISCORD_API_ROOT must not end with the API version (/v10): discord.js appends it.",
    );
  }
  return root;
}

/** Checks every option, throwing a DiscordAdapterError that names the DISCORD_* variable at fault. */
export function validateDiscordOptions(options: DiscordOptions): DiscordOptions {
  const token = validateToken(options.token);
  const applicationId = validateApplicationId(options.applicationId);
  const apiRoot = validateApiRoot(options.apiRoot);
  return apiRoot === undefined ? { token, applicationId } : { token, applicationId, apiRoot };
}

/** Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_ROOT (optional), validated. */
export function discordOptionsFromEnv(env: Record<string, string | undefined> = process.env): DiscordOptions {
  return validateDiscordOptions({
    token: env.DISCORD_TOKEN ?? "",
    applicationId: env.DISCORD_APPLICATION_ID ?? "",
    ...(env.DISCORD_API_ROOT ? { apiRoot: env.DISCORD_API_ROOT } : {}),
  });
}
