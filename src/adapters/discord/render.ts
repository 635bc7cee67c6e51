// Renders the core's light markup as Discord markdown, defuses pings, and splits text at Discord's 2,000 limit.
import { PROSE_SEPARATORS, splitText } from "../shared/split.js";

/** Discord's limit on message content, in characters. */
export const DISCORD_CONTENT_LIMIT = 2000;

const ZWSP = "\u200b";

/**
 * Makes echoed text unable to ping: "@everyone" / "@here" and <@id>, <@!id>, <@&id> get a zero-width space
 * after the "@". (allowedMentions already stops the ping; this also stops the text looking like one.)
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}

/**
 * Escapes the Discord markdown the core's markup does not use (code, strike, spoiler, masked links, headings,
 * quotes, subtext), so echoed user text is shown as typed. `**bold**`, `_italic_` and bare URLs pass through.
 */
export function escapeDiscordOnlyMarkdown(text: string): string {
  return text
    .replace(
      /(https?:\/\/[^\s<>]+)|([\\`~|[])/g,
      (_match, url: string | undefined, char: string | undefined) =>
        url !== undefined ? url : `\\${char ?? ""}`,
    )
    .replace(/^(\s*)(#{1,3}\s|>|-#\s)/gm, "$1\\$2");
}

/** Core markup to Discord markdown: bold and italic are the same; "• " bullets become "- " list items. */
export function renderMarkup(text: string): string {
  return escapeDiscordOnlyMarkdown(text).replace(/^(\s*)• /gm, "$1- ");
}

/** The full rendering of a reply's text for Discord. */
export function renderReplyText(text: string): string {
  return neutraliseMentions(renderMarkup(text.replace(/\r\n?/g, "\n")));
}

/**
 * Splits text into parts of at most `limit` characters with the shared splitter: at paragraph breaks first, then
 * at line breaks, then between words. Blank text gives one empty part (the buttons may still need a message).
 */
export function splitMessage(text: string, limit: number = DISCORD_CONTENT_LIMIT): string[] {
  const parts = splitText(text, { limit, separators: PROSE_SEPARATORS });
  return parts.length > 0 ? parts : [""];
}
