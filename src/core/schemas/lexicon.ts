/** Role: the schema of intents/lexicon.yaml, validated when the file is read (src/node/load.ts). */
import { z } from "zod";
import { numbersSchema } from "./numbers.js";

const words = z.array(z.string().min(1));

export const lexiconSchema = z.object({
  contractions: z.record(z.string(), z.string()),
  /**
   * Contractions written without their apostrophe that are also words of their own ("lets": "let us", or "it lets
   * go"): expanded only at a message's start or right after one of the words listed, where a clause opens. Default:
   * none, always expanded.
   */
  contractions_where_clause_opens: z.record(z.string(), words).optional(),
  synonyms: z.record(z.string(), words),
  units: z.record(z.string(), z.string()),
  facets: z.record(z.string(), words),
  weak_facets: z.record(z.string(), words),
  /**
   * The facet of a topic's main section ("what is it, does it work"): it only chooses among one topic's sections and
   * weighs less than a named keyword. Default: none.
   */
  main_facet: z.string().optional(),
  /** Facets a declining word ("rather not take pills") turns down rather than asks about. Default: none. */
  declinable_facets: words.optional(),
  /** Words that ask to choose ("which is better"): a comparison, answered from both in article order. Default: none. */
  choice: words.optional(),
  /**
   * Choice words that choose only between two things named ("which is best, magnesium or vitamin D?"); with nothing
   * named ("best supplements for cramps") they ask which help, answered for both. Default: none.
   */
  choice_between_named: words.optional(),
  /** Words that ask whether both are needed ("or both?", "do I need both"): never a choice, answered for both. Default: none. */
  both: words.optional(),
  /**
   * Words that join two things asked about together ("stretching and water, how much of each"): two topics named
   * about as strongly and joined by one are answered from both, not asked back (ADR 38). Default: none.
   */
  together: words.optional(),
  /** Words that ask for an amount ("how much"): with no topic named, which one's amount is asked back. Default: none. */
  amount: words.optional(),
  /**
   * Real words a dictionary may lack (exercise classes, brand-like words): never spelling-corrected, so "pilates" is
   * not read as "plate". Default: none.
   */
  keep: words.optional(),
  /**
   * Words that introduce a place ("I live in", "here in"): the word after them is a place the person is in, context
   * and not the subject of the question ("i live in manchester so no sun"), so it never counts as unknown and is
   * never corrected. Default: none.
   */
  place_before: words.optional(),
  /**
   * Words that introduce a place only where a message opens ("in manchester?? so never enough then", "up in
   * Aberdeen though"): a place told back to an answer, context as after `place_before`. Default: none.
   */
  place_opening: words.optional(),
  /**
   * Words that name an item of the last answer's list by its place ("the first one": 1, "the last one": -1), as in
   * "tell me more about the first one" after the causes. Default: none.
   */
  ordinals: z.record(z.string(), z.number().int()).optional(),
  /** Phrases that count things ("how many a day?"): after a part of a topic, its items counted. Default: none. */
  counts: words.optional(),
  /** Litres per volume unit people use for water (stemmed: "glass", not "glasses"). Default: none. */
  litres_per_unit: z.record(z.string(), z.number().positive()).optional(),
  /** Number words, time units and the words around durations (src/core/numbers.ts). Default: none. */
  numbers: numbersSchema.optional(),
  anchors: words,
  followups: z.object({
    more: words,
    next: words,
    affirm: words,
    resume: words,
    switch: words,
    /** "how do I get more (of it)": where the topic talked about comes from, its first source. Default: none. */
    sources: words.optional(),
    /** "and the other one?": the other of the two sibling sections just answered or offered. Default: none. */
    other: words.optional(),
    /** "say that again simpler": the last answer again, never the section after it. Default: none. */
    again: words.optional(),
    /**
     * "whats the vit d side of it then": words after a topic, anywhere in the message, that ask the last answer's
     * aspect of it, as a switch at the start does. Default: none.
     */
    switch_after: words.optional(),
  }),
  drop: words,
  pointers: words,
  /**
   * The pointers that point at a thing told ("why would it work?"), not at the cramps a story told ("why would this
   * start now?"): a general question kind's ask points back only with one of these. Default: all pointers.
   */
  thing_pointers: words.optional(),
  /**
   * Pointers that stand for what the sentence before told, as a short question's subject ("...living in the bathroom.
   * Is that from the magnesium?"): the question asks the aspect told. Default: none.
   */
  told_pointers: words.optional(),
  decline: words,
  /** Words of a preference after which a "than" turns down what follows ("rather eat it than take pills"). Default: none. */
  decline_than: words.optional(),
  /** Words of dislike that turn down only a thing right after them ("I hate mushrooms"). Default: none. */
  aversions: words.optional(),
  /** Pronouns that, right after a declining word, turn down the aspect named before ("without them"). Default: none. */
  decline_pronouns: words.optional(),
  /** Phrases right after an aspect that turn it down ("the sun's not much use"). Default: none. */
  decline_after: words.optional(),
  exclude: words,
  /**
   * Words right after a thing that set it aside ("the supplements aside", "vitamins to one side"): the thing named
   * just before them does not count, as after an `exclude` phrase. Default: none.
   */
  exclude_after: words.optional(),
  /**
   * Words that correct the message before ("sorry, I meant vitamin D not magnesium"), among a message's first words:
   * the topic named is a switch (the last answer's aspect kept), and what follows a "not" after them is set aside.
   * Default: none.
   */
  corrections: words.optional(),
  /** Words that open a correction when a "not" follows what was meant ("no, the vitamin one, not the mineral"). */
  correction_noes: words.optional(),
  /**
   * People a question may be asked for besides the person writing ("and for my mum?", "what about my husband, he's a
   * scaffolder"): after a switch, the last question again for them, and what follows tells about them. Default: none.
   */
  others: words.optional(),
  /**
   * Acknowledgements that greet when they open a conversation ("alright mate"; after an answer they acknowledge it).
   * Default: none.
   */
  openers: words.optional(),
  filler: words,
  neutral: words,
  /**
   * Words that open a question as people write it without a question mark ("where exactly", "which ones"): a short
   * one naming nothing, right after an answer, is about that answer. Matched on the first word as written. Default:
   * none.
   */
  question_words: words.optional(),
  /** Verbs that open a yes-no question as its first word ("does that help the legs"). Default: none. */
  question_verbs: words.optional(),
  /**
   * Words that, after small talk, open a question of its own ("fine, what does it recommend instead"): the message is
   * then read as a question, small talk only if all else is filler. Default: none.
   */
  asks_after_small_talk: words.optional(),
  /**
   * Small talk that is also an everyday word ("night", "morning"): small talk only when it and other small talk make up
   * most of the message ("nice one, night"; not "is sitting all night a problem", "and I run every morning"). Default:
   * none.
   */
  weak_small_talk: words.optional(),
  /**
   * Words ending a greeting that announces a question ("I have a few questions about"): the cramp words after it are
   * the greeting's ("...about my night cramps"), a topic word is a question of its own. Default: none.
   */
  announced_about: words.optional(),
  /** Words after which a weak small-talk word names a thing, never greets ("to my nights", "every morning"). */
  weak_small_talk_after: words.optional(),
  /**
   * A letter's frame ("Dear Doctor," first; "Kind regards, Eileen" last): the words opening a salutation, and the
   * sign-offs that, with a name of a few words after them, end a letter. A message that is small talk once its frame
   * is set aside is that small talk ("Dear CrampBot, many thanks for your replies. Kind regards, Eileen"). Default:
   * none.
   */
  salutations: words.optional(),
  sign_offs: words.optional(),
  /**
   * Words that open an apology for the message before ("sorry cat on the keyboard. what causes night cramps"): a short
   * first sentence opening with one, naming nothing, is set aside and the rest read alone (src/core/apology.ts).
   * Default: none.
   */
  apologies: words.optional(),
  /**
   * What makes a message ask, for a message that greets or thanks at length (src/core/message-act.ts): requests that ask
   * wherever they stand, words that ask when they open a clause, phrases such words are part of that ask nothing, words
   * skipped before an opening, words of a clause that tells of someone, and words after an act that say what it is
   * for. Default: none (no message is read for its act).
   */
  acts: z
    .object({
      asks: words,
      opening: words,
      not_asks: words,
      leads: words,
      tellers: words,
      objects: words,
    })
    .optional(),
  foreign: words,
  out_of_scope: words,
});
export type LexiconData = z.infer<typeof lexiconSchema>;
