// Renders the core's light markup (**bold**, _italic_, "• " bullets) as Telegram HTML, and suggestions as an inline keyboard.
import type { Suggestion } from "../../core/types.js";

/** Telegram's limit for callback_data, in UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
const MAX_BUTTONS = 12;
const MAX_LABEL_CHARS = 40;
const TWO_PER_ROW_MAX_LABEL = 18;

export interface InlineButton {
  text: string;
  callback_data: string;
}

export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** Escapes the three characters Telegram's HTML parse mode reserves. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// `_italic_` only between non-word characters, so snake_case and URLs stay as they are.
const ITALIC = /(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu;
const BOLD = /\*\*(?=\S)([^\n]*?\S)\*\*/g;

function renderItalic(segment: string): string {
  let out = "";
  let last = 0;
  for (const match of segment.matchAll(ITALIC)) {
    const index = match.index ?? 0;
    out += `${escapeHtml(segment.slice(last, index))}<i>${escapeHtml(match[1] ?? "")}</i>`;
    last = index + match[0].length;
  }
  return out + escapeHtml(segment.slice(last));
}

function renderLine(line: string): string {
  let out = "";
  let last = 0;
  for (const match of line.matchAll(BOLD)) {
    const index = match.index ?? 0;
    out += `${renderItalic(line.slice(last, index))}<b>${renderItalic(match[1] ?? "")}</b>`;
    last = index + match[0].length;
  }
  return out + renderItalic(line.slice(last));
}

/**
 * Core markup to Telegram HTML. Everything that is not markup is escaped, spans never cross a line
 * or each other, so the result always parses. Bullet lines ("• ") need no markup and pass through.
 */
export function markupToHtml(text: string): string {
  return text.split("\n").map(renderLine).join("\n");
}

/** Core markup with the markers removed: the fallback plain text if Telegram ever refuses the HTML. */
export function markupToPlain(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(BOLD, "$1").replace(ITALIC, "$1"))
    .join("\n");
}

function label(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= MAX_LABEL_CHARS ? clean : `${clean.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

/**
 * One button per suggestion, callback_data = suggestion id. Suggestions whose id is empty or over
 * 64 bytes are dropped (a truncated id would name another suggestion) and reported through `onDrop`.
 * Two buttons per row when every label is short, else one per row.
 */
export function buildKeyboard(
  suggestions: readonly Suggestion[],
  onDrop: (suggestion: Suggestion) => void = () => {},
): InlineKeyboard | undefined {
  const buttons: InlineButton[] = [];
  for (const suggestion of suggestions) {
    const bytes = Buffer.byteLength(suggestion.id, "utf8");
    const text = label(suggestion.label);
    if (bytes === 0 || bytes > CALLBACK_DATA_MAX_BYTES || text === "") {
      onDrop(suggestion);
      continue;
    }
    if (buttons.length < MAX_BUTTONS) buttons.push({ text, callback_data: suggestion.id });
  }
  if (buttons.length === 0) return undefined;
  const perRow = buttons.every((button) => button.text.length <= TWO_PER_ROW_MAX_LABEL) ? 2 : 1;
  const rows: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}
