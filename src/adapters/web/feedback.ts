// "Helpful?" in the web chat's protocol: an answer's message carries `feedback` (the question and the two votes, each
// with what screen readers say); the page (public/feedback.js) shows two buttons under the bubble and sends a press
// back as a quick reply whose payload is the vote id.
import type { Reply } from "../../core/types.js";

/** The `feedback` field of an outgoing message. */
export interface OutgoingFeedback {
  question: string;
  options: { vote: "yes" | "no"; title: string; label: string; payload: string }[];
}

/** `{ feedback }` for an answer that asks, else nothing (the field is absent). */
export function feedbackField(reply: Reply): { feedback?: OutgoingFeedback } {
  const ask = reply.feedback;
  if (ask === undefined) return {};
  return {
    feedback: {
      question: ask.question,
      options: [
        { vote: "yes", title: ask.yes.label, label: ask.yes.description, payload: ask.yes.id },
        { vote: "no", title: ask.no.label, label: ask.no.description, payload: ask.no.id },
      ],
    },
  };
}
