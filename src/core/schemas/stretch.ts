/** Role: the schema of intents/stretch.yaml, the stretch dialogue's data, validated when the file is read. */
import { z } from "zod";

const words = z.array(z.string().min(1));

export const stretchSchema = z
  .object({
    intent: z.literal("stretch"),
    display_name: z.string().min(1).max(30),
    offered_when_lost: z.boolean().optional(),
    section: z.string(),
    examples: words.min(1),
    trigger_words: words,
    intro: z.string(),
    steps: z.array(z.string().max(500)).min(3),
    finished: z.string(),
    next_words: words,
    back_words: words,
    stop_words: words,
    stopped: z.string(),
    resumed: z.string(),
    next_label: z.string().max(40),
    stop_label: z.string().max(40),
    finished_suggestions: words,
    /**
     * Optional: one picture per step, in step order — an SVG file in intents/pictures/ and its alt text (what the
     * drawing shows, for screen readers). Default: steps without pictures.
     */
    pictures: z
      .array(
        z.object({
          file: z.string().regex(/^pictures\/[a-z0-9-]+\.svg$/, 'must be "pictures/<name>.svg"'),
          alt: z.string().min(1).max(200),
        }),
      )
      .optional(),
  })
  .superRefine((data, ctx) => {
    if (data.pictures && data.pictures.length !== data.steps.length)
      ctx.addIssue({
        code: "custom",
        path: ["pictures"],
        message: `must have one entry per step (${data.steps.length}), has ${data.pictures.length}`,
      });
  });
export type StretchData = z.infer<typeof stretchSchema>;
