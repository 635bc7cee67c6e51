/**
 * Role: ruled-out topics — what a person says they already do or have ruled out ("I drink 3 litres a day and still
 * cramp", "I already stretch every night", "..., so I don't believe it is that"), found clause by clause with the
 * markers in intents/kinds.yaml (`ruled_out`). The reader drops them from the topics asked about; the transition
 * keeps them for the conversation, and the renderer leaves them out of the suggestions.
 */
import type { Lexicon } from "./lexicon.js";
import { PhraseTable } from "./lexicon.js";
import type { KindsData } from "./question-kinds.js";

interface Clause {
  terms: string[];
  /** The clause ends a question: what is asked is never ruled out. */
  question: boolean;
  /**
   * The clause ends with a question mark: an aspect it names is asked ("everyone says 'you must be missing something
   * in your diet'" opens with a question kind's words, but tells what others said).
   */
  marked: boolean;
  /** The first clause of its sentence. */
  opens: boolean;
  /** The clause names the problem itself as present ("constantly stressed"). */
  problem: boolean;
}

export class RuledOut {
  private readonly markers = new PhraseTable<boolean>();
  /** Markers of a thing tried as a remedy ("tried", "did not help"); they rule out as the others do. */
  private readonly tried = new PhraseTable<true>();
  /** Markers of everything tried ("tried everything"): the clauses after them list what was tried. */
  private readonly triedAll = new PhraseTable<true>();
  private readonly negations: Set<string>;
  /** Words as written naming the problem itself ("constantly stressed"): their clause rules nothing out. */
  private readonly problems: Set<string>;
  /** Terms that name a topic without ruling it out (kinds.yaml `conceded`: a good diet told). */
  private readonly conceded: Set<string>;

  constructor(
    data: KindsData["ruled_out"],
    private readonly lexicon: Lexicon,
  ) {
    const back = new Set(data.back.map((m) => lexicon.terms(m).join(" ")));
    for (const marker of data.markers) {
      const terms = lexicon.terms(marker);
      this.markers.set(terms, back.has(terms.join(" ")));
    }
    this.negations = new Set(data.negations.flatMap((w) => lexicon.terms(w)));
    this.problems = new Set((data.problems ?? []).map((w) => w.toLowerCase()));
    this.conceded = new Set((data.conceded ?? []).map((w) => lexicon.terms(w).join(" ")));
    for (const marker of [...(data.tried ?? []), ...(data.tried_all ?? [])]) {
      const terms = lexicon.terms(marker);
      this.tried.set(terms, true);
      if (this.markers.matchExact(terms) === undefined) this.markers.set(terms, false);
    }
    for (const marker of data.tried_all ?? []) this.triedAll.set(lexicon.terms(marker), true);
  }

  /**
   * The topics a clause names that it can rule out. A conceded thing told alone ("I eat loads of greens and still
   * cramp") rules nothing out; told in a list of things done ("I drink plenty of water and eat well") it is one of them.
   */
  private ownTopics(terms: string[], topicsOf: (terms: string[]) => Set<string>): Set<string> {
    const own = topicsOf(terms);
    if (this.conceded.size === 0 || own.size === 0 || !terms.some((t) => this.conceded.has(t))) return own;
    const others = topicsOf(terms.filter((t) => !this.conceded.has(t)));
    return others.size > 0 ? own : new Set();
  }

  /** A quick test on the whole message's terms: no marker, nothing to look for (the common case). */
  mayRuleOut(terms: readonly string[]): boolean {
    return this.markers.size > 0 && this.markers.findAll(terms).length > 0;
  }

  /**
   * The topics the text rules out, and whether it says so outright ("so not that": a marker that points back). `topicsOf` gives the specific topics a clause's terms name. A marker rules out
   * the topics of its own clause; one whose clause names none points back: to the clause before, or, opening its
   * sentence ("And still, ..."), to the whole sentence before. A negation in the clause cancels it ("I don't drink
   * enough"), and a question's own topics are never ruled out (`asks`: the clause has a question word; `askedOf`: the
   * topics a question names, by default `topicsOf`). `aspectsOf` gives the aspects a clause names by a word of its own
   * (the foods, the sun): a marker's clause that names no topic rules its aspects out (`aspects`), unless a question
   * names them too. Default: none.
   */
  find(
    text: string,
    topicsOf: (terms: string[]) => Set<string>,
    asks: (terms: string[]) => boolean,
    askedOf: (terms: string[]) => Set<string> = topicsOf,
    aspectsOf: (terms: string[]) => ReadonlySet<string> = () => NONE,
  ): { topics: string[]; aspects: string[]; rejected: boolean; tried: boolean } {
    const sentences = splitClauses(text).map((sentence) =>
      sentence.map((c, i) => {
        const { terms, tokens } = this.lexicon.analyze(c.text);
        // "constantly stressed": the problem itself, told as present, is no thing done or ruled out.
        const problem = this.problems.size > 0 && anyOf(tokens, this.problems);
        // "Why would vitamin D matter if I already eat well": a clause with a question word asks, "?" or not.
        return {
          ...c,
          terms,
          problem,
          opens: i === 0,
          marked: c.question,
          question: c.question || asks(terms),
        };
      }),
    );
    const clauses: (Clause & { sentence: number })[] = sentences.flatMap((s, i) =>
      s.map((c) => ({
        terms: c.terms,
        question: c.question,
        marked: c.marked,
        opens: c.opens,
        problem: c.problem,
        sentence: i,
      })),
    );
    const out = new Set<string>();
    const asked = new Set<string>();
    // Aspects a clause rules out that name no topic ("my diet is fine", "if it's not the sun", "I take supplements
    // already"): they are the siblings' shared parts (the foods, the sun, the pills), no one topic to leave out.
    const aspects = new Set<string>();
    const askedAspects = new Set<string>();
    let rejected = false;
    // Something was ruled out by a marker of trying it ("tried magnesium", "stretching didn't help").
    let tried = false;
    clauses.forEach((clause, i) => {
      if (clause.question) {
        // "What else could I be lacking?" names the two deficiencies by one shared word: neither is asked by name.
        for (const t of askedOf(clause.terms)) asked.add(t);
        if (clause.marked) for (const a of aspectsOf(clause.terms)) askedAspects.add(a);
        return;
      }
      const hits = this.markers.findAll(clause.terms);
      if (hits.length === 0) return;
      const own = this.ownTopics(clause.terms, topicsOf);
      if (this.tried.size > 0 && this.tried.findAll(clause.terms).length > 0) tried = true;
      if (hits.some((h) => h.value)) rejected = true;
      const inMarker = new Array<boolean>(clause.terms.length).fill(false);
      for (const h of hits) for (let k = h.start; k < h.start + h.length; k++) inMarker[k] = true;
      const negated = clause.terms.some((t, k) => !inMarker[k] && this.negations.has(t));
      if (own.size > 0) {
        if (!negated && !clause.problem) for (const t of own) out.add(t);
        return;
      }
      // "...but I still get cramps, impossible on a good diet": a clause naming only a thing conceded points nowhere.
      if (this.conceded.size > 0 && clause.terms.some((t) => this.conceded.has(t))) return;
      // "So if it's not my diet, ...": no topic, but an aspect of its own, is what the marker rules out. (Not by a marker
      // of a thing tried or turned down alone, "if I don't want to sit outside, what else is there?": the other ways
      // of the topic told are asked then, the reader's contrast.)
      const ownAspects = hits.some((h) => this.tried.matchAt(clause.terms, h.start)?.length !== h.length)
        ? aspectsOf(clause.terms)
        : NONE;
      if (ownAspects.size > 0) {
        if (!negated && !clause.problem) for (const a of ownAspects) aspects.add(a);
        return;
      }
      // "I've tried everything: magnesium, water, the stretch": a marker of everything tried that names nothing is
      // followed by what was tried, in the clauses of its own sentence that tell (no marker of their own, no question;
      // "tried the usual, and my yoga teacher said..." tells on, so a bare "tried" is no such marker).
      if (this.triedAll.size > 0 && !negated && this.triedAll.findAll(clause.terms).length > 0) {
        let listed = false;
        for (let k = i + 1; k < clauses.length; k++) {
          const c = clauses[k];
          if (c === undefined || c.sentence !== clause.sentence || c.question) break;
          if (this.markers.findAll(c.terms).length > 0) break;
          for (const t of this.ownTopics(c.terms, topicsOf)) {
            out.add(t);
            listed = true;
          }
        }
        if (listed) return;
      }
      if (!hits.some((h) => h.value)) return;
      const before = clause.opens
        ? clauses.filter((c) => c.sentence === clause.sentence - 1 && !c.question)
        : [clauses[i - 1]].filter((c): c is Clause & { sentence: number } => c !== undefined && !c.question);
      // ("I take pride in my diet: vegetables at every meal. Yet I still get cramps": a good diet told is conceded
      // there too.)
      for (const c of before) {
        const told = this.ownTopics(c.terms, topicsOf);
        for (const t of told) out.add(t);
        // ("I eat a proper diet, so it's not that": the aspect told before, when it names no topic.)
        if (told.size === 0 && !c.terms.some((t) => this.conceded.has(t)))
          for (const a of aspectsOf(c.terms)) aspects.add(a);
      }
    });
    const topics = [...out].filter((t) => !asked.has(t));
    return {
      topics,
      aspects: [...aspects].filter((a) => !askedAspects.has(a)),
      rejected,
      tried: tried && topics.length > 0,
    };
  }
}

/** No aspects (also the default of a caller that reads topics only). */
const NONE: ReadonlySet<string> = new Set();

/**
 * Sentences, each cut into clauses at commas, semicolons, brackets ("I already take magnesium (I was deficient)") and
 * " so " / " but "; each clause knows if it asks.
 */
function splitClauses(text: string): { text: string; question: boolean }[][] {
  const sentences = text.match(/[^.!?\n]+[.!?\n]*/g) ?? [];
  return sentences
    .map((sentence) => {
      const question = sentence.includes("?");
      const parts = sentence
        // (A voice note runs its ask on: "...so its not water what else could be doing it" asks from its "what".)
        .split(/[,;:()]|\s(?=(?:so|but|and still|though|tho|what|why|how)\s)/i)
        .filter((p) => /\p{L}/u.test(p));
      // Only the last clause of a question sentence asks; the ones before it may still rule out ("I drink plenty,
      // so what else could it be?").
      return parts.map((p, i) => ({ text: p, question: question && i === parts.length - 1 }));
    })
    .filter((s) => s.length > 0);
}

/** Some token is one of `words` (a loop, not a closure made per clause: ADR 54). */
function anyOf(tokens: readonly string[], words: ReadonlySet<string>): boolean {
  for (const token of tokens) if (words.has(token)) return true;
  return false;
}
