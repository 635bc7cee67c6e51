// Role: a reply with a picture, the Telegram way — the PNG as a photo with the reply's first part as its caption
// (Telegram's caption limit is 1,024 characters), the rest as following messages; the keyboard goes on the last.
import { InputFile } from "node-telegram-bot-api";
import type { RenderedPicture } from "../shared/png.js";
import { splitMessage } from "./split.js";

/** Telegram's limit for a photo's caption (after entity parsing). */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * The caption (at most {@link TELEGRAM_CAPTION_LIMIT} characters, cut at a paragraph, line or word) and the rest of
 * the text in message-sized parts. Markup never gets longer when rendered, so the caption fits once rendered too.
 */
export function splitCaption(text: string): { caption: string; rest: string[] } {
  const trimmed = text.trim();
  const caption = splitMessage(trimmed, TELEGRAM_CAPTION_LIMIT)[0] ?? "";
  return { caption, rest: splitMessage(trimmed.slice(caption.length)) };
}

/** The upload for sendPhoto: the PNG bytes as a multipart file part. */
export function photoFile(picture: RenderedPicture): InputFile {
  return new InputFile(picture.png, { filename: picture.filename, contentType: "image/png" });
}
