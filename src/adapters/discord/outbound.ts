// Turns a core Reply into the Discord message parts to send: rendered, split, buttons on the last part.
import type {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  EmbedBuilder,
  MessageMentionOptions,
} from "discord.js";
import type { Reply } from "../../core/types.js";
import { suggestionRows } from "./buttons.js";
import { withFeedbackRow } from "./feedback.js";
import { renderReplyText, splitMessage } from "./render.js";

/** No reply may ping anyone: no @everyone/@here, roles, users, nor the author of the replied-to message. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

export interface OutgoingPart {
  content: string;
  components: ActionRowBuilder<ButtonBuilder>[];
  allowedMentions: MessageMentionOptions;
  /** The reply's picture as an upload, and the embed showing it (first part only; see attachment.ts). */
  files?: AttachmentBuilder[];
  embeds?: EmbedBuilder[];
}

export function replyParts(reply: Reply): OutgoingPart[] {
  const rows = withFeedbackRow(suggestionRows(reply.suggestions ?? []), reply.feedback);
  let texts = splitMessage(renderReplyText(reply.text ?? ""));
  // Discord refuses a message with neither content nor components.
  if (rows.length === 0 && texts.every((text) => text === "")) texts = ["…"];
  return texts.map((content, index) => ({
    content,
    components: index === texts.length - 1 ? rows : [],
    allowedMentions: NO_PINGS,
  }));
}
