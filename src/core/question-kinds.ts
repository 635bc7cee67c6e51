/**
 * Role: question kinds — what a question asks (why, what to do, how much, is it safe, who gets it...), read from the
 * phrases in intents/kinds.yaml: their shape (validated at load), the check against the knowledge, and the matcher
 * that finds a message's kind. The rules decide what a kind means for the answer (rules.ts, ADR 7).
 */
import { DataError } from "./errors.js";
import type { KnowledgeBase } from "./knowledge.js";
import { CLAUSE_WORDS, type Lexicon, type LexiconData, PhraseTable } from "./lexicon.js";
import { wordsAt } from "./normalize.js";
import type { KindsData } from "./schemas/kinds.js";
import { WordFilter, wordBit } from "./word-filter.js";

export type { KindsData };

/** A question kind as the rules read it. */
export interface QuestionKind {
  name: string;
  /** The general section answering it when no topic or aspect is named; null when it needs a topic. */
  section: string | null;
  /** The aspect of a named topic it asks about. */
  facet: string | null;
  /** Facet evidence it adds (0: the lexicon's facet words already say it). */
  facetWeight: number;
  /** A topic named earlier in the message stays the subject even when the person already uses it. */
  keepsTopic: boolean;
  /**
   * The general section answering it instead when what the person set aside was tried as a remedy ("tried stretching
   * and water, what else is there?" asks for other remedies, not other causes); null to keep `section`.
   */
  afterTried: string | null;
  /** An "or" in the question joins two ways of doing one thing, not two things to compare (kinds.yaml `one_thing`). */
  oneThing: boolean;
}

/**
 * A general ask: answered by a general section when nothing is named ("why do they happen", "what can I do"), and not
 * keeping the topic told before it. False for no kind.
 */
export function asksGenerally(kind: QuestionKind | null | undefined): kind is QuestionKind {
  return kind != null && kind.section !== null && !kind.keepsTopic;
}

/** No kinds: what a bot built without kinds.yaml reads. */
export const NO_KINDS: KindsData = { kinds: {}, ruled_out: { markers: [], negations: [], back: [] } };

/** The file the kinds come from, for error messages. */
const FILE = "kinds.yaml";
/** The word that joins a second question to the first. */
const AND = "and";
/** In "a ... b", b may follow a within this many words. */
const GAP = 4;

/** Every kind's facet is a facet and (with a knowledge base) its section a section; errors name file and field. */
export function checkKinds(
  data: KindsData,
  knowledge: KnowledgeBase | null,
  facets: ReadonlySet<string>,
): void {
  for (const [name, kind] of Object.entries(data.kinds)) {
    if (knowledge !== null && kind.section !== undefined && !knowledge.byId.has(kind.section))
      throw new DataError(FILE, `kinds.${name}.section`, `names no section ("${kind.section}")`);
    if (knowledge !== null && kind.after_tried !== undefined && !knowledge.byId.has(kind.after_tried))
      throw new DataError(FILE, `kinds.${name}.after_tried`, `names no section ("${kind.after_tried}")`);
    if (kind.facet !== undefined && !facets.has(kind.facet))
      throw new DataError(FILE, `kinds.${name}.facet`, `names no facet ("${kind.facet}")`);
  }
}

/** The facets the lexicon defines. */
export function knownFacets(lexicon: LexiconData): Set<string> {
  return new Set([...Object.keys(lexicon.facets), ...Object.keys(lexicon.weak_facets)]);
}

interface Pattern {
  kind: QuestionKind;
  parts: string[][];
}

/**
 * A node of the trie of the patterns' first parts, by term: walked from each term of a message, it finds every
 * pattern whose first part starts there in one pass, instead of marking the candidates among all the patterns and
 * trying each (the hot path; the patterns grew to 959 with issue 10's data).
 */
interface KindNode {
  /** The nodes one term further, by term, once two or more terms lead on from here. */
  next: Map<string, KindNode> | undefined;
  /**
   * The bits (word-filter.ts `wordBit`) of the terms that lead on from here: a term whose bit is clear leads nowhere,
   * and `next` is not looked up for it (ADR 86).
   */
  marks: number;
  /** The one term that leads on from here (with `only`), while `next` is undefined: most nodes (as in ADR 67). */
  term: string | undefined;
  only: KindNode | undefined;
  /** The patterns whose first part ends here, by index, in order. */
  ends: number[] | undefined;
}

function emptyKindNode(): KindNode {
  return { next: undefined, marks: 0, term: undefined, only: undefined, ends: undefined };
}

/** The node `term` leads to from `at`, or undefined. */
function nextKindNode(at: KindNode, term: string): KindNode | undefined {
  const next = at.next;
  if (next !== undefined) return (at.marks & wordBit(term)) === 0 ? undefined : next.get(term);
  return at.term === term ? at.only : undefined;
}

/** Where a pattern first occurs in a message's terms: its start and the terms it covers (gaps not counted). */
interface Occurrence {
  pattern: number;
  start: number;
  length: number;
}

/** Finds the kind of a question in its canonical terms. */
export class QuestionKinds {
  private readonly patterns: Pattern[] = [];
  /** Every phrase's terms, so the reader can tell kind words from a topic's. */
  readonly phraseTerms: string[][] = [];
  /** Each kind's times of day ("before bed"), and the kind as asked with one: it keeps the topic told (timed). */
  private readonly times = new Map<QuestionKind, { table: PhraseTable<true>; kind: QuestionKind }>();
  /** The kind each timed kind was made from. */
  private readonly untimedOf = new Map<QuestionKind, QuestionKind>();
  /** Every kind's run-on openers ("why does"), as terms: where a voice note's last ask may start (lastStart). */
  private readonly openers: string[][] = [];
  /** Each kind's closing asks, by their terms joined with spaces ("what do"). */
  private readonly closings = new Map<string, QuestionKind>();
  /** The trie of the patterns' first parts (see {@link KindNode}). */
  private readonly firstParts: KindNode = emptyKindNode();
  /**
   * The terms the first parts start with (word-filter.ts): most of a message's terms start none of the 959 patterns,
   * and are told so without the trie's first map (ADR 86).
   */
  private readonly firstTerms = new WordFilter();
  /**
   * By pattern index, the call of {@link occurrencesIn} that found the pattern last: a pattern is taken at its first
   * occurrence only, and a stamp per call spares clearing a mark per pattern.
   */
  private readonly foundIn: Uint32Array;
  private stamp = 0;
  /** The terms {@link occurrencesIn} was last asked about, and its answer ({@link sectionsAsked} follows match). */
  private lastFound: { terms: readonly string[]; found: readonly Occurrence[] } | null = null;
  /** The terms {@link match} was last asked about, and its answer. */
  private last: {
    terms: readonly string[];
    hit: { kind: QuestionKind; start: number; length: number } | null;
  } | null = null;

  constructor(
    data: KindsData,
    private readonly lexicon: Lexicon,
  ) {
    for (const [name, raw] of Object.entries(data.kinds)) {
      const kind: QuestionKind = {
        name,
        section: raw.section ?? null,
        facet: raw.facet ?? null,
        facetWeight: raw.facet_weight ?? 0,
        keepsTopic: raw.keeps_topic ?? false,
        afterTried: raw.after_tried ?? null,
        oneThing: raw.one_thing ?? false,
      };
      for (const phrase of raw.closing ?? []) {
        const terms = lexicon.terms(phrase);
        if (terms.length > 0) this.closings.set(terms.join(" "), kind);
      }
      if (raw.at_times && raw.at_times.length > 0) {
        const table = new PhraseTable<true>();
        for (const phrase of raw.at_times) table.set(lexicon.terms(phrase), true);
        // Built once: the kind as asked at a time of day is the same object for every message.
        const timed: QuestionKind = { ...kind, keepsTopic: true };
        this.times.set(kind, { table, kind: timed });
        this.untimedOf.set(timed, kind);
      }
      for (const phrase of raw.opens ?? []) {
        const terms = lexicon.terms(phrase);
        if (terms.length > 0) this.openers.push(terms);
      }
      for (const phrase of raw.phrases) {
        const parts = phrase.split("...").map((p) => lexicon.terms(p.trim()));
        if (parts.some((p) => p.length === 0)) continue;
        addFirstPart(this.firstParts, parts[0] ?? [], this.patterns.length);
        this.patterns.push({ kind, parts });
        if (parts.length === 1 && parts[0]) this.phraseTerms.push(parts[0]);
      }
    }
    this.foundIn = new Uint32Array(this.patterns.length);
    const starts = [
      ...(this.firstParts.next?.keys() ?? []),
      ...(this.firstParts.only ? [this.firstParts.term ?? ""] : []),
    ];
    starts.forEach((term, i) => {
      this.firstTerms.add(term, i + 1, () => starts.slice(0, i + 1));
    });
  }

  /**
   * The kind the terms ask: the match covering most words, the earliest of equal ones (question words come first
   * in English: "what is the dose" is not a "what is it").
   */
  /** The kind whose closing ask the terms are, whole ("wat do" as a message's last clause); null for none. */
  closingOf(terms: readonly string[]): QuestionKind | null {
    return terms.length === 0 ? null : (this.closings.get(terms.join(" ")) ?? null);
  }

  kindOf(terms: readonly string[]): QuestionKind | null {
    return this.match(terms)?.kind ?? null;
  }

  /**
   * The kind as asked in the terms: asked for a time of day of its own ("anything I could do in the evenings?"), the
   * kind that keeps the topic told; otherwise the kind itself.
   */
  timed(kind: QuestionKind, terms: readonly string[]): QuestionKind {
    const times = this.times.get(kind);
    return times !== undefined && times.table.findAll(terms).length > 0 ? times.kind : kind;
  }

  /** The kind a timed kind was made from; any other kind itself. */
  untimed(kind: QuestionKind): QuestionKind {
    return this.untimedOf.get(kind) ?? kind;
  }

  /**
   * The general sections of the kinds whose phrases occur in the terms only as one word, beside the longer phrase of
   * the kind that won (`won`): a general topic named only by such a word ("why" in "why do they keep coming back?")
   * is a weaker question word, not a section asked for by name. A second question joined by "and" ("is there a link,
   * and is there anything I can do?", "what are the causes, and how do I prevent them?") keeps its section.
   */
  sectionsAsked(terms: readonly string[], won: { start: number; length: number }): string[] {
    const best = new Map<string, { length: number; start: number }>();
    // The patterns that occur in the terms, in the patterns' order (as in match).
    for (const hit of this.occurrencesIn(terms)) {
      const section = this.patterns[hit.pattern]?.kind.section ?? null;
      if (section === null) continue;
      if (hit.length > (best.get(section)?.length ?? 0))
        best.set(section, { start: hit.start, length: hit.length });
    }
    const end = won.start + won.length;
    const joined = (at: number) => {
      const [from, to] = at < won.start ? [at, won.start] : [end, at];
      return terms.slice(from, to).includes(AND);
    };
    return [...best]
      .filter(([, hit]) => hit.length === 1 && won.length > 1 && !joined(hit.start))
      .map(([section]) => section);
  }

  /**
   * Where the last ask in the terms starts: the latest start of a kind's phrase covering at least `minLength` words (a
   * gap counting one less), or of a kind's run-on opener ("why does"), or -1. A run-on sentence is read from there
   * ("...and thats it what can she do to stop
   * them"); only long sentences are scanned, so every occurrence of each candidate is tried.
   */
  lastStart(terms: readonly string[], minLength: number): number {
    let last = -1;
    const where = positions(terms);
    // Words as written, as in match: "...wrecking my sleep ... what can I actually do about it" asks from "what".
    const widths = this.lexicon.widths(terms);
    for (const pattern of this.patterns) {
      const starts = where.get(pattern.parts[0]?.[0] ?? "");
      if (starts === undefined) continue;
      const gaps = pattern.parts.length - 1;
      const words = pattern.parts.reduce((n, p) => n + p.length, 0) - gaps;
      if (words < minLength && widths === undefined) continue;
      // Each start on its own, latest first: the first that matches is this pattern's last ask.
      for (let k = starts.length - 1; k >= 0; k--) {
        const start = starts[k] ?? -1;
        if (start <= last) break;
        const only = new Map([[pattern.parts[0]?.[0] ?? "", [start]]]);
        const hit = find(terms, pattern.parts, only, pattern.parts.length > 1 ? undefined : widths);
        if (hit && hit.length - gaps >= minLength) {
          last = start;
          break;
        }
      }
    }
    // An ask starting inside a longer phrase of a kind starts where that phrase does ("...so its not water what else
    // could be doing it": the link kind's "could ... be doing it" lies inside the cause kind's "what else could be
    // doing it"). Only phrases of one part, whose span is their length.
    for (const pattern of this.patterns) {
      const part = pattern.parts[0] ?? [];
      if (pattern.parts.length !== 1 || part.length <= 1 || last < 1) continue;
      for (const start of where.get(part[0] ?? "") ?? []) {
        if (start >= last) break;
        if (start + part.length > last && wordsAt(terms, start, part)) last = start;
      }
    }
    // A kind's run-on opener ("why does") starts an ask too, whatever its length.
    for (const opener of this.openers) {
      const starts = where.get(opener[0] ?? "") ?? [];
      for (let k = starts.length - 1; k >= 0; k--) {
        const start = starts[k] ?? -1;
        if (start <= last) break;
        if (wordsAt(terms, start, opener)) {
          last = start;
          break;
        }
      }
    }
    return last;
  }

  /**
   * The kind, where its phrase starts (a clause that opens with one asks: "so why do my legs...") and how many words
   * it covers (a gap counting one less).
   */
  match(terms: readonly string[]): { kind: QuestionKind; start: number; length: number } | null {
    // The reader asks about the same terms more than once per message (a short message's kind, then its facet
    // evidence): the last answer is kept, by the array's identity (terms are never changed after analysis; ADR 26).
    const last = this.last;
    if (last !== null && last.terms === terms) return last.hit === null ? null : copyHit(last.hit);
    const hit = this.matchTerms(terms);
    this.last = { terms, hit: hit === null ? null : copyHit(hit) };
    return hit;
  }

  private matchTerms(terms: readonly string[]): { kind: QuestionKind; start: number; length: number } | null {
    let best: { kind: QuestionKind; start: number; length: number } | null = null;
    let bestTerms = 0;
    // A phrase counts the words it covers as written: "what can I actually do" is one term ("prevent") but five
    // words, more than the "that's it" said before it (ADR 32).
    const widths = this.lexicon.widths(terms);
    // Only the patterns that occur, in the patterns' order: of equal matches the first pattern wins.
    for (const found of this.occurrencesIn(terms)) {
      const pattern = this.patterns[found.pattern];
      if (pattern === undefined) continue;
      // (A gap pattern counts its terms: it is weaker evidence, and "who's 74, gets" is no "who ... get".)
      const gapped = pattern.parts.length > 1;
      const hit = {
        start: found.start,
        length: gapped ? found.length : wordsOf(widths, found.start, found.length),
      };
      // A pattern with a gap ("who ... get") is weaker evidence than a phrase of the same words.
      if (gapped) hit.length = Math.max(1, hit.length - pattern.parts.length + 1);
      // Of equal words, a phrase of the kinds' own terms ("anything to it") wins over one synonym that stands for
      // as many ("is there anything" is "prevent"), then the earliest.
      // (A gap pattern's terms are its words: no advantage.)
      const size = gapped ? hit.length : (pattern.parts[0]?.length ?? 0);
      if (
        !best ||
        hit.length > best.length ||
        (hit.length === best.length && (size > bestTerms || (size === bestTerms && hit.start < best.start)))
      ) {
        best = { kind: pattern.kind, start: hit.start, length: hit.length };
        bestTerms = size;
      }
    }
    return best;
  }

  /**
   * Every pattern that occurs in the terms, at its first occurrence (what {@link find} gives it), in the patterns'
   * order. One walk of the first parts' trie from each term finds the patterns starting there; a gap pattern's later
   * parts are looked for within their reach as find looks for them. Kept for the last terms asked about, by the
   * array's identity (terms are never changed after analysis; ADR 26).
   */
  private occurrencesIn(terms: readonly string[]): readonly Occurrence[] {
    const last = this.lastFound;
    if (last !== null && last.terms === terms) return last.found;
    const found: Occurrence[] = [];
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.foundIn.fill(0);
    const stamp = this.stamp;
    for (let start = 0; start < terms.length; start++) {
      const first = terms[start] as string;
      let node = this.firstTerms.mayHave(first) ? nextKindNode(this.firstParts, first) : undefined;
      for (let at = start + 1; node !== undefined; at++) {
        const ends = node.ends;
        if (ends !== undefined)
          for (const n of ends) {
            if (this.foundIn[n] === stamp) continue;
            const length = this.restOf(terms, n, start, at - start);
            if (length < 0) continue;
            this.foundIn[n] = stamp;
            found.push({ pattern: n, start, length });
          }
        node = at < terms.length ? nextKindNode(node, terms[at] as string) : undefined;
      }
    }
    // Found by start; the callers weigh them in the patterns' order.
    if (found.length > 1) found.sort(byPattern);
    this.lastFound = { terms, found };
    return found;
  }

  /**
   * The terms pattern `n` covers (gaps not counted) when its first part, `firstLength` terms at `start`, is followed by
   * its later parts each within {@link GAP} words of the last, as {@link find} tries them; -1 when they are not.
   */
  private restOf(terms: readonly string[], n: number, start: number, firstLength: number): number {
    const parts = this.patterns[n]?.parts ?? [];
    let at = start + firstLength;
    let words = firstLength;
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p] ?? [];
      const next = indexOf(terms, part, at, at + GAP);
      if (next < 0) return -1;
      at = next + part.length;
      words += part.length;
    }
    return words;
  }
}

/** Adds pattern `n`'s first part to the trie. */
function addFirstPart(root: KindNode, first: readonly string[], n: number): void {
  let node = root;
  for (const term of first) {
    let next = nextKindNode(node, term);
    if (next === undefined) {
      next = emptyKindNode();
      node.marks |= wordBit(term);
      if (node.next !== undefined) node.next.set(term, next);
      else if (node.only === undefined) {
        node.term = term;
        node.only = next;
      } else {
        node.next = new Map([[node.term ?? "", node.only]]);
        node.next.set(term, next);
        node.term = undefined;
        node.only = undefined;
      }
    }
    node = next;
  }
  node.ends ??= [];
  node.ends.push(n);
}

function byPattern(a: Occurrence, b: Occurrence): number {
  return a.pattern - b.pattern;
}

/**
 * A copy of a match, written out field by field rather than spread: an object made by a spread gets its shape by
 * transitions that only live objects keep, so every full collection threw away the optimised code that had met it
 * and the next messages paid for compiling it again (ADR 54).
 */
function copyHit(hit: { kind: QuestionKind; start: number; length: number }): {
  kind: QuestionKind;
  start: number;
  length: number;
} {
  return { kind: hit.kind, start: hit.start, length: hit.length };
}

/** Where each term stands in the terms, in order (its first key is the first term). */
function positions(terms: readonly string[]): Map<string, number[]> {
  const where = new Map<string, number[]>();
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] ?? "";
    const list = where.get(term);
    if (list) list.push(i);
    else where.set(term, [i]);
  }
  return where;
}

/**
 * The first place the parts occur in order, each within {@link GAP} words of the last; its start and word count.
 * `where` (positions of the terms) gives the first part's candidate starts; a later part is looked for only within
 * its reach, where the first occurrence from `at` would have to be anyway (the hot path; ADR 21).
 */
function find(
  terms: readonly string[],
  parts: string[][],
  where: ReadonlyMap<string, readonly number[]>,
  widths?: readonly number[],
): { start: number; length: number } | null {
  // Indexes, not `[first, ...rest]`: that copy per candidate pattern was most of what matching allocated (ADR 26).
  const first = parts[0];
  if (!first) return null;
  for (const start of where.get(first[0] ?? "") ?? []) {
    if (!wordsAt(terms, start, first)) continue;
    let at = start + first.length;
    let words = wordsOf(widths, start, first.length);
    let ok = true;
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p] ?? [];
      const next = indexOf(terms, part, at, at + GAP);
      if (next < 0) {
        ok = false;
        break;
      }
      at = next + part.length;
      words += wordsOf(widths, next, part.length);
    }
    if (ok) return { start, length: words };
  }
  return null;
}

/**
 * The words as written that `length` terms from `at` stand for (each term one word without widths). A term counts its
 * words when it stands for a whole clause ("what can she do", "is there anything"), not for a word and its particle
 * ("help with", "who's"), which says no more than the word.
 */
function wordsOf(widths: readonly number[] | undefined, at: number, length: number): number {
  if (widths === undefined) return length;
  let words = 0;
  for (let i = at; i < at + length; i++) {
    const width = widths[i] ?? 1;
    words += width >= CLAUSE_WORDS ? width : 1;
  }
  return words;
}

/** The first place from `from` to `last` (inclusive) where `part` occurs, or -1. */
function indexOf(terms: readonly string[], part: readonly string[], from: number, last: number): number {
  for (let i = from; i <= last && i + part.length <= terms.length; i++) if (wordsAt(terms, i, part)) return i;
  return -1;
}
