/**
 * Role: scope — the topics next to the article that it does not cover (intents/scope.yaml), and the reading of a
 * message for them: which scope topic it is about, and whether that topic is its subject or only mentioned in passing
 * ("I'm on statins, but how many reps of the stretch?"). Deciding what to do with it is the rules' job (rules.ts);
 * the reply is the renderer's (render.ts). Docs: docs/adr/0006-scope-and-urgent-follow-ups.md.
 */
import { type Analysis, type Lexicon, PhraseTable } from "./lexicon.js";
import { escapeRegExp } from "./normalize.js";
import type { Numbers } from "./numbers.js";
import type { ScopeData, ScopeTopic } from "./schemas/scope.js";
import { UnknownSubject } from "./unknown-subject.js";

export type { ScopeData, ScopeTopic };

/** No topics: every message is in scope (the default when no scope file is given). */
export const NO_SCOPE: ScopeData = {
  reply: "{name}",
  reply_suffix: "",
  passing: [],
  set_aside: [],
  dismissals: [],
  refers_back: [],
  refers_back_plural: [],
  negators: [],
  topics: [],
};

/** What a message says about the scope topics. */
export interface ScopeSignal {
  /** The scope topic the message is about (its subject), or null. */
  subject: ScopeTopic | null;
  /** Scope topics only mentioned in passing (backstory, set aside). */
  passing: string[];
  /** Positions in the message's stems covered by a scope topic (to discount the lexicon's out-of-scope marker). */
  covered: Set<number>;
}

/** A passing word this many words before a topic makes it backstory. */
const PASSING_REACH = 5;
/** A set-aside phrase this many words before a topic sets it aside ("not keen on the soap trick or pickle juice"). */
const SET_ASIDE_REACH = 8;
/** A set-aside phrase within this many words after a topic ("...didn't work") sets it aside. */
const AFTER_REACH = 7;
/** A topic's purpose ("amlodipine for my blood pressure") is at most this many words after it. */
const PURPOSE_REACH = 4;
/** A negator this many words before a topic denies it. */
const NEGATOR_REACH = 2;
/** The placeholder for any number in a term. */
const NUM = "num";
/** The placeholder for a child's age in a term: a number under {@link ADULT_AGE} ("my son is 9", not "is 19"). */
const CHILD_AGE = "childage";
/** From this age on, "my son is NUM" is about an adult (ADR 32). */
const ADULT_AGE = 18;
/** Pointers at a person ("can she take it"): they never stand for a thing told, so words after them still ask. */
const PERSON_POINTERS = new Set(["she", "he", "her", "him"]);
/** A clause opening with one of these goes on about the thing just told ("bananas, which did nothing"). */
const ABOUT_IT = new Set(["which", "that", "it", "they", "neither", "none"]);
/** A clause of more terms than this is one long clause (a voice note): a topic told before its ask is backstory. */
const LONG_CLAUSE = 20;
/** "the salt", "those socks", "my tablets" (after "a water tablet"): a determiner before a term's last word points back at the thing told. */
const HEAD_POINTERS = new Set(["the", "that", "this", "those", "these", "my", "our"]);

interface Clause {
  text: string;
  /** The clause belongs to a sentence that asks (has a question mark, or is the last when none has). */
  asks: boolean;
  /** Which sentence of the message it is in, from 0. */
  sentence: number;
  /** The clause opened with "but" ("I use a heat pad, *but* what lifestyle changes stop cramps?"). */
  afterBut: boolean;
}

export class Scope {
  /** Terms to their topic; a `not_terms` phrase maps to null, and being longer it wins at its position. */
  private readonly table = new PhraseTable<ScopeTopic | null>();
  private readonly passingTable = new PhraseTable<true>();
  private readonly setAsideTable = new PhraseTable<true>();
  private readonly setAsideAfter = new PhraseTable<true>();
  private readonly notPointing = new PhraseTable<true>();
  private readonly dismissals = new PhraseTable<true>();
  private readonly yields = new Map<string, PhraseTable<true>>();
  private readonly yieldsUnless = new Map<string, PhraseTable<true>>();
  private readonly askedWith = new Map<string, PhraseTable<true>>();
  private readonly namedAgain = new Map<string, PhraseTable<true>>();
  /** A clause opening with one of the data's `reasons` ("since ...") gives a reason, not a question. */
  private readonly reason: RegExp | null;
  private readonly purpose: Set<string>;
  private readonly negators = new PhraseTable<true>();
  private readonly refersBack: Set<string>;
  private readonly refersBackPlural: Set<string>;
  /** Pointers that are the cramps in a general question (scope.yaml `cramps_in_general_asks`). */
  private readonly crampsInGeneral: Set<string>;
  /** Words right after which those pointers are the cramps (scope.yaml `cramps_after`: "good for this"). */
  private readonly crampsAfter: Set<string>;
  /** Verbs of taking something in (scope.yaml `consumption`). */
  private readonly consumption: Set<string>;
  /** Words naming the leg cramps of the article (scope.yaml `our_cramps`). */
  private readonly ourCramps = new PhraseTable<true>();
  private readonly verdicts = new PhraseTable<true>();
  /** Words a verdict may have inside it as said ("would they *actually* work"): the lexicon's filler words. */
  private readonly filler: Set<string>;
  /** Questions about a thing the article never names ("does a foam roller help?"); null without `subjects` data. */
  private readonly unknownSubject: UnknownSubject | null;
  /** The placeholder stem of each topic's `endings` ("omeprazole" -> the medicines'), with those endings. */
  private readonly endings: { placeholder: string; endings: string[] }[] = [];

  /**
   * @param namesTopic whether a text names a specific topic the article covers (the reader's knowledge).
   * @param namesCramps whether a text is clearly about cramps (the reader's anchors).
   * @param knows whether a stem is the article's or a lay word for an article thing (default: every stem is known,
   *   so no subject is unknown).
   * @param asksArticle whether a text asks the article something: names any topic of it (general ones too) or asks
   *   a question kind a section answers (default: never, so a "but" clause sets nothing aside).
   * @param askOf the words of a clause from its last ask on, when the ask starts well into it (the reader's question
   *   kinds); default: none, so a topic told before the ask in one long clause is read as asked.
   * @param asksGeneral whether a text asks a question kind of a general section that is about no thing told (why,
   *   what to do); default: never, so every pointer may point back.
   */
  constructor(
    data: ScopeData,
    private readonly lexicon: Lexicon,
    private readonly namesTopic: (text: string) => boolean,
    private readonly namesCramps: (text: string) => boolean,
    knows: (stem: string) => boolean = () => true,
    private readonly asksArticle: (text: string) => boolean = () => false,
    private readonly askOf: (text: string) => string | null = () => null,
    private readonly asksGeneral: (text: string) => boolean = () => false,
  ) {
    this.unknownSubject = data.subjects ? new UnknownSubject(data.subjects, lexicon, knows) : null;
    for (const topic of data.topics) {
      if (topic.endings && topic.endings.length > 0) {
        const placeholder = `~${topic.id}`;
        this.endings.push({ placeholder, endings: topic.endings.map((e) => e.toLowerCase()) });
        this.table.set([placeholder], topic);
      }
      for (const term of topic.terms)
        for (const stems of anyNumber(lexicon.stems(term))) this.table.set(stems, topic);
      for (const phrase of topic.not_terms ?? [])
        for (const stems of anyNumber(lexicon.stems(phrase))) this.table.set(stems, null);
    }
    for (const phrase of data.passing) this.passingTable.set(lexicon.stems(phrase), true);
    for (const phrase of data.set_aside) this.setAsideTable.set(lexicon.stems(phrase), true);
    for (const phrase of data.set_aside_after ?? []) this.setAsideAfter.set(lexicon.stems(phrase), true);
    for (const phrase of data.not_pointing ?? []) this.notPointing.set(lexicon.stems(phrase), true);
    for (const phrase of data.dismissals) this.dismissals.set(lexicon.stems(phrase), true);
    for (const topic of data.topics) {
      const table = new PhraseTable<true>();
      for (const phrase of topic.yields_when ?? [])
        for (const stems of anyNumber(lexicon.stems(phrase))) table.set(stems, true);
      if (table.size > 0) this.yields.set(topic.id, table);
      const unless = new PhraseTable<true>();
      for (const phrase of topic.yields_unless ?? []) unless.set(lexicon.stems(phrase), true);
      if (unless.size > 0) this.yieldsUnless.set(topic.id, unless);
      const asked = new PhraseTable<true>();
      for (const phrase of topic.asked_with ?? []) asked.set(lexicon.stems(phrase), true);
      if (asked.size > 0) this.askedWith.set(topic.id, asked);
      const again = new PhraseTable<true>();
      for (const phrase of topic.named_again ?? []) again.set(lexicon.stems(phrase), true);
      if (again.size > 0) this.namedAgain.set(topic.id, again);
    }
    for (const phrase of data.negators) this.negators.set(lexicon.stems(phrase), true);
    this.refersBack = new Set(data.refers_back.flatMap((w) => lexicon.stems(w)));
    const reasons = (data.reasons ?? []).map(escapeRegExp);
    this.reason = reasons.length > 0 ? new RegExp(`^\\s*(${reasons.join("|")})\\b`, "i") : null;
    this.purpose = new Set((data.purpose ?? []).flatMap((w) => lexicon.stems(w)));
    this.refersBackPlural = new Set(data.refers_back_plural.flatMap((w) => lexicon.stems(w)));
    this.crampsInGeneral = new Set((data.cramps_in_general_asks ?? []).flatMap((w) => lexicon.stems(w)));
    this.crampsAfter = new Set((data.cramps_after ?? []).flatMap((w) => lexicon.stems(w)));
    for (const phrase of data.our_cramps ?? []) this.ourCramps.set(lexicon.stems(phrase), true);
    this.consumption = new Set((data.consumption ?? []).flatMap((w) => lexicon.stems(w)));
    // (Numbered as the clauses they are looked for in are: "be having one" is "be hav CHILDAGE" there.)
    for (const phrase of data.verdicts ?? [])
      this.verdicts.set(numbered(lexicon.stems(phrase), lexicon.numbers), true);
    this.filler = new Set(lexicon.data.filler.flatMap((w) => lexicon.stems(w)));
  }

  /** Every term, for the lexicon's vocabulary (so a drug's name is not "corrected" into a known word). */
  static vocabulary(data: ScopeData): string {
    // The number placeholder is no word: "numm" must still be corrected to "numb".
    return data.topics
      .flatMap((t) => t.terms)
      .join(" ")
      .replace(/\b(NUM|CHILDAGE)\b/g, " ");
  }

  /**
   * The scope reading of a message, given its analysis; null when it names no scope topic and asks about nothing the
   * article never names (most messages).
   */
  read(text: string, analysis: Analysis): ScopeSignal | null {
    const stems = this.marked(analysis);
    const hits = this.found(numbered(stems, this.lexicon.numbers));
    if (hits.length === 0) {
      const unknown = this.unknown(text, analysis);
      return unknown === null ? null : { subject: unknown, passing: [], covered: new Set() };
    }
    const covered = new Set<number>();
    for (const hit of hits) for (let i = hit.start; i < hit.start + hit.length; i++) covered.add(i);
    const clauses = clausesOf(text);
    const analysed = clauses.map((c) => this.lexicon.analyze(c.text));
    const stemmed = analysed.map((a) => numbered(this.marked(a), this.lexicon.numbers));
    let subject: ScopeTopic | null = null;
    const passing: string[] = [];
    const whole = numbered(stems, this.lexicon.numbers);
    clauses.forEach((clause, at) => {
      const own = stemmed[at] ?? [];
      // "..., but it's the leg ones": the clause after may open with the "but" the split left on it.
      const next = stemmed[at + 1] ?? [];
      const dismissed = this.dismissals.matchAt(next, next[0] === "but" ? 1 : 0) !== undefined;
      for (const hit of this.found(own)) {
        const topic = hit.value;
        if (this.before(this.negators, own, hit.start, NEGATOR_REACH)) continue;
        const yields =
          (this.yields.get(topic.id)?.findAll(whole).length ?? 0) > 0 &&
          (this.yieldsUnless.get(topic.id)?.findAll(whole).length ?? 0) === 0;
        // The term's last word, by which a later question may name it again ("Epsom salt bath... does the salt help?").
        const head = own[hit.start + hit.length - 1] ?? "";
        // "bananas didn't work", "potassium came back fine": what was tried or tested is set aside.
        // ("I eat bananas, which did nothing": the words after a topic go on into the next clause of its sentence.)
        const end = hit.start + hit.length;
        const later = {
          clauses: clauses.slice(at + 1),
          stems: stemmed.slice(at + 1),
          tail: { text: (analysed[at]?.tokens.slice(end) ?? []).join(" "), stems: own.slice(end) },
        };
        const following = own.slice(end, end + AFTER_REACH);
        if (
          following.length < AFTER_REACH &&
          clauses[at + 1]?.sentence === clause.sentence &&
          ABOUT_IT.has(next[0] ?? "")
        )
          following.push(...next.slice(0, AFTER_REACH - following.length));
        const setAside = this.setAsideAfter.findAll(following).length > 0;
        const asked =
          subject === null &&
          !dismissed &&
          !yields &&
          !setAside &&
          this.isSubject(topic, clause, own, hit.start, head, later);
        if (asked) subject = topic;
        else if (!passing.includes(topic.id)) passing.push(topic.id);
      }
    });
    return { subject: subject ?? this.unknown(text, analysis, passing), passing, covered };
  }

  /**
   * A question whose subject the article never names ("would a foam roller help my calves?") as a topic of its own,
   * named as written; null when there is none. A scope topic told in the same message is no such subject ("I tried
   * pickle juice, does it help?").
   */
  private unknown(text: string, analysis: Analysis, passing: readonly string[] = []): ScopeTopic | null {
    const finder = this.unknownSubject;
    if (finder === null || !finder.mayAsk(analysis.stems)) return null;
    const clauses = clausesOf(text);
    // Each asking sentence is analysed once, for the frames open on the left (read from its start).
    const sentences = new Map<number, Analysis>();
    for (const clause of clauses) {
      if (!clause.asks) continue;
      let sentence = sentences.get(clause.sentence);
      if (sentence === undefined) {
        const words = clauses.filter((c) => c.sentence === clause.sentence).map((c) => c.text);
        sentence = this.lexicon.analyze(words.join(" "));
        sentences.set(clause.sentence, sentence);
      }
      const name = finder.find(this.lexicon.analyze(clause.text), sentence);
      if (name === null) continue;
      // A subject that is a scope topic told before is that topic's (read above), never an unknown one; one a topic
      // says is not itself ("ice cold water" is no ice pack) is the article's to answer.
      const named = this.table.findAll(this.lexicon.stems(name));
      if (named.some((hit) => hit.value === null)) return null;
      if (passing.length > 0 && named.length > 0) return null;
      return { id: "unknown-subject", name, terms: [name] };
    }
    return null;
  }

  /**
   * A word at `at` of the message's stems is told in passing or set aside ("I've cut out coffee already", "apart
   * from coffee"): a backstory or set-aside phrase stands shortly before it.
   */
  toldInPassing(stems: readonly string[], at: number): boolean {
    return (
      this.before(this.passingTable, stems, at, PASSING_REACH) ||
      this.before(this.setAsideTable, stems, at, SET_ASIDE_REACH)
    );
  }

  /**
   * A word at `at` of the message's stems says what a scope topic told is for ("I'm on amlodipine *for my blood
   * pressure*"): it follows that topic's "for" within a few words, so it is told with the topic, not asked.
   */
  toldAsPurpose(stems: readonly string[], at: number, covered: ReadonlySet<number>): boolean {
    for (let j = at - 1; j >= Math.max(1, at - PURPOSE_REACH); j--)
      if (this.purpose.has(stems[j] ?? "") && covered.has(j - 1)) return true;
    return false;
  }

  /** The analysis's stems, with each word ending as a topic's `endings` say replaced by that topic's placeholder. */
  private marked(analysis: Analysis): string[] {
    if (this.endings.length === 0 || analysis.unknown.length === 0) return analysis.stems;
    const unknown = new Set(analysis.unknown);
    return analysis.stems.map((s, i) => {
      if (!unknown.has(s)) return s;
      const token = analysis.tokens[i] ?? s;
      return placeholderOf(this.endings, token) ?? s;
    });
  }

  /**
   * The topic is what is asked about: a situation (pregnancy, a child) anywhere; a topic in a clause that asks; or a
   * topic told before (or set aside) when the question after it points back at it ("is there anything in it?") and
   * names no topic of ours ("so what about the magnesium dose?").
   */
  private isSubject(
    topic: ScopeTopic,
    clause: Clause,
    stems: readonly string[],
    start: number,
    head: string,
    later: {
      clauses: readonly Clause[];
      stems: readonly string[][];
      /** The words after the topic in its own clause. */
      tail: { text: string; stems: string[] };
    },
  ): boolean {
    if (this.before(this.setAsideTable, stems, start, SET_ASIDE_REACH)) return false;
    // Cramps of another kind told ("period cramps ... does magnesium help those?") with no cramps of ours named after
    // them: a plural pointer is those cramps, and a topic of ours before it is what is asked of them.
    const told = [later.tail.text, ...later.clauses.map((c) => c.text)].join(". ");
    const otherCramps = topic.cramps === true && !this.namesCramps(told) && !this.namesOurCramps(told);
    const backstory = this.before(this.passingTable, stems, start, PASSING_REACH);
    if (!backstory && clause.asks) {
      // "I use a heating pad for my back, does massage help cramps?": the sentence goes on to ask about a topic of
      // ours, so the one before it is backstory. A situation (pregnancy, a child) still colours the whole question.
      // A clause that points back at the topic tells what is done with it ("what about tonic water, my dad drinks it
      // for cramps"): only its words after the pointer could ask about something else.
      const same = later.clauses.filter((c) => c.sentence === clause.sentence);
      // A reason given ("..., since calcium is what the muscles need") asks nothing of its own.
      const rest = same
        .filter((c) => !this.reason?.test(c.text))
        // ("Does pickle juice work, and should I drink some before bed?": a bare verb of taking in takes the thing asked.)
        .map((c) => this.afterPointer(c.text, otherCramps, true))
        .filter((t) => t.trim().length > 0);
      if (topic.context !== true && this.toldBeforeTheAsk(clause.text)) return false;
      if (topic.context === true || rest.length === 0) return true;
      // "my heat pad helps a bit, but what lifestyle changes stop cramps?": a "but" clause that asks the article
      // something of its own (a general section too) turns from the thing told to the question.
      const turns = same.some((c) => c.afterBut && this.asksArticle(this.afterPointer(c.text)));
      return !turns && !this.namesTopic(rest.join(", "));
    }
    const asks = later.clauses.map((c, i) => ({ c, stems: later.stems[i] ?? [] })).filter((x) => x.c.asks);
    // "doctor put me on water tablets last month and now i cramp is it the pills": a topic told in an asking clause
    // that goes on, the words after it are a later question of their own.
    const tailAsks = clause.asks && later.tail.stems.length > 0;
    if (tailAsks)
      asks.unshift({ c: { ...clause, text: later.tail.text, afterBut: false }, stems: later.tail.stems });
    // A situation told in the story is what the question is about, unless the question names a topic of ours (a
    // worry told in the story is not the stress section: "I worry it is cramps like mine. What should we do?").
    if (topic.context === true) {
      const asked = asks.map((x) => x.c.text).join(". ");
      const askedWith = this.askedWith.get(topic.id)?.findAll(asks.flatMap((x) => x.stems)).length ?? 0;
      return !backstory && (askedWith > 0 || !this.namesTopic(asked));
    }
    // ("Since it's clearly not the electrolytes, what else...": a reason given asks nothing of its own.)
    const asking = this.reason === null ? asks : asks.filter((x) => !this.reason?.test(x.c.text));
    if (asking.length === 0) return false;
    // "they"/"them" with no cramps named are the cramps ("what can I do to stop them?").
    const pointsBack = asking.some(
      (x) =>
        // A person ("is there anything the staff could do for her?") is not the thing told: "she", "he", "her", "him"
        // point back only at a situation (read above) or in a verdict ("is she right?"). In a general question ("any
        // tips to make this stop", "how do I get shot of this") "this" is the cramps.
        this.pointsAtTold(x.stems, x.c.text, topic) ||
        this.verdicts.findAll(x.stems).length > 0 ||
        this.verdicts.findAll(x.stems.filter((s) => !this.filler.has(s))).length > 0 ||
        (this.namedAgain.get(topic.id)?.findAll(x.stems).length ?? 0) > 0 ||
        x.stems.some((s, i) => s === head && i > 0 && HEAD_POINTERS.has(x.stems[i - 1] ?? "")) ||
        (x.stems.some((s) => this.refersBackPlural.has(s)) &&
          (topic.cramps === true || this.namesCramps(x.c.text))) ||
        // Taken in, "they" is a thing, never the cramps: "I'm on statins... Should I stop taking them?".
        x.stems.some((s, i) => this.refersBackPlural.has(s) && this.consumption.has(x.stems[i - 1] ?? "")) ||
        // "...cramps every month with my period, low tummy and back. what helps": after cramps of another kind told, a
        // question that names no cramps of ours asks about those.
        (topic.cramps === true && !this.namesCramps(x.c.text)),
    );
    // The pointer goes to the nearest thing told: a topic of ours named after this one takes it. A topic word in the
    // pointing clause before its pointer says what is done with the thing pointed at ("should I be drinking it?"); one
    // after it is asked about ("what does it say about the magnesium dose?").
    const asked = (text: string) => this.afterPointer(text, otherCramps, true);
    const between = later.clauses.map((c) => (c.asks ? asked(c.text) : c.text));
    if (tailAsks) between.unshift(asked(later.tail.text));
    return pointsBack && !this.namesTopic(between.join(". "));
  }

  /**
   * A voice note of one long clause ("ive tried the tonic water thing and a banana and neither did anything so what
   * actually works"): the topics told come before its ask, and the ask, naming none of them and pointing back at none
   * (no "it", "that", no verdict), asks the article something of its own (ADR 38).
   */
  private toldBeforeTheAsk(clause: string): boolean {
    if (this.lexicon.analyze(clause).terms.length <= LONG_CLAUSE) return false;
    const ask = this.askOf(clause);
    if (ask === null) return false;
    const stems = numbered(this.marked(this.lexicon.analyze(ask)), this.lexicon.numbers);
    if (this.found(stems).length > 0) return false;
    const pointing =
      this.pointers(stems).some((s) => this.refersBack.has(s) && !PERSON_POINTERS.has(s)) ||
      this.verdicts.findAll(stems.filter((s) => !this.filler.has(s))).length > 0;
    return !pointing && this.asksArticle(ask);
  }

  /**
   * An asking clause's stems hold a pointer at the topic told: a singular pointer (a person's only at a being), not one
   * that a question of a general kind, or a "for" before it, makes the cramps ("any tips to make this stop", "a stretch
   * that's good for this"), unless the topic is a complaint of its own.
   */
  private pointsAtTold(stems: readonly string[], text: string, topic: ScopeTopic): boolean {
    let general: boolean | null = null;
    const pointers = this.pointers(stems);
    for (let i = 0; i < pointers.length; i++) {
      const s = pointers[i] ?? "";
      if (!this.refersBack.has(s) || (topic.being !== true && PERSON_POINTERS.has(s))) continue;
      if (!this.crampsInGeneral.has(s) || topic.complaint === true) return true;
      if (this.crampsAfter.has(pointers[i - 1] ?? "")) continue;
      general ??= this.asksGeneral(text);
      if (!general) return true;
    }
    return false;
  }

  /** The stems with the phrases in which a pointer is the cramps left out ("why is this happening"). */
  private pointers(stems: readonly string[]): readonly string[] {
    const hits = this.notPointing.findAll(stems);
    if (hits.length === 0) return stems;
    const out = [...stems];
    for (const hit of hits) for (let i = hit.start; i < hit.start + hit.length; i++) out[i] = "";
    return out;
  }

  /** Whether a text names the leg cramps the article is about by a leg word ("the leg ones", "my calves"). */
  private namesOurCramps(text: string): boolean {
    return this.ourCramps.findAll(this.lexicon.analyze(text).stems).length > 0;
  }

  /**
   * The words of a clause after its last singular pointer ("should I be drinking it" -> ""), or all of it; with
   * `plural`, "they", "them", "those" and "these" count as pointers too. A pointer inside a `not_pointing` phrase is
   * none ("a stretch that helps"). With `dropConsumption`, the bare verbs of taking something in are left out of the
   * words returned: in a question pointing back at a thing told ("how much would you drink" after pickle brine), with
   * no object of their own, they take that thing, not the water of the hydration section.
   */
  private afterPointer(text: string, plural = false, dropConsumption = false): string {
    const analysis = this.lexicon.analyze(text);
    const stems = this.pointers(analysis.stems);
    let last = -1;
    for (let i = 0; i < stems.length; i++) {
      const stem = stems[i] ?? "";
      if (
        (this.refersBack.has(stem) || (plural && this.refersBackPlural.has(stem))) &&
        !PERSON_POINTERS.has(stem)
      )
        last = i;
    }
    const words: string[] = [];
    for (let i = last + 1; i < analysis.tokens.length; i++)
      if (!dropConsumption || !this.consumption.has(analysis.stems[i] ?? ""))
        words.push(analysis.tokens[i] ?? "");
    return words.join(" ");
  }

  /** The topics' terms found in `stems`, `not_terms` left out. */
  private found(stems: readonly string[]): { value: ScopeTopic; start: number; length: number }[] {
    return this.table
      .findAll(stems)
      .filter((hit): hit is { value: ScopeTopic; start: number; length: number } => hit.value !== null);
  }

  /** A phrase of the table lies within `reach` words before `start`. */
  private before(table: PhraseTable<true>, stems: readonly string[], start: number, reach: number): boolean {
    return table.findAll(stems.slice(Math.max(0, start - reach), start)).length > 0;
  }
}

/**
 * Stems with every number replaced by the placeholder terms use: a child's age under 18 ("my son is nine" = "my son is
 * CHILDAGE"), any other number NUM ("my daughter is 34" is no child).
 */
function numbered(stems: readonly string[], numbers: Numbers): string[] {
  return stems.map((s) => {
    // "a" and "an" count as one in a duration ("a minute"), but are no number here ("expecting a baby").
    const value = s === "a" || s === "an" ? null : numbers.parse(s);
    return value === null ? s : value < ADULT_AGE ? CHILD_AGE : NUM;
  });
}

/** A term's stems as the tables hold them: NUM stands for any number, so for a child's age too. */
function anyNumber(stems: string[]): string[][] {
  if (!stems.includes(NUM)) return [stems];
  return [stems, stems.map((s) => (s === NUM ? CHILD_AGE : s))];
}

/** A sentence opening with a question word asks, with or without its question mark. */
const ASKING_START =
  /^\s*(what|whats|what's|how|why|which|who|when|where|is|are|can|could|does|do|should|would|will)\b/i;

/**
 * The message's clauses, in order: sentences split at commas, semicolons, colons and dashes. A clause asks when its
 * sentence has a question mark, or, when none has, when it is in the last sentence.
 */
export function clausesOf(text: string): Clause[] {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
  const anyQuestion = sentences.some((s) => s.includes("?"));
  const clauses: Clause[] = [];
  sentences.forEach((sentence, i) => {
    const last = i === sentences.length - 1;
    // "...dangerous? what are the signs of overdose": a last question typed without its mark still asks.
    const asks = anyQuestion ? sentence.includes("?") || (last && ASKING_START.test(sentence)) : last;
    for (const part of sentence.split(/[,;:]\s*|\s[-–—]\s|\s(?=\bbut\b\s)/i)) {
      if (!/[\p{L}\p{N}]/u.test(part)) continue;
      // The "but" stays on its clause to mark it; its text is read without it.
      const afterBut = /^but\s/i.test(part);
      clauses.push({ text: afterBut ? part.slice(4) : part, asks, sentence: i, afterBut });
    }
  });
  return clauses;
}

/**
 * The placeholder of the first ending class the token ends with (with more than two letters before the ending), or
 * undefined. Loops, not closures made per word: such a closure's optimised code is lost at every full collection (ADR 54).
 */
function placeholderOf(
  endings: readonly { endings: readonly string[]; placeholder: string }[],
  token: string,
): string | undefined {
  for (const e of endings)
    for (const end of e.endings)
      if (token.length > end.length + 2 && token.endsWith(end)) return e.placeholder;
  return undefined;
}
