// "Helpful?" under an answer on Discord: one action row of the two vote buttons, above the suggestions. A press
// comes back as a button interaction whose custom_id is the vote id.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from "discord.js";
import type { FeedbackAsk } from "../../core/types.js";
import { CUSTOM_ID_LIMIT } from "./buttons.js";

/** Discord allows this many action rows on one message. */
const MAX_ROWS = 5;

/** `rows` with the vote row first; unchanged when the reply does not ask (or there is no room). */
export function withFeedbackRow(
  rows: ActionRowBuilder<ButtonBuilder>[],
  feedback: FeedbackAsk | undefined,
): ActionRowBuilder<ButtonBuilder>[] {
  if (feedback === undefined || rows.length >= MAX_ROWS) return rows;
  const options = [feedback.yes, feedback.no];
  if (options.some((option) => option.id.length > CUSTOM_ID_LIMIT)) return rows;
  const buttons = options.map((option) =>
    new ButtonBuilder().setCustomId(option.id).setLabel(option.label).setStyle(ButtonStyle.Secondary),
  );
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons), ...rows];
}
