/** Role: the schema of intents/kinds.yaml, validated when the file is read (src/node/load.ts). */
import { z } from "zod";

const words = z.array(z.string().min(1));

export const kindSchema = z.object({
  section: z.string().min(1).optional(),
  facet: z.string().min(1).optional(),
  facet_weight: z.number().min(0).max(2).optional(),
  keeps_topic: z.boolean().optional(),
  /** The general section that answers it instead when what was set aside had been tried as a remedy. */
  after_tried: z.string().min(1).optional(),
  /**
   * An "or" in a question of this kind joins two ways of doing one thing ("with food or on an empty stomach?"), not
   * two things to compare: never a comparison. Default: false.
   */
  one_thing: z.boolean().optional(),
  phrases: words.min(1),
  /**
   * Short asks that mark the kind only as the whole last clause of a message ("...wrecking my sleep fr. wat do"):
   * too bare to mean it anywhere else ("what do you mean"). Default: none.
   */
  closing: words.optional(),
  /**
   * Words that open this kind's ask in a run-on sentence, though too short to mark the kind on their own there ("why
   * does", "why now": "...barely drink cos theres nowhere to stop then my legs cramp like mad why does that keep
   * happening" is read from "why"). They mark nothing else. Default: none.
   */
  opens: words.optional(),
  /**
   * A time of day the thing asked is to be done at ("before bed", "in the evenings"): with one in the question, the kind
   * keeps the topic a story told ("...since my husband died. Anything I could do in the evenings?"). Default: none.
   */
  at_times: words.optional(),
  examples: words.min(1),
});

export const kindsSchema = z.object({
  kinds: z.record(z.string().regex(/^[a-z][a-z-]*$/), kindSchema),
  ruled_out: z.object({
    markers: words.min(1),
    negations: words,
    back: words,
    /** Markers that say a thing was tried as a remedy ("tried", "didn't help"), not ruled out as a cause. */
    tried: words.optional(),
    /**
     * Markers of everything tried ("tried everything", "done the lot"): they are tried markers, and the clauses after
     * one in its sentence list what was tried ("I've tried everything: magnesium, water, the stretch"). Default: none.
     */
    tried_all: words.optional(),
    /**
     * Words as written that name the problem itself as present ("constantly stressed", "always anxious"): a clause
     * naming its topic by one rules nothing out, whatever marker it has. Default: none.
     */
    problems: words.optional(),
    /**
     * Words that tell a thing which does not rule its topic out, though it sounds as if it should ("I eat really well
     * and still cramp": a good diet does not rule out low vitamin D, the article's own point). Default: none.
     */
    conceded: words.optional(),
  }),
  /** What a person says they do not know ("no idea how much"): that sentence carries a vague closing ask. */
  indirect: words.optional(),
});
export type KindsData = z.infer<typeof kindsSchema>;
