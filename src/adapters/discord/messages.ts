// Answers direct messages and mentions of the bot in guild channels; ignores bots (itself included) and the rest.
import type { Message, SendableChannels } from "discord.js";
import type { IncomingMessage } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";
import { conversationHash } from "../shared/hash.js";
import { typingAfter } from "../shared/typing.js";
import { partsWithPicture } from "./attachment.js";
import { type AdapterContext, ask } from "./context.js";
import { type Origin, stripBotMention, textMessage, unsupportedMessage } from "./conversation.js";

/** A DM from a human, or a guild message from a human that mentions the bot itself (not @everyone or a role). */
export function shouldAnswer(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId || message.system || message.webhookId) return false;
  if (!message.inGuild()) return true;
  return message.mentions.users.has(botId);
}

export function toIncoming(message: Message, botId: string): IncomingMessage {
  const origin: Origin = {
    userId: message.author.id,
    guildChannelId: message.inGuild() ? message.channelId : null,
  };
  const text = stripBotMention(message.content, botId);
  const hasOtherContent = message.attachments.size > 0 || message.stickers.size > 0;
  return text === "" && hasOtherContent ? unsupportedMessage(origin) : textMessage(origin, text);
}

export async function onMessage(context: AdapterContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  if (!shouldAnswer(message, botId)) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const incoming = toIncoming(message, botId);
  context.logger.debug(
    {
      platform: "discord",
      conversation: conversationHash(incoming.conversationId),
      kind: incoming.kind,
      messageId: message.id,
    },
    "discord: message received",
  );
  await context.sequencer.run(incoming.conversationId, () => answer(context, message, channel, incoming));
}

async function answer(
  context: AdapterContext,
  message: Message,
  channel: SendableChannels,
  incoming: IncomingMessage,
): Promise<void> {
  const stopTyping = typingAfter(
    context.typingDelayMs,
    () => channel.sendTyping(),
    (error) =>
      context.logger.debug({ platform: "discord", err: errorSummary(error) }, "discord: typing failed"),
  );
  const reply = await ask(context, incoming).finally(stopTyping);
  const parts = await partsWithPicture(context, reply ?? context.apology);
  try {
    for (const [index, part] of parts.entries()) {
      // In a guild channel the first part replies to the question, so readers see who was answered.
      if (index === 0 && message.inGuild()) await message.reply(part);
      else await channel.send(part);
    }
  } catch (error) {
    context.logger.warn(
      {
        platform: "discord",
        conversation: conversationHash(incoming.conversationId),
        err: errorSummary(error),
      },
      "discord: sending the reply failed",
    );
  }
}
