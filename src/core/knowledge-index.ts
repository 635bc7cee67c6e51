/**
 * Role: the knowledge index — queries over the knowledge base, separate from reading a message: topics ranked by a
 * message's evidence, the best section of a topic, sections with a facet, how much a message overlaps a section's
 * text, a dialogue asked for "about it", and did-you-mean guesses. Section roles come from the sections' front matter.
 */
import Fuse from "fuse.js";
import { type KnowledgeBase, type Section, sectionsInRole } from "./knowledge.js";
import type { Reader, Signals } from "./reader.js";
import { Siblings } from "./siblings.js";

/** Evidence below this is too weak to answer from. */
const MIN_EVIDENCE = 0.45;
/** The aspect asked about weighs a little more than a keyword: "lack of sun" is about sunlight, not deficiency. */
const FACET_WEIGHT = 1.2;
/** The main aspect ("does it do anything?") is the default one and weighs less than a named keyword. */
const MAIN_FACET_WEIGHT = 0.9;
/** A facet carried over from the last answer ("and for vitamin D?") counts this much. */
const CARRIED_FACET = 0.5;
/** Evidence this strong (a keyword of its own) names a section. */
const NAMED_SECTION = 1;
/** The parent section is the default when nothing points to a child. */
const PARENT_BONUS = 0.05;
/** Did-you-mean guesses are made only for messages this long (Fuse is cheap there). */
const GUESS_LENGTH = { min: 3, max: 40 } as const;
/** A Fuse score below this is a guess worth offering. */
const GUESS_SCORE = 0.35;
/** Guesses remembered per short text ("stop", "done" out of a dialogue recur); cleared when full, as corrections are. */
const GUESS_CACHE_LIMIT = 2000;

/** A section's short fields, as Fuse searches them for guesses. */
interface GuessDoc {
  id: string;
  title: string;
  keywords: string[];
  questions: string[];
  answer: string;
}

export interface RankedTopic {
  topic: string;
  score: number;
}

export class KnowledgeIndex {
  /** Topics that say something about cramps in general; a specific topic named with them wins. */
  private readonly general: Set<string>;
  /** Topics whose section answers "what can I do" (see the `what_to_do` role). */
  private readonly whatToDo: Set<string>;
  /** The main facet (lexicon `main_facet`): it only chooses among one topic's sections. */
  readonly mainFacet: string | null;
  /**
   * Aspects a person may turn down (lexicon `declinable_facets`: supplements): their words are also a medicine's
   * ("tablets", "pills"), so they never say that a story about a medicine asks about something else.
   */
  readonly declinable: ReadonlySet<string>;
  /** The section for a message clearly about cramps that names nothing else. */
  readonly defaultSection: Section | undefined;
  /** The "what else?" tour, in order. */
  readonly tour: readonly string[];
  /** The topics offered when the bot is lost, in order. */
  readonly lost: readonly string[];
  /** The registered dialogues' names (a "dialogue:<name>" suggestion must name one). */
  readonly dialogues: ReadonlySet<string>;
  /** Sibling topics, answered together when a question fits both (siblings.ts). */
  readonly siblings: Siblings;
  private readonly sectionVocabulary = new Map<string, Set<string>>();
  private readonly titleTerms = new Map<string, string[]>();
  private readonly ranked = new WeakMap<Signals, RankedTopic[]>();
  private fuse: Fuse<GuessDoc> | undefined;
  /**
   * Fuse's guesses by query and limit: one search costs about a millisecond (the slowest of short messages, ADR 21),
   * and the same short fallback text always gets the same guesses from the same knowledge.
   */
  private readonly guessed = new Map<string, readonly Section[]>();

  constructor(
    readonly knowledge: KnowledgeBase,
    private readonly reader: Reader,
  ) {
    const { sections } = knowledge;
    this.general = new Set(sections.filter((s) => s.roles.general).map((s) => s.topic));
    this.whatToDo = new Set(sections.filter((s) => s.roles.what_to_do).map((s) => s.topic));
    this.mainFacet = reader.lexicon.data.main_facet ?? null;
    this.declinable = new Set(reader.lexicon.data.declinable_facets ?? []);
    this.defaultSection = sections.find((s) => s.roles.default);
    this.tour = sectionsInRole(knowledge, "tour").map((s) => s.id);
    this.lost = sectionsInRole(knowledge, "lost").map((s) => s.id);
    this.dialogues = reader.triggers.names;
    this.siblings = new Siblings(knowledge, reader.lexicon);
    for (const section of sections) {
      const text = [section.answer, section.more, ...section.keywords].join(" ");
      this.sectionVocabulary.set(section.id, new Set(reader.contentOf(text)));
      if (!section.id.includes(".") && !this.titleTerms.has(section.topic))
        this.titleTerms.set(section.topic, reader.contentOf(section.title));
    }
  }

  /**
   * Fuse indexes only short fields; it serves the fallback's "did you mean" guesses, off the hot path. Built on the
   * first guess, so that a start (`crampbot ask`) that never makes one does not build it (ADR 16).
   */
  private guesser(): Fuse<GuessDoc> {
    this.fuse ??= new Fuse(
      this.knowledge.sections.map((s) => ({
        id: s.id,
        title: s.title,
        keywords: s.keywords,
        questions: s.questions,
        answer: s.answer.slice(0, 160),
      })),
      {
        keys: [
          { name: "title", weight: 3 },
          { name: "keywords", weight: 4 },
          { name: "questions", weight: 2 },
          { name: "answer", weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.4,
        minMatchCharLength: 3,
      },
    );
    return this.fuse;
  }

  section(id: string | null): Section | undefined {
    return id === null ? undefined : this.knowledge.byId.get(id);
  }

  isGeneral(topic: string): boolean {
    return this.general.has(topic);
  }

  isWhatToDo(topic: string): boolean {
    return this.whatToDo.has(topic);
  }

  /** A general or what-to-do topic: naming it does not make a message a new question after a red flag. */
  isVague(topic: string): boolean {
    return this.general.has(topic) || this.whatToDo.has(topic);
  }

  /** Topics ranked by evidence, specific ones before general ones of similar weight (computed once per message). */
  rankTopics(s: Signals): RankedTopic[] {
    const cached = this.ranked.get(s);
    if (cached) return cached;
    const ranked = [...s.topics.entries()]
      .filter(([, score]) => score >= MIN_EVIDENCE)
      .map(([topic, score]) => ({ topic, score }));
    // Loops, not closures made per message: such a closure's optimised code is lost at every full collection (ADR 54).
    const specific: typeof ranked = [];
    for (const t of ranked) if (!this.general.has(t.topic)) specific.push(t);
    const pool = (specific.length > 0 ? specific : ranked).sort(byScore);
    this.ranked.set(s, pool);
    return pool;
  }

  /** The best section of a topic for the message's facets (or a facet carried from context). */
  sectionOf(topic: string, s: Signals, carriedFacet: string | null): Section | undefined {
    let best: Section | undefined;
    let bestScore = -1;
    // An amount asks about the thing named: with a child section named by its own keyword ("almonds"), amount words
    // ("how many ... a day") count only for the child named most strongly.
    let named = 0;
    for (const x of this.knowledge.sections)
      if (x.topic === topic && x.id.includes(".")) named = Math.max(named, s.sections.get(x.id) ?? 0);
    // ...and likewise with an aspect named by a word of its own, for an aspect only amount words name ("twenty minutes
    // of sun a day" asks the sun's amount; "how much should I take in winter" still asks a dose: "take").
    let namedFacet = 0;
    for (const [f, v] of s.facets)
      if (f !== this.mainFacet) namedFacet = Math.max(namedFacet, v - (s.amountFacets.get(f) ?? 0));
    for (const section of this.knowledge.sections) {
      if (section.topic !== topic) continue;
      const isParent = !section.id.includes(".");
      const facetWeight = section.facet === this.mainFacet ? MAIN_FACET_WEIGHT : FACET_WEIGHT;
      const own = (s.facets.get(section.facet) ?? 0) - (s.amountFacets.get(section.facet) ?? 0);
      const amount =
        (named >= NAMED_SECTION && (s.sections.get(section.id) ?? 0) < named) ||
        (namedFacet >= NAMED_SECTION && own <= 0);
      const facet =
        (s.facets.get(section.facet) ?? 0) - (amount ? (s.amountFacets.get(section.facet) ?? 0) : 0);
      let score = (s.sections.get(section.id) ?? 0) + facet * facetWeight;
      if (carriedFacet !== null && section.facet === carriedFacet) score += CARRIED_FACET;
      if (isParent) score += PARENT_BONUS;
      if (score > bestScore) {
        bestScore = score;
        best = section;
      }
    }
    return best;
  }

  /** Sections having a facet, across topics. */
  sectionsWithFacet(facet: string): Section[] {
    return this.knowledge.sections.filter((s) => s.facet === facet);
  }

  /** The ids of every section of these topics (for leaving ruled-out topics out of suggestions). */
  sectionsOfTopics(topics: readonly string[]): string[] {
    if (topics.length === 0) return [];
    const ids: string[] = [];
    for (const s of this.knowledge.sections) if (topics.includes(s.topic)) ids.push(s.id);
    return ids;
  }

  /** How many of the message's content words the section's own text uses (for follow-ups on the current answer). */
  overlap(s: Signals, sectionId: string): number {
    const vocabulary = this.sectionVocabulary.get(sectionId);
    if (!vocabulary) return 0;
    return s.content.filter((t) => vocabulary.has(t)).length;
  }

  /**
   * A dialogue request about the conversation's topic: "walk me through it" while talking about the stretch. The
   * topic's title words stand in for "it".
   */
  dialogueAbout(s: Signals, topic: string): string | null {
    const title = this.titleTerms.get(topic);
    if (title === undefined) return null;
    const own = new Set(s.content);
    const content = new Set([...own, ...title]);
    // The title's words stand in for the topic the message leaves out, so an example without a trigger is matched
    // exactly ("let's do it together"), never with a word of the message's own beside it.
    return this.reader.triggers.byContent(content, content.size > own.size ? 0 : 1);
  }

  /** Fuse's fuzzy guesses over short section fields, for "did you mean"; only for short messages (cheap there). */
  guesses(text: string, limit: number): Section[] {
    const query = text.trim();
    if (query.length < GUESS_LENGTH.min || query.length > GUESS_LENGTH.max) return [];
    const key = `${limit} ${query}`;
    const known = this.guessed.get(key);
    if (known !== undefined) return [...known];
    const found = this.guesser()
      .search(query, { limit })
      .filter((r) => (r.score ?? 1) < GUESS_SCORE)
      .map((r) => this.knowledge.byId.get(r.item.id))
      .filter((s): s is Section => s !== undefined);
    if (this.guessed.size >= GUESS_CACHE_LIMIT) this.guessed.clear();
    this.guessed.set(key, found);
    return [...found];
  }
}

/** Highest score first, for `sort` (a module-level comparator: ADR 54). */
function byScore(a: { score: number }, b: { score: number }): number {
  return b.score - a.score;
}
