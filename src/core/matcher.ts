/**
 * The matcher: reads one message, without context, into signals — which topics, sections and facets it names,
 * whether it is small talk, a dialogue request, a follow-up phrase, out of scope or a red flag.
 * Context resolution (src/core/context.ts) turns the signals and the conversation state into a decision.
 */
import Fuse from "fuse.js";
import type { Intents, SmallTalk } from "./intents.js";
import { GENERAL_TOPICS, type KnowledgeBase, type Section } from "./knowledge.js";
import { type Analysis, type Lexicon, OUT_OF_SCOPE, PhraseTable } from "./lexicon.js";
import { type RedFlagResult, RedFlags } from "./redflags.js";

/** Field weights: a keyword is the strongest evidence, a title word next, a word from an example question least. */
const WEIGHT = { keyword: 1, title: 0.8, question: 0.3 } as const;
/** Evidence below this is too weak to answer from. */
const MIN_EVIDENCE = 0.45;
/** A weak facet word ("take", "daily") counts this much. */
const WEAK_FACET = 0.4;
/** Messages longer than this are read sentence by sentence for what they ask. */
const STORY_LENGTH = 120;

type SmallTalkIntent = SmallTalk["intent"];
export type DialogueName = "checkup" | "stretch";
export type FollowupKind = "more" | "next" | "affirm" | "resume";

export interface Signals {
  analysis: Analysis;
  redFlags: RedFlagResult;
  /** Evidence per topic (magnesium, stretching, ...). */
  topics: Map<string, number>;
  /** Evidence per section from its own keywords and title. */
  sections: Map<string, number>;
  /** Evidence per facet (food, supplements, ...). */
  facets: Map<string, number>;
  smallTalk: SmallTalkIntent | null;
  dialogue: DialogueName | null;
  followup: FollowupKind | null;
  /** "and for ...", "same question for ...": switch topic, keep the facet. */
  switchTopic: boolean;
  /** The message names a topic the article does not cover (zinc, acne, ...). */
  outOfScope: boolean;
  /** The message is clearly about cramps. */
  anchored: boolean;
  /** Content words that are neither known nor part of any matched phrase. */
  unknown: string[];
  /** Non-neutral terms not explained by any topic, section or facet phrase. */
  otherContent: number;
  /** The message points back at the last answer ("what can I do about that?"). */
  pointsBack: boolean;
}

interface Posting {
  section: Section;
  weight: number;
}

export class Matcher {
  private readonly lexicon: Lexicon;
  private readonly redFlags: RedFlags;
  private readonly keywordTable = new PhraseTable<Posting[]>();
  private readonly facetTable = new PhraseTable<{ facet: string; weight: number }>();
  private readonly followupTable = new PhraseTable<FollowupKind>();
  private readonly switchTable = new PhraseTable<true>();
  private readonly smallTalkTable = new PhraseTable<SmallTalkIntent>();
  private readonly dialogueExamples: { name: DialogueName; terms: Set<string>; trigger: boolean }[] = [];
  private readonly commands = new Map<string, DialogueName>();
  private readonly sectionVocabulary = new Map<string, Set<string>>();
  private readonly neutral: Set<string>;
  private readonly filler: Set<string>;
  private readonly pointers: Set<string>;
  private readonly decliners: Set<string>;
  private readonly excludeTable = new PhraseTable<true>();
  private readonly anchors: Set<string>;
  private readonly fuse: Fuse<{
    id: string;
    title: string;
    keywords: string[];
    questions: string[];
    answer: string;
  }>;

  constructor(
    private readonly knowledge: KnowledgeBase,
    intents: Intents,
  ) {
    this.lexicon = intents.lexicon;
    const lexicon = this.lexicon;
    for (const section of knowledge.sections) {
      lexicon.addVocabulary(
        [section.title, section.answer, section.more, ...section.keywords, ...section.questions].join(" "),
      );
    }
    for (const talk of intents.smallTalk) lexicon.addVocabulary(talk.examples.join(" "));
    lexicon.addVocabulary([...intents.checkup.examples, ...intents.stretch.examples].join(" "));
    for (const question of intents.checkup.questions) {
      lexicon.addVocabulary(question.options.flatMap((o) => o.patterns).join(" "));
    }
    lexicon.addVocabulary(
      [...intents.checkup.stop_words, ...intents.stretch.next_words, ...intents.stretch.stop_words].join(" "),
    );
    lexicon.addVocabulary(
      [...intents.urgent.rules, ...intents.urgent.advisories]
        .flatMap((r) => [...r.all.flat(), ...(r.some?.of ?? []), ...(r.unless ?? [])])
        .join(" "),
    );
    lexicon.freeze();
    this.redFlags = new RedFlags(intents.urgent, lexicon);
    this.neutral = new Set(lexicon.data.neutral.flatMap((w) => lexicon.terms(w)));
    this.neutral.delete(OUT_OF_SCOPE);
    this.filler = new Set(lexicon.data.filler.flatMap((w) => lexicon.terms(w)));
    this.pointers = new Set(lexicon.data.pointers.flatMap((w) => lexicon.terms(w)));
    this.decliners = new Set(lexicon.data.decline.flatMap((w) => lexicon.terms(w)));
    for (const phrase of lexicon.data.exclude) this.excludeTable.set(lexicon.terms(phrase), true);
    this.anchors = new Set(lexicon.data.anchors.flatMap((w) => lexicon.terms(w)));
    this.indexSections();
    for (const section of knowledge.sections) {
      const text = [section.answer, section.more, ...section.keywords].join(" ");
      this.sectionVocabulary.set(section.id, new Set(this.contentTerms(lexicon.terms(text))));
    }
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
    for (const phrase of followups.switch) this.switchTable.set(inScope(lexicon.terms(phrase)), true);
    for (const talk of intents.smallTalk) {
      for (const example of talk.examples)
        this.smallTalkTable.set(inScope(lexicon.terms(example)), talk.intent);
    }
    const triggerWords = new Set(
      [...intents.checkup.trigger_words, ...intents.stretch.trigger_words].flatMap((w) => lexicon.terms(w)),
    );
    for (const [name, examples] of [
      ["checkup", intents.checkup.examples],
      ["stretch", intents.stretch.examples],
    ] as const) {
      for (const example of examples) {
        if (example.startsWith("/")) {
          this.commands.set(example.slice(1).toLowerCase(), name);
          continue;
        }
        const terms = this.contentTerms(lexicon.terms(example));
        if (terms.length > 0) {
          const trigger = terms.some((t) => triggerWords.has(t));
          this.dialogueExamples.push({ name, terms: new Set(terms), trigger });
        }
      }
    }
    // Fuse indexes only short fields; it serves the fallback's "did you mean" guesses, off the hot path.
    this.fuse = new Fuse(
      knowledge.sections.map((s) => ({
        id: s.id as string,
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
  }

  /** The lexicon analysis of a text (exposed for dialogues that read free-text answers). */
  analyze(text: string): Analysis {
    return this.lexicon.analyze(text);
  }

  /**
   * Signals of a message. A longer message that tells a story and then asks is read for its question: the topic
   * and aspect come from the sentence that asks (when it names any), red flags and "clearly about cramps" from all
   * of it.
   */
  signals(text: string): Signals {
    const full = this.signalsOf(text);
    const question = questionSentence(text);
    if (question === null) return full;
    const asked = this.signalsOf(question);
    // Backstory ("I tried a banana before bed...") never makes a question out of scope: only the asking sentence.
    if (asked.topics.size === 0 && asked.facets.size === 0) return { ...full, outOfScope: asked.outOfScope };
    const merged = {
      ...asked,
      redFlags: full.redFlags,
      anchored: full.anchored || asked.anchored,
      dialogue: full.dialogue,
    };
    // "What sort of dose is sensible?" after a story about vitamin D: the aspect from the question, the topic from
    // the story.
    if (asked.topics.size === 0) return { ...merged, topics: full.topics, sections: full.sections };
    return merged;
  }

  private signalsOf(text: string): Signals {
    const analysis = this.lexicon.analyze(text);
    const { terms } = analysis;
    const explained = new Array<boolean>(terms.length).fill(false);

    const topics = new Map<string, number>();
    const sections = new Map<string, number>();
    const excludedFrom = this.excludedStarts(terms);
    for (const match of this.keywordTable.findAll(terms)) {
      mark(explained, match.start, match.length);
      // "apart from vitamins and minerals": a topic set aside is not what is asked about.
      if (excludedFrom.some((e) => match.start > e && match.start - e <= 4)) continue;
      const bonus = 1 + 0.3 * (match.length - 1);
      const perTopic = new Map<string, number>();
      for (const posting of match.value) {
        const weight = posting.weight * bonus;
        add(sections, posting.section.id, weight);
        perTopic.set(posting.section.topic, Math.max(perTopic.get(posting.section.topic) ?? 0, weight));
      }
      // A phrase shared by several topics says little about any one of them: each topic's weight is divided by how
      // many topics hold the phrase at least as strongly.
      for (const [topic, weight] of perTopic) {
        let rivals = 0;
        for (const other of perTopic.values()) if (other >= weight) rivals++;
        add(topics, topic, weight / rivals);
      }
    }

    const facets = new Map<string, number>();
    for (const match of this.facetTable.findAll(terms)) {
      mark(explained, match.start, match.length);
      // "I'd rather not take pills", "avoiding supplements": supplements the user turns down are not asked about.
      const turnedDown = match.value.facet === "supplements" && this.declined(terms, match.start);
      if (!turnedDown) add(facets, match.value.facet, match.value.weight);
    }

    const outOfScope = terms.includes(OUT_OF_SCOPE);
    const anchored = terms.some((t) => this.anchors.has(t));
    let otherContent = 0;
    terms.forEach((term, i) => {
      if (!explained[i] && !this.neutral.has(term) && !this.anchors.has(term) && !/^\d/.test(term))
        otherContent++;
    });

    return {
      analysis,
      redFlags: this.redFlags.check(analysis),
      topics,
      sections,
      facets,
      smallTalk: this.smallTalk(terms, explained, analysis.unknown, text.includes("?")),
      dialogue: this.dialogue(text, terms),
      followup: this.wholeMessage(this.followupTable, terms),
      switchTopic: this.startsWithSwitch(terms),
      outOfScope,
      anchored,
      unknown: analysis.unknown,
      otherContent,
      pointsBack: terms.some((t) => this.pointers.has(t)),
    };
  }

  /** Topics ranked by evidence, specific ones before general ones of similar weight. */
  rankTopics(s: Signals): { topic: string; score: number }[] {
    const ranked = [...s.topics.entries()]
      .filter(([, score]) => score >= MIN_EVIDENCE)
      .map(([topic, score]) => ({ topic, score }));
    const specific = ranked.filter((t) => !GENERAL_TOPICS.includes(t.topic));
    const pool = specific.length > 0 ? specific : ranked;
    return pool.sort((a, b) => b.score - a.score);
  }

  /** The best section of a topic for the message's facets (or a facet carried from context). */
  sectionOf(topic: string, s: Signals, carriedFacet: string | null): Section | undefined {
    const candidates = this.knowledge.sections.filter((sec) => sec.topic === topic);
    let best: Section | undefined;
    let bestScore = -1;
    for (const section of candidates) {
      const isParent = !section.id.includes(".");
      // The aspect asked about weighs a little more than a keyword: "lack of sun" is about sunlight, not deficiency.
      // The overview aspect ("does it do anything?") is the default one and weighs less than a named keyword.
      const facetWeight = section.facet === "overview" ? 0.9 : 1.2;
      let score = (s.sections.get(section.id) ?? 0) + (s.facets.get(section.facet) ?? 0) * facetWeight;
      if (carriedFacet !== null && section.facet === carriedFacet) score += 0.5;
      // The parent section is the default when nothing points to a child.
      if (isParent) score += 0.05;
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

  /** Fuse's fuzzy guesses over short section fields, for "did you mean"; only for short messages (cheap there). */
  guesses(text: string, limit: number): Section[] {
    const query = text.trim();
    if (query.length < 3 || query.length > 40) return [];
    return this.fuse
      .search(query, { limit })
      .filter((r) => (r.score ?? 1) < 0.35)
      .map((r) => this.knowledge.byId.get(r.item.id))
      .filter((s): s is Section => s !== undefined);
  }

  private indexSections(): void {
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
    for (const section of this.knowledge.sections) {
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

  /** Positions where a phrase that sets topics aside ("apart from") ends. */
  private excludedStarts(terms: readonly string[]): number[] {
    return this.excludeTable.findAll(terms).map((hit) => hit.start + hit.length - 1);
  }

  /** A declining word up to three words before ("rather not take pills", "avoid supplements"). */
  private declined(terms: readonly string[], start: number): boolean {
    return terms.slice(Math.max(0, start - 3), start).some((t) => this.decliners.has(t));
  }

  /** Unknown words matter in a short question (they are likely its subject), or when they are many. */
  unknownMatters(s: Signals): boolean {
    if (s.unknown.length === 0) return false;
    if (s.analysis.tokenCount <= 12) return true;
    return s.unknown.length * 2.5 > this.contentTerms(s.analysis.terms).length;
  }

  private contentTerms(terms: string[]): string[] {
    return terms.filter((t) => !this.neutral.has(t) && !this.anchors.has(t) && t !== OUT_OF_SCOPE);
  }

  private smallTalk(
    allTerms: string[],
    allTopical: boolean[],
    unknown: string[],
    question: boolean,
  ): SmallTalkIntent | null {
    const keep = allTerms.map((t) => !this.filler.has(t));
    // "ok" alone is itself the message, not filler.
    if (!keep.includes(true)) keep.fill(true);
    const terms = allTerms.filter((_, i) => keep[i]);
    const topical = allTopical.filter((_, i) => keep[i]);
    const hits = this.smallTalkTable.findAll(terms);
    if (hits.length === 0) return null;
    const covered = new Array<boolean>(terms.length).fill(false);
    for (const hit of hits) mark(covered, hit.start, hit.length);
    // Small talk only when nothing else in the message is about a topic: the rest is filler or other words
    // ("thank you kindly, that's reassuring"), never a topic word or an out-of-scope word; in a question, only filler.
    const unknownSet = new Set(unknown);
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
    // Reset, help and goodbye win whenever present; otherwise the first thing said ("hello, my english is not so
    // good" is a greeting).
    const found = new Set(hits.map((h) => h.value));
    const priority: SmallTalkIntent[] = ["reset", "help", "goodbye"];
    return priority.find((p) => found.has(p)) ?? hits[0]?.value ?? null;
  }

  /**
   * A dialogue request: a slash command, or a message with the content words of an example
   * ("can you walk me through the calf stretch" = "walk me through stretch"), filler aside.
   */
  private dialogue(text: string, terms: string[]): DialogueName | null {
    const command = /^\s*\/([a-z]+)/i.exec(text)?.[1]?.toLowerCase();
    if (command !== undefined) return this.commands.get(command) ?? null;
    return this.dialogueByContent(new Set(this.contentTerms(terms)));
  }

  /**
   * A dialogue request about the conversation's topic: "walk me through it" while talking about the stretch.
   * The topic's title words stand in for "it".
   */
  dialogueInContext(s: Signals, topic: string): DialogueName | null {
    const title = this.knowledge.sections.find((sec) => sec.topic === topic && !sec.id.includes("."))?.title;
    if (title === undefined) return null;
    const content = new Set([
      ...this.contentTerms(s.analysis.terms),
      ...this.contentTerms(this.lexicon.terms(title)),
    ]);
    return this.dialogueByContent(content);
  }

  /** How many of the message's content words the section's own text uses (for follow-ups on the current answer). */
  overlap(s: Signals, sectionId: string): number {
    const vocabulary = this.sectionVocabulary.get(sectionId);
    if (!vocabulary) return 0;
    return this.contentTerms(s.analysis.terms).filter((t) => vocabulary.has(t)).length;
  }

  private dialogueByContent(content: Set<string>): DialogueName | null {
    if (content.size === 0) return null;
    // Every word of the example, and at most one word more ("quiz me on my habits" = "quiz me"); a trigger (an
    // example with a word only dialogues use, such as "walk me through") allows any number more.
    let best: { name: DialogueName; size: number } | null = null;
    for (const example of this.dialogueExamples) {
      if ([...example.terms].some((t) => !content.has(t))) continue;
      if (!example.trigger && content.size - example.terms.size > 1) continue;
      if (!best || example.terms.size > best.size) best = { name: example.name, size: example.terms.size };
    }
    return best?.name ?? null;
  }

  /** A follow-up phrase that makes up the whole message, give or take filler words. */
  private wholeMessage<V>(table: PhraseTable<V>, terms: string[]): V | null {
    if (terms.length === 0 || terms.length > 6) return null;
    const hits = table.findAll(terms);
    if (hits.length === 0) return null;
    const covered = new Array<boolean>(terms.length).fill(false);
    for (const hit of hits) mark(covered, hit.start, hit.length);
    const rest = terms.filter((_, i) => !covered[i]);
    if (rest.some((t) => !this.neutral.has(t) || this.anchors.has(t))) return null;
    return hits[0]?.value ?? null;
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

/** The sentence that asks, in a message long enough to tell a story first; null for a short message. */
function questionSentence(text: string): string | null {
  if (text.length <= STORY_LENGTH) return null;
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (sentences.length < 2) return null;
  return [...sentences].reverse().find((x) => x.includes("?")) ?? sentences.at(-1) ?? null;
}

/** A phrase that maps onto an out-of-scope word is dropped: it would stand in for every such word. */
function inScope(terms: string[]): string[] {
  return terms.includes(OUT_OF_SCOPE) ? [] : terms;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function mark(flags: boolean[], start: number, length: number): void {
  for (let i = start; i < start + length; i++) flags[i] = true;
}
