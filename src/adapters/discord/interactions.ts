// Answers slash commands and button clicks: defer at once (Discord allows 3 s), then edit in the handler's reply.
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { IncomingMessage } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";
import { conversationHash } from "../shared/hash.js";
import { partsWithPicture } from "./attachment.js";
import { ASK_OPTION, commandText } from "./commands.js";
import { type AdapterContext, ask } from "./context.js";
import { buttonMessage, type Origin, textMessage } from "./conversation.js";
import { NO_PINGS } from "./outbound.js";

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

function originOf(interaction: Answerable): Origin {
  const guildChannelId = interaction.inGuild() ? (interaction.channelId ?? interaction.guildId) : null;
  return { userId: interaction.user.id, guildChannelId };
}

/** The IncomingMessage for a command or click, or null for a command CrampBot does not know. */
export function toIncoming(interaction: Answerable): IncomingMessage | null {
  const origin = originOf(interaction);
  if (interaction.isButton()) return buttonMessage(origin, interaction.customId);
  const text = commandText(interaction.commandName, interaction.options.getString(ASK_OPTION));
  return text === null ? null : textMessage(origin, text);
}

export async function onInteraction(context: AdapterContext, interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
  const log = { platform: "discord", interactionId: interaction.id };
  const incoming = toIncoming(interaction);
  try {
    if (incoming === null) {
      await interaction.reply({
        content: "I don't know that command. Try /topics.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_PINGS,
      });
      return;
    }
    // Acknowledge first: the handler may take longer than the 3 s Discord allows.
    await interaction.deferReply();
  } catch (error) {
    context.logger.warn(
      { ...log, err: errorSummary(error) },
      "discord: acknowledging the interaction failed",
    );
    return;
  }
  context.logger.debug(
    { ...log, conversation: conversationHash(incoming.conversationId), kind: incoming.kind },
    "discord: interaction received",
  );
  await context.sequencer.run(incoming.conversationId, async () => {
    const reply = await ask(context, incoming);
    const parts = await partsWithPicture(context, reply ?? context.apology);
    try {
      for (const [index, part] of parts.entries()) {
        if (index === 0) await interaction.editReply(part);
        else await interaction.followUp(part);
      }
    } catch (error) {
      context.logger.warn(
        { ...log, conversation: conversationHash(incoming.conversationId), err: errorSummary(error) },
        "discord: sending the interaction reply failed",
      );
    }
  });
}
