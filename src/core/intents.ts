/**
 * Role: the shapes of the intents in intents/ — small talk, red flags, the bot's fixed messages and the lexicon — as
 * plain, validated values. Reading the files is src/node/load.ts's job; each dialogue's data file is validated by its
 * own plug-in's schema (dialogues/).
 */
import { z } from "zod";
import type { AfterUrgentData } from "./after-urgent.js";
import type { DialogueData } from "./dialogues/dialogue.js";
import type { FeedbackData } from "./feedback.js";
import type { LexiconData } from "./lexicon.js";
import type { KindsData } from "./question-kinds.js";
import type { ScopeData } from "./scope.js";

const words = z.array(z.string().min(1));

export const smallTalkSchema = z.object({
  intent: z.enum(["greeting", "thanks", "goodbye", "help", "reset"]),
  examples: words.min(1),
  /**
   * Phrases that make a message of any length this small talk when it asks nothing anywhere (a long greeting, a
   * thank-you that retells what was done; src/core/message-act.ts). Only greeting, thanks and goodbye. Default: none.
   */
  acts: words.optional(),
  /**
   * Salutations that make such a message this small talk only when it tells nothing of the cramps or an article topic
   * ("hi", "hello there": they open a message as "Dear Doctor" does). Default: none.
   */
  bare_acts: words.optional(),
  replies: z.array(z.string().min(1).max(1500)).min(1),
  suggestions: words,
});
export type SmallTalk = z.infer<typeof smallTalkSchema>;

const ruleSchema = z.object({
  name: z.string(),
  all: z.array(words.min(1)).min(1),
  some: z.object({ min: z.number().int().min(1), of: words.min(1) }).optional(),
  unless: words.optional(),
  /** How close (in words) the phrases of different groups must stand. Default: 12 (redflags.ts). */
  window: z.number().int().min(1).optional(),
  /**
   * The phrases of every group must stand in one sentence (not only within `window` words): a sign and the body place
   * it is said of ("my calf ... is puffy"), not two sentences that each name one. Default: false.
   */
  sentence: z.boolean().optional(),
});
export type RuleData = z.infer<typeof ruleSchema>;

export const urgentSchema = z.object({
  level: z.literal("now"),
  reply: z.string().min(1).max(1500),
  suggestions: words,
  long_cramp_minutes: z.number().positive(),
  duration_context: words,
  /**
   * Phrases that make the cramp their subject inside a conversation already about cramps ("it's been going for 12
   * minutes now"): beside a duration they count as duration_context words there. Default: none.
   */
  duration_context_in_conversation: words.default([]),
  duration_unless: words,
  /** Like `duration_unless`, but only right after the duration ("12 hour nights"; "last night. It lasted 17 minutes" is a cramp's). */
  duration_unless_after: words.optional(),
  duration_connectors: words,
  /**
   * Connectors that can only say how long something lasted ("went on for"): beside one, a cramp word anywhere earlier
   * in the message is enough ("my cramps ... last night one went on for a good quarter of an hour"). Default: none.
   */
  duration_lasting: words.default([]),
  /**
   * Words shortly after a point in time ("20 minutes ago") that say the cramp is still going ("...ago and it's still
   * going"): the time since then is how long it has lasted. Default: none.
   */
  duration_ongoing: words.default([]),
  /**
   * A cramp said to start with something that takes a while ("began when the train pulled out", "came on as the film
   * began"): with a later hold told ("still not gone"), the length of that something ("the trip is 25 minutes")
   * is how long the cramp has lasted, though a length of a journey alone is not. May hold classes. Default: none.
   */
  duration_held_through: words.default([]),
  /**
   * Words right after a duration that make it a rate ("11 hours a day", "20 minutes every night"): a habit, not how
   * long a cramp lasted. Default: none.
   */
  duration_rate: words.default([]),
  /**
   * Everyday phrases whose words are no red flag ("falling apart", "walking the fells", "kicked me awake", "my one
   * weakness"): a red-flag phrase that overlaps one does not count there. Default: none.
   */
  idioms: words.default([]),
  /**
   * Words of degree a phrase may have inside it as said ("breathing *very* hard", "*quite* short of breath"), beside
   * the lexicon's filler: left out for a second reading of the message, as filler is. Default: none.
   */
  intensifiers: words.default([]),
  /** Phrases that say what came before them is over ("all sorted now", "cleared up fully"). */
  resolved: words.default([]),
  /**
   * Said between a sign and a `resolved` phrase, these make the sign recent and the phrase about the time before it:
   * "my calf swelled up yesterday, it had been fine for years". Default: none.
   */
  resolved_not_across: words.default([]),
  /**
   * A harmless cause or end said after a sign in its sentence ("went a bit red, only because I kept rubbing it",
   * "numb last night but only because the dog lay on them"): it closes the sign however recent. Default: none.
   */
  explained: words.default([]),
  /**
   * Words that may stand between a sign and its `explained` phrase ("numb last night but only because ..."); any
   * other word between leaves the sign standing. Default: none (the explanation must follow the sign at once).
   */
  explained_across: words.default([]),
  /**
   * Words before which "me" is read as "my" in dialect ("can't move me leg", "get me trainer on"), so the phrases
   * written with "my" match. Default: none.
   */
  me_as_my_before: words.default([]),
  negators: words,
  /**
   * Negators that deny only the phrase right after them: "nothing swollen" is denied, but in "nothing helps, calf
   * swollen" the "nothing" is said of the help. Default: none.
   */
  negators_next_only: words.default([]),
  negation_breaks: words,
  /**
   * A reply that denies a sign just asked back ("tingling? no, nothing like that", "feet cold? nah"): said at the
   * start of the next sentence. A bare negator ("no") counts only when its clause ends there ("no idea" denies
   * nothing). Default: none.
   */
  denials: words.default([]),
  /**
   * Somebody's question told in the writer's words ("Colleague asked if my calf was hot - it isn't"): a sign shortly
   * after one of these, in its clause, is asked back as a question is, and a denial opening the next clause denies it.
   * Default: none.
   */
  asked_back: words.default([]),
  /**
   * Named vocabularies of red-flag concepts (`swelling`, `limb`, `cannot` ...): a rule group that lists `<name>` holds
   * every phrase of the class, so a sign and a place combine however they are worded (red-flag-concepts.ts).
   * Default: none.
   */
  classes: z.record(z.string(), words).default({}),
  /** Hypothetical asks ("what if it lasts 10 minutes?") and signs said of other people. Default: none. */
  not_reported: z
    .object({
      /** Open a hypothetical that runs to the end of its sentence: "what if", "in case", "supposing". */
      openers: words,
      /** A conditional ("if", "should") that a marker close after makes hypothetical: "if it ever swells". */
      conditionals: words,
      markers: words,
      /** Signs said of other people in general: "patients with swollen legs", "people with DVT". */
      others: words,
      /**
       * A generic subject that makes the rest of its sentence a rule about anyone, not a report: "anyone whose cramp
       * lasts over ten minutes should...", "a cramp that lasts more than ten minutes needs checking". Default: none.
       */
      generic: words.default([]),
      /**
       * Words that make a generic subject the writer's own when they stand just before it ("I had a cramp that
       * lasted..."). Default: none.
       */
      owners: words.default([]),
      /**
       * Words that end a hypothetical before its sentence ends: what follows is told as it is ("I don't want to make
       * a fuss, but my foot has been floppy"). Default: none.
       */
      turns: words.default([]),
      /**
       * Somebody else a sign may be told of ("my mum", "a coworker", "some bloke"): what is told of them in the past
       * reports nothing of the writer's when the message later sets the writer's own apart (`disowning`). Default: none.
       */
      told_of: words.default([]),
      /**
       * What says somebody else's sign is already known and looked after ("in hospital", "from her diabetes", "the
       * doctor is already treating him"): in its sentence, a sign told of them now reports nothing of the writer's
       * when the writer then sets their own apart, as one told in the past does. Default: none.
       */
      cared_for: words.default([]),
      /** What was seen or heard, not lived: "a documentary", "on casualty", "horror stories". Default: none. */
      screens: words.default([]),
      /** The writer sets their own apart: "mine", "nothing like that", "none of that". Default: none. */
      disowning: words.default([]),
      /** The writer speaking of themselves again, which ends what is told of somebody else. Default: none. */
      first_person: words.default([]),
      /**
       * Said right before a `disowning` phrase, these make it the other person's word about themselves, which sets
       * nothing of the writer's apart: "had a fall last week. She says she is fine, but since then ...". Default: none.
       */
      third_person: words.default([]),
      /**
       * A rule known or read, told before the writer's own: "I know a hot swollen calf means A&E, but mine is just the
       * regular cramp", "I read a cramp over ten minutes is serious". What follows reports nothing until the writer
       * speaks of themselves (`first_person`) or the sentence ends. Default: none.
       */
      rules_known: words.default([]),
      /** Words that end what a known rule says, before the clause does ("... and this one has been going"). */
      rules_known_ends: words.default([]),
      /**
       * Long past, anywhere in a sentence: "I used to sweat buckets in my old job". What follows it in its clause is
       * history, until a turn or a word of now (`long_past_ends`); not after "like", "as", "than" ("can't get up the
       * stairs like I used to"). Default: none.
       */
      long_past: words.default([]),
      /**
       * Long past, when it opens a clause (up to two words in: "thirty years ago, as a young soldier, I collapsed",
       * "Years ago my toes went numb"): the same. (Not after a sign: "my dad broke his leg years ago, and I fell" is
       * `resolved`'s.) Default: none.
       */
      long_past_clause: words.default([]),
      /**
       * Words that, followed by a year at least `long_past_years` before the clock's, open a clause told as long past
       * in the same way: "back in 2016 a cramp lasted twenty minutes and it was nothing". Default: none.
       */
      long_past_year: words.default([]),
      /**
       * How many years before the clock's a year must be to be long past: "in 2025" may be last winter when it is
       * 2026. Default: 2.
       */
      long_past_years: z.number().int().min(1).default(2),
      /** Words of now that end a stretch of history: "I used to walk 5k easy, now my legs tire out". Default: none. */
      long_past_ends: words.default([]),
    })
    .default({
      openers: [],
      conditionals: [],
      markers: [],
      others: [],
      generic: [],
      owners: [],
      told_of: [],
      cared_for: [],
      screens: [],
      disowning: [],
      first_person: [],
      third_person: [],
      rules_known: [],
      rules_known_ends: [],
      long_past: [],
      long_past_clause: [],
      long_past_year: [],
      long_past_years: 2,
      long_past_ends: [],
      turns: [],
    }),
  /**
   * A sign said to be how it always is for the writer ("out of breath on the stairs like I always have", "pins and
   * needles from sitting cross-legged, normal for me"): the phrases, said shortly after the sign in its sentence, and
   * the rules they may quiet (signs that are often lifelong; never swelling, colour or the chest). Default: none.
   */
  habitual: z
    .object({
      phrases: words,
      rules: words,
      /**
       * What gives a felt sign, said shortly before it in its sentence ("magnesium oil spray on my calves, it tingles",
       * "a creepy crawly fizzing feeling"), and the felt signs (rule phrases as written) it explains: only these, never
       * numbness or weakness after the same words. Default: none.
       */
      causes_before: words.default([]),
      felt_signs: words.default([]),
      /**
       * A sign of the same rules gone again at once, said anywhere after it in its sentence ("my foot went numb cos I
       * fell asleep on the sofa with my legs tucked under me but it came back in like a minute"). Default: none.
       */
      back_at_once: words.default([]),
      /**
       * Said after a `back_at_once` phrase in its sentence, these say the sign keeps returning ("it goes in seconds
       * then comes back all day"): the phrase closes nothing. Default: none.
       */
      back_again: words.default([]),
    })
    .default({ phrases: [], rules: [], causes_before: [], felt_signs: [], back_at_once: [], back_again: [] }),
  rules: z.array(ruleSchema).min(1),
  advisories: z.array(
    ruleSchema.extend({ text: z.string().min(1).max(500), section: z.string().optional() }),
  ),
});
export type UrgentData = z.infer<typeof urgentSchema>;

export const messagesSchema = z.object({
  source: z.string().includes("{heading}"),
  disclaimer: z.string(),
  dose_caution: z.string(),
  fallback: z.array(z.string()).min(1),
  fallback_with_guess: z.string(),
  clarify: z.string().includes("{options}"),
  clarify_joiner: z.string(),
  more_none: z.string(),
  /** Opens an answer from two sibling sections; {first} and {second} are their titles. Default: no opening line. */
  both: z.string().optional(),
  /** Opens an answer to "which is better, {first} or {second}?". Default: the `both` line. */
  compare: z.string().optional(),
  no_context: z.string(),
  empty: z.string(),
  unreadable: z.string(),
  emoji_only: z.string(),
  too_long: z.string(),
  not_english: z.string(),
  unsupported: z.string(),
  rate_limited: z.string(),
  error: z.string(),
  unknown_button: z.string(),
  resume_offer: z.string(),
  resume_label: z.string(),
  topics_label: z.string(),
});
export type Messages = z.infer<typeof messagesSchema>;

/** Everything in intents/, as plain values. */
export interface Intents {
  lexicon: LexiconData;
  smallTalk: SmallTalk[];
  urgent: UrgentData;
  messages: Messages;
  /** Question kinds and ruled-out markers (kinds.yaml). Default: none (question-kinds.ts `NO_KINDS`). */
  kinds?: KindsData;
  /** Each registered dialogue's data, by dialogue name. */
  dialogues: Record<string, DialogueData>;
  /**
   * The SVG source of the pictures the dialogues name (intents/pictures/), by path relative to intents/; read and
   * checked by the loader. Default: none (dialogue steps then carry no picture).
   */
  pictures?: Record<string, string>;
  /** Topics next to the article that it does not cover (intents/scope.yaml). Default: none. */
  scope?: ScopeData;
  /** What follows a red flag (intents/after-urgent.yaml). Default: {@link DEFAULT_AFTER_URGENT}. */
  afterUrgent?: AfterUrgentData;
  /** "Helpful?" under answers and the thanks for a vote (intents/feedback.yaml). Default: none (no answer asks). */
  feedback?: FeedbackData;
}

/** The small-talk files, one per small-talk intent. */
export const SMALL_TALK_FILES = ["greeting", "thanks", "goodbye", "help", "reset"] as const;
