// Renders the core's light markup as Discord markdown, defuses pings, and splits text at Discord's 2,000 limit.

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

const SEPARATORS = ["\n\n", "\n", " "] as const;

/**
 * Splits text into parts of at most `limit` characters: at paragraph breaks first, then at line breaks,
 * then between words, and only as a last resort inside a word (never inside a surrogate pair).
 */
export function splitMessage(text: string, limit: number = DISCORD_CONTENT_LIMIT): string[] {
  const parts = splitAt(text, limit, 0)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.length > 0 ? parts : [text.trim()];
}

function splitAt(text: string, limit: number, level: number): string[] {
  if (text.length <= limit) return [text];
  const separator = SEPARATORS[level];
  if (separator === undefined) return hardCut(text, limit);
  const pieces = text.split(separator).flatMap((piece) => splitAt(piece, limit, level + 1));
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current === undefined) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

function hardCut(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks;
}
