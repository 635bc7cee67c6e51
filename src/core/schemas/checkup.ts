/** Role: the schema of intents/checkup.yaml, the checkup dialogue's data, validated when the file is read. */
import { z } from "zod";

const words = z.array(z.string().min(1));

const optionSchema = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  label: z.string().max(40),
  patterns: words,
});

export const checkupSchema = z
  .object({
    intent: z.literal("checkup"),
    display_name: z.string().min(1).max(30),
    offered_when_lost: z.boolean().optional(),
    examples: words.min(1),
    /** Words only a dialogue request uses: an example with one matches even inside a longer message. */
    trigger_words: words,
    intro: z.string(),
    stop_words: words,
    stopped: z.string(),
    skip_words: words,
    skipped: z.string(),
    resumed: z.string(),
    questions: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z-]+$/),
          text: z.string(),
          reprompt: z.string(),
          amount: z.object({ low_below: z.number(), high_from: z.number() }).optional(),
          options: z.array(optionSchema).min(2).max(5),
        }),
      )
      .min(4)
      .max(5),
    tips: z.record(
      z.string(),
      z.record(z.string(), z.object({ section: z.string(), text: z.string().max(400) })),
    ),
    tips_intro: z.string(),
    all_good: z.string(),
    tip_source: z.string(),
    closing_suggestions: words,
    /** Optional: the result card shown with the tips. Default: no card. */
    card: z
      .object({
        title: z.string().min(1).max(40),
        /** Each question id's habit, as the card names it. */
        habits: z.record(z.string(), z.string().min(1).max(30)),
        states: z.object({
          fine: z.string().min(1).max(20),
          look: z.string().min(1).max(20),
          skipped: z.string().min(1).max(20),
        }),
        /** Where a tip comes from, on the card: "{title}" is the section's title. */
        source: z.string().includes("{title}"),
        /** The alt text's line for a habit without a tip, and for one with a tip. */
        alt_row: z.string(),
        alt_row_with_source: z.string(),
        /** Added to the tips: the habits that already look fine, so the text says all the card shows. */
        fine_line: z.string().includes("{habits}"),
        fine_joiner: z.string(),
      })
      .optional(),
  })
  .superRefine((data, ctx) => {
    for (const question of data.questions) {
      if (data.card && data.card.habits[question.id] === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["card", "habits"],
          message: `has no habit for question "${question.id}"`,
        });
    }
  });
export type CheckupData = z.infer<typeof checkupSchema>;
