/** Role: the schema of intents/feedback.yaml (the "Helpful?" ask and its replies), validated when the file is read. */
import { z } from "zod";

const label = z.string().min(1).max(40);
const line = z.string().min(1).max(500);

/** intents/feedback.yaml. */
export const feedbackSchema = z.object({
  /** Put with the two buttons. */
  question: z.string().min(1).max(200),
  yes_label: label,
  no_label: label,
  /** What screen readers say for each button. */
  yes_description: z.string().min(1).max(200),
  no_description: z.string().min(1).max(200),
  /**
   * The reply to a "yes"; to a "no" (followed by the did-you-mean suggestions); to a second press; to a vote on an
   * answer whose section has been edited since (not counted).
   */
  thanks_yes: line,
  thanks_no: line,
  already_voted: line,
  changed: line,
});
export type FeedbackData = z.infer<typeof feedbackSchema>;
