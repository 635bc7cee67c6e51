/** Role: the schema of intents/scope.yaml, validated when the file is read (src/node/load.ts). */
import { z } from "zod";

const words = z.array(z.string().min(1));

const topicSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case words joined by hyphens"),
  /** Named in the reply: "The article doesn't cover {name}". */
  name: z.string().min(1),
  /** Words and phrases as people write them; "NUM" stands for any number ("my son is NUM"). */
  terms: words.min(1),
  /** Longer phrases that contain a term but are not the topic ("ice cold water" is not ice on the calf). */
  not_terms: words.optional(),
  /** A safe pointer, never advice the article does not give. */
  note: z.string().min(1).max(500).optional(),
  /**
   * A situation that changes who any advice is for (pregnancy, a child): it is the subject when told in the story too,
   * unless the message names a topic the article covers ("I'm pregnant and my midwife said drink more: how much?").
   */
  context: z.boolean().optional(),
  /** The topic is itself a kind of cramp (stomach cramps): a plural pointer after it points at it ("what causes those?"). */
  cramps: z.boolean().optional(),
  /**
   * The topic is a complaint the person has, as the cramps are (restless legs, a condition): "this" in a later general
   * question ("any tips to make this stop?") may be it, where after a thing tried it is the cramps. Default false.
   */
  complaint: z.boolean().optional(),
  /**
   * The topic is a being ("my border collie"): "he", "she", "him", "her" in a later question may point back at it, as
   * they never point at a thing told ("...a hot water bottle. Anything the staff could do for her?"). Default false.
   */
  being: z.boolean().optional(),
  /**
   * For a situation (`context`): words of a question that make it about the situation even when it names a topic of
   * ours ("I'm 38 weeks pregnant... is it safe to take magnesium?"). Default: none.
   */
  asked_with: words.optional(),
  /**
   * Endings of words nobody could list one by one ("-statin", "-prazole"): a word neither known nor English that ends
   * so is a term of the topic. Default: none.
   */
  endings: words.optional(),
  /** Words that hand the message to the article's own answer ("started" a medicine: the new-medicine advisory). */
  yields_when: words.optional(),
  /** ...unless the question asks about the topic itself ("should I stop taking it?"). */
  yields_unless: words.optional(),
  /**
   * Words by which a later question names the topic again in general ("...atorvastatin. Could *the tablets* be
   * responsible?"): they point back at it like a pointer word. Default: none.
   */
  named_again: words.optional(),
});
export type ScopeTopic = z.infer<typeof topicSchema>;

export const scopeSchema = z
  .object({
    reply: z.string().includes("{name}"),
    reply_suffix: z.string(),
    /** Words before a topic that make it backstory ("I'm on", "I already"); a question after may still point back. */
    passing: words,
    /** Words before a topic that set it aside ("apart from", "forget the"): never the subject. */
    set_aside: words,
    /** Words shortly after a topic that set it aside ("bananas didn't work", "came back fine"). Default: none. */
    set_aside_after: words.optional(),
    /** Phrases in which a pointer is the cramps, not the thing told ("why is this happening"). Default: none. */
    not_pointing: words.optional(),
    /** Words opening the clause after a topic that dismiss it ("pregnant, but not asking about that"). */
    dismissals: words,
    /** Words by which a later question points back at something told before ("is there anything in it?"). */
    refers_back: words,
    /** Plural pointers ("could they be the cause?"): they point back only in a question that names the cramps. */
    refers_back_plural: words,
    /**
     * Pointers that, in a question of a general kind (why, what to do: "any tips to make this stop"), are the cramps
     * told, not a thing told before. Default: none.
     */
    cramps_in_general_asks: words.optional(),
    /** Words right after which those pointers are the cramps in any question ("good for this"). Default: none. */
    cramps_after: words.optional(),
    /**
     * Questions that ask for a verdict on what was told ("true or false?", "worth a go?", "coincidence?"): they point
     * back at it like a pointer word. Default: none.
     */
    verdicts: words.optional(),
    /** Words just before a topic that deny it ("not pregnant"). */
    negators: words,
    /** Words opening a clause that gives a reason, not a question ("since calcium is what the muscles need"). Default: none. */
    reasons: words.optional(),
    /**
     * Words that name the leg cramps the article is about ("the leg ones", "my calves"), beside the anchors: after
     * cramps of another kind, a question naming none of them asks about those. Default: none.
     */
    our_cramps: words.optional(),
    /**
     * Verbs of taking something in ("drink", "take"): in a question that points back at a topic told, with no object
     * named, they take that topic ("...pickle brine. Does it work, and how much would you drink?"). Default: none.
     */
    consumption: words.optional(),
    /** Words joining a topic to what it is for ("amlodipine *for* my blood pressure"). Default: none. */
    purpose: words.optional(),
    topics: z.array(topicSchema).min(1),
    /**
     * Questions about a thing the article never names (src/core/unknown-subject.ts): the frames with "..." for the
     * subject, the everyday words never a subject, the words that end an open subject, the words left off its
     * name's front and the measures before an "of" that lead it too ("a glass of milk"; default: none). Default:
     * none (no unknown subjects).
     */
    subjects: z
      .object({ frames: words, everyday: words, ends: words, lead: words, measures: words.optional() })
      .optional(),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.topics.forEach((topic, i) => {
      if (seen.has(topic.id))
        ctx.addIssue({ code: "custom", path: ["topics", i, "id"], message: `"${topic.id}" is used twice` });
      seen.add(topic.id);
    });
  });
export type ScopeData = z.infer<typeof scopeSchema>;
