// Turns a Telegram update into a platform-neutral IncomingMessage, or decides to ignore it (group rules, service messages).
import type { CallbackQuery, Message, MessageEntity, Update } from "node-telegram-bot-api";
import type { IncomingMessage } from "../../core/types.js";
import { commandText, parseCommand } from "./commands.js";

/** Who the bot is (from getMe); needed to recognise mentions and replies to it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** Where and how to answer an update. */
export interface ReplyTarget {
  chatId: number;
  /** Quote the user's message (groups, so it is clear whom the bot answers). */
  replyToMessageId?: number;
  /** Forum topic to answer in. */
  threadId?: number;
}

export type Inbound =
  | { action: "ignore"; reason: string; callbackQueryId?: string }
  | { action: "handle"; message: IncomingMessage; target: ReplyTarget; callbackQueryId?: string };

/** Message fields that carry content the bot cannot read; they get a kind "unsupported" message. */
const UNSUPPORTED_CONTENT = [
  "sticker",
  "photo",
  "voice",
  "video",
  "video_note",
  "audio",
  "document",
  "animation",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
  "game",
  "story",
  "paid_media",
  "live_photo",
  "checklist",
] as const;

function isGroup(type: string): boolean {
  return type === "group" || type === "supergroup";
}

/** The key updates of one chat are serialised on (answers in a chat stay in order). Takes a validated update. */
export function chatKeyOf(update: Update): string {
  if ("message" in update) return `chat:${update.message.chat.id}`;
  if ("callback_query" in update) {
    const chatId = update.callback_query.message?.chat.id ?? update.callback_query.from.id;
    return `chat:${chatId}`;
  }
  return "other";
}

function conversationId(chat: { id: number; type: string }, userId: number): string {
  return isGroup(chat.type) ? `telegram:${chat.id}:${userId}` : `telegram:${chat.id}`;
}

function mentionsBot(
  text: string,
  entities: readonly MessageEntity[] | undefined,
  bot: BotIdentity,
): boolean {
  const handle = `@${bot.username}`.toLowerCase();
  for (const entity of entities ?? []) {
    if (entity.type === "text_mention" && entity.user?.id === bot.id) return true;
    if (
      entity.type === "mention" &&
      text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === handle
    ) {
      return true;
    }
  }
  return mentionPattern(bot).test(text);
}

function mentionPattern(bot: BotIdentity): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_@])@${bot.username}(?![A-Za-z0-9_])`, "i");
}

function stripMention(text: string, bot: BotIdentity): string {
  const pattern = new RegExp(mentionPattern(bot).source, "gi");
  return text
    .replace(pattern, "$1")
    .replace(/^[\s,:;.!-]+/, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

function target(message: Message, group: boolean): ReplyTarget {
  const out: ReplyTarget = { chatId: message.chat.id };
  if (group) out.replyToMessageId = message.message_id;
  if (message.is_topic_message && message.message_thread_id !== undefined)
    out.threadId = message.message_thread_id;
  return out;
}

function fromMessage(message: Message, bot: BotIdentity): Inbound {
  const from = message.from;
  if (!from || from.is_bot) return { action: "ignore", reason: "not from a person" };
  const chat = message.chat;
  const group = isGroup(chat.type);
  if (!group && chat.type !== "private") return { action: "ignore", reason: `chat type ${chat.type}` };
  const base = {
    platform: "telegram",
    conversationId: conversationId(chat, from.id),
    userId: String(from.id),
  };
  const repliesToBot = message.reply_to_message?.from?.id === bot.id;

  // A caption is what the person wrote about a photo or document: read it as the message (a red flag in a
  // caption is answered like one in a text).
  const written =
    typeof message.text === "string"
      ? { text: message.text, entities: message.entities }
      : typeof message.caption === "string" && message.caption.trim() !== ""
        ? { text: message.caption, entities: message.caption_entities }
        : undefined;
  if (written !== undefined) {
    const command = parseCommand(written.text);
    if (command) {
      const ours =
        command.target === undefined
          ? command.known
          : command.target.toLowerCase() === bot.username.toLowerCase();
      if (group && !ours) return { action: "ignore", reason: "command for someone else" };
      return {
        action: "handle",
        message: { ...base, kind: "text", text: commandText(command) },
        target: target(message, group),
      };
    }
    const mentioned = mentionsBot(written.text, written.entities, bot);
    if (group && !mentioned && !repliesToBot)
      return { action: "ignore", reason: "group message not addressed to the bot" };
    const text = mentioned ? stripMention(written.text, bot) : written.text.trim();
    // A bare "@bot" is treated like /start: the person wants to know what the bot does.
    return {
      action: "handle",
      message: { ...base, kind: "text", text: text === "" ? "/start" : text },
      target: target(message, group),
    };
  }

  if (UNSUPPORTED_CONTENT.some((field) => message[field] !== undefined)) {
    if (group && !repliesToBot) return { action: "ignore", reason: "group media not addressed to the bot" };
    return { action: "handle", message: { ...base, kind: "unsupported" }, target: target(message, group) };
  }
  return { action: "ignore", reason: "service message" };
}

function fromCallback(query: CallbackQuery): Inbound {
  const callbackQueryId = query.id;
  if (query.from.is_bot) return { action: "ignore", reason: "not from a person", callbackQueryId };
  if (typeof query.data !== "string" || query.data === "")
    return { action: "ignore", reason: "no callback data", callbackQueryId };
  const chat = query.message?.chat;
  if (query.message === undefined && query.inline_message_id !== undefined) {
    return { action: "ignore", reason: "inline message button", callbackQueryId };
  }
  const chatInfo = chat ?? { id: query.from.id, type: "private" };
  if (!isGroup(chatInfo.type) && chatInfo.type !== "private")
    return { action: "ignore", reason: `chat type ${chatInfo.type}`, callbackQueryId };
  const message: IncomingMessage = {
    platform: "telegram",
    conversationId: conversationId(chatInfo, query.from.id),
    userId: String(query.from.id),
    kind: "button",
    buttonId: query.data,
  };
  const out: ReplyTarget = { chatId: chatInfo.id };
  const original = query.message as Message | undefined;
  if (original?.is_topic_message && original.message_thread_id !== undefined)
    out.threadId = original.message_thread_id;
  return { action: "handle", message, target: out, callbackQueryId };
}

/** Decides what to do with one update. Only `message` and `callback_query` updates are ever handled. */
export function translateUpdate(update: Update, bot: BotIdentity): Inbound {
  if ("message" in update) return fromMessage(update.message, bot);
  if ("callback_query" in update) return fromCallback(update.callback_query);
  return { action: "ignore", reason: "update type not handled" };
}
