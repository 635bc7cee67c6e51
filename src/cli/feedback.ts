/**
 * "Helpful?" in the terminal chat: after an answer that asks, one line names the two votes, and `+` or `-` typed as
 * the very next message is that vote (a button press, as on the other platforms). Anywhere else `+` and `-` are
 * ordinary text.
 */
import type { FeedbackAsk, IncomingMessage } from "../core/types.js";

/** The line shown under an answer that asks. */
export function feedbackHint(feedback: FeedbackAsk | undefined, dim: (s: string) => string): string {
  if (feedback === undefined) return "";
  return `\n\n${dim(`${feedback.question} Type + (${feedback.yes.label}) or - (${feedback.no.label}).`)}`;
}

/** The vote `text` stands for right after `feedback` was asked, else null. */
export function voteMessage(
  text: string,
  feedback: FeedbackAsk | undefined,
  base: Pick<IncomingMessage, "platform" | "conversationId" | "userId">,
): IncomingMessage | null {
  if (feedback === undefined || (text !== "+" && text !== "-")) return null;
  return { ...base, kind: "button", buttonId: text === "+" ? feedback.yes.id : feedback.no.id };
}
