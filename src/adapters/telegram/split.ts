// Splits a long reply into Telegram-sized parts with the shared splitter: paragraphs, then lines, then words.
import { PROSE_SEPARATORS, splitText } from "../shared/split.js";

/** Telegram's limit for one message's text (after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits `text` into parts of at most `limit` UTF-16 units (so also at most `limit` characters).
 * Markup never gets longer when rendered, so each part stays within Telegram's limit once rendered.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  return splitText(text, { limit, separators: PROSE_SEPARATORS });
}
