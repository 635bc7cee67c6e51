/**
 * Role: the unknown subject — what a question asks about ("does X help", "is X good for cramps", "what about X",
 * "X for leg cramps?"), when X holds a content word the article never uses. Such a question is about something the
 * article does not cover (a foam roller, turmeric, a sleeping position), whatever section its other words sound like,
 * so it gets the honest "the article doesn't cover X" with X named. The frames, the everyday words that are never a
 * subject and the words that end a subject are data (intents/scope.yaml `subjects`); the article's vocabulary is
 * given by the reader. Docs: docs/adr/0024-unknown-subjects-and-scope-families.md.
 */
import type { Analysis, Lexicon } from "./lexicon.js";
import { PhraseTable } from "./lexicon.js";
import { wordsAt } from "./normalize.js";

/** The data of intents/scope.yaml `subjects`. */
export interface SubjectsData {
  /** Question frames with "..." where the subject stands ("does ... help", "what about ...", "... for leg cramps"). */
  frames: string[];
  /** Words never the subject, although the article does not use them (people, times, everyday things). */
  everyday: string[];
  /** Words that end a subject left open on the right ("what about ice *for* my calves"). */
  ends: string[];
  /** Words left off the front of a subject's name ("a", "my", "taking"). */
  lead: string[];
  /** Measures that, with the "of" after them, lead a subject's name ("a glass of milk"). Default: none. */
  measures?: string[];
}

/** A verb's -ing form ("seeing", "wearing"): before a noun phrase it leads the name, it is not the thing named. */
const GERUND = /^[a-z]{2,}ing$/;
/** After a gerund, a pointer makes a clause ("does massaging it afterwards help"), not a noun phrase. */
const OBJECT_POINTERS = new Set(["it", "them", "this", "that", "these", "those", "him", "her"]);
/** The word that joins a measure to what it measures. */
const OF = "of";
/** A subject of at most this many words (its leading words aside): a longer slot is a clause, not a thing named. */
const MAX_SUBJECT = 4;
/** A frame's parts at most this many words apart: what lies between may go on past the subject ("...on my calf"). */
const MAX_SPAN = 8;

interface Frame {
  before: string[];
  after: string[];
}

export class UnknownSubject {
  private readonly frames: Frame[] = [];
  /** The first word of each frame's fixed part: a message with none of them pays nothing more. */
  private readonly firsts = new PhraseTable<true>();
  /** The indexes of the frames with words before the subject, by their first word, in order. */
  private readonly closedByFirst = new Map<string, number[]>();
  /** The indexes of the frames open on the left ("... for cramps"), by the first word after the subject, in order. */
  private readonly openByFirst = new Map<string, number[]>();
  private readonly everyday: Set<string>;
  private readonly ends: Set<string>;
  private readonly lead: Set<string>;
  private readonly measures: Set<string>;
  /** The lexicon's function words: a slot holding one is a clause, not a thing named. */
  private readonly neutral: Set<string>;

  /**
   * @param knows whether a stem is one the article's texts or the lexicon's lay words use (a typo is corrected to one
   *   before this is asked).
   */
  constructor(
    data: SubjectsData,
    private readonly lexicon: Lexicon,
    private readonly knows: (stem: string) => boolean,
  ) {
    this.neutral = new Set(lexicon.data.neutral.flatMap((w) => lexicon.stems(w)));
    for (const frame of data.frames) {
      const [before = "", after = ""] = frame.split("...");
      const f = { before: lexicon.stems(before), after: lexicon.stems(after) };
      if (f.before.length + f.after.length === 0) continue;
      const first = (f.before[0] ?? f.after[0]) as string;
      const byFirst = f.before.length === 0 ? this.openByFirst : this.closedByFirst;
      const list = byFirst.get(first);
      if (list) list.push(this.frames.length);
      else byFirst.set(first, [this.frames.length]);
      this.frames.push(f);
      this.firsts.set([first], true);
    }
    this.everyday = new Set(data.everyday.flatMap((w) => lexicon.stems(w)));
    this.ends = new Set(data.ends.flatMap((w) => lexicon.stems(w)));
    this.lead = new Set(data.lead.flatMap((w) => lexicon.stems(w)));
    this.measures = new Set((data.measures ?? []).flatMap((w) => lexicon.stems(w)));
  }

  /** A message may hold a frame (one word test over its stems). */
  mayAsk(stems: readonly string[]): boolean {
    return this.frames.length > 0 && this.firsts.findAll(stems).length > 0;
  }

  /**
   * The unknown subject of an asking clause, as written ("a foam roller"), or null. A frame open on the left ("...
   * for cramps") is read over the clause's whole sentence (`sentence`), whose start the subject is ("tart cherry juice
   * - legit for night cramps?"); the others within the clause.
   */
  find(clause: Analysis, sentence: Analysis): string | null {
    // Only the frames whose first fixed word the text holds can match: found from the text's words, in the frames'
    // order (trying each frame's word against sets of the text's words cost more than the rest; ADR 33).
    const candidates: number[] = [];
    for (const stem of clause.stems) {
      const list = this.closedByFirst.get(stem);
      if (list !== undefined) candidates.push(...list);
    }
    for (const stem of sentence.stems) {
      const list = this.openByFirst.get(stem);
      if (list !== undefined) candidates.push(...list);
    }
    // (Most messages hold no frame's word, or one: nothing to sort.)
    if (candidates.length > 1) candidates.sort(ascending);
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k] ?? -1;
      const frame = this.frames[n];
      if (frame === undefined || n === candidates[k - 1]) continue;
      const open = frame.before.length === 0;
      const { stems, tokens } = open ? sentence : clause;
      const named = this.namedInSlots(frame, stems, tokens);
      if (named !== null) return named;
    }
    return null;
  }

  /**
   * The first subject named in the places a frame's subject may stand in a clause (between its parts, or to the
   * clause's edge when open), tried in order; null for none. Each place is read as it is found, and the first that
   * names a subject ends the search: a loop rather than a generator, whose object and results were about a twelfth
   * of the bytes a message allocated.
   */
  private namedInSlots(frame: Frame, stems: readonly string[], tokens: readonly string[]): string | null {
    const { before, after } = frame;
    if (before.length === 0) {
      // "turmeric capsules for leg cramps", "pineapple for cramps yay or nay": an open left edge is the sentence's
      // start, and the subject runs from it to the frame or to a word that ends it.
      // Nothing but the subject stands before the frame: "yo why do my legs cramp" names no thing.
      for (let at = 1; at <= Math.min(stems.length - after.length, MAX_SPAN); at++) {
        if (!matches(stems, after, at)) continue;
        if (this.cut(stems, tokens, 0, at) === at && at - this.leading(stems, tokens, 0, at) <= MAX_SUBJECT)
          return this.named(stems, tokens, 0, at);
        return null;
      }
      return null;
    }
    for (let i = 0; i + before.length <= stems.length; i++) {
      if (!matches(stems, before, i)) continue;
      const start = i + before.length;
      if (after.length === 0) {
        // "what about drinking a glass of milk": the words that lead the name ("drinking a glass of") may be ends.
        const from = start + this.leading(stems, tokens, start, stems.length);
        let end = from;
        while (end < stems.length && end - from < MAX_SUBJECT && !this.ends.has(stems[end] ?? "")) end++;
        if (end > from) {
          const named = this.named(stems, tokens, start, end);
          if (named !== null) return named;
        }
        continue;
      }
      // "would kinesiology tape on my calf stop it": the subject ends at a word that ends it ("on").
      for (let at = start + 1; at <= Math.min(stems.length - after.length, start + MAX_SPAN); at++) {
        if (!matches(stems, after, at)) continue;
        const end = this.cut(stems, tokens, start, at);
        if (end > start && end - start <= MAX_SUBJECT + this.leading(stems, tokens, start, end)) {
          const named = this.named(stems, tokens, start, end);
          if (named !== null) return named;
        }
        break;
      }
    }
    return null;
  }

  /**
   * Where a subject from `start` ends: at the first word that ends a subject after the words that lead its name
   * ("seeing a podiatrist *with*", "a glass of milk *before*"), or at `at`.
   */
  private cut(stems: readonly string[], tokens: readonly string[], start: number, at: number): number {
    const from = Math.max(start + 1, start + this.leading(stems, tokens, start, at));
    for (let i = from; i < at; i++) if (this.ends.has(stems[i] ?? "")) return i;
    return at;
  }

  /**
   * How many words at the front of a slot are left off its name ("my new running shoes": "my"): the `lead` words
   * (determiners, measures such as "a glass of"), and a gerund with more of the noun phrase after it ("*seeing* a
   * podiatrist", "*wearing* tight jeans"; "cycling" alone, or before a word that ends the subject, is the activity).
   */
  private leading(stems: readonly string[], tokens: readonly string[], start: number, end: number): number {
    let from = start;
    while (from < end) {
      const stem = stems[from] ?? "";
      const next = stems[from + 1];
      if (this.measures.has(stem) && next === OF && from + 2 < end) {
        from += 2;
        continue;
      }
      // A word that also ends a subject ("is", "to") leads it only as its first word.
      if (this.lead.has(stem) && (from === start || !this.ends.has(stem))) {
        from++;
        continue;
      }
      if (next === undefined || from + 1 >= end) break;
      const gerund = GERUND.test(tokens[from] ?? "") && !this.neutral.has(stem);
      if (!gerund || this.ends.has(next) || OBJECT_POINTERS.has(next)) break;
      from++;
    }
    return from - start;
  }

  /**
   * The slot as written, when a word in it is a content word the article never uses: not known, not everyday, not a
   * number, not a past or adverb form ("prescribed", "properly"; subjects are things or activities). Null otherwise.
   */
  private named(
    stems: readonly string[],
    tokens: readonly string[],
    start: number,
    end: number,
  ): string | null {
    const from = start + this.leading(stems, tokens, start, end);
    // A function word inside is no noun phrase ("can you quiz me", "wait how").
    if (stems.slice(from, end).some((s) => this.neutral.has(s))) return null;
    const unknown = stems
      .slice(from, end)
      .some((s, k) => this.foreign(s, tokens[from + k] ?? s) && !this.lexicon.numbers.parse(s));
    if (!unknown) return null;
    return tokens.slice(from, end).join(" ");
  }

  private foreign(stem: string, token: string): boolean {
    if (this.knows(stem) || this.everyday.has(stem) || stem.length < 2) return false;
    // A gerund is an activity, a thing that may be asked about ("does cycling make it worse"); a past or adverb form
    // ("prescribed", "properly") is not a thing.
    if (/^\d+$/.test(token) || /(ed|ly)$/.test(token)) return false;
    return true;
  }
}

/** (A loop, not `every` with a closure made per call: frames are tried at every word of a clause; ADR 54.) */
function matches(stems: readonly string[], phrase: readonly string[], at: number): boolean {
  return wordsAt(stems, at, phrase);
}

/**
 * Numbers in ascending order, for `sort`: a module-level function, since a comparator made per call loses its optimised
 * code at every full collection and is compiled again (ADR 54).
 */
function ascending(a: number, b: number): number {
  return a - b;
}
