/**
 * Medical red flags and advisories, from intents/urgent.yaml. Checked on every message before anything else: a red
 * flag wins over small talk, answers and dialogues. Negated mentions ("no swelling") do not count. Phrases are matched
 * as written and again with filler words left out ("I can't really catch my breath"), and a cramp that lasted longer
 * than the configured minutes is found however the duration is said ("a quarter of an hour", "twenty mins", "more
 * than ten minutes").
 */
import { clockSpanEnded, elapsedToNow } from "./clock-times.js";
import type { RuleData, UrgentData } from "./intents.js";
import { type Analysis, type Lexicon, OUT_OF_SCOPE, PhraseTable, type PreparedTexts } from "./lexicon.js";
import type { Duration } from "./numbers.js";
import {
  expandClasses,
  inside,
  NotReported,
  Sentences,
  type Stretch,
  withClasses,
} from "./red-flag-concepts.js";
import { ADVISORY_BASE, MentionsByRule } from "./red-flag-mentions.js";
import {
  type CompiledRule,
  fitsRules,
  type Hit,
  type PhraseMatcher,
  replayTables,
  TablesRecorder,
} from "./red-flag-tables.js";
import type { Clock } from "./types.js";

/** The phrases of one rule among those one table entry stands for, its exceptions apart. */
interface RulePart {
  rule: number;
  others: Hit[];
  exceptions: Hit[];
  /** The rule is one of the habitual rules (`habitual.rules`): a sign said to be how it always is does not count. */
  habitual: boolean;
  /** Some of `others` are felt signs (`habitual.felt_signs`) ... */
  felt: boolean;
  /** ... and these are `others` without them. */
  unfelt: readonly Hit[];
  /** The rule's groups (bits) that `others` name. */
  groups: number;
}

const NO_HITS: readonly Hit[] = [];
const NO_WORDS: ReadonlySet<number> = new Set();

/** A phrase found at one place of a message, with every rule phrase it stands for. */
interface Placed {
  hits: readonly Hit[];
  negated: boolean;
  at: number;
  end: number;
}

/** A phrase found in a message: where it starts and ends (exclusive), as indexes into the message's stems. */
interface Span {
  start: number;
  end: number;
}

/** How far (in words) after "asked if" a sign is the question told ("asked if my calf was hot"). */
const ASKED_BACK_REACH = 4;
/** How far (in words) a phrase saying it is over ("all sorted now") reaches back over the sign it closes. */
const RESOLVED_REACH = 16;
/** How far (in words) after a sign an `explained` phrase closes it (in its sentence). */
const EXPLAINED_REACH = 20;
/**
 * How far (in words) before a felt sign what gives it may end ("spraying it on my calves every night for my cramps,
 * it tingles a bit"), in its sentence.
 */
const CAUSE_REACH = 12;
/** How far (in words) after a sign "like I always have" says it of that sign (in its sentence). */
const HABITUAL_REACH = 8;
/** A sign said gone again at once (`habitual.back_at_once`) is closed by a phrase this far after it, in its sentence. */
const BACK_AT_ONCE_REACH = 24;
/** How far (in words) after a limb an "it" may stand for it. */
const PRONOUN_REACH = 30;
/** Phrases of one rule must stand this close (in words) unless the rule says otherwise. */
const DEFAULT_WINDOW = 12;
/** Words that join a denied list ("not swollen, red or hot", "neither hot nor red"): the denial reaches past them. */
const LIST_JOINERS = new Set(["or", "nor"]);
/** How far back (in words) a negator reaches over a list joined by "or". */
const MAX_LIST_REACH = 9;
/** In a rule, stands for any duration that says how long something lasted ("15 min", "a quarter of an hour"). */
export const DURATION_CLASS = "<duration>";
/** In a rule, stands for a time of day said as a clock time ("3am", "since 2 a.m.", "5 o'clock"). */
export const CLOCK_CLASS = "<clock>";
/**
 * In a rule, stands for the earlier turns of a conversation about leg cramps: "been on the loo for four days" after
 * "why do my legs cramp at night?" needs no cramp word of its own.
 */
export const EARLIER_TURNS_CLASS = "<earlier-turns>";
/** Words after a number that make it a clock time. */
const CLOCK_WORDS = new Set(["am", "pm", "oclock", "o'clock"]);
/**
 * A duration counts when a cramp word is this close to it: far enough for a clause between them ("a cramp in my calf
 * that began at 4 a.m. lasted, by the bedroom clock, some twenty-five minutes").
 */
const DURATION_WINDOW = 15;
/** A duration said without a connector counts when a cramp word of its own sentence stands this close to it. */
const SAME_SENTENCE_REACH = 8;
/** Words after "still" that say nothing has come ("still no cramp", "still nothing"). */
const NOT_COME = new Set(["no", "none", "nothing", "without", "never"]);
/** "20 minutes ago ... still": the ongoing word stands at most this many words after the point in time. */
const ONGOING_REACH = 6;
/**
 * The same after a start and "now" both told by the clock: the two times already say how long, so the "still" may
 * stand further on ("at 11 ... it's now 11:35 by my phone and the muscle is still knotted").
 */
const ELAPSED_ONGOING_REACH = 10;

/** Which red-flag rule fired, or which advisory applies. */
export interface RedFlagResult {
  urgent: string | null;
  /**
   * The rule that fires when the message follows earlier turns of a conversation about cramps (the cramp word said
   * before, "it" standing for the cramp), when `urgent` is null; null when none does.
   */
  inConversation: string | null;
  advisories: string[];
  /** Sections that answer the advisories that fired. */
  advisorySections: string[];
  /**
   * Positions in the message's stems of red-flag words said denied ("no chest pain", "not out of breath"): what the
   * person rules out before asking, not what they ask about.
   */
  denied: readonly number[];
}

/** A sequence of words with, for each, its index in the message's stems. */
interface Sequence {
  words: readonly string[];
  at: number[];
}

export class RedFlags {
  /** The rules' phrases by their stems and by their terms (replayed from the engine data when it holds them). */
  private readonly stemTable: PhraseMatcher<Hit[]>;
  private readonly termTable: PhraseMatcher<Hit[]>;
  /** The two tables while the rules are compiled; null once they are built. */
  private building: { stems: PhraseTable<Hit[]>; terms: PhraseTable<Hit[]> } | null = null;
  private readonly rules: CompiledRule[] = [];
  private readonly advisoryRules: CompiledRule[] = [];
  private readonly negators: Set<string>;
  private readonly denials = new PhraseTable<true>();
  private readonly askedBack = new PhraseTable<true>();
  private readonly nextOnly: Set<string>;
  private readonly breaks: Set<string>;
  /** Words a phrase may have inside it as said ("can't *really* catch my breath"): filler and `intensifiers`. */
  private readonly filler: Set<string>;
  private readonly durationContext: Set<string>;
  private readonly conversationContext = new PhraseTable<true>();
  private readonly durationUnless = new PhraseTable<true>();
  /** `duration_unless_after`: about something else only right after the duration ("12 hour nights"). */
  private readonly durationUnlessAfter = new PhraseTable<true>();
  private readonly durationConnectors = new PhraseTable<true>();
  private readonly durationLasting = new PhraseTable<true>();
  private readonly durationOngoing = new PhraseTable<true>();
  private readonly durationRate = new PhraseTable<true>();
  private readonly heldThrough = new PhraseTable<true>();
  private readonly idioms: PhraseMatcher<true>;
  /** Stems before which "me" is "my" ("me leg"). */
  private readonly meAsMy: Set<string>;
  private readonly resolved = new PhraseTable<true>();
  /** "yesterday", "this morning": between a sign and a resolved phrase, the sign is recent (`resolved_not_across`). */
  private readonly recent = new PhraseTable<true>();
  /** "only cos I was rubbing it", "the feeling came back": a harmless cause or end of the sign before (`explained`). */
  private readonly explained = new PhraseTable<true>();
  /** "but", "last night", "we measured both": all that may stand between a sign and its explanation (`explained_across`). */
  private readonly explainedAcross = new PhraseTable<true>();
  /** "like I always have", "normal for me": said after a sign of one of `habitualRules`, it is how it always is. */
  private readonly habitual = new PhraseTable<true>();
  private readonly habitualRules = new Set<number>();
  /** "magnesium spray ... it tingles": what gives a felt sign (`feltSigns`), said shortly before it. */
  private readonly causesBefore = new PhraseTable<true>();
  /** "was fine a minute later", "went in seconds": a felt sign gone again at once (`habitual.back_at_once`). */
  private readonly backAtOnce = new PhraseTable<true>();
  /** "...then comes back all day": a sign said gone at once that keeps returning (`habitual.back_again`). */
  private readonly backAgain = new PhraseTable<true>();
  private readonly feltSigns: ReadonlySet<string>;
  /** The body places (`<limb>`), to find the limb an "it" later in the message stands for. */
  private readonly limbs = new PhraseTable<true>();
  /** The cramp words (`<cramp>`), to find the cramp an "it" or "mine" of a later sentence stands for. */
  private readonly cramps = new PhraseTable<true>();
  /** Each table entry's hits of sentence rules, for an "it" standing for the limb: see {@link standsFor}. */
  private readonly sentenceHits = new WeakMap<readonly Hit[], readonly Hit[]>();
  /** Rule groups that hold the phrase class `<duration>`. */
  private readonly durationSlots: Hit[] = [];
  /** Rule groups that hold the phrase class `<clock>`. */
  private readonly clockSlots: Hit[] = [];
  /** Hypotheticals and signs said of other people: no report of the writer's own (red-flag-concepts.ts). */
  private readonly notReported: NotReported;
  private readonly data: UrgentData;
  /**
   * Each rule phrase's stems and terms, while the rules are compiled: the classes put one phrase ("calf") into many
   * groups, and reading it once each doubled the constructor's time, a good part of `crampbot ask`'s cold start.
   * Emptied once the rules are built.
   */
  private readonly forms = new Map<string, { stems: string[]; terms: string[] }>();
  /** Each table entry's phrases by rule, once it has been found in a message: see {@link partsOf}. */
  private readonly parts = new WeakMap<readonly Hit[], RulePart[]>();
  /** Writes the compile down while the engine data is precomputed (red-flag-tables.ts); null otherwise. */
  private readonly recorder: TablesRecorder | null;
  /**
   * One message's sentences kept for the engine's lifetime, never read: a class instance's shape is reached by
   * transitions that only live instances keep, and no message's `Sentences` outlives its check, so every full
   * collection dropped the shape and with it the optimised code of the red-flag check that had met it (`hits`,
   * `collect`, the sentence lookups), which the next messages compiled again (ADR 54).
   */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: held, never read (see above)
  private readonly sentencesShape: Sentences;
  /** Each rule's groups the message must name (`nameNeeds`), and the advisories'. */
  private needs = new Int32Array(0);
  private advisoryNeeds = new Int32Array(0);
  /**
   * The groups of each rule (and advisory) named anywhere in the message being checked, masked or not: a superset of
   * what `mentions` counts. Kept for the engine's lifetime and cleared per message (the check is never re-entered).
   */
  private named = new Int32Array(0);
  private advisoryNamed = new Int32Array(0);

  /**
   * @param prepared the engine data's precomputed texts: when they hold this data's compiled tables
   *   (`redFlags`), those are replayed and the classes never expanded (ADR 34); when they record, the compile is
   *   written into them. Default: none, the rules compiled here.
   */
  constructor(
    data: UrgentData,
    private readonly lexicon: Lexicon,
    prepared?: PreparedTexts | null,
    clock?: Clock,
  ) {
    const recorded = prepared?.redFlags;
    const replay = fitsRules(recorded, data.rules, data.advisories) ? recorded : null;
    // What the classes expand into is in recorded tables: the rules and idioms are then not read here at all.
    this.data = data = replay ? data : withClasses(data);
    this.recorder = replay === null && prepared?.record ? new TablesRecorder() : null;
    this.notReported = new NotReported(data.not_reported, lexicon, clock);
    this.sentencesShape = new Sentences(undefined, 0, lexicon);
    // Stemmed as the message is: "nothing" is read as "noth", and must deny "nothing swollen" as "no" does.
    this.negators = new Set([...data.negators, ...data.negators_next_only].flatMap((w) => lexicon.stems(w)));
    this.nextOnly = new Set(data.negators_next_only.flatMap((w) => lexicon.stems(w)));
    this.meAsMy = new Set(data.me_as_my_before.flatMap((w) => lexicon.stems(w)));
    this.breaks = new Set(data.negation_breaks.flatMap((w) => lexicon.stems(w)));
    for (const phrase of data.denials) this.denials.set(lexicon.stems(phrase), true);
    for (const phrase of data.asked_back) this.askedBack.set(lexicon.stems(phrase), true);
    this.filler = new Set([...lexicon.data.filler, ...data.intensifiers].flatMap((w) => lexicon.stems(w)));
    this.durationContext = new Set(data.duration_context.flatMap((w) => lexicon.terms(w)));
    for (const phrase of data.duration_context_in_conversation)
      this.conversationContext.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_unless) this.durationUnless.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_unless_after ?? [])
      this.durationUnlessAfter.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_connectors) this.durationConnectors.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_lasting) this.durationLasting.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_ongoing) this.durationOngoing.set(lexicon.stems(phrase), true);
    for (const phrase of data.duration_rate) this.durationRate.set(lexicon.stems(phrase), true);
    for (const phrase of expandClasses(data.duration_held_through, data.classes))
      this.heldThrough.set(lexicon.stems(phrase), true);
    // The resolved phrases may hold classes ("<ended> <ended-when>"): expanded here, in the replayed data as well.
    for (const phrase of expandClasses(data.resolved, data.classes)) {
      // A phrase the lexicon reads as one word ("totally gone" as "gone") would end every sign before that word.
      const form = lexicon.stems(phrase);
      if (form.length > 1) this.resolved.set(form, true);
    }
    for (const phrase of data.resolved_not_across) this.recent.set(lexicon.stems(phrase), true);
    for (const phrase of data.explained) this.explained.set(lexicon.stems(phrase), true);
    for (const phrase of expandClasses(data.explained_across, data.classes))
      this.explainedAcross.set(lexicon.stems(phrase), true);
    for (const phrase of data.habitual.phrases) this.habitual.set(lexicon.stems(phrase), true);
    for (const phrase of data.habitual.causes_before) this.causesBefore.set(lexicon.stems(phrase), true);
    for (const phrase of data.habitual.back_at_once) this.backAtOnce.set(lexicon.stems(phrase), true);
    for (const phrase of data.habitual.back_again) this.backAgain.set(lexicon.stems(phrase), true);
    this.feltSigns = new Set(data.habitual.felt_signs);
    for (const phrase of data.classes.limb ?? []) this.limbs.set(lexicon.stems(phrase), true);
    for (const phrase of data.classes.cramp ?? []) this.cramps.set(lexicon.stems(phrase), true);
    if (replay) {
      const compiled = replayTables(replay);
      this.stemTable = compiled.stems;
      this.termTable = compiled.terms;
      this.idioms = compiled.idioms;
      this.rules.push(...compiled.rules);
      this.advisoryRules.push(...compiled.advisories);
      this.durationSlots.push(...compiled.durationSlots);
      this.clockSlots.push(...compiled.clockSlots);
      this.nameHabitualRules();
      this.nameNeeds();
      return;
    }
    const idioms = new PhraseTable<true>();
    for (const phrase of data.idioms) {
      const form = lexicon.stems(phrase);
      idioms.set(form, true);
      this.recorder?.setIn("idioms", form);
    }
    this.idioms = idioms;
    const building = { stems: new PhraseTable<Hit[]>(), terms: new PhraseTable<Hit[]>() };
    this.building = building;
    this.stemTable = building.stems;
    this.termTable = building.terms;
    data.rules.forEach((rule, i) => {
      this.rules.push(this.compile(rule, i));
    });
    data.advisories.forEach((rule, i) => {
      this.advisoryRules.push(this.compile(rule, ADVISORY_BASE + i));
    });
    this.forms.clear();
    this.building = null;
    this.nameHabitualRules();
    this.nameNeeds();
    if (this.recorder && prepared) {
      prepared.redFlags =
        this.recorder.finish({
          stems: building.stems,
          terms: building.terms,
          idioms,
          rules: this.rules,
          advisories: this.advisoryRules,
          durationSlots: this.durationSlots,
          clockSlots: this.clockSlots,
        }) ?? undefined;
    }
  }

  /** Each rule's groups that the message itself must name (all but those the earlier turns stand for), as bits. */
  private nameNeeds(): void {
    const need = (rule: CompiledRule): number => {
      let bits = 0;
      for (let g = 0; g < rule.groups; g++) if (!rule.conversationGroups.has(g)) bits |= 1 << g;
      return bits;
    };
    this.needs = Int32Array.from(this.rules, need);
    this.advisoryNeeds = Int32Array.from(this.advisoryRules, need);
    this.named = new Int32Array(this.rules.length);
    this.advisoryNamed = new Int32Array(this.advisoryRules.length);
  }

  /** Some group the rule needs is named nowhere in the message (`named`): the rule cannot fire, in either reading. */
  private cannotFire(rule: number): boolean {
    if (rule >= ADVISORY_BASE) {
      const need = this.advisoryNeeds[rule - ADVISORY_BASE] ?? 0;
      return ((this.advisoryNamed[rule - ADVISORY_BASE] ?? 0) & need) !== need;
    }
    const need = this.needs[rule] ?? 0;
    return ((this.named[rule] ?? 0) & need) !== need;
  }

  private nameHabitualRules(): void {
    const names = new Set(this.data.habitual.phrases.length > 0 ? this.data.habitual.rules : []);
    this.rules.forEach((rule, i) => {
      if (names.has(rule.name)) this.habitualRules.add(i);
    });
  }

  private formsOf(phrase: string): { stems: string[]; terms: string[] } {
    let forms = this.forms.get(phrase);
    if (forms === undefined) {
      forms = { stems: this.lexicon.stems(phrase), terms: this.lexicon.terms(phrase) };
      this.forms.set(phrase, forms);
    }
    return forms;
  }

  /** `text` is the message as written, for its sentences; without it the message reads as one sentence. */
  check(analysis: Analysis, text?: string): RedFlagResult {
    const context = this.context(analysis, text);
    const reading = this.lengths(analysis, false, context);
    const closed: number[] = [];
    const hits = this.hits(analysis, reading, context, closed);
    // Each rule's mentions are gathered once for both readings below (alone, and after earlier turns; ADR 26).
    // (Made at its length: grown push by push, the list was copied three times over for 79 rules.)
    const mentions = new Array<number[][] | null>(this.rules.length);
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      mentions[i] = rule === undefined ? null : this.mentions(rule, i, hits);
    }
    const urgent = this.firstFiring(mentions, reading, false, context.sentences);
    // Worked out with the same hits only when the message alone is no red flag; the engine uses it when the
    // conversation has earlier turns.
    const inConversation =
      urgent === null
        ? this.firstFiring(mentions, this.lengths(analysis, true, context, reading), true, context.sentences)
        : null;
    const advisories: string[] = [];
    const advisorySections: string[] = [];
    for (const [i, rule] of this.advisoryRules.entries()) {
      if (!this.fires(rule, ADVISORY_BASE + i, hits, false, context.sentences)) continue;
      advisories.push(this.data.advisories[i]?.text ?? "");
      const section = this.data.advisories[i]?.section;
      if (section !== undefined) advisorySections.push(section);
    }
    const denied = deniedAt(hits);
    return {
      urgent,
      inConversation,
      advisories,
      advisorySections,
      denied: closed.length > 0 ? [...denied, ...closed] : denied,
    };
  }

  /** The message's sentences and the stretches of it that report nothing of the writer's own. */
  private context(analysis: Analysis, text: string | undefined): Context {
    const sentences = new Sentences(text, analysis.stems.length, this.lexicon);
    return { sentences, quiet: this.notReported.stretches(analysis.stems, sentences, analysis.tokens) };
  }

  private firstFiring(
    mentions: readonly (number[][] | null)[],
    reading: Reading,
    conversation: boolean,
    sentences: Sentences,
  ): string | null {
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      const positions = mentions[i];
      if (rule === undefined || positions == null) continue;
      // Called in a conversation only once no rule fired for the message alone: a rule none of whose groups the
      // earlier turns stand for reads the same there, so only the others are tried again.
      if (conversation && rule.conversationGroups.size === 0) continue;
      if (this.near(rule, positions, conversation, sentences)) return rule.name;
    }
    return this.longDuration(reading, sentences) ? "cramp-that-will-not-ease" : null;
  }

  /** Every red-flag rule the message fires, in the file's order (`check` reports the first); for tests and tuning. */
  firing(analysis: Analysis, conversation = false, text?: string): string[] {
    const context = this.context(analysis, text);
    const reading = this.lengths(analysis, conversation, context);
    const hits = this.hits(analysis, reading, context, []);
    const names = this.rules
      .filter((rule, i) => this.fires(rule, i, hits, conversation, context.sentences))
      .map((rule) => rule.name);
    if (this.longDuration(reading, context.sentences)) names.push("long-duration");
    return names;
  }

  /**
   * Every phrase found in the message, by the rule it belongs to. `closed` gets the stem positions of the signs said
   * to be over, explained or how it always is ("out of breath ... but that's just the stairs"): like a sign denied,
   * not what the person asks about.
   */
  private hits(
    analysis: Analysis,
    reading: Reading,
    { quiet, sentences }: Context,
    closed: number[],
  ): MentionsByRule {
    const { terms, termStarts } = analysis;
    const stems = this.dialect(analysis.stems);
    const stemSeq: Sequence = { words: stems, at: startsOr(stems, []) };
    const termSeq: Sequence = { words: terms, at: startsOr(terms, termStarts) };
    // One entry per phrase found, with all the rule phrases it stands for: a word such as "calf" is in dozens of
    // rules' groups, and what masks a phrase depends only on where it stands, so it is read once per place (ADR 33).
    const placed: Placed[] = [];
    this.collect(this.stemTable, stemSeq, placed, sentences);
    this.collect(this.termTable, termSeq, placed, sentences);
    // Said with filler inside: "I can't really catch my breath", "it's like pins and needles".
    for (const [table, seq] of [
      [this.stemTable, stemSeq],
      [this.termTable, termSeq],
    ] as const) {
      const reduced = this.withoutFiller(seq);
      if (reduced.words.length < seq.words.length) this.collect(table, reduced, placed, sentences);
    }
    this.standsFor(stems, placed, sentences, quiet);
    // (Seconds say no cramp that will not ease: "and still cramped for about thirty seconds".)
    for (const d of reading.durations)
      if (d.minutes >= 1) placed.push({ hits: this.durationSlots, negated: false, at: d.start, end: d.end });
    for (const at of clockTimes(stems))
      placed.push({ hits: this.clockSlots, negated: false, at, end: at + 2 });
    // "I feel like I'm falling apart", "walking the fells": a phrase inside an everyday idiom is not what it says.
    const idioms = spans(this.idioms, stems);
    // "chest pains last year that turned out to be reflux, all sorted now": a sign said to be over is history.
    // ("it has not cleared up", "hasn't healed well": an end denied says the sign goes on.)
    // ("Bruised but walking fine. Since then ...": a phrase read across a sentence end is no end said.)
    const over = this.undenied(this.resolved, stems).filter(
      (o) => sentences.of(o.start) === sentences.of(o.end - 1),
    );
    // "my calf swelled up yesterday, it had been fine for years": a recent time between them says the sign is new.
    const recent = over.length > 0 ? spans(this.recent, stems) : [];
    // "numb last night but only because ...": an explanation in the sign's sentence closes it, however recent.
    // Only across words that lead to it: "swollen and hot and the pain is exactly the same", "swollen, I'm writing
    // only because my wife made me" explain nothing about the sign.
    const explained = this.undenied(this.explained, stems);
    const across = explained.length > 0 ? covered(spans(this.explainedAcross, stems), stems.length) : null;
    // "feet cold? nah, they're toasty": the denials are looked for once, and only when a sign ends a question.
    let denials: Span[] | null = null;
    // "Colleague asked if my calf was hot - it isn't": a question told, denied in the clause after it.
    let asked: Span[] | null = null;
    let askedLimbs: Span[] | null = null;
    const deniedNext = (at: number): boolean => {
      if (sentences.endsAsking(at)) {
        denials ??= spans(this.denials, stems);
        if (this.deniesNext(stems, sentences.endOf(at), sentences, denials)) return true;
      }
      asked ??= spans(this.askedBack, stems);
      // (Nothing asked back, nothing denied after it: most messages, whose limbs are then not looked for.)
      if (asked.length === 0) return false;
      // The place asked about is not denied with its sign: "asked if my calf was hot, it isn't, but it is swollen".
      askedLimbs ??= spans(this.limbs, stems);
      if (askedLimbs.some((l) => l.start === at)) return false;
      if (
        !asked.some((a) => a.end <= at && at - a.end <= ASKED_BACK_REACH && sentences.sameClause(a.start, at))
      )
        return false;
      let next = at + 1;
      while (next < stems.length && sentences.sameClause(at, next)) next++;
      if (next >= stems.length) return false;
      denials ??= spans(this.denials, stems);
      return this.deniesNext(stems, next, sentences, denials);
    };
    // "out of breath on the stairs like I always have": how it always is, for signs that are often lifelong.
    // (Looked for only once a phrase of such a rule is found: most messages have none.)
    let usual: Span[] | null = null;
    let causes: Span[] | null = null;
    let back: Span[] | null = null;
    const byRule = new MentionsByRule(this.rules.length, this.advisoryRules.length);
    // A rule some of whose groups the message names nowhere cannot fire: its parts make no mentions. Most rules meet a
    // message with a limb or a cramp word only, and their mentions were most of the check's allocations.
    this.named.fill(0);
    this.advisoryNamed.fill(0);
    for (const p of placed)
      for (const part of this.partsOf(p.hits)) {
        if (part.rule >= ADVISORY_BASE) {
          const a = part.rule - ADVISORY_BASE;
          this.advisoryNamed[a] = (this.advisoryNamed[a] ?? 0) | part.groups;
        } else this.named[part.rule] = (this.named[part.rule] ?? 0) | part.groups;
      }
    // Loops, and what each place reads worked out once for it, not closures made per place (ADR 54, ADR 60).
    for (const { hits, negated: said, at, end } of placed) {
      if (
        (over.length > 0 && closedBy(over, recent, end)) ||
        (across !== null && explainedAfter(explained, across, sentences, at, end))
      ) {
        this.close(closed, stems, at, end);
        continue;
      }
      const negated = said || deniedNext(at);
      // Whether the sign is how it always is, and whether what gives it was said before it: read at most once here.
      let habitual = -1;
      let caused = -1;
      // "what if it swells up?", "patients with swollen legs": asked about or said of others, not reported. (An
      // exception stands for itself: it is never masked.)
      const masked = overlapsAny(idioms, at, end) || this.quietAt(quiet, at, end, stems);
      // "feels like a hot water bottle" says how hot the calf is: an exception said as a comparison does not stop it.
      const compared = comparison(stems, at);
      for (const part of this.partsOf(hits)) {
        // (Not a habitual rule's part: reading it may close the sign. A denied sign's place is still denied.)
        if (!part.habitual && this.cannotFire(part.rule)) {
          if (negated && !masked && part.groups !== 0) for (let i = at; i < end; i++) closed.push(i);
          continue;
        }
        let others = masked ? NO_HITS : part.others;
        if (!masked && part.habitual) {
          if (habitual < 0) {
            // "that is not normal for me", "I haven't been sitting on it": a habit denied says the sign is new.
            usual ??= this.undenied(this.habitual, stems);
            let usualOrGone = startsAfter(usual, end, HABITUAL_REACH, at, sentences);
            // ...or gone again at once ("numb, but it came back in like a minute").
            if (!usualOrGone) {
              back ??= this.goneForGood(stems, sentences);
              usualOrGone =
                startsAfter(back, end, BACK_AT_ONCE_REACH, end - 1, sentences) ||
                saidOfInTheNext(back, stems, end - 1, sentences);
            }
            habitual = usualOrGone ? 1 : 0;
            if (usualOrGone) this.close(closed, stems, at, end);
          }
          if (habitual === 1) others = NO_HITS;
          // "magnesium spray ... it tingles": a felt sign given by what was put on it.
          else if (part.felt) {
            if (caused < 0) {
              causes ??= spans(this.causesBefore, stems);
              caused = causedBefore(causes, at, sentences) ? 1 : 0;
            }
            if (caused === 1) others = part.unfelt;
          }
        }
        const exceptions = compared ? NO_HITS : part.exceptions;
        if (others.length === 0 && exceptions.length === 0) continue;
        byRule.add(part.rule, { others, exceptions, negated, at, end });
      }
    }
    return byRule;
  }

  /** Records a closed sign's positions (a body place named is no sign: it stays for the topics). */
  private close(closed: number[], stems: readonly string[], at: number, end: number): void {
    if (this.isLimb(stems, at, end)) return;
    for (let i = at; i < end; i++) if (!closed.includes(i)) closed.push(i);
  }

  /**
   * The phrase at `at`..`end` stands in a stretch that reports nothing; a body place in a stretch of the past is still
   * a place (`Stretch.sparesPlaces`).
   */
  private quietAt(quiet: readonly Stretch[], at: number, end: number, stems: readonly string[]): boolean {
    for (const s of quiet) {
      if (at < s.start || end > s.end) continue;
      if (s.sparesPlaces === true && this.isLimb(stems, at, end)) continue;
      return true;
    }
    return false;
  }

  /** The phrase at `at`..`end` is a body place, no sign. */
  private isLimb(stems: readonly string[], at: number, end: number): boolean {
    return this.limbs.matchExact(stems.slice(at, end)) !== undefined;
  }

  /**
   * "My left calf cramped on Sunday. This morning it has gone a purplish colour": an "it" (or "this one") after a limb
   * named in an earlier sentence of the message stands for that limb, for the rules that want a sign and its place in one sentence.
   * (The rules without that limit reach the limb by their window already.) So does an "it" or "mine" after a cramp
   * word of an earlier sentence for the cramp: "When is a cramp too long? Mine has not stopped since breakfast".
   */
  private standsFor(
    stems: readonly string[],
    placed: Placed[],
    sentences: Sentences,
    quiet: readonly Stretch[],
  ): void {
    let limbs: Span[] | null = null;
    let cramps: Span[] | null = null;
    for (let i = 0; i < stems.length; i++) {
      const w = stems[i];
      // ("mine" after a limb said of a rule or of the past: "I know a swollen calf is a warning sign, mine is swollen".)
      const pronoun =
        w === "it" ||
        w === "its" ||
        w === "mine" ||
        (w === "one" && (stems[i - 1] === "this" || stems[i - 1] === "that"));
      if (!pronoun) continue;
      limbs ??= spans(this.limbs, stems);
      const limb = lastBefore(limbs, i);
      if (limb !== null && this.placeAt(limb, i, placed)) {
        // Whether the limb stood in another sentence is asked only when a rule has all its groups (`near`). A limb
        // that reports nothing (in a rule known, in the past: "years ago my leg was swollen ... and it's swollen
        // again now") is no limb of the "it"'s own sentence: the "it" is the only place said.
        if (!inside(quiet, limb.start, limb.end) || inside(quiet, i, i + 1))
          sentences.standsFor.set(i, limb.start);
      }
      // The cramp only from an earlier sentence: in its own, the rule's window measures the cramp word itself.
      cramps ??= spans(this.cramps, stems);
      const cramp = lastBefore(cramps, i);
      if (cramp !== null && sentences.of(cramp.start) !== sentences.of(i)) this.placeAt(cramp, i, placed);
    }
  }

  /**
   * Places at `i` the sentence rules' hits of the phrase found at `from` (not denied): the pronoun at `i` stands for
   * it. Whether there were any.
   */
  private placeAt(from: Span, i: number, placed: Placed[]): boolean {
    for (const p of placed) {
      if (p.at !== from.start || p.end !== from.end || p.negated) continue;
      const hits = this.sentenceHitsOf(p.hits);
      if (hits.length === 0) return false;
      placed.push({ hits, negated: false, at: i, end: i + 1 });
      return true;
    }
    return false;
  }

  /** The hits of `hits` that belong to rules wanting one sentence (kept by the entry's identity). */
  private sentenceHitsOf(hits: readonly Hit[]): readonly Hit[] {
    let out = this.sentenceHits.get(hits);
    if (out === undefined) {
      out = hits.filter((h) => h.group >= 0 && this.rules[h.rule]?.sentence === true);
      this.sentenceHits.set(hits, out);
    }
    return out;
  }

  /**
   * The phrases a table entry stands for, by rule (in the order the rules first appear), each rule's exceptions
   * apart. Worked out the first time the entry is found and kept by the entry's identity (entries never change once
   * the rules are compiled), so a phrase found is handled once per rule, not once per phrase of every rule (ADR 33).
   */
  private partsOf(hits: readonly Hit[]): RulePart[] {
    let parts = this.parts.get(hits);
    if (parts === undefined) {
      const byRule = new Map<number, RulePart>();
      for (const hit of hits) {
        let part = byRule.get(hit.rule);
        if (part === undefined) {
          const habitual = this.habitualRules.has(hit.rule);
          part = {
            rule: hit.rule,
            others: [],
            exceptions: [],
            habitual,
            felt: false,
            unfelt: NO_HITS,
            groups: 0,
          };
          byRule.set(hit.rule, part);
        }
        (hit.group === -2 ? part.exceptions : part.others).push(hit);
        if (hit.group >= 0) part.groups |= 1 << hit.group;
      }
      parts = [...byRule.values()];
      for (const part of parts) {
        if (!part.habitual) continue;
        part.felt = part.others.some((h) => this.feltSigns.has(h.phrase));
        if (part.felt) part.unfelt = part.others.filter((h) => !this.feltSigns.has(h.phrase));
      }
      this.parts.set(hits, parts);
    }
    return parts;
  }

  /** The stems with a dialect "me" before a body word read as "my" ("can't move me leg"); the same array if none. */
  private dialect(stems: readonly string[]): readonly string[] {
    if (!stems.includes("me")) return stems;
    return stems.map((w, i) => (w === "me" && this.meAsMy.has(stems[i + 1] ?? "") ? "my" : w));
  }

  private withoutFiller(seq: Sequence): Sequence {
    const words: string[] = [];
    const at: number[] = [];
    seq.words.forEach((word, i) => {
      if (this.filler.has(word)) return;
      words.push(word);
      at.push(seq.at[i] ?? i);
    });
    return { words, at };
  }

  private compile(rule: RuleData, index: number): CompiledRule {
    const conversationGroups = new Set<number>();
    rule.all.forEach((group, g) => {
      const written = this.writtenForms(group);
      for (const phrase of group) {
        if (phrase === EARLIER_TURNS_CLASS) conversationGroups.add(g);
        else if (phrase === DURATION_CLASS) this.durationSlots.push({ rule: index, group: g, phrase });
        else if (phrase === CLOCK_CLASS) this.clockSlots.push({ rule: index, group: g, phrase });
        else this.add(phrase, { rule: index, group: g, phrase }, written);
      }
    });
    const some = rule.some?.of ?? [];
    const written = this.writtenForms(some);
    for (const phrase of some) this.add(phrase, { rule: index, group: -1, phrase }, written);
    for (const phrase of rule.unless ?? []) this.add(phrase, { rule: index, group: -2, phrase }, new Set());
    return {
      name: rule.name,
      groups: rule.all.length,
      conversationGroups,
      someMin: rule.some?.min ?? 0,
      window: rule.window ?? DEFAULT_WINDOW,
      sentence: rule.sentence ?? false,
    };
  }

  /** The phrases of one group as written (their stems), to tell a synonym the group lists from a wider one. */
  private writtenForms(group: readonly string[]): Set<string> {
    return new Set(group.map((phrase) => this.formsOf(phrase).stems.join(" ")));
  }

  private add(phrase: string, hit: Hit, group: ReadonlySet<string>): void {
    const building = this.building;
    if (building === null) return;
    const { stems, terms } = this.formsOf(phrase);
    const written = stems.join(" ");
    for (const [table, form] of [
      [building.stems, stems],
      [building.terms, terms],
    ] as const) {
      // An out-of-scope word stands for many topics; it must not stand in for a red-flag word.
      if (form.includes(OUT_OF_SCOPE)) continue;
      // Nor may a word the lexicon folds into a wider concept ("diarrhoea" and "stomach" both become "side effect"):
      // such a phrase is matched as written.
      if (table === building.terms && form.some((t) => t.includes(" ") && !written.includes(t))) continue;
      // A word the lexicon folds into a plainer one stands for itself only, unless the group lists the plainer one
      // too: "agony" (read as "pain") must not make every ache severe; "weaker" (read as "weak") may stand for "weak".
      if (table === building.terms && form.join(" ") !== written && !group.has(form.join(" "))) continue;
      // An exception names one idiom, which its synonyms are not: "dragging my feet" (putting something off) is
      // not "dragging my foot" (a weak foot), though the lexicon reads "feet" as "foot".
      if (table === building.terms && hit.group === -2) continue;
      const existing = table.matchExact(form);
      if (existing) {
        if (!existing.some((h) => this.sameHit(h, hit))) existing.push(hit);
      } else {
        table.set(form, [hit]);
        this.recorder?.setIn(table === building.stems ? "stems" : "terms", form);
      }
    }
  }

  /**
   * A hit one table entry already holds: the same phrase, or another of the same group read the same way ("won't
   * give" and "will not give", which the classes both expand into). Only the group counts where a phrase stands;
   * `some` counts its phrases, and felt signs are told apart by phrase, so those are kept.
   */
  private sameHit(h: Hit, hit: Hit): boolean {
    if (h.rule !== hit.rule || h.group !== hit.group) return false;
    if (h.phrase === hit.phrase) return true;
    return hit.group >= 0 && !this.feltSigns.has(h.phrase) && !this.feltSigns.has(hit.phrase);
  }

  /** Adds to `out` every phrase of the table found in the sequence, with the rule phrases it stands for. */
  private collect(table: PhraseMatcher<Hit[]>, seq: Sequence, out: Placed[], sentences: Sentences): void {
    const matches = table.everyMatch(seq.words);
    // A negator inside a red-flag phrase is part of what is said, not a denial: in "I can't lift my foot" the "not"
    // of "can't lift" does not negate "foot". (A set made only for a phrase that has one: most have none.)
    let own: Set<number> | null = null;
    for (const match of matches) {
      for (let i = match.start; i < match.start + match.length; i++) {
        if (!this.negators.has(seq.words[i] ?? "")) continue;
        own ??= new Set();
        own.add(i);
      }
    }
    const ownWords: ReadonlySet<number> = own ?? NO_WORDS;
    for (const match of matches) {
      const negator = this.negatorOf(seq.words, match.start, ownWords);
      const at = seq.at[match.start] ?? match.start;
      // A negator ends its sentence's reach: in "chest pain? no. swollen calf? yes" the "no" answers the chest.
      const negatorAt = seq.at[negator] ?? negator;
      const negated =
        negator >= 0 &&
        sentences.of(negatorAt) === sentences.of(at) &&
        // Across a clause end only when the negator's own clause denies signs too, a list ("isn't swollen, red or
        // hot"): in "no aircon, wrung my shirt out" the "no" has its own word and its clause ends there.
        (sentences.sameClause(negatorAt, at) ||
          matches.some(
            (m) =>
              m.start > negator &&
              m.start <= negator + 2 &&
              m.start < match.start &&
              sentences.sameClause(negatorAt, seq.at[m.start] ?? m.start),
          ));
      const end = (seq.at[match.start + match.length - 1] ?? at) + 1;
      out.push({ hits: match.value, negated, at, end });
    }
  }

  /**
   * "feet cold? nah, they're toasty", "tingling? no, nothing like that": the sentence starting at `next`, after a sign
   * asked back, opens with a denial, or with a bare negator that closes its clause ("no idea" denies nothing).
   */
  private deniesNext(
    stems: readonly string[],
    next: number,
    sentences: Sentences,
    denials: readonly Span[],
  ): boolean {
    if (denials.some((d) => d.start === next)) return true;
    return this.negators.has(stems[next] ?? "") && !sentences.sameClause(next, next + 1);
  }

  /**
   * A negator up to three words before the phrase negates it, unless "but", "and" ... comes between. A list joined by
   * "or" carries the negator further: in "isn't swollen, red or hot" the "not" denies "hot" as well as "swollen".
   * Where the negator stands, or -1.
   */
  /** The table's phrases in `stems` that no negator stands before ("it has not cleared up" says no end). */
  /** The `back_at_once` phrases not denied, and with no `back_again` phrase after them in their sentence. */
  private goneForGood(stems: readonly string[], sentences: Sentences): Span[] {
    const back = this.undenied(this.backAtOnce, stems);
    if (back.length === 0) return back;
    const again = spans(this.backAgain, stems);
    if (again.length === 0) return back;
    return back.filter((b) => !again.some((a) => a.start >= b.end && sentences.together(b.start, a.start)));
  }

  private undenied(table: PhraseMatcher<true>, stems: readonly string[]): Span[] {
    return spans(table, stems).filter((o) => this.negatorOf(stems, o.start, NO_WORDS) < 0);
  }

  private negatorOf(seq: readonly string[], start: number, ownWords: ReadonlySet<number>): number {
    let reach = 3;
    let listed = false;
    for (let i = start - 1; i >= 0 && i >= start - reach; i--) {
      const word = seq[i] ?? "";
      if (this.breaks.has(word)) return -1;
      // "can't lie flat without getting short of breath": what cannot be done without the sign says it comes.
      if (word === "without" && cannotBefore(seq, i)) return -1;
      if (
        this.negators.has(word) &&
        !ownWords.has(i) &&
        (i === start - 1 || listed || !this.nextOnly.has(word))
      )
        return i;
      if (LIST_JOINERS.has(word)) {
        reach = Math.min(reach + 3, MAX_LIST_REACH);
        listed = true;
      }
    }
    return -1;
  }

  private fires(
    rule: CompiledRule,
    index: number,
    byRule: MentionsByRule,
    conversation: boolean,
    sentences: Sentences,
  ): boolean {
    const positions = this.mentions(rule, index, byRule);
    return positions !== null && this.near(rule, positions, conversation, sentences);
  }

  /**
   * Where each group of the rule is mentioned (not negated); null when the rule cannot fire however near they stand:
   * no phrase of it found, an exception said, or too few of its `some` phrases.
   */
  private mentions(rule: CompiledRule, index: number, byRule: MentionsByRule): number[][] | null {
    const mentioned = byRule.of(index);
    if (mentioned === undefined) return null;
    // Most rules meet a message with only some of their groups said (a limb or a cramp word): found out before any
    // positions are gathered. A group the earlier turns may stand for can be missing here (the mentions serve both
    // readings); `near` then asks for it when the message is read alone.
    let said = 0;
    for (const { others, exceptions, negated } of mentioned) {
      if (exceptions.length > 0) return null;
      if (negated) continue;
      for (const hit of others) if (hit.group >= 0) said |= 1 << hit.group;
    }
    for (let g = 0; g < rule.groups; g++) {
      if ((said & (1 << g)) === 0 && !rule.conversationGroups.has(g)) return null;
    }
    // A plain loop: `Array.from({ length })` was a measurable part of the check (ADR 26).
    const positions: number[][] = [];
    for (let g = 0; g < rule.groups; g++) positions.push([]);
    const some = new Set<string>();
    for (const { others, negated, at } of mentioned) {
      if (negated) continue;
      for (const hit of others) {
        if (hit.group === -1) some.add(hit.phrase);
        else positions[hit.group]?.push(at);
      }
    }
    if (some.size < rule.someMin) return null;
    return positions;
  }

  /** The rule's groups are mentioned within its window of one another (see {@link mentions}). */
  private near(
    rule: CompiledRule,
    positions: readonly number[][],
    conversation: boolean,
    sentences: Sentences,
  ): boolean {
    // Some mention of the first group must have every other group within the rule's window; in a conversation, a
    // group the earlier turns stand for needs no mention.
    // Loops over the groups in place, rather than a filtered copy and a rest array per rule: the check runs on every
    // message, twice, and those arrays were a good part of what it allocated (ADR 26).
    const skip = conversation ? rule.conversationGroups : null;
    let first = -1;
    for (let g = 0; g < positions.length && first < 0; g++) if (!skip?.has(g)) first = g;
    if (first < 0) return false;
    for (const p of positions[first] ?? []) {
      let all = true;
      for (let g = first + 1; g < positions.length && all; g++) {
        if (skip?.has(g)) continue;
        // A rule of a sign and its place wants them in one sentence ("my calf cramped. The bruise is purple" is not
        // a purple calf).
        all = (positions[g] ?? []).some(
          (q) =>
            Math.abs(q - p) <= rule.window &&
            (!rule.sentence ||
              (sentences.of(p) === sentences.of(q) && sentences.apart(p) && sentences.apart(q))),
        );
      }
      if (all) return true;
    }
    return false;
  }

  /**
   * How long something lasted, for each duration in the message that says so: not a point in time or an interval
   * ("20 minutes ago", "every 20 minutes"), and not the length of something else ("I sleep 5 hours", "a 10 hour
   * flight", "20 minutes of sunshine", "20 minutes to get back to sleep").
   */
  private lengths(
    analysis: Analysis,
    conversation: boolean,
    { quiet, sentences }: Context,
    alone?: Reading,
  ): Reading {
    const { stems, terms, termStarts } = analysis;
    const contextAt = new Set<number>();
    for (let i = 0; i < terms.length; i++)
      if (this.durationContext.has(terms[i] ?? "")) contextAt.add(termStarts[i] ?? i);
    if (conversation) {
      let added = false;
      for (const c of spans(this.conversationContext, stems)) {
        if (!contextAt.has(c.start)) added = true;
        contextAt.add(c.start);
      }
      // The reading depends on the message and these positions only: with none added it is the message's own
      // reading (`alone`), which need not be worked out again (ADR 26).
      if (!added && alone !== undefined) return alone;
    }
    // "a cramp about 15 minutes ago and it's still going": since then is how long it has lasted.
    // "...and still no cramp": said of something that has not come, not of a cramp that goes on.
    const ongoing = spans(this.durationOngoing, stems).filter((o) => !NOT_COME.has(stems[o.end] ?? ""));
    const all = this.lexicon.numbers.durations(stems);
    const since = all.filter(
      (d) => !d.isLength && ongoing.some((o) => o.start >= d.end && o.start - d.end <= ONGOING_REACH),
    );
    // "my leg cramped at 5am and it's now half 5 and still cramping": from the start to now is how long it lasted.
    // The "still" may come between the two times ("since half six and it's still there, it's gone eight now"), and
    // "since ten past eleven and now it's nearly midnight" needs none.
    const elapsed = elapsedToNow(stems);
    if (
      elapsed &&
      (elapsed.since ||
        ongoing.some((o) => o.start > elapsed.start && o.start - elapsed.end <= ELAPSED_ONGOING_REACH))
    )
      since.push({ ...elapsed, lowerBound: false, isLength: false });
    // "it went from 6:05 to about 6:25", "from a quarter past two until nearly three": a span told by its ends.
    let unlessFound: Span[] | null = null;
    const unlessSpans = (): Span[] => (unlessFound ??= spans(this.durationUnless, stems));
    const span = clockSpanEnded(stems);
    // ...but not one that tells the hours of something else: "I'm indoors from 8am to 10pm", "I work 9am to 5pm".
    // (Nor one whose end is what something else lasted to: "cramp at 4am, lasted 20 secs, then I lay awake till 5".)
    if (span && !unlessSpans().some((u) => near(u, span, 3, 1) || endsSpan(u, span)))
      since.push({ ...span, lowerBound: false, isLength: false });
    // "45 minutes into this cramp": a point in the cramp, so how long it has lasted so far.
    const found = all.filter((d) => d.isLength || this.intoCramp(stems, d, contextAt));
    if (found.length === 0 && since.length === 0)
      return { durations: [], contextAt, connectors: [], lasting: [], stems };
    if (!conversation && contextAt.size > 0) {
      // "the cramp started when I went to bed ... it's like forty minutes now": after a cramp word, "it" is the cramp.
      const first = Math.min(...contextAt);
      for (const c of spans(this.conversationContext, stems)) if (c.start > first) contextAt.add(c.start);
    }
    const connectors = spans(this.durationConnectors, stems);
    const lasting = spans(this.durationLasting, stems);
    const unless = unlessSpans();
    const unlessAfter = this.durationUnlessAfter.size > 0 ? spans(this.durationUnlessAfter, stems) : [];
    const rates = spans(this.durationRate, stems);
    const durations = found.filter(
      (d) =>
        // "what if it lasts more than ten minutes?": asked about, not reported.
        !inside(quiet, d.start, d.end) &&
        // One said after it must be in its clause, and not after a time said to have lasted: in "been going for a
        // quarter of an hour, stretching does nothing" the stretching is not what took that long.
        !unless.some(
          (u) =>
            near(u, d, 3, 1) &&
            // (One said before it, in its clause: in "I timed it because my wife was awake: a good quarter of an
            // hour before it even started to ease" the waking is another clause's.)
            ((u.end <= d.start && sentences.sameClause(u.end - 1, d.start)) ||
              (u.start >= d.end &&
                sentences.sameClause(d.end - 1, u.start) &&
                !lasting.some((l) => near(l, d, 4, 0)))),
        ) &&
        // "I run at lunch in the heat, about 40 minutes, and cramp that night": a length set apart by commas, with
        // nothing but connectors, says how long the clause before it took when that clause names what else took it
        // and no cramp.
        !this.asideOfSomethingElse(d, unless, connectors, contextAt, sentences, stems.length) &&
        // "I do 12 hour nights": a word right after it that measures something else (`duration_unless_after`).
        !unlessAfter.some((u) => u.start === d.end) &&
        // ...unless it says what each one lasted: "cramps that last 20 minutes every night", "my calf cramps for 30
        // minutes a night".
        !(rates.some((r) => r.start === d.end) && !saysLasted(stems, d, contextAt)) &&
        !this.measuresSomethingElse(stems, d, contextAt, connectors, unless) &&
        // A unit of one letter is a length only said right after "for", "lasted" ...: "54M, truck driver" is an age.
        // (In its clause: "2 weeks straight, 23M" is an age after a comma.)
        ((stems[d.end - 1]?.length ?? 0) > 1 ||
          connectors.some((c) => c.end === d.start && sentences.sameClause(c.end - 1, d.start))),
    );
    // "the cramp began when the train pulled out and it still hadn't gone when we got in, the trip is 25 minutes": the
    // length of what the cramp began with, and held through, is how long it lasted (a journey's length alone is not).
    if (this.startsWithSomething(stems, ongoing, contextAt))
      for (const d of found) {
        if (durations.includes(d) || inside(quiet, d.start, d.end)) continue;
        if (!unless.some((u) => near(u, d, 3, 2))) continue;
        durations.push(d);
        contextAt.add(d.start);
        connectors.push({ start: d.end, end: d.end });
      }
    // A point in time the cramp is still going from says how long it lasted, as a connector would.
    for (const d of since) connectors.push({ start: d.end, end: d.end });
    return {
      // (A short time since, "woke at 2 ... the clock said 2 05 and it's still tight", says no long cramp.)
      durations: [
        ...durations,
        ...since
          .filter((d) => d.minutes >= this.data.long_cramp_minutes)
          .map((d) => ({ ...d, isLength: true })),
      ],
      contextAt,
      connectors,
      lasting,
      stems,
    };
  }

  /**
   * A cramp word starts something said to begin with an event ("the cramp began when the train pulled out"), and a
   * hold is told after it ("it still hadn't gone"): see `duration_held_through`.
   */
  private startsWithSomething(
    stems: readonly string[],
    ongoing: readonly Span[],
    contextAt: ReadonlySet<number>,
  ): boolean {
    if (contextAt.size === 0 || ongoing.length === 0) return false;
    return spans(this.heldThrough, stems).some(
      (h) =>
        [...contextAt].some((c) => c < h.start && h.start - c <= 3) && ongoing.some((o) => o.start >= h.end),
    );
  }

  /** "20 minutes into this cramp", "an hour into it": the duration is measured inside a cramp. */
  private intoCramp(stems: readonly string[], d: Duration, contextAt: ReadonlySet<number>): boolean {
    if (stems[d.end] !== "into") return false;
    const next = DETERMINERS.has(stems[d.end + 1] ?? "") ? d.end + 2 : d.end + 1;
    return contextAt.has(next) || (stems[d.end + 1] === "it" && contextAt.size > 0);
  }

  /**
   * A cramp that lasted longer than the configured minutes, however it is said: "a cramp for 20 minutes", "been
   * going a quarter of an hour", "longer than ten minutes", "it only went after half an hour" (a cramp that lasted
   * that long is a red flag even once it has stopped).
   */
  private longDuration(
    { durations, contextAt, connectors, lasting, stems }: Reading,
    sentences: Sentences,
  ): boolean {
    const limit = this.data.long_cramp_minutes;
    return durations.some(
      (d) =>
        (d.minutes > limit || (d.lowerBound && d.minutes >= limit)) &&
        ([...contextAt].some((c) => c >= d.start - DURATION_WINDOW && c < d.end + DURATION_WINDOW) ||
          (lasting.some((c) => near(c, d, 4, 2)) && [...contextAt].some((c) => c < d.start))) &&
        // It must read as how long something lasted ("for 20 minutes", "been 15 min", "an hour and still"), not as
        // a count of something else ("I barely get two hours in a row") ...
        (connectors.some((c) => near(c, d, 2, 2)) ||
          lasting.some((c) => c.start >= d.end && c.start - d.end < 2) ||
          // ... or follow the cramp closely in its own sentence: "the cramp would not relent; I timed it at
          // eighteen minutes", "cramp been going since I woke up, literally 25 mins". (A unit of one letter may be
          // something else: "33M" is an age.)
          ((stems[d.end - 1]?.length ?? 0) > 1 &&
            [...contextAt].some(
              (c) => c < d.start && d.start - c <= SAME_SENTENCE_REACH && sentences.together(c, d.start),
            ))),
    );
  }

  /**
   * The duration stands alone in its clause, after connectors only ("..., about 40 minutes, ..."), and the clause
   * before it, in its sentence, names something else that takes time (`duration_unless`) but no cramp: it is that
   * thing's length.
   */
  private asideOfSomethingElse(
    d: Duration,
    unless: readonly Span[],
    connectors: readonly Span[],
    contextAt: ReadonlySet<number>,
    sentences: Sentences,
    length: number,
  ): boolean {
    if (unless.length === 0) return false;
    let start = d.start;
    while (start > 0 && sentences.sameClause(start - 1, d.start)) start--;
    if (start === 0 || !sentences.together(start - 1, d.start)) return false;
    // Only connectors before it in its clause, and its clause ends with it.
    for (let i = start; i < d.start; i++)
      if (!connectors.some((c) => i >= c.start && i < c.end)) return false;
    if (d.end < length && sentences.sameClause(d.end - 1, d.end)) return false;
    let before = start - 1;
    while (before > 0 && sentences.sameClause(before - 1, start - 1)) before--;
    for (const c of contextAt) if (c >= before && c < start) return false;
    return unless.some((u) => u.start >= before && u.end <= start);
  }

  /** "a 10 hour flight", "the 20 minute walk", "20 minutes of sunshine": the duration describes the next words. */
  private measuresSomethingElse(
    stems: readonly string[],
    d: Duration,
    contextAt: ReadonlySet<number>,
    connectors: readonly Span[],
    unless: readonly Span[],
  ): boolean {
    const next = d.end < stems.length ? d.end : -1;
    if (next < 0 || contextAt.has(next)) return false;
    // ("half an hour of my calf being locked": a place after "of my" is the cramp's too.)
    if (stems[next] === "of")
      return !contextAt.has(next + 1) && !(DETERMINERS.has(stems[next + 1] ?? "") && contextAt.has(next + 2));
    // "it took me 20 minutes to get back to sleep", "30 minutes to drive home"
    if (stems[next] === "to") return unless.some((u) => u.start > next && u.start <= next + 4);
    const determiner = DETERMINERS.has(stems[d.start - 1] ?? "");
    return determiner && !connectors.some((c) => c.start === next);
  }
}

/** What a message's check reads beside its phrases: its sentences, and the stretches that report nothing. */
interface Context {
  sentences: Sentences;
  quiet: Stretch[];
}

/** The durations of one message that say how long something lasted, and what stands near them. */
interface Reading {
  durations: Duration[];
  /** Where a duration-context word ("cramp", "calf") starts, as indexes into the stems. */
  contextAt: ReadonlySet<number>;
  connectors: Span[];
  /** Connectors that only say how long something lasted ("went on for"). */
  lasting: Span[];
  /** The message's stems. */
  stems: readonly string[];
}

/** Words that make "a 10 hour ..." describe a thing rather than say how long something lasted. */
const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "my",
  "his",
  "her",
  "our",
  "their",
  "that",
  "this",
  "each",
  "every",
]);

/**
 * Where a clock time starts: a number from 1 to 12 followed by "am", "pm" or "o'clock" ("3am", "2 a.m."), or by its
 * minutes and "now" ("it's 2:40 now", read as "2 40 now").
 */
function clockTimes(stems: readonly string[]): number[] {
  const out: number[] = [];
  stems.forEach((stem, i) => {
    // Most stems are words: the regex only for one that starts with a digit (the hot path, ADR 26).
    const first = stem.charCodeAt(0);
    if (!(first >= 48 && first <= 57)) return;
    if (!/^\d{1,2}$/.test(stem) || Number(stem) < 1 || Number(stem) > 12) return;
    const next = stems[i + 1] ?? "";
    const spelt = (next === "a" || next === "p") && stems[i + 2] === "m";
    const minutesNow = /^[0-5]\d$/.test(next) && stems[i + 2] === "now";
    if (CLOCK_WORDS.has(next) || spelt || minutesNow || (next === "o" && stems[i + 2] === "clock"))
      out.push(i);
  });
  return out;
}

/** How far back from "without" a "can't" or "couldn't" makes it say the sign comes. */
const CANNOT_REACH = 8;

/** "can not" or "could not" stands shortly before `at` ("can't walk to the shops without ..."). */
function cannotBefore(seq: readonly string[], at: number): boolean {
  for (let i = at - 1; i > 0 && i >= at - CANNOT_REACH; i--) {
    if (seq[i] === "not" && (seq[i - 1] === "can" || seq[i - 1] === "could")) return true;
  }
  return false;
}

/** "last", "lasted", "lasting" (all stem to "last") or a cramp word up to three words before the duration. */
function saysLasted(stems: readonly string[], d: Duration, contextAt: ReadonlySet<number>): boolean {
  for (let i = Math.max(0, d.start - 3); i < d.start; i++)
    if (stems[i] === "last" || contextAt.has(i)) return true;
  return false;
}

/** Words that open a comparison just before a phrase: "like a hot water bottle", "as a radiator". */
const COMPARISON_OPENERS = new Set(["like", "as"]);

/** The phrase at `at` is what something is compared with ("feels like a hot water bottle", "like hot water"). */
function comparison(stems: readonly string[], at: number): boolean {
  const before = stems[at - 1] ?? "";
  const article = before === "a" || before === "an";
  return COMPARISON_OPENERS.has(article ? (stems[at - 2] ?? "") : before);
}

/**
 * A sign ending at `end` is closed by a phrase saying it is over (`over`) that follows it within
 * {@link RESOLVED_REACH} words, with no recent time (`recent`) between them.
 */
function closedBy(over: readonly Span[], recent: readonly Span[], end: number): boolean {
  for (const o of over) {
    if (o.start < end || o.start - end > RESOLVED_REACH) continue;
    let across = false;
    for (const r of recent)
      if (r.start >= end && r.end <= o.start) {
        across = true;
        break;
      }
    if (!across) return true;
  }
  return false;
}

/** Which word positions the spans cover. */
function covered(found: readonly Span[], length: number): Uint8Array {
  const marks = new Uint8Array(length);
  for (const f of found) marks.fill(1, f.start, f.end);
  return marks;
}

/**
 * Whether an `explained` phrase follows the sign at `at`..`end` within {@link EXPLAINED_REACH} words in its sentence,
 * with only `explained_across` words (`across`) between them.
 */
function explainedAfter(
  explained: readonly Span[],
  across: Uint8Array,
  sentences: Sentences,
  at: number,
  end: number,
): boolean {
  for (const o of explained) {
    // (In a long message with no sentence ends, the words between that must lead to it keep it close.)
    if (o.start < end || o.start - end > EXPLAINED_REACH || sentences.of(at) !== sentences.of(o.start))
      continue;
    let bridged = true;
    for (let k = end; k < o.start && bridged; k++) bridged = across[k] === 1;
    if (bridged) return true;
  }
  return false;
}

/** The last of `list` that ends before `i`, at most {@link PRONOUN_REACH} words before it; null if none. */
function lastBefore(list: readonly Span[], i: number): Span | null {
  let last: Span | null = null;
  for (const l of list) if (l.end <= i && i - l.end <= PRONOUN_REACH) last = l;
  return last;
}

/** Some span overlaps the stretch from `at` to `end` (exclusive). */
function overlapsAny(list: readonly Span[], at: number, end: number): boolean {
  for (const s of list) if (at < s.end && end > s.start) return true;
  return false;
}

/**
 * A phrase of `list` starts within `reach` words after the sign's `end`, in the sentence of the sign's word `of`
 * (habitual phrases: {@link HABITUAL_REACH}; a sign gone again at once: {@link BACK_AT_ONCE_REACH}).
 */
function startsAfter(
  list: readonly Span[],
  end: number,
  reach: number,
  of: number,
  sentences: Sentences,
): boolean {
  for (const u of list)
    if (u.start >= end && u.start - end <= reach && sentences.of(of) === sentences.of(u.start)) return true;
  return false;
}

/** Words that open a sentence speaking of the sign just told: "tingling ... right? It goes in seconds". */
const SAID_OF_BEFORE = new Set([
  "it",
  "that",
  "this",
  "they",
  "and",
  "but",
  "though",
  "usually",
  "always",
  "normally",
]);

/**
 * A phrase of `list` opens the sentence right after the sign's (word `of`), with only words of `SAID_OF_BEFORE`
 * before it: the next sentence says it of the sign ("is that just the muscle relaxing? it goes in seconds").
 */
function saidOfInTheNext(
  list: readonly Span[],
  stems: readonly string[],
  of: number,
  sentences: Sentences,
): boolean {
  const next = sentences.of(of) + 1;
  for (const u of list) {
    if (sentences.of(u.start) !== next) continue;
    const start = sentences.startOf(u.start);
    if (start === u.start || u.start - start > SAID_OF_REACH) continue;
    let before = true;
    for (let i = start; i < u.start; i++) if (!SAID_OF_BEFORE.has(stems[i] ?? "")) before = false;
    if (before) return true;
  }
  return false;
}

/** How many words may open the next sentence before a phrase said of the sign (`saidOfInTheNext`). */
const SAID_OF_REACH = 3;

/** A cause of a felt sign ends within {@link CAUSE_REACH} words before it, in its sentence. */
function causedBefore(causes: readonly Span[], at: number, sentences: Sentences): boolean {
  for (const c of causes)
    if (c.end <= at && at - c.end <= CAUSE_REACH && sentences.together(c.start, at)) return true;
  return false;
}

function spans(table: PhraseMatcher<true>, stems: readonly string[]): Span[] {
  return table.everyMatch(stems).map((m) => ({ start: m.start, end: m.start + m.length }));
}

/** How far (in words) before a span's end a phrase may end and still say what lasted to it ("awake till 5"). */
const SPAN_END_REACH = 3;

/** The phrase ends inside the span, just before its end time: "lay awake | till 5". */
function endsSpan(u: Span, span: Span): boolean {
  return u.start > span.start && u.end < span.end && span.end - u.end <= SPAN_END_REACH;
}

/** The phrase ends at most `before` words before the duration, or starts at most `after` words after it. */
function near(span: Span, d: Span, before: number, after: number): boolean {
  if (span.end <= d.start) return d.start - span.end < before;
  if (span.start >= d.end) return span.start - d.end < after;
  return false;
}

/** The stem positions of every rule phrase found negated (see {@link RedFlagResult.denied}). */
function deniedAt(hits: MentionsByRule): number[] {
  const at: number[] = [];
  for (let k = 0; k < hits.size; k++)
    for (const { others, negated, at: start, end } of hits.nth(k)) {
      if (!negated) continue;
      for (const hit of others) if (hit.group >= 0) for (let i = start; i < end; i++) at.push(i);
    }
  return at;
}

/**
 * Where each word of `words` stands: `starts[i]`, or `i` where there is none (a loop, not a closure made per message,
 * whose optimised code is lost at every full collection: ADR 54).
 */
function startsOr(words: readonly string[], starts: readonly number[]): number[] {
  const at = new Array<number>(words.length);
  for (let i = 0; i < words.length; i++) at[i] = starts[i] ?? i;
  return at;
}
