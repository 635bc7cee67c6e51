/** Role: the schema of intents/after-urgent.yaml, validated when the file is read (src/node/load.ts). */
import { z } from "zod";

const words = z.array(z.string().min(1));

export const afterUrgentSchema = z.object({
  /** Put before the urgent reply when it is repeated for a follow-up ("it's probably nothing though?"). */
  reply_prefix: z.string().max(500),
  /** Phrases that open a new subject ("in general", "different question"): the urgent follow-ups end. */
  new_subject: words,
  /**
   * New-subject phrases that change the subject only weakly ("generally", "in general"): said right after "but"
   * ("ok but generally, what's the magnesium dose?") they push back on the advice instead. Default: none.
   */
  weak_new_subject: words.default([]),
  /**
   * New-subject phrases that change nothing when they end the message: "what would the magnesium dose be anyway, for
   * later" asks the tip all the same. Default: none.
   */
  tagged_on: words.default([]),
  /**
   * Words that tie the message to what came before when they end it ("what's the magnesium dose then"): after a red
   * flag, such a question is never taken for a new subject by the count of follow-ups alone. Default: none.
   */
  ties_back: words.default([]),
  /**
   * Phrases that play the red flag down or ask to be reassured ("I'll be fine right", "it's easing now"): the
   * follow-up stays urgent even when it also reads as thanks or names a topic. Default: none.
   */
  play_down: words.default([]),
  /**
   * Phrases that say the person will get help now ("I'll take him to the GP today", "calling 111 now"): said without a
   * question, the message is thanked, not answered with the urgent reply again. Default: none.
   */
  seeks_help: words.default([]),
  /**
   * Put before the answer when, after a red flag, the person says they will get help and asks a new question in a
   * message that still describes the red flag ("ok, I'll get the swollen calf looked at today. what foods have vitamin
   * D?"): the question is answered and the advice kept. Default: none (the answer alone).
   */
  kept_advice: z.string().max(500).default(""),
  /**
   * Phrases that take the advice in a sentence of their own ("Thank you.", "ok noted"): with a later sentence opening
   * with a `turns_to` word ("Thank you. Now, which nuts?"), the question is a new subject. Default: none.
   */
  acknowledges: words.default([]),
  /**
   * Words that open a sentence turning to a new subject after the advice was taken or help said ("anyway", "now",
   * "by the way"): "ok ill get it checked. anyway wot nuts have magnesium" asks anew. Default: none.
   */
  turns_to: words.default([]),
  /**
   * Words of a sign that keep a turned sentence about the red flag ("Thanks. Anyway, is magnesium ok for the
   * swelling?" asks a tip for it): said after the turn, the follow-up stays urgent. Default: none.
   */
  sign_words: words.default([]),
});
export type AfterUrgentData = z.infer<typeof afterUrgentSchema>;
