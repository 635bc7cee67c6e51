// Maps Discord messages and interactions to the core's IncomingMessage, with the conversation id rule.
import type { IncomingMessage } from "../../core/types.js";

export const PLATFORM = "discord";

/** Where something happened: a DM, or a guild channel (threads count as channels). */
export interface Origin {
  userId: string;
  /** null for a DM with the bot. */
  guildChannelId: string | null;
}

/**
 * `discord:dm:<user id>` in a DM, `discord:<channel id>:<user id>` in a guild channel, so two people in one
 * channel each keep their own context.
 */
export function conversationId(origin: Origin): string {
  return origin.guildChannelId === null
    ? `${PLATFORM}:dm:${origin.userId}`
    : `${PLATFORM}:${origin.guildChannelId}:${origin.userId}`;
}

/** Removes the bot's mentions (<@id> and the legacy <@!id>) and tidies the whitespace left behind. */
export function stripBotMention(text: string, botId: string): string {
  return text
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function textMessage(origin: Origin, text: string): IncomingMessage {
  return {
    platform: PLATFORM,
    conversationId: conversationId(origin),
    userId: origin.userId,
    kind: "text",
    text,
  };
}

export function buttonMessage(origin: Origin, buttonId: string): IncomingMessage {
  return {
    platform: PLATFORM,
    conversationId: conversationId(origin),
    userId: origin.userId,
    kind: "button",
    buttonId,
  };
}

/** A message that carried only attachments, stickers or the like. */
export function unsupportedMessage(origin: Origin): IncomingMessage {
  return {
    platform: PLATFORM,
    conversationId: conversationId(origin),
    userId: origin.userId,
    kind: "unsupported",
  };
}
