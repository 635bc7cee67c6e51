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

/** Finds the kind of a question in its canonical terms. */
export class QuestionKinds {
  private readonly patterns: Pattern[] = [];
  /** The patterns' indexes by their first word, in order: a message's words find the few that may match. */
  private readonly byFirstWord = new Map<string, number[]>();
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
        const first = parts[0]?.[0] ?? "";
        const list = this.byFirstWord.get(first);
        if (list) list.push(this.patterns.length);
        else this.byFirstWord.set(first, [this.patterns.length]);
        this.patterns.push({ kind, parts });
        if (parts.length === 1 && parts[0]) this.phraseTerms.push(parts[0]);
      }
    }
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
    const present = positions(terms);
    const best = new Map<string, { length: number; start: number }>();
    // Only the patterns whose first word the terms hold, in the patterns' order (marks, as in match; ADR 26).
    const candidate = this.candidates(present);
    for (let n = 0; n < candidate.length; n++) {
      if (candidate[n] === 0) continue;
      const pattern = this.patterns[n];
      const section = pattern?.kind.section ?? null;
      if (pattern === undefined || section === null) continue;
      const hit = find(terms, pattern.parts, present);
      if (hit && hit.length > (best.get(section)?.length ?? 0)) best.set(section, hit);
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
    // A pattern whose first word the message lacks cannot match: only those of its words are tried, in the patterns'
    // order (the hot path). Marks, not a sorted list: sorting the candidates cost more than trying them (ADR 21).
    const where = positions(terms);
    const candidate = this.candidates(where);
    // A phrase counts the words it covers as written: "what can I actually do" is one term ("prevent") but five
    // words, more than the "that's it" said before it (ADR 32).
    const widths = this.lexicon.widths(terms);
    for (let n = 0; n < candidate.length; n++) {
      if (candidate[n] === 0) continue;
      const pattern = this.patterns[n];
      if (pattern === undefined) continue;
      // (A gap pattern counts its terms: it is weaker evidence, and "who's 74, gets" is no "who ... get".)
      const hit = find(terms, pattern.parts, where, pattern.parts.length > 1 ? undefined : widths);
      if (!hit) continue;
      // A pattern with a gap ("who ... get") is weaker evidence than a phrase of the same words.
      if (pattern.parts.length > 1) hit.length = Math.max(1, hit.length - pattern.parts.length + 1);
      // Of equal words, a phrase of the kinds' own terms ("anything to it") wins over one synonym that stands for
      // as many ("is there anything" is "prevent"), then the earliest.
      // (A gap pattern's terms are its words: no advantage.)
      const size = pattern.parts.length > 1 ? hit.length : (pattern.parts[0]?.length ?? 0);
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

  /** Marks, by pattern index, the patterns whose first word is among the terms (`where`: their positions). */
  private candidates(where: ReadonlyMap<string, readonly number[]>): Uint8Array {
    const candidate = new Uint8Array(this.patterns.length);
    for (const term of where.keys()) {
      const list = this.byFirstWord.get(term);
      if (list) for (const n of list) candidate[n] = 1;
    }
    return candidate;
  }
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
