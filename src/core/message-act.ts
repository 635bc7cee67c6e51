/**
 * A message's act: what a message that asks nothing does. A long greeting ("Good morning! I hope you're having a lovely
 * day. My granddaughter set this up... Hello!") or a thank-you that retells what was done ("I took your advice and
 * bought some brazil nuts... Thank you so very much") names article topics, yet asks nothing: it is that greeting or
 * that thanks, not a question about the topics it tells of. A message asks when any sentence of it has a question mark
 * (but small talk such as "how's it going?"), holds a request anywhere ("could you", "any pointers", "tell me"), opens a
 * clause with an asking word ("what", "how", "is it"), or names a topic in a clause that tells nothing of anyone (a
 * search-box fragment: "thanks. vitamin d dose"). The words are data (lexicon `acts`, each small talk's `acts`); this
 * is the mechanism only. Red flags are the whole message's and are read before any of this (engine.ts).
 */
import type { Analysis, Lexicon } from "./lexicon.js";
import { PhraseTable } from "./lexicon.js";

/** The acts a message that asks nothing can be, most telling first: thanks said in a greeting is still thanks. */
export type Act = "thanks" | "goodbye" | "greeting";
const ACT_ORDER: readonly Act[] = ["thanks", "goodbye", "greeting"];
/** A sentence of at most this many words can be a search-box fragment ("thanks. vitamin d dose"). */
const FRAGMENT = 8;

export interface ActWords {
  /** Phrases that ask wherever they stand ("could you", "any pointers", "thanks in advance"). */
  asks: readonly string[];
  /** Phrases that ask when they open a clause ("what", "how", "is it"). */
  opening: readonly string[];
  /** Phrases an ask is part of and that ask nothing ("what a relief", "can not thank you enough"). */
  not_asks: readonly string[];
  /** Words skipped before a clause's opening ("and", "but", "oh"); the lexicon's filler too. */
  leads: readonly string[];
  /**
   * Words, as written, of a sentence that tells ("I", "my", "you", "it", "worked", "was"): naming a topic there is
   * telling, not asking.
   */
  tellers: readonly string[];
  /** Words after an act that say what it is for ("thanks for the magnesium tip"): the topic named is its object. */
  objects: readonly string[];
}

export interface ActReading {
  /** The small talk a sentence with a question mark is ("how's it going?"), or null when it asks. */
  smallTalkOf(sentence: string): string | null;
  /** Where small-talk phrases stand in an analysis, as stem positions ("can you hear me" is a greeting). */
  smallTalkCover(analysis: Analysis): boolean[];
  /** The text names an article topic or aspect by a word of its own. */
  names(text: string): boolean;
  /** The message names the cramps or any article topic, a general one too. */
  tellsOfCramps(analysis: Analysis): boolean;
}

/** A message's sentences, each with its question mark if it has one. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?\n])\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x));
}

/** A sentence's clauses: split at commas, semicolons, colons and dashes. */
function clausesOf(sentence: string): string[] {
  return sentence
    .split(/[,;:()]+|\s[-\u2013\u2014]+\s|\s*[\u2013\u2014]\s*/)
    .filter((x) => /[\p{L}\p{N}]/u.test(x));
}

export class MessageActs {
  private readonly acts = new PhraseTable<{ act: Act; bare: boolean }>();
  private readonly asks = new PhraseTable<true>();
  private readonly opening = new PhraseTable<true>();
  private readonly notAsks = new PhraseTable<true>();
  private readonly leads: Set<string>;
  private readonly tellers: Set<string>;
  private readonly objects: Set<string>;

  constructor(
    private readonly lexicon: Lexicon,
    acts: ReadonlyMap<Act, { acts: readonly string[]; bare: readonly string[] }>,
    words: ActWords | undefined,
    filler: readonly string[],
  ) {
    const stems = (phrase: string) => lexicon.stems(phrase);
    for (const act of ACT_ORDER) {
      for (const phrase of acts.get(act)?.bare ?? []) this.acts.set(stems(phrase), { act, bare: true });
      for (const phrase of acts.get(act)?.acts ?? []) this.acts.set(stems(phrase), { act, bare: false });
    }
    for (const phrase of words?.asks ?? []) this.asks.set(stems(phrase), true);
    for (const phrase of words?.opening ?? []) this.opening.set(stems(phrase), true);
    for (const phrase of words?.not_asks ?? []) this.notAsks.set(stems(phrase), true);
    this.leads = new Set([...(words?.leads ?? []), ...filler].flatMap(stems));
    // As written, not stemmed: "worked" tells, "works" may be asked about.
    this.tellers = new Set((words?.tellers ?? []).flatMap((w) => lexicon.analyze(w).tokens));
    this.objects = new Set((words?.objects ?? []).flatMap(stems));
  }

  /** The act of a message that asks nothing anywhere; null when it asks, or does no act. */
  of(text: string, analysis: Analysis, reading: ActReading): Act | null {
    if (this.acts.size === 0) return null;
    const hits = this.acts.findAll(analysis.stems);
    if (hits.length === 0) return null;
    // "Hiya. Hairdresser, on my feet ten hours a day... Cramps most nights": a bare "hi" opens a message that tells
    // its problem; it greets only a message that tells of neither the cramps nor a topic.
    if (hits.every((h) => h.value.bare) && reading.tellsOfCramps(analysis)) return null;
    for (const sentence of sentencesOf(text)) {
      if (sentence.includes("?") && reading.smallTalkOf(sentence) === null) return null;
      for (const clause of clausesOf(sentence)) if (this.asksIn(clause, reading)) return null;
      if (this.fragment(sentence, reading)) return null;
    }
    return ACT_ORDER.find((act) => hits.some((h) => h.value.act === act)) ?? null;
  }

  private asksIn(clause: string, reading: ActReading): boolean {
    const analysis = this.lexicon.analyze(clause);
    const { stems } = analysis;
    const talk = reading.smallTalkCover(analysis);
    const not = new Array<boolean>(stems.length).fill(false);
    for (const hit of this.notAsks.findAll(stems))
      for (let i = hit.start; i < hit.start + hit.length; i++) not[i] = true;
    // An ask inside small talk asks nothing ("can you hear me", "how is it going"); nor one that shares a word with a
    // phrase that asks nothing ("can not thank you enough", "what a relief", "I'd like to say thank you").
    const inTalk = (start: number, length: number) => {
      for (let i = start; i < start + length; i++) if (!talk[i]) return false;
      return true;
    };
    const touchesNot = (start: number, length: number) => {
      for (let i = start; i < start + length; i++) if (not[i]) return true;
      return false;
    };
    const free = (start: number, length: number) => !inTalk(start, length) && !touchesNot(start, length);
    if (this.asks.findAll(stems).some((hit) => free(hit.start, hit.length))) return true;
    let first = 0;
    while (first < stems.length && (this.leads.has(stems[first] ?? "") || talk[first])) first++;
    const opens = this.opening.matchAt(stems, first);
    if (opens !== undefined && free(first, opens.length)) return true;
    return false;
  }

  /**
   * "thanks. vitamin d dose", "the vitamin one thanks": a short sentence that names a topic and tells of no one asks
   * about it, unless it is what an act in it is for ("cheers for the magnesium tip") or an act in words of its own
   * tells of it ("the stretch worked wonders"). The act's own words name nothing ("a note of gratitude").
   */
  private fragment(sentence: string, reading: ActReading): boolean {
    const { stems, tokens } = this.lexicon.analyze(sentence);
    if (stems.length > FRAGMENT || tokens.some((t) => this.tellers.has(t))) return false;
    const acts = this.acts.findAll(stems);
    if (acts.some((hit) => hit.length > 1 || this.objects.has(stems[hit.start + hit.length] ?? "")))
      return false;
    const told = tokens.filter((_, i) => !acts.some((hit) => i >= hit.start && i < hit.start + hit.length));
    return reading.names(told.join(" "));
  }
}
