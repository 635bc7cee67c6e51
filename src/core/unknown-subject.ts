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
}

/** A subject of at most this many words: a longer slot is a clause, not a thing named. */
const MAX_SUBJECT = 4;

interface Frame {
  before: string[];
  after: string[];
}

export class UnknownSubject {
  private readonly frames: Frame[] = [];
  /** The first word of each frame's fixed part: a message with none of them pays nothing more. */
  private readonly firsts = new PhraseTable<true>();
  private readonly everyday: Set<string>;
  private readonly ends: Set<string>;
  private readonly lead: Set<string>;

  /**
   * @param knows whether a stem is one the article's texts or the lexicon's lay words use (a typo is corrected to one
   *   before this is asked).
   */
  constructor(
    data: SubjectsData,
    private readonly lexicon: Lexicon,
    private readonly knows: (stem: string) => boolean,
  ) {
    for (const frame of data.frames) {
      const [before = "", after = ""] = frame.split("...");
      const f = { before: lexicon.stems(before), after: lexicon.stems(after) };
      if (f.before.length + f.after.length === 0) continue;
      this.frames.push(f);
      this.firsts.set([(f.before[0] ?? f.after[0]) as string], true);
    }
    this.everyday = new Set(data.everyday.flatMap((w) => lexicon.stems(w)));
    this.ends = new Set(data.ends.flatMap((w) => lexicon.stems(w)));
    this.lead = new Set(data.lead.flatMap((w) => lexicon.stems(w)));
  }

  /** A message may hold a frame (one word test over its stems). */
  mayAsk(stems: readonly string[]): boolean {
    return this.frames.length > 0 && this.firsts.findAll(stems).length > 0;
  }

  /** The unknown subject of an asking clause, as written ("a foam roller"), or null. */
  find(clause: Analysis): string | null {
    const { stems, tokens } = clause;
    for (const frame of this.frames) {
      for (const slot of this.slots(frame, stems)) {
        const named = this.named(stems, tokens, slot.start, slot.end);
        if (named !== null) return named;
      }
    }
    return null;
  }

  /** Where a frame's subject may stand in a clause: between its parts, or to the clause's edge when open. */
  private *slots(frame: Frame, stems: readonly string[]): Generator<{ start: number; end: number }> {
    const { before, after } = frame;
    if (before.length === 0) {
      // "turmeric capsules for leg cramps": an open left edge is the clause's start, and the frame ends the clause.
      const at = stems.length - after.length;
      if (at > 0 && at <= MAX_SUBJECT && matches(stems, after, at)) yield { start: 0, end: at };
      return;
    }
    for (let i = 0; i + before.length <= stems.length; i++) {
      if (!matches(stems, before, i)) continue;
      const start = i + before.length;
      if (after.length === 0) {
        let end = start;
        while (end < stems.length && end - start < MAX_SUBJECT && !this.ends.has(stems[end] ?? "")) end++;
        if (end > start) yield { start, end };
        continue;
      }
      for (let end = start + 1; end <= Math.min(stems.length - after.length, start + MAX_SUBJECT); end++) {
        if (matches(stems, after, end)) {
          yield { start, end };
          break;
        }
      }
    }
  }

  /**
   * The slot as written, when a word in it is a content word the article never uses: not known, not everyday, not a
   * number, not a verb or adverb form ("wearing", "properly"; subjects are things). Null otherwise.
   */
  private named(
    stems: readonly string[],
    tokens: readonly string[],
    start: number,
    end: number,
  ): string | null {
    let from = start;
    while (from < end && this.lead.has(stems[from] ?? "")) from++;
    const unknown = stems
      .slice(from, end)
      .some((s, k) => this.foreign(s, tokens[from + k] ?? s) && !this.lexicon.numbers.parse(s));
    if (!unknown) return null;
    return tokens.slice(from, end).join(" ");
  }

  private foreign(stem: string, token: string): boolean {
    if (this.knows(stem) || this.everyday.has(stem) || stem.length < 2) return false;
    if (/^\d+$/.test(token) || /(ing|ed|ly)$/.test(token)) return false;
    return true;
  }
}

function matches(stems: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((w, k) => stems[at + k] === w);
}
