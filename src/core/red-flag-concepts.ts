/**
 * Role: the concept layer of the red-flag check (redflags.ts), from intents/urgent.yaml. A red flag is a sign
 * (swelling, a colour, heat, pressure in the chest, breathlessness, new numbness, weakness, a cold foot ...) said of a
 * body place or of the cramp; the signs and places are named vocabularies (`classes`) that rules combine, so a new
 * wording of either meets every wording of the other instead of each pair being listed. Here: the classes expanded
 * into the rules, the sentences of a message (a sign and its place must share one), and the stretches of a message
 * that report nothing: a hypothetical ("what if it lasts ten minutes?", "if my calf ever swelled up") or a sign said
 * of other people ("I see patients with swollen legs"). Docs: docs/adr/0029-red-flags-as-concepts.md.
 */
import type { RuleData, UrgentData } from "./intents.js";
import { type Lexicon, PhraseTable } from "./lexicon.js";
import { type Clock, systemClock } from "./types.js";

/** A class reference in a rule: `<limb>`, a whole phrase or a word of one ("weak with <feeling>"). */
const CLASS_REF = /^<([a-z][a-z-]*)>$/;
/** A phrase with class references inside it stands for at most this many phrases (the rest are left out). */
const MAX_PRODUCT = 400;
/** How many classes may nest (a class listing another class). */
const MAX_DEPTH = 3;
/** A marker ("ever", "were to") makes a conditional hypothetical when it stands at most this many words after it. */
const MARKER_REACH = 5;
/** A hypothetical runs to the end of its sentence, but never further than this many words. */
const HYPOTHETICAL_REACH = 24;
/** "patients with swollen legs": how many words after "patients with" are said of them. */
const OTHERS_REACH = 4;
/** Words before "I used to" that compare the past with now ("not as strong as I used to be"): no history told. */
const COMPARED_WITH = new Set(["like", "as", "than"]);
/** A long-past phrase opens its clause when at most this many words stand before it there ("thirty years ago"). */
const CLAUSE_OPENING = 2;
/** A message with no sentence ends and at most this many words reads as one sentence. */
const ONE_SENTENCE = 30;
/** Where a message's text breaks into sentences: after ". ", "? ", "! ", "; " or at a line break. */
const SENTENCE_END = /(?<=[.!?;])\s+|\s*\n+\s*/;
/** Where a clause ends inside a sentence too: a comma, a colon, a dash between spaces. */
const CLAUSE_END = /(?<=[.!?;,:])\s+|\s*\n+\s*|\s+[-–—]+\s+/;

/** A stretch of a message's stems, end exclusive. */
export interface Stretch {
  start: number;
  end: number;
  /**
   * The stretch tells of the past, whose places may be said again of now ("years ago my leg was swollen after a DVT.
   * Now it's swollen again"): only its signs report nothing, not the body places named in it.
   */
  sparesPlaces?: boolean;
}

/**
 * The urgent data with every class reference (`<limb>`) in a rule or an idiom replaced by the class's phrases: a
 * whole phrase `<limb>` by each of them, a word of a phrase ("weak with <feeling>") by each in turn. The classes the
 * red-flag check reads itself (`<duration>`, `<clock>`, `<earlier-turns>`) stay as they are.
 */
export function withClasses(data: UrgentData): UrgentData {
  const classes = data.classes;
  if (Object.keys(classes).length === 0) return data;
  const expand = (phrases: readonly string[]): string[] => expandClasses(phrases, classes);
  const rule = <R extends RuleData>(r: R): R => ({
    ...r,
    all: r.all.map((group) => [...new Set(expand(group))]),
    ...(r.some ? { some: { ...r.some, of: [...new Set(expand(r.some.of))] } } : {}),
    ...(r.unless ? { unless: [...new Set(expand(r.unless))] } : {}),
  });
  return {
    ...data,
    idioms: [...new Set(expand(data.idioms))],
    rules: data.rules.map(rule),
    advisories: data.advisories.map(rule),
  };
}

/** Each phrase with its class references (`<limb>`, "weak with <feeling>") replaced by the classes' phrases. */
export function expandClasses(
  phrases: readonly string[],
  classes: Readonly<Record<string, readonly string[]>>,
): string[] {
  const members = (word: string): readonly string[] | undefined => {
    const name = CLASS_REF.exec(word)?.[1];
    return name === undefined ? undefined : classes[name];
  };
  const expand = (phrases: readonly string[], depth = 0): string[] =>
    phrases.flatMap((phrase) => {
      const whole = members(phrase);
      if (whole !== undefined) return depth >= MAX_DEPTH ? [phrase] : expand(whole, depth + 1);
      if (!phrase.includes("<")) return [phrase];
      // A class inside a phrase: every member in its place, the phrase's other words as written.
      let out = [""];
      for (const word of phrase.split(" ")) {
        const options = members(word) ?? [word];
        out = out
          .flatMap((head) => options.map((o) => (head === "" ? o : `${head} ${o}`)))
          .slice(0, MAX_PRODUCT);
      }
      return out;
    });
  return [...new Set(expand(phrases))];
}

/**
 * Which sentence each stem of a message stands in, worked out only when asked (most messages never need it): the
 * text is cut where a sentence ends and each piece read into tokens as the message was. If the pieces do not add up
 * to the message's tokens, the whole message counts as one sentence.
 */
export class Sentences {
  private ids: Uint16Array | null | undefined;
  private clauses: Uint16Array | null | undefined;
  /** The sentences (by id) that end with a question mark, once `ids` are read. */
  private readonly asking = new Set<number>();
  /**
   * The stems that stand for a limb named before them ("it" after "my shin"), with where that limb starts: they
   * count only from another sentence than the limb's (see {@link apart}). Filled by the red-flag check.
   */
  readonly standsFor = new Map<number, number>();

  constructor(
    private readonly text: string | undefined,
    private readonly tokenCount: number,
    private readonly lexicon: Lexicon,
  ) {}

  /** The sentence of stem `i` (0 when the message's sentences are unknown). */
  of(i: number): number {
    if (this.ids === undefined) this.ids = this.read();
    return this.ids?.[i] ?? 0;
  }

  /**
   * Stems `i` and `j` stand in one sentence; in a message whose sentences cannot be read (no sentence ends), only if
   * it is short enough to be one.
   */
  together(i: number, j: number): boolean {
    if (this.ids === undefined) this.ids = this.read();
    if (this.ids === null) return this.tokenCount <= ONE_SENTENCE;
    return this.ids[i] === this.ids[j];
  }

  /**
   * Stem `i` is no "it" standing for a limb of its own sentence: in the limb's sentence the rule's window measures the
   * limb itself ("my legs ... like ants under my skin and it only gets better" is about the urge).
   */
  apart(i: number): boolean {
    const from = this.standsFor.get(i);
    return from === undefined || this.of(from) !== this.of(i);
  }

  /**
   * The sentence holding stem `i` ends with a question mark: "tingling? no, nothing like that" asks a sign back
   * before denying it.
   */
  endsAsking(i: number): boolean {
    // No sentence ends asking in a text without a question mark: its sentences need not be read for this (ADR 86).
    if (this.text === undefined || !this.text.includes("?")) return false;
    if (this.ids === undefined) this.ids = this.read();
    if (this.ids === null) return false;
    return this.asking.has(this.ids[i] ?? -1);
  }

  /** Where the sentence holding stem `i` starts. */
  startOf(i: number): number {
    const id = this.of(i);
    let start = i;
    while (start > 0 && this.of(start - 1) === id) start--;
    return start;
  }

  /** Where the sentence holding stem `i` ends (exclusive). */
  endOf(i: number): number {
    const id = this.of(i);
    let end = i + 1;
    while (end < this.tokenCount && this.of(end) === id) end++;
    return end;
  }

  /**
   * Stems `i` and `j` stand in one clause: no comma, colon, dash or sentence end between them ("a quarter of an hour,
   * stretching does nothing" puts the stretching in a clause of its own). Unknown clauses count as one.
   */
  sameClause(i: number, j: number): boolean {
    if (this.clauses === undefined) this.clauses = this.read(CLAUSE_END, /[.!?;,:\n]|\s[-–—]+\s/);
    return this.clauses === null || this.clauses[i] === this.clauses[j];
  }

  private read(end = SENTENCE_END, any = /[.!?;\n]/): Uint16Array | null {
    const text = this.text;
    if (text === undefined || !any.test(text)) return null;
    const ids = new Uint16Array(this.tokenCount);
    let at = 0;
    let id = 0;
    for (const piece of text.split(end)) {
      const count = this.lexicon.countStems(piece);
      if (count === 0) continue;
      if (at + count > this.tokenCount) return null;
      ids.fill(id, at, at + count);
      if (end === SENTENCE_END && piece.trimEnd().endsWith("?")) this.asking.add(id);
      at += count;
      id++;
    }
    return at === this.tokenCount ? ids : null;
  }
}

/** The stretches of a message that report no sign of the writer's: hypotheticals and signs of other people. */
export class NotReported {
  private readonly openers = new PhraseTable<true>();
  private readonly conditionals: Set<string>;
  private readonly markers = new PhraseTable<true>();
  private readonly others = new PhraseTable<true>();
  private readonly generic = new PhraseTable<true>();
  private readonly owners: Set<string>;
  private readonly toldOf = new PhraseTable<true>();
  private readonly caredFor = new PhraseTable<true>();
  private readonly screens = new PhraseTable<true>();
  private readonly disowning = new PhraseTable<true>();
  private readonly firstPerson: Set<string>;
  private readonly thirdPerson: Set<string>;
  private readonly rulesKnown = new PhraseTable<true>();
  private readonly rulesKnownEnds: Set<string>;
  private readonly longPast = new PhraseTable<true>();
  private readonly longPastClause = new PhraseTable<true>();
  private readonly longPastEnds = new PhraseTable<true>();
  private readonly longPastYear = new PhraseTable<true>();
  private readonly turns: Set<string>;
  private readonly empty: boolean;

  /** `clock`: what "long ago" is measured from (`long_past_year`). Default: the system clock. */
  constructor(
    private readonly data: UrgentData["not_reported"],
    lexicon: Lexicon,
    private readonly clock: Clock = systemClock,
  ) {
    for (const p of data.openers) this.openers.set(lexicon.stems(p), true);
    for (const p of data.markers) this.markers.set(lexicon.stems(p), true);
    for (const p of data.others) this.others.set(lexicon.stems(p), true);
    for (const p of data.generic) this.generic.set(lexicon.stems(p), true);
    this.owners = new Set(data.owners.flatMap((w) => lexicon.stems(w)));
    for (const p of data.told_of) this.toldOf.set(lexicon.stems(p), true);
    for (const p of data.cared_for) this.caredFor.set(lexicon.stems(p), true);
    for (const p of data.screens) this.screens.set(lexicon.stems(p), true);
    for (const p of data.disowning) this.disowning.set(lexicon.stems(p), true);
    this.firstPerson = new Set(data.first_person.flatMap((w) => lexicon.stems(w)));
    this.thirdPerson = new Set(data.third_person.flatMap((w) => lexicon.stems(w)));
    for (const p of data.rules_known) this.rulesKnown.set(lexicon.stems(p), true);
    this.rulesKnownEnds = new Set(data.rules_known_ends.flatMap((w) => lexicon.stems(w)));
    for (const p of data.long_past) this.longPast.set(lexicon.stems(p), true);
    for (const p of data.long_past_clause) this.longPastClause.set(lexicon.stems(p), true);
    for (const p of data.long_past_ends) this.longPastEnds.set(lexicon.stems(p), true);
    for (const p of data.long_past_year) this.longPastYear.set(lexicon.stems(p), true);
    this.turns = new Set(data.turns.flatMap((w) => lexicon.stems(w)));
    this.conditionals = new Set(data.conditionals.flatMap((w) => lexicon.stems(w)));
    this.empty =
      data.openers.length +
        data.conditionals.length +
        data.others.length +
        data.generic.length +
        data.told_of.length +
        data.screens.length +
        data.rules_known.length +
        data.long_past.length +
        data.long_past_clause.length +
        data.long_past_year.length ===
      0;
  }

  /** `tokens`: the message's words as written, one per stem (a generic subject is never told in the past). */
  stretches(stems: readonly string[], sentences: Sentences, tokens?: readonly string[]): Stretch[] {
    if (this.empty) return [];
    const out: Stretch[] = [];
    const toSentenceEnd = (start: number): Stretch => {
      let end = Math.min(sentences.endOf(start), start + HYPOTHETICAL_REACH);
      // "I don't want to make a fuss, but my foot has been floppy": past a turn the sentence tells what is.
      for (let i = start + 1; i < end; i++) if (this.turns.has(stems[i] ?? "")) end = i;
      return { start, end };
    };
    // "what if it lasts more than ten minutes?", "just in case it swells up"
    for (const m of this.openers.everyMatch(stems)) out.push(toSentenceEnd(m.start));
    // "if my calf ever swelled up, would that be a reason to go?": a conditional with "ever" close after it.
    // ("ever since" is no hypothetical: "ever since the fall".)
    const markers = this.markers.everyMatch(stems).filter((m) => stems[m.start + m.length] !== "since");
    if (markers.length > 0) {
      stems.forEach((stem, i) => {
        if (!this.conditionals.has(stem)) return;
        if (
          markers.some(
            (m) => m.start > i && m.start - i <= MARKER_REACH && sentences.of(m.start) === sentences.of(i),
          )
        )
          out.push(toSentenceEnd(i));
      });
    }
    // "I often see patients with swollen legs": what follows is said of them.
    for (const m of this.others.everyMatch(stems))
      out.push({ start: m.start, end: m.start + m.length + OTHERS_REACH });
    // "our coach says anyone whose cramp lasts over ten minutes should get checked", "the leaflet says a cramp that
    // lasts more than ten minutes needs seeing to": a rule about anyone. Not when it is the writer's own ("I had a
    // cramp that lasted ..."), nor told in the past ("a cramp that lasted twenty minutes woke me").
    for (const m of this.generic.everyMatch(stems)) {
      let owned = false;
      for (let i = Math.max(0, m.start - OWNER_REACH); i < m.start; i++)
        if (this.owners.has(stems[i] ?? "")) owned = true;
      if (owned || (tokens !== undefined && toldInThePast(tokens, m.start, m.start + m.length + 1))) continue;
      // "is a cramp that lasts more than 10 minutes dangerous?" asks of cramps at the start of a question only.
      const asked = stems[m.start] === "is" || stems[m.start] === "are";
      if (asked && m.start > 0 && sentences.of(m.start - 1) === sentences.of(m.start)) continue;
      out.push(toSentenceEnd(m.start));
    }
    out.push(...this.toldOfOthers(stems, sentences, tokens));
    out.push(...this.history(stems, sentences));
    return out;
  }

  /**
   * "I used to sweat buckets in my old job", "Years ago my toes went numb from a ski boot": a stretch told as long
   * past, from its phrase to the sentence's end, a turn ("but") or a word of now ("I used to walk 5k, now my legs
   * give out").
   */
  private history(stems: readonly string[], sentences: Sentences): Stretch[] {
    // Where each stretch starts, and whether it runs to its clause's end only (else its sentence's).
    const starts: { start: number; from: number; clause: boolean }[] = [];
    for (const m of this.longPast.everyMatch(stems))
      if (!COMPARED_WITH.has(stems[m.start - 1] ?? ""))
        starts.push({ start: m.start, from: m.start + m.length, clause: true });
    for (const m of [...this.longPastClause.everyMatch(stems), ...this.yearsGone(stems)]) {
      // Opens its clause, perhaps after an amount ("thirty years ago", "many years ago").
      let clauseStart = m.start;
      while (clauseStart > 0 && sentences.sameClause(clauseStart - 1, m.start)) clauseStart--;
      if (m.start - clauseStart <= CLAUSE_OPENING)
        starts.push({ start: m.start, from: m.start + m.length, clause: false });
    }
    if (starts.length === 0) return [];
    const ends = this.longPastEnds.everyMatch(stems);
    // (An end inside the phrase itself, "used to have", ends nothing.)
    return starts.map(({ start, from, clause }) => {
      let end = Math.min(sentences.endOf(start), start + HYPOTHETICAL_REACH);
      for (let i = start + 1; i < end; i++)
        if (this.turns.has(stems[i] ?? "") || (clause && !sentences.sameClause(start, i))) end = i;
      for (const e of ends) if (e.start >= from && e.start < end) end = e.start;
      return { start, end, sparesPlaces: true };
    });
  }

  /** "back in 2016", "in 2009": a `long_past_year` phrase and a year long before the clock's, as one match. */
  private yearsGone(stems: readonly string[]): { start: number; length: number }[] {
    const out: { start: number; length: number }[] = [];
    let latest: number | null = null;
    for (const m of this.longPastYear.everyMatch(stems)) {
      const year = stems[m.start + m.length] ?? "";
      if (!/^(19|20)\d\d$/.test(year)) continue;
      latest ??= new Date(this.clock.now()).getUTCFullYear() - this.data.long_past_years;
      if (Number(year) <= latest) out.push({ start: m.start, length: m.length + 1 });
    }
    return out;
  }

  /**
   * "on casualty last night some bloke's red swollen leg turned out to be a clot", "my mum had a clot once and her leg
   * swelled right up, mine isn't swollen at all": what was on a screen, or told in the past of somebody else in a
   * message that then sets the writer's own apart, reports nothing of the writer's. Each runs until the writer speaks
   * of themselves again ("...and now my calf is hot") or the sentence ends. A sign told of somebody else now ("my
   * husband's calf is swollen") stays a red flag: help is needed all the same.
   */
  private toldOfOthers(
    stems: readonly string[],
    sentences: Sentences,
    tokens?: readonly string[],
  ): Stretch[] {
    const out: Stretch[] = [];
    const stretchFrom = (m: { start: number; length: number }): Stretch => {
      const last = Math.min(sentences.endOf(m.start), m.start + HYPOTHETICAL_REACH);
      let end = m.start + m.length;
      while (end < last && !this.firstPerson.has(stems[end] ?? "")) end++;
      return { start: m.start, end };
    };
    for (const m of this.screens.everyMatch(stems)) out.push(stretchFrom(m));
    // A rule known runs to its clause's end at most: "I know a cramp over ten minutes is serious and this one ...".
    for (const m of this.rulesKnown.everyMatch(stems)) {
      const stretch = stretchFrom(m);
      for (let i = m.start + m.length; i < stretch.end; i++)
        if (this.rulesKnownEnds.has(stems[i] ?? "") || !sentences.sameClause(m.start, i)) stretch.end = i;
      out.push(stretch);
    }
    // "she says she is fine": the other person's word about themselves sets nothing of the writer's apart.
    const disowned = this.disowning
      .everyMatch(stems)
      // (Not across a sentence end: "the doctor is already treating him. For me only small cramps".)
      .filter(
        (d) =>
          !this.thirdPerson.has(stems[d.start - 1] ?? "") ||
          (d.start > 0 && sentences.of(d.start - 1) !== sentences.of(d.start)),
      );
    if (disowned.length === 0) return out;
    // (Read only in a message that sets the writer's own apart.)
    const cared = this.caredFor.everyMatch(stems);
    for (const m of this.toldOf.everyMatch(stems)) {
      if (!disowned.some((d) => d.start >= m.start + m.length)) continue;
      const stretch = stretchFrom(m);
      // Told in the past anywhere in its sentence: "Watched my dad in hospital with a clot in his leg".
      if (tokens === undefined || toldInThePast(tokens, sentences.startOf(m.start), stretch.end, true))
        out.push(stretch);
      // Or now, but already known and looked after: "my mum's legs swell with her heart failure but that's her",
      // "my father has a swollen leg, the doctor is already treating him". (Not "my husband's calf is red and
      // swollen tonight, mine is fine": that one needs help now.)
      else if (cared.some((c) => sentences.of(c.start) === sentences.of(m.start))) out.push(stretch);
    }
    return out;
  }
}

/** How far (in words) before a generic subject an owner word ("I had", "my") makes it the writer's own. */
const OWNER_REACH = 2;
/** Verbs told in the past that are not written with "-ed". */
const PAST_VERBS = new Set([
  // What befell somebody: "my friend broke her leg skiing", "my dad fell off a ladder".
  "broke",
  "fell",
  "tore",
  "hurt",
  "went",
  "was",
  "were",
  "kept",
  "held",
  "had",
  "got",
  "began",
  "came",
  "woke",
  "stayed",
]);
/**
 * What somebody told the writer, in the past: a sign they said to look for is theirs to tell ("my friend told me to
 * check for a hot swollen calf"). Only for somebody else's words: "the nurse said a cramp that lasts ..." is still a
 * rule about anyone, read as the generic subject.
 */
const SAID_VERBS = new Set(["told", "said"]);

/** A word of `tokens[start, end)` is a verb in the past ("lasted", "went on"). */
function toldInThePast(tokens: readonly string[], start: number, end: number, said = false): boolean {
  for (let i = start; i < end && i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (PAST_VERBS.has(t) || (said && SAID_VERBS.has(t)) || (t.length > 4 && t.endsWith("ed"))) return true;
  }
  return false;
}

/** The stretch `[start, end)` lies inside one of `stretches`. */
export function inside(stretches: readonly Stretch[], start: number, end: number): boolean {
  // A loop, not a closure made per call (the red-flag check asks for every phrase found; ADR 54).
  for (const s of stretches) if (start >= s.start && end <= s.end) return true;
  return false;
}
