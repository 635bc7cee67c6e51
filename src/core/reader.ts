/**
 * Role: the reader — one message in, its {@link Signals} out, without context: which topics, sections and facets it
 * names, whether it is small talk, a dialogue request, a follow-up phrase, out of scope or a red flag. It owns the
 * lexicon, built and frozen in one call over every text the bot knows. Deciding what to do with the signals is the
 * rules' job (rules.ts); queries over the knowledge are the index's (knowledge-index.ts).
 */
import type { DialogueData } from "./dialogues/dialogue.js";
import type { SmallTalk, UrgentData } from "./intents.js";
import type { KnowledgeBase, Section } from "./knowledge.js";
import { LetterFrame } from "./letter-frame.js";
import {
  type Analysis,
  Lexicon,
  type LexiconData,
  OUT_OF_SCOPE,
  PhraseTable,
  type PreparedTexts,
} from "./lexicon.js";
import { type Act, MessageActs } from "./message-act.js";
import { isAscii } from "./normalize.js";
import {
  asksGenerally,
  type KindsData,
  NO_KINDS,
  type QuestionKind,
  QuestionKinds,
} from "./question-kinds.js";
import { type RedFlagResult, RedFlags } from "./redflags.js";
import { RuledOut } from "./ruled-out.js";
import { NO_SCOPE, Scope, type ScopeData, type ScopeSignal } from "./scope.js";
import type { Clock } from "./types.js";

/** The red flags of a part of a message, which are never read (see signalsOf). */
const NO_RED_FLAGS: RedFlagResult = Object.freeze({
  urgent: null,
  inConversation: null,
  advisories: [],
  advisorySections: [],
  denied: [],
});
/** A message of more words than this is small talk only when small talk makes up a third of it. */
const SMALL_TALK_LONG = 12;
/** Start over in this many words or more, at most this many words in, opens a longer message as its request. */
const RESET_FIRST_LENGTH = 2;
const RESET_FIRST_START = 2;
/** A clause asking for someone else is this short ("and what about for my mum"). */
const FOR_ANOTHER_TERMS = 7;
/** Field weights: a keyword is the strongest evidence, a title word next, a word from an example question least. */
const WEIGHT = { keyword: 1, title: 0.8, question: 0.3 } as const;
/** A weak facet word ("take", "daily") counts this much. */
const WEAK_FACET = 0.4;
/** Messages longer than this are read sentence by sentence for what they ask. */
/** Small talk that must cover at least half of a message's words to count (see smallTalk). */
const WEAK_SMALL_TALK: readonly SmallTalkIntent[] = ["help"];

const STORY_LENGTH = 120;
/** A request for the menu beside sentences that tell is a phrase of at least this many words ("what can you do"). */
const MENU_ASKED = 3;
/** An unpunctuated message's closing ask is at most this many words, after at least CLOSING_TOLD_MIN words told. */
const CLOSING_WORDS_MAX = 3;
const CLOSING_TOLD_MIN = 3;
/** Topic words this many words after a phrase that sets topics aside ("apart from") do not count. */
const EXCLUDE_REACH = 4;
/** ...and an aspect this many ("apart from the sun"; not the question after it: "apart from X, which foods"). */
const EXCLUDE_FACET_REACH = 2;
/** The longest `ties_back` phrase, in terms ("if so"). */
const TIES_BACK_WORDS = 2;
/** A correction phrase starts within this many words ("no wait, sorry, I meant..."). */
const CORRECTION_OPENING = 3;
/** In a correction opened by "no", the "not" stands this early ("no the vitamin one, not the mineral"). */
const CORRECTION_NOT_REACH = 6;
/** The word that, after a correction, sets aside what was not meant. */
const NOT = "not";
/** "is there", "are there": a question opening (reader `asksBetween`). */
const BE = new Set(["is", "are"]);
const THERE = "there";
/** A declining word this many words before a declinable facet turns it down. */
const DECLINE_REACH = 3;
/** A declining phrase after an aspect starts at most this many words after it ("the sun is not much use"). */
const DECLINE_AFTER_REACH = 1;
/** A word of dislike turns down the thing right after it ("hate mushrooms", not the pills of "hate mushrooms, pills?"). */
const AVERSION_REACH = 1;
/** The word of a preference that turns down what follows ("rather eat it than take pills"). */
const THAN = "than";
/** An aspect asked by a word of its own this strongly sets aside the one declined beside it (see signalsOf). */
const CONTRASTED = 1;
/** A topic this strong is named (a title word or keyword, not a word from an example question). */
const NAMES_TOPIC = WEIGHT.title;
/** A facet with this much evidence is an aspect named by a word of its own ("which supplements help?"). */
const NAMES_ASPECT = 1;
/** A clause whose question word starts within this many words asks ("so why do..."). */
const OPENING = 1;
/** Unknown words matter in a question of at most this many tokens (they are likely its subject). */
const SHORT_QUESTION = 12;
/** A message of at most this many words can be one follow-up phrase (wholeMessage; a longer phrase may be longer). */
const WHOLE_MESSAGE_TERMS = 6;
/** A "what else" hidden in a question kind's synonym is looked for in messages this short (asksNextAsWritten). */
const NEXT_AS_WRITTEN_TOKENS = 12;
/** The word that joins two things asked about, and how far from it each may be named. */
const OR = "or";
const OR_REACH = 6;
/** An asking sentence of at most this many terms ("why is that?") takes the whole message's kind when it is longer. */
const POINTING_ASK = 4;
/** ...or when unknown words times this outnumber the content words. */
const UNKNOWN_SHARE = 2.5;
/** An asking sentence of more terms than this runs on: it is read from its last ask (a voice note with no stops). */
const RUN_ON = 24;
/** ...an ask of at least this many words (one word, "help" or "why", is too often part of the story). */
const RUN_ON_ASK = 2;
/** ...and the ask starts at least this many terms in (a sentence that opens with its ask is read whole). */
const RUN_ON_LEAD = 6;
/** A question of no kind this short that names a topic and points back ("Is that from the magnesium?") asks its aspect. */
const POINTED_ASK = 8;
/** A story's aspect this strong (a strong facet word) is what a kind about the story asks about. */
const STORY_ASPECT = 1;
/** An aspect named within this many terms after an amount is what the amount is of ("how much sun"). */
const AMOUNT_OF_REACH = 1;
/** A sentence after the last "?" that opens with an ask this long carries it ("...? What's my body trying to tell me"). */
const LATE_ASK = 3;
/** A topic told with this much evidence (two keywords) is what a story is about, whatever aspect its question names. */
const TOLD_AT_LENGTH = 2;
/** A closing question this short that names nothing ("Which one?") is read with the question before it. */
const BARE_CLOSING = 4;

type SmallTalkIntent = SmallTalk["intent"];
export type FollowupKind = "more" | "next" | "affirm" | "resume" | "sources" | "other" | "again";

export interface Signals {
  /** The message as sent (for did-you-mean guesses). */
  text: string;
  analysis: Analysis;
  redFlags: RedFlagResult;
  /** Evidence per topic (magnesium, stretching, ...). */
  topics: Map<string, number>;
  /** Evidence per section from its own keywords and title. */
  sections: Map<string, number>;
  /** Evidence per facet (food, supplements, ...). */
  facets: Map<string, number>;
  /**
   * The part of each facet's evidence that comes from amount words (lexicon `amount`: "how many", "a day", "80 mg"):
   * an amount asks about the thing named ("how many almonds a day" is about almonds, not supplements).
   */
  amountFacets: Map<string, number>;
  smallTalk: SmallTalkIntent | null;
  /**
   * The small talk is the message's act, not its words alone: it greets or thanks at length and asks nothing
   * (message-act.ts). A red flag's follow-ups read such a message as they would without it (after-urgent.ts).
   */
  smallTalkByAct: boolean;
  /** The registered name of the dialogue the message asks for. */
  dialogue: string | null;
  followup: FollowupKind | null;
  /** "and for ...", "same question for ...": switch topic, keep the facet. */
  switchTopic: boolean;
  /** The first word as written opens a question ("where exactly", "which ones"; the lexicon's `question_words`). */
  startsWithQuestionWord: boolean;
  /**
   * The first word as written is a verb that opens a yes-no question ("does that really help the legs", voice-typed
   * with no mark; lexicon `question_verbs`).
   */
  startsWithQuestionVerb: boolean;
  /** The message names a topic the article does not cover (zinc, acne, ...). */
  outOfScope: boolean;
  /** The message is clearly about cramps. */
  anchored: boolean;
  /** Content words that are neither known nor part of any matched phrase. */
  unknown: string[];
  /** Unknown words matter: a short question (they are likely its subject), or many of them. */
  unknownMatters: boolean;
  /** The message's content terms (neutral words, anchors and the out-of-scope marker aside). */
  content: string[];
  /** Non-neutral terms not explained by any topic, section or facet phrase. */
  otherContent: number;
  /** The message points back at the last answer ("what can I do about that?"). */
  pointsBack: boolean;
  /** The topic next to the article the message is about, or mentions in passing (scope.ts); null for none. */
  scope: ScopeSignal | null;
  /** The message opens a new subject ("in general, ...", "different question"): a red flag's follow-ups end. */
  newSubject: boolean;
  /** The message plays a red flag down or asks to be reassured ("I'll be fine right", "it's just sore now"). */
  playsDown: boolean;
  /** The message ends tying itself to what was said before ("what's the magnesium dose then"; `ties_back`). */
  tiesBack: boolean;
  /** The message says the person will get help now ("I'll take him to the GP today"). */
  seeksHelp: boolean;
  /**
   * The help is said in a sentence of its own, not asked about, and a question follows it in the message ("ok I'll
   * book an appointment. what foods have vitamin D?"; not "no need of doctor?"). Worked out only when `seeksHelp`.
   */
  helpStated: boolean;
  /** A "what else" phrase stands anywhere in the message ("sounds woo. what else is there"). */
  asksNext: boolean;
  /** The list item the message names by its place ("the first one": 1, "the last one": -1; lexicon `ordinals`). */
  ordinal: number | null;
  /** What the question asks (intents/kinds.yaml), from the sentence that asks; null when no kind is marked. */
  kind: QuestionKind | null;
  /**
   * The general sections of every question kind whose phrase the asking text holds ("why" → causes): a general topic
   * named only by such a phrase is asked with a question word, not by name.
   */
  kindSections: string[];
  /**
   * Two aspects named on either side of an "or" ("from the sun or do I need to eat something?"), nearest first; empty
   * when an "or" joins no two ("with food or on an empty stomach" names one).
   */
  joinedFacets: string[];
  /** A longer message that tells a story, then asks. */
  story: boolean;
  /** Specific topics the person already does or has ruled out; they are not among `topics` (ruled-out.ts). */
  ruledOut: string[];
  /**
   * Aspects named but set aside: turned down ("apart from pills", "if there's no sun", "I never see the sun"). A
   * declinable aspect (supplements) is then not among `facets`; another still is (a story's "no sun" is about the
   * sunlight), but a question about where a topic comes from looks past it (rule source-of-the-topic).
   */
  setAside: string[];
  /** Sections whose own words were set aside ("what else besides nuts": the foods). */
  excludedSections: string[];
  /** The message is an acknowledgement that greets when it opens a conversation ("alright mate"; lexicon `openers`). */
  opener: boolean;
  /** The message corrects the one before ("sorry, I meant vitamin D not magnesium"; lexicon `corrections`). */
  corrects: boolean;
  /**
   * An "other one" phrase stands anywhere in the message ("what's the other vitamin people take?"; lexicon
   * `followups.other`), not only as the whole of it (`followup`).
   */
  asksOther: boolean;
  /**
   * The message asks the last question again for someone else, then tells about them ("and for my mum? she's 82 and
   * hers are worse", "what about my husband, he's outside all day"): read from its opening clause alone (lexicon
   * `others`), so what it tells of the person names no new topic or unknown subject.
   */
  forAnother: boolean;
  /** The message counts things ("how many a day?"; lexicon `counts`), rather than asking an amount of a dose. */
  counts: boolean;
}

/** A registered dialogue as the reader needs it: its name and data. */
export interface ReadableDialogue {
  name: string;
  data: DialogueData;
  /** Texts the dialogue reads in answers (its plug-in's vocabulary). */
  vocabulary: string[];
}

export interface ReaderInput {
  lexicon: LexiconData;
  /** Real English words (never corrected) and everyday ones (never a question's subject). Default: none. */
  words?: { english: ReadonlySet<string>; common: ReadonlySet<string> };
  knowledge: KnowledgeBase;
  smallTalk: SmallTalk[];
  urgent: UrgentData;
  dialogues: readonly ReadableDialogue[];
  /** Topics next to the article that it does not cover (intents/scope.yaml). Default: none. */
  scope?: ScopeData;
  /** What a year told is measured against ("back in 2016" is long past). Default: the system clock. */
  clock?: Clock;
  /** Phrases that open a new subject (intents/after-urgent.yaml). Default: none. */
  newSubject?: readonly string[];
  /** New-subject phrases that push back instead when said right after "but" (intents/after-urgent.yaml). */
  weakNewSubject?: readonly string[];
  /** New-subject phrases that change nothing tagged on at the message's end (intents/after-urgent.yaml). */
  taggedOn?: readonly string[];
  /** Words that tie a message to what came before when they end it (intents/after-urgent.yaml). Default: none. */
  tiesBack?: readonly string[];
  /** Phrases that play a red flag down (intents/after-urgent.yaml). Default: none. */
  playDown?: readonly string[];
  /** Phrases that say the person will get help now (intents/after-urgent.yaml). Default: none. */
  seeksHelp?: readonly string[];
  /** Phrases that take the advice in a sentence of their own (intents/after-urgent.yaml). Default: none. */
  acknowledges?: readonly string[];
  /** Words that open a sentence turning to a new subject (intents/after-urgent.yaml). Default: none. */
  turnsTo?: readonly string[];
  /** Words of a sign that keep a turned sentence about the red flag (intents/after-urgent.yaml). Default: none. */
  signWords?: readonly string[];
  /** Question kinds and ruled-out markers (intents/kinds.yaml). Default: none. */
  kinds?: KindsData;
  /** The trusted texts' tokens and terms, precomputed (lexicon.ts). Default: none, all computed. */
  prepared?: PreparedTexts;
}

interface Posting {
  section: Section;
  weight: number;
}

/** Term `i` of an analysis stands for one word as written (not a phrase the synonyms folded: "at night"). */
function writtenAlone(analysis: Analysis, i: number): boolean {
  const starts = analysis.termStarts;
  return (starts[i + 1] ?? analysis.stems.length) - (starts[i] ?? 0) === 1;
}

/** Dialogue requests: slash commands and example requests, matched on content words. */
export class DialogueTriggers {
  private readonly examples: { name: string; terms: Set<string>; trigger: boolean; at: number }[] = [];
  /**
   * The examples by their first content word: an example can only be all in a message's content if that word is, so
   * a message's content words find the few worth checking, where every example was checked for every message twice
   * (ADR 86).
   */
  private readonly byFirstTerm = new Map<string, DialogueTriggers["examples"]>();
  private readonly commands = new Map<string, string>();
  private readonly triggerWords: ReadonlySet<string>;
  /** Every registered dialogue's name. */
  readonly names: ReadonlySet<string>;

  constructor(
    dialogues: readonly ReadableDialogue[],
    content: (terms: string[]) => string[],
    lexicon: Lexicon,
  ) {
    this.names = new Set(dialogues.map((d) => d.name));
    const triggerWords = new Set(
      dialogues.flatMap((d) => d.data.trigger_words.flatMap((w) => lexicon.terms(w))),
    );
    this.triggerWords = triggerWords;
    for (const { name, data } of dialogues) {
      for (const example of data.examples) {
        if (example.startsWith("/")) {
          this.commands.set(example.slice(1).toLowerCase(), name);
          continue;
        }
        const terms = content(lexicon.terms(example));
        if (terms.length > 0) {
          const trigger = terms.some((t) => triggerWords.has(t));
          const entry = { name, terms: new Set(terms), trigger, at: this.examples.length };
          this.examples.push(entry);
          const first = terms[0] as string;
          const same = this.byFirstTerm.get(first);
          if (same === undefined) this.byFirstTerm.set(first, [entry]);
          else same.push(entry);
        }
      }
    }
  }

  command(name: string): string | null {
    return this.commands.get(name) ?? null;
  }

  /** Whether the terms hold a word only dialogues use ("walk me through", "coach"). */
  hasTrigger(terms: readonly string[]): boolean {
    return terms.some((t) => this.triggerWords.has(t));
  }

  /**
   * The dialogue whose example's content words are all in `content`, and at most one word more ("quiz me on my
   * habits" = "quiz me"); a trigger (an example with a word only dialogues use, such as "walk me through") allows any
   * number more. The longest such example wins. `extra`: how many more words an example without a trigger allows (the
   * topic talked about, added to a message, uses up the one: "thanks for being patient with me" is no "stretch with
   * me").
   */
  byContent(content: Set<string>, extra = 1): string | null {
    if (content.size === 0) return null;
    // The examples in turn, the first of the longest winning: among those found here, the one that came first.
    let best: DialogueTriggers["examples"][number] | null = null;
    for (const word of content) {
      const candidates = this.byFirstTerm.get(word);
      if (candidates === undefined) continue;
      for (const example of candidates) {
        if (!example.trigger && content.size - example.terms.size > extra) continue;
        if (!isSubset(example.terms, content)) continue;
        const size = example.terms.size;
        if (best === null || size > best.terms.size || (size === best.terms.size && example.at < best.at))
          best = example;
      }
    }
    return best?.name ?? null;
  }
}

export class Reader {
  readonly lexicon: Lexicon;
  readonly triggers: DialogueTriggers;
  private readonly redFlags: RedFlags;
  private readonly keywordTable = new PhraseTable<Posting[]>();
  private readonly facetTable = new PhraseTable<{ facet: string; weight: number }>();
  private readonly followupTable = new PhraseTable<FollowupKind>();
  private readonly switchTable = new PhraseTable<true>();
  /** Words after a topic that ask the last answer's aspect of it (lexicon `followups.switch_after`). */
  private readonly switchAfterTable = new PhraseTable<true>();
  /** The terms of the switch phrases ("what", "about", "same"): words of a clause that asks again for someone else. */
  private readonly switchWords = new Set<string>();
  private readonly smallTalkTable = new PhraseTable<SmallTalkIntent>();
  private readonly neutral: Set<string>;
  private readonly questionWords: Set<string>;
  /** First words that open a yes-no question (lexicon `question_verbs`). */
  private readonly questionVerbs: Set<string>;
  /** Words that, after small talk, open a question of its own ("ok, what does it say then"). */
  private readonly asksAfter: Set<string>;
  /** Small talk that is also an everyday word ("night", "morning"): small talk only when most of the message. */
  private readonly weakSmallTalk: Set<string>;
  private readonly filler: Set<string>;
  private readonly pointers: Set<string>;
  /** The pointers that point at a thing told, not at the cramps a story told (lexicon `thing_pointers`). */
  private readonly thingPointers: Set<string>;
  /** The pointers that stand for what the sentence before told (lexicon `told_pointers`). */
  private readonly toldPointers: Set<string>;
  private readonly decliners: Set<string>;
  /** Words that, earlier in a message, make a "than" decline what follows ("I'd rather eat it than take pills"). */
  private readonly declineThan: Set<string>;
  /** Words of dislike that turn down what follows them closely ("I hate mushrooms"; lexicon `aversions`). */
  private readonly aversions: Set<string>;
  /** Pronouns a declining word turns down what was named before ("without them"; lexicon `decline_pronouns`). */
  private readonly declinePronouns: Set<string>;
  /** Phrases right after an aspect that decline it ("the sun's not much use here"; lexicon `decline_after`). */
  private readonly declineAfter = new PhraseTable<true>();
  private readonly declinable: Set<string>;
  /** Phrases that set topics aside: before the thing (true, "apart from") or right after it (false, "aside"). */
  private readonly excludeTable = new PhraseTable<boolean>();
  private readonly correctionTable = new PhraseTable<true>();
  /** Words that open a correction when a "not" follows ("no, the vitamin one, not the mineral"). */
  private readonly correctionNoes: Set<string>;
  /** People a question may be asked for besides the person writing (lexicon `others`), as terms. */
  private readonly others: Set<string>;
  private readonly openerTable = new PhraseTable<true>();
  private readonly letterFrame: LetterFrame;
  /** What a message that asks nothing does: greets, thanks, says goodbye (message-act.ts). */
  private readonly acts: MessageActs;
  /** Words after which a weak small-talk word is the thing named ("to my nights", "every morning"). */
  private readonly weakAfter: Set<string>;
  /** Words ending a greeting that announces a question ("I have a few questions about"; lexicon `announced_about`). */
  private readonly announcedAbout: Set<string>;
  private readonly anchors: Set<string>;
  private readonly scope: Scope;
  /** Topics about cramps in general: never "ruled out", never a scope topic's rival. */
  private readonly generalTopics: Set<string>;
  private readonly newSubjectTable = new PhraseTable<true>();
  /** The weak new-subject phrases, as their terms joined. */
  private readonly weakNewSubject = new Set<string>();
  private readonly taggedOn = new Set<string>();
  /** `ties_back` phrases by their terms, joined. */
  private readonly tiesBack = new Set<string>();
  private readonly playDownTable = new PhraseTable<true>();
  private readonly seeksHelpTable = new PhraseTable<true>();
  private readonly acknowledgesTable = new PhraseTable<true>();
  private readonly turnsToTable = new PhraseTable<true>();
  private readonly signWordsTable = new PhraseTable<true>();
  private readonly ordinalTable = new PhraseTable<number>();
  /** Phrases that count things (lexicon `counts`). */
  private readonly countTable = new PhraseTable<true>();
  private readonly amountTerms: Set<string>;
  readonly kinds: QuestionKinds;
  private readonly ruledOutFinder: RuledOut;
  /** What a person says they do not know ("no idea how much"): a sentence that carries the ask (kinds.yaml). */
  private readonly indirectTable = new PhraseTable<true>();
  /** The same phrases as written, to find where the ask starts in a sentence. */
  private readonly indirectPhrases: string[];
  /** Each section's topic, by section id. */
  private readonly topicOf: Map<string, string>;
  /** Each section's facet, by section id. */
  private readonly facetOf: Map<string, string>;
  /** "topic|facet" for every section, to know whether a topic has a section of an aspect. */
  private readonly topicFacets: Set<string>;
  /** The facets of a topic's parts (sections beside its main one: the foods, the sun, the pills). */
  private readonly partFacets: Set<string>;
  /** The lexicon's main facet (what a topic is): naming it names no aspect. */
  private readonly mainFacet: string | null;
  /** The one topic whose sections have each facet (sunlight: vitamin D), for facets only one topic has. */
  private readonly onlyTopicOf = new Map<string, string>();

  constructor(input: ReaderInput) {
    const { knowledge, smallTalk, urgent, dialogues } = input;
    const { english, common } = input.words ?? {};
    const lexicon = new Lexicon(input.lexicon, english, common, vocabularyOf(input), input.prepared);
    this.lexicon = lexicon;
    this.redFlags = new RedFlags(urgent, lexicon, input.prepared, input.clock);
    this.neutral = new Set(lexicon.data.neutral.flatMap((w) => lexicon.terms(w)));
    this.questionWords = new Set(lexicon.data.question_words ?? []);
    this.questionVerbs = new Set(lexicon.data.question_verbs ?? []);
    this.weakSmallTalk = new Set((lexicon.data.weak_small_talk ?? []).flatMap((w) => lexicon.terms(w)));
    this.announcedAbout = new Set((lexicon.data.announced_about ?? []).flatMap((w) => lexicon.terms(w)));
    this.weakAfter = new Set((lexicon.data.weak_small_talk_after ?? []).flatMap((w) => lexicon.terms(w)));
    this.asksAfter = new Set((lexicon.data.asks_after_small_talk ?? []).flatMap((w) => lexicon.terms(w)));
    this.neutral.delete(OUT_OF_SCOPE);
    this.filler = new Set(lexicon.data.filler.flatMap((w) => lexicon.terms(w)));
    this.pointers = new Set(lexicon.data.pointers.flatMap((w) => lexicon.terms(w)));
    this.thingPointers = new Set(
      (lexicon.data.thing_pointers ?? lexicon.data.pointers).flatMap((w) => lexicon.terms(w)),
    );
    this.toldPointers = new Set((lexicon.data.told_pointers ?? []).flatMap((w) => lexicon.terms(w)));
    this.decliners = new Set(lexicon.data.decline.flatMap((w) => lexicon.terms(w)));
    this.declinePronouns = new Set((lexicon.data.decline_pronouns ?? []).flatMap((w) => lexicon.terms(w)));
    this.aversions = new Set((lexicon.data.aversions ?? []).flatMap((w) => lexicon.terms(w)));
    this.declineThan = new Set((lexicon.data.decline_than ?? []).flatMap((w) => lexicon.terms(w)));
    for (const phrase of lexicon.data.decline_after ?? []) this.declineAfter.set(lexicon.terms(phrase), true);
    this.declinable = new Set(lexicon.data.declinable_facets ?? []);
    for (const phrase of lexicon.data.exclude) this.excludeTable.set(lexicon.terms(phrase), true);
    for (const phrase of lexicon.data.exclude_after ?? [])
      this.excludeTable.set(lexicon.terms(phrase), false);
    this.letterFrame = new LetterFrame(lexicon.data.salutations ?? [], lexicon.data.sign_offs ?? []);
    const actPhrases = new Map<Act, { acts: string[]; bare: string[] }>();
    for (const talk of smallTalk) {
      if (talk.intent !== "greeting" && talk.intent !== "thanks" && talk.intent !== "goodbye") continue;
      const had = actPhrases.get(talk.intent) ?? { acts: [], bare: [] };
      actPhrases.set(talk.intent, {
        acts: [...had.acts, ...(talk.acts ?? [])],
        bare: [...had.bare, ...(talk.bare_acts ?? [])],
      });
    }
    this.acts = new MessageActs(lexicon, actPhrases, lexicon.data.acts, lexicon.data.filler);
    for (const phrase of lexicon.data.openers ?? [])
      this.openerTable.set(inScope(lexicon.terms(phrase)), true);
    this.correctionNoes = new Set((lexicon.data.correction_noes ?? []).flatMap((w) => lexicon.terms(w)));
    this.others = new Set((lexicon.data.others ?? []).flatMap((w) => lexicon.terms(w)));
    for (const phrase of lexicon.data.corrections ?? [])
      this.correctionTable.set(inScope(lexicon.terms(phrase)), true);
    this.anchors = new Set(lexicon.data.anchors.flatMap((w) => lexicon.terms(w)));
    this.amountTerms = new Set((lexicon.data.amount ?? []).flatMap((w) => lexicon.terms(w)));
    this.indexSections(knowledge);
    for (const [facet, phrases] of Object.entries(lexicon.data.weak_facets)) {
      for (const phrase of phrases)
        this.facetTable.set(inScope(lexicon.terms(phrase)), { facet, weight: WEAK_FACET });
    }
    for (const [facet, phrases] of Object.entries(lexicon.data.facets)) {
      for (const phrase of phrases) this.facetTable.set(inScope(lexicon.terms(phrase)), { facet, weight: 1 });
    }
    const { followups } = lexicon.data;
    for (const kind of ["more", "next", "affirm", "resume"] as const) {
      for (const phrase of followups[kind]) this.followupTable.set(inScope(lexicon.terms(phrase)), kind);
    }
    for (const phrase of followups.sources ?? [])
      this.followupTable.set(inScope(lexicon.terms(phrase)), "sources");
    for (const phrase of followups.other ?? [])
      this.followupTable.set(inScope(lexicon.terms(phrase)), "other");
    for (const phrase of followups.again ?? [])
      this.followupTable.set(inScope(lexicon.terms(phrase)), "again");
    for (const phrase of followups.switch_after ?? [])
      this.switchAfterTable.set(inScope(lexicon.terms(phrase)), true);
    for (const phrase of followups.switch) {
      this.switchTable.set(inScope(lexicon.terms(phrase)), true);
      for (const term of lexicon.terms(phrase)) this.switchWords.add(term);
    }
    for (const talk of smallTalk) {
      for (const example of talk.examples)
        this.smallTalkTable.set(inScope(lexicon.terms(example)), talk.intent);
    }
    this.triggers = new DialogueTriggers(dialogues, (terms) => this.contentTerms(terms), lexicon);
    for (const phrase of input.newSubject ?? []) this.newSubjectTable.set(lexicon.terms(phrase), true);
    for (const phrase of input.weakNewSubject ?? []) this.weakNewSubject.add(lexicon.terms(phrase).join(" "));
    for (const phrase of input.taggedOn ?? []) this.taggedOn.add(lexicon.terms(phrase).join(" "));
    for (const phrase of input.tiesBack ?? []) this.tiesBack.add(lexicon.terms(phrase).join(" "));
    for (const phrase of input.playDown ?? []) this.playDownTable.set(lexicon.terms(phrase), true);
    for (const phrase of input.seeksHelp ?? []) this.seeksHelpTable.set(lexicon.terms(phrase), true);
    for (const phrase of input.acknowledges ?? []) this.acknowledgesTable.set(lexicon.terms(phrase), true);
    for (const phrase of input.turnsTo ?? []) this.turnsToTable.set(lexicon.terms(phrase), true);
    for (const phrase of input.signWords ?? []) this.signWordsTable.set(lexicon.terms(phrase), true);
    for (const [phrase, place] of Object.entries(lexicon.data.ordinals ?? {}))
      this.ordinalTable.set(lexicon.terms(phrase), place);
    for (const phrase of lexicon.data.counts ?? []) this.countTable.set(lexicon.terms(phrase), true);
    this.generalTopics = new Set(knowledge.sections.filter((x) => x.roles.general).map((x) => x.topic));
    this.scope = new Scope(
      input.scope ?? NO_SCOPE,
      lexicon,
      (t) => this.namesSpecificTopic(t),
      (t) => this.lexicon.analyze(t).terms.some((term) => this.anchors.has(term)),
      articleVocabulary(knowledge, lexicon, input.prepared),
      (t) => this.asksArticle(t),
      (t) => this.askPart(t),
      (t) => {
        return asksGenerally(this.kinds.match(this.lexicon.analyze(t).terms)?.kind);
      },
    );
    const kinds = input.kinds ?? NO_KINDS;
    this.kinds = new QuestionKinds(kinds, lexicon);
    this.ruledOutFinder = new RuledOut(kinds.ruled_out, lexicon);
    for (const phrase of kinds.indirect ?? []) this.indirectTable.set(lexicon.terms(phrase), true);
    this.indirectPhrases = (kinds.indirect ?? []).map((p) => p.toLowerCase());
    this.topicOf = new Map(knowledge.sections.map((s) => [s.id, s.topic]));
    this.facetOf = new Map(knowledge.sections.map((s) => [s.id, s.facet]));
    this.topicFacets = new Set(knowledge.sections.map((s) => `${s.topic}|${s.facet}`));
    const sectionsOf = new Map<string, number>();
    for (const s of knowledge.sections) sectionsOf.set(s.topic, (sectionsOf.get(s.topic) ?? 0) + 1);
    this.partFacets = new Set(
      knowledge.sections
        .filter((s) => s.facet !== (lexicon.data.main_facet ?? null) && (sectionsOf.get(s.topic) ?? 0) > 1)
        .map((s) => s.facet),
    );
    this.mainFacet = lexicon.data.main_facet ?? null;
    const facetTopics = new Map<string, Set<string>>();
    for (const s of knowledge.sections)
      facetTopics.set(s.facet, (facetTopics.get(s.facet) ?? new Set()).add(s.topic));
    for (const [facet, topics] of facetTopics) {
      const [only] = topics;
      if (topics.size === 1 && only !== undefined && facet !== this.mainFacet)
        this.onlyTopicOf.set(facet, only);
    }
  }

  /**
   * The asking text names an aspect (a facet word other than the main facet's): a weak one only outside the phrase its
   * question kind was read from ("where do I even start?" is what to do, its "start" no word of the supplements; "is
   * there a proper way to do it" still asks how).
   */
  private aspectBesideKind(asked: Signals): boolean {
    const { terms } = asked.analysis;
    const hit = this.kinds.match(terms);
    return this.facetTable
      .findAll(terms)
      .some(
        (f) =>
          f.value.facet !== this.mainFacet &&
          (f.value.weight >= STORY_ASPECT ||
            hit === null ||
            f.start + f.length <= hit.start ||
            f.start >= hit.start + hit.length),
      );
  }

  /** The whole message names a specific topic by a keyword or title word. */
  private namesStoryTopic(full: Signals): boolean {
    return [...full.topics].some(([t, score]) => score >= NAMES_TOPIC && !this.generalTopics.has(t));
  }

  /** The text names a specific topic the article covers (not only cramps in general), by a keyword or title word. */
  private namesSpecificTopic(text: string): boolean {
    // The topic evidence alone: the rest of a message's signals is not needed here (the hot path, ADR 26).
    return [...this.topicEvidence(this.lexicon.analyze(text).terms).topics].some(
      ([t, score]) => score >= NAMES_TOPIC && !this.generalTopics.has(t),
    );
  }

  /**
   * The text asks the article something: it names a topic (a general one too) by a keyword or title word, or asks a
   * question kind a section answers ("what lifestyle changes stop cramps?").
   */
  private asksArticle(text: string): boolean {
    // The topic evidence and the kind alone, as namesSpecificTopic reads them: not a message's whole signals.
    const { terms } = this.lexicon.analyze(text);
    for (const score of this.topicEvidence(terms).topics.values()) if (score >= NAMES_TOPIC) return true;
    return this.kinds.match(terms)?.kind.section != null;
  }

  /** The lexicon analysis of a text (for dialogues that read free-text answers). */
  analyze(text: string): Analysis {
    return this.lexicon.analyze(text);
  }

  /**
   * Signals of a message. A longer message that tells a story and then asks is read for its question: the topic,
   * aspect and kind come from the sentence that asks (when it names any), red flags and "clearly about cramps" from
   * all of it. Topics the person says they already do or ruled out are set aside (ruled-out.ts).
   */
  read(text: string): Signals {
    // One analysis per distinct text of this message, however many readings below ask for it (ADR 26).
    return this.lexicon.sharing(() => this.readShared(text));
  }

  private readShared(text: string): Signals {
    const signals = this.readMessage(text);
    // "Good morning! ... my granddaughter set this up ... Hello!", "I took your advice and bought some brazil nuts...
    // Thank you so very much": a message that asks nothing anywhere and greets or thanks is that small talk, whatever
    // topics it tells of (message-act.ts). Not a dialogue asked for, nor a topic next to the article.
    if (signals.smallTalk !== null || signals.dialogue !== null || signals.scope?.subject != null)
      return signals;
    const act = this.acts.of(text, this.lexicon.analyze(text), this.actReading);
    if (act !== null) return { ...signals, smallTalk: act, smallTalkByAct: true };
    if (this.asksForTheMenu(text)) return { ...signals, smallTalk: "help", smallTalkByAct: true };
    // (Only when the whole message holds some dialogue's example words, however many others it has.)
    if (this.triggers.byContent(new Set(this.contentOf(text)), Number.POSITIVE_INFINITY) === null)
      return signals;
    const dialogue = this.dialogueAskedApart(text);
    // (Other topics' words told beside it, "drink coffee, barely any water", are habits for the check-up to ask of.)
    return dialogue === null ? signals : { ...signals, dialogue, outOfScope: false };
  }

  /** The asking sentence asks to be taken through what it points back at, in a dialogue's own words. */
  private asksThroughIt(asked: Signals): boolean {
    return this.triggers.hasTrigger(asked.analysis.terms) && this.pointsAtAThing(asked);
  }

  /**
   * The dialogue a story asks for in its asking sentence: the whole message's, when the ask alone starts the same one
   * or asks to be taken through what it points back at (ADR 38, ADR 80).
   */
  private dialogueOfTheAsk(full: Signals, asked: Signals): string | null {
    return full.dialogue === asked.dialogue || this.asksThroughIt(asked) ? full.dialogue : null;
  }

  /** A word in it points back at a thing told before ("it", "that"; lexicon `thing_pointers`). */
  private pointsAtAThing(said: Signals): boolean {
    return said.analysis.terms.some((t) => this.thingPointers.has(t));
  }

  /** An aspect of a topic is named by a word of its own ("which supplements?"), not only the main facet. */
  private namesAnAspect(said: Signals): boolean {
    for (const [f, v] of said.facets) if (f !== this.mainFacet && v >= NAMES_ASPECT) return true;
    return false;
  }

  /**
   * "Can you check my habits? I drink about a litre, no nuts, lots of stress.": one sentence asks for a dialogue in
   * its words, and the others only tell (no question mark, no question kind): the dialogue is what is asked.
   */
  private dialogueAskedApart(text: string): string | null {
    const sentences = sentencesOf(text);
    if (sentences.length < 2) return null;
    let asked: string | null = null;
    for (const sentence of sentences) {
      const said = this.signalsOf(sentence);
      if (said.dialogue !== null && said.outOfScope) return null;
      // ("Is there a bedtime routine that could help me switch off?" asks what to do, not for the check-up. A sentence
      // opened by a connective, "so here's my life: a litre of water a day...", only tells.)
      if (said.kind !== null || this.opensAQuestion(said)) {
        if (said.dialogue === null || !/^\W*(can|could|would|will) you\b/i.test(sentence)) return null;
      }
      if (said.dialogue !== null) {
        if (asked !== null && asked !== said.dialogue) return null;
        asked = said.dialogue;
      } else if (sentence.includes("?")) return null;
    }
    return asked;
  }

  /** A sentence whose first word is a question word or a verb that opens a yes-no question, not a connective. */
  private opensAQuestion(said: Signals): boolean {
    if (!said.startsWithQuestionWord) return false;
    return said.startsWithQuestionVerb || this.asksAfter.has(said.analysis.tokens[0] ?? "");
  }

  /**
   * "My son-in-law put this on my phone... I've never used one of these chat things. What sort of things can you
   * actually do?", "What can you help me with? I don't have anything worrying, just regular cramps.": the one thing the
   * message asks is what the bot can do; its other sentences only tell (no question mark, no question kind, no topic
   * or aspect of the article named).
   */
  private asksForTheMenu(text: string): boolean {
    const terms = this.lexicon.analyze(text).terms;
    if (!this.smallTalkTable.findAll(terms).some((hit) => hit.value === "help")) return false;
    const sentences = sentencesOf(text);
    if (sentences.length < 2) return false;
    let help = false;
    for (const sentence of sentences) {
      const said = this.signalsOf(sentence);
      const { terms: own } = said.analysis;
      // ("I have no idea how much he should take. Can you help?" asks for the dose; "Other option?" for another food.)
      if (this.indirectTable.findAll(own).length > 0) return false;
      if (said.smallTalk === "help") {
        if (!this.smallTalkTable.findAll(own).some((hit) => hit.value === "help" && hit.length >= MENU_ASKED))
          return false;
        help = true;
      } else if (
        sentence.includes("?") ||
        said.kind !== null ||
        said.dialogue !== null ||
        // ("I don't know how much vitamin D my mum should take. Can you help?" asks about vitamin D.)
        [...said.topics].some(([t, v]) => v >= NAMES_TOPIC && !this.generalTopics.has(t)) ||
        this.namesAnAspect(said)
      )
        return false;
    }
    return help;
  }

  /** How the act of a message reads its parts (see {@link MessageActs}). */
  private readonly actReading = {
    smallTalkOf: (sentence: string) => this.signalsOf(sentence).smallTalk,
    smallTalkCover: (analysis: Analysis) => {
      const covered = new Array<boolean>(analysis.stems.length).fill(false);
      const starts = analysis.termStarts;
      for (const hit of this.smallTalkTable.findAll(analysis.terms)) {
        const end = starts[hit.start + hit.length] ?? analysis.stems.length;
        for (let i = starts[hit.start] ?? 0; i < end; i++) covered[i] = true;
      }
      return covered;
    },
    tellsOfCramps: (analysis: Analysis) =>
      analysis.terms.some((t) => this.anchors.has(t)) ||
      [...this.topicEvidence(analysis.terms).topics.values()].some((score) => score >= NAMES_TOPIC),
    names: (clause: string) => {
      const { terms } = this.lexicon.analyze(clause);
      if (this.facetTable.findAll(terms).some((hit) => hit.value.weight >= 1)) return true;
      return [...this.topicEvidence(terms).topics].some(
        ([t, score]) => score >= NAMES_TOPIC && !this.generalTopics.has(t),
      );
    },
  };

  private readMessage(text: string): Signals {
    const full = this.signalsOf(text, true);
    // "Dear CrampBot, many thanks for your kind replies. Kind regards, Eileen": small talk once the letter's frame
    // is set aside is that small talk (the red flags stay the whole message's).
    const body = this.letterFrame.body(text);
    if (body !== null) {
      const inner = this.readMessage(body);
      if (inner.smallTalk !== null) return { ...inner, text, redFlags: full.redFlags };
    }
    const whole = full.analysis;
    let signals = this.readTopics(text, full);
    const scope = this.scope.read(text, whole);
    // "my hot water bottle is lovely, but what stretch...?": the words of a topic told in passing are its own, not
    // evidence for a section ("water"); a short message is read again without them (a story's ask is read from its
    // own sentence already, and a second reading of a long one would cost too much).
    const passing =
      scope !== null &&
      scope.subject === null &&
      scope.passing.length > 0 &&
      scope.covered.size > 0 &&
      text.length <= STORY_LENGTH;
    // "not out of breath, no chest pain, nothing like that, just the calf thing. why does it keep happening?": red-flag
    // words the person denies are not what they ask about ("breath" is the stress section's). Read again without them,
    // whatever the length: a denial is rare, so the second reading is too.
    const denied = full.redFlags.urgent === null ? full.redFlags.denied : [];
    if (passing || denied.length > 0) {
      const masked = new Set(denied);
      if (passing) for (const at of scope.covered) masked.add(at);
      // (The red flags stay the whole message's, read once above.)
      signals = this.readTopics(text, { ...this.signalsOf(text, false, masked), redFlags: full.redFlags });
    }
    // "and for my mum? she's 82 and hers are worse than mine": the same question for someone else, then about them.
    const opening = this.askedForAnother(text);
    if (opening !== null)
      signals = {
        ...this.readTopics(opening, this.signalsOf(opening)),
        text,
        redFlags: full.redFlags,
        forAnother: true,
      };
    if (scope === null)
      return signals.outOfScope && this.asideOnly(signals, new Set())
        ? { ...signals, outOfScope: false }
        : signals;
    // A scope topic mentioned in passing does not make the question out of scope ("I tried bananas, what else?"):
    // only an out-of-scope word the scope topics do not explain still does.
    const outOfScope =
      scope.subject !== null ||
      (signals.outOfScope &&
        whole.terms.some((t, i) => t === OUT_OF_SCOPE && !scope.covered.has(whole.termStarts[i] ?? -1)) &&
        !this.asideOnly(signals, scope.covered));
    // A message about a topic next to the article is not small talk ("would a warm bath help?"); start over still is.
    const smallTalk = scope.subject !== null && signals.smallTalk !== "reset" ? null : signals.smallTalk;
    return { ...signals, scope, outOfScope, smallTalk };
  }

  /**
   * Every out-of-scope word of the message (but those a scope topic covers) is told in passing or set aside ("I've cut
   * out coffee already"), and the message asks the article something of its own ("what else causes cramps?").
   */
  private asideOnly(s: Signals, covered: ReadonlySet<number>): boolean {
    const { terms, stems, termStarts } = s.analysis;
    const asks = s.kind?.section != null || [...s.topics.values()].some((v) => v >= NAMES_TOPIC);
    return (
      asks &&
      (this.toldBeforeTheAsk(s.text) ||
        terms.every((t, i) => {
          const at = termStarts[i] ?? -1;
          return (
            t !== OUT_OF_SCOPE ||
            covered.has(at) ||
            this.scope.toldInPassing(stems, at) ||
            this.scope.toldAsPurpose(stems, at, covered)
          );
        }))
    );
  }

  /**
   * "I knocked my shin on the coffee table last christmas, long healed. What foods are best for cramps?": the words of
   * other topics stand only in the sentences before the one that asks, and that sentence asks the article something of
   * its own (a topic or aspect named, or a question kind that needs no topic told) without pointing back at what was
   * told ("...for my cholesterol. Is that any good?", "I have arthritis in both knees. Are the two linked?").
   */
  private toldBeforeTheAsk(text: string): boolean {
    const asking = askingSentence(text) ?? this.questionSentence(text);
    if (asking === null || asking.length === text.length) return false;
    const said = this.signalsOf(asking);
    if (said.outOfScope || this.pointsAtAThing(said)) return false;
    return (
      asksGenerally(said.kind) ||
      [...said.topics.values()].some((v) => v >= NAMES_TOPIC) ||
      this.namesAnAspect(said)
    );
  }

  /** The signals of a message's topics, aspects, question kind and ruled-out topics (`full`: of the whole text). */
  private readTopics(text: string, full: Signals): Signals {
    if (!this.ruledOutFinder.mayRuleOut(full.analysis.terms)) return this.readAsked(text, full);
    const found = this.ruledOutFinder.find(
      text,
      (terms) => this.specificTopics(terms),
      // A clause asks when it opens with a question word of a general kind ("why would...", "so why do..."); "a
      // day" (a dose) or "my magnesium is normal" does not.
      (terms) => {
        const hit = this.kinds.match(terms);
        return hit !== null && hit.kind.section !== null && hit.start <= OPENING;
      },
      (terms) => this.specificTopics(terms, true),
      (terms) => this.aspectsNamed(terms),
    );
    const asked = this.withoutAspects(this.readAsked(text, full, found.aspects), found.aspects);
    const without = this.withoutRuledOut(asked, found.topics, found.rejected);
    // "Tried magnesium, tried drinking more. What else is there?": after remedies tried, a bare "what else" asks for
    // other remedies (kinds.yaml `after_tried`); "what else could cause it" names its causes and keeps them.
    const kind = without.kind;
    if (
      found.tried &&
      kind?.afterTried != null &&
      kind.section !== null &&
      !without.kindSections.includes(kind.section) &&
      (without.topics.get(this.topicOf.get(kind.section) ?? "") ?? 0) < NAMES_TOPIC
    )
      return { ...without, kind: { ...kind, section: kind.afterTried } };
    return without;
  }

  /**
   * "Which pills should I buy for the cramps? The shelf is overwhelming", "...stressed out of my mind. What foods
   * help?": of the topics told, those the question's aspect can be asked of. A topic without a section of an aspect
   * the question names by a word of its own (the stress section has no pills) is the backstory's, not what is asked,
   * when it is told in a word or so; one told at length (the fibre and water of a new diet) is what the story is about.
   * All of them are kept when the question names no such aspect (a part of a topic: the foods, the sun, the pills).
   */
  private topicsWithAspect(told: Map<string, number>, asked: Signals): Map<string, number> {
    const strong: string[] = [];
    // (Only a part of a topic, its pills or foods: "is there a correct way to take it?" after vitamin D told asks the
    // how-to of no section vitamin D has, and its supplements answer it.)
    for (const [f, v] of asked.facets)
      if (this.partFacets.has(f) && v - (asked.amountFacets.get(f) ?? 0) >= NAMES_ASPECT) strong.push(f);
    if (strong.length === 0) return told;
    let kept: Map<string, number> | null = null;
    for (const [t, v] of told) {
      if (v >= TOLD_AT_LENGTH || asked.topics.has(t) || strong.some((f) => this.hasSection(t, f))) {
        kept ??= new Map();
        kept.set(t, v);
      }
    }
    return kept ?? new Map();
  }

  /** The aspects the terms name by a word of their own (not the main facet, not amount words alone). */
  private aspectsNamed(terms: string[]): Set<string> {
    const named = new Set<string>();
    for (const hit of this.facetTable.findAll(terms)) {
      const { facet, weight } = hit.value;
      if (
        facet !== this.mainFacet &&
        weight >= NAMES_ASPECT &&
        !allIn(terms, hit.start, hit.length, this.amountTerms)
      )
        named.add(facet);
    }
    return named;
  }

  /**
   * "My diet is fine, so what else could it be?", "if it isn't the sun, what's causing it?": aspects the person rules
   * out (ruled-out.ts) are set aside when a general kind asks (why, what to do, what else), as ruled-out topics are; a
   * kind about a thing ("I already take tablets, how much is safe?") keeps them. `aspects`: the aspects ruled out.
   */
  private withoutAspects(s: Signals, aspects: readonly string[], kind = s.kind): Signals {
    if (aspects.length === 0 || !asksGenerally(kind)) return s;
    if (!aspects.some((a) => s.facets.has(a))) return s;
    const out = new Set(aspects);
    return {
      ...s,
      facets: new Map([...s.facets].filter(([f]) => !out.has(f))),
      amountFacets: new Map([...s.amountFacets].filter(([f]) => !out.has(f))),
      setAside: [...s.setAside, ...aspects.filter((a) => !s.setAside.includes(a))],
    };
  }

  /** `ruledAspects`: aspects the person rules out (see {@link withoutAspects}); the asking sentence is read without them. */
  private readAsked(text: string, full: Signals, ruledAspects: readonly string[] = []): Signals {
    const question = this.questionOf(text);
    if (question === null) {
      const asking = askingSentence(text);
      // "legs keep cramping at night, wrecking my sleep fr. wat do": a bare closing ask is what the message asks.
      // (The kind the words would have had still marks its section as asked by a question word, not by name:
      // "ruining my sleep" is the overview's course, no reason to answer the overview.)
      const own = this.shortKind(full, asking);
      const kind = this.closingKind(text) ?? own;
      // "I stopped drinking coffee months ago but they kept coming. Does stress play a part?": a short message's
      // question that names a specific topic of its own is about that topic, not the one the sentence before told
      // (its sections and aspects stay the whole message's: "I get 20 minutes of sun at lunch. Is that enough for
      // vitamin D?", "I gave up on cod liver oil capsules. What foods give you vitamin D?").
      const said = asking === null ? null : this.signalsOf(asking);
      // "already on iron tablets. what should I eat for cramps?": a question that names an aspect by a word of its own
      // and points back at nothing told asks the aspects it names, not one whose words only a thing told before it
      // has (the whole message's evidence for its own aspects stays: "Vegan here. Which plant foods...?").
      const aspects =
        said !== null && !this.pointsAtAThing(said) && this.namesAnAspect(said)
          ? {
              facets: new Map([...full.facets].filter(([f]) => said.facets.has(f))),
              amountFacets: new Map([...full.amountFacets].filter(([f]) => said.facets.has(f))),
            }
          : {};
      if (said !== null && [...said.topics].some(([t, v]) => v >= NAMES_TOPIC && !this.generalTopics.has(t)))
        return { ...full, kind, topics: said.topics, ...aspects };
      if (said !== null && "facets" in aspects)
        return { ...full, kind, ...aspects, topics: this.topicsWithAspect(full.topics, said) };
      // "I've stretched, drunk litres, eaten nuts. Honestly what's left to try?": a vague ask after what was told,
      // naming no topic or aspect of its own, is the kind's, as in a long story (ADR 32).
      if (
        said !== null &&
        said.topics.size === 0 &&
        said.facets.size === 0 &&
        asksGenerally(kind) &&
        !said.pointsBack
      )
        return { ...full, kind, topics: said.topics, sections: said.sections, facets: said.facets };
      return { ...full, kind };
    }
    const said = this.signalsOf(question);
    // "...I have no idea how much he should take. Can you help?": a vague closing ask takes its subject from the
    // sentence that says what the person does not know (kinds.yaml `indirect`).
    const indirect =
      said.topics.size === 0 && said.facets.size === 0 ? this.indirectAsk(text, question) : null;
    const first = indirect ?? said;
    const askedKind = indirect === null ? this.kindOf(first) : (this.kindOf(indirect) ?? this.kindOf(said));
    // A time of day asked keeps only a topic the story names by its own words ("the worry, the lying awake"), not one
    // a word of an example question hints at ("he's on loads of tablets for his heart").
    const kind =
      askedKind !== null && !this.namesStoryTopic(full) ? this.kinds.untimed(askedKind) : askedKind;
    // "...so if it isn't what I eat, then what?": the ask without the aspect it rules out.
    const asked = this.withoutAspects(first, ruledAspects, kind);
    // A story that asks something is never a bare follow-up or small talk ("...Why is this happen?").
    const story = { story: true, kind, ...(kind === null ? {} : { followup: null, smallTalk: null }) };
    const merged = {
      ...asked,
      ...story,
      text,
      redFlags: full.redFlags,
      anchored: full.anchored || asked.anchored,
      // "Separate question, for my sister: ... How many sessions does it take?": a new subject opened anywhere in
      // the message, not only in its question.
      newSubject: full.newSubject || asked.newSubject,
      // A dialogue is asked for in the sentence that asks: the story's own words ("Coach has us doing calf stretches",
      // "I never stretch ... go through") start none (ADR 38), and the ask alone starts one only when the whole does,
      // or when it asks for one in a dialogue's own words of what it points back at ("...a calf stretch months ago
      // but I've forgotten how it goes. Can you walk me through it step by step?").
      dialogue: this.dialogueOfTheAsk(full, asked),
    };
    // The main facet ("what could it be" is a what-is-it word) and a kind's own facet evidence name no aspect.
    const aspect = [...asked.facets].some(([f, v]) => f !== this.mainFacet && v >= WEAK_FACET);
    if (asked.topics.size === 0 && asked.facets.size === 0) {
      // "Why would it work?", "what is the idea behind it?": the topic of the sentence it points back to. A general
      // kind's "this" is the cramps the story told ("I eat well... Why would this start now?", "What else can make
      // this happen?"), not the thing the sentence before named: only "it" or "that" points at a thing then.
      const general = asksGenerally(kind);
      // (An ask that rules an aspect out, "so if it isn't what I eat, then what?", points at nothing told: what its
      // "it" would stand for is what it rules out.)
      const pointing = asked.pointsBack && (!general || this.pointsAtAThing(asked)) && asked === first;
      const before = kind !== null && pointing ? sentenceBefore(text, question) : null;
      const pointed = before === null ? null : this.signalsOf(before);
      if (pointed && pointed.topics.size > 0)
        return { ...merged, topics: pointed.topics, sections: pointed.sections, facets: pointed.facets };
      // "...any ideas?", "what is my body telling me?": a vague ask the kind answers, not the backstory's topics.
      if (asksGenerally(kind)) return merged;
      // Backstory ("I tried a banana before bed...") never makes a question out of scope: only the asking sentence.
      return {
        ...full,
        ...story,
        outOfScope: asked.outOfScope,
        dialogue: this.dialogueOfTheAsk(full, asked),
      };
    }
    // "A client swears acupuncture sorted out her cramps. Is there anything in that?": a kind about a thing told, whose
    // own words name only a general topic (the "is there anything" of prevention), is about the specific topic the
    // sentence it points back at names, not every topic of the story. (A story of one topic keeps its aspects: "I stay
    // indoors all winter... it could be the sunshine vitamin. Is there anything in that?" is its sunlight.)
    const storyTopics = [...full.topics].filter(([t, v]) => v >= NAMES_TOPIC && !this.generalTopics.has(t));
    if (
      kind?.keepsTopic &&
      storyTopics.length > 1 &&
      asked.facets.size === 0 &&
      !this.namesSpecificTopic(question)
    ) {
      const pointing = asked.pointsBack && this.pointsAtAThing(asked);
      const before = pointing ? sentenceBefore(text, question) : null;
      const pointed = before === null ? null : this.signalsOf(before);
      if (pointed && [...pointed.topics].some(([t, v]) => v >= NAMES_TOPIC && !this.generalTopics.has(t)))
        return { ...merged, topics: pointed.topics, sections: pointed.sections, facets: pointed.facets };
    }
    // "What sort of dose is sensible?", "What starting amount is typical?" after a story about vitamin D: the aspect
    // from the question, the topic from the story (a general topic the question names, "typical", does not count).
    // "...i dont know. what could it be": a what-is-it word is no aspect; the vague ask is the kind's.
    // (A weak facet word inside the kind's own phrase names no aspect: "where do I even start?"; ADR 69.)
    const aspectNamed = aspect && this.aspectBesideKind(asked);
    if (asked.topics.size === 0 && !aspectNamed && asksGenerally(kind)) return merged;
    // (A word from an example question, "take", does not name a topic: "How much is normal to take?")
    const specific = [...asked.topics].some(
      ([t, score]) => score > WEIGHT.question && !this.generalTopics.has(t),
    );
    // "I eat well... Why would this start now?", "...just where to start": a general kind asked with no topic of its
    // own and only a weak word of an aspect the story's topic has ("start", of vitamin D's supplements) is the kind's:
    // the weak word alone does not send a why or a what-to-do to the story's topic. (Of an aspect the story's topic
    // lacks, "what routine helps" after an anxiety story, the story's topic is still what is asked.)
    const strongAspect = [...asked.facets].some(([f, v]) => f !== this.mainFacet && v >= STORY_ASPECT);
    const weakOfStory = [...asked.facets].some(
      ([f]) =>
        f !== this.mainFacet &&
        [...full.topics].some(
          ([t, v]) => v >= NAMES_TOPIC && !this.generalTopics.has(t) && this.hasSection(t, f),
        ),
    );
    if (!specific && !strongAspect && weakOfStory && asksGenerally(kind)) return merged;
    const storyTopic = [...full.topics.keys()].some((t) => !this.generalTopics.has(t));
    // ...or about an aspect the story names strongly ("I leave home in the dark, no windows all day. Could that be it?").
    const storyAspect =
      !aspect && [...full.facets].some(([f, v]) => f !== this.mainFacet && v >= STORY_ASPECT);
    // "Reckon that's it?", "Is there anything in that?" after a story: a kind about a topic named before, asked with
    // general words only (the "is there anything" of prevention), is about the story's topic.
    if (!specific && kind?.keepsTopic && (storyTopic || storyAspect))
      return {
        ...merged,
        topics: full.topics,
        sections: this.sectionsForAspect(full.sections, asked),
        facets: aspect ? asked.facets : full.facets,
      };
    // (A facet word inside the kind's own phrase names no aspect: the "start" of "where do I even start?"; ADR 69.)
    if (!specific && aspectNamed && [...full.topics.keys()].some((t) => !this.generalTopics.has(t))) {
      // (When no topic told has the aspect asked, the ask's own reading: that aspect across the topics that have it.)
      const topics = this.topicsWithAspect(full.topics, asked);
      if (topics.size === 0) return merged;
      return { ...merged, topics, sections: this.sectionsForAspect(full.sections, asked) };
    }
    // "I don't see daylight from November to March... Should I be taking something for it, and how much?": the story
    // tells an aspect strongly that only one topic has (sunlight: vitamin D), so the aspect asked is that topic's (ADR 38).
    // (An aspect asked by a strong word: "where do I even start?" holds only the weak "start".)
    const told = !specific && strongAspect ? this.storyTopicByAspect(full) : null;
    if (told !== null) return { ...merged, topics: new Map([[told, NAMES_TOPIC]]) };
    if (asked.topics.size === 0) return { ...merged, topics: full.topics, sections: full.sections };
    // "...my stomach has been a disaster, I'm living in the bathroom. Is that from the magnesium?": the question names
    // the topic, and its "that" the aspect the sentence before tells strongly (the pills' side effects; ADR 69).
    if (
      !aspect &&
      kind === null &&
      asked.analysis.terms.length <= POINTED_ASK &&
      asked.analysis.terms.some((t) => this.toldPointers.has(t))
    ) {
      const before = sentenceBefore(text, question);
      const pointed = before === null ? null : this.signalsOf(before);
      if (pointed && [...pointed.facets].some(([f, v]) => f !== this.mainFacet && v >= STORY_ASPECT))
        return { ...merged, facets: pointed.facets };
    }
    return merged;
  }

  /**
   * The kind of a message whose last clause, after another, is a closing ask of a kind ("...my sleep fr. wat do");
   * null otherwise (a message that is only "what do" asks nothing yet).
   */
  private closingKind(text: string): QuestionKind | null {
    const clauses = text.split(/[.!?,;]+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
    const last = clauses.at(-1);
    if (last === undefined) return null;
    if (clauses.length >= 2) return this.kinds.closingOf(this.lexicon.terms(last));
    // "charlie horse every night what do": unpunctuated, the closing ask is the clause's last words, after a telling
    // of its own (never "what do you mean", whose ask does not close it). (An ASCII text's only clause has the whole
    // text's words, whose terms the message reads anyway: normalize.ts isAscii.)
    const terms = this.lexicon.terms(isAscii(text) ? text : last);
    for (let size = CLOSING_WORDS_MAX; size >= 2; size--) {
      if (terms.length - size < CLOSING_TOLD_MIN) continue;
      const kind = this.kinds.closingOf(terms.slice(-size));
      if (kind !== null) return kind;
    }
    return null;
  }

  /**
   * The story's question, as `questionSentence` finds it; a last question that names nothing and asks no kind ("Which
   * one?", "Or not?") goes on the question just before it ("Could it be a nutrition gap? Which one?"), which says what
   * the choice is among.
   */
  private questionOf(text: string): string | null {
    const question = this.questionSentence(text);
    if (question === null) return null;
    const before = sentenceBefore(text, question);
    if (before === null || !before.includes("?")) return question;
    const terms = this.lexicon.terms(question);
    if (terms.length > BARE_CLOSING || this.kinds.match(terms) !== null) return question;
    const { topics, facets } = this.signalsOf(question);
    return topics.size === 0 && facets.size === 0 ? `${before} ${question}` : question;
  }

  /**
   * The sentence that carries the ask, in a message long enough to tell a story first; null for a short one. The last
   * that asks ("?"); in a letter with none, the last sentence with a question kind ("I would be grateful if you could
   * tell me what might be behind this") or an indirect ask ("wondering if there's a stretch"), so a sign-off ("Yours, Margaret") is never read as the question.
   */
  private questionSentence(text: string): string | null {
    if (text.length <= STORY_LENGTH) return null;
    const sentences = sentencesOf(text);
    if (sentences.length < 2) {
      // One long sentence (a voice note with no stops): its last ask, when the story comes first.
      const only = sentences[0];
      return only === undefined ? null : this.runOnAsk(only);
    }
    const reversed = [...sentences].reverse();
    const asks = (x: string) => {
      const terms = this.lexicon.terms(x);
      return this.kinds.kindOf(terms) !== null || this.indirectTable.findAll(terms).length > 0;
    };
    const question = reversed.find((x) => x.includes("?"));
    // "...just my calves locking up at night lol. whats the almond thing about": with no question mark anywhere, a last
    // sentence opening with a question word is the question, not an earlier one whose words hold a kind ("normal").
    const last = sentences.at(-1);
    const opensAsking =
      question === undefined && last !== undefined && this.asksAfter.has(this.lexicon.terms(last)[0] ?? "");
    const chosen =
      this.lateAsk(sentences, question) ??
      question ??
      (opensAsking ? last : undefined) ??
      reversed.find(asks) ??
      last;
    return chosen === undefined ? null : (this.runOnAsk(chosen) ?? chosen);
  }

  /**
   * A story's evidence for its topic's sections, when the question names an aspect strongly: only the sections of that
   * aspect named most strongly and the topic's main section ("...on a vitamin D capsule. Are there foods I should eat alongside it?": the
   * capsule the story told is no reason to answer the supplements). Without a strong aspect asked, all of it.
   */
  private sectionsForAspect(story: Map<string, number>, asked: Signals): Map<string, number> {
    let named: string | null = null;
    let score = 0;
    let tied = false;
    for (const [facet, v] of asked.facets) {
      if (facet === this.mainFacet || v < STORY_ASPECT || v < score) continue;
      tied = v === score;
      [named, score] = [facet, v];
    }
    // (Two aspects asked as strongly, "what can I eat, since I can't sunbathe": the story's evidence is kept whole.)
    if (named === null || tied) return story;
    // (The topic's main section keeps its evidence, "eat well" is vitamin D's own reason (ADR 38); so does a topic
    // without a section of that aspect: "a right way to take it" of vitamin D is still about its supplements.)
    return new Map(
      [...story].filter(([id]) => {
        const facet = this.facetOf.get(id) ?? "";
        return facet === this.mainFacet || facet === named || !this.hasSection(this.topicOf.get(id), named);
      }),
    );
  }

  private hasSection(topic: string | undefined, facet: string): boolean {
    return this.topicFacets.has(`${topic}|${facet}`);
  }

  /** The one topic of the aspect a story names most strongly (at least STORY_ASPECT), when only one topic has it. */
  private storyTopicByAspect(full: Signals): string | null {
    let best: string | null = null;
    let score = 0;
    for (const [facet, v] of full.facets) {
      if (facet !== this.mainFacet && v >= STORY_ASPECT && v > score) {
        best = facet;
        score = v;
      }
    }
    return best === null ? null : (this.onlyTopicOf.get(best) ?? null);
  }

  /**
   * A sentence after the last "?" that opens with a clear ask ("Is it the walking or something else? What's my body
   * trying to tell me", "...? No idea what's happening tbh."), when the "?" sentence names no topic of its own: the
   * person asked again, without a question mark.
   */
  private lateAsk(sentences: string[], question: string | undefined): string | undefined {
    if (question === undefined) return undefined;
    const named = this.namesSpecificTopic(question);
    const after = sentences.slice(sentences.lastIndexOf(question) + 1);
    return after.reverse().find((x) => {
      const terms = this.lexicon.terms(x);
      const hit = this.kinds.match(terms);
      if (hit === null) return false;
      // "...maybe vitamin d? what foods would even have it": a kind about the topic just named.
      if (hit.start <= OPENING && hit.kind.keepsTopic && hit.length >= RUN_ON_ASK) return true;
      if (named) return false;
      if (hit.start <= OPENING && hit.length >= LATE_ASK) return true;
      // "No idea what's happening": a marker of what the person does not know, then a kind.
      const indirect = this.indirectTable.findAll(terms)[0];
      return indirect !== undefined && indirect.start <= OPENING && hit.start > indirect.start;
    });
  }

  /**
   * A run-on sentence ("she only drinks two cups of tea a day and thats it what can she do to stop them") from its
   * last ask on; null when it is short or opens with its ask. The backstory's words then do not compete with the ask.
   */
  private runOnAsk(sentence: string): string | null {
    return this.lexicon.analyze(sentence).terms.length <= RUN_ON ? null : this.askPart(sentence);
  }

  /**
   * The words of a sentence or clause from its last ask of at least two words on, when that starts six or more terms
   * in ("i had a banana every night for a month and it did nothing so what does work" from "what"); null otherwise.
   */
  private askPart(sentence: string): string | null {
    const analysis = this.lexicon.analyze(sentence);
    const { terms } = analysis;
    // Kinds only: "not sure I'm taking it right ..." points back at the story, it does not start a new ask.
    const at = this.kinds.lastStart(terms, RUN_ON_ASK);
    if (at < RUN_ON_LEAD) return null;
    const token = analysis.termStarts[at] ?? 0;
    // Back from the token to the words as written: each word's own token count ("dont" is two).
    const words = sentence.split(/\s+/).filter((w) => w.length > 0);
    let count = 0;
    for (const [i, word] of words.entries()) {
      if (count >= token) return words.slice(i).join(" ");
      count += this.lexicon.analyze(word).tokenCount;
    }
    return null;
  }

  /**
   * The last sentence before the question that says what the person does not know and names a topic or an aspect
   * ("I have no clue how much people usually take"); its signals, or null.
   */
  private indirectAsk(text: string, question: string): Signals | null {
    if (this.indirectTable.size === 0) return null;
    const sentences = sentencesOf(text);
    const at = sentences.lastIndexOf(question);
    for (let i = at - 1; i >= 0; i--) {
      const sentence = sentences[i] ?? "";
      if (this.indirectTable.findAll(this.lexicon.terms(sentence)).length === 0) continue;
      // From the marker on, where it is written out: "vitamin D matters, but we have no idea how much to take" asks
      // how much, not what it does (a topic named before it is still the story's).
      const lower = sentence.toLowerCase();
      const from = Math.max(0, ...this.indirectPhrases.map((p) => lower.indexOf(p)));
      const rest = this.signalsOf(sentence.slice(from));
      const s = rest.topics.size > 0 || rest.facets.size > 0 ? rest : this.signalsOf(sentence);
      if (s.topics.size > 0 || s.facets.size > 0) return s;
    }
    return null;
  }

  /**
   * The kind of a short message: its asking sentence's, unless that sentence is a bare ask ("Why is that?") and the
   * whole message says more ("Mine go away and then come back worse. Why is that?").
   */
  private shortKind(full: Signals, asking: string | null): QuestionKind | null {
    if (asking === null) return this.kindOf(full);
    const terms = this.lexicon.analyze(asking).terms;
    if (terms.length <= POINTING_ASK) {
      const whole = this.kinds.match(full.analysis.terms);
      const own = this.kinds.match(terms);
      if (whole !== null && (own === null || whole.length > own.length)) return this.kindOf(full);
    }
    return this.kindOf(full, asking);
  }

  /** The kind a message asks, with the facet evidence it adds ("does vitamin D help?" is about vitamin D itself). */
  private kindOf(s: Signals, asking: string | null = null): QuestionKind | null {
    // "My magnesium is normal. So why do I still cramp?": the kind of the sentence that asks.
    const terms = asking === null ? s.analysis.terms : this.lexicon.analyze(asking).terms;
    const hit = this.kindPastSetAside(terms, s.setAside);
    // "...since my husband died. Anything I could do in the evenings?": a time of day asked keeps the story's topic.
    const kind = hit === null ? null : this.kinds.timed(hit.kind, terms);
    // In place: the caller may already have copied the signals (the array is shared, as the facet map is).
    if (hit !== null) s.kindSections.push(...this.kinds.sectionsAsked(terms, hit));
    // Only where the lexicon's facet words have not already said it as strongly ("any good" is both; a weak "taking"
    // is raised to what "which vitamins should I be taking" says), and not over an aspect named strongly that only
    // one topic has: "could she be short of something, as she gets no daylight?" asks about vitamin D's sunlight, not
    // what vitamin D is.
    const onlyOne = [...s.facets].some(([f, v]) => v >= STORY_ASPECT && this.onlyTopicOf.has(f));
    const said = kind?.facet ? (s.facets.get(kind.facet) ?? 0) : 0;
    if (kind?.facet && kind.facetWeight > said && !onlyOne) s.facets.set(kind.facet, kind.facetWeight);
    return kind;
  }

  /**
   * The kind the terms ask; "setting the diet aside, why do they happen", "it's not my diet, so why...": a kind of one
   * word that is an aspect the message sets aside ("food") asks nothing, so the kind is read without that word.
   */
  private kindPastSetAside(terms: readonly string[], setAside: readonly string[]) {
    const hit = this.kinds.match(terms);
    if (hit === null || hit.length !== 1 || hit.kind.facet === null || !setAside.includes(hit.kind.facet))
      return hit;
    const rest = [...terms];
    rest[hit.start] = "";
    return this.kinds.match(rest);
  }

  /**
   * The signals without the ruled-out topics. A question about an aspect ("how much should I take?") keeps them
   * when nothing else is named: the subject is then one of them; so does a statement ("I eat loads of fibre, do I need
   * more water"), unless it rejects them outright ("I already drink plenty, so not that").
   */
  private withoutRuledOut(s: Signals, ruledOut: string[], rejected: boolean): Signals {
    if (ruledOut.length === 0) return s;
    const out = new Set(ruledOut);
    const others = [...s.topics.keys()].filter((t) => !out.has(t) && !this.generalTopics.has(t));
    const keeps = s.kind === null ? !rejected : s.kind.keepsTopic;
    if (keeps && others.length === 0) return { ...s, ruledOut };
    const topics = new Map([...s.topics].filter(([t]) => !out.has(t)));
    const sections = new Map([...s.sections].filter(([id]) => !out.has(this.topicOf.get(id) ?? "")));
    return { ...s, topics, sections, ruledOut };
  }

  /**
   * The specific topics a clause names by keyword or title word (question words are too weak to rule out); `own`:
   * only by a phrase naming one specific topic ("lacking" names both deficiencies, so neither by name).
   */
  private specificTopics(terms: string[], own = false): Set<string> {
    const topics = new Set<string>();
    for (const match of this.keywordTable.findAll(terms)) {
      const named = new Set(
        match.value
          .filter((p) => p.weight >= WEIGHT.title && !this.generalTopics.has(p.section.topic))
          .map((p) => p.section.topic),
      );
      if (own && named.size > 1) continue;
      for (const posting of match.value) {
        if (posting.weight >= WEIGHT.title && !this.generalTopics.has(posting.section.topic))
          topics.add(posting.section.topic);
      }
    }
    return topics;
  }

  /** The content terms of a trusted phrase (a section title standing in for "it"). */
  contentOf(text: string): string[] {
    return this.contentTerms(this.lexicon.terms(text));
  }

  /**
   * The signals of a text. `whole`: the message itself, whose red flags are read; a part of it (an asking sentence, a
   * clause) gets none, since only the whole message's red flags are ever used (read() keeps them; ADR 26).
   * @param masked positions in the text's stems whose words give no topic or aspect evidence, only section evidence
   *   (a scope topic's words told in passing: the "water" of "my hot water bottle"). Default: none.
   */
  private signalsOf(text: string, whole = false, masked: ReadonlySet<number> | null = null): Signals {
    const analysis = this.lexicon.analyze(text);
    const { terms } = analysis;
    const hidden = (m: { start: number; length: number }) =>
      masked !== null && hidesAny(masked, analysis.termStarts, m.start, m.length);
    const {
      topics,
      sections,
      explained,
      inKeyword,
      excludedFrom,
      excludedBefore,
      excludedSections,
      declinedSections,
    } = this.topicEvidence(terms, masked === null ? null : hidden);

    const facets = new Map<string, number>();
    const amountFacets = new Map<string, number>();
    const strongFacets: { facet: string; start: number }[] = [];
    const setAside: string[] = [];
    // Aspects also named without a declining word ("from food if I don't eat seafood" still asks about food).
    const named = new Set<string>();
    const facetMatches = this.facetTable.findAll(terms);
    // "I've got cold feet about taking pills, what can I do without them?": a declining word before a pronoun turns
    // down the aspect named last before it.
    const pointedAt = this.declinedPronoun(terms);
    let pointed: (typeof facetMatches)[number] | undefined;
    for (const m of facetMatches) if (m.start + m.length <= pointedAt) pointed = m;
    const amountTerms = this.amountTerms;
    const isAmount = (m: { start: number; length: number }) => allIn(terms, m.start, m.length, amountTerms);
    for (const match of facetMatches) {
      mark(explained, match.start, match.length);
      if (hidden(match)) continue;
      // "how much sun do I need": an amount of an aspect named right after it is that aspect's, not a dose.
      const end = match.start + match.length;
      if (
        isAmount(match) &&
        facetMatches.some(
          (o) =>
            o.start >= end &&
            o.start - end <= AMOUNT_OF_REACH &&
            o.value.facet !== match.value.facet &&
            o.value.weight >= 1 &&
            !isAmount(o),
        )
      )
        continue;
      // "I'd rather not take pills", "avoiding supplements": supplements the user turns down are not asked about.
      // ("leg cramp no swelling magnesium dose": the "no" of a red flag denied declines that sign, not the dose.)
      const declined =
        match === pointed ||
        this.declined(terms, match.start, (i) => hidden({ start: i, length: 1 }), match.length);
      const turnedDown = this.declinable.has(match.value.facet) && declined;
      // "Apart from the sun, what else...", "apart from supplements": an aspect set aside is not asked about.
      const excluded =
        excludedFrom.some((e) => match.start > e && match.start - e <= EXCLUDE_FACET_REACH) ||
        setAsideAfter(excludedBefore, match);
      if (declined || excluded) setAside.push(match.value.facet);
      if (turnedDown || excluded) continue;
      if (!declined) named.add(match.value.facet);
      add(facets, match.value.facet, match.value.weight);
      const holder = inKeyword[match.start];
      if (match.value.weight >= 1 && (holder === undefined || holder.has(match.value.facet)))
        strongFacets.push({ facet: match.value.facet, start: match.start });
      if (isAmount(match)) add(amountFacets, match.value.facet, match.value.weight);
    }

    this.contrast(facets, amountFacets, sections, setAside, named, declinedSections);

    const outOfScope = terms.includes(OUT_OF_SCOPE);
    const corrects = this.correctionAt(terms) >= 0;
    const anchored = terms.some((t) => this.anchors.has(t));
    let otherContent = 0;
    terms.forEach((term, i) => {
      if (!explained[i] && !this.neutral.has(term) && !this.anchors.has(term) && !/^\d/.test(term))
        otherContent++;
    });
    const content = this.contentTerms(terms);
    const unknown = analysis.unknown;
    // Read once for the three signals that ask them (a whole follow-up, "next", "another"), and once for two.
    const followups = this.followupTable.findAll(terms);
    const seeksHelp = this.seeksHelpTable.findAll(terms).length > 0;
    const playDowns = this.playDownTable.findAll(terms);

    return {
      text,
      analysis,
      redFlags: whole ? this.redFlags.check(analysis, text) : NO_RED_FLAGS,
      topics,
      sections,
      facets,
      amountFacets,
      smallTalk: this.smallTalk(terms, explained, unknown, text.includes("?"), analysis),
      smallTalkByAct: false,
      dialogue: this.dialogue(text, content),
      followup: this.wholeMessage(this.followupTable, terms, followups),
      switchTopic:
        corrects || this.startsWithSwitch(terms) || this.switchAfterTable.findAll(terms).length > 0,
      startsWithQuestionWord: this.questionWords.has(analysis.tokens[0] ?? ""),
      startsWithQuestionVerb: this.questionVerbs.has(analysis.tokens[0] ?? ""),
      outOfScope,
      anchored,
      unknown,
      unknownMatters:
        unknown.length > 0 &&
        (analysis.tokenCount <= SHORT_QUESTION || unknown.length * UNKNOWN_SHARE > content.length),
      content,
      otherContent,
      pointsBack: terms.some((t) => this.pointers.has(t)),
      scope: null,
      newSubject: this.opensNewSubject(terms, playDowns),
      playsDown: playDowns.length > 0,
      tiesBack: this.endsTiedBack(terms),
      seeksHelp,
      helpStated: (seeksHelp && this.helpStated(text)) || this.turnsAfterAdviceTaken(text, terms),
      asksNext: followups.some((hit) => hit.value === "next") || this.asksNextAsWritten(analysis),
      ordinal: this.ordinalTable.findAll(terms)[0]?.value ?? null,
      kind: null,
      kindSections: [],
      joinedFacets: joinedByOr(terms, strongFacets),
      story: false,
      ruledOut: [],
      setAside: setAside.filter((f) => !named.has(f)),
      excludedSections,
      corrects,
      opener: this.wholeMessage(this.openerTable, terms) !== null,
      asksOther: followups.some((hit) => hit.value === "other"),
      forAnother: false,
      counts: this.countTable.findAll(terms).length > 0,
    };
  }

  /**
   * Topic and section evidence from the keyword table, with which terms it explains (see {@link signalsOf}).
   * `hidden`: whether a keyword match gives section evidence only (see signalsOf). Default: none does.
   */
  private topicEvidence(
    terms: string[],
    hidden: ((m: { start: number; length: number }) => boolean) | null = null,
  ): {
    topics: Map<string, number>;
    sections: Map<string, number>;
    explained: boolean[];
    inKeyword: (Set<string> | undefined)[];
    excludedFrom: number[];
    /** Where a phrase that sets aside the thing just before it starts ("aside"). */
    excludedBefore: number[];
    excludedSections: string[];
    declinedSections: DeclinedSection[];
  } {
    const explained = new Array<boolean>(terms.length).fill(false);
    const declinedSections: DeclinedSection[] = [];

    const topics = new Map<string, number>();
    const sections = new Map<string, number>();
    const excludedBefore: number[] = [];
    const excludedFrom = this.excludedStarts(terms, excludedBefore);
    const excludedSections: string[] = [];
    // The facets of the sections whose keyword of several words holds each word ("with meals" is vitamin D
    // supplements'): a facet word there of another facet ("meals", food) names no aspect of its own beside an "or".
    const inKeyword = new Array<Set<string> | undefined>(terms.length);
    for (const match of this.keywordTable.findAll(terms)) {
      mark(explained, match.start, match.length);
      // Masked words keep their section evidence (which section of the topic asked about), not their topic's.
      const topicless = hidden?.(match) ?? false;
      if (match.length > 1) {
        const own = new Set(match.value.map((p) => p.section.facet));
        for (let i = match.start; i < match.start + match.length; i++) inKeyword[i] = own;
      }
      // "apart from vitamins and minerals", "the supplements aside": a topic set aside is not what is asked about.
      if (
        excludedFrom.some(
          (e) =>
            match.start > e && match.start - e <= EXCLUDE_REACH && !this.asksBetween(terms, e, match.start),
        ) ||
        setAsideAfter(excludedBefore, match)
      ) {
        for (const posting of match.value) excludedSections.push(posting.section.id);
        continue;
      }
      const bonus = 1 + 0.3 * (match.length - 1);
      // Each topic's strongest weight in this match, topics in the order first met: two lists kept for every match,
      // not a Map made for each (ADR 86).
      const perTopic = this.perTopic;
      const perWeight = this.perWeight;
      perTopic.length = 0;
      perWeight.length = 0;
      const declined = this.declined(terms, match.start, NONE_DENIED, match.length);
      for (const posting of match.value) {
        const weight = posting.weight * bonus;
        add(sections, posting.section.id, weight);
        // "what if I hate mushrooms and fish": a part of a topic turned down, kept in case another is asked instead.
        if (declined && posting.section.id.includes("."))
          declinedSections.push({ id: posting.section.id, facet: posting.section.facet, weight });
        const at = perTopic.indexOf(posting.section.topic);
        if (at < 0) {
          perTopic.push(posting.section.topic);
          perWeight.push(Math.max(0, weight));
        } else perWeight[at] = Math.max(perWeight[at] ?? 0, weight);
      }
      // A phrase shared by several topics says little about any one of them: each topic's weight is divided by how
      // many topics hold the phrase at least as strongly.
      if (topicless) continue;
      for (let t = 0; t < perTopic.length; t++) {
        const weight = perWeight[t] ?? 0;
        let rivals = 0;
        for (const other of perWeight) if (other >= weight) rivals++;
        add(topics, perTopic[t] ?? "", weight / rivals);
      }
    }
    return {
      topics,
      sections,
      explained,
      inKeyword,
      excludedFrom,
      excludedBefore,
      excludedSections,
      declinedSections,
    };
  }

  /**
   * "I don't eat seafood, so capsules then? how much", "the sun's not much use here, what food has it": an aspect
   * turned down beside another asked by a word of its own is set aside, its words no evidence for the section asked.
   * Alone ("I never see the sun, could that be it?") the aspect turned down is still what the message is about.
   * Changes the maps and list in place.
   */
  private contrast(
    facets: Map<string, number>,
    amountFacets: Map<string, number>,
    sections: Map<string, number>,
    setAside: string[],
    named: ReadonlySet<string>,
    declinedSections: readonly DeclinedSection[],
  ): void {
    const declined = new Set<string>();
    for (const f of setAside) if (!named.has(f)) declined.add(f);
    for (const d of declinedSections) if (!named.has(d.facet)) declined.add(d.facet);
    if (declined.size === 0) return;
    let asked = false;
    for (const [facet, weight] of facets)
      if (
        !declined.has(facet) &&
        facet !== this.mainFacet &&
        weight - (amountFacets.get(facet) ?? 0) >= CONTRASTED
      )
        asked = true;
    if (!asked) return;
    for (const facet of declined) {
      facets.delete(facet);
      amountFacets.delete(facet);
      if (!setAside.includes(facet)) setAside.push(facet);
    }
    for (const d of declinedSections) {
      if (!declined.has(d.facet)) continue;
      const left = (sections.get(d.id) ?? 0) - d.weight;
      if (left > 0) sections.set(d.id, left);
      else sections.delete(d.id);
    }
  }

  /** {@link topicEvidence}'s topics of one keyword match and their weights, emptied for each match. */
  private readonly perTopic: string[] = [];
  private readonly perWeight: number[] = [];

  private indexSections(knowledge: KnowledgeBase): void {
    const postings = new Map<string, { terms: string[]; list: Posting[] }>();
    const put = (terms: string[], section: Section, weight: number) => {
      if (terms.length === 0) return;
      const key = terms.join(" ");
      const entry = postings.get(key) ?? { terms, list: [] };
      const existing = entry.list.find((p) => p.section === section);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else entry.list.push({ section, weight });
      postings.set(key, entry);
    };
    for (const section of knowledge.sections) {
      for (const keyword of section.keywords) {
        const terms = inScope(this.lexicon.terms(keyword));
        // A keyword made only of neutral or anchor words would match every cramp question.
        if (this.contentTerms(terms).length > 0) put(terms, section, WEIGHT.keyword);
      }
      for (const term of this.contentTerms(this.lexicon.terms(section.title)))
        put([term], section, WEIGHT.title);
      for (const question of section.questions) {
        for (const term of this.contentTerms(this.lexicon.terms(question)))
          put([term], section, WEIGHT.question);
      }
    }
    // Facet words are not topic evidence: they pick a section within a topic.
    const facetWords = new Set(
      [...Object.values(this.lexicon.data.facets), ...Object.values(this.lexicon.data.weak_facets)]
        .flat()
        .map((p) => this.lexicon.terms(p).join(" ")),
    );
    for (const [key, entry] of postings) {
      if (facetWords.has(key)) continue;
      this.keywordTable.set(entry.terms, entry.list);
    }
  }

  /**
   * A question opens between an exclusion ending at `end` and a word at `at` ("apart from vitamins and minerals, *are
   * there* lifestyle changes...", "besides stretching, *what* helps"): what is set aside ends there. A question word
   * right after the exclusion is what is set aside ("apart from what I eat").
   */
  private asksBetween(terms: readonly string[], end: number, at: number): boolean {
    for (let i = end + 2; i < at; i++) {
      const term = terms[i] ?? "";
      if (this.asksAfter.has(term) || (BE.has(term) && terms[i + 1] === THERE)) return true;
    }
    return false;
  }

  /**
   * Positions where a phrase that sets topics aside ("apart from") ends; `after` gets where each one said after the
   * thing ("the supplements aside") starts.
   */
  private excludedStarts(terms: readonly string[], after: number[]): number[] {
    const starts: number[] = [];
    for (const hit of this.excludeTable.findAll(terms))
      if (hit.value) starts.push(hit.start + hit.length - 1);
      else after.push(hit.start);
    // "I meant vitamin D, not magnesium": in a correction, what follows a "not" is what was not meant.
    const correction = this.correctionAt(terms);
    if (correction >= 0)
      terms.forEach((t, i) => {
        if (i > correction && t === NOT) starts.push(i);
      });
    return starts;
  }

  /** Where a correction phrase ends among the message's first words ("sorry, I meant..."), else -1. */
  private correctionAt(terms: readonly string[]): number {
    // A few lookups at the first words, not a pass over the message: this runs for every reading of every message.
    if (this.correctionTable.size === 0) return -1;
    for (let i = 0; i <= CORRECTION_OPENING && i < terms.length; i++) {
      const hit = this.correctionTable.matchAt(terms, i);
      if (hit !== undefined) return i + hit.length - 1;
    }
    // "no, the vitamin one, not the mineral": a "no" first, a word of what was meant, then "not" (not "no, not really").
    if (!this.correctionNoes.has(terms[0] ?? "")) return -1;
    const not = terms.indexOf(NOT, 1);
    const meant = terms.slice(1, not).some((t) => !this.neutral.has(t) && !this.anchors.has(t));
    return not > 1 && not <= CORRECTION_NOT_REACH && meant ? 0 : -1;
  }

  /** A declining word shortly before ("rather not take pills", "avoid supplements"). */
  /**
   * A declining word stands shortly before `start`, and not right before a word it denies instead (`denied`: the
   * words of a red flag the person denies, "no swelling").
   */
  private declined(
    terms: readonly string[],
    start: number,
    denied: (at: number) => boolean,
    length = 1,
  ): boolean {
    for (let i = Math.max(0, start - DECLINE_REACH); i < start; i++) {
      const term = terms[i] ?? "";
      if (this.decliners.has(term) && !denied(i + 1)) return true;
      // "hate mushrooms tbh. tablets then?": a dislike turns down only the thing right after it.
      if (this.aversions.has(term) && start - i <= AVERSION_REACH) return true;
      // "I'd rather eat it than take pills": what follows the "than" of a preference is turned down.
      if (term === THAN && this.declineThan.size > 0 && anyBefore(terms, i, this.declineThan)) return true;
    }
    // "the sun's not much use in Manchester": a phrase right after the aspect declines it.
    const end = start + length;
    for (let i = end; i <= end + DECLINE_AFTER_REACH && i < terms.length; i++)
      if (this.declineAfter.matchAt(terms, i)) return true;
    return false;
  }

  /** Where a declining word stands right before a pronoun ("without them"; lexicon `decline_pronouns`), else -1. */
  private declinedPronoun(terms: readonly string[]): number {
    if (this.declinePronouns.size === 0) return -1;
    for (let i = terms.length - 2; i >= 0; i--)
      if (this.decliners.has(terms[i] ?? "") && this.declinePronouns.has(terms[i + 1] ?? "")) return i;
    return -1;
  }

  private contentTerms(terms: string[]): string[] {
    return terms.filter((t) => !this.neutral.has(t) && !this.anchors.has(t) && t !== OUT_OF_SCOPE);
  }

  /** The message's last terms are a `ties_back` phrase ("... then", "... if so"). */
  private endsTiedBack(terms: readonly string[]): boolean {
    if (this.tiesBack.size === 0) return false;
    for (let n = 1; n <= TIES_BACK_WORDS && n <= terms.length; n++)
      if (this.tiesBack.has(terms.slice(terms.length - n).join(" "))) return true;
    return false;
  }

  /**
   * A new-subject phrase is said, and not a weak one right after "but" or after a play-down, nor a `tagged_on` one at
   * the very end: "ok but generally, what's the dose?" pushes back on the advice, "maybe I just need more magnesium in
   * general?" plays it down, "right ok. what would the magnesium dose be anyway, for later" asks the tips all the
   * same; "ok. in general tho, how can I prevent cramps" changes the subject.
   */
  private opensNewSubject(terms: readonly string[], playDowns: readonly { start: number }[]): boolean {
    return this.newSubjectTable.findAll(terms).some((m) => {
      const phrase = terms.slice(m.start, m.start + m.length).join(" ");
      if (this.taggedOn.has(phrase) && m.start + m.length === terms.length) return false;
      return (
        !this.weakNewSubject.has(phrase) ||
        (terms[m.start - 1] !== "but" && !playDowns.some((p) => p.start < m.start))
      );
    });
  }

  /**
   * The advice taken in a sentence of its own, help said or thanks alone, and a later sentence opening with a word
   * that turns to something new: "ok ok ill get it checked. anyway wot nuts have magnesium", "Thank you. Now, my
   * daughter says nuts. Which ones?" (Not "Thanks, now should I stretch it?": one sentence, and a play-down.)
   */
  private turnsAfterAdviceTaken(text: string, terms: readonly string[]): boolean {
    // (Most messages have no word that turns at all: their sentences are not read again.)
    if (this.turnsToTable.size === 0 || this.turnsToTable.findAll(terms).length === 0) return false;
    const pieces = text.split(/(?<=[.!?;])\s+/).map((p) => this.lexicon.analyze(p).terms);
    const taken = pieces.findIndex(
      (terms) =>
        this.seeksHelpTable.findAll(terms).length > 0 ||
        this.acknowledgesTable.findAll(terms).some((m) => m.length * 2 >= terms.length),
    );
    if (taken < 0) return false;
    const after = pieces.slice(taken + 1);
    // "Thanks. Anyway, is magnesium ok for the swelling?" still asks a tip for the sign.
    if (after.some((terms) => this.signWordsTable.findAll(terms).length > 0)) return false;
    return after.some((terms) =>
      this.turnsToTable.findAll(terms).some((m) => m.start === 0 && m.length < terms.length),
    );
  }

  /** See {@link Signals.helpStated}: a statement sentence says the help, a question sentence comes after it. */
  /** (`seeksHelp` of the whole message's terms is checked by the caller, which reads it anyway.) */
  private helpStated(text: string): boolean {
    if (!text.includes("?")) return false;
    const pieces = text.split(/(?<=[.!?;])\s+/);
    const asked = pieces.findIndex((p) => p.trim().endsWith("?"));
    return pieces
      .slice(0, Math.max(asked, 0))
      .some((p) => this.seeksHelpTable.findAll(this.lexicon.analyze(p).terms).length > 0);
  }

  private smallTalk(
    allTerms: string[],
    allTopical: boolean[],
    unknown: string[],
    question: boolean,
    analysis: Analysis,
  ): SmallTalkIntent | null {
    // Loops, not closures made per message: such a closure's optimised code is lost at every full collection and
    // compiled again (ADR 54).
    // "ok" alone is itself the message, not filler.
    let keepAll = true;
    for (const t of allTerms) if (!this.filler.has(t)) keepAll = false;
    const terms: string[] = [];
    const topical: boolean[] = [];
    // Where each kept term stands among all the terms, to ask whether it was written alone.
    const kept: number[] = [];
    for (let i = 0; i < allTerms.length; i++) {
      const t = allTerms[i] ?? "";
      if (!keepAll && this.filler.has(t)) continue;
      terms.push(t);
      if (i < allTopical.length) topical.push(allTopical[i] ?? false);
      kept.push(i);
    }
    // A weak word the synonyms made of a phrase ("at night", "in the morning") tells when, never says goodbye:
    // "hello, I have a question about the cramp in my legs at night" is a greeting.
    const hits = this.smallTalkTable
      .findAll(terms)
      .filter(
        (h) =>
          !(
            h.length === 1 &&
            this.weakSmallTalk.has(terms[h.start] ?? "") &&
            (!writtenAlone(analysis, kept[h.start] ?? -1) || this.weakAfter.has(terms[h.start - 1] ?? ""))
          ),
      );
    if (hits.length === 0) return null;
    const covered = new Array<boolean>(terms.length).fill(false);
    for (const hit of hits) mark(covered, hit.start, hit.length);
    // "hello, I've got a few questions about my night cramps": a question announced about the cramp itself (the words
    // after it to the end are cramp words and words of no topic) is all greeting; "...about magnesium" is not.
    let announced: { start: number; end: number } | null = null;
    for (const hit of hits) {
      // (An announcement of two words or more: "evening" is "even", as in "even on my days off?".)
      if (hit.value !== "greeting" || hit.length < 2) continue;
      let end = hit.start + hit.length;
      if (!this.announcedAbout.has(terms[end - 1] ?? "")) {
        if (!this.announcedAbout.has(terms[end] ?? "")) continue;
        end++;
      }
      let i = end;
      while (
        i < terms.length &&
        !topical[i] &&
        (this.anchors.has(terms[i] ?? "") || this.neutral.has(terms[i] ?? ""))
      )
        i++;
      if (i === terms.length && i > end) {
        mark(covered, hit.start, i - hit.start);
        // The words announced are the greeting's: "about" is no request for the menu here.
        announced = { start: hit.start, end: i };
      }
    }
    // Small talk only when nothing else in the message is about a topic: the rest is filler or other words
    // ("thank you kindly, that's reassuring"), never a topic word or an out-of-scope word; in a question, only filler.
    const unknownSet = new Set(unknown);
    // "fine, so what does the article say works": a question word beside the small talk opens a question of its own,
    // so any other word left makes it that question.
    if (uncoveredIn(terms, covered, this.asksAfter)) {
      if (terms.some((t, i) => !covered[i] && !this.asksAfter.has(t))) return null;
    }
    // A question ("is there anything that helps?") is read strictly: everything but the phrase must be filler.
    const other = (t: string, i: number) =>
      !covered[i] &&
      (topical[i] ||
        t === OUT_OF_SCOPE ||
        this.anchors.has(t) ||
        (question && (unknownSet.has(t) || !this.neutral.has(t))));
    if (terms.some(other)) return null;
    // With a rare word left over, the small talk must still be a good part of the message ("thank you, that's
    // reassuring"), not one word of a request ("can you recommend a good physio in Leeds").
    const coveredCount = covered.filter(Boolean).length;
    const rare = terms.some((t, i) => !covered[i] && unknownSet.has(t));
    if (rare && coveredCount * 3 < terms.length) return null;
    // A long message that only opens with "ok so" or "morning" is not small talk (an unpunctuated voice note).
    // ...but start over said first, in words of its own ("actually can we start over, I want to ask for my dad"),
    // is asked whatever follows it (the rest names no topic: checked above).
    const resetFirst = hits.some(
      (h) => h.value === "reset" && h.length >= RESET_FIRST_LENGTH && h.start <= RESET_FIRST_START,
    );
    if (terms.length > SMALL_TALK_LONG && coveredCount * 3 < terms.length && !resetFirst) return null;
    // Reset, help and goodbye win whenever present; otherwise the first thing said ("hello, my english is not so
    // good" is a greeting).
    // A phrase inside a longer one is part of it: "thank you for help" is thanks, "very clear" is not "clear" (reset).
    const inside = (h: (typeof hits)[number]) =>
      hits.some(
        (o) =>
          o !== h && o.length > h.length && o.start <= h.start && o.start + o.length >= h.start + h.length,
      );
    const within = (h: (typeof hits)[number]) =>
      announced !== null && h.start >= announced.start && h.start + h.length <= announced.end;
    const found = new Set(
      hits.filter((h) => !inside(h) && (h.value === "greeting" || !within(h))).map((h) => h.value),
    );
    // "Help" must be most of the message: one such word inside a question ("what do I do about it", "ok
    // what DOES help then") is part of that question, not a request for the menu.
    if (coveredCount * 2 < terms.length) for (const weak of WEAK_SMALL_TALK) found.delete(weak);
    // Small talk of a weak word ("night", "morning", "kk") must be most of the message: "nice one, night", not "is
    // sitting all night a problem too" or "and I run every morning"; beside a word that is no word, more than half
    // ("jfjf kkk" is keyboard mashing, not an "ok").
    if (coveredCount * 2 < terms.length || (rare && coveredCount * 2 <= terms.length)) {
      const weak = (h: (typeof hits)[number]) =>
        h.length === 1 && this.weakSmallTalk.has(terms[h.start] ?? "");
      for (const intent of [...found])
        if (hits.every((h) => h.value !== intent || weak(h))) found.delete(intent);
    }
    if (found.size === 0) return null;
    const priority: SmallTalkIntent[] = ["reset", "help", "goodbye"];
    return priority.find((p) => found.has(p)) ?? hits.find((h) => found.has(h.value))?.value ?? null;
  }

  /**
   * A dialogue request: a slash command, or a message with the content words of an example
   * ("can you walk me through the calf stretch" = "walk me through stretch"), filler aside.
   */
  private dialogue(text: string, content: string[]): string | null {
    // A command typed after a few words ("ok the stretch one pls /stretch") is still the command.
    const command = slashCommand(text);
    if (command !== undefined) return this.triggers.command(command);
    return this.triggers.byContent(new Set(content));
  }

  /** A follow-up phrase that makes up the whole message, give or take filler words. */
  /**
   * A "what else" the synonyms folded into a question kind ("what else can I do?" is "prevent"): read on the words as
   * written, in a short message only, and as a phrase of two words or more ("anyone else get these?" asks no more).
   */
  private asksNextAsWritten(analysis: Analysis): boolean {
    if (analysis.tokenCount > NEXT_AS_WRITTEN_TOKENS || analysis.terms.length === analysis.stems.length)
      return false;
    return this.followupTable.findAll(analysis.stems).some((hit) => hit.value === "next" && hit.length >= 2);
  }

  /** (`found`: the table's findAll of the terms, when the caller has it already.) */
  private wholeMessage<V>(
    table: PhraseTable<V>,
    terms: string[],
    found?: readonly { value: V; start: number; length: number }[],
  ): V | null {
    if (terms.length === 0 || terms.length > WHOLE_MESSAGE_TERMS + 2) return null;
    const hits = found ?? table.findAll(terms);
    if (hits.length === 0) return null;
    // At most six words, or one phrase of more with at most one word beside it ("how do I get more of it").
    const longest = hits.reduce((n, hit) => Math.max(n, hit.length), 0);
    if (terms.length > Math.max(WHOLE_MESSAGE_TERMS, longest + 1)) return null;
    const covered = new Array<boolean>(terms.length).fill(false);
    for (const hit of hits) mark(covered, hit.start, hit.length);
    const rest = terms.filter((_, i) => !covered[i]);
    if (rest.some((t) => !this.neutral.has(t) || this.anchors.has(t))) return null;
    // The longest phrase says what is asked: "and where do I get it" is "where do I get it", not "and".
    return hits.find((hit) => hit.length === longest)?.value ?? null;
  }

  /**
   * The opening clause of a message that asks the last question again for someone else and then only tells about
   * them: a switch ("and for", "what about"), then a person word (lexicon `others`) with nothing but neutral words
   * beside it, closed by "?", "," or a stop, and a rest that asks nothing (no "?", no question word first, no question
   * kind). Null otherwise: "and my husband? how much should he drink" asks its own question.
   */
  private askedForAnother(text: string): string | null {
    if (this.others.size === 0) return null;
    const cut = text.search(/[?.!,;:]/);
    if (cut < 0) return null;
    const opening = text.slice(0, cut);
    const rest = text.slice(cut).replace(/^[?.!,;:\s]+/, "");
    // (Most messages that end with their first stop end there: no rest, and the opening is not read.)
    if (rest.length === 0) return null;
    const terms = this.lexicon.terms(opening);
    if (terms.length > FOR_ANOTHER_TERMS || !this.startsWithSwitch(terms)) return null;
    if (!terms.some((t) => this.others.has(t))) return null;
    if (terms.some((t) => !this.neutral.has(t) && !this.others.has(t) && !this.switchWords.has(t)))
      return null;
    const told = this.lexicon.analyze(rest);
    const asks =
      rest.includes("?") ||
      this.questionWords.has(told.tokens[0] ?? "") ||
      this.kinds.match(told.terms) !== null;
    return asks ? null : opening;
  }

  private startsWithSwitch(terms: string[]): boolean {
    for (let i = 0; i < Math.min(3, terms.length); i++) {
      if (this.switchTable.matchAt(terms, i)) return true;
      const word = terms[i] ?? "";
      if (!this.neutral.has(word) && !this.smallTalkTable.matchExact([word])) return false;
    }
    return false;
  }
}

/** The facets named nearest before and after an "or", when they differ (strong facet words only). */
function joinedByOr(terms: readonly string[], named: readonly { facet: string; start: number }[]): string[] {
  for (let at = terms.indexOf(OR); at >= 0; at = terms.indexOf(OR, at + 1)) {
    const before = named.filter((x) => x.start < at && at - x.start <= OR_REACH).at(-1);
    const after = named.find((x) => x.start > at && x.start - at <= OR_REACH);
    if (before && after && before.facet !== after.facet) return [before.facet, after.facet];
  }
  return [];
}

/** A phrase said after a thing sets it aside: it starts at most this many words after the thing ("the supplements aside"). */
const EXCLUDE_AFTER_REACH = 1;

/** A match ends just before a phrase that sets aside what it follows (`before`: where such phrases start). */
function setAsideAfter(before: readonly number[], match: { start: number; length: number }): boolean {
  const end = match.start + match.length;
  for (const at of before) if (at >= end && at - end <= EXCLUDE_AFTER_REACH) return true;
  return false;
}

/** A message's sentences (those with a letter or digit). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
}

/** In a message of several sentences, the last one that asks ("?"); null when there is one sentence or none asks. */
function askingSentence(text: string): string | null {
  if (!text.includes("?")) return null;
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (sentences.length < 2) return null;
  return [...sentences].reverse().find((x) => x.includes("?")) ?? null;
}

/** The sentence just before `question` in `text`, or null. */
function sentenceBefore(text: string, question: string): string | null {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  const at = sentences.lastIndexOf(question);
  return at > 0 ? (sentences[at - 1] ?? null) : null;
}

/**
 * Every text the bot knows, in the order a spelling correction prefers at equal distance, as a function: gathered only
 * when the lexicon reads them. A start from the engine data takes the known words recorded (ADR 78), and joining the
 * rules' phrases alone took about 3 ms of `crampbot ask` (ADR 87). Made here, not in the reader's constructor: a
 * function there that used `input` would keep it, the precomputed texts included, as long as the closures the
 * constructor gives its parts (scope's) live.
 */
function vocabularyOf(input: ReaderInput): () => string[] {
  const { knowledge, smallTalk, urgent, dialogues } = input;
  return () => [
    ...knowledge.sections.map((s) => [s.title, s.answer, s.more, ...s.keywords, ...s.questions].join(" ")),
    ...smallTalk.map((talk) => talk.examples.join(" ")),
    dialogues.flatMap((d) => d.data.examples).join(" "),
    ...dialogues.flatMap((d) => d.vocabulary),
    [...urgent.rules, ...urgent.advisories]
      .flatMap((r) => [...r.all.flat(), ...(r.some?.of ?? []), ...(r.unless ?? [])])
      .join(" "),
    // Last, so the scope terms never change a correction's tie-break among the bot's own words.
    Scope.vocabulary(input.scope ?? NO_SCOPE),
    // Last, so a spelling correction still prefers the words above at equal distance.
    ...Object.values((input.kinds ?? NO_KINDS).kinds).map((k) => k.phrases.join(" ").replaceAll("...", " ")),
  ];
}

/**
 * Whether a stem is the article's: its sections' texts, and the lexicon's words for its things (synonyms, facets,
 * question words) — never the lexicon's out-of-scope words or the scope topics'. Unknown subjects are measured
 * against it (unknown-subject.ts).
 */
function articleVocabulary(
  knowledge: KnowledgeBase,
  lexicon: Lexicon,
  prepared: PreparedTexts | undefined,
): (stem: string) => boolean {
  const recorded = prepared?.articleStems;
  if (recorded !== undefined) {
    const known = new Set(recorded === "" ? [] : recorded.split("\n"));
    return (s) => known.has(s);
  }
  const d = lexicon.data;
  const texts = [
    ...knowledge.sections.flatMap((s) => [s.title, s.answer, s.more, ...s.keywords, ...s.questions]),
    ...Object.entries(d.synonyms).flat(2),
    ...Object.values(d.facets).flat(),
    ...Object.values(d.weak_facets).flat(),
    ...d.neutral,
    ...d.filler,
    ...d.anchors,
    ...(d.amount ?? []),
  ];
  const known = new Set<string>();
  for (const text of texts) for (const s of lexicon.stems(text)) known.add(s);
  // One a line: a stem holding a line break, or an empty one, could not be told apart (none does).
  if (prepared?.record && ![...known].some((s) => s === "" || s.includes("\n")))
    prepared.articleStems = [...known].join("\n");
  return (s) => known.has(s);
}

/** A phrase that maps onto an out-of-scope word is dropped: it would stand in for every such word. */
function inScope(terms: string[]): string[] {
  return terms.includes(OUT_OF_SCOPE) ? [] : terms;
}

/** No position is a denied sign's (for {@link Reader.declined} where none is). */
const NONE_DENIED = (): boolean => false;

/** Every member of `part` is in `whole` (without copying `part`: the hot path, ADR 21). */
function isSubset(part: ReadonlySet<string>, whole: ReadonlySet<string>): boolean {
  for (const t of part) if (!whole.has(t)) return false;
  return true;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** A keyword of a topic's part that a declining word turns down, with the evidence it gave (reader `contrast`). */
interface DeclinedSection {
  readonly id: string;
  readonly facet: string;
  readonly weight: number;
}

/** Some term before `end` is one of `words`. */
function anyBefore(terms: readonly string[], end: number, words: ReadonlySet<string>): boolean {
  for (let i = 0; i < end; i++) if (words.has(terms[i] ?? "")) return true;
  return false;
}

/**
 * Every one of the `length` terms from `start` (those there are) is one of `words` (a loop, not a closure made per
 * message: ADR 54).
 */
function allIn(terms: readonly string[], start: number, length: number, words: ReadonlySet<string>): boolean {
  for (let i = start; i < Math.min(start + length, terms.length); i++)
    if (!words.has(terms[i] ?? "")) return false;
  return true;
}

/** Some term not `covered` is one of `words` (a loop, not a closure made per message: ADR 54). */
function uncoveredIn(
  terms: readonly string[],
  covered: readonly boolean[],
  words: ReadonlySet<string>,
): boolean {
  for (let i = 0; i < terms.length; i++) if (!covered[i] && words.has(terms[i] ?? "")) return true;
  return false;
}

function mark(flags: boolean[], start: number, length: number): void {
  for (let i = start; i < start + length; i++) flags[i] = true;
}

/** Some of the `length` terms from `start` stand at a masked position of the stems. */
function hidesAny(
  masked: ReadonlySet<number>,
  termStarts: readonly number[],
  start: number,
  length: number,
): boolean {
  for (let k = start; k < start + length; k++) if (masked.has(termStarts[k] ?? -1)) return true;
  return false;
}

/**
 * The slash command a message gives, at its start or after a word of its own ("understood. /stretch"), lower-cased;
 * undefined when it gives none ("and/or" is no command).
 */
export function slashCommand(text: string): string | undefined {
  return /(?:^|\s)\/([a-z]+)\b/i.exec(text)?.[1]?.toLowerCase();
}
