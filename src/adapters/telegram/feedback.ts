// "Helpful?" under an answer on Telegram: one inline-keyboard row of the two votes, above the suggestions. A vote
// comes back as a callback query (answered like any button) with the vote id as its callback_data.
import type { FeedbackAsk } from "../../core/types.js";
import { CALLBACK_DATA_MAX_BYTES, type InlineKeyboard } from "./render.js";

/** `keyboard` with the vote row first; unchanged when the reply does not ask (or an id would not fit). */
export function withFeedbackRow(
  keyboard: InlineKeyboard | undefined,
  feedback: FeedbackAsk | undefined,
): InlineKeyboard | undefined {
  if (feedback === undefined) return keyboard;
  const row = [feedback.yes, feedback.no].map((option) => ({ text: option.label, callback_data: option.id }));
  if (row.some((button) => Buffer.byteLength(button.callback_data, "utf8") > CALLBACK_DATA_MAX_BYTES))
    return keyboard;
  return { inline_keyboard: [row, ...(keyboard?.inline_keyboard ?? [])] };
}
